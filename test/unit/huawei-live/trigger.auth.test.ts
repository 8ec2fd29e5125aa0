/** Signatures, time window, malformed input and options: each answer as documented, and never an item on a refusal. */
import type { IDataObject, INode, INodeParameters } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { fieldsHmac } from '../../../nodes/core/signatures';
import {
	ALL_KEYS,
	expectAccepted,
	node,
	expectRejected,
	KEY,
	NOW,
	OTHER_KEY,
	payload,
	post,
	resign,
	signed,
	useFixedClock,
} from './shared';
import { mutate, prng } from '../../harness/fuzz';

useFixedClock();

const logText = (outcome: { logs: Array<{ message: string }> }) => outcome.logs.map((l) => l.message).join('\n');

describe('rejections: 401/400, no item, no execution', () => {
	it('wrong key', async () => {
		const outcome = await post(signed('stream.started', { streamNotifyKey: OTHER_KEY }));
		expectRejected(outcome, 401, 'signature mismatch');
		expect(outcome.logs.some((l) => l.level === 'warn' && l.message.includes('stream notification config'))).toBe(true);
		expectRejected(await post(signed('recording.completed', { recordCallbackKey: OTHER_KEY })), 401, 'signature mismatch');
		expectRejected(await post(signed('snapshot.created', { snapshotKey: OTHER_KEY })), 401, 'signature mismatch');
	});

	it.each([
		['stream.started', 'stream', 'other_stream'],
		['stream.started', 'event', 'PUBLISH_DONE'],
		['stream.stopped', 'auth_timestamp', NOW - 1],
		['recording.completed', 'download_url', 'https://evil.example.com/x.m3u8'],
		['recording.completed', 'play_url', 'https://evil.example.com/x.m3u8'],
		['recording.failed', 'event_type', 'RECORD_OVER'],
		['snapshot.created', 'snapshot_url', 'https://evil.example.com/x.jpg'],
		['snapshot.created', 'height', 721],
		['snapshot.created', 'obs_addr', { bucket: 'mybucket', location: 'cn-north-4', object: 'other.jpg' }],
	])('tampered field: %s.%s', async (name, field, value) => {
		expectRejected(await post({ ...signed(name), [field]: value }), 401, 'signature mismatch');
	});

	it('missing signature while the family has a key', async () => {
		for (const name of ['stream.started', 'recording.completed', 'snapshot.created']) {
			const body = signed(name);
			delete body.auth_sign;
			expectRejected(await post(body), 401, 'missing signature');
		}
	});

	it('missing or malformed timestamp (canonical decimal only)', async () => {
		const body = signed('stream.started');
		delete body.auth_timestamp;
		expectRejected(await post(body), 401, 'missing or invalid timestamp');
		for (const auth_timestamp of ['soon', NOW + 0.5, `0${NOW}`, ` ${NOW}`, -NOW, [NOW]]) {
			expectRejected(await post({ ...signed('stream.started'), auth_timestamp }), 401, 'missing or invalid timestamp');
		}
		// The same time as a string of digits is the same signed text.
		expectAccepted(await post({ ...signed('stream.started'), auth_timestamp: String(NOW) }));
	});

	it('stale or future timestamp (correctly signed), and configured tolerances', async () => {
		const stale = await post(signed('recording.completed', ALL_KEYS, NOW - 601));
		expectRejected(stale, 401, 'signature expired');
		expect(logText(stale)).toContain('tolerances');
		expectAccepted(await post(signed('recording.completed', ALL_KEYS, NOW - 600)));
		expectRejected(await post(signed('stream.stopped', ALL_KEYS, NOW + 601)), 401, 'signature not yet valid');
		expectAccepted(await post(signed('stream.stopped', ALL_KEYS, NOW + 600)));
		expectRejected(await post(signed('snapshot.created', ALL_KEYS, NOW - 3600)), 401, 'signature expired');
		const parameters = { options: { maxAgeSeconds: 3600, maxAheadSeconds: 0 } };
		expectAccepted(await post(signed('stream.started', ALL_KEYS, NOW - 1800), { parameters }));
		expectRejected(await post(signed('stream.started', ALL_KEYS, NOW + 1), { parameters }), 401, 'signature not yet valid');
	});

	it('bad JSON, not an object', async () => {
		expectRejected(await post('{"event":"PUBLISH",'), 400, 'body is not valid JSON');
		// Huawei's own malformed sample from the best-practice page (docs/protocols/huawei-live.md).
		expectRejected(
			await post('{"domain":"push.example.com","publish_timestamp":"1587954134,","event":"PUBLISH" "auth_timestamp":1}'),
			400,
			'body is not valid JSON',
		);
		expectRejected(await post(JSON.stringify([signed('stream.started')])), 400, 'body is not a JSON object');
		expectRejected(await post('"PUBLISH"'), 400, 'body is not a JSON object');
		expectRejected(await post(''), 400, 'body is empty');
	});

	it('accepts upper-case hex signatures', async () => {
		const body = signed('recording.completed');
		expectAccepted(await post({ ...body, auth_sign: (body.auth_sign as string).toUpperCase() }));
	});
});

describe('snapshot signature: the documented formula, no report-only mode', () => {
	const forged = () => ({ ...signed('snapshot.created'), auth_sign: 'a'.repeat(64) });

	it('with a Snapshot Key: signed → "signature"; forged, unsigned or stale → 401', async () => {
		expect(expectAccepted(await post(signed('snapshot.created'))).authenticated).toBe('signature');
		expectRejected(await post(forged()), 401, 'signature mismatch');
		expectRejected(await post(signed('snapshot.created', null)), 401, 'missing signature');
		expectRejected(await post(signed('snapshot.created', ALL_KEYS, NOW - 3600)), 401, 'signature expired');
	});

	it('without a Snapshot Key: accepted as "none", signed or not', async () => {
		const noSnapshotKey = { ...ALL_KEYS, snapshotKey: '' };
		expect(expectAccepted(await post(forged(), { credentials: noSnapshotKey })).authenticated).toBe('none');
		expect(expectAccepted(await post(signed('snapshot.created', null), { credentials: noSnapshotKey })).authenticated).toBe('none');
	});

	it.each(['off', 'report', 'require', 'bogus'])('n8n loads a workflow saved with "Snapshot Signature Check" = %s without issues', (mode) => {
		const saved = { events: ['*'], snapshotSignature: mode } as INodeParameters;
		const description = node.description;
		const loaded = NodeHelpers.getNodeParameters(description.properties, saved, true, false, { typeVersion: 1 }, description);
		expect(loaded).not.toBeNull();
		expect(loaded).not.toHaveProperty('snapshotSignature');
		const saveable = { id: '1', name: 'Huawei', type: 'x', typeVersion: 1, position: [0, 0], parameters: saved } as INode;
		expect(NodeHelpers.getNodeParametersIssues(description.properties, saveable, description)).toBeNull();
	});

	it.each(['off', 'report', 'require', 'bogus'])(
		'a workflow saved with the old "Snapshot Signature Check" = %s still runs, and a forged snapshot is 401',
		async (mode) => {
			const parameters = { snapshotSignature: mode };
			expectRejected(await post(forged(), { parameters }), 401, 'signature mismatch');
			expectRejected(await post(signed('snapshot.created', null), { parameters }), 401, 'missing signature');
			expect(expectAccepted(await post(signed('snapshot.created'), { parameters })).authenticated).toBe('signature');
		},
	);
});

describe('the family is decided by signed members only', () => {
	it('obs_addr added to a PUBLISH keeps it a stream notification checked with the stream key', async () => {
		const obs_addr = { bucket: 'b', location: 'cn-north-4', object: 'x.jpg' };
		const unsigned = { ...signed('stream.started', null), obs_addr };
		expectRejected(await post(unsigned), 401, 'missing signature');
		// Signed with the snapshot key under the snapshot formula: still checked as a stream notification.
		const snapshotMessage = ['push.example.com', 'live', '', '', '', '', 'b', 'cn-north-4', 'x.jpg', String(NOW)];
		const withSnapshotSign = { ...unsigned, auth_timestamp: NOW, auth_sign: fieldsHmac(KEY, snapshotMessage) };
		expectRejected(await post(withSnapshotSign), 401, 'signature mismatch');
		// With no stream key it is an unauthenticated stream notification, never a snapshot "signature".
		const none = expectAccepted(await post(withSnapshotSign, { credentials: { snapshotKey: KEY } }));
		expect(none).toMatchObject({ event: 'stream.started', authenticated: 'none' });
		const item = expectAccepted(await post({ ...signed('stream.started'), obs_addr }));
		expect(item).toMatchObject({ event: 'stream.started', authenticated: 'signature' });
	});

	it('stream_name / snapshot_url added to a recording callback keep it a recording callback', async () => {
		const body = { ...signed('recording.completed'), stream_name: 'other', snapshot_url: 'https://x.example.com/a.jpg' };
		const item = expectAccepted(await post(body));
		expect(item).toMatchObject({ event: 'recording.completed', stream: { name: 'mystream' } });
		expectRejected(await post({ ...body, auth_sign: 'b'.repeat(64) }), 401, 'signature mismatch');
	});

	it('a body with both "event" and "event_type" is refused (400) whatever the keys', async () => {
		const body = { ...signed('recording.completed'), event: 'PUBLISH' };
		expectRejected(await post(body), 400, 'ambiguous callback family');
		expectRejected(await post(body, { credentials: null }), 400, 'ambiguous callback family');
	});

	it('a body of no known family: 401 when any key is set, "unknown" without keys', async () => {
		const outcome = await post({ hello: 'world', domain: 'push.example.com', width: 1 });
		expectRejected(outcome, 401, 'unrecognized callback');
		const item = expectAccepted(await post({ hello: 'world', app_name: 'live' }, { credentials: null }));
		expect(item).toMatchObject({ event: 'unknown', authenticated: 'none', stream: { app: 'live' }, data: { hello: 'world' } });
	});

	it('a snapshot body with an "event" is a stream notification: the stream key decides', async () => {
		const body = { ...signed('snapshot.created'), event: 'PUBLISH' };
		expectRejected(await post(body), 401, 'invalid signed member');
		// Without a stream key it is an unauthenticated stream notification, never a snapshot "signature".
		const item = expectAccepted(await post(body, { credentials: { snapshotKey: KEY } }));
		expect(item).toMatchObject({ event: 'stream.started', authenticated: 'none' });
	});
});

describe('signed members versus emitted members', () => {
	it('stream.domain of a recording item is the signed publish_domain, never an unsigned domain', async () => {
		const body = { domain: 'evil.example.com', ...signed('recording.completed') };
		const item = expectAccepted(await post(body));
		expect(item).toMatchObject({ authenticated: 'signature', stream: { domain: 'push.example.com', app: 'live', name: 'mystream' } });
		expect((item.data as IDataObject).domain).toBe('evil.example.com');
	});

	it('no fallback to app_name / stream_name when a signed member is null', async () => {
		const nullApp = { ...signed('recording.completed'), app: null, app_name: 'live' };
		expectRejected(await post(nullApp), 401, 'invalid signed member');
		const nullStream = { ...signed('stream.started'), stream: null, stream_name: 'example_stream' };
		expectRejected(await post(nullStream), 401, 'invalid signed member');
		// Unsigned (no key), the item still reads only the family's own members.
		const item = expectAccepted(await post({ ...signed('stream.started', null), stream: null, stream_name: 'x' }, { credentials: null }));
		expect(item.stream).toEqual({ domain: 'push.example.com', app: 'live', name: null });
	});

	it.each([
		['recording.completed', 'download_url', ['https://a.example.com/x.m3u8']],
		['recording.completed', 'play_url', { url: 'https://a.example.com' }],
		['recording.completed', 'play_url', null],
		['stream.started', 'domain', true],
		['stream.started', 'event', 7],
		['snapshot.created', 'width', null],
		['snapshot.created', 'obs_addr', 'mybucket/cn-north-4/x.jpg'],
		['snapshot.created', 'obs_addr', { bucket: ['mybucket'], location: 'cn-north-4', object: 'x.jpg' }],
	])('a signed member that is not a string or number is refused: %s.%s = %j', async (name, member, value) => {
		// Signed as the simulator would sign '' for it: a value that reads as empty must not pass either.
		const body = signed(name);
		expectRejected(await post({ ...body, [member]: value }), 401, 'invalid signed member');
	});

	it('snapshot items carry the signed stream_name and obs_addr members', async () => {
		const body = { ...signed('snapshot.created'), stream: 'unsigned', obs_location: 'x' };
		const item = expectAccepted(await post(body));
		expect(item).toMatchObject({
			event: 'snapshot.created',
			authenticated: 'signature',
			stream: { domain: 'push.example.com', app: 'live', name: 'example_stream' },
			data: {
				snapshotUrl: payload('snapshot.created').snapshot_url,
				width: 1280,
				height: 720,
				obs: { bucket: 'mybucket', location: 'cn-north-4', object: (payload('snapshot.created').obs_addr as IDataObject).object },
				stream: 'unsigned',
			},
		});
	});
});

describe('separator-less concatenation: characters moved between signed members', () => {
	it('a captured PUBLISH_DONE re-sent as PUBLISH with domain "_DONE…" is refused', async () => {
		const done = signed('stream.stopped');
		const moved = { ...done, event: 'PUBLISH', domain: `_DONE${done.domain as string}` };
		expectRejected(await post(moved), 401, 'ambiguous signed fields');
		// …and as an event name nobody documents.
		expectRejected(await post({ ...done, event: 'PUBLISH_D', domain: `ONE${done.domain as string}` }), 401, 'unknown event');
		expectRejected(await post({ ...done, event: 'PUBLISH_DONEp', domain: 'ush.example.com' }), 401, 'unknown event');
	});

	it('recording event_type and publish_domain cannot trade characters', async () => {
		const body = signed('recording.ended');
		expectRejected(await post({ ...body, event_type: 'RECORD_OVERp', publish_domain: 'ush.example.com' }), 401, 'unknown event');
		expectRejected(await post({ ...body, event_type: 'RECORD_OVE', publish_domain: 'Rpush.example.com' }), 401, 'unknown event');
	});

	it('download_url and play_url cannot trade characters, nor a URL move into the other member', async () => {
		const body = signed('recording.completed#play_url');
		const dl = body.download_url as string;
		const pu = body.play_url as string;
		expectRejected(await post({ ...body, download_url: dl + pu, play_url: '' }), 401, 'ambiguous signed fields');
		expectRejected(await post({ ...body, download_url: '', play_url: dl + pu }), 401, 'ambiguous signed fields');
		const single = signed('recording.completed');
		expectRejected(await post({ ...single, download_url: '', play_url: single.download_url }), 401, 'ambiguous signed fields');
		expectRejected(await post({ ...single, download_url: undefined, play_url: single.download_url }), 401, 'ambiguous signed fields');
		// The stream name cannot absorb the start of a URL (no ':' in stream names).
		expectRejected(
			await post({ ...single, stream: 'mystreamhttps:', download_url: (single.download_url as string).slice(6) }),
			401,
			'ambiguous signed fields',
		);
	});

	it('stream name and auth_timestamp cannot trade digits (the window refuses every such time)', async () => {
		const body = signed('stream.started', ALL_KEYS, NOW);
		const text = String(NOW);
		expectRejected(await post({ ...body, stream: `example_stream${text[0]}`, auth_timestamp: Number(text.slice(1)) }), 401, 'signature expired');
		const digits = { ...resign({ ...payload('stream.started'), stream: 'cam1' }), stream: 'cam' };
		expectRejected(await post({ ...digits, auth_timestamp: Number(`1${text}`) }), 401, 'signature not yet valid');
		expectRejected(await post({ ...digits, auth_timestamp: `1${text}` }), 401, 'signature not yet valid');
	});

	it('domains are lower-case host names: a stream signature cannot pass as a snapshot one under a shared key', async () => {
		// One key for both families; a PUBLISH's message re-read as a snapshot with domain "PUBLISH…".
		const sharedKey = { streamNotifyKey: KEY, snapshotKey: KEY };
		const publish = signed('stream.started', sharedKey);
		const asSnapshot = {
			domain: `PUBLISH${publish.domain as string}`,
			app: 'live',
			stream_name: 'example_stream',
			auth_timestamp: publish.auth_timestamp,
			auth_sign: publish.auth_sign,
		};
		expectRejected(await post(asSnapshot, { credentials: sharedKey }), 401, 'ambiguous signed fields');
	});

	it('a recording signature cannot pass as a snapshot one under a shared key (domains need a dot and a letter)', async () => {
		const sharedKey = { recordCallbackKey: KEY, snapshotKey: KEY };
		// Message: NOW + RECORD_OVER + push.example.com + live + cam-east-1<NOW>, re-read as a snapshot's
		// domain + app + stream_name + obs_addr.bucket + obs_addr.location + auth_timestamp.
		const record = resign({ ...payload('recording.ended'), stream: `cam-east-1${NOW}` }, sharedKey);
		expect(expectAccepted(await post(record, { credentials: sharedKey })).authenticated).toBe('signature');
		const asSnapshot = {
			domain: String(NOW),
			app: 'RECORD_OVERpu',
			stream_name: 's',
			obs_addr: { bucket: 'h.example.comlivec', location: 'am-east-1' },
			auth_timestamp: NOW,
			auth_sign: record.auth_sign,
		};
		expectRejected(await post(asSnapshot, { credentials: sharedKey }), 401, 'ambiguous signed fields');
	});

	it('without accepted-name lists, domain|app|stream is a documented open boundary', async () => {
		// docs/protocols/huawei-live.md, "Where the concatenation is ambiguous": this re-split is accepted.
		const body = signed('stream.started');
		const item = expectAccepted(await post({ ...body, domain: 'push.example.co', app: 'mlive' }));
		expect(item.stream).toEqual({ domain: 'push.example.co', app: 'mlive', name: 'example_stream' });
	});

	it('with Accepted Ingest Domains / App Names, the split is pinned', async () => {
		const parameters = { options: { acceptedDomains: 'push.example.com, push2.example.com', acceptedApps: 'live,live2' } };
		const body = signed('stream.started');
		expectAccepted(await post(body, { parameters }));
		expectRejected(await post({ ...body, domain: 'push.example.co', app: 'mlive' }, { parameters }), 401, 'unexpected ingest domain');
		expectRejected(await post({ ...body, app: 'liv', stream: 'eexample_stream' }, { parameters }), 401, 'unexpected app');
		// app "live" + stream "2x" and app "live2" + stream "x" sign the same text: refused both ways.
		const two = resign({ ...payload('stream.started'), stream: '2x' });
		expectRejected(await post(two, { parameters }), 401, 'ambiguous signed fields');
		expectRejected(await post({ ...two, app: 'live2', stream: 'x' }, { parameters }), 401, 'ambiguous signed fields');
		expectAccepted(await post(resign({ ...payload('stream.started'), app: 'live2', stream: 'x' }), { parameters: { options: { acceptedApps: 'live2' } } }));
		// Lists also filter unsigned families.
		expectRejected(
			await post({ ...signed('snapshot.created', null), domain: 'other.example.com' }, { parameters, credentials: null }),
			401,
			'unexpected ingest domain',
		);
	});
});

describe('prototype-named values', () => {
	it.each(['constructor', '__proto__', 'toString'])('event code %s: "unknown" when unsigned, refused when the family is signed', async (code) => {
		const body = { ...signed('stream.started', null), event: code, [code]: 'kept' };
		const item = expectAccepted(await post(body, { credentials: null }));
		expect(item.event).toBe('unknown');
		expect(item.providerEvent).toBe(code);
		const data = item.data as IDataObject;
		const camel = code === '__proto__' ? 'proto' : code;
		expect(Object.prototype.hasOwnProperty.call(data, camel)).toBe(true);
		expect(data[camel]).toBe('kept');
		expect(Object.getPrototypeOf(data)).toBe(Object.prototype);
		// Validly signed under the stream key: a name Huawei does not document is refused (see the docs).
		const message = [code, 'push.example.com', 'live', 'example_stream', String(NOW)];
		const signedBody = { ...body, auth_timestamp: NOW, auth_sign: fieldsHmac(KEY, message) };
		expectRejected(await post(signedBody), 401, 'unknown event');
	});

	it.each(['constructor', '__proto__', 'toString'])('recording MD5 (binds no member): event_type %s is "unknown", signed', async (code) => {
		const md5 = { ...ALL_KEYS, recordSignType: 'MD5' };
		const body = resign({ ...payload('recording.ended'), event_type: code, obs_addr: { [code]: 1 } }, md5);
		const item = expectAccepted(await post(JSON.stringify(body).replace('"obs_addr":{"', `"${code}":"x","obs_addr":{"`), { credentials: md5 }));
		expect(item).toMatchObject({ event: 'unknown', providerEvent: code, authenticated: 'signature' });
		expect(typeof item.event).toBe('string');
		const camel = code === '__proto__' ? 'proto' : code;
		expect(Object.prototype.hasOwnProperty.call(item.data, camel)).toBe(true);
		expect(Object.prototype.hasOwnProperty.call((item.data as IDataObject).obsAddr, camel)).toBe(true);
	});
});

describe('options and credential fields fail closed', () => {
	it.each([
		[{ options: { acceptedDomains: 'Push.Example.com' } }, null],
		[{ options: { acceptedDomains: 'push.example.com/live' } }, null],
		[{ options: { acceptedDomains: 42 } }, null],
		[{ options: { acceptedApps: 'live app!' } }, null],
		[{ options: { acceptedApps: Array.from({ length: 101 }, (_, i) => `a${i}`).join(',') } }, null],
		[{ options: { maxAgeSeconds: 'abc' } }, null],
		[{ options: { maxAheadSeconds: 604801 } }, null],
		[{}, { ...ALL_KEYS, recordSignType: 'SHA1' }],
	])('%j / credential %j → 500 configuration_error, logged, no item', async (parameters, credentials) => {
		const outcome = await post(signed('stream.started'), { parameters, credentials: credentials ?? ALL_KEYS });
		expect(outcome.response.status).toBe(500);
		expect(outcome.items).toHaveLength(0);
		expect(outcome.logs.some((l) => l.level === 'error' && /option|recordSignType/.test(l.message))).toBe(true);
	});

	it('empty lists mean any name; names may be separated by commas or spaces', async () => {
		expectAccepted(await post(signed('stream.started'), { parameters: { options: { acceptedDomains: ' , ', acceptedApps: '' } } }));
		expectAccepted(await post(signed('stream.started'), { parameters: { options: { acceptedDomains: 'a.example.com push.example.com' } } }));
	});
});

describe('recording signature diagnostics', () => {
	it('tells an MD5-configured credential that the callback is HMAC signed, and the reverse', async () => {
		const hmacSigned = await post(signed('recording.completed'), { credentials: { ...ALL_KEYS, recordSignType: 'MD5' } });
		expectRejected(hmacSigned, 401, 'signature mismatch');
		expect(logText(hmacSigned)).toContain('matches sign type HMACSHA256');
		const md5Signed = await post(signed('recording.completed', { ...ALL_KEYS, recordSignType: 'MD5' }));
		expectRejected(md5Signed, 401, 'signature mismatch');
		expect(logText(md5Signed)).toContain('matches sign type MD5');
	});

	it('gives the plain hint when nothing matches', async () => {
		const outcome = await post(signed('recording.completed', { recordCallbackKey: OTHER_KEY }));
		expect(logText(outcome)).toContain('recording callback config');
	});
});

describe('fuzzing', () => {
	it.each(['stream.started', 'recording.completed#play_url', 'snapshot.created'])(
		'answers every mutated %s body with 200+item, 400 or 401, and accepts a change only outside the signed text',
		async (name) => {
			const random = prng(20261122);
			const original = signed(name);
			const text = JSON.stringify(original);
			const reference = expectAccepted(await post(original));
			const counts = { accepted: 0, 400: 0, 401: 0 };
			for (let i = 0; i < 300; i++) {
				const out = await post(mutate(text, random, 3));
				expect([200, 400, 401]).toContain(out.response.status);
				if (out.response.status === 200) {
					counts.accepted++;
					expect(out.items[0].authenticated).toBe('signature');
					expect(out.items[0].stream).toEqual(reference.stream);
					expect(out.items[0].event).toBe(reference.event);
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
