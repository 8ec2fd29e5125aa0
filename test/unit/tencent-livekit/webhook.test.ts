import type { IDataObject } from 'n8n-workflow';

import { knownCommands } from '../../../nodes/TencentLiveKit/events';
import { tencentLiveKitSign } from '../../../nodes/TencentLiveKit/verify';
import { fixtures, nowSec, OK_BODY, SDK_APP_ID, send, TOKEN } from './helpers';

describe('Tencent TUILiveKit Trigger: every documented command', () => {
	const names = Object.keys(fixtures);

	it('has a fixture for every command word (docs/protocols/tencent-livekit.md) that arrives as a callback', () => {
		const commands = new Set(names.map((name) => fixtures[name].CallbackCommand));
		for (const command of knownCommands()) expect(commands).toContain(command);
		expect(commands).toContain('Live.CallbackBeforeCallBackNotBlock');
		expect(commands.size).toBe(knownCommands().length + 1);
	});

	it.each(names)('%s: signed callback → 200 success body and one normalized item', async (name) => {
		const payload = fixtures[name];
		const outcome = await send(payload);
		expect(outcome.response).toEqual({ status: 200, body: OK_BODY, sent: true });
		expect(outcome.result.webhookResponse).toEqual(OK_BODY);
		expect(outcome.items).toHaveLength(1);
		const item = outcome.items[0];
		expect(item.event).toBe(name.split('#')[0]);
		expect(item.provider).toBe('tencent-livekit');
		expect(item.providerEvent).toBe(payload.CallbackCommand);
		expect(item.authenticated).toBe('signature');
		expect(item.stream).toBeNull();
		expect(item.raw).toEqual(payload);
		expect(item.eventId).toMatch(/^tencent-livekit:[0-9a-f]{32}$/);
		expect((item.data as IDataObject).callbackCommand).toBeUndefined();
		expect(item.occurredAt).toEqual(expect.stringMatching(/^\d{4}-\d\d-\d\dT/));
	});

	it('gives a redelivery (new Sign and RequestTime) the same eventId, and distinct events distinct ids', async () => {
		const first = await send(fixtures['room.created']);
		const retry = await send(fixtures['room.created'], { skew: -20 });
		const other = await send(fixtures['room.destroyed']);
		expect(retry.items[0].eventId).toBe(first.items[0].eventId);
		expect(other.items[0].eventId).not.toBe(first.items[0].eventId);
	});
});

describe('Tencent TUILiveKit Trigger: rejections', () => {
	const payload = fixtures['room.created'];

	async function expectRejected(outcome: Awaited<ReturnType<typeof send>>, status: number, reason: string) {
		expect(outcome.response.status).toBe(status);
		expect(outcome.response.body).toEqual({ error: status === 401 ? 'unauthorized' : 'bad_request', reason });
		expect(outcome.items).toHaveLength(0);
		expect(outcome.result.workflowData).toBeUndefined();
		expect(outcome.result.noWebhookResponse).toBe(true);
		expect(JSON.stringify(outcome.response.body)).not.toContain(TOKEN);
	}

	it('rejects a callback signed with another token (401 signature mismatch), never echoing the expected one', async () => {
		const outcome = await send(payload, { signToken: 'another-token' });
		await expectRejected(outcome, 401, 'signature mismatch');
		expect(JSON.stringify(outcome.response.body)).not.toMatch(/[0-9a-f]{64}/);
	});

	it('rejects a tampered Sign', async () => {
		await expectRejected(await send(payload, { query: { Sign: 'f'.repeat(64) } }), 401, 'signature mismatch');
	});

	it('rejects a stale RequestTime (older than 60 s) even with a valid signature', async () => {
		await expectRejected(await send(payload, { skew: -120 }), 401, 'signature expired');
	});

	it('rejects a RequestTime more than 60 s in the future', async () => {
		await expectRejected(await send(payload, { skew: 120 }), 401, 'signature not yet valid');
	});

	it('accepts a RequestTime within the window, and honours a wider configured window', async () => {
		expect((await send(payload, { skew: -30 })).items).toHaveLength(1);
		const wide = await send(payload, { skew: -120, parameters: { events: ['*'], options: { maxClockSkewSeconds: 300 } } });
		expect(wide.items).toHaveLength(1);
	});

	it('rejects a missing Sign, and a missing RequestTime, while a token is configured', async () => {
		await expectRejected(await send(payload, { query: { Sign: undefined } }), 401, 'missing signature');
		await expectRejected(await send(payload, { query: { RequestTime: undefined } }), 401, 'missing signature');
	});

	it('rejects a non-numeric RequestTime', async () => {
		await expectRejected(await send(payload, { query: { RequestTime: '12ab' } }), 401, 'missing or invalid timestamp');
	});

	it('rejects a wrong or missing SdkAppid, even when correctly signed', async () => {
		await expectRejected(await send(payload, { query: { SdkAppid: '1400999999' } }), 401, 'wrong app id');
		await expectRejected(await send(payload, { query: { SdkAppid: undefined } }), 401, 'wrong app id');
	});

	it('rejects a body that is not JSON (400) and one that is not an object', async () => {
		await expectRejected(await send(payload, { rawBody: '{"CallbackCommand": "Live.Callback' }), 400, 'body is not valid JSON');
		await expectRejected(await send(payload, { rawBody: '[1,2]' }), 400, 'body is not a JSON object');
	});

	it('logs each rejection as a warning naming the reason, not the secret', async () => {
		const outcome = await send(payload, { skew: -120 });
		expect(outcome.logs).toEqual([
			expect.objectContaining({ level: 'warn', message: expect.stringContaining('signature expired') }),
		]);
		expect(outcome.logs[0].message).not.toContain(TOKEN);
	});
});

describe('Tencent TUILiveKit Trigger: the documented variants', () => {
	const payload = fixtures['member.changed'];

	it.each(['SdkAppid', 'SdkAppId', 'sdkappid', 'SDKAPPID'])('accepts the app id parameter spelled %s', async (spelling) => {
		const outcome = await send(payload, { query: { SdkAppid: undefined, [spelling]: SDK_APP_ID } });
		expect(outcome.response.status).toBe(200);
		expect(outcome.items).toHaveLength(1);
	});

	it('accepts the Sign and RequestTime parameters in any case', async () => {
		const t = String(nowSec());
		const outcome = await send(payload, {
			query: { Sign: undefined, RequestTime: undefined, sign: tencentLiveKitSign(TOKEN, t).toUpperCase(), requesttime: t },
		});
		expect(outcome.items).toHaveLength(1);
	});

	it('takes the command from the body, over the query (CallbackCommand or WebhookCommand)', async () => {
		const outcome = await send(payload, { query: { CallbackCommand: undefined, WebhookCommand: 'Live.CallbackAfterCreateRoom' } });
		expect(outcome.items[0].event).toBe('member.changed');
	});

	it('falls back to the query command (CallbackCommand or WebhookCommand) when the body has none', async () => {
		const { CallbackCommand, ...bare } = payload;
		for (const name of ['CallbackCommand', 'WebhookCommand']) {
			const outcome = await send(bare, { query: { CallbackCommand: undefined, [name]: String(CallbackCommand) } });
			expect(outcome.items[0].event).toBe('member.changed');
			expect(outcome.items[0].providerEvent).toBe('Live.CallbackAfterMemberStateChanged');
		}
	});

	it('reads EventTime as a number or a string (ms)', async () => {
		const asNumber = await send({ ...payload, EventTime: 1703589922780 });
		const asString = await send({ ...payload, EventTime: '1703589922780' });
		expect(asNumber.items[0].occurredAt).toBe('2023-12-26T11:25:22.780Z');
		expect(asString.items[0].occurredAt).toBe('2023-12-26T11:25:22.780Z');
		expect((asString.items[0].data as IDataObject).eventTime).toBe('2023-12-26T11:25:22.780Z');
	});

	it('reads EventTime inside RoomInfo (one zh sample), and uses receivedAt when there is none', async () => {
		const { EventTime, ...noTime } = fixtures['room.created'];
		const nested = await send({ ...noTime, RoomInfo: { ...(noTime.RoomInfo as IDataObject), EventTime } });
		expect(nested.items[0].occurredAt).toBe('2023-12-26T11:25:22.780Z');
		const none = await send({ CallbackCommand: 'Live.CallbackAfterChangeOwner', RoomId: 'r1' });
		expect(none.items[0].occurredAt).toBe(none.items[0].receivedAt);
	});

	it('keeps account ids above 2^53 sent as bare numbers exactly, as strings', async () => {
		const raw =
			'{"CallbackCommand":"Mic.CallbackAfterSeatInfoChanged","RoomId":"rid-123","SeatList":[{"Index":1,' +
			'"Member_Account":144115233775727695,"IsTakenDisabled":false,"IsVideoDisabled":false,"IsAudioDisabled":false},' +
			'{"Index":2,"Member_Account":12345}],"EventTime":1670574414123}';
		const outcome = await send({ CallbackCommand: 'Mic.CallbackAfterSeatInfoChanged' }, { rawBody: raw });
		const seats = (outcome.items[0].data as IDataObject).seatList as IDataObject[];
		expect(seats[0].memberAccount).toBe('144115233775727695');
		expect(seats[1].memberAccount).toBe('12345');
		expect(((outcome.items[0].raw as IDataObject).SeatList as IDataObject[])[0].Member_Account).toBe('144115233775727695');
	});

	it('keeps big owner ids in RoomInfo and battles exact', async () => {
		const raw =
			'{"CallbackCommand":"Live.CallbackAfterEndBattle","BattleId":"b","OpType":1,' +
			'"FromRoomInfo":{"RoomId":"pk-3","Score":5,"Owner_Account":144115245353757792},' +
			'"ToRoomList":[{"RoomId":"pk-5","Score":"7","Owner_Account":144115245442327522}],"EventTime":1739956146119}';
		const outcome = await send({ CallbackCommand: 'Live.CallbackAfterEndBattle' }, { rawBody: raw });
		const data = outcome.items[0].data as IDataObject;
		expect((data.fromRoomInfo as IDataObject).ownerAccount).toBe('144115245353757792');
		expect((data.toRoomList as IDataObject[])[0]).toEqual({ roomId: 'pk-5', score: 7, ownerAccount: '144115245442327522' });
		expect(data.endReason).toBe('all_hosts_left');
	});
});

describe('Tencent TUILiveKit Trigger: without a callback token', () => {
	it('accepts unsigned callbacks as authenticated "none" but still checks the SdkAppid', async () => {
		const credentials = { tencentLiveKitApi: { sdkAppId: SDK_APP_ID, callbackToken: '' } };
		const ok = await send(fixtures['follow.added'], { credentials });
		expect(ok.items[0].authenticated).toBe('none');
		const other = await send(fixtures['follow.added'], { credentials, query: { SdkAppid: '42' } });
		expect(other.response.status).toBe(401);
		expect(other.items).toHaveLength(0);
	});

	it('accepts everything as "none" when no credential is selected', async () => {
		const outcome = await send(fixtures['follow.added'], { credentials: null, query: { SdkAppid: '42' } });
		expect(outcome.response.status).toBe(200);
		expect(outcome.items[0].authenticated).toBe('none');
	});
});

describe('Tencent TUILiveKit Trigger: event filter', () => {
	it('acknowledges a filtered-out event with the success body and starts nothing', async () => {
		const outcome = await send(fixtures['message.sent'], { parameters: { events: ['room.created'] } });
		expect(outcome.response).toEqual({ status: 200, body: OK_BODY, sent: true });
		expect(outcome.items).toHaveLength(0);
		expect(outcome.result.workflowData).toBeUndefined();
	});

	it('emits unknown commands as event "unknown" only when selected', async () => {
		const payload = { CallbackCommand: 'Live.CallbackAfterSomethingNew', RoomId: 'r9', EventTime: 1739966441121 };
		const all = await send(payload);
		expect(all.items[0]).toMatchObject({
			event: 'unknown',
			providerEvent: 'Live.CallbackAfterSomethingNew',
			room: { id: 'r9' },
			data: { roomId: 'r9', eventTime: '2025-02-19T12:00:41.121Z' },
		});
		const picked = await send(payload, { parameters: { events: ['unknown'] } });
		expect(picked.items).toHaveLength(1);
		const notPicked = await send(payload, { parameters: { events: ['room.created'] } });
		expect(notPicked.items).toHaveLength(0);
		expect(notPicked.response.body).toEqual(OK_BODY);
	});
});

describe('Tencent TUILiveKit Trigger: credential', () => {
	it('compares an SDKAppID stored as a number', async () => {
		const credentials = { tencentLiveKitApi: { sdkAppId: 1400123456 as unknown as string, callbackToken: 'tok' } };
		const outcome = await send(fixtures['room.created'], { credentials, signToken: 'tok' });
		expect(outcome.items).toHaveLength(1);
		const other = await send(fixtures['room.created'], { credentials, signToken: 'tok', query: { SdkAppid: '1400123457' } });
		expect(other.response.status).toBe(401);
	});

	it('tests the credential format: numeric SDKAppID, token of at most 128 characters', async () => {
		const { TencentLiveKitTrigger } = await import('../../../nodes/TencentLiveKit/TencentLiveKitTrigger.node');
		const test = new TencentLiveKitTrigger().methods.credentialTest.tencentLiveKitApiTest;
		const run = (data: IDataObject) =>
			test.call({} as never, { id: 'c', name: 'c', type: 'tencentLiveKitApi', data } as never);
		await expect(run({ sdkAppId: 'abc', callbackToken: 'x' })).resolves.toMatchObject({ status: 'Error' });
		await expect(run({ sdkAppId: '1400123456', callbackToken: 'x'.repeat(129) })).resolves.toMatchObject({ status: 'Error' });
		await expect(run({ sdkAppId: '1400123456', callbackToken: 'x'.repeat(128) })).resolves.toMatchObject({ status: 'OK' });
		await expect(run({ sdkAppId: '1400123456', callbackToken: '' })).resolves.toMatchObject({
			status: 'OK',
			message: expect.stringContaining('unsigned'),
		});
	});
});
