/**
 * Sigma Livestream callbacks (research peers.md A2) → normalized event, stream and typed `data`.
 * The body is `{ event, eventTime, ...channel }`; an `{ ec, data }` envelope around it is accepted
 * too. Total: any JSON object yields a ParsedEvent; an unmapped `event` yields `event: "unknown"`.
 */
import type { IDataObject } from 'n8n-workflow';

import { camelizeDeep, isJsonObject, toNumber, toStringOrNull } from '../core/convert';
import type { ParsedEvent } from '../core/item';
import type { EventOption } from '../core/parameters';
import type { SigmaProviderEvent } from './webhookApi';

export const SIGMA_LIVE_EVENTS: readonly EventOption[] = [
	{ value: 'stream.started', name: 'Stream Started', description: 'The channel went live (channel_live)' },
	{
		value: 'stream.stopped',
		name: 'Stream Stopped',
		description: 'The encoder stopped pushing (channel_stop); the channel may still resume until its stop timeout',
	},
	{
		value: 'stream.ended',
		name: 'Stream Ended',
		description: 'The channel was closed for good (channel_ended); it cannot be reused',
	},
];

export const EVENT_MAP: Readonly<Record<SigmaProviderEvent, string>> = {
	channel_live: 'stream.started',
	channel_stop: 'stream.stopped',
	channel_ended: 'stream.ended',
};

/**
 * The provider events to register for a selection of normalized events: empty (all) when the
 * selection includes every event, "All Events" or "Unknown Events" (Sigma may add events).
 */
export function providerEventsFor(selected: readonly string[]): SigmaProviderEvent[] {
	if (selected.length === 0 || selected.includes('*') || selected.includes('unknown')) return [];
	const events = (Object.keys(EVENT_MAP) as SigmaProviderEvent[]).filter((e) => selected.includes(EVENT_MAP[e]));
	return events.length === Object.keys(EVENT_MAP).length ? [] : events;
}

/** The callback proper: the body, or the `data` of an `{ ec, data }` envelope. */
export function callbackBody(body: IDataObject): IDataObject {
	if (body.event === undefined && body.ec !== undefined && isJsonObject(body.data)) return body.data;
	return body;
}

/** ms since the epoch from a Unix time in ms (or, defensively, seconds) or an ISO string. */
function epochMs(value: unknown): number | null {
	const n = toNumber(value);
	if (n !== null) {
		if (n <= 0) return null;
		return n < 1e11 ? n * 1000 : n;
	}
	if (typeof value === 'string' && value.trim() !== '') {
		const ms = Date.parse(value);
		return Number.isNaN(ms) ? null : ms;
	}
	return null;
}

/** An ISO-8601 UTC string from an ISO string or Unix time; the value itself when not a time. */
export function isoTime(value: unknown): unknown {
	if (value === undefined || value === null || value === '') return null;
	const ms = epochMs(value);
	if (ms === null) return value;
	const date = new Date(ms);
	return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

const TIME_FIELDS = ['createdAt', 'startTime', 'stopTime', 'updatedAt'] as const;
const URL_FIELDS = ['livestreamUrl', 'videoUrl', 'thumbnailUrl'] as const;

function stringList(value: unknown): string[] {
	if (Array.isArray(value)) return value.map((v) => toStringOrNull(v)).filter((v): v is string => v !== null);
	if (typeof value === 'string' && value.trim() !== '') return value.split(',').map((v) => v.trim()).filter((v) => v !== '');
	return [];
}

function booleanOrNull(value: unknown): boolean | null {
	if (typeof value === 'boolean') return value;
	if (value === 'true' || value === 1 || value === '1') return true;
	if (value === 'false' || value === 0 || value === '0') return false;
	return null;
}

/** The channel object typed: ids and texts as strings, numbers as numbers, times as ISO, URLs kept. */
export function typedChannel(channel: IDataObject): IDataObject {
	const rest: IDataObject = { ...channel };
	for (const key of ['event', 'eventTime', 'id', 'ec', 'msg']) delete rest[key];
	const data = camelizeDeep(rest) as IDataObject;

	for (const key of ['name', 'description', 'accountId', 'mode', 'status', 'health'] as const) {
		if (key in data) data[key] = toStringOrNull(data[key]);
	}
	if ('tags' in data) data.tags = stringList(data.tags);
	if ('duration' in data) data.duration = toNumber(data.duration);
	for (const key of TIME_FIELDS) if (key in data) data[key] = isoTime(data[key]) as IDataObject[string];
	for (const key of URL_FIELDS) if (key in data) data[key] = toStringOrNull(data[key]);
	if ('recordUrl' in data) data.recordUrl = stringList(data.recordUrl);
	if ('catchup' in data) data.catchup = booleanOrNull(data.catchup);
	return { channelId: toStringOrNull(channel.id), ...data, eventTimeMs: epochMs(channel.eventTime) };
}

export function parseSigmaLiveEvent(body: IDataObject): ParsedEvent {
	const channel = callbackBody(body);
	const providerEvent = toStringOrNull(channel.event) ?? '';
	const event = (EVENT_MAP as Record<string, string>)[providerEvent] ?? 'unknown';
	const eventTimeMs = epochMs(channel.eventTime);
	const channelId = toStringOrNull(channel.id);
	return {
		event,
		providerEvent,
		occurredAt: eventTimeMs === null ? null : (isoTime(eventTimeMs) as string | null),
		stream: channelId === null ? null : { domain: null, app: null, name: channelId },
		room: null,
		data: typedChannel(channel),
	};
}
