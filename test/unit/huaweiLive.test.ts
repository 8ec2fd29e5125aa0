/**
 * Huawei Cloud Live Trigger through its real `webhook()` in n8n-core's WebhookContext, with the
 * research payloads (test/fixtures/huawei-live.json) signed by the core's signature functions.
 */
import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import { HuaweiLiveTrigger } from '../../nodes/HuaweiLive/HuaweiLiveTrigger.node';
import {
	buildCallbackRequest,
	signRecord,
	signStream,
} from '../../nodes/HuaweiLive/HuaweiLiveTriggerHelpers';
import type { HuaweiLiveSecrets } from '../../nodes/HuaweiLive/HuaweiLiveTriggerHelpers';
import { fieldsHmac, keyTimeDigest } from '../../nodes/core/signatures';
import { callWebhook } from '../harness/webhook';
import type { WebhookOutcome } from '../harness/webhook';
import fixtures from '../fixtures/huawei-live.json';

const KEY = '0123456789abcdef0123456789abcdef';
const OTHER_KEY = 'fedcba9876543210fedcba9876543210';
const EVENTS = fixtures.events as unknown as Record<string, IDataObject>;
const SUCCESS = { status: 1, result: 'success' };
const ALL_KEYS: HuaweiLiveSecrets = {
	streamNotifyKey: KEY,
	recordCallbackKey: KEY,
	snapshotKey: KEY,
	recordSignType: 'HMACSHA256',
};

const node = new HuaweiLiveTrigger();
/** A fixed clock for the webhook (the node reads Date.now() once per request). */
const NOW = 1763800000;

function payload(name: string): IDataObject {
	return JSON.parse(JSON.stringify(EVENTS[name])) as IDataObject;
}

function setClock(sec: number): void {
	jest.spyOn(Date, 'now').mockReturnValue(sec * 1000);
}

interface SendOptions {
	credentials?: HuaweiLiveSecrets | null;
	parameters?: IDataObject;
}

async function post(body: string | IDataObject, options: SendOptions = {}): Promise<WebhookOutcome> {
	const credentials = options.credentials === undefined ? ALL_KEYS : options.credentials;
	return await callWebhook(node, {
		parameters: options.parameters ?? {},
		credentials: credentials ? { huaweiLiveCallbackApi: credentials as ICredentialDataDecryptedObject } : undefined,
		body: typeof body === 'string' ? body : JSON.stringify(body),
	});
}

/** What Huawei sends for fixture `name`, signed at `sec` with `secrets`. */
function signed(name: string, secrets: HuaweiLiveSecrets | null = ALL_KEYS, sec = NOW): IDataObject {
	return JSON.parse(buildCallbackRequest(payload(name), secrets, sec).body) as IDataObject;
}

function expectRejected(outcome: WebhookOutcome, status: number, reason: string): void {
	expect(outcome.response.status).toBe(status);
	expect(outcome.response.body).toEqual({ error: status === 401 ? 'unauthorized' : 'bad_request', reason });
	expect(outcome.items).toHaveLength(0);
	expect(outcome.result.workflowData).toBeUndefined();
	expect(JSON.stringify(outcome.response.body)).not.toMatch(/[0-9a-f]{32}/);
}

function expectAccepted(outcome: WebhookOutcome): IDataObject {
	expect(outcome.response.status).toBe(200);
	expect(outcome.response.body).toEqual(SUCCESS);
	expect(outcome.items).toHaveLength(1);
	return outcome.items[0];
}

beforeEach(() => setClock(NOW));
afterEach(() => jest.restoreAllMocks());

describe('research test vectors', () => {
	it('stream notification: the self-generated §2.1 vector, through the core HMAC', () => {
		const body = payload('stream.started');
		expect(signStream(KEY, body, '1587954140')).toBe(
			'fa5addca9ea94589d2a7f936a82e2ef3af10bf7ffc665e278c05214537e2ed41',
		);
		expect(fieldsHmac(KEY, ['PUBLISHpush.example.comliveexample_stream1587954140'])).toBe(body.auth_sign);
	});

	it('recording: the §2.2 HMAC and MD5 vectors', () => {
		const body = payload('recording.completed');
		expect(signRecord(KEY, 'HMACSHA256', body, '1583676745')).toBe(
			'f15a1bbd70c4c57d0e524ac48be475d0c42eed6a45d180ed3278264b57fd603b',
		);
		expect(signRecord(KEY, 'MD5', body, '1583676745')).toBe('fbea60f41db857bbdee04a5127b742fa');
		expect(keyTimeDigest('md5', KEY, '1583676745')).toBe('fbea60f41db857bbdee04a5127b742fa');
	});

	it('accepts the verbatim §2.1 PUBLISH example at its own time and normalizes it', async () => {
		setClock(1587954140);
		const item = expectAccepted(await post(payload('stream.started')));
		expect(item).toMatchObject({
			event: 'stream.started',
			provider: 'huawei-live',
			providerEvent: 'PUBLISH',
			authenticated: 'signature',
			occurredAt: '2020-04-27T02:22:14.000Z',
			receivedAt: '2020-04-27T02:22:20.000Z',
			stream: { domain: 'push.example.com', app: 'live', name: 'example_stream' },
			room: null,
			data: {
				userArgs: 'cdn=hw',
				clientIp: '100.111.12.34',
				nodeIp: '112.11.56.78',
				publishTimestamp: 1587954134,
				publishedAt: '2020-04-27T02:22:14.000Z',
				sessionKey: 'push.example.com/live/example_stream/1587954134',
			},
			raw: EVENTS['stream.started'],
		});
		expect(item.eventId).toMatch(/^huawei-live:[0-9a-f]{32}$/);
		expect(item.data).not.toHaveProperty('authSign');
		expect(item.data).not.toHaveProperty('authTimestamp');
	});

	it('accepts the verbatim §2.2 RECORD_FILE_COMPLETE example signed with HMAC-SHA256, typed', async () => {
		setClock(1583676745);
		const item = expectAccepted(await post(payload('recording.completed')));
		expect(item).toMatchObject({
			event: 'recording.completed',
			providerEvent: 'RECORD_FILE_COMPLETE',
			authenticated: 'signature',
			occurredAt: '2020-03-08T14:12:25.000Z',
			stream: { domain: 'push.example.com', app: 'live', name: 'mystream' },
		});
		expect(item.data).toEqual({
			projectId: '70b76xxxxxx34253880af501cdxxxxxx',
			jobId: 'dc0a1773-0cef-xxxx-xxxx-9a38fdb095d2',
			taskId: '51126d0ebe94b1da00d2e21a10xxxxxx',
			recordFormat: 'HLS',
			downloadUrl: EVENTS['recording.completed'].download_url,
			assetId: '1a0d8e9bfaexxxxxxbe5021e62aa1e96',
			fileSize: 3957964,
			recordDuration: 120,
			startTime: '2020-03-08T14:10:25.000Z',
			endTime: '2020-03-08T14:12:25.000Z',
			width: 1280,
			height: 720,
			obs: {
				location: 'https://obs.cn-north-4.myhuaweicloud.com',
				bucket: 'mybucket',
				object: EVENTS['recording.completed'].obs_object,
			},
		});
	});

	it('accepts the verbatim MD5 variant only when the credential says MD5', async () => {
		setClock(1583676745);
		const md5 = { ...ALL_KEYS, recordSignType: 'MD5' };
		const item = expectAccepted(await post(payload('recording.completed#md5'), { credentials: md5 }));
		expect(item.authenticated).toBe('signature');

		const hmacConfigured = await post(payload('recording.completed#md5'));
		expectRejected(hmacConfigured, 401, 'signature mismatch');
		expect(hmacConfigured.logs.map((l) => l.message).join('\n')).toContain('matches sign type MD5');
	});
});

describe('every event, signed by the core at the current time', () => {
	const cases: Array<[string, string, string]> = [
		['stream.started', 'stream.started', 'PUBLISH'],
		['stream.stopped', 'stream.stopped', 'PUBLISH_DONE'],
		['recording.started', 'recording.started', 'RECORD_START'],
		['recording.file_started', 'recording.file_started', 'RECORD_NEW_FILE_START'],
		['recording.completed', 'recording.completed', 'RECORD_FILE_COMPLETE'],
		['recording.completed#play_url', 'recording.completed', 'RECORD_FILE_COMPLETE'],
		['recording.ended', 'recording.ended', 'RECORD_OVER'],
		['recording.failed', 'recording.failed', 'RECORD_FAILED'],
		['snapshot.created', 'snapshot.created', 'SNAPSHOT'],
	];

	it.each(cases)('%s (HMAC-SHA256 recording)', async (fixture, event, providerEvent) => {
		const body = signed(fixture);
		expect(body.auth_timestamp).toBe(NOW);
		const item = expectAccepted(await post(body));
		expect(item).toMatchObject({ event, providerEvent, authenticated: 'signature', provider: 'huawei-live' });
		expect(item.raw).toEqual(body);
		expect((item.stream as IDataObject).domain).toBe('push.example.com');
	});

	it.each(cases.filter(([f]) => f.startsWith('recording')))('%s (MD5 recording)', async (fixture, event) => {
		const md5 = { ...ALL_KEYS, recordSignType: 'MD5' };
		const body = signed(fixture, md5);
		expect(body.auth_sign).toBe(keyTimeDigest('md5', KEY, String(NOW)));
		const item = expectAccepted(await post(body, { credentials: md5 }));
		expect(item).toMatchObject({ event, authenticated: 'signature' });
	});

	it('covers the play_url field in the recording HMAC', () => {
		const body = signed('recording.completed#play_url');
		const without = { ...body };
		delete without.play_url;
		expect(signRecord(KEY, 'HMACSHA256', body, String(NOW))).toBe(body.auth_sign);
		expect(signRecord(KEY, 'HMACSHA256', without, String(NOW))).not.toBe(body.auth_sign);
	});

	it('types the snapshot callback and keeps unknown fields', async () => {
		const body = { ...signed('snapshot.created'), snapshot_url: 'https://img.example.com/a.jpg' };
		const item = expectAccepted(await post(body, { parameters: { snapshotSignature: 'off' } }));
		expect(item).toMatchObject({
			event: 'snapshot.created',
			authenticated: 'none',
			stream: { domain: 'push.example.com', app: 'live', name: 'example_stream' },
			data: {
				width: 1280,
				height: 720,
				snapshotUrl: 'https://img.example.com/a.jpg',
				obs: {
					bucket: 'mybucket',
					location: 'cn-north-4',
					object: 'snapshot/push.example.com/live/example_stream/1700000000.jpg',
				},
			},
		});
		expect(item.occurredAt).toBe(item.receivedAt);
	});
	it('recognizes a snapshot by obs_addr even if it carries an event_type of its own', async () => {
		const body = JSON.parse(
			buildCallbackRequest({ ...payload('snapshot.created'), event_type: 'SNAPSHOT_COMPLETE' }, ALL_KEYS, NOW).body,
		) as IDataObject;
		const item = expectAccepted(await post(body, { parameters: { snapshotSignature: 'require' } }));
		expect(item).toMatchObject({ event: 'snapshot.created', providerEvent: 'SNAPSHOT_COMPLETE', authenticated: 'signature' });
	});
});

describe('unsigned callbacks', () => {
	it('accepts every family as authenticated "none" without a credential', async () => {
		for (const name of ['stream.started', 'recording.completed', 'snapshot.created']) {
			const body = signed(name, null);
			expect(body).not.toHaveProperty('auth_sign');
			expect(body).not.toHaveProperty('auth_timestamp');
			const item = expectAccepted(await post(body, { credentials: null }));
			expect(item.authenticated).toBe('none');
		}
	});

	it('accepts a family whose key is empty while checking the others', async () => {
		const onlyStream = { streamNotifyKey: KEY, recordCallbackKey: '', snapshotKey: '  ' };
		expect(expectAccepted(await post(signed('recording.ended', null), { credentials: onlyStream })).authenticated).toBe('none');
		expect(
			expectAccepted(await post(signed('snapshot.created', null), { credentials: onlyStream, parameters: { snapshotSignature: 'require' } }))
				.authenticated,
		).toBe('none');
		expectRejected(await post(signed('stream.started', null), { credentials: onlyStream }), 401, 'missing signature');
	});
});

describe('rejections: 401/400, no item, no execution', () => {
	it('wrong key', async () => {
		const body = signed('stream.started', { streamNotifyKey: OTHER_KEY });
		const outcome = await post(body);
		expectRejected(outcome, 401, 'signature mismatch');
		expect(outcome.logs.some((l) => l.level === 'warn' && l.message.includes('stream notification config'))).toBe(true);
	});

	it('wrong recording key', async () => {
		expectRejected(await post(signed('recording.completed', { recordCallbackKey: OTHER_KEY })), 401, 'signature mismatch');
	});

	it.each([
		['stream.started', 'stream', 'other_stream'],
		['stream.started', 'event', 'PUBLISH_DONE'],
		['stream.stopped', 'auth_timestamp', NOW - 1],
		['recording.completed', 'download_url', 'https://evil.example.com/x.m3u8'],
		['recording.failed', 'event_type', 'RECORD_OVER'],
	])('tampered field: %s.%s', async (name, field, value) => {
		const body = { ...signed(name), [field]: value };
		expectRejected(await post(body), 401, 'signature mismatch');
	});

	it('missing signature while a key is set', async () => {
		for (const name of ['stream.started', 'recording.completed']) {
			const body = signed(name);
			delete body.auth_sign;
			expectRejected(await post(body), 401, 'missing signature');
		}
	});

	it('missing or malformed timestamp', async () => {
		const body = signed('stream.started');
		delete body.auth_timestamp;
		expectRejected(await post(body), 401, 'missing or invalid timestamp');
		expectRejected(await post({ ...signed('stream.started'), auth_timestamp: 'soon' }), 401, 'missing or invalid timestamp');
		expectRejected(await post({ ...signed('stream.started'), auth_timestamp: NOW + 0.5 }), 401, 'missing or invalid timestamp');
	});

	it('stale timestamp (correctly signed)', async () => {
		const outcome = await post(signed('recording.completed', ALL_KEYS, NOW - 601));
		expectRejected(outcome, 401, 'signature expired');
		expect(outcome.logs.map((l) => l.message).join('\n')).toContain('tolerances');
		expectAccepted(await post(signed('recording.completed', ALL_KEYS, NOW - 600)));
	});

	it('future timestamp (correctly signed)', async () => {
		expectRejected(await post(signed('stream.stopped', ALL_KEYS, NOW + 601)), 401, 'signature not yet valid');
		expectAccepted(await post(signed('stream.stopped', ALL_KEYS, NOW + 600)));
	});

	it('honours configured tolerances', async () => {
		const parameters = { options: { maxAgeSeconds: 3600, maxAheadSeconds: 0 } };
		expectAccepted(await post(signed('stream.started', ALL_KEYS, NOW - 1800), { parameters }));
		expectRejected(await post(signed('stream.started', ALL_KEYS, NOW + 1), { parameters }), 401, 'signature not yet valid');
	});

	it('bad JSON', async () => {
		expectRejected(await post('{"event":"PUBLISH",'), 400, 'body is not valid JSON');
		// Huawei's own malformed sample from the best-practice page (research §2.1 doc quirk).
		expectRejected(
			await post('{"domain":"push.example.com","publish_timestamp":"1587954134,","event":"PUBLISH" "auth_timestamp":1}'),
			400,
			'body is not valid JSON',
		);
	});

	it('not an object', async () => {
		expectRejected(await post(JSON.stringify([signed('stream.started')])), 400, 'body is not a JSON object');
		expectRejected(await post('"PUBLISH"'), 400, 'body is not a JSON object');
		expectRejected(await post(''), 400, 'body is empty');
	});

	it('unknown shape while keys are set: unsigned rejected, signed by a configured key accepted as unknown', async () => {
		expectRejected(await post({ hello: 'world' }), 401, 'missing signature');
		const body: IDataObject = { hello: 'world', auth_timestamp: NOW };
		body.auth_sign = signRecord(KEY, 'HMACSHA256', body, String(NOW));
		const item = expectAccepted(await post(body));
		expect(item).toMatchObject({ event: 'unknown', providerEvent: '', authenticated: 'signature', data: { hello: 'world' } });
	});
});

describe('recording signature diagnostics (the HMAC field list is inferred)', () => {
	it('names the alternative formula when the signature matches only under it', async () => {
		const body = signed('recording.completed', null);
		body.auth_timestamp = NOW;
		// Signed without the URL fields although download_url is present.
		body.auth_sign = fieldsHmac(KEY, [String(NOW), 'RECORD_FILE_COMPLETE', 'push.example.com', 'live', 'mystream']);
		const outcome = await post(body);
		expectRejected(outcome, 401, 'signature mismatch');
		const log = outcome.logs.map((l) => l.message).join('\n');
		expect(log).toContain("not the node's inferred formula");
		expect(log).toContain('no URL fields');
	});

	it('names the timestamp-last order', async () => {
		const body = signed('recording.ended', null);
		body.auth_timestamp = NOW;
		body.auth_sign = fieldsHmac(KEY, ['RECORD_OVER', 'push.example.com', 'live', 'mystream', '', '', String(NOW)]);
		const outcome = await post(body);
		expectRejected(outcome, 401, 'signature mismatch');
		expect(outcome.logs.map((l) => l.message).join('\n')).toContain('stream-notification order');
	});

	it('tells an MD5-configured credential that the callback is HMAC signed', async () => {
		const outcome = await post(signed('recording.completed'), { credentials: { ...ALL_KEYS, recordSignType: 'MD5' } });
		expectRejected(outcome, 401, 'signature mismatch');
		expect(outcome.logs.map((l) => l.message).join('\n')).toContain('matches sign type HMACSHA256');
	});

	it('gives the plain hint when nothing matches', async () => {
		const outcome = await post(signed('recording.completed', { recordCallbackKey: OTHER_KEY }));
		const log = outcome.logs.map((l) => l.message).join('\n');
		expect(log).toContain('recording callback config');
		expect(log).not.toContain('inferred formula');
	});

	it('accepts upper-case hex signatures', async () => {
		const body = signed('recording.completed');
		expectAccepted(await post({ ...body, auth_sign: (body.auth_sign as string).toUpperCase() }));
	});
});

describe('snapshot signature check modes', () => {
	const forged = () => ({ ...signed('snapshot.created'), auth_sign: 'a'.repeat(64) });

	it('off: no check, authenticated "none"', async () => {
		const item = expectAccepted(await post(forged(), { parameters: { snapshotSignature: 'off' } }));
		expect(item.authenticated).toBe('none');
	});

	it('report (default): a candidate match is "signature", a mismatch is accepted as "none" and logged', async () => {
		expect(expectAccepted(await post(signed('snapshot.created'))).authenticated).toBe('signature');
		const outcome = await post(forged());
		expect(expectAccepted(outcome).authenticated).toBe('none');
		expect(outcome.logs.some((l) => l.level === 'warn' && l.message.includes('report-only'))).toBe(true);
		const stale = await post(signed('snapshot.created', ALL_KEYS, NOW - 3600));
		expect(expectAccepted(stale).authenticated).toBe('none');
	});

	it('require: a mismatch, a missing signature or a stale one is rejected', async () => {
		const parameters = { snapshotSignature: 'require' };
		expect(expectAccepted(await post(signed('snapshot.created'), { parameters })).authenticated).toBe('signature');
		expectRejected(await post(forged(), { parameters }), 401, 'signature mismatch');
		const unsigned = signed('snapshot.created', null);
		expectRejected(await post(unsigned, { parameters }), 401, 'missing signature');
		expectRejected(await post(signed('snapshot.created', ALL_KEYS, NOW - 3600), { parameters }), 401, 'signature expired');
	});

	it('require: every candidate formula is accepted', async () => {
		const parameters = { snapshotSignature: 'require' };
		const base = signed('snapshot.created', null);
		const ts = String(NOW);
		const candidates = [
			fieldsHmac(KEY, ['push.example.com', 'live', 'example_stream', ts]),
			fieldsHmac(KEY, [ts, 'push.example.com', 'live', 'example_stream']),
			fieldsHmac(KEY, [ts]),
			keyTimeDigest('md5', KEY, ts),
		];
		for (const auth_sign of candidates) {
			expectAccepted(await post({ ...base, auth_timestamp: NOW, auth_sign }, { parameters }));
		}
	});
});

describe('push sessions, redeliveries and the event filter', () => {
	it('correlates an out-of-order PUBLISH_DONE / PUBLISH pair by publishTimestamp', async () => {
		const stopped = expectAccepted(await post(signed('stream.stopped', ALL_KEYS, NOW)));
		const started = expectAccepted(await post(signed('stream.started', ALL_KEYS, NOW + 1)));
		expect(stopped.event).toBe('stream.stopped');
		expect(started.event).toBe('stream.started');
		expect((stopped.data as IDataObject).publishTimestamp).toBe(1587954134);
		expect((stopped.data as IDataObject).sessionKey).toBe((started.data as IDataObject).sessionKey);
		expect((stopped.data as IDataObject).publishedAt).toBe((started.data as IDataObject).publishedAt);
		expect(stopped.eventId).not.toBe(started.eventId);
		// PUBLISH_DONE carries no stop time: occurredAt is the receive time.
		expect(stopped.occurredAt).toBe(stopped.receivedAt);
		expect(started.occurredAt).toBe('2020-04-27T02:22:14.000Z');
	});

	it('gives a redelivery (new auth_timestamp / auth_sign) the same eventId, and distinct events distinct ones', async () => {
		const first = expectAccepted(await post(signed('recording.completed', ALL_KEYS, NOW - 30)));
		const again = expectAccepted(await post(signed('recording.completed', ALL_KEYS, NOW)));
		expect(first.raw).not.toEqual(again.raw);
		expect(again.eventId).toBe(first.eventId);
		const other = expectAccepted(await post(signed('recording.completed#play_url')));
		expect(other.eventId).not.toBe(first.eventId);
	});

	it('acknowledges filtered-out events without an execution', async () => {
		const parameters = { events: ['recording.completed'] };
		const outcome = await post(signed('stream.started'), { parameters });
		expect(outcome.response).toMatchObject({ status: 200, body: SUCCESS });
		expect(outcome.items).toHaveLength(0);
		expect(outcome.result.workflowData).toBeUndefined();
		expectAccepted(await post(signed('recording.completed'), { parameters }));
	});

	it('maps an unknown recording event type to "unknown", still verified', async () => {
		const body = { ...signed('recording.ended', null), event_type: 'RECORD_PAUSED' };
		const resigned = JSON.parse(buildCallbackRequest(body, ALL_KEYS, NOW).body) as IDataObject;
		const item = expectAccepted(await post(resigned, { parameters: { events: ['unknown'] } }));
		expect(item).toMatchObject({ event: 'unknown', providerEvent: 'RECORD_PAUSED', authenticated: 'signature' });
		expectRejected(await post({ ...resigned, app: 'other' }), 401, 'signature mismatch');
	});
});

describe('buildCallbackRequest', () => {
	it('produces a JSON POST with the family signature, or none', () => {
		const request = buildCallbackRequest(payload('stream.started'), { streamNotifyKey: KEY }, 1587954140);
		expect(request.method).toBe('POST');
		expect(request.headers['content-type']).toBe('application/json');
		expect(JSON.parse(request.body)).toEqual(EVENTS['stream.started']);

		const unsigned = JSON.parse(buildCallbackRequest(payload('stream.started'), null, NOW).body) as IDataObject;
		expect(unsigned).not.toHaveProperty('auth_sign');
		const otherFamilyOnly = JSON.parse(
			buildCallbackRequest(payload('recording.completed'), { streamNotifyKey: KEY }, NOW).body,
		) as IDataObject;
		expect(otherFamilyOnly).not.toHaveProperty('auth_sign');
	});

	it('reproduces the research recording vectors', () => {
		const hmac = JSON.parse(buildCallbackRequest(payload('recording.completed'), ALL_KEYS, 1583676745).body);
		expect(hmac).toEqual(EVENTS['recording.completed']);
		const md5 = JSON.parse(
			buildCallbackRequest(payload('recording.completed'), { recordCallbackKey: KEY, recordSignType: 'MD5' }, 1583676745).body,
		);
		expect(md5).toEqual(EVENTS['recording.completed#md5']);
	});
});

describe('credential test and webhook lifecycle', () => {
	const test = (data: ICredentialDataDecryptedObject) =>
		node.methods.credentialTest.huaweiLiveCallbackKeysTest.call({} as never, {
			id: '1',
			name: 'huawei',
			type: 'huaweiLiveCallbackApi',
			data,
		});

	it('checks key lengths', async () => {
		expect(await test({})).toMatchObject({ status: 'OK', message: expect.stringContaining('unsigned') });
		expect(await test({ streamNotifyKey: KEY, recordCallbackKey: KEY })).toMatchObject({
			status: 'OK',
			message: 'Keys with a valid length: Stream Notification Key, Recording Callback Key',
		});
		expect(await test({ streamNotifyKey: 'short' })).toMatchObject({ status: 'Error', message: expect.stringContaining('32 to 128') });
		expect(await test({ snapshotKey: 'x'.repeat(129) })).toMatchObject({ status: 'Error' });
		expect(await test({ recordCallbackKey: 'x'.repeat(31) })).toMatchObject({ status: 'Error', message: expect.stringContaining('at least 32') });
	});

	it('has nothing to register remotely', async () => {
		const hooks = node.webhookMethods.default;
		expect(await hooks.checkExists.call({} as never)).toBe(true);
		expect(await hooks.create.call({} as never)).toBe(true);
		expect(await hooks.delete.call({} as never)).toBe(true);
	});

	it('describes the node and credential as the issue names them', () => {
		expect(node.description.name).toBe('huaweiLiveTrigger');
		expect(node.description.displayName).toBe('Huawei Cloud Live Trigger');
		expect(node.description.credentials).toEqual([
			expect.objectContaining({ name: 'huaweiLiveCallbackApi', required: false }),
		]);
		const events = node.description.properties.find((p) => p.name === 'events');
		expect(events?.options?.map((o) => (o as { value: string }).value).sort()).toEqual(
			[
				'*',
				'recording.completed',
				'recording.ended',
				'recording.failed',
				'recording.file_started',
				'recording.started',
				'snapshot.created',
				'stream.started',
				'stream.stopped',
				'unknown',
			].sort(),
		);
	});
});
