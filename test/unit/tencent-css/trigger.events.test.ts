/** Every Tencent CSS event type, signed as Tencent signs it, through the node's real webhook(). */
import type { IDataObject } from 'n8n-workflow';

import { setClock } from '../../../nodes/core/clock';
import { buildCallbackRequest } from '../../../nodes/TencentCss/simulator';
import { TencentCssTrigger } from '../../../nodes/TencentCss/TencentCssTrigger.node';
import { tencentCssSign } from '../../../nodes/TencentCss/verify';
import fixtures from '../../fixtures/tencent-css.json';
import { callWebhook } from '../../harness/webhook';

const KEY = 'adasda131312';
const credentials = { tencentCssCallbackApi: { callbackKey: KEY } };
const NOW = 1703731478;
const now = () => NOW;

beforeEach(() => setClock(() => NOW * 1000));
afterEach(() => setClock(null));
const events = fixtures.events as Record<string, IDataObject>;

async function deliver(key: string, parameters: IDataObject = {}) {
	const request = buildCallbackRequest(events[key], { callbackKey: KEY }, now());
	return await callWebhook(new TencentCssTrigger(), { body: request.body, credentials, parameters });
}

const expected: Array<[string, string, string]> = [
	['stream.started', 'stream.started', '1'],
	['stream.stopped', 'stream.stopped', '0'],
	['recording.completed', 'recording.completed', '100'],
	['recording.started', 'recording.started', '332'],
	['recording.paused', 'recording.paused', '332'],
	['recording.resumed', 'recording.resumed', '332'],
	['recording.ended', 'recording.ended', '332'],
	['recording.failed', 'recording.failed', '341'],
	['recording.failed#record_start_failed', 'recording.failed', '332'],
	['recording.failed#record_error', 'recording.failed', '332'],
	['snapshot.created', 'snapshot.created', '200'],
	['moderation.image', 'moderation.image', '317'],
	['moderation.audio', 'moderation.audio', '315'],
	['stream.push_error', 'stream.push_error', '321'],
	['relay.started', 'relay.started', '314'],
	['relay.file_started', 'relay.file_started', '314'],
	['relay.file_finished', 'relay.file_finished', '314'],
	['relay.exited', 'relay.exited', '314'],
	['relay.alarm', 'relay.alarm', '314'],
	['monitor.alert', 'monitor.alert', '328'],
	['quality.check', 'quality.check', '343'],
	['quality.threshold', 'quality.threshold', '344'],
	['quality.score', 'quality.score', '345'],
	['ai.erase', 'ai.erase', '347'],
	['ai.subtitle', 'ai.subtitle', '338'],
	['ai.summary', 'ai.summary', '348'],
	['ai.highlight', 'ai.highlight', '349'],
	['unknown', 'unknown', '331'],
];

describe('Tencent CSS Trigger: every event type', () => {
	it('has a fixture for every case listed here and a case for every fixture', () => {
		expect(expected.map(([key]) => key).sort()).toEqual(Object.keys(events).sort());
	});

	it.each(expected)('%s → %s (event_type %s)', async (key, event, providerEvent) => {
		const { response, items, result } = await deliver(key);
		// n8n sends webhook()'s answer itself, after storing the execution (see core/receive.ts).
		expect(result.noWebhookResponse).toBeUndefined();
		expect(result.webhookResponse).toEqual({ code: 0 });
		expect(response).toEqual({ status: 200, body: { code: 0 }, sent: true });
		expect(items).toHaveLength(1);
		const item = items[0];
		expect(item).toMatchObject({ event, provider: 'tencent-css', providerEvent, authenticated: 'signature', room: null });
		expect(item.eventId).toMatch(/^tencent-css:[0-9a-f]{32}$/);
		expect(Date.parse(item.occurredAt as string)).not.toBeNaN();
		expect(Date.parse(item.receivedAt as string)).not.toBeNaN();
		expect(item.raw).toMatchObject({ ...events[key], t: expect.any(Number), sign: expect.any(String) });
		const data = item.data as IDataObject;
		for (const k of Object.keys(data)) expect(k).toMatch(/^[a-z][A-Za-z0-9]*$/);
		for (const k of ['t', 'sign', 'eventType', 'streamId', 'channelId', 'app', 'appname']) expect(data).not.toHaveProperty(k);
	});
});

describe('Tencent CSS Trigger: typed data', () => {
	it('push start: stream, ISO time, exact sequence', async () => {
		const [item] = (await deliver('stream.started')).items;
		expect(item.stream).toEqual({ domain: 'test.domain.com', app: 'live', name: 'test_stream' });
		expect(item.occurredAt).toBe('2023-12-28T02:44:38.000Z');
		expect(item.data).toMatchObject({
			appId: 12345678,
			sequence: '2210464508206756938',
			errorCode: 0,
			eventTime: '2023-12-28T02:44:38.000Z',
			userIp: '1.1.1.1',
			setId: 2,
		});
	});

	it('interruption: push duration as a number and a readable reason', async () => {
		const [item] = (await deliver('stream.stopped')).items;
		expect(item.data).toMatchObject({
			pushDurationMs: 128581,
			errorCode: 1,
			errorMessage: 'The push client actively stopped the push',
			reason: { text: 'The push client stopped the stream', category: 'client' },
		});
		expect(item.data).not.toHaveProperty('pushDuration');
	});

	it('interruption: errcode 18 with a sub code', async () => {
		const payload = { ...events['stream.stopped'], errcode: 18, sub_errcode: 305 };
		const request = buildCallbackRequest(payload, { callbackKey: KEY }, now());
		const [item] = (await callWebhook(new TencentCssTrigger(), { body: request.body, credentials })).items;
		expect(item.data).toMatchObject({ subErrorCode: 305, reason: { text: 'Stream name is banned', category: 'access' } });
	});

	it('recording file: times with microseconds, sizes, parsed callback_ext', async () => {
		const [item] = (await deliver('recording.completed')).items;
		expect(item.stream).toEqual({ domain: 'yourapp', app: 'yourappname', name: 'stream_test' });
		expect(item.occurredAt).toBe('2022-01-13T15:59:58.000Z');
		expect(item.data).toMatchObject({
			fileId: '1234567890',
			fileFormat: 'hls',
			startTime: '2022-01-13T15:57:25.316Z',
			endTime: '2022-01-13T15:59:58.618Z',
			duration: 154,
			fileSize: 277941079,
			videoUrl: 'http://12345678.vod2.myqcloud.com/xxxx/yyyy/zzzz.m3u8',
			callbackExt: { videoCodec: 'h264', resolution: '640x480' },
		});
	});

	it('recording status: record_detail parsed, stream from domain', async () => {
		const [item] = (await deliver('recording.ended')).items;
		expect(item.stream).toEqual({ domain: '****.livepush.myqcloud.com', app: 'live', name: '2991615887188599295' });
		expect(item.data).toMatchObject({
			recordEvent: 'record_ended',
			recordDetail: { fileFormat: 2, recordBps: 0, startModel: 1, recordContent: 1, sourceType: 2, codecTempId: 0 },
			sessionId: '2918085116267032069',
		});
	});

	it('image moderation: camelCase stream names and the misspelt "socre" as score[]', async () => {
		const [item] = (await deliver('moderation.image')).items;
		expect(item.stream).toEqual({ domain: '5000.myqcloud.com', app: 'live', name: 'teststream' });
		expect(item.data).toMatchObject({
			score: [99],
			suggestion: 'Block',
			screenshotTime: '2021-01-14T16:00:00.000Z',
			labelResults: [expect.objectContaining({ hitFlag: 1, scene: 'Porn', score: 99 }), expect.anything()],
		});
	});

	it('push error: millisecond times in nested details', async () => {
		const [item] = (await deliver('stream.push_error')).items;
		expect(item.occurredAt).toBe('2022-12-09T12:14:34.971Z');
		const abnormal = (item.data as IDataObject).abnormalEvents as IDataObject[];
		expect(abnormal[0]).toMatchObject({ type: 6, count: 2 });
		expect((abnormal[0].detail as IDataObject[])[0].occurTime).toBe('2022-12-09T12:14:30.569Z');
	});

	it('relay: msg and source_urls parsed, numeric codes', async () => {
		const [exit] = (await deliver('relay.exited')).items;
		expect(exit.stream).toBeNull();
		expect(exit.data).toMatchObject({ callbackEvent: 'TaskExit', msg: { message: 'write packet error.', code: -22, taskExitTime: null } });
		const [file] = (await deliver('relay.file_started')).items;
		expect(file.data).toMatchObject({ msg: { index: 0, duration: 14920 }, sourceUrls: [expect.stringContaining('playlist.m3u8')] });
	});

	it('subtitles: the misspelt stead_state becomes steadyState', async () => {
		const [item] = (await deliver('ai.subtitle')).items;
		expect(item.data).toMatchObject({ subtitles: [{ steadyState: true, srcTxt: expect.any(String) }] });
	});

	it('an unmapped event type becomes "unknown" and is still emitted with its data', async () => {
		const [item] = (await deliver('unknown')).items;
		expect(item).toMatchObject({ event: 'unknown', providerEvent: '331', stream: { name: 'test_stream' } });
	});
});

describe('Tencent CSS Trigger: eventId', () => {
	it('is equal for a redelivery with a fresh t and sign, and different for another event', async () => {
		const first = buildCallbackRequest(events['stream.started'], { callbackKey: KEY }, now());
		const retry = buildCallbackRequest(events['stream.started'], { callbackKey: KEY }, now() - 60);
		expect(first.body).not.toBe(retry.body);
		const a = (await callWebhook(new TencentCssTrigger(), { body: first.body, credentials })).items[0];
		const b = (await callWebhook(new TencentCssTrigger(), { body: retry.body, credentials })).items[0];
		const c = (await deliver('stream.stopped')).items[0];
		expect(a.eventId).toBe(b.eventId);
		expect(c.eventId).not.toBe(a.eventId);
	});
});

describe('Tencent CSS Trigger: event filter', () => {
	it('acknowledges a filtered event with {"code":0} and starts nothing', async () => {
		const out = await deliver('stream.stopped', { events: ['stream.started'] });
		expect(out.response).toEqual({ status: 200, body: { code: 0 }, sent: true });
		expect(out.items).toHaveLength(0);
		expect(out.result.workflowData).toBeUndefined();
	});

	it('emits a selected event', async () => {
		const out = await deliver('stream.started', { events: ['stream.started', 'recording.completed'] });
		expect(out.items.map((i) => i.event)).toEqual(['stream.started']);
	});

	it('emits unknown events only when listening to all events or to "unknown"', async () => {
		expect((await deliver('unknown', { events: ['stream.started'] })).items).toHaveLength(0);
		expect((await deliver('unknown', { events: ['unknown'] })).items).toHaveLength(1);
		expect((await deliver('unknown', { events: ['*'] })).items).toHaveLength(1);
	});
});

describe('Tencent CSS Trigger: prototype-named values', () => {
	const NAMES = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'];

	async function deliverBody(body: string) {
		const t = now() + 600;
		const signedText = body.replace(/}$/, `,"t":${t},"sign":"${tencentCssSign(KEY, t)}"}`);
		const out = await callWebhook(new TencentCssTrigger(), { body: signedText, credentials });
		expect(out.response.status).toBe(200);
		expect(out.items).toHaveLength(1);
		expect(out.items[0].authenticated).toBe('signature');
		return out.items[0];
	}

	it.each(NAMES)('event_type %s gives the event "unknown"', async (name) => {
		const item = await deliverBody(`{"event_type":${JSON.stringify(name)},"stream_id":"s"}`);
		expect(item.event).toBe('unknown');
		expect(typeof item.event).toBe('string');
		expect(item.providerEvent).toBe(name);
	});

	it.each(NAMES)('record_event and callback_event %s give the event "unknown"', async (name) => {
		const status = await deliverBody(`{"event_type":332,"record_event":${JSON.stringify(name)},"stream_id":"s"}`);
		expect(status).toMatchObject({ event: 'unknown', providerEvent: '332' });
		const relay = await deliverBody(`{"event_type":314,"callback_event":${JSON.stringify(name)},"stream_id":"s"}`);
		expect(relay).toMatchObject({ event: 'unknown', providerEvent: '314' });
	});

	it('body members named like Object.prototype members stay own members of data', async () => {
		const item = await deliverBody('{"event_type":1,"stream_id":"s","constructor":"c","toString":"x","__proto__":{"polluted":true},"hasOwnProperty":1}');
		const data = item.data as IDataObject;
		expect(Object.getPrototypeOf(data)).toBe(Object.prototype);
		expect(Object.prototype.hasOwnProperty.call(data, 'constructor')).toBe(true);
		expect(data.constructor).toBe('c');
		expect(Object.prototype.hasOwnProperty.call(data, 'toString')).toBe(true);
		expect(data.toString).toBe('x');
		expect(data.hasOwnProperty).toBe(1);
		// `__proto__` camelCases to `proto` (core/convert.ts) and keeps its value as an own member.
		expect(data.proto).toEqual({ polluted: true });
		expect((data as IDataObject & { polluted?: unknown }).polluted).toBeUndefined();
		expect(({} as IDataObject & { polluted?: unknown }).polluted).toBeUndefined();
		for (const key of Object.keys(data)) expect(key).toMatch(/^[a-z][A-Za-z0-9]*$/);
	});
});
