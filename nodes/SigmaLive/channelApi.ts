/** Sigma's live channel resource (research peers.md A2): `/livestream/live`, no `/v1` prefix. */
import type { IDataObject } from 'n8n-workflow';

import { toNumber } from '../core/convert';
import { typedChannel } from './events';
import { sigmaApiRequest } from './transport';
import type { SigmaContext } from './transport';
import { MAX_PAGE_LENGTH, MAX_PAGES } from './webhookApi';

function isObject(value: unknown): value is IDataObject {
	return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The channel as Sigma sends it, plus the typed fields the trigger's `data` has. */
function channelItem(value: unknown): IDataObject {
	const raw: IDataObject = isObject(value) ? value : { value: value as IDataObject[string] };
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
	let items: unknown[] = [];
	let total: number | null = null;
	if (Array.isArray(answer)) items = answer;
	else if (isObject(answer)) {
		for (const key of ['data', 'items', 'results']) {
			if (Array.isArray(answer[key])) {
				items = answer[key] as unknown[];
				total = toNumber(answer.total);
				break;
			}
		}
	}
	return { channels: items.map(channelItem), total };
}

export async function listAllChannels(this: SigmaContext): Promise<IDataObject[]> {
	const all: IDataObject[] = [];
	for (let page = 0; page < MAX_PAGES; page++) {
		const { channels, total } = await listChannels.call(this, page, MAX_PAGE_LENGTH);
		all.push(...channels);
		if (channels.length < MAX_PAGE_LENGTH) break;
		if (total !== null && all.length >= total) break;
	}
	return all;
}
