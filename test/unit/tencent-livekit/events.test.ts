import type { IDataObject } from 'n8n-workflow';

import { fixtures, SDK_APP_ID, send } from './helpers';
import { answerProblems } from './tencentAnswer';

/** What the simulator puts in every callback URL (requestTime: the signing time, any second). */
const URL_PARAMETERS = {
	sdkAppId: SDK_APP_ID,
	clientIp: '127.0.0.1',
	optPlatform: 'RESTAPI',
	requestTime: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000Z$/),
};

async function itemOf(name: string): Promise<IDataObject> {
	const outcome = await send(fixtures[name]);
	expect(outcome.items).toHaveLength(1);
	return outcome.items[0];
}

describe('TUILiveKit typed data, per command (the documented samples, docs/protocols/tencent-livekit.md)', () => {
	it('room.created: room info with ISO creation time and the room', async () => {
		const item = await itemOf('room.created');
		expect(item).toMatchObject({ room: { id: 'tandy-test-rest' }, occurredAt: '2023-12-26T11:25:22.780Z' });
		expect(item.data).toEqual({
			operatorAccount: 'admin',
			roomInfo: {
				roomId: 'tandy-test-rest',
				roomName: 'tandy-test-rest',
				roomType: 'Live',
				ownerAccount: 'user3',
				maxMemberCount: 300,
				isMessageDisabled: true,
				customInfo: 'custom123',
				isSeatEnabled: true,
				takeSeatMode: 'ApplyToTake',
				maxSeatCount: 16,
				createTime: '2023-12-26T11:25:22.000Z',
				isPublicVisible: true,
				coverURL: 'cover url',
				category: [1, 2],
			},
			eventTime: '2023-12-26T11:25:22.780Z',
			request: URL_PARAMETERS,
		});
	});

	it('room.destroyed: destroy cause, final room info and statistics', async () => {
		const item = await itemOf('room.destroyed');
		const data = item.data as IDataObject;
		expect(item.room).toEqual({ id: 'tandy-test-rest' });
		expect(data).toMatchObject({ operatorAccount: 'admin', roomId: 'tandy-test-rest', eventType: 'DestroyByUser' });
		expect((data.roomInfo as IDataObject).ownerAccount).toBe('144115216631667826');
		expect(data.statistic).toEqual({
			totalViewers: 0,
			totalGiftsSent: 0,
			totalGiftCoins: 0,
			totalUniqueGiftSenders: 0,
			totalLikesReceived: 0,
		});
	});

	it('room.updated: the room id comes from RoomInfo', async () => {
		const item = await itemOf('room.updated');
		expect(item.room).toEqual({ id: 'live-room' });
		expect(item.data).toMatchObject({ operatorAccount: 'bob', roomInfo: { roomId: 'live-room', activityStatus: 1 } });
		expect(item.occurredAt).toBe('2022-12-09T08:26:54.123Z');
	});

	it('room.metadata_set and room.metadata_deleted', async () => {
		const set = await itemOf('room.metadata_set');
		expect(set.data).toMatchObject({
			roomId: 'live-room1111',
			metadata: [
				{ key: 'key1', value: 'value1' },
				{ key: 'key2', value: 'value2' },
			],
		});
		const deleted = await itemOf('room.metadata_deleted');
		expect(deleted.data).toMatchObject({ roomId: 'live-room1111', keys: ['key1', 'key2'] });
	});

	it('room.quota_threshold: counts as numbers (also when sent as strings), no room', async () => {
		const item = await itemOf('room.quota_threshold');
		expect(item.room).toBeNull();
		expect(item.data).toMatchObject({ curRoomCount: 400, maxRoomCount: 500 });
		const asStrings = await send({ ...fixtures['room.quota_threshold'], CurRoomCount: '400', MaxRoomCount: '500' });
		expect(asStrings.items[0].data).toMatchObject({ curRoomCount: 400, maxRoomCount: 500 });
	});

	it('member.changed: state, cause and the member ids as a flat list', async () => {
		const item = await itemOf('member.changed');
		expect(item.room).toEqual({ id: 'room_id' });
		expect(item.data).toMatchObject({
			eventType: 'Online',
			eventCause: 'Enter',
			memberList: [{ memberAccount: 'jared' }, { memberAccount: 'tommy' }],
			members: ['jared', 'tommy'],
		});
		const variant = await itemOf('member.changed#url-table-name');
		expect(variant).toMatchObject({ event: 'member.changed', providerEvent: 'Live.CallbackMemberStateChanged' });
	});

	it('room.owner_changed and room.admins_changed', async () => {
		const owner = await itemOf('room.owner_changed');
		expect(owner.data).toMatchObject({ currentOwnerAccount: 'user2', originalOwnerAccount: 'user1' });
		const admins = await itemOf('room.admins_changed');
		expect(admins.data).toMatchObject({ adminAccount: ['user1', 'user2'], opType: 'add' });
	});

	it('seat.changed: seats with string member ids', async () => {
		const item = await itemOf('seat.changed');
		expect(item.room).toEqual({ id: 'rid-123' });
		expect((item.data as IDataObject).seatList).toEqual([
			{ index: 1, memberAccount: '144115233775727695', isTakenDisabled: false, isVideoDisabled: false, isAudioDisabled: false },
		]);
	});

	it('battle.created / started / ended: ms durations, ISO times, the caller room, end reason', async () => {
		const created = await itemOf('battle.created');
		expect(created.room).toEqual({ id: 'pk-3' });
		expect(created.data).toMatchObject({ toRoomIdList: ['pk-5'], timeoutMs: 30000, durationMs: 60000, needResponse: false });
		const started = await itemOf('battle.started');
		expect(started.room).toEqual({ id: 'pk-3' });
		expect(started.data).toMatchObject({
			startTime: '2025-02-19T08:33:25.000Z',
			fromRoomInfo: { roomId: 'pk-3', ownerAccount: 'brennan' },
			toRoomList: [{ roomId: 'pk-5', ownerAccount: 'tandy' }],
		});
		const ended = await itemOf('battle.ended');
		expect(ended.data).toMatchObject({ endTime: '2025-02-19T09:09:05.000Z', opType: 0, endReason: 'time_up' });
	});

	it('gift.before_send: the gift, its total value, and how to answer', async () => {
		const item = await itemOf('gift.before_send');
		expect(item.room).toEqual({ id: 'room_id' });
		expect(item.occurredAt).toBe('2023-12-26T11:25:22.000Z');
		const data = item.data as IDataObject;
		expect(data.giftWater).toEqual({
			fromAccount: 'from',
			toAccount: ['to1'],
			time: '2023-12-26T11:25:22.000Z',
			giftId: 'gift1',
			count: 1,
			coins: 1000,
		});
		expect(data.totalCoins).toBe(1000);
		expect(data.decision).toEqual({
			awaited: false,
			allow: { ActionStatus: 'OK', ErrorCode: 0, ErrorInfo: '' },
			reject: { ActionStatus: 'OK', ErrorCode: 1, ErrorInfo: '' },
			clientErrorCodes: { min: 102100, max: 102200 },
			onTimeout: 'blocked unless Live.CallbackBeforeCallBackNotBlock is configured',
		});
	});

	it('message.before_send: the text, the room (GroupId) and how to answer, drop or rewrite', async () => {
		const item = await itemOf('message.before_send');
		expect(item.room).toEqual({ id: '@TGS#2J4SZEAEL' });
		expect(item.occurredAt).toBe('2022-12-09T08:26:54.123Z');
		const data = item.data as IDataObject;
		expect(data).toMatchObject({
			groupId: '@TGS#2J4SZEAEL',
			type: 'Live',
			fromAccount: 'jared',
			random: 123456,
			msgId: '144115233406643804-1727580296-4026038328',
			msgBody: [{ msgType: 'TIMTextElem', msgContent: { text: 'red packet' } }],
			cloudCustomData: 'your cloud custom data',
			text: 'red packet',
		});
		expect(data.decision).toMatchObject({
			awaited: false,
			drop: { ActionStatus: 'OK', ErrorCode: 2, ErrorInfo: '' },
			clientErrorCodes: { min: 10100, max: 10200 },
			rewritableFields: ['MsgBody', 'CloudCustomData'],
			onTimeout: 'delivered',
		});
		// The copy to edit keeps Tencent's own shape (PascalCase elements), unlike data.msgBody.
		expect((data.decision as IDataObject).rewrite).toEqual({
			ActionStatus: 'OK',
			ErrorCode: 0,
			ErrorInfo: '',
			MsgBody: [{ MsgType: 'TIMTextElem', MsgContent: { Text: 'red packet' } }],
			CloudCustomData: 'your cloud custom data',
		});
	});

	it('every answer a before-callback item offers is one Tencent accepts', async () => {
		for (const [name, command] of [
			['gift.before_send', 'Live.CallbackBeforeSendGift'],
			['message.before_send', 'Group.CallbackBeforeSendMsg'],
		] as const) {
			const decision = ((await itemOf(name)).data as IDataObject).decision as IDataObject;
			const answers = Object.entries(decision).filter(([, v]) => v !== null && typeof v === 'object' && 'ErrorCode' in (v as object));
			expect(answers.map(([k]) => k).sort()).toEqual(name === 'gift.before_send' ? ['allow', 'reject'] : ['allow', 'drop', 'reject', 'rewrite']);
			for (const [key, answer] of answers) expect([key, answerProblems(command, answer)]).toEqual([key, []]);
		}
	});

	it('a message without CloudCustomData offers a rewrite of MsgBody only; other element types are copied exactly', async () => {
		const { CloudCustomData, ...noCustom } = fixtures['message.before_send'];
		const body = [
			{ MsgType: 'TIMFaceElem', MsgContent: { Index: 1, Data: 'x' } },
			{ MsgType: 'TIMCustomElem', MsgContent: { Data: '{"a":1}', Desc: 'd', Ext: '', Sound: '' } },
		];
		const outcome = await send({ ...noCustom, MsgBody: body });
		const rewrite = ((outcome.items[0].data as IDataObject).decision as IDataObject).rewrite;
		expect(rewrite).toEqual({ ActionStatus: 'OK', ErrorCode: 0, ErrorInfo: '', MsgBody: body });
		expect(answerProblems('Group.CallbackBeforeSendMsg', rewrite)).toEqual([]);
	});

	it('message.sent: sequence, server time, text; no decision', async () => {
		const item = await itemOf('message.sent');
		expect(item.data).toMatchObject({ msgSeq: 123, msgTime: '2017-03-28T07:30:22.000Z', text: 'red packet' });
		expect((item.data as IDataObject).decision).toBeUndefined();
	});

	it('follow.added and follow.removed: the followed accounts as one flat list', async () => {
		const added = await itemOf('follow.added');
		expect(added.room).toBeNull();
		expect(added.data).toMatchObject({ fromAccount: 'UserID_001', toAccounts: ['UserID_002', 'UserID_003'] });
		const removed = await itemOf('follow.removed');
		expect(removed.data).toMatchObject({ toAccount: ['UserID_002', 'UserID_003'], toAccounts: ['UserID_002', 'UserID_003'] });
	});

	it('recording.changed: the code name, ISO times, the room from EventInfo, either prefix', async () => {
		const item = await itemOf('recording.changed');
		expect(item.room).toEqual({ id: '635055' });
		expect(item.occurredAt).toBe('2025-07-15T11:49:10.082Z');
		expect(item.data).toEqual({
			eventGroupId: 3,
			eventType: 305,
			eventName: 'upload_finished',
			callbackTs: '2025-07-15T11:49:10.082Z',
			eventInfo: {
				roomId: '635055',
				eventTs: '2025-07-15T11:49:10.000Z',
				eventMsTs: '2025-07-15T11:49:10.081Z',
				userId: 'user1',
				taskId: '-m9-bVVU7id***K-m928oZWQndiborbEWH3zY-lIXlprc-gQvQE',
				payload: { status: 0 },
			},
			request: URL_PARAMETERS,
		});
		const variant = await itemOf('recording.changed#follow-prefix');
		expect(variant).toMatchObject({ event: 'recording.changed', room: { id: '635055' } });
	});

	it('the NotBlock configuration flag, if it ever arrives, is reported as unknown', async () => {
		const item = await itemOf('unknown#not-block-flag');
		expect(item).toMatchObject({ event: 'unknown', providerEvent: 'Live.CallbackBeforeCallBackNotBlock', room: null });
		expect(item.data).toEqual({ request: URL_PARAMETERS });
	});

	it('a message with several elements joins its texts and ignores other element types', async () => {
		const outcome = await send({
			...fixtures['message.sent'],
			MsgBody: [
				{ MsgType: 'TIMTextElem', MsgContent: { Text: 'a' } },
				{ MsgType: 'TIMFaceElem', MsgContent: { Index: 1, Data: 'x' } },
				{ MsgType: 'TIMTextElem', MsgContent: { Text: 'b' } },
			],
		});
		expect((outcome.items[0].data as IDataObject).text).toBe('a\nb');
	});
});
