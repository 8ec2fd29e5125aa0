/** Signature, time window and malformed input: each answer as the spec says, and never an item. */
import type { IDataObject } from 'n8n-workflow';

import { setClock } from '../../../nodes/core/clock';
import { TencentCssTrigger } from '../../../nodes/TencentCss/TencentCssTrigger.node';
import { buildCallbackRequest } from '../../../nodes/TencentCss/simulator';
import { tencentCssSign } from '../../../nodes/TencentCss/verify';
import fixtures from '../../fixtures/tencent-css.json';
import { mutate, prng } from '../../harness/fuzz';
import { callWebhook } from '../../harness/webhook';
import type { WebhookOutcome } from '../../harness/webhook';

const KEY = 'adasda131312';
const credentials = { tencentCssCallbackApi: { callbackKey: KEY } };
const events = fixtures.events as Record<string, IDataObject>;
const nowSec = () => Math.floor(Date.now() / 1000);
const push = events['stream.started'];

function signed(overrides: IDataObject = {}, t = nowSec() + 600): IDataObject {
	return { ...push, t, sign: tencentCssSign(KEY, t), ...overrides };
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
	it('accepts the known vector (key adasda131312, t 1703732078) when the window allows it', async () => {
		const body = { ...push, t: 1703732078, sign: '3517b319dd20f5e7fe6550ca167198f8' };
		const strict = await send(body);
		expectRejected(strict, 401, 'unauthorized', 'signature expired');
		setClock(() => (1703732078 - 600) * 1000);
		try {
			const atSendTime = await send(body);
			expect(atSendTime.response.status).toBe(200);
			expect(atSendTime.items[0].authenticated).toBe('signature');
		} finally {
			setClock(null);
		}
	});

	it('refuses every callback while a window option is not a number in range (fails closed)', async () => {
		for (const expiryGraceSeconds of ['abc', -1, 86401, 1.5]) {
			const out = await send(signed(), { options: { expiryGraceSeconds } });
			expect(out.response.status).toBe(500);
			expect(out.response.body).toEqual({ error: 'configuration_error' });
			expect(out.items).toHaveLength(0);
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
		const t = nowSec() + 600;
		expectRejected(await send({ ...push, t, sign: tencentCssSign('someOtherKey1', t) }), 401, 'unauthorized', 'signature mismatch');
	});

	it('rejects a tampered t (sign no longer matches)', async () => {
		const body = signed();
		body.t = Number(body.t) + 1;
		expectRejected(await send(body), 401, 'unauthorized', 'signature mismatch');
	});

	it('answers a tampered body field like Tencent’s scheme allows: the sign covers only key + t', async () => {
		// Tencent's MD5(key + t) does not cover the body; a changed field with a valid (key, t) pair is
		// indistinguishable from a real callback. Documented in the README's security notes.
		const out = await send(signed({ stream_id: 'other_stream' }));
		expect(out.response.status).toBe(200);
		expect(out.items[0].stream).toMatchObject({ name: 'other_stream' });
	});

	it('rejects an expired t beyond the grace, and a t too far in the future', async () => {
		const old = nowSec() - 601;
		expectRejected(await send({ ...push, t: old, sign: tencentCssSign(KEY, old) }), 401, 'unauthorized', 'signature expired');
		const future = nowSec() + 901 + 5;
		expectRejected(await send({ ...push, t: future, sign: tencentCssSign(KEY, future) }), 401, 'unauthorized', 'signature not yet valid');
	});

	it('keeps a late retry inside the default grace and honours a strict grace of 0', async () => {
		const late = nowSec() - 360;
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
		const t = nowSec() + 600;
		const out = await send({ ...push, t, sign: 'deadbeef' });
		expect(JSON.stringify(out.response.body)).not.toContain(tencentCssSign(KEY, t));
	});

	it('works without a credential and marks items authenticated "none"', async () => {
		const { t: _t, sign: _s, ...bare } = push;
		const out = await send(bare, {}, null);
		expect(out.response.status).toBe(200);
		expect(out.items[0].authenticated).toBe('none');
		const emptyKey = await callWebhook(new TencentCssTrigger(), {
			body: JSON.stringify(bare),
			credentials: { tencentCssCallbackApi: { callbackKey: '' } },
		});
		expect(emptyKey.items[0].authenticated).toBe('none');
	});

	it('accepts unsigned relay (314) and monitor (328) callbacks only when enabled', async () => {
		const relay = JSON.stringify(events['relay.started']);
		expectRejected(await send(relay), 401, 'unauthorized', 'missing signature');
		const allowed = await send(relay, { options: { unsignedEventTypes: [314] } });
		expect(allowed.items[0]).toMatchObject({ event: 'relay.started', authenticated: 'none' });
		expectRejected(await send(JSON.stringify(events['monitor.alert']), { options: { unsignedEventTypes: [314] } }), 401, 'unauthorized');
		// Other event types never become unsigned, even if a stored option asks for it.
		const { t: _t, sign: _s, ...bare } = push;
		expectRejected(await send(bare, { options: { unsignedEventTypes: [1] } }), 401, 'unauthorized', 'missing signature');
		// A signed 314 is verified normally.
		const signedRelay = buildCallbackRequest(events['relay.started'], { callbackKey: KEY }, nowSec());
		expect((await send(signedRelay.body)).items[0].authenticated).toBe('signature');
	});

	it('logs a rejection with a hint, without the key', async () => {
		const t = nowSec() + 600;
		const out = await send({ ...push, t, sign: tencentCssSign('wrong', t) });
		expect(out.logs).toEqual([expect.objectContaining({ level: 'warn', message: expect.stringContaining('signature mismatch') })]);
		expect(out.logs[0].message).not.toContain(KEY);
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
		const t = nowSec() + 600;
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
