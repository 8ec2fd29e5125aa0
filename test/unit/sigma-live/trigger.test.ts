import type { IDataObject } from 'n8n-workflow';

import { SigmaLiveTrigger } from '../../../nodes/SigmaLive/SigmaLiveTrigger.node';
import { buildCallbackRequest } from '../../../nodes/SigmaLive/simulator';
import { tokenHash } from '../../../nodes/SigmaLive/verify';
import fixtures from '../../fixtures/sigma-live.json';
import { callWebhook } from '../../harness/webhook';

const trigger = new SigmaLiveTrigger();
const events = fixtures.events as Record<string, IDataObject>;
const TOKEN = 'a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718';
/**
 * SHA-256 of TOKEN, computed outside the package:
 *   printf %s 'a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718' | openssl dgst -sha256
 */
const TOKEN_SHA256 = '1063424ef6943b6ebb887d48bebd10b1c0f2c4b3a89691aca7dbe68837728916';
const NOW_SEC = 1795341601;
const NODE_KEY = 'node:Sigma Livestream Trigger';

/** Static data as the node leaves it after registering its URL: the token's hash, never the token. */
const registered = () => ({ [NODE_KEY]: { webhookId: 'wh_1', urlTokenHash: TOKEN_SHA256, webhookEvents: ['all'] } });
/** Static data as the first release left it (the token in plain text), still read. */
const firstRelease = () => ({
	[NODE_KEY]: { webhookId: 'wh_1', urlToken: TOKEN, webhookUri: `https://n8n.example.com/webhook/webhook-1/webhook?token=${TOKEN}` },
});

async function send(
	payload: IDataObject,
	options: { secrets?: { token: string } | null; parameters?: IDataObject; staticData?: IDataObject; rawBody?: string } = {},
) {
	const request = buildCallbackRequest(payload, options.secrets === undefined ? { token: TOKEN } : options.secrets, NOW_SEC);
	return await callWebhook(trigger, {
		parameters: options.parameters ?? { registerWebhook: true, events: ['*'] },
		body: options.rawBody ?? request.body,
		query: request.query,
		headers: request.headers,
		staticData: options.staticData ?? registered(),
	});
}

describe('Sigma Livestream Trigger: events', () => {
	test.each([
		['stream.started', 'channel_live', '2026-11-22T10:00:00.123Z'],
		['stream.stopped', 'channel_stop', '2026-11-22T10:30:00.456Z'],
		['stream.ended', 'channel_ended', '2026-11-22T10:40:00.789Z'],
	])('%s from %s answers 200 {} and emits one normalized item', async (event, providerEvent, occurredAt) => {
		const payload = events[event];
		const { response, items } = await send(payload);
		expect(response).toEqual({ status: 200, body: {}, sent: true });
		expect(items).toHaveLength(1);
		const item = items[0];
		expect(item).toMatchObject({
			event,
			provider: 'sigma-live',
			providerEvent,
			occurredAt,
			authenticated: 'secret-url',
			stream: { domain: null, app: null, name: '6540f1c2a9b3e2001f3c1a77' },
			room: null,
			raw: payload,
		});
		expect(item.eventId).toMatch(/^sigma-live:[0-9a-f]{32}$/);
		expect(typeof item.receivedAt).toBe('string');
	});

	test("Sigma's own sample payload (seed 002): channel_live at eventTime 1476697473034", async () => {
		// The time, computed outside the package:
		//   python3 -c 'import datetime;print(datetime.datetime.fromtimestamp(1476697473.034, datetime.timezone.utc).isoformat())'
		//   → 2016-10-17T09:44:33.034000+00:00
		const { response, items } = await send({}, { rawBody: '{"event": "channel_live", "eventTime": 1476697473034}' });
		expect(response).toEqual({ status: 200, body: {}, sent: true });
		expect(items[0]).toMatchObject({
			event: 'stream.started',
			providerEvent: 'channel_live',
			occurredAt: '2016-10-17T09:44:33.034Z',
			stream: null,
			authenticated: 'secret-url',
		});
	});

	test('data holds the typed channel', async () => {
		const { items } = await send(events['stream.ended']);
		expect(items[0].data).toEqual({
			channelId: '6540f1c2a9b3e2001f3c1a77',
			name: 'Morning show',
			description: 'Daily news broadcast',
			accountId: '1',
			tags: ['news', 'morning'],
			mode: 'low-latency',
			status: 'ended',
			health: 'acceptable',
			duration: 1800,
			createdAt: '2026-11-22T09:55:00.000Z',
			startTime: '2026-11-22T10:00:00.000Z',
			stopTime: '2026-11-22T10:30:00.000Z',
			videoUrl: 'http://domain-cdn/6540f1c2a9b3e2001f3c1a77/master_dvr.m3u8',
			thumbnailUrl: 'http://domain-cdn/6540f1c2a9b3e2001f3c1a77/thumbnail.jpg',
			recordUrl: ['http://domain-cdn/6540f1c2a9b3e2001f3c1a77/record.mp4'],
			catchup: true,
			eventTimeMs: 1795344000789,
		});
	});

	test('loosely typed fields are typed: numeric strings, comma tags, Unix times', async () => {
		const { items } = await send({
			event: 'channel_live',
			eventTime: '1795341600123',
			id: 42,
			tags: 'a, b',
			duration: '75',
			startTime: 1795341600,
			catchup: 'false',
		});
		expect(items[0].occurredAt).toBe('2026-11-22T10:00:00.123Z');
		expect(items[0].stream).toEqual({ domain: null, app: null, name: '42' });
		expect(items[0].data).toMatchObject({
			channelId: '42',
			tags: ['a', 'b'],
			duration: 75,
			startTime: '2026-11-22T10:00:00.000Z',
			catchup: false,
		});
	});

	test('an {ec, data} envelope is unwrapped; raw keeps the body as received', async () => {
		const envelope = { ec: 0, data: events['stream.started'], msg: '' };
		const { response, items } = await send(envelope);
		expect(response.status).toBe(200);
		expect(items).toHaveLength(1);
		expect(items[0]).toMatchObject({
			event: 'stream.started',
			providerEvent: 'channel_live',
			occurredAt: '2026-11-22T10:00:00.123Z',
			stream: { name: '6540f1c2a9b3e2001f3c1a77' },
			raw: envelope,
		});
		expect((items[0].data as IDataObject).status).toBe('live');
	});

	test('redeliveries share an eventId; distinct events do not', async () => {
		const a = await send(events['stream.started']);
		const b = await send(events['stream.started']);
		const c = await send(events['stream.stopped']);
		expect(a.items[0].eventId).toBe(b.items[0].eventId);
		expect(c.items[0].eventId).not.toBe(a.items[0].eventId);
	});

	test('an unknown event is emitted as "unknown"; without eventTime occurredAt = receivedAt', async () => {
		const { response, items } = await send({}, { rawBody: JSON.stringify({ event: 'channel_paused', id: 'c1' }) });
		expect(response).toEqual({ status: 200, body: {}, sent: true });
		expect(items).toHaveLength(1);
		expect(items[0]).toMatchObject({ event: 'unknown', providerEvent: 'channel_paused', stream: { name: 'c1' } });
		expect(items[0].occurredAt).toBe(items[0].receivedAt);
	});

	test.each(['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'])(
		'an event code named like an Object member (%s) is event "unknown", never an inherited value',
		async (code) => {
			const { response, items } = await send({}, { rawBody: JSON.stringify({ event: code, id: 'c1', eventTime: 1795341600123 }) });
			expect(response.status).toBe(200);
			expect(items).toHaveLength(1);
			expect(items[0].event).toBe('unknown');
			expect(items[0].providerEvent).toBe(code);
		},
	);

	test('body members named like Object members stay own members of data; derived fields are not replaced', async () => {
		const rawBody =
			'{"event":"channel_live","eventTime":1795341600123,"id":"c1","constructor":"k","__proto__":{"polluted":true},' +
			'"toString":"t","channel_id":"forged","eventTimeMs":1,"tags":"a,b"}';
		const { items } = await send({}, { rawBody });
		const data = items[0].data as IDataObject;
		expect(Object.getPrototypeOf(data)).toBe(Object.prototype);
		// camelCase turns "__proto__" into "proto" (core/convert.ts); raw keeps it as sent, as an own member.
		expect(Object.keys(data)).toEqual(['channelId', 'constructor', 'proto', 'toString', 'tags', 'eventTimeMs']);
		expect(data.proto).toEqual({ polluted: true });
		expect(Object.getOwnPropertyDescriptor(items[0].raw, '__proto__')?.value).toEqual({ polluted: true });
		expect(data.constructor).toBe('k');
		expect(data.toString).toBe('t');
		expect(data.channelId).toBe('c1');
		expect(data.eventTimeMs).toBe(1795341600123);
		expect(data.tags).toEqual(['a', 'b']);
		expect(({} as IDataObject).polluted).toBeUndefined();
	});

	test('buildCallbackRequest stamps eventTime (ms) when the payload has none, as Sigma does', async () => {
		const { items } = await send({ event: 'channel_live', id: 'c1' });
		expect(items[0].occurredAt).toBe(new Date(NOW_SEC * 1000).toISOString());
	});

	test('an event outside the selection is acknowledged with 200 {} and emits nothing', async () => {
		const { response, items, result } = await send(events['stream.stopped'], {
			parameters: { registerWebhook: true, events: ['stream.started'] },
		});
		expect(response).toEqual({ status: 200, body: {}, sent: true });
		expect(items).toHaveLength(0);
		expect(result.workflowData).toBeUndefined();
	});
});

describe('Sigma Livestream Trigger: URL token', () => {
	test('a request without the token is rejected 401 with no execution', async () => {
		const { response, items, result, logs } = await send(events['stream.started'], { secrets: null });
		expect(response).toEqual({ status: 401, body: { error: 'unauthorized', reason: 'missing URL token' }, sent: true });
		expect(items).toHaveLength(0);
		expect(result).toEqual({ noWebhookResponse: true });
		expect(logs.some((l) => l.level === 'warn' && l.message.includes('missing URL token'))).toBe(true);
	});

	test('a wrong token is rejected 401 and the answer never contains the expected token', async () => {
		const { response, items } = await send(events['stream.started'], { secrets: { token: `${TOKEN.slice(0, -1)}0` } });
		expect(response).toEqual({ status: 401, body: { error: 'unauthorized', reason: 'wrong URL token' }, sent: true });
		expect(JSON.stringify(response.body)).not.toContain(TOKEN);
		expect(items).toHaveLength(0);
	});

	test('with registration on but no registered token, every request is rejected 401', async () => {
		const { response, items } = await send(events['stream.started'], { staticData: {} });
		expect(response).toEqual({ status: 401, body: { error: 'unauthorized', reason: 'webhook not registered' }, sent: true });
		expect(items).toHaveLength(0);
	});

	test('the stored hash is SHA-256 of the token (an openssl-computed vector)', () => {
		expect(tokenHash(TOKEN)).toBe(TOKEN_SHA256);
		// printf %s 'my-own-token' | openssl dgst -sha256
		expect(tokenHash('my-own-token')).toBe('7ab7ea75c5328129dece9f374c389ced6b94a34768d36e1776ee8a72fade0c0b');
	});

	test('static data of the first release (plain-text token) is still read: published workflows keep working', async () => {
		const good = await send(events['stream.started'], { staticData: firstRelease() });
		expect(good.response.status).toBe(200);
		expect(good.items[0].authenticated).toBe('secret-url');
		const bad = await send(events['stream.started'], { staticData: firstRelease(), secrets: { token: 'x'.repeat(48) } });
		expect(bad.response.status).toBe(401);
	});

	test('a stored hash that is not 64 hex digits counts as not registered', async () => {
		const { response } = await send(events['stream.started'], {
			staticData: { [NODE_KEY]: { webhookId: 'wh_1', urlTokenHash: TOKEN } },
		});
		expect(response).toEqual({ status: 401, body: { error: 'unauthorized', reason: 'webhook not registered' }, sent: true });
	});

	test('the token must be the exact query parameter "token", given once', async () => {
		const request = buildCallbackRequest(events['stream.started'], null, NOW_SEC);
		for (const query of [{ TOKEN: TOKEN }, { Token: TOKEN }, { token: [TOKEN, TOKEN] }, { token: { a: TOKEN } }]) {
			const { response, items } = await callWebhook(trigger, {
				parameters: { registerWebhook: true, events: ['*'] },
				body: request.body,
				query: query as unknown as Record<string, string>,
				staticData: registered(),
			});
			expect(response.status).toBe(401);
			expect(items).toHaveLength(0);
		}
	});

	test.each([
		['a Register Webhook value that is not a boolean', { registerWebhook: 'abc', events: ['*'] }],
		['a URL Token that is not text', { registerWebhook: false, urlToken: 12345, events: ['*'] }],
	])('%s fails closed: 500 configuration_error, logged, no execution', async (_label, parameters) => {
		const { response, items, logs } = await send(events['stream.started'], { parameters: parameters as IDataObject });
		expect(response).toEqual({ status: 500, body: { error: 'configuration_error' }, sent: true });
		expect(items).toHaveLength(0);
		expect(logs.some((l) => l.level === 'error' && l.message.includes('Refused a sigma-live callback'))).toBe(true);
	});

	test('manual registration with a user token: checked like a generated one', async () => {
		const parameters = { registerWebhook: false, urlToken: 'my-own-token', events: ['*'] };
		const good = await send(events['stream.started'], { parameters, secrets: { token: 'my-own-token' }, staticData: {} });
		expect(good.response.status).toBe(200);
		expect(good.items[0].authenticated).toBe('secret-url');
		const bad = await send(events['stream.started'], { parameters, secrets: null, staticData: {} });
		expect(bad.response.status).toBe(401);
		expect(bad.items).toHaveLength(0);
	});

	test('manual registration without a token accepts callbacks as authenticated "none"', async () => {
		const { response, items } = await send(events['stream.ended'], {
			parameters: { registerWebhook: false, urlToken: '', events: ['*'] },
			secrets: null,
			staticData: {},
		});
		expect(response.status).toBe(200);
		expect(items[0]).toMatchObject({ event: 'stream.ended', authenticated: 'none' });
	});
});

describe('Sigma Livestream Trigger: bad bodies', () => {
	test.each([
		['not JSON', '{"event": "channel_live",'],
		['a JSON array', '[1,2]'],
		['empty', ''],
	])('%s → 400 with no execution', async (_label, rawBody) => {
		const { response, items } = await send({}, { rawBody });
		expect(response.status).toBe(400);
		expect(response.body).toMatchObject({ error: 'bad_request' });
		expect(items).toHaveLength(0);
	});
});
