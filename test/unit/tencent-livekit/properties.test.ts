/**
 * Property tests (fast-check) of the TUILiveKit signature scheme (docs/protocols/tencent-livekit.md,
 * "Signature"): `Sign` = SHA-256(token + RequestTime) covers the token and RequestTime only.
 *
 * - For any signed request: any change to Sign or RequestTime, another key, or a time outside the
 *   window is refused, so no item is built.
 * - Any change to an unsigned member (body, ClientIP, OptPlatform, contenttype, the query command,
 *   extra parameters) never changes the verdict or what a "signature" item reports in signed
 *   places (`authenticated`, `data.request.requestTime`); the SdkAppid, unsigned but compared with
 *   the credential, is refused when it differs.
 *
 * Most cases run on the provider's own configure/verify/parse (the functions the core calls for
 * every request); a smaller share goes through the node's real webhook() in n8n-core's WebhookContext.
 * Counters guard each property against passing vacuously.
 */
import * as fc from 'fast-check';
import type { IDataObject } from 'n8n-workflow';

import { setClock } from '../../../nodes/core/clock';
import type { CallbackRequest } from '../../../nodes/core/provider';
import { tencentLiveKitProvider } from '../../../nodes/TencentLiveKit/provider';
import type { TencentLiveKitSettings } from '../../../nodes/TencentLiveKit/provider';
import { buildCallbackRequest } from '../../../nodes/TencentLiveKit/simulator';
import { fixtures, send } from './helpers';

const APP_ID = '1400123456';

function settingsFor(token: string, skew: number): TencentLiveKitSettings {
	const configured = tencentLiveKitProvider.configure({
		parameter: (name, fallback) => (name === 'options' ? { maxClockSkewSeconds: skew } : fallback),
		credentials: { sdkAppId: APP_ID, callbackToken: token },
		staticData: () => ({}),
	});
	if (!configured.ok) throw new Error(configured.reason);
	return configured.settings;
}

function requestOf(outgoing: { query: Record<string, string>; body: string }, nowSec: number): CallbackRequest {
	return { body: JSON.parse(outgoing.body) as IDataObject, query: { ...outgoing.query }, headers: {}, nowMs: nowSec * 1000 + 999 };
}

/** Tokens as a credential holds them: 1 to 128 characters, no surrounding white space (the node trims). */
const token = fc
	.oneof(fc.string({ minLength: 1, maxLength: 128 }), fc.string({ minLength: 1, maxLength: 12, unit: 'grapheme' }))
	.filter((t) => t.trim() === t && t !== '');
const skew = fc.integer({ min: 1, max: 86400 });
const signedAt = fc.integer({ min: 1_000_000_000, max: 4_000_000_000 });
const commands = Object.values(fixtures).map((f) => String(f.CallbackCommand));
/** Any body: a command word (known or not) and arbitrary JSON members. */
const anyBody = fc
	.record({
		command: fc.oneof(fc.constantFrom(...commands), fc.string()),
		members: fc.dictionary(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }),
	})
	.map((b) => ({ ...b.members, CallbackCommand: b.command }) as IDataObject);
/** The body does not enter the signature: the documented samples, plus one arbitrary member. */
const body = fc
	.record({ name: fc.constantFrom(...Object.keys(fixtures)), extra: fc.string({ maxLength: 16 }) })
	.map((b) => ({ ...fixtures[b.name], n8nExtra: b.extra }) as IDataObject);

/** A signed request and when it arrives (inside the window). */
const signed = fc
	.record({ token, skew, signedAt, body, offsetShare: fc.double({ min: -1, max: 1, noNaN: true }) })
	.map((c) => {
		const offset = Math.trunc(c.offsetShare * c.skew);
		const outgoing = buildCallbackRequest(c.body, { sdkAppId: APP_ID, callbackToken: c.token }, c.signedAt);
		return { ...c, outgoing, arrival: c.signedAt + offset };
	});

const counts: Record<string, number> = {};
const count = (key: string) => (counts[key] = (counts[key] ?? 0) + 1);

/** A hex digest with one digit changed to another value (not only its case). */
function flipHexDigit(hex: string, at: number, by: number): string {
	const i = at % hex.length;
	const digit = (parseInt(hex[i], 16) + 1 + (by % 15)) % 16;
	return hex.slice(0, i) + digit.toString(16) + hex.slice(i + 1);
}

describe('TUILiveKit signature properties (provider.verify / parse)', () => {
	afterAll(() => {
		// Guards: every property and every kind of change was exercised, in the numbers asked for.
		expect(counts.accepted).toBeGreaterThanOrEqual(2000);
		for (const kind of ['sign', 'requestTime', 'key', 'tooOld', 'tooNew']) expect(counts[`refused:${kind}`]).toBeGreaterThanOrEqual(500);
		for (const kind of ['body', 'clientIp', 'optPlatform', 'contenttype', 'queryCommand', 'extra']) {
			expect(counts[`unsignedChanged:${kind}`]).toBeGreaterThanOrEqual(300);
		}
		expect(counts.appIdRefused).toBeGreaterThanOrEqual(500);
	});

	it('accepts every genuinely signed request inside the window as "signature", reporting the signed RequestTime', () => {
		fc.assert(
			fc.property(signed, (c) => {
				const settings = settingsFor(c.token, c.skew);
				const request = requestOf(c.outgoing, c.arrival);
				const verdict = tencentLiveKitProvider.verify(request, settings);
				if (!verdict.ok || verdict.authenticated !== 'signature') return false;
				const parsed = tencentLiveKitProvider.parse(request, settings);
				count('accepted');
				return (parsed.data.request as IDataObject).requestTime === new Date(c.signedAt * 1000).toISOString();
			}),
			{ numRuns: 2000 },
		);
	});

	it('refuses any change to Sign or RequestTime, another key, or a time outside the window', () => {
		const change = fc.record({
			kind: fc.constantFrom('sign', 'requestTime', 'key', 'tooOld', 'tooNew'),
			at: fc.nat(),
			by: fc.nat(),
			otherTime: fc.integer({ min: 1_000_000_000, max: 4_000_000_000 }),
			leadingZero: fc.boolean(),
			otherToken: token,
			beyond: fc.integer({ min: 1, max: 100000 }),
		});
		fc.assert(
			fc.property(signed, change, (c, m) => {
				let settings = settingsFor(c.token, c.skew);
				const query = { ...c.outgoing.query };
				let arrival = c.arrival;
				if (m.kind === 'sign') {
					query.Sign = flipHexDigit(query.Sign, m.at, m.by);
				} else if (m.kind === 'requestTime') {
					// Another decimal text: a leading zero (same number) or another time inside the window.
					const other = m.leadingZero ? `0${c.signedAt}` : String(c.signedAt + ((m.otherTime % (2 * c.skew + 1)) - c.skew || 1));
					fc.pre(other !== query.RequestTime);
					query.RequestTime = other;
					arrival = c.signedAt;
				} else if (m.kind === 'key') {
					fc.pre(m.otherToken !== c.token);
					settings = settingsFor(m.otherToken, c.skew);
				} else if (m.kind === 'tooOld') {
					arrival = c.signedAt + c.skew + m.beyond;
				} else {
					arrival = c.signedAt - c.skew - m.beyond;
				}
				const verdict = tencentLiveKitProvider.verify({ ...requestOf(c.outgoing, arrival), query }, settings);
				count(`refused:${m.kind}`);
				return !verdict.ok && verdict.status === 401;
			}),
			{ numRuns: 5000 },
		);
	});

	it('never lets an unsigned member change the verdict or what the item reports in signed places', () => {
		const change = fc.record({
			kind: fc.constantFrom('body', 'clientIp', 'optPlatform', 'contenttype', 'queryCommand', 'extra'),
			otherBody: anyBody,
			text: fc.string({ maxLength: 40 }),
			name: fc.string({ minLength: 1, maxLength: 12 }).filter((n) => !/^(sign|requesttime|sdkappid)$/i.test(n)),
		});
		fc.assert(
			fc.property(signed, change, (c, m) => {
				const settings = settingsFor(c.token, c.skew);
				const original = requestOf(c.outgoing, c.arrival);
				const changed = requestOf(c.outgoing, c.arrival);
				const set = (key: string) => {
					fc.pre(changed.query[key] !== m.text);
					changed.query[key] = m.text;
				};
				if (m.kind === 'body') {
					fc.pre(JSON.stringify(m.otherBody) !== JSON.stringify(original.body));
					changed.body = m.otherBody;
				} else if (m.kind === 'clientIp') set('ClientIP');
				else if (m.kind === 'optPlatform') set('OptPlatform');
				else if (m.kind === 'contenttype') set('contenttype');
				else if (m.kind === 'queryCommand') set('CallbackCommand');
				else {
					fc.pre(!Object.keys(changed.query).some((k) => k.toLowerCase() === m.name.toLowerCase()));
					changed.query[m.name] = m.text;
				}
				const before = tencentLiveKitProvider.verify(original, settings);
				const after = tencentLiveKitProvider.verify(changed, settings);
				const accepted = (v: typeof before) => v.ok && v.authenticated === 'signature';
				if (!accepted(before) || !accepted(after)) return false;
				const signedPlaces = (r: CallbackRequest) => {
					const request = tencentLiveKitProvider.parse(r, settings).data.request as IDataObject;
					return `${String(request.requestTime)} ${String(request.sdkAppId)}`;
				};
				count(`unsignedChanged:${m.kind}`);
				return signedPlaces(changed) === signedPlaces(original);
			}),
			{ numRuns: 3000 },
		);
	});

	it('refuses another SdkAppid (unsigned, but compared with the credential)', () => {
		fc.assert(
			fc.property(signed, fc.string({ maxLength: 14 }), (c, appId) => {
				fc.pre(appId.trim() !== APP_ID);
				const request = requestOf(c.outgoing, c.arrival);
				request.query.SdkAppid = appId;
				const verdict = tencentLiveKitProvider.verify(request, settingsFor(c.token, c.skew));
				count('appIdRefused');
				return !verdict.ok && verdict.status === 401 && verdict.reason === 'wrong app id';
			}),
			{ numRuns: 500 },
		);
	});
});

describe("TUILiveKit signature properties through the node's real webhook()", () => {
	const NOW = 1767225600;
	beforeAll(() => setClock(() => NOW * 1000 + 500));
	afterAll(() => setClock(null));
	const seen = { refused: 0, kept: 0 };
	afterAll(() => {
		expect(seen.refused).toBeGreaterThanOrEqual(100);
		expect(seen.kept).toBeGreaterThanOrEqual(100);
	});

	it('refuses changed signed members with 401 and no item; keeps the signed places under unsigned changes', async () => {
		await fc.assert(
			fc.asyncProperty(
				fc.constantFrom(...Object.keys(fixtures)),
				fc.constantFrom('sign', 'requestTime', 'stale', 'clientIp', 'body'),
				fc.nat(),
				fc.string({ maxLength: 20 }),
				async (name, kind, n, text) => {
					if (kind === 'sign' || kind === 'requestTime' || kind === 'stale') {
						const query =
							kind === 'sign'
								? { Sign: flipHexDigit(buildCallbackRequest(fixtures[name], { sdkAppId: APP_ID, callbackToken: 'n8n-livekit-token-0123456789' }, NOW).query.Sign, n, n >> 4) }
								: kind === 'requestTime'
									? { RequestTime: String(NOW - 1 - (n % 50)) }
									: {};
						const outcome = await send(fixtures[name], { query, skew: kind === 'stale' ? -61 - (n % 1000) : 0 });
						expect(outcome.response.status).toBe(401);
						expect(outcome.items).toHaveLength(0);
						expect(outcome.result.workflowData).toBeUndefined();
						seen.refused++;
					} else {
						const payload = kind === 'body' ? { ...fixtures[name], Extra: text } : fixtures[name];
						const outcome = await send(payload, kind === 'clientIp' ? { query: { ClientIP: text } } : {});
						expect(outcome.items).toHaveLength(1);
						expect(outcome.items[0].authenticated).toBe('signature');
						expect((outcome.items[0].data as IDataObject).request).toMatchObject({ sdkAppId: APP_ID, requestTime: new Date(NOW * 1000).toISOString() });
						seen.kept++;
					}
				},
			),
			{ numRuns: 400 },
		);
	});
});
