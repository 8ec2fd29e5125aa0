/**
 * Tencent TUILiveKit Room, Member, Seat and Message operations through the node's real `execute()`
 * (n8n-core ExecuteContext) and its room list search, with the real `tencentLiveKitApi` credential
 * making the UserSig, against the loopback REST fake that decodes and checks the UserSig itself and
 * keeps rooms, members, bans, mutes, seats and messages.
 */
import { NodeApiError } from 'n8n-workflow';
import type { IDataObject } from 'n8n-workflow';

import { TencentLiveKitApi } from '../../../credentials/TencentLiveKitApi.credentials';
import { TencentLiveKit } from '../../../nodes/TencentLiveKit/TencentLiveKit.node';
import { parseTencentLiveKitEvent } from '../../../nodes/TencentLiveKit/events';
import fixtures from '../../fixtures/tencent-livekit.json';
import { runExecute } from '../../harness/hook';
import { startLiveRestFake } from '../../servers/tencentLiveRestFake';
import type { LiveRestFake } from '../../servers/tencentLiveRestFake';
import { loadOptionsContext } from './loadOptions';

const APP = { sdkAppId: 1400000002, secretKey: 'roomModerationSecretKeyForTheFake', admins: ['administrator'] };

/** The item a TUILiveKit Trigger emits for a fixture event. */
const itemOf = (key: keyof typeof fixtures.events): IDataObject => {
	const parsed = parseTencentLiveKitEvent(fixtures.events[key] as IDataObject, { query: {}, workflowDecides: false });
	return { event: parsed.event, provider: 'tencent-livekit', room: parsed.room, data: parsed.data } as IDataObject;
};

let fake: LiveRestFake;
beforeEach(async () => {
	fake = await startLiveRestFake(APP);
});
afterEach(async () => {
	await fake.close();
});

const credentials = (overrides: IDataObject = {}) => ({
	tencentLiveKitApi: {
		type: new TencentLiveKitApi(),
		data: {
			sdkAppId: String(APP.sdkAppId),
			callbackToken: '',
			secretKey: APP.secretKey,
			adminIdentifier: 'administrator',
			restDomain: 'custom',
			customRestUrl: fake.url,
			...overrides,
		},
	},
});

function run(parameters: IDataObject, items: IDataObject[], options: { continueOnFail?: boolean; credential?: IDataObject } = {}) {
	return runExecute(
		{ nodeType: new TencentLiveKit(), parameters, credentials: credentials(options.credential), continueOnFail: options.continueOnFail },
		items,
	);
}

const commands = () => fake.calls.map((c) => c.command);

describe('trigger item → Room operations with zero configuration', () => {
	it('Destroy: the room of the item is dissolved; a second Destroy answers alreadyGone: true', async () => {
		const item = itemOf('room.created');
		fake.createRoom({ RoomId: String((item.room as IDataObject).id), ViewCount: 12 });
		const [out] = await run({ resource: 'room', operation: 'destroy' }, [item]);
		expect(out).toEqual({
			RoomId: 'tandy-test-rest',
			destroyed: true,
			alreadyGone: false,
			Statistic: { TotalViewers: 12, TotalGiftsSent: 0, TotalGiftCoins: 0 },
			RequestId: expect.stringMatching(/^Id-/),
		});
		expect(fake.rooms.has('tandy-test-rest')).toBe(false);
		expect(fake.calls).toEqual([{ command: 'live_engine_http_srv/destroy_room', body: { RoomId: 'tandy-test-rest' } }]);
		const [again] = await run({ resource: 'room', operation: 'destroy' }, [item]);
		expect(again).toMatchObject({ destroyed: true, alreadyGone: true, Statistic: null });
	});

	it('Get: the room\'s settings; of a gone room: NodeApiError 100004 with a hint', async () => {
		fake.createRoom({ RoomId: 'tandy-test-rest', RoomName: 'Evening show' });
		const [out] = await run({ resource: 'room', operation: 'get' }, [itemOf('room.created')]);
		expect(out).toMatchObject({ RoomId: 'tandy-test-rest', RoomName: 'Evening show', RoomType: 'Live', IsMessageDisabled: false });
		const attempt = run({ resource: 'room', operation: 'get' }, [{ room: { id: 'nope' } }]);
		await expect(attempt).rejects.toThrow(NodeApiError);
		await expect(attempt).rejects.toMatchObject({
			message: 'Tencent TUILiveKit error 100004: The room does not exist or has been dissolved',
			description: expect.stringContaining('check the room ID'),
		});
	});

	it('Update: Mute All Chat and hide the room; local checks on the notice and categories', async () => {
		fake.createRoom({ RoomId: 'r1' });
		const [out] = await run({ resource: 'room', operation: 'update', updateFields: { muteAll: true, publiclyVisible: false, notice: 'Moderated', category: '1, 2' } }, [{ room: { id: 'r1' } }]);
		expect(out).toMatchObject({ RoomId: 'r1', IsMessageDisabled: true, IsPublicVisible: false, Notice: 'Moderated', Category: [1, 2], updated: true });
		expect(fake.rooms.get('r1')!.info).toMatchObject({ IsMessageDisabled: true, IsPublicVisible: false, Notice: 'Moderated', Category: [1, 2] });
		await expect(run({ resource: 'room', operation: 'update', updateFields: { notice: 'x'.repeat(101) } }, [{ room: { id: 'r1' } }])).rejects.toThrow('at most 100');
		await expect(run({ resource: 'room', operation: 'update', updateFields: { category: '1,2,3,4' } }, [{ room: { id: 'r1' } }])).rejects.toThrow('at most 3');
		await expect(run({ resource: 'room', operation: 'update', updateFields: {} }, [{ room: { id: 'r1' } }])).rejects.toThrow('Nothing to update');
	});

	it('Get Many: public rooms by view count, 20 a page with Next, Return All or a limit', async () => {
		for (let i = 0; i < 45; i++) fake.createRoom({ RoomId: `r${i}`, ViewCount: i });
		fake.createRoom({ RoomId: 'hidden', ViewCount: 1000, IsPublicVisible: false });
		const all = await run({ resource: 'room', operation: 'getAll', returnAll: true }, [{}]);
		expect(all).toHaveLength(45);
		expect(all[0].RoomId).toBe('r44');
		expect(fake.calls.map((c) => c.body)).toEqual([
			{ Next: '', Count: 20 },
			{ Next: '20', Count: 20 },
			{ Next: '40', Count: 20 },
		]);
		expect(await run({ resource: 'room', operation: 'getAll', returnAll: false, limit: 3 }, [{}])).toHaveLength(3);
	});

	it('the room dropdown pages with Tencent\'s Next token and filters by name or ID', async () => {
		for (let i = 0; i < 25; i++) fake.createRoom({ RoomId: `r${i}`, RoomName: i === 3 ? 'Cooking' : `r${i}`, ViewCount: 100 - i });
		const node = new TencentLiveKit();
		const ctx = loadOptionsContext(node, credentials());
		const first = await node.methods.listSearch.searchRooms.call(ctx);
		expect(first.results).toHaveLength(20);
		expect(first.results[3]).toEqual({ name: 'Cooking (r3)', value: 'r3' });
		expect(first.paginationToken).toBe('20');
		const second = await node.methods.listSearch.searchRooms.call(ctx, undefined, first.paginationToken as string);
		expect(second.results.map((r) => r.value)).toEqual(['r20', 'r21', 'r22', 'r23', 'r24']);
		expect(second.paginationToken).toBeUndefined();
		expect((await node.methods.listSearch.searchRooms.call(ctx, 'cook')).results).toEqual([{ name: 'Cooking (r3)', value: 'r3' }]);
	});
});

describe('Member operations', () => {
	beforeEach(() => {
		fake.createRoom({ RoomId: '@TGS#2J4SZEAEL' });
		fake.enter('@TGS#2J4SZEAEL', 'jared');
		fake.enter('@TGS#2J4SZEAEL', 'tommy');
	});
	const room = '@TGS#2J4SZEAEL';

	it('Mute the sender of a message event with zero configuration, then Unmute', async () => {
		const [out] = await run({ resource: 'member', operation: 'mute' }, [itemOf('message.sent')]);
		expect(out).toMatchObject({ RoomId: room, MemberList_Account: ['jared'], muted: true, MuteTime: 600 });
		expect(fake.calls[0]).toEqual({ command: 'live_engine_http_srv/mute_member', body: { MemberList_Account: ['jared'], RoomId: room, MuteTime: 600 } });
		expect([...fake.rooms.get(room)!.muted.keys()]).toEqual(['jared']);
		const muted = await run({ resource: 'member', operation: 'getAllMuted', returnAll: true }, [itemOf('message.sent')]);
		expect(muted).toEqual([{ RoomId: room, Member_Account: 'jared', MutedUntil: expect.any(Number), mutedUntil: expect.any(String) }]);
		const [un] = await run({ resource: 'member', operation: 'unmute' }, [itemOf('message.sent')]);
		expect(un).toMatchObject({ unmuted: true });
		expect(fake.calls.at(-1)?.body).toMatchObject({ MuteTime: 0 });
		expect(fake.rooms.get(room)!.muted.size).toBe(0);
	});

	it('Ban (a short ban is the kick): the user leaves the room and cannot come back until Unban', async () => {
		const [out] = await run({ resource: 'member', operation: 'ban', duration: 60, reason: 'spam' }, [itemOf('message.sent')]);
		expect(out).toMatchObject({ RoomId: room, MemberList_Account: ['jared'], banned: true, Duration: 60, Reason: 'spam', RequestIds: [expect.any(String)] });
		expect(fake.rooms.get(room)!.members.has('jared')).toBe(false);
		expect(fake.enter(room, 'jared')).toBe(false);
		const banned = await run({ resource: 'member', operation: 'getAllBanned', returnAll: true }, [itemOf('message.sent')]);
		expect(banned).toEqual([{ RoomId: room, Member_Account: 'jared', BannedUntil: expect.any(Number), bannedUntil: expect.any(String) }]);
		await run({ resource: 'member', operation: 'unban' }, [itemOf('message.sent')]);
		expect(fake.enter(room, 'jared')).toBe(true);
	});

	it('more than 20 users are sent 20 per call (Tencent\'s limit); duplicates are dropped', async () => {
		const users = Array.from({ length: 45 }, (_, i) => `u${i}`);
		const [out] = await run({ resource: 'member', operation: 'ban', memberAccounts: [...users, 'u0'].join(', '), duration: 30 }, [{ room: { id: room } }]);
		expect((out.MemberList_Account as string[]).length).toBe(45);
		expect(fake.calls.map((c) => (c.body.MemberList_Account as string[]).length)).toEqual([20, 20, 5]);
		expect(fake.rooms.get(room)!.banned.size).toBe(45);
	});

	it('Get Many Banned pages with NextOffset until it is 0', async () => {
		const users = Array.from({ length: 130 }, (_, i) => `u${i}`);
		for (const u of users) fake.rooms.get(room)!.banned.set(u, Math.floor(Date.now() / 1000) + 600);
		const all = await run({ resource: 'member', operation: 'getAllBanned', returnAll: true }, [{ room: { id: room } }]);
		expect(all).toHaveLength(130);
		expect(fake.calls.map((c) => c.body.Offset)).toEqual([0, 100]);
	});

	it('Get Many: the members of the room', async () => {
		const out = await run({ resource: 'member', operation: 'getAll', returnAll: true }, [{ room: { id: room } }]);
		expect(out.map((m) => m.Member_Account).sort()).toEqual(['host', 'jared', 'tommy']);
	});

	it('an empty user list or a zero duration is refused before any call', async () => {
		await expect(run({ resource: 'member', operation: 'ban', memberAccounts: ' , ' }, [{ room: { id: room } }])).rejects.toThrow('User IDs is empty');
		await expect(run({ resource: 'member', operation: 'ban', memberAccounts: 'x', duration: 0 }, [{ room: { id: room } }])).rejects.toThrow('at least 1');
		expect(fake.calls).toHaveLength(0);
	});
});

describe('Seat and Message operations', () => {
	beforeEach(() => {
		fake.createRoom({ RoomId: 'rid-123' });
		fake.enter('rid-123', 'guest');
		fake.takeSeat('rid-123', 'guest');
	});

	it('Kick Off Seat: the user leaves the seat and stays in the room; kicking again is refused with a hint', async () => {
		const [out] = await run({ resource: 'seat', operation: 'kickOff', memberAccount: 'guest' }, [itemOf('seat.changed')]);
		expect(out).toMatchObject({ RoomId: 'rid-123', Member_Account: 'guest', kickedOffSeat: true });
		expect(fake.calls[0]).toEqual({
			command: 'room_engine_http_mic/kick_user_off_seat',
			body: { RoomId: 'rid-123', Member_Account: 'guest', Data: 'Removed from the seat by a moderator' },
		});
		expect(fake.rooms.get('rid-123')!.seats).not.toContain('guest');
		expect(fake.rooms.get('rid-123')!.members.has('guest')).toBe(true);
		await expect(run({ resource: 'seat', operation: 'kickOff', memberAccount: 'guest' }, [itemOf('seat.changed')])).rejects.toMatchObject({
			description: expect.stringContaining('must hold a seat'),
		});
	});

	it('Get Many seats', async () => {
		const seats = await run({ resource: 'seat', operation: 'getAll' }, [itemOf('seat.changed')]);
		expect(seats[0]).toEqual({ RoomId: 'rid-123', Index: 0, Member_Account: 'guest', IsTakenDisabled: false });
		expect(seats).toHaveLength(4);
	});

	it('Send Text: from the credential\'s admin by default, with Extension Info as a JSON string', async () => {
		const [out] = await run({ resource: 'message', operation: 'sendText', text: 'Please keep it civil', extensionInfo: '{"kind":"moderation"}' }, [itemOf('seat.changed')]);
		expect(out).toMatchObject({ RoomId: 'rid-123', Sender_Account: 'administrator', sent: true, MsgSeq: 1, MsgDropReason: null });
		expect(fake.rooms.get('rid-123')!.messages[0].body).toEqual({
			RoomId: 'rid-123',
			Sender_Account: 'administrator',
			TextContent: 'Please keep it civil',
			ExtensionInfo: '{"kind":"moderation"}',
		});
		await expect(
			run({ resource: 'message', operation: 'sendText', text: 'x', extensionInfo: '[1]' }, [itemOf('seat.changed')]),
		).rejects.toThrow('must be a JSON object');
	});

	it('Send Custom: BusinessId and Data, a chosen sender', async () => {
		const [out] = await run({ resource: 'message', operation: 'sendCustom', businessId: 'moderation', data: '{"action":"warn"}', senderAccount: 'bot' }, [itemOf('seat.changed')]);
		expect(out).toMatchObject({ Sender_Account: 'bot', sent: true });
		expect(fake.rooms.get('rid-123')!.messages[0]).toMatchObject({ kind: 'custom', sender: 'bot', body: { BusinessId: 'moderation', Data: '{"action":"warn"}' } });
	});
});

describe('errors, retries and dispatch', () => {
	it('a read is retried on Tencent\'s rate limit; a write is not', async () => {
		fake.createRoom({ RoomId: 'r1' });
		fake.failNext('live_engine_http_srv/get_room_info', 60018, 'request too frequent');
		const [out] = await run({ resource: 'room', operation: 'get' }, [{ room: { id: 'r1' } }]);
		expect(out.RoomId).toBe('r1');
		expect(fake.requests).toHaveLength(2);
		fake.failNext('live_engine_http_srv/destroy_room', 60018, 'request too frequent');
		await expect(run({ resource: 'room', operation: 'destroy' }, [{ room: { id: 'r1' } }])).rejects.toMatchObject({
			message: 'Tencent TUILiveKit error 60018: request too frequent',
			description: expect.stringContaining('try again in a moment'),
		});
		expect(fake.requests).toHaveLength(3);
		expect(fake.rooms.has('r1')).toBe(true);
	});

	it('a wrong SecretKey is refused by the fake\'s own UserSig check, with a hint', async () => {
		await expect(run({ resource: 'room', operation: 'get' }, [{ room: { id: 'r1' } }], { credential: { secretKey: 'wrong' } })).rejects.toMatchObject({
			message: expect.stringContaining('70009'),
			description: expect.stringContaining('SecretKey'),
		});
	});

	it('Continue On Fail: one error item, the other rooms are destroyed', async () => {
		fake.createRoom({ RoomId: 'a' });
		fake.createRoom({ RoomId: 'b' });
		fake.failNext('live_engine_http_srv/destroy_room', 100006, 'no permission');
		const out = await run({ resource: 'room', operation: 'destroy' }, [{ room: { id: 'a' } }, { room: { id: 'b' } }], { continueOnFail: true });
		expect(out[0]).toEqual({ error: 'Tencent TUILiveKit error 100006: no permission', description: expect.stringContaining('Permission denied') });
		expect(out[1]).toMatchObject({ RoomId: 'b', destroyed: true, alreadyGone: false });
	});

	it('an item without a room names the missing field', async () => {
		await expect(run({ resource: 'room', operation: 'destroy' }, [{}])).rejects.toThrow('Room is empty');
		expect(fake.requests).toHaveLength(0);
	});

	it('an unknown resource fails clearly instead of running another resource\'s operation', async () => {
		await expect(run({ resource: 'bogus', operation: 'get' }, [{}])).rejects.toThrow('This node does not support the resource "bogus"');
		expect(fake.requests).toHaveLength(0);
	});

	it.each([['room'], ['member'], ['seat'], ['message'], ['callbackConfig'], ['callbackToken']])('an unknown operation of %s fails clearly', async (resource) => {
		await expect(run({ resource, operation: 'explode' }, [{}])).rejects.toThrow(`operation "explode" of resource "${resource}"`);
		expect(fake.requests).toHaveLength(0);
	});
});
