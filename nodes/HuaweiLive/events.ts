/**
 * Huawei Cloud Live callbacks → normalized event, stream and typed `data`
 * (docs/protocols/huawei-live.md, "Callback families" and "Fields").
 *
 * One URL receives three families. The family is decided only by members that its own documented
 * shape signs, so that adding a member another family uses cannot move a body between families:
 * - stream notifications: own member `event` (signed by the stream HMAC);
 * - recording callbacks: own member `event_type` (signed by the recording HMAC);
 * - snapshot callbacks: neither of those, and one of `stream_name`, `snapshot_url`, `obs_addr`
 *   (signed by the snapshot HMAC; the other families have none of them).
 * A body with both `event` and `event_type` is `ambiguous` and refused by verify.ts.
 */
import type { IDataObject } from 'n8n-workflow';

import { camelCase, camelizeDeep, firstOf, isJsonObject, isoFromUnix, setOwn, toNumber, toStringOrNull } from '../core/convert';
import type { ParsedEvent, StreamRef } from '../core/item';
import type { EventOption } from '../core/parameters';

export type HuaweiFamily = 'stream' | 'record' | 'snapshot';
export type FamilyOf = HuaweiFamily | 'unknown' | 'ambiguous';

interface EventRow extends EventOption {
	family: HuaweiFamily;
	/** Huawei's wire code (`event` / `event_type`); snapshots carry none, `SNAPSHOT` stands for them. */
	code: string;
}

/** The one event table: wire code → normalized event, label, description. */
const EVENT_TABLE: readonly EventRow[] = [
	{ family: 'stream', code: 'PUBLISH', value: 'stream.started', name: 'Stream Started', description: 'A push started (PUBLISH)' },
	{
		family: 'stream',
		code: 'PUBLISH_DONE',
		value: 'stream.stopped',
		name: 'Stream Stopped',
		description: 'A push stopped (PUBLISH_DONE); may arrive before its PUBLISH',
	},
	{ family: 'record', code: 'RECORD_START', value: 'recording.started', name: 'Recording Started', description: 'A recording task started (RECORD_START)' },
	{
		family: 'record',
		code: 'RECORD_NEW_FILE_START',
		value: 'recording.file_started',
		name: 'Recording File Started',
		description: 'A new recording file was started (RECORD_NEW_FILE_START)',
	},
	{
		family: 'record',
		code: 'RECORD_FILE_COMPLETE',
		value: 'recording.completed',
		name: 'Recording File Completed',
		description: 'A recording file is complete in OBS (RECORD_FILE_COMPLETE)',
	},
	{ family: 'record', code: 'RECORD_OVER', value: 'recording.ended', name: 'Recording Ended', description: 'A recording task ended (RECORD_OVER)' },
	{
		family: 'record',
		code: 'RECORD_FAILED',
		value: 'recording.failed',
		name: 'Recording Failed',
		description: 'Recording failed (RECORD_FAILED), with Huawei\'s error_message',
	},
	{
		family: 'snapshot',
		code: 'SNAPSHOT',
		value: 'snapshot.created',
		name: 'Snapshot Created',
		description: 'A snapshot image was written to OBS (snapshot callback)',
	},
];

/** The Events parameter's options, derived from the table. */
export const HUAWEI_LIVE_EVENTS: readonly EventOption[] = EVENT_TABLE.map(({ value, name, description }) => ({
	value,
	name,
	description,
}));

/** The discriminator given to snapshot callbacks, which carry none of their own. */
export const SNAPSHOT_PROVIDER_EVENT = 'SNAPSHOT';

// A Map, so that a code such as `constructor` or `__proto__` finds nothing inherited.
const BY_CODE = new Map(EVENT_TABLE.filter((r) => r.family !== 'snapshot').map((r) => [`${r.family}:${r.code}`, r.value]));

/** The normalized event of a wire code in `family`, or undefined when the code is not documented. */
export function knownEvent(family: HuaweiFamily, code: unknown): string | undefined {
	if (family === 'snapshot') return 'snapshot.created';
	return typeof code === 'string' ? BY_CODE.get(`${family}:${code}`) : undefined;
}

/** The member that names the event in each family (none for snapshots). */
export const DISCRIMINATOR: Readonly<Record<HuaweiFamily, string | null>> = {
	stream: 'event',
	record: 'event_type',
	snapshot: null,
};

/**
 * Which members are the ingest domain, app and stream name in each family. The signature covers
 * exactly these (verify.ts), and `stream` of the item is read from exactly these: no other
 * spelling (`publish_domain` in a stream notification, `app_name`, `stream_name` elsewhere) is used.
 */
export const STREAM_MEMBERS: Readonly<Record<HuaweiFamily, { domain: string; app: string; name: string }>> = {
	stream: { domain: 'domain', app: 'app', name: 'stream' },
	record: { domain: 'publish_domain', app: 'app', name: 'stream' },
	snapshot: { domain: 'domain', app: 'app', name: 'stream_name' },
};

const SNAPSHOT_MEMBERS = ['stream_name', 'snapshot_url', 'obs_addr'];

function hasOwn(body: IDataObject, key: string): boolean {
	return Object.prototype.hasOwnProperty.call(body, key);
}

/** Which callback family a body belongs to, from the members its family signs. */
export function familyOf(body: IDataObject): FamilyOf {
	const event = hasOwn(body, 'event');
	const eventType = hasOwn(body, 'event_type');
	if (event && eventType) return 'ambiguous';
	if (event) return 'stream';
	if (eventType) return 'record';
	if (SNAPSHOT_MEMBERS.some((key) => hasOwn(body, key))) return 'snapshot';
	return 'unknown';
}

function text(value: unknown): string | null {
	const result = toStringOrNull(value);
	return result === '' ? null : result;
}

/** Ingest domain / app / stream name from the family's own members. */
export function streamOf(family: HuaweiFamily, body: IDataObject): StreamRef | null {
	const members = STREAM_MEMBERS[family];
	const stream = { domain: text(body[members.domain]), app: text(body[members.app]), name: text(body[members.name]) };
	return stream.domain === null && stream.app === null && stream.name === null ? null : stream;
}

/** Any spelling, for bodies of no known family only (they are never signature-authenticated). */
function anyStreamOf(body: IDataObject): StreamRef | null {
	const pick = (keys: string[]) => text(firstOf(body, keys));
	const stream = { domain: pick(['domain', 'publish_domain']), app: pick(['app', 'app_name']), name: pick(['stream', 'stream_name']) };
	return stream.domain === null && stream.app === null && stream.name === null ? null : stream;
}

const SIGNATURE_MEMBERS = ['auth_timestamp', 'auth_sign'];

/** Every member except the signature, the discriminator and what `stream` carries, camelCased. */
function camelData(body: IDataObject, family: HuaweiFamily | null): IDataObject {
	const skip = new Set(SIGNATURE_MEMBERS);
	if (family !== null) {
		const discriminator = DISCRIMINATOR[family];
		if (discriminator) skip.add(discriminator);
		for (const member of Object.values(STREAM_MEMBERS[family])) skip.add(member);
	}
	const data: IDataObject = {};
	for (const [key, value] of Object.entries(body)) {
		if (!skip.has(key)) setOwn(data, camelCase(key), camelizeDeep(value));
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
	const event = knownEvent('stream', body.event) ?? 'unknown';
	const data = camelData(body, 'stream');
	if (body.publish_timestamp !== undefined) {
		data.publishTimestamp = toNumber(body.publish_timestamp) ?? body.publish_timestamp;
		data.publishedAt = isoFromUnix(body.publish_timestamp, 's');
	}
	const stream = streamOf('stream', body);
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
	const event = knownEvent('record', body.event_type) ?? 'unknown';
	const data = camelData(body, 'record');
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
		stream: streamOf('record', body),
		room: null,
		data,
	};
}

function parseSnapshot(body: IDataObject): ParsedEvent {
	const data = camelData(body, 'snapshot');
	numberFields(data, ['width', 'height']);
	const addr = body.obs_addr;
	if (isJsonObject(addr)) {
		const obs = camelizeDeep(addr) as IDataObject;
		// The three signed members, as the signature read them.
		obs.bucket = toStringOrNull(addr.bucket);
		obs.location = toStringOrNull(addr.location);
		obs.object = toStringOrNull(addr.object);
		data.obs = obs;
		delete data.obsAddr;
	}
	return {
		event: 'snapshot.created',
		providerEvent: SNAPSHOT_PROVIDER_EVENT,
		occurredAt: null,
		stream: streamOf('snapshot', body),
		room: null,
		data,
	};
}

export function parseHuaweiLiveEvent(body: IDataObject, family: FamilyOf = familyOf(body)): ParsedEvent {
	if (family === 'stream') return parseStream(body);
	if (family === 'record') return parseRecord(body);
	if (family === 'snapshot') return parseSnapshot(body);
	return {
		event: 'unknown',
		providerEvent: toStringOrNull(firstOf(body, ['event', 'event_type'])) ?? '',
		occurredAt: null,
		stream: anyStreamOf(body),
		room: null,
		data: camelData(body, null),
	};
}
