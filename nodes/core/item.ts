/** The normalized item of `docs/events.md` and the helpers that fill it. */
import type { IDataObject } from 'n8n-workflow';


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
	let text = '{';
	for (const key of Object.keys(body).sort()) {
		if (volatileKeys.includes(key)) continue;
		if (text.length > 1) text += ',';
		text += `${JSON.stringify(key)}:${JSON.stringify(body[key]) ?? 'null'}`;
	}
	return `${provider}:${hashHex('sha256', `${text}}`).slice(0, 32)}`;
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
