/**
 * Sigma Livestream callbacks (docs/protocols/sigma-live.md) → normalized event, stream and typed
 * `data`. The body is `{ event, eventTime, ...channel }`; an `{ ec, data }` envelope around it is
 * accepted too. Total: any JSON object yields a ParsedEvent; an `event` that is not a wire code of
 * the table below (including `constructor`, `__proto__`, `toString`) yields `event: "unknown"`.
 */
import type { IDataObject } from 'n8n-workflow';

import { camelizeDeep, isJsonObject, ownValue, setOwn, toNumber, toStringOrNull } from '../core/convert';
import type { ParsedEvent } from '../core/item';
import type { EventOption } from '../core/parameters';

interface EventRow {
	/** The normalized event (docs/events.md). */
	event: string;
	/** Shown in the Events parameter. */
	name: string;
	description: string;
}

/**
 * The one event table: Sigma's wire code (the body's `event`, also the webhook API's event names)
 * → normalized event, label and description. The Events parameter, the events registered with
 * Sigma and the parser all read it.
 */
export const SIGMA_LIVE_EVENT_TABLE = {
	channel_live: { event: 'stream.started', name: 'Stream Started', description: 'The channel went live (channel_live)' },
	channel_stop: {
		event: 'stream.stopped',
		name: 'Stream Stopped',
		description: 'The encoder stopped pushing (channel_stop); the channel may still resume until its stop timeout',
	},
	channel_ended: {
		event: 'stream.ended',
		name: 'Stream Ended',
		description: 'The channel was closed for good (channel_ended); it cannot be reused',
	},
} as const satisfies Readonly<Record<string, EventRow>>;

export type SigmaProviderEvent = keyof typeof SIGMA_LIVE_EVENT_TABLE;

/** Sigma's wire codes, in the table's order. */
export const SIGMA_PROVIDER_EVENTS = Object.keys(SIGMA_LIVE_EVENT_TABLE) as readonly SigmaProviderEvent[];

/** The Events parameter's options, from the table. */
export const SIGMA_LIVE_EVENTS: readonly EventOption[] = SIGMA_PROVIDER_EVENTS.map((code) => {
	const { event, name, description } = SIGMA_LIVE_EVENT_TABLE[code];
	return { value: event, name, description };
});

/** The normalized event of a wire code; `unknown` for anything that is not the table's own row. */
export function normalizedEvent(code: string): string {
	return ownValue<EventRow>(SIGMA_LIVE_EVENT_TABLE, code)?.event ?? 'unknown';
}

/**
 * The provider events to register for a selection of normalized events: empty (all) when the
 * selection includes every event, "All Events" or "Unknown Events" (Sigma may add events).
 */
export function providerEventsFor(selected: readonly string[]): SigmaProviderEvent[] {
	if (selected.length === 0 || selected.includes('*') || selected.includes('unknown')) return [];
	const events = SIGMA_PROVIDER_EVENTS.filter((code) => selected.includes(SIGMA_LIVE_EVENT_TABLE[code].event));
	return events.length === SIGMA_PROVIDER_EVENTS.length ? [] : events;
}

/** The callback proper: the body, or the `data` of an `{ ec, data }` envelope. */
export function callbackBody(body: IDataObject): IDataObject {
	if (!has(body, 'event') && has(body, 'ec') && has(body, 'data') && isJsonObject(body.data)) return body.data;
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

const has = (object: IDataObject, key: string) => Object.prototype.hasOwnProperty.call(object, key);

/** Members the item carries elsewhere (event, stream) or that belong to the envelope. */
const LIFTED = new Set(['event', 'eventTime', 'id', 'ec', 'msg']);
/** Members this parser derives itself; a body member of the same name does not replace them. */
const DERIVED = new Set(['channelId', 'eventTimeMs']);

/**
 * The channel object typed: ids and texts as strings, numbers as numbers, times as ISO, URLs kept.
 * Every other member is kept (camelCase keys) as an own member, whatever its name.
 */
export function typedChannel(channel: IDataObject): IDataObject {
	const rest: IDataObject = {};
	for (const [key, value] of Object.entries(channel)) if (!LIFTED.has(key)) setOwn(rest, key, value);
	const data = camelizeDeep(rest) as IDataObject;

	for (const key of ['name', 'description', 'accountId', 'mode', 'status', 'health'] as const) {
		if (has(data, key)) data[key] = toStringOrNull(data[key]);
	}
	if (has(data, 'tags')) data.tags = stringList(data.tags);
	if (has(data, 'duration')) data.duration = toNumber(data.duration);
	for (const key of TIME_FIELDS) if (has(data, key)) data[key] = isoTime(data[key]) as IDataObject[string];
	for (const key of URL_FIELDS) if (has(data, key)) data[key] = toStringOrNull(data[key]);
	if (has(data, 'recordUrl')) data.recordUrl = stringList(data.recordUrl);
	if (has(data, 'catchup')) data.catchup = booleanOrNull(data.catchup);

	const out: IDataObject = { channelId: has(channel, 'id') ? toStringOrNull(channel.id) : null };
	for (const [key, value] of Object.entries(data)) if (!DERIVED.has(key)) setOwn(out, key, value);
	out.eventTimeMs = has(channel, 'eventTime') ? epochMs(channel.eventTime) : null;
	return out;
}

export function parseSigmaLiveEvent(body: IDataObject): ParsedEvent {
	const channel = callbackBody(body);
	const providerEvent = (has(channel, 'event') ? toStringOrNull(channel.event) : null) ?? '';
	const event = normalizedEvent(providerEvent);
	const eventTimeMs = has(channel, 'eventTime') ? epochMs(channel.eventTime) : null;
	const channelId = has(channel, 'id') ? toStringOrNull(channel.id) : null;
	return {
		event,
		providerEvent,
		occurredAt: eventTimeMs === null ? null : (isoTime(eventTimeMs) as string | null),
		stream: channelId === null ? null : { domain: null, app: null, name: channelId },
		room: null,
		data: typedChannel(channel),
	};
}
