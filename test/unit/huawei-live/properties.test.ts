/**
 * Property-based tests of the Huawei verification (fast-check): for any signed callback of any
 * family, a change to a signed member, the signature, the key, or a time outside the window is
 * refused; a change to an unsigned member never changes what an `authenticated: "signature"` item
 * reports in signed places; characters moved across a boundary that the node claims closed
 * (docs/protocols/huawei-live.md, "Where the concatenation is ambiguous") are refused.
 *
 * Most cases run on the provider's configure → verify → parse over bodies parsed from their bytes;
 * a smaller number go through the trigger's real webhook() in n8n-core's WebhookContext. Counters
 * check that every property was really exercised.
 */
import fc from 'fast-check';
import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import { parseJsonObjectBody } from '../../../nodes/core/json';
import type { ParsedEvent } from '../../../nodes/core/item';
import type { Verification } from '../../../nodes/core/provider';
import { huaweiLiveProvider } from '../../../nodes/HuaweiLive/provider';
import type { HuaweiLiveSecrets } from '../../../nodes/HuaweiLive/simulator';
import { buildCallbackRequest } from '../../../nodes/HuaweiLive/simulator';
import type { HuaweiLiveSettings } from '../../../nodes/HuaweiLive/verify';
import { KEY, NOW, OTHER_KEY, post, useFixedClock } from './shared';

useFixedClock();

type Mode = 'stream' | 'record' | 'md5' | 'snapshot';
const HMAC_KEYS: HuaweiLiveSecrets = { streamNotifyKey: KEY, recordCallbackKey: KEY, snapshotKey: KEY, recordSignType: 'HMACSHA256' };
const MD5_KEYS: HuaweiLiveSecrets = { ...HMAC_KEYS, recordSignType: 'MD5' };
const secretsOf = (mode: Mode) => (mode === 'md5' ? MD5_KEYS : HMAC_KEYS);

function settingsFor(secrets: HuaweiLiveSecrets, options: IDataObject = {}): HuaweiLiveSettings {
	const configured = huaweiLiveProvider.configure({
		parameter: (name, fallback) => (name === 'options' ? options : fallback),
		credentials: secrets as ICredentialDataDecryptedObject,
		staticData: () => ({}),
	});
	if (!configured.ok) throw new Error(configured.reason);
	return configured.settings;
}

const SETTINGS: Record<'hmac' | 'md5', HuaweiLiveSettings> = { hmac: settingsFor(HMAC_KEYS), md5: settingsFor(MD5_KEYS) };
const settingsOf = (mode: Mode) => (mode === 'md5' ? SETTINGS.md5 : SETTINGS.hmac);

interface Outcome {
	verdict: Verification;
	parsed: ParsedEvent | null;
}

/** The provider's own path: exact JSON parse of the bytes, verify, then parse when accepted. */
function run(body: IDataObject, settings: HuaweiLiveSettings, nowSec = NOW): Outcome {
	const parse = parseJsonObjectBody(JSON.stringify(body));
	if (!parse.ok) throw new Error(parse.reason);
	const request = { body: parse.body, query: {}, headers: {}, nowMs: nowSec * 1000 };
	const verdict = huaweiLiveProvider.verify(request, settings);
	return { verdict, parsed: verdict.ok ? huaweiLiveProvider.parse(request, settings) : null };
}

const sign = (body: IDataObject, secrets: HuaweiLiveSecrets, sec: number) =>
	JSON.parse(buildCallbackRequest(body, secrets, sec).body) as IDataObject;

// --- generators -----------------------------------------------------------------------------

/** A string over `alphabet` (cheaper to generate than from a regular expression). */
const chars = (alphabet: string, minLength: number, maxLength: number) =>
	fc.string({ unit: fc.constantFrom(...alphabet.split('')), minLength, maxLength });
const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const ALNUM = `${LOWER}0123456789`;
const MIXED = `${ALNUM}ABCDEFGHIJKLMNOPQRSTUVWXYZ`;

const label = fc
	.tuple(chars(ALNUM, 1, 1), chars(`${ALNUM}-`, 0, 6), chars(ALNUM, 1, 1))
	.map(([a, mid, z]) => (mid === '' && a === z ? a : a + mid + z));
const topLabel = fc.tuple(chars(LOWER, 1, 1), chars(ALNUM, 0, 4)).map((p) => p.join(''));
const domain = fc
	.tuple(label, fc.array(label, { maxLength: 2 }), topLabel)
	.map(([a, rest, top]) => [a, ...rest, top].join('.'));
const app = chars(`${MIXED}_-`, 1, 10);
const streamName = chars(`${MIXED}_*/-`, 1, 16);
const url = fc
	.tuple(fc.constantFrom('http://', 'https://'), domain, chars(`${MIXED}/._-`, 0, 24))
	.map(([scheme, host, path]) => `${scheme}${host}/${path}`);
const bucket = fc.tuple(chars(ALNUM, 1, 1), chars(`${ALNUM}-`, 1, 10), chars(ALNUM, 1, 1)).map((p) => p.join(''));
const region = fc.constantFrom('cn-north-4', 'ap-southeast-1', 'cn-east-3', 'eu-west-101', 'ae-ad-1');
const objectKey = fc.tuple(chars(LOWER, 1, 1), chars(`${MIXED}/._-`, 0, 24)).map((p) => p.join(''));
const dimension = fc.integer({ min: 1, max: 8192 });

const streamBody = fc.record({
	domain,
	app,
	stream: streamName,
	user_args: fc.string({ maxLength: 12 }),
	client_ip: fc.ipV4(),
	node_ip: fc.ipV4(),
	publish_timestamp: fc.integer({ min: 1500000000, max: 1800000000 }).map(String),
	event: fc.constantFrom('PUBLISH', 'PUBLISH_DONE'),
});

const recordBody = fc
	.record(
		{
			project_id: chars('0123456789abcdef', 8, 8),
			task_id: chars('0123456789abcdef', 8, 8),
			job_id: fc.uuid(),
			event_type: fc.constantFrom('RECORD_START', 'RECORD_NEW_FILE_START', 'RECORD_FILE_COMPLETE', 'RECORD_OVER', 'RECORD_FAILED'),
			publish_domain: domain,
			app,
			stream: streamName,
			record_format: fc.constantFrom('HLS', 'FLV', 'MP4'),
			download_url: url,
			play_url: url,
			file_size: fc.nat(),
			error_message: fc.string({ maxLength: 12 }),
		},
		{ requiredKeys: ['project_id', 'task_id', 'event_type', 'publish_domain', 'app', 'stream', 'record_format'] },
	)
	// Huawei sends play_url only beside download_url (docs: an alone play_url is refused as ambiguous).
	.map((b) => {
		const body = { ...b } as IDataObject;
		if (body.download_url === undefined) delete body.play_url;
		return body;
	});

const snapshotBody = fc.record(
	{
		domain,
		app,
		stream_name: streamName,
		snapshot_url: url,
		width: dimension,
		height: dimension,
		obs_addr: fc.record({ bucket, location: region, object: objectKey }),
	},
	{ requiredKeys: ['domain', 'app', 'stream_name'] },
) as fc.Arbitrary<IDataObject>;

const mode = fc.constantFrom<Mode>('stream', 'record', 'md5', 'snapshot');
const bodyOf = (m: Mode): fc.Arbitrary<IDataObject> =>
	m === 'stream' ? (streamBody as fc.Arbitrary<IDataObject>) : m === 'snapshot' ? snapshotBody : recordBody;

/** A signed callback of any family, sent at a time inside the default window. */
const signedCase = mode.chain((m) =>
	fc.tuple(fc.constant(m), bodyOf(m), fc.integer({ min: -600, max: 600 })).map(([mm, body, skew]) => ({
		mode: mm,
		body: sign(body, secretsOf(mm), NOW + skew),
	})),
);

/** The members each scheme signs (leaves), besides auth_timestamp / auth_sign. */
const SIGNED: Record<Mode, ReadonlyArray<string | readonly [string, string]>> = {
	stream: ['event', 'domain', 'app', 'stream'],
	record: ['event_type', 'publish_domain', 'app', 'stream', 'download_url', 'play_url'],
	md5: [],
	snapshot: ['domain', 'app', 'stream_name', 'snapshot_url', 'width', 'height', ['obs_addr', 'bucket'], ['obs_addr', 'location'], ['obs_addr', 'object']],
};

function get(body: IDataObject, member: string | readonly [string, string]): unknown {
	if (typeof member === 'string') return body[member];
	const outer = body[member[0]];
	return outer && typeof outer === 'object' ? (outer as IDataObject)[member[1]] : undefined;
}

function set(body: IDataObject, member: string | readonly [string, string], value: unknown): IDataObject {
	const copy = JSON.parse(JSON.stringify(body)) as IDataObject;
	if (typeof member === 'string') {
		if (value === undefined) delete copy[member];
		else copy[member] = value as IDataObject[string];
		return copy;
	}
	const outer = { ...((copy[member[0]] as IDataObject | undefined) ?? {}) };
	if (value === undefined) delete outer[member[1]];
	else outer[member[1]] = value as IDataObject[string];
	copy[member[0]] = outer;
	return copy;
}

/** The text a member contributes to the signed message (absent = ''), or a marker for non-text. */
const textOf = (value: unknown) =>
	value === undefined ? '' : typeof value === 'string' || typeof value === 'number' ? String(value) : `<${JSON.stringify(value)}>`;

/** What a signature item reports in signed places: the members its family's HMAC covers. */
function signedView(parsed: ParsedEvent): IDataObject {
	const data = parsed.data;
	const view: IDataObject = { event: parsed.event, providerEvent: parsed.providerEvent, stream: parsed.stream };
	if (parsed.event.startsWith('recording.')) return { ...view, downloadUrl: data.downloadUrl, playUrl: data.playUrl };
	if (parsed.event !== 'snapshot.created') return view;
	const obs = (data.obs as IDataObject | undefined) ?? {};
	return {
		...view,
		snapshotUrl: data.snapshotUrl,
		width: data.width,
		height: data.height,
		bucket: obs.bucket,
		location: obs.location,
		object: obs.object,
	};
}

const anyValue = fc.oneof(
	fc.string({ maxLength: 10 }),
	fc.integer(),
	fc.constant(null),
	fc.boolean(),
	fc.array(fc.string({ maxLength: 3 }), { maxLength: 2 }),
	fc.dictionary(fc.string({ maxLength: 4 }), fc.string({ maxLength: 4 }), { maxKeys: 2 }),
);
const validText = fc.oneof(domain, app, streamName, url, dimension.map(String), bucket, region, objectKey);
const replacement = fc.oneof(
	{ weight: 4, arbitrary: validText },
	{ weight: 2, arbitrary: anyValue },
	{ weight: 1, arbitrary: fc.constant(undefined) },
);

/** Names to add or change that are not signed by the body's family (some are signed elsewhere). */
const UNSIGNED_POOL = [
	'obs_addr', 'stream_name', 'snapshot_url', 'domain', 'publish_domain', 'app_name', 'stream', 'width', 'height',
	'download_url', 'play_url', 'event_type', 'event', 'user_args', 'task_id', 'job_id', 'publish_timestamp',
	'constructor', '__proto__', 'toString', 'error_message', 'obs_location', 'file_size', 'x_extra',
];

const counters: Record<string, number> = {};
const count = (name: string) => {
	counters[name] = (counters[name] ?? 0) + 1;
};

describe('properties of the verification (provider configure → verify → parse)', () => {
	it('every generated signed callback is accepted as "signature" (baseline, 1,000 cases)', () => {
		fc.assert(
			fc.property(signedCase, ({ mode: m, body }) => {
				const { verdict, parsed } = run(body, settingsOf(m));
				expect(verdict).toEqual({ ok: true, authenticated: 'signature' });
				expect(parsed?.event).not.toBe('unknown');
				count('baseline');
			}),
			{ numRuns: 1000, seed: 1001 },
		);
		expect(counters.baseline).toBe(1000);
	});

	it('a change to a signed member is refused (3,000 cases)', () => {
		fc.assert(
			fc.property(signedCase, fc.nat(), replacement, ({ mode: m, body }, pick, value) => {
				const members = [...SIGNED[m], 'auth_timestamp'];
				const member = members[pick % members.length];
				if (textOf(get(body, member)) === textOf(value)) return; // not a change of the signed text
				count(`signed:${m}`);
				const { verdict } = run(set(body, member, value), settingsOf(m));
				expect(verdict.ok).toBe(false);
			}),
			{ numRuns: 3000, seed: 1002 },
		);
		for (const m of ['stream', 'record', 'md5', 'snapshot']) expect(counters[`signed:${m}`]).toBeGreaterThan(300);
	});

	it('a changed signature, or a signature by another key, is refused (2,000 cases)', () => {
		const signature = fc.oneof(
			chars('0123456789abcdef', 32, 64),
			fc.string({ maxLength: 70 }),
			anyValue,
			fc.constant(undefined),
		);
		fc.assert(
			fc.property(signedCase, signature, chars('0123456789abcdef', 32, 40), ({ mode: m, body }, forged, otherKey) => {
				if (typeof forged === 'string' && forged.toLowerCase() === String(body.auth_sign)) return;
				count('signature');
				expect(run(set(body, 'auth_sign', forged), settingsOf(m)).verdict.ok).toBe(false);
				if (otherKey === KEY) return;
				count('key');
				const other = { ...secretsOf(m), streamNotifyKey: otherKey, recordCallbackKey: otherKey, snapshotKey: otherKey };
				const resigned = sign(body, other, Number(body.auth_timestamp));
				expect(run(resigned, settingsOf(m)).verdict.ok).toBe(false);
			}),
			{ numRuns: 1000, seed: 1003 },
		);
		expect(counters.signature).toBeGreaterThan(900);
		expect(counters.key).toBeGreaterThan(900);
	});

	it('a correctly signed time outside the window is refused (1,000 cases)', () => {
		const outside = fc.oneof(fc.integer({ min: 601, max: 100000000 }), fc.integer({ min: -100000000, max: -601 }));
		fc.assert(
			fc.property(mode, fc.nat(), outside, (m, seed, skew) => {
				const body = fc.sample(bodyOf(m), { numRuns: 1, seed })[0];
				const signedBody = sign(body, secretsOf(m), NOW + skew);
				const { verdict } = run(signedBody, settingsOf(m));
				expect(verdict.ok).toBe(false);
				expect(verdict.ok ? '' : verdict.reason).toMatch(/^signature (expired|not yet valid)$/);
				count('window');
			}),
			{ numRuns: 1000, seed: 1004 },
		);
		expect(counters.window).toBe(1000);
	});

	it('a change to unsigned members never changes what a "signature" item reports in signed places (3,000 cases)', () => {
		const edit = fc.record({
			name: fc.oneof(fc.constantFrom(...UNSIGNED_POOL), fc.string({ minLength: 1, maxLength: 8 })),
			value: fc.oneof(anyValue, validText, fc.constant(undefined)),
			inner: fc.boolean(),
		});
		fc.assert(
			fc.property(signedCase.filter((c) => c.mode !== 'md5'), fc.array(edit, { minLength: 1, maxLength: 4 }), ({ mode: m, body }, edits) => {
				const signedNames = new Set(['auth_timestamp', 'auth_sign', ...SIGNED[m].map((s) => (typeof s === 'string' ? s : s[0]))]);
				let changed = body;
				let edited = false;
				for (const { name, value, inner } of edits) {
					if (inner && m === 'snapshot' && changed.obs_addr !== undefined) {
						if (['bucket', 'location', 'object'].includes(name)) continue;
						changed = set(changed, ['obs_addr', name], value);
						edited = true;
					} else if (!signedNames.has(name)) {
						changed = set(changed, name, value);
						edited = true;
					}
				}
				if (!edited) return;
				const after = run(changed, settingsOf(m));
				count(`unsigned:${m}`);
				if (!after.verdict.ok) {
					count('unsigned:refused');
					return;
				}
				count('unsigned:accepted');
				const before = run(body, settingsOf(m));
				expect(after.verdict.authenticated).toBe('signature');
				expect(signedView(after.parsed!)).toEqual(signedView(before.parsed!));
			}),
			{ numRuns: 3000, seed: 1005 },
		);
		for (const m of ['stream', 'record', 'snapshot']) expect(counters[`unsigned:${m}`]).toBeGreaterThan(500);
		expect(counters['unsigned:accepted']).toBeGreaterThan(1000);
		expect(counters['unsigned:refused']).toBeGreaterThan(50);
	});

	it('characters moved across a boundary the node claims closed are refused (2,000 cases)', () => {
		// [family, members in message order; the timestamp's place; boundaries closed without lists].
		const LAYOUT: Record<'stream' | 'record' | 'snapshot', { parts: string[]; ts: 'first' | 'last'; closed: number[] }> = {
			// boundary i lies between text part i and i+1 (the timestamp counted as a part)
			stream: { parts: ['event', 'domain', 'app', 'stream', 'auth_timestamp'], ts: 'last', closed: [0, 3] },
			record: {
				parts: ['auth_timestamp', 'event_type', 'publish_domain', 'app', 'stream', 'download_url', 'play_url'],
				ts: 'first',
				closed: [0, 1, 4, 5],
			},
			snapshot: { parts: ['domain', 'app', 'stream_name', 'snapshot_url'], ts: 'last', closed: [2] },
		};
		fc.assert(
			fc.property(
				signedCase.filter((c) => c.mode !== 'md5'),
				fc.nat(),
				fc.integer({ min: 1, max: 4 }),
				fc.boolean(),
				fc.boolean(),
				({ mode: m, body }, pick, shift, leftward, withLists) => {
					const layout = LAYOUT[m as 'stream' | 'record' | 'snapshot'];
					const boundaries = withLists ? [...new Set([...layout.closed, ...(m === 'record' ? [2, 3] : m === 'stream' ? [1, 2] : [0, 1])])] : layout.closed;
					const at = boundaries[pick % boundaries.length];
					const texts = layout.parts.map((p) => textOf(body[p]));
					const [left, right] = [texts[at], texts[at + 1]];
					const moved = leftward ? [left + right.slice(0, shift), right.slice(shift)] : [left.slice(0, -shift), left.slice(-shift) + right];
					if (moved[0] === left || (!leftward && left.length < shift) || (leftward && right.length < shift)) return;
					let resplit = body;
					[layout.parts[at], layout.parts[at + 1]].forEach((member, i) => {
						resplit = set(resplit, member, moved[i]);
					});
					const settings = withLists
						? settingsFor(secretsOf(m), {
								acceptedDomains: String(body[m === 'record' ? 'publish_domain' : 'domain']),
								acceptedApps: String(body.app),
							})
						: settingsOf(m);
					const { verdict } = run(resplit, settings);
					count('resplit');
					expect(verdict.ok).toBe(false);
					// The message text is unchanged, so the refusal is the split check's or the window's.
					expect(verdict.ok ? '' : verdict.reason).not.toBe('signature mismatch');
				},
			),
			{ numRuns: 2000, seed: 1006 },
		);
		expect(counters.resplit).toBeGreaterThan(1000);
	});
});

describe('the same properties through the trigger\'s webhook() in n8n-core\'s WebhookContext', () => {
	const credentialsOf = (m: Mode) => secretsOf(m);

	it('signed-member and unsigned-member changes (300 cases)', async () => {
		await fc.assert(
			fc.asyncProperty(signedCase, fc.nat(), replacement, fc.constantFrom(...UNSIGNED_POOL), anyValue, async ({ mode: m, body }, pick, value, name, extra) => {
				const members = [...SIGNED[m], 'auth_timestamp'];
				const member = members[pick % members.length];
				if (textOf(get(body, member)) !== textOf(value)) {
					const out = await post(set(body, member, value), { credentials: credentialsOf(m) });
					expect([400, 401]).toContain(out.response.status);
					expect(out.items).toHaveLength(0);
					count('webhook:signed');
				}
				const signedNames = new Set(['auth_timestamp', 'auth_sign', ...SIGNED[m].map((s) => (typeof s === 'string' ? s : s[0]))]);
				if (m === 'md5' || signedNames.has(name)) return;
				const original = await post(body, { credentials: credentialsOf(m) });
				const changed = await post(set(body, name, extra), { credentials: credentialsOf(m) });
				count('webhook:unsigned');
				if (changed.response.status !== 200) return;
				const [a, b] = [original.items[0], changed.items[0]];
				expect(b.authenticated).toBe('signature');
				expect(signedView(b as unknown as ParsedEvent)).toEqual(signedView(a as unknown as ParsedEvent));
				count('webhook:unsigned:accepted');
			}),
			{ numRuns: 300, seed: 1007 },
		);
		expect(counters['webhook:signed']).toBeGreaterThan(200);
		expect(counters['webhook:unsigned']).toBeGreaterThan(100);
		expect(counters['webhook:unsigned:accepted']).toBeGreaterThan(30);
	});

	it('wrong key and stale time (100 cases)', async () => {
		await fc.assert(
			fc.asyncProperty(signedCase, fc.integer({ min: 601, max: 1000000 }), async ({ mode: m, body }, skew) => {
				const other = { ...secretsOf(m), streamNotifyKey: OTHER_KEY, recordCallbackKey: OTHER_KEY, snapshotKey: OTHER_KEY };
				const wrong = await post(sign(body, other, NOW), { credentials: credentialsOf(m) });
				expect(wrong.response.status).toBe(401);
				const stale = await post(sign(body, secretsOf(m), NOW - skew), { credentials: credentialsOf(m) });
				expect(stale.response.status).toBe(401);
				expect(wrong.items.length + stale.items.length).toBe(0);
				count('webhook:key+time');
			}),
			{ numRuns: 100, seed: 1008 },
		);
		expect(counters['webhook:key+time']).toBe(100);
	});
});
