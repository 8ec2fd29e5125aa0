/**
 * The Tencent TUILiveKit node's Room, Member, Seat and Message operations
 * (docs/protocols/stream-control.md §3). Live rooms have no plain kick: a short ban is the way to
 * remove someone (§3.3). Destroying a room that is already gone answers `alreadyGone: true` (§5).
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { accountList, chunks, requiredText, unknownOperation, wantedCount } from '../core/execute';
import { liveRestRequest } from './TencentLiveKitApi';

const LIVE = 'live_engine_http_srv';
const SEATS = 'room_engine_http_mic';
/** Accounts per ban/unban call (documented) and per mute call (assumed the same), §3.3. */
const ACCOUNTS_PER_CALL = 20;
const ROOM_PAGE = 20;
const BAN_PAGE = 100;
/** A bound on paging, so an answer that never ends cannot loop the node forever. */
const MAX_PAGES = 1000;
const NOTICE_MAX_BYTES = 100;

function roomIdOf(ctx: IExecuteFunctions, itemIndex: number): string {
	return requiredText(ctx, 'roomId', 'Room', itemIndex, 'A Tencent TUILiveKit Trigger item fills it by default (room.id); otherwise pick or type the room ID.');
}

function call(ctx: IExecuteFunctions, itemIndex: number) {
	return async (path: string, body: IDataObject, options: { tolerate?: number[]; read?: boolean } = {}) =>
		await liveRestRequest(ctx, path, body, itemIndex, options);
}

function seconds(ctx: IExecuteFunctions, name: string, label: string, itemIndex: number): number {
	const value = Number(ctx.getNodeParameter(name, itemIndex, 0));
	if (!Number.isInteger(value) || value < 1) {
		throw new NodeOperationError(ctx.getNode(), `${label} must be a whole number of seconds, at least 1`, { itemIndex });
	}
	return value;
}

const response = (answer: IDataObject) => (answer.Response as IDataObject | undefined) ?? {};
const isoFromUnix = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? new Date(value * 1000).toISOString() : null);

export async function roomOperation(ctx: IExecuteFunctions, operation: string, itemIndex: number): Promise<IDataObject | IDataObject[]> {
	const api = call(ctx, itemIndex);
	switch (operation) {
		case 'get': {
			const RoomId = roomIdOf(ctx, itemIndex);
			const answer = await api(`${LIVE}/get_room_info`, { RoomId }, { read: true });
			return { ...((response(answer).RoomInfo as IDataObject | undefined) ?? { RoomId }), RequestId: answer.RequestId ?? null };
		}
		case 'getAll': {
			const wanted = wantedCount(ctx, itemIndex);
			const found: IDataObject[] = [];
			let next = '';
			for (let page = 0; page < MAX_PAGES && found.length < wanted; page++) {
				const answer = await api(`${LIVE}/get_room_list`, { Next: next, Count: ROOM_PAGE }, { read: true });
				found.push(...((response(answer).RoomList as IDataObject[] | undefined) ?? []));
				next = String(response(answer).Next ?? '');
				if (next === '') break;
			}
			return found.slice(0, wanted);
		}
		case 'update': {
			const RoomId = roomIdOf(ctx, itemIndex);
			const RoomInfo = { RoomId, ...roomUpdate(ctx, itemIndex) };
			const answer = await api(`${LIVE}/update_room_info`, { RoomInfo });
			return { ...RoomInfo, updated: true, RequestId: answer.RequestId ?? null };
		}
		case 'destroy': {
			const RoomId = roomIdOf(ctx, itemIndex);
			const answer = await api(`${LIVE}/destroy_room`, { RoomId }, { tolerate: [100004] });
			const alreadyGone = Number(answer.ErrorCode) === 100004;
			return {
				RoomId,
				destroyed: true,
				alreadyGone,
				Statistic: (response(answer).Statistic as IDataObject | undefined) ?? null,
				RequestId: answer.RequestId ?? null,
			};
		}
	}
	throw unknownOperation(ctx, 'room', operation, itemIndex);
}

function roomUpdate(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const fields = ctx.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const out: IDataObject = {};
	if (typeof fields.roomName === 'string' && fields.roomName !== '') out.RoomName = fields.roomName;
	if (typeof fields.notice === 'string') {
		const bytes = Buffer.byteLength(fields.notice, 'utf8');
		if (bytes > NOTICE_MAX_BYTES) {
			throw new NodeOperationError(ctx.getNode(), `The notice is ${bytes} bytes long; Tencent accepts at most ${NOTICE_MAX_BYTES}`, { itemIndex });
		}
		out.Notice = fields.notice;
	}
	if (typeof fields.coverUrl === 'string' && fields.coverUrl !== '') out.CoverURL = fields.coverUrl;
	if (typeof fields.muteAll === 'boolean') out.IsMessageDisabled = fields.muteAll;
	if (typeof fields.publiclyVisible === 'boolean') out.IsPublicVisible = fields.publiclyVisible;
	if (fields.maxMemberCount !== undefined) out.MaxMemberCount = Number(fields.maxMemberCount);
	if (typeof fields.takeSeatMode === 'string') out.TakeSeatMode = fields.takeSeatMode;
	if (fields.activityStatus !== undefined) out.ActivityStatus = Number(fields.activityStatus);
	if (typeof fields.category === 'string' && fields.category.trim() !== '') {
		const category = fields.category.split(',').map((c) => Number(c.trim()));
		if (category.length > 3 || category.some((c) => !Number.isInteger(c))) {
			throw new NodeOperationError(ctx.getNode(), 'Category holds at most 3 whole numbers, separated by commas', { itemIndex });
		}
		out.Category = category;
	}
	if (Object.keys(out).length === 0) throw new NodeOperationError(ctx.getNode(), 'Nothing to update: add at least one field', { itemIndex });
	return out;
}

export async function memberOperation(ctx: IExecuteFunctions, operation: string, itemIndex: number): Promise<IDataObject | IDataObject[]> {
	const api = call(ctx, itemIndex);
	const byChunks = async (path: string, accounts: string[], extra: IDataObject) => {
		const requestIds: unknown[] = [];
		for (const part of chunks(accounts, ACCOUNTS_PER_CALL)) {
			const answer = await api(path, { MemberList_Account: part, ...extra });
			requestIds.push(answer.RequestId ?? null);
		}
		return requestIds;
	};
	switch (operation) {
		case 'ban': {
			const RoomId = roomIdOf(ctx, itemIndex);
			const accounts = accountList(ctx, 'memberAccounts', 'User IDs', itemIndex);
			const Duration = seconds(ctx, 'duration', 'Duration', itemIndex);
			const reason = String(ctx.getNodeParameter('reason', itemIndex, '') ?? '').trim();
			const extra: IDataObject = { RoomId, Duration };
			if (reason !== '') extra.Reason = reason;
			const requestIds = await byChunks(`${LIVE}/ban_member`, accounts, extra);
			return {
				RoomId,
				MemberList_Account: accounts,
				banned: true,
				Duration,
				bannedUntil: new Date(Date.now() + Duration * 1000).toISOString(),
				Reason: reason,
				RequestIds: requestIds,
			};
		}
		case 'unban': {
			const RoomId = roomIdOf(ctx, itemIndex);
			const accounts = accountList(ctx, 'memberAccounts', 'User IDs', itemIndex);
			const requestIds = await byChunks(`${LIVE}/unban_member`, accounts, { RoomId });
			return { RoomId, MemberList_Account: accounts, unbanned: true, RequestIds: requestIds };
		}
		case 'mute':
		case 'unmute': {
			const RoomId = roomIdOf(ctx, itemIndex);
			const accounts = accountList(ctx, 'memberAccounts', 'User IDs', itemIndex);
			const MuteTime = operation === 'mute' ? seconds(ctx, 'muteTime', 'Mute Duration', itemIndex) : 0;
			const requestIds = await byChunks(`${LIVE}/mute_member`, accounts, { RoomId, MuteTime });
			return operation === 'mute'
				? { RoomId, MemberList_Account: accounts, muted: true, MuteTime, mutedUntil: new Date(Date.now() + MuteTime * 1000).toISOString(), RequestIds: requestIds }
				: { RoomId, MemberList_Account: accounts, unmuted: true, RequestIds: requestIds };
		}
		case 'getAllBanned': {
			const RoomId = roomIdOf(ctx, itemIndex);
			const wanted = wantedCount(ctx, itemIndex);
			const found: IDataObject[] = [];
			let offset = 0;
			for (let page = 0; page < MAX_PAGES && found.length < wanted; page++) {
				const answer = await api(`${LIVE}/get_banned_member_list`, { RoomId, Offset: offset, Limit: BAN_PAGE }, { read: true });
				const list = (response(answer).BannedAccountList as IDataObject[] | undefined) ?? [];
				found.push(...list.map((b) => ({ RoomId, ...b, bannedUntil: isoFromUnix(b.BannedUntil) })));
				offset = Number(response(answer).NextOffset ?? 0);
				if (!offset || list.length === 0) break;
			}
			return found.slice(0, wanted);
		}
		case 'getAllMuted': {
			const RoomId = roomIdOf(ctx, itemIndex);
			const answer = await api(`${LIVE}/get_muted_member_list`, { RoomId }, { read: true });
			const list = (response(answer).MutedAccountList as IDataObject[] | undefined) ?? [];
			return list.map((m) => ({ RoomId, ...m, mutedUntil: isoFromUnix(m.MutedUntil) })).slice(0, wantedCount(ctx, itemIndex));
		}
		case 'getAll': {
			const RoomId = roomIdOf(ctx, itemIndex);
			const wanted = wantedCount(ctx, itemIndex);
			const found: IDataObject[] = [];
			let next = '';
			for (let page = 0; page < MAX_PAGES && found.length < wanted; page++) {
				const answer = await api(`${LIVE}/get_member_list`, { RoomId, Next: next }, { read: true });
				found.push(...((response(answer).MemberList as IDataObject[] | undefined) ?? []).map((m) => ({ RoomId, ...m })));
				next = String(response(answer).Next ?? '');
				if (next === '') break;
			}
			return found.slice(0, wanted);
		}
	}
	throw unknownOperation(ctx, 'member', operation, itemIndex);
}

export async function seatOperation(ctx: IExecuteFunctions, operation: string, itemIndex: number): Promise<IDataObject | IDataObject[]> {
	const api = call(ctx, itemIndex);
	switch (operation) {
		case 'getAll': {
			const RoomId = roomIdOf(ctx, itemIndex);
			const answer = await api(`${SEATS}/get_seat_list`, { RoomId }, { read: true });
			return ((response(answer).SeatList as IDataObject[] | undefined) ?? []).map((s) => ({ RoomId, ...s }));
		}
		case 'kickOff': {
			const RoomId = roomIdOf(ctx, itemIndex);
			const Member_Account = requiredText(ctx, 'memberAccount', 'User ID', itemIndex);
			const Data = String(ctx.getNodeParameter('data', itemIndex, '') ?? '');
			const answer = await api(`${SEATS}/kick_user_off_seat`, { RoomId, Member_Account, Data });
			return { RoomId, Member_Account, kickedOffSeat: true, RequestId: answer.RequestId ?? null };
		}
	}
	throw unknownOperation(ctx, 'seat', operation, itemIndex);
}

async function senderOf(ctx: IExecuteFunctions, itemIndex: number): Promise<string> {
	const given = String(ctx.getNodeParameter('senderAccount', itemIndex, '') ?? '').trim();
	if (given !== '') return given;
	const credentials = await ctx.getCredentials('tencentLiveKitApi');
	return String(credentials.adminIdentifier ?? '').trim() || 'administrator';
}

export async function messageOperation(ctx: IExecuteFunctions, operation: string, itemIndex: number): Promise<IDataObject> {
	const api = call(ctx, itemIndex);
	switch (operation) {
		case 'sendText': {
			const RoomId = roomIdOf(ctx, itemIndex);
			const TextContent = requiredText(ctx, 'text', 'Text', itemIndex);
			const body: IDataObject = { RoomId, Sender_Account: await senderOf(ctx, itemIndex), TextContent };
			const extension = ctx.getNodeParameter('extensionInfo', itemIndex, '') as unknown;
			if (extension !== '' && extension !== undefined && extension !== null) body.ExtensionInfo = jsonText(ctx, extension, itemIndex);
			const answer = await api(`${LIVE}/send_text_msg`, body);
			return sentAnswer(body, answer);
		}
		case 'sendCustom': {
			const RoomId = roomIdOf(ctx, itemIndex);
			const body: IDataObject = {
				RoomId,
				Sender_Account: await senderOf(ctx, itemIndex),
				BusinessId: requiredText(ctx, 'businessId', 'Business ID', itemIndex),
				Data: String(ctx.getNodeParameter('data', itemIndex, '') ?? ''),
			};
			const answer = await api(`${LIVE}/send_custom_msg`, body);
			return sentAnswer(body, answer);
		}
	}
	throw unknownOperation(ctx, 'message', operation, itemIndex);
}

/** ExtensionInfo must be a JSON object sent as a string (§3.5). */
function jsonText(ctx: IExecuteFunctions, value: unknown, itemIndex: number): string {
	let parsed: unknown = value;
	if (typeof value === 'string') {
		try {
			parsed = JSON.parse(value);
		} catch {
			parsed = undefined;
		}
	}
	if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
		throw new NodeOperationError(ctx.getNode(), 'Extension Info must be a JSON object', { itemIndex });
	}
	return JSON.stringify(parsed);
}

function sentAnswer(body: IDataObject, answer: IDataObject): IDataObject {
	const out = response(answer);
	const dropReason = typeof out.MsgDropReason === 'string' && out.MsgDropReason !== '' ? out.MsgDropReason : null;
	return {
		RoomId: body.RoomId,
		Sender_Account: body.Sender_Account,
		sent: dropReason === null,
		MsgDropReason: dropReason,
		MsgSeq: out.MsgSeq ?? null,
		MsgTime: out.MsgTime ?? null,
		RequestId: answer.RequestId ?? null,
	};
}
