/**
 * Huawei Cloud Live callbacks (research huawei-live.md §2) → normalized event, stream and typed
 * `data`. One URL receives three families, told apart by the body's shape:
 * - stream notifications: `event` = PUBLISH | PUBLISH_DONE (§2.1)
 * - recording callbacks: `event_type` = RECORD_* (§2.2)
 * - snapshot callbacks: `obs_addr` (+ width/height), no discriminator (§2.3, field list partly unknown)
 * Total: any JSON object yields a ParsedEvent; an unmapped discriminator yields `event: "unknown"`.
 */
import type { IDataObject } from 'n8n-workflow';

import { camelCase, camelizeDeep, firstOf, isoFromUnix, toNumber, toStringOrNull } from '../core/convert';
import type { ParsedEvent, StreamRef } from '../core/item';
import type { EventOption } from '../core/parameters';

export type HuaweiFamily = 'stream' | 'record' | 'snapshot' | 'unknown';

export const HUAWEI_LIVE_EVENTS: readonly EventOption[] = [
	{ value: 'stream.started', name: 'Stream Started', description: 'A push started (PUBLISH)' },
	{ value: 'stream.stopped', name: 'Stream Stopped', description: 'A push stopped (PUBLISH_DONE); may arrive before its PUBLISH' },
	{ value: 'recording.started', name: 'Recording Started', description: 'A recording task started (RECORD_START)' },
	{ value: 'recording.file_started', name: 'Recording File Started', description: 'A new recording file was started (RECORD_NEW_FILE_START)' },
	{ value: 'recording.completed', name: 'Recording File Completed', description: 'A recording file is complete in OBS (RECORD_FILE_COMPLETE)' },
	{ value: 'recording.ended', name: 'Recording Ended', description: 'A recording task ended (RECORD_OVER)' },
	{ value: 'recording.failed', name: 'Recording Failed', description: 'Recording failed (RECORD_FAILED)' },
	{ value: 'snapshot.created', name: 'Snapshot Created', description: 'A snapshot image was written to OBS (snapshot callback)' },
];

const STREAM_EVENTS: Record<string, string> = {
	PUBLISH: 'stream.started',
	PUBLISH_DONE: 'stream.stopped',
};

const RECORD_EVENTS: Record<string, string> = {
	RECORD_START: 'recording.started',
	RECORD_NEW_FILE_START: 'recording.file_started',
	RECORD_FILE_COMPLETE: 'recording.completed',
	RECORD_OVER: 'recording.ended',
	RECORD_FAILED: 'recording.failed',
};

/** The discriminator given to snapshot callbacks, which carry none of their own. */
export const SNAPSHOT_PROVIDER_EVENT = 'SNAPSHOT';

/** Which callback family a body belongs to, by its shape. */
export function familyOf(body: IDataObject): HuaweiFamily {
	// Recording callbacks carry obs_location / obs_bucket / obs_object, never obs_addr.
	if (body.obs_addr !== undefined) return 'snapshot';
	if (typeof body.event_type === 'string' || body.task_id !== undefined || body.publish_domain !== undefined) {
		return 'record';
	}
	if (typeof body.event === 'string' || body.publish_timestamp !== undefined) return 'stream';
	if (body.event === undefined && body.event_type === undefined && (body.width !== undefined || body.height !== undefined)) {
		return 'snapshot';
	}
	return 'unknown';
}

/** A field as the text Huawei concatenates into a signature: strings as sent, numbers in decimal, else ''. */
export function fieldText(body: IDataObject, key: string): string {
	return toStringOrNull(body[key]) ?? '';
}

/** Ingest domain / app / stream name, under any of the spellings the families use. */
export function streamOf(body: IDataObject): StreamRef | null {
	const pick = (keys: string[]) => {
		const value = toStringOrNull(firstOf(body, keys));
		return value === '' ? null : value;
	};
	const domain = pick(['domain', 'publish_domain']);
	const app = pick(['app', 'app_name']);
	const name = pick(['stream', 'stream_name']);
	if (domain === null && app === null && name === null) return null;
	return { domain, app, name };
}

/** Members that are not event data: signature fields, discriminators, and what `stream` carries. */
const NOT_DATA = new Set([
	'auth_timestamp', 'auth_sign', 'event', 'event_type',
	'domain', 'publish_domain', 'app', 'app_name', 'stream', 'stream_name',
]);

function camelData(body: IDataObject): IDataObject {
	const data: IDataObject = {};
	for (const [key, value] of Object.entries(body)) {
		if (NOT_DATA.has(key)) continue;
		data[camelCase(key)] = camelizeDeep(value) as IDataObject[keyof IDataObject];
	}
	return data;
}

/** An ISO time from a `yyyy-mm-ddThh:mm:ssZ` string (or Unix seconds); the value unchanged when it does not parse. */
function isoTime(value: unknown): unknown {
	if (typeof value === 'string' && value.trim() !== '' && toNumber(value) === null) {
		const date = new Date(value);
		return Number.isNaN(date.getTime()) ? value : date.toISOString();
	}
	return isoFromUnix(value, 's') ?? value ?? null;
}

function numberFields(data: IDataObject, keys: readonly string[]): void {
	for (const key of keys) {
		if (data[key] !== undefined) data[key] = toNumber(data[key]) ?? data[key];
	}
}

function parseStream(body: IDataObject): ParsedEvent {
	const providerEvent = toStringOrNull(body.event) ?? '';
	const event = STREAM_EVENTS[providerEvent] ?? 'unknown';
	const data = camelData(body);
	const publishSeconds = toNumber(body.publish_timestamp);
	if (body.publish_timestamp !== undefined) {
		data.publishTimestamp = publishSeconds ?? (body.publish_timestamp as string);
		data.publishedAt = isoFromUnix(body.publish_timestamp, 's');
	}
	const stream = streamOf(body);
	// The same on PUBLISH and PUBLISH_DONE of one push session, whatever order they arrive in.
	data.sessionKey = [stream?.domain ?? '', stream?.app ?? '', stream?.name ?? '', toStringOrNull(body.publish_timestamp) ?? '']
		.join('/');
	return {
		event,
		providerEvent,
		occurredAt: event === 'stream.started' ? isoFromUnix(body.publish_timestamp, 's') : null,
		stream,
		room: null,
		data,
	};
}

function parseRecord(body: IDataObject): ParsedEvent {
	const providerEvent = toStringOrNull(body.event_type) ?? '';
	const event = RECORD_EVENTS[providerEvent] ?? 'unknown';
	const data = camelData(body);
	numberFields(data, ['fileSize', 'recordDuration', 'width', 'height']);
	for (const key of ['startTime', 'endTime']) if (data[key] !== undefined) data[key] = isoTime(data[key]) as string;
	if (body.obs_location !== undefined || body.obs_bucket !== undefined || body.obs_object !== undefined) {
		data.obs = {
			location: toStringOrNull(body.obs_location),
			bucket: toStringOrNull(body.obs_bucket),
			object: toStringOrNull(body.obs_object),
		};
		delete data.obsLocation;
		delete data.obsBucket;
		delete data.obsObject;
	}
	const time = event === 'recording.completed' ? firstOf(data, ['endTime', 'startTime']) : firstOf(data, ['startTime', 'endTime']);
	return {
		event,
		providerEvent,
		occurredAt: typeof time === 'string' && !Number.isNaN(new Date(time).getTime()) ? time : null,
		stream: streamOf(body),
		room: null,
		data,
	};
}

function parseSnapshot(body: IDataObject): ParsedEvent {
	const data = camelData(body);
	numberFields(data, ['width', 'height']);
	const addr = body.obs_addr;
	if (addr && typeof addr === 'object' && !Array.isArray(addr)) {
		const a = addr as IDataObject;
		data.obs = {
			...(camelizeDeep(a) as IDataObject),
			location: toStringOrNull(a.location),
			bucket: toStringOrNull(a.bucket),
			object: toStringOrNull(a.object),
		};
		delete data.obsAddr;
	}
	return {
		event: 'snapshot.created',
		// The documented fields hold no discriminator; keep one if Huawei's real payload has it.
		providerEvent: toStringOrNull(firstOf(body, ['event_type', 'event'])) ?? SNAPSHOT_PROVIDER_EVENT,
		occurredAt: null,
		stream: streamOf(body),
		room: null,
		data,
	};
}

export function parseHuaweiLiveEvent(body: IDataObject, family: HuaweiFamily = familyOf(body)): ParsedEvent {
	if (family === 'stream') return parseStream(body);
	if (family === 'record') return parseRecord(body);
	if (family === 'snapshot') return parseSnapshot(body);
	return {
		event: 'unknown',
		providerEvent: toStringOrNull(firstOf(body, ['event', 'event_type'])) ?? '',
		occurredAt: null,
		stream: streamOf(body),
		room: null,
		data: camelData(body),
	};
}
