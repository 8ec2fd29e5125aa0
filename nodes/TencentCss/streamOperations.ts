/**
 * The Tencent CSS node's Stream and Domain operations: cut, forbid and resume a push, read a
 * stream's state, page through online streams and domains (docs/protocols/stream-control.md §1).
 * Writes report what the stream was before (§1.7) so a repeated moderation step answers with a
 * flag instead of failing (§5).
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { attempt } from '../core/attempt';
import { blockEndTime, requiredText, unknownOperation, wantedCount } from '../core/execute';
import { tencentCssApiRequest } from './TencentCssApi';

/** Tencent's Reason limit, in bytes (§1.4). */
export const MAX_REASON_BYTES = 2048;
/** One page size that both the China and the international site accept (§1.6). */
const ONLINE_PAGE_SIZE = 100;
const DOMAIN_PAGE_SIZE = 100;
/** Bounds on paging, so an answer that never ends cannot loop the node forever. */
const MAX_PAGES = 1000;

type StreamState = 'active' | 'inactive' | 'forbid';

interface StreamRef extends IDataObject {
	DomainName: string;
	AppName: string;
	StreamName: string;
}

function streamRef(ctx: IExecuteFunctions, itemIndex: number): StreamRef {
	const fromTrigger = 'A Tencent CSS Trigger item fills it by default (stream.domain, stream.app, stream.name); otherwise set it.';
	return {
		DomainName: requiredText(ctx, 'pushDomain', 'Push Domain', itemIndex, fromTrigger),
		AppName: requiredText(ctx, 'streamApp', 'App Name', itemIndex, fromTrigger),
		StreamName: requiredText(ctx, 'streamName', 'Stream Name', itemIndex, fromTrigger),
	};
}

/** The stream's state, or null when it cannot be read (the write goes ahead anyway, §1.7). */
async function stateBefore(ctx: IExecuteFunctions, stream: StreamRef, itemIndex: number): Promise<StreamState | null> {
	const read = await attempt(ctx, async () => await tencentCssApiRequest(ctx, 'DescribeLiveStreamState', stream, itemIndex, { read: true }));
	if (!read.ok) return null;
	const state = String(read.value.StreamState ?? '');
	return state === 'active' || state === 'inactive' || state === 'forbid' ? state : null;
}

function reasonOf(ctx: IExecuteFunctions, itemIndex: number): string {
	const reason = String(ctx.getNodeParameter('reason', itemIndex, '') ?? '').trim();
	const bytes = Buffer.byteLength(reason, 'utf8');
	if (bytes > MAX_REASON_BYTES) {
		throw new NodeOperationError(ctx.getNode(), `The reason is ${bytes} bytes long; Tencent accepts at most ${MAX_REASON_BYTES}`, { itemIndex });
	}
	return reason;
}

export async function streamOperation(ctx: IExecuteFunctions, operation: string, itemIndex: number): Promise<IDataObject | IDataObject[]> {
	switch (operation) {
		case 'drop': {
			const stream = streamRef(ctx, itemIndex);
			const previousState = await stateBefore(ctx, stream, itemIndex);
			const answer = await tencentCssApiRequest(ctx, 'DropLiveStream', stream, itemIndex);
			return {
				...stream,
				dropped: true,
				wasLive: previousState === null ? null : previousState === 'active',
				previousState,
				RequestId: answer.RequestId ?? null,
			};
		}
		case 'forbid': {
			const stream = streamRef(ctx, itemIndex);
			const resumeTime = blockEndTime(ctx, ctx.getNodeParameter('resumeTime', itemIndex, ''), itemIndex);
			const reason = reasonOf(ctx, itemIndex);
			const body: IDataObject = { ...stream };
			if (resumeTime) body.ResumeTime = resumeTime;
			if (reason !== '') body.Reason = reason;
			const previousState = await stateBefore(ctx, stream, itemIndex);
			const answer = await tencentCssApiRequest(ctx, 'ForbidLiveStream', body, itemIndex);
			return {
				...stream,
				forbidden: true,
				alreadyForbidden: previousState === null ? null : previousState === 'forbid',
				wasLive: previousState === null ? null : previousState === 'active',
				previousState,
				ResumeTime: resumeTime ?? null,
				Reason: reason,
				RequestId: answer.RequestId ?? null,
			};
		}
		case 'resume': {
			const stream = streamRef(ctx, itemIndex);
			const previousState = await stateBefore(ctx, stream, itemIndex);
			const answer = await tencentCssApiRequest(ctx, 'ResumeLiveStream', stream, itemIndex);
			return {
				...stream,
				resumed: true,
				wasForbidden: previousState === null ? null : previousState === 'forbid',
				previousState,
				RequestId: answer.RequestId ?? null,
			};
		}
		case 'getState': {
			const stream = streamRef(ctx, itemIndex);
			const answer = await tencentCssApiRequest(ctx, 'DescribeLiveStreamState', stream, itemIndex, { read: true });
			const state = String(answer.StreamState ?? '');
			return { ...stream, StreamState: state, live: state === 'active', forbidden: state === 'forbid', RequestId: answer.RequestId ?? null };
		}
		case 'getAll':
			return await onlineStreams(ctx, itemIndex);
	}
	throw unknownOperation(ctx, 'stream', operation, itemIndex);
}

async function onlineStreams(ctx: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const wanted = wantedCount(ctx, itemIndex);
	const filters = ctx.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const base: IDataObject = {};
	for (const [field, key] of [['DomainName', 'pushDomain'], ['AppName', 'appName'], ['StreamName', 'streamName']] as const) {
		const value = typeof filters[key] === 'string' ? (filters[key] as string).trim() : '';
		if (value !== '') base[field] = value;
	}
	const found: IDataObject[] = [];
	for (let page = 1; page <= MAX_PAGES && found.length < wanted; page++) {
		const answer = await tencentCssApiRequest(ctx, 'DescribeLiveStreamOnlineList', { ...base, PageNum: page, PageSize: ONLINE_PAGE_SIZE }, itemIndex, {
			read: true,
		});
		const list = (answer.OnlineInfo as IDataObject[] | undefined) ?? [];
		found.push(...list);
		if (list.length === 0 || page >= Number(answer.TotalPage ?? 0)) break;
	}
	return found.slice(0, wanted);
}

/** Every domain matching `query` (DomainType / DomainStatus), all pages, as far as `wanted` (§1.9). */
export async function listDomains(
	call: (body: IDataObject) => Promise<IDataObject>,
	query: IDataObject,
	wanted = Infinity,
): Promise<IDataObject[]> {
	const found: IDataObject[] = [];
	for (let page = 1; page <= MAX_PAGES && found.length < wanted; page++) {
		const answer = await call({ ...query, PageNum: page, PageSize: DOMAIN_PAGE_SIZE });
		if ((answer.Error as IDataObject | undefined)?.Code === 'ResourceNotFound.EmptyData') break;
		const list = (answer.DomainList as IDataObject[] | undefined) ?? [];
		found.push(...list);
		if (list.length < DOMAIN_PAGE_SIZE || page * DOMAIN_PAGE_SIZE >= Number(answer.AllCount ?? 0)) break;
	}
	return found.slice(0, wanted);
}

const DOMAIN_TYPES: Record<string, number> = { push: 0, play: 1 };
const DOMAIN_STATUSES: Record<string, number> = { disabled: 0, enabled: 1 };

export async function domainOperation(ctx: IExecuteFunctions, operation: string, itemIndex: number): Promise<IDataObject[]> {
	if (operation !== 'getAll') throw unknownOperation(ctx, 'domain', operation, itemIndex);
	const filters = ctx.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const query: IDataObject = {};
	const type = DOMAIN_TYPES[String(filters.domainType ?? 'any')];
	if (type !== undefined) query.DomainType = type;
	const status = DOMAIN_STATUSES[String(filters.domainStatus ?? 'any')];
	if (status !== undefined) query.DomainStatus = status;
	if (typeof filters.domainPrefix === 'string' && filters.domainPrefix.trim() !== '') query.DomainPrefix = filters.domainPrefix.trim();
	const call = async (body: IDataObject) =>
		await tencentCssApiRequest(ctx, 'DescribeLiveDomains', body, itemIndex, { read: true, tolerate: ['ResourceNotFound.EmptyData'] });
	return await listDomains(call, query, wantedCount(ctx, itemIndex));
}
