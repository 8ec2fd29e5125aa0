/**
 * A loopback stand-in for the Tencent Chat/Live REST gateway (docs/protocols/tencent-livekit.md, Register Automatically): checks the UserSig
 * with its own decoder (Node's zlib + its own HMAC), answers with the
 * `{"ActionStatus","ErrorCode","ErrorInfo"}` envelope, and keeps the one callback configuration and
 * the one token configuration per SDKAppID (`v4/live_config/*`).
 *
 * Rooms (`v4/live_engine_http_srv/*`, `v4/room_engine_http_mic/*`, docs/protocols/stream-control.md
 * §3): keeps rooms with their members, bans, mutes, seats and messages. Documented rules enforced:
 * required fields (100002), `100004` for a room that does not exist or was dissolved, ≤ 20 accounts
 * per ban/unban, `Duration` in seconds, `MuteTime` 0 = unmute, `Count` ≤ 20 and an empty `Next`
 * ending the room list (public rooms only, by view count), `Limit` ≤ 100 and `NextOffset` 0 ending
 * the ban list, `Notice` ≤ 100 bytes, ≤ 3 categories, `ExtensionInfo` a JSON string, banned users
 * cannot enter. [inferred] for the fake: a ban also removes a present user from the room and its
 * seat; at most 20 accounts per mute; kicking someone who holds no seat answers 100002; the member
 * list comes 100 a page; an unknown command answers 60009.
 *
 * [INFERRED] for the fake: the UserSig refusal codes (70001 expired, 70009 bad signature, 70013 /
 * 70014 identifier / SDKAppID mismatch, 70403 not an admin) are Tencent Chat's public codes, not in
 * the research; 100301 from update_callback without a configuration is the research's guess.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { inflateSync } from 'node:zlib';

import { startLoopbackServer } from './http';
import type { LoopbackServer, ReceivedRequest, Reply } from './http';

export interface FakeRoom {
	RoomId: string;
	RoomName: string;
	RoomType: 'Live';
	Owner_Account: string;
	CreateTime: number;
	IsSeatEnabled: boolean;
	TakeSeatMode: string;
	MaxSeatCount: number;
	MaxMemberCount: number;
	IsMessageDisabled: boolean;
	CoverURL: string;
	Category: number[];
	ActivityStatus: number;
	ViewCount: number;
	IsPublicVisible: boolean;
	Notice: string;
}

export interface FakeRoomState {
	info: FakeRoom;
	members: Set<string>;
	/** Account → banned until (unix s). */
	banned: Map<string, number>;
	/** Account → muted until (unix s). */
	muted: Map<string, number>;
	/** Seat index → account ('' = free). */
	seats: string[];
	messages: Array<{ kind: 'text' | 'custom'; sender: string; body: Record<string, unknown>; MsgSeq: number }>;
}

export interface LiveRestFake extends LoopbackServer {
	callback: { Url: string; CallbackCommandList: string[] } | null;
	token: { Token: string; IsTokenEnable: boolean } | null;
	/** Every call that passed the UserSig check: `service/command` (`command` alone for live_config) and body. */
	calls: Array<{ command: string; body: Record<string, unknown> }>;
	rooms: Map<string, FakeRoomState>;
	/** Creates a Live room (as a host's app would). */
	createRoom(room: Partial<FakeRoom> & { RoomId: string }): FakeRoomState;
	/** A user enters a room; false when the room is gone or the user is banned. */
	enter(roomId: string, account: string): boolean;
	/** A member takes a seat (the first free one); its index, or -1. */
	takeSeat(roomId: string, account: string): number;
	/** The next call of `service/command` answers this ErrorCode instead. */
	failNext(command: string, code: number, info: string): void;
}

/** The fake's own UserSig check. Exported to test it on the research's Node-zlib UserSig. */
export function decodeUserSig(userSig: string): Record<string, unknown> {
	const base64 = userSig.replace(/\*/g, '+').replace(/-/g, '/').replace(/_/g, '=');
	return JSON.parse(inflateSync(Buffer.from(base64, 'base64')).toString('utf8')) as Record<string, unknown>;
}

export function userSigMac(secretKey: string, doc: Record<string, unknown>): string {
	const text = `TLS.identifier:${String(doc['TLS.identifier'])}\nTLS.sdkappid:${String(doc['TLS.sdkappid'])}\nTLS.time:${String(doc['TLS.time'])}\nTLS.expire:${String(doc['TLS.expire'])}\n`;
	return createHmac('sha256', secretKey).update(text, 'utf8').digest('base64');
}

export async function startLiveRestFake(
	app: { sdkAppId: number; secretKey: string; admins: string[] },
	nowSec: () => number = () => Math.floor(Date.now() / 1000),
): Promise<LiveRestFake> {
	const state: Pick<LiveRestFake, 'callback' | 'token' | 'calls'> = { callback: null, token: null, calls: [] };
	const rooms = new Map<string, FakeRoomState>();
	const failures = new Map<string, { code: number; info: string }>();
	let requestNo = 0;
	let msgSeq = 0;
	const envelope = (code: number, info: string, response?: Record<string, unknown>): Reply => ({
		status: 200,
		body: {
			ActionStatus: code === 0 ? 'OK' : 'FAIL',
			ErrorCode: code,
			ErrorInfo: info,
			RequestId: `Id-${++requestNo}`,
			...(response ? { Response: response } : {}),
		},
	});

	function authenticate(query: URLSearchParams): Reply | null {
		if (query.get('contenttype') !== 'json') return envelope(60002, 'contenttype must be json');
		const random = Number(query.get('random'));
		if (!Number.isInteger(random) || random < 0 || random > 4294967295) return envelope(60002, 'random must be a uint32');
		if (query.get('sdkappid') !== String(app.sdkAppId)) return envelope(70020, 'SDKAppID not found');
		const identifier = query.get('identifier') ?? '';
		let doc: Record<string, unknown>;
		try {
			doc = decodeUserSig(query.get('usersig') ?? '');
		} catch {
			return envelope(70003, 'UserSig is not a valid signature');
		}
		if (doc['TLS.ver'] !== '2.0') return envelope(70003, 'UserSig version');
		if (doc['TLS.sdkappid'] !== app.sdkAppId) return envelope(70014, 'UserSig SDKAppID does not match');
		if (doc['TLS.identifier'] !== identifier) return envelope(70013, 'UserSig identifier does not match');
		if (Number(doc['TLS.time']) + Number(doc['TLS.expire']) < nowSec()) return envelope(70001, 'UserSig expired');
		const expected = Buffer.from(userSigMac(app.secretKey, doc));
		const got = Buffer.from(String(doc['TLS.sig'] ?? ''));
		if (expected.length !== got.length || !timingSafeEqual(expected, got)) return envelope(70009, 'UserSig verification failed');
		if (!app.admins.includes(identifier)) return envelope(70403, 'identifier is not an App admin');
		return null;
	}

	const validConfig = (body: Record<string, unknown>) =>
		typeof body.Url === 'string' &&
		/^https?:\/\//.test(body.Url) &&
		Array.isArray(body.CallbackCommandList) &&
		body.CallbackCommandList.every((c) => typeof c === 'string');

	function dispatch(command: string, body: Record<string, unknown>): Reply {
		switch (command) {
			case 'set_callback':
				if (!validConfig(body)) return envelope(100002, 'Url and CallbackCommandList are required');
				if (state.callback) return envelope(100300, 'A callback configuration already exists; use update_callback');
				state.callback = { Url: body.Url as string, CallbackCommandList: body.CallbackCommandList as string[] };
				return envelope(0, '');
			case 'update_callback':
				if (!validConfig(body)) return envelope(100002, 'Url and CallbackCommandList are required');
				if (!state.callback) return envelope(100301, 'No callback configuration exists');
				state.callback = { Url: body.Url as string, CallbackCommandList: body.CallbackCommandList as string[] };
				return envelope(0, '');
			case 'get_callback':
				if (!state.callback) return envelope(100301, 'No callback configuration exists');
				return envelope(0, '', { ...state.callback });
			case 'delete_callback':
				state.callback = null;
				return envelope(0, '');
			case 'set_callback_token': {
				const token = body.Token;
				const enable = body.IsTokenEnable;
				if (token !== undefined && (typeof token !== 'string' || token.length < 1 || token.length > 128)) {
					return envelope(100002, 'Token must be 1 to 128 characters');
				}
				if (enable !== undefined && typeof enable !== 'boolean') return envelope(100002, 'IsTokenEnable must be a boolean');
				if (!state.token && (token === undefined || enable === undefined)) {
					return envelope(100002, 'Token and IsTokenEnable are both required the first time');
				}
				state.token = {
					Token: (token as string | undefined) ?? state.token!.Token,
					IsTokenEnable: (enable as boolean | undefined) ?? state.token!.IsTokenEnable,
				};
				return envelope(0, '');
			}
			case 'get_callback_token':
				if (!state.token) return envelope(100302, 'No token configuration exists');
				return envelope(0, '', { ...state.token });
			case 'delete_callback_token':
				// Documented errors are only 100001/100002; deleting nothing succeeds here.
				state.token = null;
				return envelope(0, '');
		}
		return envelope(60020, `unknown command ${command}`);
	}

	const nowS = () => nowSec();
	const str = (v: unknown) => (typeof v === 'string' ? v : '');

	function createRoom(room: Partial<FakeRoom> & { RoomId: string }): FakeRoomState {
		const info: FakeRoom = {
			RoomName: room.RoomId,
			RoomType: 'Live',
			Owner_Account: 'host',
			CreateTime: nowS(),
			IsSeatEnabled: true,
			TakeSeatMode: 'ApplyToTake',
			MaxSeatCount: 4,
			MaxMemberCount: 1000,
			IsMessageDisabled: false,
			CoverURL: '',
			Category: [],
			ActivityStatus: 0,
			ViewCount: 0,
			IsPublicVisible: true,
			Notice: '',
			...room,
		};
		const created: FakeRoomState = { info, members: new Set([info.Owner_Account]), banned: new Map(), muted: new Map(), seats: Array(info.MaxSeatCount).fill(''), messages: [] };
		rooms.set(info.RoomId, created);
		return created;
	}

	const stillBanned = (room: FakeRoomState, account: string) => {
		const until = room.banned.get(account);
		if (until !== undefined && until <= nowS()) room.banned.delete(account);
		return room.banned.has(account);
	};
	const active = (list: Map<string, number>) => {
		for (const [account, until] of list) if (until <= nowS()) list.delete(account);
		return [...list];
	};

	function accounts(body: Record<string, unknown>, max: number): string[] | Reply {
		const list = body.MemberList_Account;
		if (!Array.isArray(list) || list.length === 0 || !list.every((a) => typeof a === 'string' && a !== '')) {
			return envelope(100002, 'MemberList_Account must be a non-empty list of user IDs');
		}
		if (list.length > max) return envelope(100002, `At most ${max} accounts per request`);
		return list as string[];
	}

	function positiveInt(value: unknown, field: string, min: number): number | Reply {
		if (typeof value !== 'number' || !Number.isInteger(value) || value < min) return envelope(100002, `${field} must be an integer ≥ ${min}`);
		return value;
	}

	const UPDATABLE = ['RoomId', 'RoomName', 'MaxMemberCount', 'IsMessageDisabled', 'CoverURL', 'Category', 'ActivityStatus', 'IsPublicVisible', 'TakeSeatMode', 'Notice'];

	function roomDispatch(name: string, body: Record<string, unknown>): Reply {
		if (name === 'live_engine_http_srv/get_room_list') {
			if (typeof body.Next !== 'string') return envelope(100002, 'Next is required');
			const count = positiveInt(body.Count, 'Count', 1);
			if (typeof count !== 'number') return count;
			if (count > 20) return envelope(100002, 'Count is at most 20');
			const visible = [...rooms.values()].map((r) => r.info).filter((r) => r.IsPublicVisible).sort((a, b) => b.ViewCount - a.ViewCount);
			const start = body.Next === '' ? 0 : Number(body.Next);
			if (!Number.isInteger(start) || start < 0) return envelope(100002, 'Next is not a token of this list');
			const page = visible.slice(start, start + count);
			const next = start + count < visible.length ? String(start + count) : '';
			return envelope(0, '', {
				Next: next,
				RoomList: page.map(({ RoomName, RoomId, Owner_Account, CoverURL, Category, CreateTime, ActivityStatus, ViewCount }) => ({
					RoomName, RoomId, Owner_Account, CoverURL, Category, CreateTime, ActivityStatus, ViewCount,
				})),
			});
		}
		const roomInfo = name === 'live_engine_http_srv/update_room_info' ? (body.RoomInfo as Record<string, unknown> | undefined) : body;
		const roomId = str(roomInfo?.RoomId);
		if (roomId === '') return envelope(100002, 'RoomId is required');
		const room = rooms.get(roomId);
		const known = [
			'live_engine_http_srv/get_room_info', 'live_engine_http_srv/update_room_info', 'live_engine_http_srv/destroy_room',
			'live_engine_http_srv/ban_member', 'live_engine_http_srv/unban_member', 'live_engine_http_srv/get_banned_member_list',
			'live_engine_http_srv/mute_member', 'live_engine_http_srv/get_muted_member_list', 'live_engine_http_srv/get_member_list',
			'live_engine_http_srv/send_text_msg', 'live_engine_http_srv/send_custom_msg',
			'room_engine_http_mic/get_seat_list', 'room_engine_http_mic/kick_user_off_seat',
		];
		if (!known.includes(name)) return envelope(60009, `unknown command ${name}`);
		if (!room) return envelope(100004, 'The room does not exist or has been dissolved');
		switch (name) {
			case 'live_engine_http_srv/get_room_info':
				return envelope(0, '', { RoomInfo: { ...room.info } });
			case 'live_engine_http_srv/update_room_info': {
				const extra = Object.keys(roomInfo!).find((k) => !UPDATABLE.includes(k));
				if (extra) return envelope(100002, `Unknown field ${extra}`);
				if (roomInfo!.Notice !== undefined && Buffer.byteLength(str(roomInfo!.Notice)) > 100) return envelope(100002, 'Notice is at most 100 bytes');
				if (roomInfo!.Category !== undefined && (!Array.isArray(roomInfo!.Category) || roomInfo!.Category.length > 3)) {
					return envelope(100002, 'Category holds at most 3 integers');
				}
				if (roomInfo!.TakeSeatMode !== undefined && !['FreeToTake', 'ApplyToTake'].includes(str(roomInfo!.TakeSeatMode))) {
					return envelope(100002, 'TakeSeatMode');
				}
				for (const flag of ['IsMessageDisabled', 'IsPublicVisible']) {
					if (roomInfo![flag] !== undefined && typeof roomInfo![flag] !== 'boolean') return envelope(100002, `${flag} must be a boolean`);
				}
				Object.assign(room.info, roomInfo);
				return envelope(0, '');
			}
			case 'live_engine_http_srv/destroy_room':
				rooms.delete(roomId);
				return envelope(0, '', { Statistic: { TotalViewers: room.info.ViewCount, TotalGiftsSent: 0, TotalGiftCoins: 0 } });
			case 'live_engine_http_srv/ban_member': {
				const list = accounts(body, 20);
				if (!Array.isArray(list)) return list;
				const duration = positiveInt(body.Duration, 'Duration', 1);
				if (typeof duration !== 'number') return duration;
				if (body.Reason !== undefined && Buffer.byteLength(str(body.Reason)) > 200) return envelope(100002, 'Reason is at most 200 bytes');
				for (const account of list) {
					room.banned.set(account, nowS() + duration);
					room.members.delete(account);
					room.seats = room.seats.map((a) => (a === account ? '' : a));
				}
				return envelope(0, '');
			}
			case 'live_engine_http_srv/unban_member': {
				const list = accounts(body, 20);
				if (!Array.isArray(list)) return list;
				for (const account of list) room.banned.delete(account);
				return envelope(0, '');
			}
			case 'live_engine_http_srv/get_banned_member_list': {
				const offset = body.Offset === undefined ? 0 : positiveInt(body.Offset, 'Offset', 0);
				if (typeof offset !== 'number') return offset;
				const limit = body.Limit === undefined ? 20 : positiveInt(body.Limit, 'Limit', 1);
				if (typeof limit !== 'number') return limit;
				if (limit > 100) return envelope(100002, 'Limit is at most 100');
				const all = active(room.banned);
				return envelope(0, '', {
					BannedAccountList: all.slice(offset, offset + limit).map(([Member_Account, BannedUntil]) => ({ Member_Account, BannedUntil })),
					NextOffset: offset + limit < all.length ? offset + limit : 0,
				});
			}
			case 'live_engine_http_srv/mute_member': {
				const list = accounts(body, 20);
				if (!Array.isArray(list)) return list;
				const muteTime = positiveInt(body.MuteTime, 'MuteTime', 0);
				if (typeof muteTime !== 'number') return muteTime;
				for (const account of list) {
					if (muteTime === 0) room.muted.delete(account);
					else room.muted.set(account, nowS() + muteTime);
				}
				return envelope(0, '');
			}
			case 'live_engine_http_srv/get_muted_member_list':
				return envelope(0, '', { MutedAccountList: active(room.muted).map(([Member_Account, MutedUntil]) => ({ Member_Account, MutedUntil })) });
			case 'live_engine_http_srv/get_member_list': {
				if (typeof body.Next !== 'string') return envelope(100002, 'Next is required');
				const all = [...room.members];
				const start = body.Next === '' ? 0 : Number(body.Next);
				if (!Number.isInteger(start) || start < 0) return envelope(100002, 'Next is not a token of this list');
				const page = all.slice(start, start + 100);
				return envelope(0, '', {
					Next: start + 100 < all.length ? String(start + 100) : '',
					MemberCount: all.length,
					MemberList: page.map((Member_Account) => ({ Member_Account })),
				});
			}
			case 'live_engine_http_srv/send_text_msg': {
				const sender = str(body.Sender_Account);
				const text = str(body.TextContent);
				if (sender === '' || text === '') return envelope(100002, 'Sender_Account and TextContent are required');
				if (body.ExtensionInfo !== undefined) {
					let parsed: unknown;
					try {
						parsed = JSON.parse(str(body.ExtensionInfo));
					} catch {
						parsed = null;
					}
					if (typeof parsed !== 'object' || parsed === null) return envelope(100002, 'ExtensionInfo must be a JSON string');
				}
				room.messages.push({ kind: 'text', sender, body, MsgSeq: ++msgSeq });
				return envelope(0, '', { MsgTime: nowS(), MsgSeq: msgSeq });
			}
			case 'live_engine_http_srv/send_custom_msg': {
				if (str(body.BusinessId) === '' || body.Data === undefined) return envelope(100002, 'BusinessId and Data are required');
				room.messages.push({ kind: 'custom', sender: str(body.Sender_Account), body, MsgSeq: ++msgSeq });
				return envelope(0, '', { MsgTime: nowS(), MsgSeq: msgSeq });
			}
			case 'room_engine_http_mic/get_seat_list':
				return envelope(0, '', { SeatList: room.seats.map((Member_Account, Index) => ({ Index, Member_Account, IsTakenDisabled: false })) });
			case 'room_engine_http_mic/kick_user_off_seat': {
				const account = str(body.Member_Account);
				if (account === '' || typeof body.Data !== 'string') return envelope(100002, 'Member_Account and Data are required');
				const index = room.seats.indexOf(account);
				if (index < 0) return envelope(100002, 'The user is not on a seat');
				room.seats[index] = '';
				return envelope(0, '');
			}
		}
		return envelope(60009, `unknown command ${name}`);
	}

	const server = await startLoopbackServer((req: ReceivedRequest) => {
		const [path, rawQuery = ''] = req.rawUrl.split('?');
		if (req.method !== 'POST') return { status: 405 };
		const refused = authenticate(new URLSearchParams(rawQuery));
		if (refused) return refused;
		const match = /^\/v4\/([a-z_]+)\/([a-z_]+)$/.exec(path);
		if (!match) return envelope(60020, 'unknown service');
		let body: Record<string, unknown>;
		try {
			body = JSON.parse(req.body) as Record<string, unknown>;
		} catch {
			return envelope(60003, 'The request body is not valid JSON');
		}
		const [, service, command] = match;
		const name = service === 'live_config' ? command : `${service}/${command}`;
		const planned = failures.get(name);
		if (planned) {
			failures.delete(name);
			return envelope(planned.code, planned.info);
		}
		state.calls.push({ command: name, body });
		if (service === 'live_config') return dispatch(command, body);
		if (service === 'live_engine_http_srv' || service === 'room_engine_http_mic') return roomDispatch(name, body);
		return envelope(60020, 'unknown service');
	});
	return Object.defineProperties(server, {
		callback: { get: () => state.callback, set: (v) => (state.callback = v), enumerable: true },
		token: { get: () => state.token, set: (v) => (state.token = v), enumerable: true },
		calls: { get: () => state.calls, enumerable: true },
		rooms: { value: rooms, enumerable: true },
		createRoom: { value: createRoom },
		enter: {
			value: (roomId: string, account: string) => {
				const room = rooms.get(roomId);
				if (!room || stillBanned(room, account)) return false;
				room.members.add(account);
				return true;
			},
		},
		takeSeat: {
			value: (roomId: string, account: string) => {
				const room = rooms.get(roomId);
				if (!room || !room.members.has(account)) return -1;
				const index = room.seats.indexOf('');
				if (index >= 0) room.seats[index] = account;
				return index;
			},
		},
		failNext: { value: (command: string, code: number, info: string) => failures.set(command, { code, info }) },
	}) as LiveRestFake;
}
