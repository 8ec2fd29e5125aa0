/** Signatures, time window, snapshot check modes and malformed input: each answer as the spec says, and never an item. */
import type { IDataObject } from 'n8n-workflow';

import { signRecord } from '../../../nodes/HuaweiLive/HuaweiLiveTriggerHelpers';
import { fieldsHmac, keyTimeDigest } from '../../../nodes/core/signatures';
import {
	ALL_KEYS,
	expectAccepted,
	expectRejected,
	KEY,
	NOW,
	OTHER_KEY,
	post,
	signed,
	useFixedClock,
} from './shared';
import { mutate, prng } from '../../harness/fuzz';

useFixedClock();

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

describe('fuzzing', () => {
	it.each(['stream.started', 'recording.completed'])(
		'answers every mutated %s body with 200+item, 400 or 401, and accepts a change only outside the signed fields',
		async (name) => {
			const random = prng(20261122);
			const original = signed(name);
			const text = JSON.stringify(original);
			const signedFields =
				name === 'stream.started'
					? ['event', 'domain', 'app', 'stream', 'auth_timestamp', 'auth_sign']
					: ['auth_timestamp', 'event_type', 'publish_domain', 'app', 'stream', 'download_url', 'play_url', 'auth_sign'];
			const counts = { accepted: 0, 400: 0, 401: 0 };
			for (let i = 0; i < 300; i++) {
				const out = await post(mutate(text, random, 3));
				expect([200, 400, 401]).toContain(out.response.status);
				if (out.response.status === 200) {
					counts.accepted++;
					const raw = out.items[0].raw as IDataObject;
					// Whatever was accepted as signed kept every signed field's value (as text).
					if (out.items[0].authenticated === 'signature') {
						for (const field of signedFields) expect(String(raw[field] ?? '')).toBe(String(original[field] ?? ''));
					}
				} else {
					counts[out.response.status as 400 | 401]++;
					expect(out.items).toHaveLength(0);
				}
			}
			expect(counts[400]).toBeGreaterThan(0);
			expect(counts[401]).toBeGreaterThan(0);
		},
	);
});
