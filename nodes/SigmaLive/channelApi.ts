/**
 * Sigma's live channel resource (docs/protocols/stream-control.md §4):
 * `/livestream/live`, no `/v1` prefix.
 */
import type { IDataObject } from 'n8n-workflow';

import { attempt } from '../core/attempt';
import { isJsonObject } from '../core/convert';
import { typedChannel } from './events';
import { collectAllPages, isNotFound, listFrom, sigmaApiRequest } from './transport';
import type { SigmaContext } from './transport';

/** The channel as Sigma sends it, plus the typed fields the trigger's `data` has. */
function channelItem(value: unknown): IDataObject {
	const raw: IDataObject = isJsonObject(value) ? value : { value: value as IDataObject[string] };
	return { ...raw, ...typedChannel(raw) };
}

export async function getChannel(ctx: SigmaContext, id: string): Promise<IDataObject> {
	const answer = await sigmaApiRequest(ctx, 'GET', `/livestream/live/${encodeURIComponent(id)}`);
	return channelItem(answer);
}

export async function listChannels(
	ctx: SigmaContext,
	page: number,
	length: number,
): Promise<{ channels: IDataObject[]; total: number | null }> {
	const answer = await sigmaApiRequest(ctx, 'GET', '/livestream/live', { qs: { page, length } });
	const { items, total } = listFrom(answer);
	return { channels: items.map(channelItem), total };
}

/** Every channel, all pages. */
export async function listAllChannels(ctx: SigmaContext): Promise<IDataObject[]> {
	return await collectAllPages(async (page, length) => {
		const { channels, total } = await listChannels(ctx, page, length);
		return { items: channels, total };
	}, (channel) => JSON.stringify(channel.id ?? channel));
}

/** The answer of Stop / Stop and Delete (docs/protocols/stream-control.md §4). */
export interface StopOutcome {
	/** False when Sigma answered 404: the channel does not exist (any more). */
	found: boolean;
	answer: unknown;
}

/**
 * `DELETE /livestream/live/{id}?delete=…`: a live channel stops at once and cannot receive pushes
 * again; with `deleteToo` the event and its saved data go too. A 404 is reported, not thrown.
 */
export async function stopChannel(ctx: SigmaContext, id: string, deleteToo: boolean): Promise<StopOutcome> {
	const path = `/livestream/live/${encodeURIComponent(id)}`;
	const outcome = await attempt(ctx, async () => await sigmaApiRequest(ctx, 'DELETE', path, { qs: { delete: deleteToo ? 'true' : 'false' } }));
	if (outcome.ok) return { found: true, answer: outcome.value };
	if (isNotFound(outcome.error)) return { found: false, answer: null };
	throw outcome.error;
}

/** `PUT /livestream/live/{id}` with name, catchup, description and tags (a comma-separated text). */
export async function updateChannel(ctx: SigmaContext, id: string, fields: IDataObject): Promise<IDataObject> {
	const answer = await sigmaApiRequest(ctx, 'PUT', `/livestream/live/${encodeURIComponent(id)}`, { body: fields });
	return channelItem(isJsonObject(answer) && Object.keys(answer).length > 0 ? answer : { id, ...fields });
}
