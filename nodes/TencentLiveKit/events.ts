/**
 * Tencent TUILiveKit callbacks → normalized event, room and typed `data`
 * (docs/protocols/tencent-livekit.md, "Commands", and docs/events.md).
 * Total: any JSON object yields a ParsedEvent; an unmapped command yields `event: "unknown"`.
 */
import type { IDataObject } from 'n8n-workflow';

import { camelCase, isoFromUnix, ownValue, setOwn, toNumber, toStringOrNull } from '../core/convert';
import type { TimeUnit } from '../core/convert';
import type { ParsedEvent, RoomRef } from '../core/item';
import type { EventOption } from '../core/parameters';
import { queryParam } from '../core/query';
import { parseUnixSeconds } from '../core/timeWindow';
import { beforeCallbackDecision, isBeforeCallback } from './decision';
import { QUERY } from './verify';

/** One row of the event table: a normalized event and the command words that carry it. */
export interface LiveKitEvent {
	event: string;
	/** Shown in the Events list. */
	name: string;
	/** What happened; the list shows it followed by the registered command word. */
	summary: string;
	/**
	 * The command words: the first is the one registered in `CallbackCommandList`, the others are
	 * spellings the documentation also shows (docs/protocols/tencent-livekit.md, "Commands").
	 */
	commands: readonly string[];
	/**
	 * Whether deduplicating on `eventId` is safe: false when two distinct events can have equal
	 * bodies (docs/protocols/tencent-livekit.md, "eventId").
	 */
	dedupSafe: boolean;
}

/** THE event table: the Events parameter, the command lookup and the registration derive from it. */
export const TENCENT_LIVEKIT_EVENT_TABLE: readonly LiveKitEvent[] = [
	{ event: 'room.created', name: 'Room Created', summary: 'A live room was created: a live started', commands: ['Live.CallbackAfterCreateRoom'], dedupSafe: true },
	{ event: 'room.destroyed', name: 'Room Destroyed', summary: 'A live room was dissolved, with final statistics', commands: ['Live.CallbackAfterDestroyRoom'], dedupSafe: true },
	{ event: 'room.updated', name: 'Room Updated', summary: 'Room information changed', commands: ['Live.CallbackAfterUpdateRoomInfo'], dedupSafe: true },
	{ event: 'room.metadata_set', name: 'Room Metadata Set', summary: 'Room metadata keys were set', commands: ['Live.CallbackAfterSetMetadata'], dedupSafe: true },
	{ event: 'room.metadata_deleted', name: 'Room Metadata Deleted', summary: 'Room metadata keys were deleted', commands: ['Live.CallbackAfterDelMetadata'], dedupSafe: true },
	{ event: 'room.quota_threshold', name: 'Room Quota Threshold', summary: 'Room count passed 70% of the quota', commands: ['Live.CallbackAfterCreateRoomReachingThreshold'], dedupSafe: true },
	{ event: 'member.changed', name: 'Member Changed', summary: 'Members went online or offline in a room', commands: ['Live.CallbackAfterMemberStateChanged', 'Live.CallbackMemberStateChanged'], dedupSafe: true },
	{ event: 'room.owner_changed', name: 'Room Owner Changed', summary: 'The room owner was transferred', commands: ['Live.CallbackAfterChangeOwner'], dedupSafe: true },
	{ event: 'room.admins_changed', name: 'Room Admins Changed', summary: 'Room admins were added or removed', commands: ['Live.CallbackAfterModifyAdmin'], dedupSafe: true },
	{ event: 'seat.changed', name: 'Seat Changed', summary: 'The co-guest seat list changed', commands: ['Mic.CallbackAfterSeatInfoChanged'], dedupSafe: true },
	{ event: 'battle.created', name: 'Battle Created', summary: 'A PK battle was created', commands: ['Live.CallbackAfterCreateBattle'], dedupSafe: true },
	{ event: 'battle.started', name: 'Battle Started', summary: 'A PK battle started', commands: ['Live.CallbackAfterStartBattle'], dedupSafe: true },
	{ event: 'battle.ended', name: 'Battle Ended', summary: 'A PK battle ended, with scores', commands: ['Live.CallbackAfterEndBattle'], dedupSafe: true },
	{ event: 'gift.before_send', name: 'Gift Before Send (Can Veto)', summary: 'A gift is about to be sent; the answer can reject it', commands: ['Live.CallbackBeforeSendGift'], dedupSafe: false },
	{ event: 'message.before_send', name: 'Message Before Send (Can Veto)', summary: 'A room message is about to be delivered; the answer can reject, drop or rewrite it', commands: ['Group.CallbackBeforeSendMsg'], dedupSafe: true },
	{ event: 'message.sent', name: 'Message Sent', summary: 'A room message was delivered', commands: ['Group.CallbackAfterSendMsg'], dedupSafe: true },
	{ event: 'follow.added', name: 'Follow Added', summary: 'A user followed others', commands: ['Follow.CallbackAfterFollowAdd'], dedupSafe: true },
	{ event: 'follow.removed', name: 'Follow Removed', summary: 'A user unfollowed others', commands: ['Follow.CallbackAfterFollowDelete'], dedupSafe: true },
	{ event: 'recording.changed', name: 'Recording Changed', summary: 'The cloud recording status of a live changed', commands: ['Live.CallbackAfterCloudRecordingChanged', 'Follow.CallbackAfterCloudRecordingChanged'], dedupSafe: true },
];

/** The Events parameter's options. */
export const TENCENT_LIVEKIT_EVENTS: readonly EventOption[] = TENCENT_LIVEKIT_EVENT_TABLE.map((row) => ({
	value: row.event,
	name: row.name,
	description: `${row.summary} (${row.commands[0]})`,
}));

/**
 * Command word → event. `Live.CallbackBeforeCallBackNotBlock` is a configuration flag that never
 * arrives as a callback; if it ever does, it is reported as "unknown" like any command without a row.
 */
const COMMAND_EVENTS: ReadonlyMap<string, string> = new Map(
	TENCENT_LIVEKIT_EVENT_TABLE.flatMap((row) => row.commands.map((command) => [command, row.event] as const)),
);

/** The event of a command word; undefined for a command without a row (never an inherited member). */
export function eventOfCommand(command: string): string | undefined {
	return COMMAND_EVENTS.get(command);
}

/** Every command word the table knows, variants included. */
export function knownCommands(): string[] {
	return [...COMMAND_EVENTS.keys()];
}

/** Wire fields holding times, at any depth, with their unit (docs/protocols/tencent-livekit.md: EventTime is ms). */
const TIME_FIELDS: Readonly<Record<string, TimeUnit>> = {
	EventTime: 'ms',
	CallbackTs: 'ms',
	EventMsTs: 'ms',
	EventTs: 's',
	CreateTime: 's',
	StartTime: 's',
	EndTime: 's',
	Time: 's',
	MsgTime: 's',
};

/** Identifier fields other than `*_Account`: always strings, never rounded. */
const ID_FIELDS = new Set(['RoomId', 'GroupId', 'BattleId', 'FromRoomId', 'ToRoomIdList', 'MsgId', 'GiftId', 'TaskId', 'UserId']);

/** Counters the documentation sometimes types as strings. */
const NUMBER_FIELDS = new Set([
	'CurRoomCount', 'MaxRoomCount', 'MaxMemberCount', 'MaxSeatCount', 'Count', 'Coins', 'Score', 'Index',
	'Random', 'MsgSeq', 'OpType', 'EventGroupId', 'EventType', 'ViewCount', 'ActivityStatus', 'Status',
]);

/** Names clearer than a plain camelCase of the wire name. */
const RENAMED: Readonly<Record<string, string>> = { Duration: 'durationMs', Timeout: 'timeoutMs' };

function isAccountField(key: string): boolean {
	return key.endsWith('_Account');
}

/** An id (or list of ids) sent as a string or a number, as strings. */
function idValue(value: unknown): unknown {
	if (Array.isArray(value)) return value.map((entry) => toStringOrNull(entry) ?? entry);
	return toStringOrNull(value) ?? value;
}

/** Deep copy with camelCase keys, string ids, ISO times and numeric counters. */
export function typedValue(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(typedValue);
	if (value === null || typeof value !== 'object') return value;
	const out: IDataObject = {};
	for (const [key, inner] of Object.entries(value as IDataObject)) {
		const name = ownValue(RENAMED, key) ?? camelCase(key);
		const timeUnit = ownValue(TIME_FIELDS, key);
		let converted: unknown;
		if (isAccountField(key) || ID_FIELDS.has(key)) converted = idValue(inner);
		else if (timeUnit !== undefined) converted = isoFromUnix(inner, timeUnit);
		else if (NUMBER_FIELDS.has(key) && typeof inner === 'string') converted = toNumber(inner) ?? inner;
		else converted = typedValue(inner);
		// Body-chosen names: `__proto__` must stay an own member (setOwn), never a prototype.
		setOwn(out, name, converted);
	}
	return out;
}

function objectAt(body: IDataObject, key: string): IDataObject | undefined {
	const value = body[key];
	return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as IDataObject) : undefined;
}

function stringList(list: unknown, field?: string): string[] {
	if (!Array.isArray(list)) return [];
	const out: string[] = [];
	for (const entry of list) {
		const value = field === undefined ? entry : (entry as IDataObject | null)?.[field];
		const id = toStringOrNull(value);
		if (id !== null) out.push(id);
	}
	return out;
}

/** The command word: the body's `CallbackCommand` is the authority, the query's a fallback. */
export function commandOf(body: IDataObject, queryCommand: string | null): string {
	if (typeof body.CallbackCommand === 'string' && body.CallbackCommand.trim() !== '') return body.CallbackCommand.trim();
	return queryCommand?.trim() ?? '';
}

export function roomOf(body: IDataObject): RoomRef | null {
	const id = toStringOrNull(
		body.RoomId ??
			objectAt(body, 'RoomInfo')?.RoomId ??
			body.GroupId ??
			body.FromRoomId ??
			objectAt(body, 'FromRoomInfo')?.RoomId ??
			objectAt(body, 'EventInfo')?.RoomId,
	);
	return id === null || id === '' ? null : { id };
}

/** `EventTime` (ms; number or string; top level or inside RoomInfo), else the event's own time. */
function occurredAtOf(body: IDataObject): string | null {
	const candidates: Array<[unknown, TimeUnit]> = [
		[body.EventTime, 'ms'],
		[objectAt(body, 'RoomInfo')?.EventTime, 'ms'],
		[body.CallbackTs, 'ms'],
		[objectAt(body, 'GiftWater')?.Time, 's'],
		[body.MsgTime, 's'],
	];
	for (const [value, unit] of candidates) {
		const iso = isoFromUnix(value, unit);
		if (iso !== null) return iso;
	}
	return null;
}

/** Recording EventType codes (docs/protocols/tencent-livekit.md, "Commands"); codes ≥ 308 are not confirmed. */
const RECORDING_EVENT_NAMES: Readonly<Record<number, string>> = {
	301: 'recorder_started',
	302: 'recorder_stopped',
	303: 'upload_started',
	304: 'm3u8_index_created',
	305: 'upload_finished',
	306: 'failover',
	307: 'first_ts_slice_created',
};

const BATTLE_END_REASONS: Readonly<Record<number, string>> = {
	0: 'time_up',
	1: 'all_hosts_left',
	2: 'not_started',
};

/** The text of a message's TIMTextElem elements, joined by newlines; null when it has none. */
export function messageText(msgBody: unknown): string | null {
	if (!Array.isArray(msgBody)) return null;
	const parts: string[] = [];
	for (const element of msgBody) {
		const e = element as IDataObject | null;
		if (e?.MsgType !== 'TIMTextElem') continue;
		const text = (e.MsgContent as IDataObject | undefined)?.Text;
		if (typeof text === 'string') parts.push(text);
	}
	return parts.length === 0 ? null : parts.join('\n');
}

type Refine = (data: IDataObject, body: IDataObject) => void;

const REFINE: Readonly<Record<string, Refine>> = {
	'member.changed': (data, body) => {
		data.members = stringList(body.MemberList, 'Member_Account');
	},
	'gift.before_send': (data, body) => {
		const gift = objectAt(body, 'GiftWater');
		const count = toNumber(gift?.Count);
		const coins = toNumber(gift?.Coins);
		data.totalCoins = count !== null && coins !== null ? count * coins : null;
	},
	'message.before_send': (data, body) => {
		data.text = messageText(body.MsgBody);
	},
	'message.sent': (data, body) => {
		data.text = messageText(body.MsgBody);
	},
	'follow.added': (data, body) => {
		data.toAccounts = stringList(body.FollowList, 'To_Account');
	},
	'follow.removed': (data, body) => {
		data.toAccounts = stringList(body.To_Account);
	},
	'battle.ended': (data, body) => {
		const opType = toNumber(body.OpType);
		data.endReason = opType === null ? null : (BATTLE_END_REASONS[opType] ?? 'other');
	},
	'recording.changed': (data, body) => {
		const code = toNumber(body.EventType);
		data.eventName = code === null ? null : (RECORDING_EVENT_NAMES[code] ?? 'other');
	},
};

/**
 * The parameters Tencent adds to the callback URL, as `data.request` (docs/protocols/tencent-livekit.md,
 * "Request"). Only `requestTime` is covered by the signature; `sdkAppId` is compared with the
 * credential's when one is set; `clientIp` and `optPlatform` are as sent, unsigned.
 */
export function callbackRequestOf(query: IDataObject): IDataObject {
	const text = (name: string) => {
		const value = queryParam(query, name)?.trim();
		return value === undefined || value === '' ? null : value;
	};
	const requestTime = parseUnixSeconds(text(QUERY.requestTime));
	return {
		sdkAppId: text(QUERY.sdkAppId),
		clientIp: text(QUERY.clientIp),
		optPlatform: text(QUERY.optPlatform),
		requestTime: requestTime === null ? null : isoFromUnix(requestTime, 's'),
	};
}

export interface ParseOptions {
	/** The callback URL's query string (command word fallback, `data.request`). */
	query: IDataObject;
	/** Whether the workflow answers before-callbacks (the node then waits for it). */
	workflowDecides: boolean;
}

export function parseTencentLiveKitEvent(body: IDataObject, options: ParseOptions): ParsedEvent {
	const command = commandOf(body, queryParam(options.query, ...QUERY.command));
	const event = eventOfCommand(command) ?? 'unknown';
	const rest: IDataObject = { ...body };
	delete rest.CallbackCommand;
	const data = typedValue(rest) as IDataObject;
	ownValue(REFINE, event)?.(data, body);
	if (isBeforeCallback(command)) setOwn(data, 'decision', beforeCallbackDecision(command, options.workflowDecides, body));
	// The URL's parameters win over a body member that would camelCase to `request` (none is
	// documented); such a member stays in `raw`.
	setOwn(data, 'request', callbackRequestOf(options.query));
	return {
		event,
		providerEvent: command,
		occurredAt: occurredAtOf(body),
		stream: null,
		room: roomOf(body),
		data,
	};
}
