/**
 * The Sigma Livestream node's Channel operations: get, list, stop, stop and delete, update
 * (docs/protocols/stream-control.md §4). Stop reads the channel first to say whether it was live;
 * stopping or deleting a channel that does not exist (any more) answers `alreadyGone: true` (§5).
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { attempt } from '../core/attempt';
import { requiredText, unknownOperation } from '../core/execute';
import { getChannel, listAllChannels, listChannels, stopChannel, updateChannel } from './channelApi';
import { MAX_PAGE_LENGTH } from './transport';

export function pageAndLength(ctx: IExecuteFunctions, index: number): { page: number; length: number } {
	const page = Math.max(0, Math.floor(Number(ctx.getNodeParameter('page', index, 0))));
	const length = Math.floor(Number(ctx.getNodeParameter('length', index, 50)));
	if (!Number.isFinite(length) || length < 1 || length > MAX_PAGE_LENGTH) {
		throw new NodeOperationError(ctx.getNode(), `Limit must be between 1 and ${MAX_PAGE_LENGTH}`, { itemIndex: index });
	}
	return { page: Number.isFinite(page) ? page : 0, length };
}

const channelIdOf = (ctx: IExecuteFunctions, index: number) =>
	requiredText(ctx, 'channelId', 'Channel ID', index, 'A Sigma Livestream Trigger item fills it by default (stream.name); otherwise set it.');

function updateBody(ctx: IExecuteFunctions, index: number): IDataObject {
	const fields = ctx.getNodeParameter('updateFields', index, {}) as IDataObject;
	const body: IDataObject = {};
	if (typeof fields.name === 'string' && fields.name.trim() !== '') body.name = fields.name.trim();
	if (typeof fields.description === 'string') body.description = fields.description;
	if (typeof fields.catchup === 'boolean') body.catchup = fields.catchup;
	if (fields.tags !== undefined) {
		const tags = Array.isArray(fields.tags) ? fields.tags.map(String) : String(fields.tags).split(',');
		body.tags = tags.map((t) => t.trim()).filter((t) => t !== '').join(',');
	}
	if (Object.keys(body).length === 0) {
		throw new NodeOperationError(ctx.getNode(), 'Nothing to update: add at least one field', { itemIndex: index });
	}
	return body;
}

export async function channelOperation(ctx: IExecuteFunctions, operation: string, index: number): Promise<IDataObject[]> {
	switch (operation) {
		case 'get':
			return [await getChannel(ctx, channelIdOf(ctx, index))];
		case 'getAll': {
			if (ctx.getNodeParameter('returnAll', index, false) === true) return await listAllChannels(ctx);
			const { page, length } = pageAndLength(ctx, index);
			return (await listChannels(ctx, page, length)).channels;
		}
		case 'stop':
		case 'stopAndDelete': {
			const id = channelIdOf(ctx, index);
			const deleteToo = operation === 'stopAndDelete';
			const before = await attempt(ctx, async () => await getChannel(ctx, id));
			const previousStatus = before.ok && typeof before.value.status === 'string' ? before.value.status : null;
			const outcome = await stopChannel(ctx, id, deleteToo);
			return [
				{
					id,
					stopped: true,
					deleted: deleteToo && outcome.found,
					alreadyGone: !outcome.found,
					previousStatus,
					wasLive: previousStatus === null ? null : previousStatus === 'live',
				},
			];
		}
		case 'update': {
			const id = channelIdOf(ctx, index);
			return [{ ...(await updateChannel(ctx, id, updateBody(ctx, index))), updated: true }];
		}
	}
	throw unknownOperation(ctx, 'channel', operation, index);
}
