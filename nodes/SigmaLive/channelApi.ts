/** Sigma's live channel resource (research peers.md A2): `/livestream/live`, no `/v1` prefix. */
import type { IDataObject } from 'n8n-workflow';

import { isJsonObject } from '../core/convert';
import { typedChannel } from './events';
import { collectAllPages, listFrom, sigmaApiRequest } from './transport';
import type { SigmaContext } from './transport';

/** The channel as Sigma sends it, plus the typed fields the trigger's `data` has. */
function channelItem(value: unknown): IDataObject {
	const raw: IDataObject = isJsonObject(value) ? value : { value: value as IDataObject[string] };
	return { ...raw, ...typedChannel(raw) };
}

export async function getChannel(this: SigmaContext, id: string): Promise<IDataObject> {
	const answer = await sigmaApiRequest.call(this, 'GET', `/livestream/live/${encodeURIComponent(id)}`);
	return channelItem(answer);
}

export async function listChannels(
	this: SigmaContext,
	page: number,
	length: number,
): Promise<{ channels: IDataObject[]; total: number | null }> {
	const answer = await sigmaApiRequest.call(this, 'GET', '/livestream/live', { qs: { page, length } });
	const { items, total } = listFrom(answer);
	return { channels: items.map(channelItem), total };
}

/** Every channel, all pages. */
export async function listAllChannels(this: SigmaContext): Promise<IDataObject[]> {
	return await collectAllPages(async (page, length) => {
		const { channels, total } = await listChannels.call(this, page, length);
		return { items: channels, total };
	}, (channel) => JSON.stringify(channel.id ?? channel));
}
