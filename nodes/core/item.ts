/** The normalized item of `docs/events.md` and the helpers that fill it. */
import type { IDataObject } from 'n8n-workflow';


import { setOwn } from './convert';
import { hashHex } from './digest';

export type Authenticated = 'signature' | 'secret-url' | 'none';

export interface StreamRef extends IDataObject {
	domain: string | null;
	app: string | null;
	name: string | null;
}

export interface RoomRef extends IDataObject {
	id: string;
}

/** What a provider module derives from one callback. */
export interface ParsedEvent {
	event: string;
	providerEvent: string;
	/** ISO time of the event, or null when the payload carries none (then `receivedAt` is used). */
	occurredAt: string | null;
	stream: StreamRef | null;
	room: RoomRef | null;
	data: IDataObject;
}

export interface NormalizedItem extends IDataObject {
	event: string;
	provider: string;
	providerEvent: string;
	eventId: string;
	occurredAt: string;
	receivedAt: string;
	authenticated: Authenticated;
	stream: StreamRef | null;
	room: RoomRef | null;
	data: IDataObject;
	raw: IDataObject;
}

/**
 * The idempotency key: `<provider>:` + the first 32 hex digits of SHA-256 over the JSON text of the
 * body with its top-level members in sorted key order, without the members that a redelivery may
 * refresh (signature and send time).
 * Equal for every redelivery of one event, different for distinct events.
 */
export function computeEventId(
	provider: string,
	body: IDataObject,
	volatileKeys: readonly string[],
): string {
	const keys = Object.keys(body).sort();
	let text: string;
	if (keys.some(isIndexLike)) {
		// An object lists index-like names ("2", "10") first in numeric order, not in sorted order:
		// such a body is written member by member.
		text = '{';
		for (const key of keys) {
			if (volatileKeys.includes(key)) continue;
			if (text.length > 1) text += ',';
			text += `${JSON.stringify(key)}:${JSON.stringify(body[key]) ?? 'null'}`;
		}
		text += '}';
	} else {
		// The same text in one JSON.stringify: a copy whose members are inserted in sorted order.
		const sorted: IDataObject = {};
		for (const key of keys) if (!volatileKeys.includes(key)) setOwn(sorted, key, body[key]);
		text = JSON.stringify(sorted);
	}
	return `${provider}:${hashHex('sha256', text).slice(0, 32)}`;
}

/** True for a member name that an object orders as an array index. */
function isIndexLike(key: string): boolean {
	const c = key.charCodeAt(0);
	return c >= 0x30 && c <= 0x39 && String(Number(key) >>> 0) === key && key !== '4294967295';
}

export function buildItem(
	provider: string,
	parsed: ParsedEvent,
	body: IDataObject,
	options: { authenticated: Authenticated; receivedAt: string; volatileKeys: readonly string[] },
): NormalizedItem {
	return {
		event: parsed.event,
		provider,
		providerEvent: parsed.providerEvent,
		eventId: computeEventId(provider, body, options.volatileKeys),
		occurredAt: parsed.occurredAt ?? options.receivedAt,
		receivedAt: options.receivedAt,
		authenticated: options.authenticated,
		stream: parsed.stream,
		room: parsed.room,
		data: parsed.data,
		raw: body,
	};
}
