/**
 * Property tests of the Sigma URL-token check (docs/protocols/sigma-live.md, "Authentication").
 *
 * Sigma signs nothing, so there are no signed members: the one secret is the URL token. The
 * properties are therefore:
 * 1. any change to the token (a character replaced, added or removed, case, padding, a repeat, a
 *    non-text value, or no token) is refused with no item;
 * 2. nothing else in the request (body members, other query parameters) changes the verdict:
 *    with the right token the item is `authenticated: "secret-url"`, without it there is none;
 * 3. through the node's real webhook(): an item is `secret-url` exactly when the query carries the
 *    registered token, and `none` only when no token is configured at all.
 *
 * About 9,000 cases run on the provider's configure/verify/parse (as core/receive.ts calls them,
 * on bodies parsed by core/json.ts), and 1,200 through webhook() in n8n-core's WebhookContext.
 * Counters check that each kind of change really happened, so no property can pass vacuously.
 * The seeds are fixed so a failure reproduces; FC_SEED overrides them.
 */
import fc from 'fast-check';
import type { IDataObject } from 'n8n-workflow';

import { parseJsonObjectBody } from '../../../nodes/core/json';
import type { CallbackRequest } from '../../../nodes/core/provider';
import { SIGMA_LIVE_EVENT_TABLE, SIGMA_PROVIDER_EVENTS } from '../../../nodes/SigmaLive/events';
import { sigmaLiveProvider } from '../../../nodes/SigmaLive/provider';
import type { SigmaLiveSettings } from '../../../nodes/SigmaLive/provider';
import { SigmaLiveTrigger } from '../../../nodes/SigmaLive/SigmaLiveTrigger.node';
import { tokenHash } from '../../../nodes/SigmaLive/verify';
import { callWebhook } from '../../harness/webhook';

const seed = (fallback: number) => (process.env.FC_SEED ? Number(process.env.FC_SEED) : fallback);
const NODE_KEY = 'node:Sigma Livestream Trigger';
const PROTOTYPE_NAMES = ['constructor', '__proto__', 'toString', 'valueOf', 'hasOwnProperty'];
const NORMALIZED = new Set<string>([...Object.values(SIGMA_LIVE_EVENT_TABLE).map((row) => row.event), 'unknown']);

/** Settings as the node reads them: registered (hash in static data) or a manual token parameter. */
function settingsFor(mode: 'registered' | 'manual', token: string): SigmaLiveSettings {
	const configured = sigmaLiveProvider.configure({
		parameter: (name, fallback) =>
			name === 'registerWebhook' ? mode === 'registered' : name === 'urlToken' ? token : fallback,
		credentials: null,
		staticData: () => ({ webhookId: 'wh_1', urlTokenHash: tokenHash(token), webhookEvents: ['all'] }),
	});
	if (!configured.ok) throw new Error(configured.reason);
	return configured.settings;
}

function request(bodyText: string, query: IDataObject): CallbackRequest {
	const parsed = parseJsonObjectBody(bodyText);
	if (!parsed.ok) throw new Error(parsed.reason);
	return { body: parsed.body, query, headers: { 'content-type': 'application/json' }, nowMs: 1795341601000 };
}

// ---- generators ---------------------------------------------------------------------------------

/** Tokens the node generates (48 hex digits). */
const generatedToken = fc
	.uint8Array({ minLength: 24, maxLength: 24 })
	.map((bytes) => Buffer.from(bytes).toString('hex'));
/** Tokens a user may type (manual registration): any text without outer whitespace. */
const typedToken = fc
	.string({ minLength: 1, maxLength: 40, unit: 'grapheme' })
	.filter((t) => t.trim() === t && t !== '');

type Mutation =
	| { kind: 'replace'; at: number; with: string }
	| { kind: 'insert'; at: number; with: string }
	| { kind: 'delete'; at: number }
	| { kind: 'truncate'; keep: number }
	| { kind: 'append'; with: string }
	| { kind: 'prepend'; with: string }
	| { kind: 'case' }
	| { kind: 'pad' }
	| { kind: 'other'; with: string }
	| { kind: 'empty' }
	| { kind: 'absent' }
	| { kind: 'repeated' }
	| { kind: 'object' }
	| { kind: 'number' };

const oneChar = fc.string({ minLength: 1, maxLength: 1, unit: 'grapheme' });
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
	fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), with: oneChar }),
	fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), with: oneChar }),
	fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
	fc.record({ kind: fc.constant('truncate' as const), keep: fc.nat() }),
	fc.record({ kind: fc.constant('append' as const), with: fc.string({ minLength: 1, maxLength: 4 }) }),
	fc.record({ kind: fc.constant('prepend' as const), with: fc.string({ minLength: 1, maxLength: 4 }) }),
	fc.constant({ kind: 'case' as const }),
	fc.constant({ kind: 'pad' as const }),
	fc.record({ kind: fc.constant('other' as const), with: fc.string({ maxLength: 60 }) }),
	fc.constant({ kind: 'empty' as const }),
	fc.constant({ kind: 'absent' as const }),
	fc.constant({ kind: 'repeated' as const }),
	fc.constant({ kind: 'object' as const }),
	fc.constant({ kind: 'number' as const }),
);

const chars = (s: string) => Array.from(s);

/** The query a mutated request carries instead of `{ token }`. */
function mutate(token: string, m: Mutation): IDataObject {
	const c = chars(token);
	const at = (n: number, len: number) => n % Math.max(len, 1);
	switch (m.kind) {
		case 'replace': {
			const i = at(m.at, c.length);
			return { token: [...c.slice(0, i), m.with, ...c.slice(i + 1)].join('') };
		}
		case 'insert': {
			const i = at(m.at, c.length + 1);
			return { token: [...c.slice(0, i), m.with, ...c.slice(i)].join('') };
		}
		case 'delete': {
			const i = at(m.at, c.length);
			return { token: [...c.slice(0, i), ...c.slice(i + 1)].join('') };
		}
		case 'truncate':
			return { token: c.slice(0, at(m.keep, c.length)).join('') };
		case 'append':
			return { token: token + m.with };
		case 'prepend':
			return { token: m.with + token };
		case 'case':
			return { token: token === token.toUpperCase() ? token.toLowerCase() : token.toUpperCase() };
		case 'pad':
			return { token: ` ${token}` };
		case 'other':
			return { token: m.with };
		case 'empty':
			return { token: '' };
		case 'absent':
			return {};
		case 'repeated':
			return { token: [token, token] };
		case 'object':
			return { token: { value: token } };
		case 'number':
			return { token: 12345 };
	}
}

/** True when `query` carries exactly `token` as its one `token` value (the only accepted shape). */
const carriesExactly = (query: IDataObject, token: string) => query.token === token;

const eventCode = fc.oneof(
	fc.constantFrom(...SIGMA_PROVIDER_EVENTS),
	fc.constantFrom('constructor', '__proto__', 'toString', 'valueOf', 'hasOwnProperty', 'channel_paused', ''),
	fc.string({ maxLength: 12 }),
);
const memberName = fc.oneof(
	fc.constantFrom('id', 'eventTime', 'name', 'tags', 'status', 'ec', 'data', 'msg', 'constructor', '__proto__', 'toString', 'channel_id', 'eventTimeMs'),
	fc.string({ maxLength: 10 }),
);
/** A callback body as JSON text, built member by member (so `__proto__` is a plain member name). */
const bodyText = fc
	.tuple(
		fc.option(fc.oneof(eventCode, fc.jsonValue({ maxDepth: 1, depthSize: 'small' })), { nil: undefined }),
		fc.array(fc.tuple(memberName, fc.jsonValue({ maxDepth: 2, depthSize: 'small' })), { maxLength: 6 }),
	)
	.map(([event, members]) => {
		const entries = event === undefined ? members : [['event', event] as [string, unknown], ...members];
		return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`).join(',')}}`;
	});
/** Other query parameters Sigma or a proxy might add: never named `token`. */
const otherQuery = fc.dictionary(
	fc.string({ minLength: 1, maxLength: 8 }).filter((k) => k !== 'token' && k !== '__proto__'),
	fc.string({ maxLength: 8 }),
	{ maxKeys: 3 },
);

// ---- properties ---------------------------------------------------------------------------------

describe('Sigma URL token: properties on the provider (configure → verify → parse)', () => {
	test('any change to a generated token is refused (registered mode, hash from static data)', () => {
		const kinds = new Map<string, number>();
		let refused = 0;
		fc.assert(
			fc.property(generatedToken, mutation, bodyText, (token, m, text) => {
				const query = mutate(token, m);
				fc.pre(!carriesExactly(query, token));
				kinds.set(m.kind, (kinds.get(m.kind) ?? 0) + 1);
				const verdict = sigmaLiveProvider.verify(request(text, query), settingsFor('registered', token));
				if (verdict.ok || verdict.status !== 401) return false;
				refused++;
				return true;
			}),
			{ numRuns: 3500, seed: seed(1001) },
		);
		expect(refused).toBe(3500);
		// Every kind of change was exercised many times.
		for (const kind of ['replace', 'insert', 'delete', 'truncate', 'append', 'prepend', 'case', 'pad', 'other', 'empty', 'absent', 'repeated', 'object', 'number']) {
			expect(kinds.get(kind) ?? 0).toBeGreaterThan(50);
		}
	});

	test('any change to a typed token (any text) is refused; the exact token is accepted as secret-url (manual mode)', () => {
		let refused = 0;
		let accepted = 0;
		fc.assert(
			fc.property(typedToken, mutation, (token, m) => {
				const settings = settingsFor('manual', token);
				const good = sigmaLiveProvider.verify(request('{"event":"channel_live"}', { token }), settings);
				if (!good.ok || good.authenticated !== 'secret-url') return false;
				accepted++;
				const query = mutate(token, m);
				if (carriesExactly(query, token)) return true;
				const bad = sigmaLiveProvider.verify(request('{"event":"channel_live"}', query), settings);
				if (bad.ok || bad.status !== 401) return false;
				refused++;
				return true;
			}),
			{ numRuns: 2000, seed: seed(1002) },
		);
		expect(accepted).toBe(2000);
		expect(refused).toBeGreaterThan(1800);
	});

	test('no body member and no other query parameter changes the verdict; parse is total and lookups see no inherited member', () => {
		let withToken = 0;
		let withoutToken = 0;
		let prototypeNamed = 0;
		fc.assert(
			fc.property(generatedToken, bodyText, otherQuery, fc.boolean(), (token, text, extra, right) => {
				const settings = settingsFor('registered', token);
				const query: IDataObject = right ? { ...extra, token } : { ...extra, token: `${token}0` };
				const req = request(text, query);
				const verdict = sigmaLiveProvider.verify(req, settings);
				if (!right) {
					if (verdict.ok || verdict.status !== 401 || verdict.reason !== 'wrong URL token') return false;
					withoutToken++;
					return true;
				}
				if (!verdict.ok || verdict.authenticated !== 'secret-url') return false;
				withToken++;
				const parsed = sigmaLiveProvider.parse(req, settings);
				if (typeof parsed.event !== 'string' || !NORMALIZED.has(parsed.event)) return false;
				if (Object.getPrototypeOf(parsed.data) !== Object.prototype) return false;
				if (PROTOTYPE_NAMES.includes(parsed.providerEvent)) {
					if (parsed.event !== 'unknown') return false;
					prototypeNamed++;
				}
				return true;
			}),
			{ numRuns: 3500, seed: seed(1003) },
		);
		expect(withToken).toBeGreaterThan(1500);
		expect(withoutToken).toBeGreaterThan(1500);
		expect(prototypeNamed).toBeGreaterThan(50);
	});
});

describe('Sigma URL token: through webhook() in n8n-core\'s WebhookContext', () => {
	const trigger = new SigmaLiveTrigger();
	const RUNS = 1200;

	test('an item is authenticated "secret-url" exactly when the query carries the registered token; otherwise 401 and no execution', async () => {
		const outcomes = { accepted: 0, refused: 0, none: 0 };
		await fc.assert(
			fc.asyncProperty(
				generatedToken,
				fc.oneof(fc.constant(null), mutation),
				fc.constantFrom('registered', 'manual', 'no token'),
				bodyText,
				otherQuery,
				async (token, m, mode, text, extra) => {
					const query: IDataObject = { ...extra, ...(m === null ? { token } : mutate(token, m)) };
					const parameters =
						mode === 'registered'
							? { registerWebhook: true, events: ['*'] }
							: { registerWebhook: false, urlToken: mode === 'manual' ? token : '', events: ['*'] };
					const staticData =
						mode === 'registered' ? { [NODE_KEY]: { webhookId: 'wh_1', urlTokenHash: tokenHash(token) } } : {};
					const { response, items, result } = await callWebhook(trigger, {
						parameters,
						body: text,
						query: query as Record<string, string>,
						staticData,
					});
					if (mode === 'no token') {
						outcomes.none++;
						return response.status === 200 && items.length === 1 && items[0].authenticated === 'none';
					}
					if (carriesExactly(query, token)) {
						outcomes.accepted++;
						return response.status === 200 && items.length === 1 && items[0].authenticated === 'secret-url';
					}
					outcomes.refused++;
					return response.status === 401 && items.length === 0 && result.workflowData === undefined;
				},
			),
			{ numRuns: RUNS, seed: seed(1004) },
		);
		expect(outcomes.accepted + outcomes.refused + outcomes.none).toBe(RUNS);
		expect(outcomes.accepted).toBeGreaterThan(50);
		expect(outcomes.refused).toBeGreaterThan(300);
		expect(outcomes.none).toBeGreaterThan(200);
	});
});
