/**
 * The Huawei Cloud Live node's Stream and Domain operations: block, update, unblock and cut a push,
 * list blocked and online streams, list domains (docs/protocols/stream-control.md §2). Block and
 * Unblock look the stream up in the block list first, so repeating them answers with a flag
 * instead of Huawei's undocumented refusal (§5).
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { attempt } from '../core/attempt';
import { blockEndTime, providerCode, requiredText, unknownOperation, wantedCount } from '../core/execute';
import { huaweiLiveApiRequest } from './HuaweiLiveApi';
import type { HuaweiLiveContext } from './HuaweiLiveApi';

const PAGE_SIZE = 100;
/** A bound on paging, so an answer that never ends cannot loop the node forever. */
const MAX_PAGES = 1000;

interface StreamRef extends IDataObject {
	domain: string;
	app_name: string;
	stream_name: string;
}

function streamRef(ctx: IExecuteFunctions, itemIndex: number): StreamRef {
	const fromTrigger = 'A Huawei Cloud Live Trigger item fills it by default (stream.domain, stream.app, stream.name); otherwise set it.';
	const ref: StreamRef = {
		domain: requiredText(ctx, 'pushDomain', 'Push Domain', itemIndex, fromTrigger),
		app_name: requiredText(ctx, 'appName', 'App Name', itemIndex, fromTrigger),
		stream_name: requiredText(ctx, 'streamName', 'Stream Name', itemIndex, fromTrigger),
	};
	if (ref.stream_name === '*') {
		throw new NodeOperationError(ctx.getNode(), 'The stream name must be one stream, not "*"', { itemIndex });
	}
	return ref;
}

/** The stream's block entry, undefined when it is not blocked, null when the list cannot be read. */
async function blockOf(ctx: IExecuteFunctions, stream: StreamRef, itemIndex: number): Promise<IDataObject | undefined | null> {
	const read = await attempt(ctx, async () =>
		await huaweiLiveApiRequest(ctx, 'GET', 'stream/blocks', itemIndex, {
			qs: { domain: stream.domain, app_name: stream.app_name, stream_name: stream.stream_name, page: 0, size: PAGE_SIZE },
			read: true,
		}),
	);
	if (!read.ok) return null;
	const blocks = (read.value.body.blocks as IDataObject[] | undefined) ?? [];
	return blocks.find((b) => b.app_name === stream.app_name && b.stream_name === stream.stream_name);
}

/** Whether the stream is being pushed now, null when the online list cannot be read. */
async function isLive(ctx: IExecuteFunctions, stream: StreamRef, itemIndex: number): Promise<boolean | null> {
	const read = await attempt(ctx, async () =>
		await huaweiLiveApiRequest(ctx, 'GET', 'realtime/streams', itemIndex, {
			qs: { publish_domain: stream.domain, app: stream.app_name, stream: stream.stream_name, offset: 0, limit: 10 },
			read: true,
		}),
	);
	if (!read.ok) return null;
	const streams = (read.value.body.streams as IDataObject[] | undefined) ?? [];
	return streams.some((s) => s.app === stream.app_name && s.stream === stream.stream_name);
}

function resumeTimeOf(ctx: IExecuteFunctions, itemIndex: number, required: boolean): string | undefined {
	const resumeTime = blockEndTime(ctx, ctx.getNodeParameter('resumeTime', itemIndex, ''), itemIndex);
	if (required && resumeTime === undefined) {
		throw new NodeOperationError(ctx.getNode(), 'Resume At is empty: Update Block sets a new end time', { itemIndex });
	}
	return resumeTime;
}

export async function streamOperation(ctx: IExecuteFunctions, operation: string, itemIndex: number): Promise<IDataObject | IDataObject[]> {
	switch (operation) {
		case 'block': {
			const stream = streamRef(ctx, itemIndex);
			const resumeTime = resumeTimeOf(ctx, itemIndex, false);
			const body: IDataObject = { ...stream };
			if (resumeTime) body.resume_time = resumeTime;
			const existing = await blockOf(ctx, stream, itemIndex);
			let alreadyBlocked: boolean | null = existing === null ? null : existing !== undefined;
			let answer;
			if (existing) {
				answer = await huaweiLiveApiRequest(ctx, 'PUT', 'stream/blocks', itemIndex, { body });
			} else {
				const created = await attempt(ctx, async () => await huaweiLiveApiRequest(ctx, 'POST', 'stream/blocks', itemIndex, { body }));
				if (created.ok) {
					answer = created.value;
				} else if (providerCode(created.error) === 'LIVE.103011018') {
					// Blocked meanwhile (or the list was unreadable): set the new end time instead (§2.2).
					alreadyBlocked = true;
					answer = await huaweiLiveApiRequest(ctx, 'PUT', 'stream/blocks', itemIndex, { body });
				} else {
					throw created.error;
				}
			}
			return {
				...stream,
				blocked: true,
				alreadyBlocked,
				resume_time: resumeTime ?? null,
				previous_resume_time: existing ? (existing.resume_time ?? null) : null,
				requestId: answer.requestId,
			};
		}
		case 'updateBlock': {
			const stream = streamRef(ctx, itemIndex);
			const resumeTime = resumeTimeOf(ctx, itemIndex, true);
			const answer = await huaweiLiveApiRequest(ctx, 'PUT', 'stream/blocks', itemIndex, { body: { ...stream, resume_time: resumeTime } });
			return { ...stream, updated: true, resume_time: resumeTime ?? null, requestId: answer.requestId };
		}
		case 'unblock': {
			const stream = streamRef(ctx, itemIndex);
			const existing = await blockOf(ctx, stream, itemIndex);
			if (existing === undefined) return { ...stream, unblocked: true, wasBlocked: false, requestId: null };
			const answer = await huaweiLiveApiRequest(ctx, 'DELETE', 'stream/blocks', itemIndex, { qs: { ...stream } });
			return { ...stream, unblocked: true, wasBlocked: existing === null ? null : true, requestId: answer.requestId };
		}
		case 'drop': {
			const stream = streamRef(ctx, itemIndex);
			const wasLive = await isLive(ctx, stream, itemIndex);
			const answer = await huaweiLiveApiRequest(ctx, 'POST', 'stream/block-once', itemIndex, { body: { ...stream } });
			return { ...stream, dropped: true, wasLive, requestId: answer.requestId };
		}
		case 'getAllBlocked':
			return await blockedStreams(ctx, itemIndex);
		case 'getAll':
			return await onlineStreams(ctx, itemIndex);
	}
	throw unknownOperation(ctx, 'stream', operation, itemIndex);
}

function listFilters(ctx: IExecuteFunctions, itemIndex: number): { app: string; stream: string } {
	const filters = ctx.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
	return { app: text(filters.appName), stream: text(filters.streamName) };
}

async function blockedStreams(ctx: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const domain = requiredText(ctx, 'pushDomain', 'Push Domain', itemIndex);
	const wanted = wantedCount(ctx, itemIndex);
	const { app, stream } = listFilters(ctx, itemIndex);
	const qs: IDataObject = { domain, size: PAGE_SIZE };
	if (app) qs.app_name = app;
	if (stream) qs.stream_name = stream;
	const found: IDataObject[] = [];
	for (let page = 0; page < MAX_PAGES && found.length < wanted; page++) {
		const { body } = await huaweiLiveApiRequest(ctx, 'GET', 'stream/blocks', itemIndex, { qs: { ...qs, page }, read: true });
		const blocks = (body.blocks as IDataObject[] | undefined) ?? [];
		found.push(...blocks.map((b) => ({ domain, ...b })));
		if (blocks.length === 0 || (page + 1) * PAGE_SIZE >= Number(body.total ?? 0)) break;
	}
	return found.slice(0, wanted);
}

async function onlineStreams(ctx: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const domain = requiredText(ctx, 'pushDomain', 'Push Domain', itemIndex);
	const wanted = wantedCount(ctx, itemIndex);
	const { app, stream } = listFilters(ctx, itemIndex);
	if (stream && !app) {
		throw new NodeOperationError(ctx.getNode(), 'Filtering by stream name needs the app name too (Huawei\'s rule)', { itemIndex });
	}
	const qs: IDataObject = { publish_domain: domain, limit: PAGE_SIZE };
	if (app) qs.app = app;
	if (stream) qs.stream = stream;
	const found: IDataObject[] = [];
	for (let offset = 0, page = 0; page < MAX_PAGES && found.length < wanted; page++, offset += PAGE_SIZE) {
		const { body } = await huaweiLiveApiRequest(ctx, 'GET', 'realtime/streams', itemIndex, { qs: { ...qs, offset }, read: true });
		const streams = (body.streams as IDataObject[] | undefined) ?? [];
		found.push(...streams);
		if (streams.length === 0 || offset + PAGE_SIZE >= Number(body.total_num ?? 0)) break;
	}
	return found.slice(0, wanted);
}

/** Every domain of the project (one answer, §2.8), optionally only one type and status. */
export async function listDomains(
	ctx: HuaweiLiveContext,
	itemIndex: number,
	type: string,
	status: string,
): Promise<IDataObject[]> {
	const { body } = await huaweiLiveApiRequest(ctx, 'GET', 'domain', itemIndex, { read: true });
	const all = (body.domain_info as IDataObject[] | undefined) ?? [];
	return all.filter((d) => (type === 'any' || d.domain_type === type) && (status === 'any' || d.status === status));
}

export async function domainOperation(ctx: IExecuteFunctions, operation: string, itemIndex: number): Promise<IDataObject[]> {
	if (operation !== 'getAll') throw unknownOperation(ctx, 'domain', operation, itemIndex);
	const filters = ctx.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const domains = await listDomains(ctx, itemIndex, String(filters.domainType ?? 'any'), String(filters.status ?? 'any'));
	return domains.slice(0, wantedCount(ctx, itemIndex));
}
