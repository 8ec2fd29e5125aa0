/**
 * Signature, time window, unsigned event types and malformed input through the node's real
 * webhook(): each answer as docs/protocols/tencent-css.md says, and never an item on a rejection.
 * The clock is fixed at the push sample's event_time, so its documented t (= event_time + 600) is fresh.
 */
import type { IDataObject } from 'n8n-workflow';

import { setClock } from '../../../nodes/core/clock';
import { UNSIGNED_EVENT_TYPES } from '../../../nodes/TencentCss/events';
import { buildCallbackRequest } from '../../../nodes/TencentCss/simulator';
import { TencentCssTrigger } from '../../../nodes/TencentCss/TencentCssTrigger.node';
import { tencentCssSign } from '../../../nodes/TencentCss/verify';
import fixtures from '../../fixtures/tencent-css.json';
import { mutate, prng } from '../../harness/fuzz';
import { callWebhook } from '../../harness/webhook';
import type { WebhookOutcome } from '../../harness/webhook';

const KEY = 'adasda131312';
const credentials = { tencentCssCallbackApi: { callbackKey: KEY } };
const events = fixtures.events as Record<string, IDataObject>;
const push = events['stream.started'];
/** The push sample's event_time; its t is NOW + 600 = 1703732078. */
const NOW = 1703731478;

beforeEach(() => setClock(() => NOW * 1000));
afterEach(() => setClock(null));

function signed(overrides: IDataObject = {}, t = NOW + 600): IDataObject {
	return { ...push, t, sign: tencentCssSign(KEY, t), ...overrides };
}

function unsignedBody(key: string): IDataObject {
	const { t: _t, sign: _s, ...bare } = events[key];
	return bare;
}

async function send(body: string | Buffer | IDataObject, parameters: IDataObject = {}, creds: typeof credentials | null = credentials) {
	const raw = typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body);
	return await callWebhook(new TencentCssTrigger(), { body: raw, credentials: creds ?? undefined, parameters });
}

function expectRejected(out: WebhookOutcome, status: number, error: string, reason?: string) {
	expect(out.response.status).toBe(status);
	expect(out.response.body).toMatchObject({ error, ...(reason ? { reason } : {}) });
	expect(out.items).toHaveLength(0);
	expect(out.result).toEqual({ noWebhookResponse: true });
}

describe('Tencent CSS Trigger: signature', () => {
	it('accepts the vector on Tencent-published inputs while t is fresh, and refuses it once expired', async () => {
		// Key: the CallbackKey of Tencent's CreateLiveCallbackTemplate example; t: the push sample's t.
		// Digest computed by openssl: printf '%s' 'adasda1313121703732078' | openssl dgst -md5
		const body = { ...push, t: 1703732078, sign: '3517b319dd20f5e7fe6550ca167198f8' };
		const fresh = await send(body);
		expect(fresh.response.status).toBe(200);
		expect(fresh.items[0].authenticated).toBe('signature');
		setClock(() => (1703732078 + 601) * 1000);
		expectRejected(await send(body), 401, 'unauthorized', 'signature expired');
	});

	it('refuses every callback while a window option is not a number in range (fails closed)', async () => {
		for (const expiryGraceSeconds of ['abc', -1, 86401, 1.5]) {
			const out = await send(signed(), { options: { expiryGraceSeconds } });
			expect(out.response.status).toBe(500);
			expect(out.response.body).toEqual({ error: 'configuration_error' });
			expect(out.items).toHaveLength(0);
			expect(out.logs[0]).toMatchObject({ level: 'error', message: expect.stringContaining('expiryGraceSeconds') });
		}
	});

	it('accepts an upper-case sign', async () => {
		const body = signed();
		body.sign = String(body.sign).toUpperCase();
		const out = await send(body);
		expect(out.response).toEqual({ status: 200, body: { code: 0 }, sent: true });
		expect(out.items).toHaveLength(1);
	});

	it('rejects a wrong key', async () => {
		const t = NOW + 600;
		expectRejected(await send({ ...push, t, sign: tencentCssSign('someOtherKey1', t) }), 401, 'unauthorized', 'signature mismatch');
	});

	it('rejects a tampered t (sign no longer matches), also when only its text changes', async () => {
		expectRejected(await send(signed({ t: NOW + 601 })), 401, 'unauthorized', 'signature mismatch');
		expectRejected(await send(signed({ t: `0${NOW + 600}` })), 401, 'unauthorized', 'signature mismatch');
		expectRejected(await send(signed({ t: ` ${NOW + 600}` })), 401, 'unauthorized', 'missing or invalid timestamp');
	});

	it('answers a tampered body field as Tencent’s scheme allows: the sign covers only key + t', async () => {
		// The scheme-inherent limit (docs/protocols/tencent-css.md, "Limits"): a changed field with a
		// valid (key, t) pair cannot be told from a real callback.
		const out = await send(signed({ stream_id: 'other_stream' }));
		expect(out.response.status).toBe(200);
		expect(out.items[0].stream).toMatchObject({ name: 'other_stream' });
	});

	it('rejects an expired t beyond the grace, and a t too far in the future', async () => {
		const old = NOW - 601;
		expectRejected(await send({ ...push, t: old, sign: tencentCssSign(KEY, old) }), 401, 'unauthorized', 'signature expired');
		const future = NOW + 901;
		expectRejected(await send({ ...push, t: future, sign: tencentCssSign(KEY, future) }), 401, 'unauthorized', 'signature not yet valid');
		const edge = NOW + 900;
		expect((await send({ ...push, t: edge, sign: tencentCssSign(KEY, edge) })).response.status).toBe(200);
	});

	it('keeps a late retry inside the default grace and honours a strict grace of 0', async () => {
		const late = NOW - 360;
		const body = { ...push, t: late, sign: tencentCssSign(KEY, late) };
		expect((await send(body)).response.status).toBe(200);
		expectRejected(await send(body, { options: { expiryGraceSeconds: 0 } }), 401, 'unauthorized', 'signature expired');
	});

	it('rejects a missing sign while a key is set, and a missing or malformed t', async () => {
		const { sign: _sign, ...unsigned } = signed();
		expectRejected(await send(unsigned), 401, 'unauthorized', 'missing signature');
		expectRejected(await send(signed({ sign: '' })), 401, 'unauthorized', 'missing signature');
		const { t: _t, ...noTime } = signed();
		expectRejected(await send(noTime), 401, 'unauthorized', 'missing or invalid timestamp');
		expectRejected(await send(signed({ t: 1.5 })), 401, 'unauthorized', 'missing or invalid timestamp');
		expectRejected(await send(`{"event_type":1,"t":1e400,"sign":"${tencentCssSign(KEY, 1)}"}`), 401, 'unauthorized', 'missing or invalid timestamp');
		expectRejected(await send(signed({ t: '12345678901234567890' })), 401, 'unauthorized', 'missing or invalid timestamp');
	});

	it('never reveals the expected signature in an answer', async () => {
		const t = NOW + 600;
		const out = await send({ ...push, t, sign: 'deadbeef' });
		expect(JSON.stringify(out.response.body)).not.toContain(tencentCssSign(KEY, t));
		expect(JSON.stringify(out.logs)).not.toContain(tencentCssSign(KEY, t));
	});

	it('works without a credential and marks items authenticated "none"', async () => {
		const out = await send(unsignedBody('stream.started'), {}, null);
		expect(out.response.status).toBe(200);
		expect(out.items[0].authenticated).toBe('none');
		const emptyKey = await callWebhook(new TencentCssTrigger(), {
			body: JSON.stringify(unsignedBody('stream.started')),
			credentials: { tencentCssCallbackApi: { callbackKey: '' } },
		});
		expect(emptyKey.items[0].authenticated).toBe('none');
	});

	it('logs a rejection with a hint, without the key', async () => {
		const t = NOW + 600;
		const out = await send({ ...push, t, sign: tencentCssSign('wrong', t) });
		expect(out.logs).toEqual([expect.objectContaining({ level: 'warn', message: expect.stringContaining('signature mismatch') })]);
		expect(out.logs[0].message).not.toContain(KEY);
	});
});

describe('Tencent CSS Trigger: event types that may arrive unsigned', () => {
	/** Fixture of each type whose documentation shows no signature (docs/protocols/tencent-css.md). */
	const UNSIGNED_FIXTURES: Array<[number, string, string]> = [
		[314, 'relay.started', 'Relay (314)'],
		[315, 'moderation.audio', 'Audio Moderation (315)'],
		[328, 'monitor.alert', 'Stream Monitoring (328)'],
		[343, 'quality.check', 'Quality Control (343)'],
		[344, 'quality.threshold', 'Quality Threshold (344)'],
		[345, 'quality.score', 'Quality Score (345)'],
		[348, 'ai.summary', 'AI Live Summary (348)'],
		[349, 'ai.highlight', 'AI Smart Highlight (349)'],
	];

	it('are exactly 314, 315, 328, 343, 344, 345, 348 and 349', () => {
		expect([...UNSIGNED_EVENT_TYPES]).toEqual(UNSIGNED_FIXTURES.map(([type]) => type));
	});

	it.each(UNSIGNED_FIXTURES)(
		'%i: refused by default with a log line naming the option, accepted as "none" once chosen',
		async (type, key, label) => {
			const body = unsignedBody(key);
			const refused = await send(body);
			expectRejected(refused, 401, 'unauthorized', 'missing signature');
			expect(refused.logs).toHaveLength(1);
			expect(refused.logs[0].level).toBe('warn');
			expect(refused.logs[0].message).toContain('Accept Unsigned Event Types');
			expect(refused.logs[0].message).toContain(`"${label}"`);

			const accepted = await send(body, { options: { unsignedEventTypes: [type] } });
			expect(accepted.response).toEqual({ status: 200, body: { code: 0 }, sent: true });
			expect(accepted.items[0]).toMatchObject({ event: key, providerEvent: String(type), authenticated: 'none' });

			// Choosing every other type does not let this one in.
			const others = UNSIGNED_EVENT_TYPES.filter((t) => t !== type);
			expectRejected(await send(body, { options: { unsignedEventTypes: others } }), 401, 'unauthorized', 'missing signature');

			// A signature, when present, is checked even for a chosen type: a wrong one is never excused.
			const wrong = { ...body, t: NOW + 600, sign: tencentCssSign('notTheKey', NOW + 600) };
			expectRejected(await send(wrong, { options: { unsignedEventTypes: [type] } }), 401, 'unauthorized', 'signature mismatch');
			const right = buildCallbackRequest(body, { callbackKey: KEY }, NOW);
			expect((await send(right.body, { options: { unsignedEventTypes: [type] } })).items[0].authenticated).toBe('signature');
		},
	);

	it('a type Tencent always signs cannot be chosen: the configuration fails closed', async () => {
		for (const unsignedEventTypes of [[1], [314, 0], ['abc'], 314, { 0: 314 }, [314.5]]) {
			const out = await send(unsignedBody('relay.started'), { options: { unsignedEventTypes } });
			expect(out.response).toMatchObject({ status: 500, body: { error: 'configuration_error' } });
			expect(out.items).toHaveLength(0);
			expect(out.logs[0]).toMatchObject({ level: 'error', message: expect.stringContaining('unsignedEventTypes') });
		}
		// Digit strings (an expression's result) are read as the types they name.
		const fromExpression = await send(unsignedBody('relay.started'), { options: { unsignedEventTypes: ['314'] } });
		expect(fromExpression.items[0]).toMatchObject({ event: 'relay.started', authenticated: 'none' });
	});

	it('an unsigned callback of a signed type is refused with a log line saying it cannot be chosen', async () => {
		const out = await send(unsignedBody('stream.started'), { options: { unsignedEventTypes: [...UNSIGNED_EVENT_TYPES] } });
		expectRejected(out, 401, 'unauthorized', 'missing signature');
		expect(out.logs[0].message).toContain('Push (1) cannot be accepted unsigned');
		expect(out.logs[0].message).toContain('Accept Unsigned Event Types');
		const unknown = await send({ event_type: 'constructor' }, { options: { unsignedEventTypes: [...UNSIGNED_EVENT_TYPES] } });
		expectRejected(unknown, 401, 'unauthorized', 'missing signature');
		expect(unknown.logs[0].message).toContain('without a valid event_type');
	});

	it('an event_type spelled otherwise (314.5, " 314", "3.14e2") is not a chosen type', async () => {
		for (const eventType of [314.5, ' 314', '3.14e2', '0x13a', true]) {
			const out = await send({ ...unsignedBody('relay.started'), event_type: eventType }, { options: { unsignedEventTypes: [314] } });
			expectRejected(out, 401, 'unauthorized', 'missing signature');
		}
	});
});

describe('Tencent CSS Trigger: malformed bodies', () => {
	it.each([
		['not JSON', 'hello', 'body is not valid JSON'],
		['a JSON array', '[{"event_type":1}]', 'body is not a JSON object'],
		['an empty body', '', 'body is empty'],
		['a JSON string', '"x"', 'body is not a JSON object'],
		['truncated JSON', '{"event_type":1,', 'body is not valid JSON'],
	])('answers 400 to %s', async (_name, body, reason) => {
		expectRejected(await send(body), 400, 'bad_request', reason);
	});

	it('answers 400 to a body with a byte-order mark', async () => {
		const raw = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(JSON.stringify(signed()))]);
		expectRejected(await send(raw), 400, 'bad_request', 'body starts with a byte-order mark');
	});

	it('keeps oversized integer ids exact', async () => {
		const t = NOW + 600;
		const raw = `{"event_type":1,"app":"d","appname":"live","stream_id":"s","sequence":123456789012345678901234567890,"appid":98765432109876543210,"t":${t},"sign":"${tencentCssSign(KEY, t)}"}`;
		const out = await send(raw);
		expect(out.items[0].data).toMatchObject({ sequence: '123456789012345678901234567890', appId: '98765432109876543210' });
		expect(out.items[0].raw).toMatchObject({ appid: '98765432109876543210' });
	});

	it('accepts a signed 1 MB body and rejects 1 MB of garbage', async () => {
		const big = signed({ stream_param: 'x'.repeat(1024 * 1024) });
		const ok = await send(big);
		expect(ok.response.status).toBe(200);
		expect(((ok.items[0].data as IDataObject).streamParam as string).length).toBe(1024 * 1024);
		expectRejected(await send('{'.repeat(1024 * 1024)), 400, 'bad_request');
	});

	it('answers an object-valued event_type or sub-event without throwing', async () => {
		const odd = signed({ event_type: { toString: 1, valueOf: 1 } });
		const out = await send(odd);
		expect(out.response.status).toBe(200);
		expect(out.items[0]).toMatchObject({ event: 'unknown', providerEvent: '' });
		const relay = buildCallbackRequest({ ...events['relay.started'], callback_event: { toString: 1 } }, { callbackKey: KEY }, NOW);
		expect((await send(relay.body)).items[0]).toMatchObject({ event: 'unknown', providerEvent: '314' });
	});
});

describe('Tencent CSS Trigger: fuzzing', () => {
	it('answers every mutated body with 200+item, 400 or 401 (never throws), and never accepts a changed t or sign', async () => {
		const random = prng(20261122);
		const original = signed();
		const text = JSON.stringify(original);
		const counts = { accepted: 0, 400: 0, 401: 0 };
		for (let i = 0; i < 400; i++) {
			const mutated = mutate(text, random, 4);
			const out = await send(mutated);
			const status = out.response.status;
			expect([200, 400, 401]).toContain(status);
			if (status === 200) {
				counts.accepted++;
				expect(out.items).toHaveLength(1);
				const raw = out.items[0].raw as IDataObject;
				expect(String(raw.t)).toBe(String(original.t));
				expect(String(raw.sign).toLowerCase()).toBe(original.sign);
			} else {
				counts[status as 400 | 401]++;
				expect(out.items).toHaveLength(0);
			}
		}
		// The mutations reach all three answers (otherwise this test would prove nothing).
		expect(counts.accepted).toBeGreaterThan(0);
		expect(counts[400]).toBeGreaterThan(0);
		expect(counts[401]).toBeGreaterThan(0);
	});
});
