/**
 * Tencent CSS callbacks (research tencent-css.md §3) → normalized event, stream and typed `data`.
 * Total: any JSON object yields a ParsedEvent; an unmapped `event_type` yields `event: "unknown"`.
 */
import type { IDataObject } from 'n8n-workflow';

import { camelCase, camelizeDeep, firstOf, isoFromUnix, toNumber, toStringOrNull } from '../core/convert';
import type { TimeUnit } from '../core/convert';
import type { ParsedEvent, StreamRef } from '../core/item';
import { parseJsonField } from '../core/json';
import type { EventOption } from '../core/parameters';
import { interruptionReason } from './interruptionReasons';

export const TENCENT_CSS_EVENTS: readonly EventOption[] = [
	{ value: 'stream.started', name: 'Stream Started', description: 'A push started (event_type 1)' },
	{ value: 'stream.stopped', name: 'Stream Stopped', description: 'A push was interrupted (event_type 0), with a readable reason' },
	{ value: 'stream.push_error', name: 'Push Error', description: 'Abnormal push report (event_type 321)' },
	{ value: 'recording.started', name: 'Recording Started', description: 'Recording status record_start_succeeded (332)' },
	{ value: 'recording.paused', name: 'Recording Paused', description: 'Recording status record_paused (332)' },
	{ value: 'recording.resumed', name: 'Recording Resumed', description: 'Recording status record_resumed (332)' },
	{ value: 'recording.ended', name: 'Recording Ended', description: 'Recording status record_ended (332)' },
	{ value: 'recording.completed', name: 'Recording File Completed', description: 'A recording file was generated (event_type 100)' },
	{ value: 'recording.failed', name: 'Recording Failed', description: 'Abnormal recording (341), or status record_start_failed / record_error (332)' },
	{ value: 'snapshot.created', name: 'Snapshot Created', description: 'A screenshot was stored (event_type 200)' },
	{ value: 'moderation.image', name: 'Image Moderation', description: 'Image moderation result (event_type 317)' },
	{ value: 'moderation.audio', name: 'Audio Moderation', description: 'Audio moderation result (event_type 315)' },
	{ value: 'relay.started', name: 'Relay Started', description: 'Pull-and-push task TaskStart (314)' },
	{ value: 'relay.file_started', name: 'Relay File Started', description: 'Pull-and-push VodSourceFileStart (314)' },
	{ value: 'relay.file_finished', name: 'Relay File Finished', description: 'Pull-and-push VodSourceFileFinish (314)' },
	{ value: 'relay.exited', name: 'Relay Exited', description: 'Pull-and-push TaskExit (314); not always final' },
	{ value: 'relay.alarm', name: 'Relay Alarm', description: 'Pull-and-push TaskAlarm (314)' },
	{ value: 'monitor.alert', name: 'Monitor Alert', description: 'Real-time stream monitoring (event_type 328)' },
	{ value: 'quality.check', name: 'Quality Check', description: 'Quality control anomaly (event_type 343)' },
	{ value: 'quality.threshold', name: 'Quality Threshold', description: 'Evaluation below threshold (event_type 344)' },
	{ value: 'quality.score', name: 'Quality Score', description: 'Average-score evaluation (event_type 345)' },
	{ value: 'ai.erase', name: 'AI Smart Erase', description: 'Smart erasing (event_type 347)' },
	{ value: 'ai.subtitle', name: 'AI Live Subtitle', description: 'Live subtitles (event_type 338)' },
	{ value: 'ai.summary', name: 'AI Live Summary', description: 'Live streaming summary (event_type 348)' },
	{ value: 'ai.highlight', name: 'AI Smart Highlight', description: 'Smart highlight clips (event_type 349)' },
];

/** Body members that are not event data: signature, discriminator, and what `stream` carries. */
const NOT_DATA = new Set([
	't', 'sign', 'event_type', 'interface',
	'app', 'domain', 'appname', 'path', 'stream_id', 'streamId', 'channel_id', 'channelId',
]);

/** Names clearer than a plain camelCase of the wire name. */
const RENAMED: Record<string, string> = {
	appid: 'appId',
	appId: 'appId',
	bizid: 'bizId',
	errcode: 'errorCode',
	errmsg: 'errorMessage',
	sub_errcode: 'subErrorCode',
	socre: 'score',
	abnormal_event: 'abnormalEvents',
};

type FieldTimes = Record<string, TimeUnit>;

interface Family {
	event: (body: IDataObject) => string;
	/** Wire field giving `occurredAt`, with its unit. */
	occurredAt?: [string, TimeUnit];
	/** Top-level wire fields holding times. */
	times?: FieldTimes;
	/** Extra typing after camelization. */
	refine?: (data: IDataObject, body: IDataObject) => void;
}

const fixed = (event: string) => () => event;

const RECORD_EVENTS: Record<string, string> = {
	record_start_succeeded: 'recording.started',
	record_paused: 'recording.paused',
	record_resumed: 'recording.resumed',
	record_ended: 'recording.ended',
	record_start_failed: 'recording.failed',
	record_error: 'recording.failed',
};

const RELAY_EVENTS: Record<string, string> = {
	TaskStart: 'relay.started',
	VodSourceFileStart: 'relay.file_started',
	VodSourceFileFinish: 'relay.file_finished',
	TaskExit: 'relay.exited',
	TaskAlarm: 'relay.alarm',
};

/** Converts `field` of every object in `list` to ISO time. */
function isoInList(list: unknown, field: string, unit: TimeUnit): void {
	if (!Array.isArray(list)) return;
	for (const entry of list) {
		if (entry && typeof entry === 'object' && field in entry) {
			(entry as IDataObject)[field] = isoFromUnix((entry as IDataObject)[field], unit);
		}
	}
}

const STREAM_EVENT: Family = {
	event: (body) => (toNumber(body.event_type) === 1 ? 'stream.started' : 'stream.stopped'),
	occurredAt: ['event_time', 's'],
	times: { event_time: 's' },
	refine: (data, body) => {
		if (body.push_duration !== undefined) {
			data.pushDurationMs = toNumber(body.push_duration);
			delete data.pushDuration;
		}
		if (toNumber(body.event_type) === 0) {
			data.reason = interruptionReason(toNumber(body.errcode), toNumber(body.sub_errcode)) as unknown as IDataObject;
		}
	},
};

const QUALITY: Omit<Family, 'event'> = {
	occurredAt: ['event_time', 's'],
	times: { event_time: 's' },
	refine: (data) => isoInList(data.frames, 'time', 'ms'),
};

const SUBTITLES: Omit<Family, 'event'> = {
	refine: (data) => {
		const inner = data.data as IDataObject | undefined;
		if (inner && Array.isArray(inner.subtitleTmpRes)) {
			data.subtitles = inner.subtitleTmpRes as IDataObject[];
			delete data.data;
		}
		const subtitles = data.subtitles as IDataObject[] | undefined;
		isoInList(subtitles, 'startUnixTime', 's');
		isoInList(subtitles, 'endUnixTime', 's');
		for (const s of subtitles ?? []) {
			if (s && typeof s === 'object' && 'steadState' in s) {
				s.steadyState = s.steadState;
				delete s.steadState;
			}
		}
	},
};

const FAMILIES: Record<number, Family> = {
	1: STREAM_EVENT,
	0: STREAM_EVENT,
	100: {
		event: fixed('recording.completed'),
		occurredAt: ['end_time', 's'],
		refine: (data, body) => {
			data.startTime = isoFromUnix(body.start_time, 's', toNumber(body.start_time_usec) ?? 0);
			data.endTime = isoFromUnix(body.end_time, 's', toNumber(body.end_time_usec) ?? 0);
			data.callbackExt = camelizeDeep(parseJsonField(body.callback_ext)) as IDataObject;
		},
	},
	332: {
		event: (body) => RECORD_EVENTS[String(body.record_event)] ?? 'unknown',
		occurredAt: ['event_time', 's'],
		times: { event_time: 's' },
		refine: (data, body) => {
			data.recordDetail = camelizeDeep(parseJsonField(body.record_detail)) as IDataObject;
		},
	},
	200: { event: fixed('snapshot.created'), occurredAt: ['create_time', 's'], times: { create_time: 's' } },
	317: {
		event: fixed('moderation.image'),
		occurredAt: ['screenshotTime', 's'],
		times: { screenshotTime: 's', sendTime: 's' },
		refine: (data) => {
			if (data.score !== undefined && !Array.isArray(data.score)) data.score = [data.score] as IDataObject[];
		},
	},
	315: { event: fixed('moderation.audio') },
	321: {
		event: fixed('stream.push_error'),
		occurredAt: ['data_time', 'ms'],
		times: { data_time: 'ms' },
		refine: (data) => {
			for (const e of (data.abnormalEvents as IDataObject[] | undefined) ?? []) isoInList(e?.detail, 'occurTime', 'ms');
		},
	},
	341: { event: fixed('recording.failed'), occurredAt: ['timestamp', 's'], times: { timestamp: 's' } },
	314: {
		event: (body) => RELAY_EVENTS[String(body.callback_event)] ?? 'unknown',
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
	},
	328: { event: fixed('monitor.alert'), occurredAt: ['event_time', 'ms'], times: { event_time: 'ms' } },
	343: { event: fixed('quality.check'), ...QUALITY },
	344: { event: fixed('quality.threshold'), ...QUALITY },
	345: { event: fixed('quality.score'), ...QUALITY },
	347: { event: fixed('ai.erase'), ...SUBTITLES },
	338: { event: fixed('ai.subtitle'), ...SUBTITLES },
	348: {
		event: fixed('ai.summary'),
		occurredAt: ['end_time', 's'],
		times: { begin_time: 's', end_time: 's' },
	},
	349: {
		event: fixed('ai.highlight'),
		refine: (data) => {
			isoInList(data.items, 'beginTime', 's');
			isoInList(data.items, 'endTime', 's');
		},
	},
};

/** The event types whose documentation shows no `t`/`sign` (relay, stream monitoring). */
export const UNSIGNED_EVENT_TYPES: readonly number[] = [314, 328];

export function streamOf(body: IDataObject): StreamRef | null {
	const domain = toStringOrNull(firstOf(body, ['app', 'domain']));
	const app = toStringOrNull(firstOf(body, ['appname', 'path']));
	const rawName = toStringOrNull(firstOf(body, ['stream_id', 'streamId', 'channel_id', 'channelId']));
	const name = rawName === '' ? null : rawName;
	if (domain === null && app === null && name === null) return null;
	return { domain, app, name };
}

function dataOf(body: IDataObject, family: Family | undefined): IDataObject {
	const data: IDataObject = {};
	for (const [key, value] of Object.entries(body)) {
		if (NOT_DATA.has(key)) continue;
		data[RENAMED[key] ?? camelCase(key)] = camelizeDeep(value) as IDataObject[keyof IDataObject];
	}
	for (const [field, unit] of Object.entries(family?.times ?? {})) {
		if (body[field] === undefined) continue;
		data[camelCase(field)] = isoFromUnix(body[field], unit);
	}
	family?.refine?.(data, body);
	return data;
}

export function parseTencentCssEvent(body: IDataObject): ParsedEvent {
	const eventType = toNumber(body.event_type);
	const family = eventType === null ? undefined : FAMILIES[eventType];
	const occurredAt = family?.occurredAt ? isoFromUnix(body[family.occurredAt[0]], family.occurredAt[1]) : null;
	return {
		event: family ? family.event(body) : 'unknown',
		providerEvent: body.event_type === undefined ? '' : String(body.event_type),
		occurredAt,
		stream: streamOf(body),
		room: null,
		data: dataOf(body, family),
	};
}
