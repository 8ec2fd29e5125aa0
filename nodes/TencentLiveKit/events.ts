/**
 * Tencent TUILiveKit callbacks (research tuilivekit.md §3) → normalized event, room and typed `data`.
 * Total: any JSON object yields a ParsedEvent; an unmapped command yields `event: "unknown"`.
 */
import type { IDataObject } from 'n8n-workflow';

import { camelCase, isoFromUnix, toNumber, toStringOrNull } from '../core/convert';
import type { TimeUnit } from '../core/convert';
import type { ParsedEvent, RoomRef } from '../core/item';
import type { EventOption } from '../core/parameters';
import { beforeCallbackDecision, isBeforeCallback } from './decision';

export const TENCENT_LIVEKIT_EVENTS: readonly EventOption[] = [
	{ value: 'room.created', name: 'Room Created', description: 'A live room was created: a live started (Live.CallbackAfterCreateRoom)' },
	{ value: 'room.destroyed', name: 'Room Destroyed', description: 'A live room was dissolved, with final statistics (Live.CallbackAfterDestroyRoom)' },
	{ value: 'room.updated', name: 'Room Updated', description: 'Room information changed (Live.CallbackAfterUpdateRoomInfo)' },
	{ value: 'room.metadata_set', name: 'Room Metadata Set', description: 'Room metadata keys were set (Live.CallbackAfterSetMetadata)' },
	{ value: 'room.metadata_deleted', name: 'Room Metadata Deleted', description: 'Room metadata keys were deleted (Live.CallbackAfterDelMetadata)' },
	{ value: 'room.quota_threshold', name: 'Room Quota Threshold', description: 'Room count passed 70% of the quota (Live.CallbackAfterCreateRoomReachingThreshold)' },
	{ value: 'member.changed', name: 'Member Changed', description: 'Members went online or offline in a room (Live.CallbackAfterMemberStateChanged)' },
	{ value: 'room.owner_changed', name: 'Room Owner Changed', description: 'The room owner was transferred (Live.CallbackAfterChangeOwner)' },
	{ value: 'room.admins_changed', name: 'Room Admins Changed', description: 'Room admins were added or removed (Live.CallbackAfterModifyAdmin)' },
	{ value: 'seat.changed', name: 'Seat Changed', description: 'The co-guest seat list changed (Mic.CallbackAfterSeatInfoChanged)' },
	{ value: 'battle.created', name: 'Battle Created', description: 'A PK battle was created (Live.CallbackAfterCreateBattle)' },
	{ value: 'battle.started', name: 'Battle Started', description: 'A PK battle started (Live.CallbackAfterStartBattle)' },
	{ value: 'battle.ended', name: 'Battle Ended', description: 'A PK battle ended, with scores (Live.CallbackAfterEndBattle)' },
	{ value: 'gift.before_send', name: 'Gift Before Send (Can Veto)', description: 'A gift is about to be sent; the answer can reject it (Live.CallbackBeforeSendGift)' },
	{ value: 'message.before_send', name: 'Message Before Send (Can Veto)', description: 'A room message is about to be delivered; the answer can reject, drop or rewrite it (Group.CallbackBeforeSendMsg)' },
	{ value: 'message.sent', name: 'Message Sent', description: 'A room message was delivered (Group.CallbackAfterSendMsg)' },
	{ value: 'follow.added', name: 'Follow Added', description: 'A user followed others (Follow.CallbackAfterFollowAdd)' },
	{ value: 'follow.removed', name: 'Follow Removed', description: 'A user unfollowed others (Follow.CallbackAfterFollowDelete)' },
	{ value: 'recording.changed', name: 'Recording Changed', description: 'The cloud recording status of a live changed (Live.CallbackAfterCloudRecordingChanged)' },
];

/**
 * The command words of research §3.1 (and the variants the documentation also shows) → event.
 * `Live.CallbackBeforeCallBackNotBlock` is a configuration flag that never arrives as a callback; if
 * it ever does, it is reported as "unknown" like any command without an event of its own.
 */
export const COMMAND_EVENTS: Readonly<Record<string, string>> = {
	'Live.CallbackAfterCreateRoom': 'room.created',
	'Live.CallbackAfterDestroyRoom': 'room.destroyed',
	'Live.CallbackAfterUpdateRoomInfo': 'room.updated',
	'Live.CallbackAfterSetMetadata': 'room.metadata_set',
	'Live.CallbackAfterDelMetadata': 'room.metadata_deleted',
	'Live.CallbackAfterCreateRoomReachingThreshold': 'room.quota_threshold',
	'Live.CallbackAfterMemberStateChanged': 'member.changed',
	'Live.CallbackMemberStateChanged': 'member.changed',
	'Live.CallbackAfterChangeOwner': 'room.owner_changed',
	'Live.CallbackAfterModifyAdmin': 'room.admins_changed',
	'Mic.CallbackAfterSeatInfoChanged': 'seat.changed',
	'Live.CallbackAfterCreateBattle': 'battle.created',
	'Live.CallbackAfterStartBattle': 'battle.started',
	'Live.CallbackAfterEndBattle': 'battle.ended',
	'Live.CallbackBeforeSendGift': 'gift.before_send',
	'Group.CallbackBeforeSendMsg': 'message.before_send',
	'Group.CallbackAfterSendMsg': 'message.sent',
	'Follow.CallbackAfterFollowAdd': 'follow.added',
	'Follow.CallbackAfterFollowDelete': 'follow.removed',
	'Live.CallbackAfterCloudRecordingChanged': 'recording.changed',
	'Follow.CallbackAfterCloudRecordingChanged': 'recording.changed',
};

/** Wire fields holding times, at any depth, with their unit (research §3.1: EventTime is ms). */
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
		const name = RENAMED[key] ?? camelCase(key);
		let converted: unknown;
		if (isAccountField(key) || ID_FIELDS.has(key)) converted = idValue(inner);
		else if (TIME_FIELDS[key] !== undefined) converted = isoFromUnix(inner, TIME_FIELDS[key]);
		else if (NUMBER_FIELDS.has(key) && typeof inner === 'string') converted = toNumber(inner) ?? inner;
		else converted = typedValue(inner);
		out[name] = converted as IDataObject[keyof IDataObject];
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

/** Recording EventType codes (research §3.2 #20); codes ≥ 308 are not confirmed. */
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

export interface ParseOptions {
	/** Command word from the query string, used when the body carries none. */
	queryCommand: string | null;
	/** Whether the workflow answers before-callbacks (the node then waits for it). */
	workflowDecides: boolean;
}

export function parseTencentLiveKitEvent(body: IDataObject, options: ParseOptions): ParsedEvent {
	const command = commandOf(body, options.queryCommand);
	const event = COMMAND_EVENTS[command] ?? 'unknown';
	const rest: IDataObject = { ...body };
	delete rest.CallbackCommand;
	const data = typedValue(rest) as IDataObject;
	REFINE[event]?.(data, body);
	if (isBeforeCallback(command)) data.decision = beforeCallbackDecision(command, options.workflowDecides);
	return {
		event,
		providerEvent: command,
		occurredAt: occurredAtOf(body),
		stream: null,
		room: roomOf(body),
		data,
	};
}
