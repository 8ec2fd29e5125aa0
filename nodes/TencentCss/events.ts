/**
 * Tencent CSS callbacks → normalized event, stream and typed `data` (docs/protocols/tencent-css.md,
 * "Event types"). One table, EVENT_TYPES: per `event_type` its label, what the documentation shows
 * of its signature, its normalized event (or one per value of a sub-event member) with the label and
 * description the editor shows, and how its data is typed. The Events parameter options, the types
 * that may be accepted unsigned and the event lookup are all derived from it.
 *
 * Total: any JSON object yields a ParsedEvent. An event type or sub-event the table does not hold,
 * including names like `constructor` or `__proto__`, yields `event: "unknown"`; lookups go through
 * Maps, never through members an object inherits.
 */
import type { IDataObject } from 'n8n-workflow';

import { camelCase, camelizeDeep, firstOf, isoFromUnix, ownValue, setOwn, toNumber, toStringOrNull } from '../core/convert';
import type { TimeUnit } from '../core/convert';
import type { ParsedEvent, StreamRef } from '../core/item';
import { parseJsonField } from '../core/json';
import type { EventOption } from '../core/parameters';
import { interruptionReason } from './interruptionReasons';

/**
 * What Tencent's documentation shows of an event type's `t`/`sign` (docs/protocols/tencent-css.md,
 * "Which callbacks are signed"):
 * - `signed`: the field table lists them and the sample carries them;
 * - `not documented`: neither the field table nor any sample has them (configured outside the
 *   callback template, on the relay or monitor task);
 * - `not in the sample`: the field table lists them, the only documented sample has none.
 * Only the last two can be accepted unsigned, and only by the user's explicit choice.
 */
export type SignatureShown = 'signed' | 'not documented' | 'not in the sample';

interface EventEntry {
	/** Normalized event name. */
	event: string;
	/** Label in the Events list; given on the first entry of an event only. */
	name?: string;
	description: string;
}

interface SubEvents {
	/** The body member naming the sub-event. */
	member: string;
	values: ReadonlyMap<string, EventEntry>;
}

interface EventType {
	/** Short name of the type, for the Accept Unsigned Event Types option and log lines. */
	label: string;
	signature: SignatureShown;
	events: EventEntry | SubEvents;
	/** Wire field giving `occurredAt`, with its unit. */
	occurredAt?: [string, TimeUnit];
	/** Top-level wire fields holding times. */
	times?: Record<string, TimeUnit>;
	/** Extra typing after camelization. */
	refine?: (data: IDataObject, body: IDataObject) => void;
}

/** Converts `field` of every object in `list` to ISO time. */
function isoInList(list: unknown, field: string, unit: TimeUnit): void {
	if (!Array.isArray(list)) return;
	for (const entry of list) {
		if (entry && typeof entry === 'object' && Object.prototype.hasOwnProperty.call(entry, field)) {
			(entry as IDataObject)[field] = isoFromUnix((entry as IDataObject)[field], unit);
		}
	}
}

const STREAM: Pick<EventType, 'occurredAt' | 'times'> = {
	occurredAt: ['event_time', 's'],
	times: { event_time: 's' },
};

function pushDuration(data: IDataObject, body: IDataObject): void {
	if (body.push_duration !== undefined) {
		data.pushDurationMs = toNumber(body.push_duration);
		delete data.pushDuration;
	}
}

const QUALITY: Pick<EventType, 'occurredAt' | 'times' | 'refine'> = {
	occurredAt: ['event_time', 's'],
	times: { event_time: 's' },
	refine: (data) => isoInList(data.frames, 'time', 'ms'),
};

const SUBTITLES: Pick<EventType, 'refine'> = {
	refine: (data) => {
		const inner = data.data as IDataObject | undefined;
		if (inner && typeof inner === 'object' && Array.isArray(inner.subtitleTmpRes)) {
			data.subtitles = inner.subtitleTmpRes as IDataObject[];
			delete data.data;
		}
		const subtitles = data.subtitles as IDataObject[] | undefined;
		isoInList(subtitles, 'startUnixTime', 's');
		isoInList(subtitles, 'endUnixTime', 's');
		for (const s of Array.isArray(subtitles) ? subtitles : []) {
			if (s && typeof s === 'object' && Object.prototype.hasOwnProperty.call(s, 'steadState')) {
				s.steadyState = s.steadState;
				delete s.steadState;
			}
		}
	},
};

const RECORD_STATUS = 'record_event';
const RELAY_EVENT = 'callback_event';

export const EVENT_TYPES: ReadonlyMap<number, EventType> = new Map<number, EventType>([
	[1, {
		label: 'Push',
		signature: 'signed',
		events: { event: 'stream.started', name: 'Stream Started', description: 'A push started' },
		...STREAM,
		refine: pushDuration,
	}],
	[0, {
		label: 'Interruption',
		signature: 'signed',
		events: { event: 'stream.stopped', name: 'Stream Stopped', description: 'A push was interrupted, with a readable reason' },
		...STREAM,
		refine: (data, body) => {
			pushDuration(data, body);
			data.reason = interruptionReason(toNumber(body.errcode), toNumber(body.sub_errcode)) as unknown as IDataObject;
		},
	}],
	[321, {
		label: 'Push Error',
		signature: 'signed',
		events: { event: 'stream.push_error', name: 'Push Error', description: 'Abnormal push report' },
		occurredAt: ['data_time', 'ms'],
		times: { data_time: 'ms' },
		refine: (data) => {
			const list = data.abnormalEvents;
			for (const e of Array.isArray(list) ? (list as IDataObject[]) : []) isoInList(e?.detail, 'occurTime', 'ms');
		},
	}],
	[332, {
		label: 'Recording Status',
		signature: 'signed',
		events: {
			member: RECORD_STATUS,
			values: new Map<string, EventEntry>([
				['record_start_succeeded', { event: 'recording.started', name: 'Recording Started', description: 'Recording started' }],
				['record_paused', { event: 'recording.paused', name: 'Recording Paused', description: 'Recording paused' }],
				['record_resumed', { event: 'recording.resumed', name: 'Recording Resumed', description: 'Recording resumed' }],
				['record_ended', { event: 'recording.ended', name: 'Recording Ended', description: 'Recording ended' }],
				['record_start_failed', { event: 'recording.failed', name: 'Recording Failed', description: 'Recording could not start' }],
				['record_error', { event: 'recording.failed', description: 'Recording stopped on an error' }],
			]),
		},
		occurredAt: ['event_time', 's'],
		times: { event_time: 's' },
		refine: (data, body) => {
			data.recordDetail = camelizeDeep(parseJsonField(body.record_detail)) as IDataObject;
		},
	}],
	[341, {
		label: 'Abnormal Recording',
		signature: 'signed',
		events: { event: 'recording.failed', description: 'Abnormal recording report' },
		occurredAt: ['timestamp', 's'],
		times: { timestamp: 's' },
	}],
	[100, {
		label: 'Recording File',
		signature: 'signed',
		events: { event: 'recording.completed', name: 'Recording File Completed', description: 'A recording file was generated' },
		occurredAt: ['end_time', 's'],
		refine: (data, body) => {
			data.startTime = isoFromUnix(body.start_time, 's', toNumber(body.start_time_usec) ?? 0);
			data.endTime = isoFromUnix(body.end_time, 's', toNumber(body.end_time_usec) ?? 0);
			data.callbackExt = camelizeDeep(parseJsonField(body.callback_ext)) as IDataObject;
		},
	}],
	[200, {
		label: 'Screenshot',
		signature: 'signed',
		events: { event: 'snapshot.created', name: 'Snapshot Created', description: 'A screenshot was stored' },
		occurredAt: ['create_time', 's'],
		times: { create_time: 's' },
	}],
	[317, {
		label: 'Image Moderation',
		signature: 'signed',
		events: { event: 'moderation.image', name: 'Image Moderation', description: 'Image moderation result' },
		occurredAt: ['screenshotTime', 's'],
		times: { screenshotTime: 's', sendTime: 's' },
		refine: (data) => {
			if (data.score !== undefined && !Array.isArray(data.score)) data.score = [data.score] as IDataObject[];
		},
	}],
	[315, {
		label: 'Audio Moderation',
		signature: 'not in the sample',
		events: { event: 'moderation.audio', name: 'Audio Moderation', description: 'Audio moderation result' },
	}],
	[314, {
		label: 'Relay',
		signature: 'not documented',
		events: {
			member: RELAY_EVENT,
			values: new Map<string, EventEntry>([
				['TaskStart', { event: 'relay.started', name: 'Relay Started', description: 'Pull-and-push task TaskStart' }],
				['VodSourceFileStart', { event: 'relay.file_started', name: 'Relay File Started', description: 'Pull-and-push VodSourceFileStart' }],
				['VodSourceFileFinish', { event: 'relay.file_finished', name: 'Relay File Finished', description: 'Pull-and-push VodSourceFileFinish' }],
				['TaskExit', { event: 'relay.exited', name: 'Relay Exited', description: 'Pull-and-push TaskExit, not always final' }],
				['TaskAlarm', { event: 'relay.alarm', name: 'Relay Alarm', description: 'Pull-and-push TaskAlarm' }],
			]),
		},
		occurredAt: ['event_time', 's'],
		times: { event_time: 's' },
		refine: (data, body) => {
			const msg = camelizeDeep(parseJsonField(body.msg));
			if (msg && typeof msg === 'object' && !Array.isArray(msg)) {
				const m = msg as IDataObject;
				for (const key of ['index', 'code']) if (m[key] !== undefined) m[key] = toNumber(m[key]) ?? m[key];
				for (const key of ['taskStartTime', 'taskExitTime']) {
					if (m[key] !== undefined) m[key] = toNumber(m[key]) ? isoFromUnix(m[key], 'ms') : null;
				}
			}
			data.msg = msg as IDataObject;
			data.sourceUrls = parseJsonField(body.source_urls) as string[];
		},
	}],
	[328, {
		label: 'Stream Monitoring',
		signature: 'not documented',
		events: { event: 'monitor.alert', name: 'Monitor Alert', description: 'Real-time stream monitoring' },
		occurredAt: ['event_time', 'ms'],
		times: { event_time: 'ms' },
	}],
	[343, {
		label: 'Quality Control',
		signature: 'not in the sample',
		events: { event: 'quality.check', name: 'Quality Check', description: 'Quality control anomaly' },
		...QUALITY,
	}],
	[344, {
		label: 'Quality Threshold',
		signature: 'not in the sample',
		events: { event: 'quality.threshold', name: 'Quality Threshold', description: 'Evaluation below threshold' },
		...QUALITY,
	}],
	[345, {
		label: 'Quality Score',
		signature: 'not in the sample',
		events: { event: 'quality.score', name: 'Quality Score', description: 'Average-score evaluation' },
		...QUALITY,
	}],
	[347, {
		label: 'AI Smart Erase',
		signature: 'signed',
		events: { event: 'ai.erase', name: 'AI Smart Erase', description: 'Smart erasing' },
		...SUBTITLES,
	}],
	[338, {
		label: 'AI Live Subtitle',
		signature: 'signed',
		events: { event: 'ai.subtitle', name: 'AI Live Subtitle', description: 'Live subtitles' },
		...SUBTITLES,
	}],
	[348, {
		label: 'AI Live Summary',
		signature: 'not in the sample',
		events: { event: 'ai.summary', name: 'AI Live Summary', description: 'Live streaming summary' },
		occurredAt: ['end_time', 's'],
		times: { begin_time: 's', end_time: 's' },
	}],
	[349, {
		label: 'AI Smart Highlight',
		signature: 'not in the sample',
		events: { event: 'ai.highlight', name: 'AI Smart Highlight', description: 'Smart highlight clips' },
		refine: (data) => {
			isoInList(data.items, 'beginTime', 's');
			isoInList(data.items, 'endTime', 's');
		},
	}],
]);

function isSubEvents(events: EventEntry | SubEvents): events is SubEvents {
	return 'member' in events;
}

/** Every (event_type, sub-event value, entry) of the table, in table order. */
function tableRows(): Array<{ type: number; sub: string | null; entry: EventEntry; signature: SignatureShown }> {
	const rows: Array<{ type: number; sub: string | null; entry: EventEntry; signature: SignatureShown }> = [];
	for (const [type, row] of EVENT_TYPES) {
		if (isSubEvents(row.events)) {
			for (const [value, entry] of row.events.values) rows.push({ type, sub: `${row.events.member} ${value}`, entry, signature: row.signature });
		} else {
			rows.push({ type, sub: null, entry: row.events, signature: row.signature });
		}
	}
	return rows;
}

/** The event types Tencent may send without `t`/`sign`: the only ones that can be accepted unsigned. */
export const UNSIGNED_EVENT_TYPES: readonly number[] = [...EVENT_TYPES]
	.filter(([, row]) => row.signature !== 'signed')
	.map(([type]) => type)
	.sort((a, b) => a - b);

/** The normalized events that only such types produce. */
export const UNSIGNED_EVENTS: readonly string[] = (() => {
	const rows = tableRows();
	const events = new Set(rows.filter((r) => r.signature !== 'signed').map((r) => r.entry.event));
	for (const r of rows) if (r.signature === 'signed') events.delete(r.entry.event);
	return [...events];
})();

/** `Relay (314)`: how the node names an event type to the user. */
export function eventTypeLabel(type: number): string {
	const row = EVENT_TYPES.get(type);
	return row ? `${row.label} (${type})` : `event_type ${type}`;
}

/** The options of "Accept Unsigned Event Types": one per type that may arrive unsigned. */
export const UNSIGNED_TYPE_OPTIONS: ReadonlyArray<{ name: string; value: number; description: string }> =
	UNSIGNED_EVENT_TYPES.map((type) => ({
		name: eventTypeLabel(type),
		value: type,
		description:
			EVENT_TYPES.get(type)?.signature === 'not documented'
				? 'Tencent documents this callback without t/sign'
				: "Tencent's field table lists t/sign, its sample shows none",
	})).sort((a, b) => a.name.localeCompare(b.name));

/** The Events parameter options: one per normalized event, described by every wire code giving it. */
export const TENCENT_CSS_EVENTS: readonly EventOption[] = (() => {
	const byEvent = new Map<string, { name?: string; parts: string[]; unsigned: boolean }>();
	for (const { type, sub, entry, signature } of tableRows()) {
		const option = byEvent.get(entry.event) ?? { parts: [], unsigned: false };
		option.name = option.name ?? entry.name;
		option.parts.push(`${entry.description} (event_type ${type}${sub ? `, ${sub}` : ''})`);
		option.unsigned = option.unsigned || signature !== 'signed';
		byEvent.set(entry.event, option);
	}
	return [...byEvent].map(([value, option]) => ({
		value,
		name: option.name ?? value,
		description:
			option.parts.join('; ') +
			(option.unsigned ? '. May arrive unsigned: see Options › Accept Unsigned Event Types' : ''),
	}));
})();

/**
 * The body's `event_type` as an integer: a JSON integer, or a string of digits (as some documents
 * type it). Anything else is no event type.
 */
export function eventTypeOf(body: IDataObject): number | null {
	const value = body.event_type;
	if (typeof value === 'number') return Number.isSafeInteger(value) ? value : null;
	if (typeof value === 'string' && /^\d{1,9}$/.test(value)) return Number(value);
	return null;
}

/** Body members that are not event data: signature, discriminator, and what `stream` carries. */
const NOT_DATA = new Set([
	't', 'sign', 'event_type', 'interface',
	'app', 'domain', 'appname', 'path', 'stream_id', 'streamId', 'channel_id', 'channelId',
]);

/** Names clearer than a plain camelCase of the wire name. */
const RENAMED: Readonly<Record<string, string>> = {
	appid: 'appId',
	appId: 'appId',
	bizid: 'bizId',
	errcode: 'errorCode',
	errmsg: 'errorMessage',
	sub_errcode: 'subErrorCode',
	socre: 'score',
	abnormal_event: 'abnormalEvents',
};

function eventOf(row: EventType | undefined, body: IDataObject): string {
	if (!row) return 'unknown';
	if (!isSubEvents(row.events)) return row.events.event;
	const value = toStringOrNull(body[row.events.member]);
	return (value === null ? undefined : row.events.values.get(value))?.event ?? 'unknown';
}

export function streamOf(body: IDataObject): StreamRef | null {
	const domain = toStringOrNull(firstOf(body, ['app', 'domain']));
	const app = toStringOrNull(firstOf(body, ['appname', 'path']));
	const rawName = toStringOrNull(firstOf(body, ['stream_id', 'streamId', 'channel_id', 'channelId']));
	const name = rawName === '' ? null : rawName;
	if (domain === null && app === null && name === null) return null;
	return { domain, app, name };
}

function dataOf(body: IDataObject, row: EventType | undefined): IDataObject {
	const data: IDataObject = {};
	for (const [key, value] of Object.entries(body)) {
		if (NOT_DATA.has(key)) continue;
		setOwn(data, ownValue(RENAMED, key) ?? camelCase(key), camelizeDeep(value));
	}
	for (const [field, unit] of Object.entries(row?.times ?? {})) {
		if (body[field] === undefined) continue;
		data[camelCase(field)] = isoFromUnix(body[field], unit);
	}
	row?.refine?.(data, body);
	return data;
}

export function parseTencentCssEvent(body: IDataObject): ParsedEvent {
	const eventType = eventTypeOf(body);
	const row = eventType === null ? undefined : EVENT_TYPES.get(eventType);
	const occurredAt = row?.occurredAt ? isoFromUnix(body[row.occurredAt[0]], row.occurredAt[1]) : null;
	return {
		event: eventOf(row, body),
		providerEvent: toStringOrNull(body.event_type) ?? '',
		occurredAt,
		stream: streamOf(body),
		room: null,
		data: dataOf(body, row),
	};
}
