/**
 * The Livestream Test Callback node in n8n-core's real ExecuteContext (test/harness/hook.ts), sending
 * every sample of every provider to a loopback server that checks the signature with its own code
 * (node:crypto here, not the package's signers or verifiers), then handing what it received to the
 * provider's real trigger (test/unit/samples/triggers.ts), which must accept it.
 */
import { createHash, createHmac } from 'node:crypto';

import type { ICredentialDataDecryptedObject, ICredentialType, IDataObject } from 'n8n-workflow';

import { HuaweiLiveCallbackApi } from '../../../credentials/HuaweiLiveCallbackApi.credentials';
import { TencentCssCallbackApi } from '../../../credentials/TencentCssCallbackApi.credentials';
import { TencentLiveKitApi } from '../../../credentials/TencentLiveKitApi.credentials';
import { setClock } from '../../../nodes/core/clock';
import { LivestreamTestCallback } from '../../../nodes/LivestreamTestCallback/LivestreamTestCallback.node';
import type { ProviderId } from '../../../nodes/LivestreamTestCallback/providers';
import { SAMPLE_EVENTS as HUAWEI } from '../../../nodes/HuaweiLive/samples';
import { SAMPLE_EVENTS as SIGMA } from '../../../nodes/SigmaLive/samples';
import { SAMPLE_EVENTS as CSS } from '../../../nodes/TencentCss/samples';
import { SAMPLE_EVENTS as LIVEKIT_SAMPLES } from '../../../nodes/TencentLiveKit/samples';
import { runExecute } from '../../harness/hook';
import { startLoopbackServer } from '../../servers/http';
import type { LoopbackServer, ReceivedRequest, Reply } from '../../servers/http';
import { deliverToTrigger, CSS_KEY, HUAWEI_KEYS, LIVEKIT, SIGMA_TOKEN } from '../samples/triggers';

const NOW_SEC = 1795341601;
const node = new LivestreamTestCallback();

const SAMPLES: Record<ProviderId, Record<string, IDataObject>> = {
	'tencent-css': CSS,
	'tencent-livekit': LIVEKIT_SAMPLES,
	'huawei-live': HUAWEI,
	'sigma-live': SIGMA,
};

const CREDENTIAL_TYPES: Record<string, ICredentialType> = {
	tencentCssCallbackApi: new TencentCssCallbackApi(),
	tencentLiveKitApi: new TencentLiveKitApi(),
	huaweiLiveCallbackApi: new HuaweiLiveCallbackApi(),
};

const SUCCESS: Record<ProviderId, unknown> = {
	'tencent-css': { code: 0 },
	'tencent-livekit': { ActionStatus: 'OK', ErrorCode: 0, ErrorInfo: '' },
	'huawei-live': { status: 1, result: 'success' },
	'sigma-live': {},
};

const md5 = (text: string) => createHash('md5').update(text).digest('hex');
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const hmac = (key: string, text: string) => createHmac('sha256', key).update(text).digest('hex');
const str = (value: unknown) => (value === undefined ? '' : String(value));

/** A sample without the documented signature members, which the node replaces with its own. */
function unsigned(sample: IDataObject): IDataObject {
	const { t, sign, auth_timestamp, auth_sign, ...rest } = sample;
	return rest;
}

function queryOf(request: ReceivedRequest): Record<string, string> {
	return Object.fromEntries(new URL(request.rawUrl, 'http://loopback').searchParams);
}

/**
 * The signature check of each provider, written from docs/protocols/<provider>.md: null when the
 * request is signed correctly, else why not.
 */
function signatureProblem(provider: ProviderId, request: ReceivedRequest): string | null {
	const query = queryOf(request);
	if (provider === 'sigma-live') return query.token === SIGMA_TOKEN ? null : 'token';
	if (provider === 'tencent-livekit') {
		if (query.SdkAppid !== LIVEKIT.sdkAppId) return 'SdkAppid';
		if (query.RequestTime !== String(NOW_SEC)) return 'RequestTime';
		return query.Sign === sha256(LIVEKIT.callbackToken + query.RequestTime) ? null : 'Sign';
	}
	const body = JSON.parse(request.body) as IDataObject;
	if (provider === 'tencent-css') {
		if (body.t !== NOW_SEC + 600) return 't';
		return body.sign === md5(CSS_KEY + String(body.t)) ? null : 'sign';
	}
	// Huawei Cloud Live: HMAC-SHA256 over the family's members, concatenated without separators.
	const ts = str(body.auth_timestamp);
	if (ts !== String(NOW_SEC)) return 'auth_timestamp';
	let expected: string;
	if (body.event !== undefined) {
		expected = hmac(HUAWEI_KEYS.streamNotifyKey, `${str(body.event)}${str(body.domain)}${str(body.app)}${str(body.stream)}${ts}`);
	} else if (body.event_type !== undefined) {
		expected = hmac(
			HUAWEI_KEYS.recordCallbackKey,
			`${ts}${str(body.event_type)}${str(body.publish_domain)}${str(body.app)}${str(body.stream)}${str(body.download_url)}${str(body.play_url)}`,
		);
	} else {
		const obs = (body.obs_addr ?? {}) as IDataObject;
		expected = hmac(
			HUAWEI_KEYS.snapshotKey,
			`${str(body.domain)}${str(body.app)}${str(body.stream_name)}${str(body.snapshot_url)}${str(body.width)}${str(body.height)}` +
				`${str(obs.bucket)}${str(obs.location)}${str(obs.object)}${ts}`,
		);
	}
	return body.auth_sign === expected ? null : 'auth_sign';
}

let provider: ProviderId = 'tencent-css';
let server: LoopbackServer;

beforeAll(async () => {
	server = await startLoopbackServer((request): Reply => {
		if (request.headers['content-type'] !== 'application/json') return { status: 415, body: { error: 'content-type' } };
		const problem = signatureProblem(provider, request);
		return problem === null ? { status: 200, body: SUCCESS[provider] } : { status: 401, body: { error: problem } };
	});
});
afterAll(async () => await server.close());
beforeEach(() => {
	server.requests.length = 0;
	setClock(() => NOW_SEC * 1000);
});
afterEach(() => setClock(null));

function credentialsOf(data: Record<string, ICredentialDataDecryptedObject>) {
	return Object.fromEntries(Object.entries(data).map(([type, values]) => [type, { type: CREDENTIAL_TYPES[type], data: values }]));
}

const CREDENTIALS: Record<ProviderId, Record<string, ICredentialDataDecryptedObject>> = {
	'tencent-css': { tencentCssCallbackApi: { callbackKey: CSS_KEY } },
	'tencent-livekit': { tencentLiveKitApi: { ...LIVEKIT } },
	'huawei-live': { huaweiLiveCallbackApi: { ...HUAWEI_KEYS } },
	'sigma-live': {},
};

async function run(parameters: IDataObject, credentials: Record<string, ICredentialDataDecryptedObject> = {}, continueOnFail = false) {
	return await runExecute({
		nodeType: node,
		parameters,
		credentials: Object.keys(credentials).length === 0 ? undefined : credentialsOf(credentials),
		continueOnFail,
	});
}

const CASES: Array<[ProviderId, string]> = (Object.keys(SAMPLES) as ProviderId[]).flatMap((p) =>
	Object.keys(SAMPLES[p]).map((key): [ProviderId, string] => [p, key]),
);

describe('Livestream Test Callback: every sample, signed, accepted by the real trigger', () => {
	test('covers all 63 samples of the four providers', () => {
		expect(CASES).toHaveLength(63);
	});

	test.each(CASES)('%s %s', async (p, event) => {
		provider = p;
		const parameters: IDataObject = { provider: p, event, targetUrl: `${server.url}/webhook-test/abc/webhook`, overrides: '{}' };
		if (p === 'sigma-live') parameters.token = SIGMA_TOKEN;
		const [out] = await run(parameters, CREDENTIALS[p]);
		expect(out.status).toBe(200);
		expect(out.body).toEqual(SUCCESS[p]);
		expect(out.sentAt).toBe(new Date(NOW_SEC * 1000).toISOString());
		expect(out.request).toMatchObject({ provider: p, event, signed: true, method: 'POST' });
		expect(server.requests).toHaveLength(1);
		const received = server.requests[0];
		// The summary shows what was sent, without secrets.
		const summary = JSON.stringify(out);
		for (const secret of [CSS_KEY, LIVEKIT.callbackToken, SIGMA_TOKEN, ...Object.values(HUAWEI_KEYS).slice(0, 3)]) {
			expect(summary).not.toContain(secret);
		}
		expect((out.request as IDataObject).body).toEqual(JSON.parse(received.body));
		// The sample as documented, plus the provider's signature members.
		const sent = JSON.parse(received.body) as IDataObject;
		expect(sent).toMatchObject(unsigned(SAMPLES[p][event]));

		const outcome = await deliverToTrigger(p, { body: received.body, query: queryOf(received), headers: { 'content-type': 'application/json' } });
		expect(outcome.response.status).toBe(200);
		expect(outcome.items).toHaveLength(1);
		expect(outcome.items[0]).toMatchObject({ provider: p, authenticated: p === 'sigma-live' ? 'secret-url' : 'signature' });
		expect(outcome.items[0].event).toBe(event.split('#')[0]);
	});
});

describe('Livestream Test Callback: options', () => {
	test('without a credential the callback goes unsigned, and the answer is reported as is', async () => {
		provider = 'tencent-css';
		const [out] = await run({ provider, event: 'stream.started', targetUrl: `${server.url}/hook` });
		expect(out.status).toBe(401);
		expect(out.body).toEqual({ error: 't' });
		expect(out.request).toMatchObject({ signed: false });
		const sent = JSON.parse(server.requests[0].body) as IDataObject;
		expect(sent).not.toHaveProperty('sign');
		expect(sent).not.toHaveProperty('t');
	});

	test('overrides are merged into the sample before it is signed', async () => {
		provider = 'tencent-css';
		const [out] = await run(
			{ provider, event: 'stream.started', targetUrl: `${server.url}/hook`, overrides: '{"channel_id": "my_stream", "extra": [1]}' },
			CREDENTIALS['tencent-css'],
		);
		expect(out.status).toBe(200);
		const sent = JSON.parse(server.requests[0].body) as IDataObject;
		expect(sent).toMatchObject({ ...unsigned(CSS['stream.started']), channel_id: 'my_stream', extra: [1] });
	});

	test('a Sigma URL that already carries ?token= is used as is, and the token is redacted in the output', async () => {
		provider = 'sigma-live';
		const [out] = await run({ provider, event: 'stream.stopped', targetUrl: `${server.url}/webhook/abc/webhook?token=${SIGMA_TOKEN}` });
		expect(out.status).toBe(200);
		expect(queryOf(server.requests[0])).toEqual({ token: SIGMA_TOKEN });
		expect(out.request).toMatchObject({ signed: true, url: `${server.url}/webhook/abc/webhook?token=%5Bredacted%5D` });
	});

	test('a token given replaces the one in the URL (one token in the callback)', async () => {
		provider = 'sigma-live';
		await run({ provider, event: 'stream.ended', targetUrl: `${server.url}/hook?token=old&x=1`, token: SIGMA_TOKEN });
		expect(server.requests[0].rawUrl).toBe(`/hook?x=1&token=${SIGMA_TOKEN}`);
	});

	test('TUILiveKit without a credential sends the sample app id and no signature', async () => {
		provider = 'tencent-livekit';
		const [out] = await run({ provider, event: 'room.created', targetUrl: `${server.url}/hook` });
		expect(out.status).toBe(401);
		const query = queryOf(server.requests[0]);
		expect(query).toMatchObject({ CallbackCommand: 'Live.CallbackAfterCreateRoom', SdkAppid: '1400000000' });
		expect(query).not.toHaveProperty('Sign');
	});

	test.each([
		[{ targetUrl: 'not a url' }, 'Target URL must be an http(s) URL'],
		[{ targetUrl: 'ftp://127.0.0.1/x' }, 'Target URL must be an http(s) URL'],
		[{ overrides: '[1, 2]' }, 'Field Overrides must be a JSON object'],
		[{ overrides: '{oops' }, 'Field Overrides must be a JSON object'],
		[{ event: 'no.such' }, 'The provider has no sample for event "no.such"'],
		[{ provider: 'other' }, 'Unknown provider "other"'],
	])('refuses %j: %s (nothing sent)', async (change, message) => {
		provider = 'tencent-css';
		const parameters = { provider, event: 'stream.started', targetUrl: `${server.url}/hook`, ...change };
		await expect(run(parameters)).rejects.toThrow(message);
		const [out] = await run(parameters, {}, true);
		expect(out).toMatchObject({ error: message });
		expect(server.requests).toHaveLength(0);
	});
});
