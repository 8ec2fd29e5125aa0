/**
 * Property tests of the Tencent CSS verification (docs/protocols/tencent-css.md, "What the tests
 * prove"): generated requests run through the provider's real configure/verify/parse on bodies parsed
 * by the core's body parser, and a share of them through the node's real webhook() in n8n-core's
 * WebhookContext. Seeds are fixed so that a run is repeatable; counters prove each property was
 * exercised (a mutation that changes nothing is discarded, not counted). Inside the generated cases
 * the checks are node:assert (jest's expect costs far more per call); the guards use expect.
 *
 * 1. Any change to a signed member (`t` as signed text), the signature or the key is refused, no item.
 * 2. Any `t` outside the configured window is refused; inside it, accepted.
 * 3. Any change to unsigned members leaves a signed request accepted as `authenticated: "signature"`
 *    with the same `t`/`sign` in `raw`: the signature covers no field the item reports (the
 *    scheme-inherent limit), and no unsigned member can change the verdict.
 * 4. Without a signature and with a key set, a request is accepted (as "none") exactly when its
 *    event_type is one the user chose; its event is then one of that type's events or "unknown".
 * 5. parse is total: event_type and sub-event values (prototype names included) give a table event
 *    or "unknown", and `data` holds only own members.
 */
import { deepStrictEqual, ok, strictEqual } from 'node:assert/strict';

import fc from 'fast-check';
import type { IDataObject } from 'n8n-workflow';

import { setClock } from '../../../nodes/core/clock';
import { camelCase, setOwn } from '../../../nodes/core/convert';
import { parseJsonObjectBody } from '../../../nodes/core/json';
import type { CallbackRequest, Verification } from '../../../nodes/core/provider';
import { EVENT_TYPES, eventTypeOf, TENCENT_CSS_EVENTS, UNSIGNED_EVENT_TYPES } from '../../../nodes/TencentCss/events';
import { tencentCssProvider } from '../../../nodes/TencentCss/provider';
import type { TencentCssSettings } from '../../../nodes/TencentCss/provider';
import { TencentCssTrigger } from '../../../nodes/TencentCss/TencentCssTrigger.node';
import { signedTimeText, tencentCssSign } from '../../../nodes/TencentCss/verify';
import fixtures from '../../fixtures/tencent-css.json';
import { callWebhook } from '../../harness/webhook';

const events = fixtures.events as Record<string, IDataObject>;
const FIXTURES = Object.keys(events);
const PROTOTYPE_NAMES = ['constructor', '__proto__', 'toString', 'valueOf', 'hasOwnProperty', '__defineGetter__', 'isPrototypeOf'];
const TABLE_EVENTS = new Set(TENCENT_CSS_EVENTS.map((e) => e.value));

/** The type of the values an arbitrary generates. */
type Generated<A> = A extends fc.Arbitrary<infer T> ? T : never;

const keyArb = fc.stringMatching(/^[A-Za-z0-9]{1,32}$/);
const nowArb = fc.integer({ min: 1_500_000_000, max: 2_000_000_000 });
const hexChar = fc.constantFrom(...'0123456789abcdefABCDEF'.split(''));

afterEach(() => setClock(null));

function settingsFor(key: string | null, options: IDataObject = {}): TencentCssSettings {
	const configured = tencentCssProvider.configure({
		parameter: (name, fallback) => (name === 'options' ? options : fallback),
		credentials: key === null ? null : { callbackKey: key },
		staticData: () => ({}),
	});
	if (!configured.ok) throw new Error(configured.reason);
	return configured.settings;
}

/** The body as the core parses it from the raw bytes, then the provider's verdict and parse. */
function run(body: IDataObject, settings: TencentCssSettings, nowSec: number) {
	const parsed = parseJsonObjectBody(JSON.stringify(body));
	if (!parsed.ok) throw new Error(parsed.reason);
	const request: CallbackRequest = { body: parsed.body, query: {}, headers: {}, nowMs: nowSec * 1000 };
	const verdict: Verification = tencentCssProvider.verify(request, settings);
	return { verdict, parsed: verdict.ok ? tencentCssProvider.parse(request, settings) : null };
}

async function viaWebhook(body: IDataObject, key: string, nowSec: number, options: IDataObject = {}) {
	setClock(() => nowSec * 1000);
	return await callWebhook(new TencentCssTrigger(), {
		body: JSON.stringify(body),
		credentials: { tencentCssCallbackApi: { callbackKey: key } },
		parameters: { options },
	});
}

function signedFixture(name: string, key: string, t: number | string): IDataObject {
	const { t: _t, sign: _s, ...payload } = events[name];
	return { ...payload, t, sign: tencentCssSign(key, t) };
}

/** Property 1: what a mutation of a signed member does, and whether it really changed it. */
type SignedMutation =
	| { kind: 't-value'; delta: number }
	| { kind: 't-text'; form: 'leading zero' | 'digit appended' | 'decimal point' | 'minus' | 'exponent' | 'space' | 'string of another value' }
	| { kind: 'sign-char'; at: number; char: string }
	| { kind: 'sign-other'; value: unknown }
	| { kind: 'key'; key: string };

const signedMutationArb: fc.Arbitrary<SignedMutation> = fc.oneof(
	fc.record({ kind: fc.constant('t-value' as const), delta: fc.integer({ min: -1_000_000, max: 1_000_000 }) }),
	fc.record({
		kind: fc.constant('t-text' as const),
		form: fc.constantFrom('leading zero', 'digit appended', 'decimal point', 'minus', 'exponent', 'space', 'string of another value'),
	}),
	fc.record({ kind: fc.constant('sign-char' as const), at: fc.nat(31), char: hexChar }),
	fc.record({
		kind: fc.constant('sign-other' as const),
		value: fc.oneof(fc.string(), fc.stringMatching(/^[0-9a-f]{32}$/), fc.integer(), fc.boolean(), fc.array(fc.string(), { maxLength: 2 }), fc.constant({})),
	}),
	fc.record({ kind: fc.constant('key' as const), key: keyArb }),
);

/** The mutated body and the key the node holds, or null when the mutation changes nothing signed. */
function applySigned(body: IDataObject, key: string, m: SignedMutation): { body: IDataObject; key: string } | null {
	const t = body.t as number;
	const sign = body.sign as string;
	const out: IDataObject = { ...body };
	switch (m.kind) {
		case 't-value':
			out.t = t + m.delta;
			break;
		case 't-text': {
			const text = String(t);
			out.t = {
				'leading zero': `0${text}`,
				'digit appended': `${text}7`,
				'decimal point': `${text}.0`,
				minus: `-${text}`,
				exponent: `${text}e0`,
				space: ` ${text}`,
				'string of another value': String(t + 1),
			}[m.form];
			break;
		}
		case 'sign-char':
			out.sign = sign.slice(0, m.at) + m.char + sign.slice(m.at + 1);
			break;
		case 'sign-other':
			out.sign = m.value as IDataObject[keyof IDataObject];
			break;
		case 'key':
			if (m.key === key) return null;
			return { body: out, key: m.key };
	}
	const tChanged = signedTimeText(out.t) !== String(t);
	const signChanged = typeof out.sign !== 'string' || out.sign.toLowerCase() !== sign;
	// Absent or empty: a missing signature (property 4), not a changed one.
	if (out.sign === '' || out.sign === null) return null;
	return tChanged || signChanged ? { body: out, key } : null;
}

describe('Tencent CSS verification: properties', () => {
	it('1. a changed t, sign or key is refused with 401 and no item', async () => {
		const seen: Record<string, number> = {};
		const check = (name: string, key: string, now: number, d: number, m: SignedMutation) => {
			const original = signedFixture(name, key, now + d);
			const mutated = applySigned(original, key, m);
			fc.pre(mutated !== null);
			const { verdict } = run(mutated!.body, settingsFor(mutated!.key), now);
			ok(!verdict.ok && verdict.status === 401, `accepted: ${JSON.stringify(m)}`);
			seen[m.kind] = (seen[m.kind] ?? 0) + 1;
			return mutated!;
		};
		const inWindow = fc.integer({ min: -600, max: 900 });
		fc.assert(
			fc.property(fc.constantFrom(...FIXTURES), keyArb, nowArb, inWindow, signedMutationArb, (name, key, now, d, m) => {
				check(name, key, now, d, m);
			}),
			{ numRuns: 3000, seed: 101 },
		);
		let webhookRefusals = 0;
		await fc.assert(
			fc.asyncProperty(fc.constantFrom(...FIXTURES), keyArb, nowArb, inWindow, signedMutationArb, async (name, key, now, d, m) => {
				const mutated = check(name, key, now, d, m);
				const out = await viaWebhook(mutated.body, mutated.key, now);
				strictEqual(out.response.status, 401);
				strictEqual(out.items.length, 0);
				webhookRefusals++;
			}),
			{ numRuns: 300, seed: 102 },
		);
		// Every kind of change was made and refused, often.
		for (const kind of ['t-value', 't-text', 'sign-char', 'sign-other', 'key']) expect(seen[kind]).toBeGreaterThan(300);
		expect(webhookRefusals).toBeGreaterThan(250);
	});

	it('2. a t outside the configured window is refused, one inside it accepted', async () => {
		const seen = { late: 0, early: 0, inside: 0 };
		const caseArb = fc.record({
			name: fc.constantFrom(...FIXTURES),
			key: keyArb,
			now: nowArb,
			grace: fc.integer({ min: 0, max: 86400 }),
			ahead: fc.integer({ min: 0, max: 86400 }),
			where: fc.constantFrom('late', 'early', 'inside') as fc.Arbitrary<'late' | 'early' | 'inside'>,
			by: fc.integer({ min: 1, max: 10_000_000 }),
			at: fc.double({ min: 0, max: 1, noNaN: true }),
		});
		const tOf = (c: Generated<typeof caseArb>) =>
			c.where === 'late'
				? c.now - c.grace - c.by
				: c.where === 'early'
					? c.now + c.ahead + c.by
					: c.now - c.grace + Math.floor(c.at * (c.grace + c.ahead));
		const expectation = (c: Generated<typeof caseArb>, verdict: Verification) => {
			if (c.where === 'inside') deepStrictEqual(verdict, { ok: true, authenticated: 'signature' });
			else {
				ok(!verdict.ok && verdict.status === 401);
				strictEqual(verdict.reason, c.where === 'late' ? 'signature expired' : 'signature not yet valid');
			}
			seen[c.where]++;
		};
		fc.assert(
			fc.property(caseArb, (c) => {
				const options = { expiryGraceSeconds: c.grace, maxAheadSeconds: c.ahead };
				expectation(c, run(signedFixture(c.name, c.key, tOf(c)), settingsFor(c.key, options), c.now).verdict);
			}),
			{ numRuns: 2000, seed: 201 },
		);
		await fc.assert(
			fc.asyncProperty(caseArb, async (c) => {
				const options = { expiryGraceSeconds: c.grace, maxAheadSeconds: c.ahead };
				const out = await viaWebhook(signedFixture(c.name, c.key, tOf(c)), c.key, c.now, options);
				strictEqual(out.items.length, c.where === 'inside' ? 1 : 0);
				strictEqual(out.response.status, c.where === 'inside' ? 200 : 401);
				seen[c.where]++;
			}),
			{ numRuns: 200, seed: 202 },
		);
		for (const where of ['late', 'early', 'inside'] as const) expect(seen[where]).toBeGreaterThan(500);
	});

	it('3. changed unsigned members keep a signed request "signature" with the same t and sign', async () => {
		const memberName = fc.oneof(
			fc.string({ maxLength: 12 }),
			fc.constantFrom(...PROTOTYPE_NAMES, 'event_type', 'record_event', 'callback_event', 'stream_id', 'app', 'domain', 'msg'),
		);
		const opArb = fc.oneof(
			fc.record({ op: fc.constant('set' as const), name: memberName, value: fc.jsonValue({ maxDepth: 2, depthSize: 'xsmall' }) }),
			fc.record({ op: fc.constant('delete' as const), index: fc.nat() }),
		);
		const counters = { changed: 0, eventTypeChanged: 0, eventChanged: 0 };
		const mutateUnsigned = (body: IDataObject, ops: Array<Generated<typeof opArb>>) => {
			const out: IDataObject = {};
			for (const [k, v] of Object.entries(body)) setOwn(out, k, v);
			for (const op of ops) {
				if (op.op === 'set') {
					if (op.name === 't' || op.name === 'sign') continue;
					setOwn(out, op.name, op.value);
				} else {
					const names = Object.keys(out).filter((k) => k !== 't' && k !== 'sign');
					if (names.length > 0) delete out[names[op.index % names.length]];
				}
			}
			return out;
		};
		const caseArb = fc.record({
			name: fc.constantFrom(...FIXTURES),
			key: keyArb,
			now: nowArb,
			d: fc.integer({ min: -600, max: 900 }),
			ops: fc.array(opArb, { minLength: 1, maxLength: 4 }),
		});
		const prepare = (c: Generated<typeof caseArb>) => {
			const original = signedFixture(c.name, c.key, c.now + c.d);
			const mutated = mutateUnsigned(original, c.ops);
			fc.pre(JSON.stringify(mutated) !== JSON.stringify(original));
			counters.changed++;
			if (JSON.stringify(mutated.event_type) !== JSON.stringify(original.event_type)) counters.eventTypeChanged++;
			return { original, mutated };
		};
		fc.assert(
			fc.property(caseArb, (c) => {
				const { original, mutated } = prepare(c);
				const settings = settingsFor(c.key);
				const before = run(original, settings, c.now);
				const after = run(mutated, settings, c.now);
				deepStrictEqual(before.verdict, { ok: true, authenticated: 'signature' });
				deepStrictEqual(after.verdict, { ok: true, authenticated: 'signature' });
				if (after.parsed!.event !== before.parsed!.event) counters.eventChanged++;
			}),
			{ numRuns: 1500, seed: 301 },
		);
		await fc.assert(
			fc.asyncProperty(caseArb, async (c) => {
				const { original, mutated } = prepare(c);
				const out = await viaWebhook(mutated, c.key, c.now);
				strictEqual(out.response.status, 200);
				strictEqual(out.items.length, 1);
				strictEqual(out.items[0].authenticated, 'signature');
				const raw = out.items[0].raw as IDataObject;
				strictEqual(raw.t, original.t);
				strictEqual(raw.sign, original.sign);
			}),
			{ numRuns: 300, seed: 302 },
		);
		expect(counters.changed).toBeGreaterThan(1700);
		expect(counters.eventTypeChanged).toBeGreaterThan(100);
		// The unsigned members steer the event (the limit the docs state), never the verdict.
		expect(counters.eventChanged).toBeGreaterThan(50);
	});

	it('4. unsigned requests are accepted as "none" exactly for the chosen event types', async () => {
		const typeValue = fc.oneof(
			fc.constantFrom(...[...EVENT_TYPES.keys()]),
			fc.constantFrom(...UNSIGNED_EVENT_TYPES.map(String)),
			fc.integer({ min: -2, max: 400 }),
			fc.constantFrom(...PROTOTYPE_NAMES, '314 ', '3.14e2', '0x13a', 314.5),
		);
		const caseArb = fc.record({
			name: fc.constantFrom(...FIXTURES),
			key: keyArb,
			now: nowArb,
			chosen: fc.subarray([...UNSIGNED_EVENT_TYPES]),
			eventType: fc.option(typeValue, { freq: 2 }),
			signForm: fc.constantFrom('absent', 'null', 'empty'),
			keepT: fc.boolean(),
		});
		const counters = { accepted: 0, refused: 0, acceptedTypes: new Set<number>() };
		const bodyOf = (c: Generated<typeof caseArb>) => {
			const { t: _t, sign: _s, ...payload } = events[c.name];
			const body: IDataObject = { ...payload };
			if (c.eventType !== null) body.event_type = c.eventType;
			if (c.signForm !== 'absent') body.sign = c.signForm === 'null' ? null : '';
			if (c.keepT) body.t = c.now + 600;
			return body;
		};
		const expectation = (c: Generated<typeof caseArb>, body: IDataObject, accepted: boolean, event?: string) => {
			const type = eventTypeOf(body);
			const shouldAccept = type !== null && c.chosen.includes(type);
			strictEqual(accepted, shouldAccept, `type ${String(type)}, chosen ${c.chosen.join(',')}`);
			if (shouldAccept) {
				const row = EVENT_TYPES.get(type!)!;
				const allowed = 'member' in row.events ? [...row.events.values.values()].map((e) => e.event) : [row.events.event];
				ok([...allowed, 'unknown'].includes(event as string), `event ${String(event)} for type ${type}`);
				counters.accepted++;
				counters.acceptedTypes.add(type!);
			} else {
				counters.refused++;
			}
		};
		fc.assert(
			fc.property(caseArb, (c) => {
				const body = bodyOf(c);
				const { verdict, parsed } = run(body, settingsFor(c.key, { unsignedEventTypes: c.chosen }), c.now);
				if (verdict.ok) strictEqual(verdict.authenticated, 'none');
				else ok(verdict.status === 401 && verdict.reason === 'missing signature');
				expectation(c, body, verdict.ok, parsed?.event);
			}),
			{ numRuns: 1500, seed: 401 },
		);
		await fc.assert(
			fc.asyncProperty(caseArb, async (c) => {
				const body = bodyOf(c);
				const out = await viaWebhook(body, c.key, c.now, { unsignedEventTypes: c.chosen });
				strictEqual(out.response.status, out.items.length === 1 ? 200 : 401);
				if (out.items.length === 1) strictEqual(out.items[0].authenticated, 'none');
				else ok(out.logs[0].message.includes('Accept Unsigned Event Types'));
				expectation(c, body, out.items.length === 1, out.items[0]?.event as string | undefined);
			}),
			{ numRuns: 200, seed: 402 },
		);
		expect(counters.accepted).toBeGreaterThan(200);
		expect(counters.refused).toBeGreaterThan(200);
		expect([...counters.acceptedTypes].sort((a, b) => a - b)).toEqual([...UNSIGNED_EVENT_TYPES]);
	});

	it('5. parse gives a table event or "unknown" for any event_type and sub-event, data only own members', () => {
		const name = fc.oneof(fc.constantFrom(...PROTOTYPE_NAMES), fc.string({ maxLength: 10 }));
		const eventTypeArb = fc.oneof(
			name,
			fc.constantFrom(...[...EVENT_TYPES.keys()]),
			fc.integer(),
			fc.jsonValue({ maxDepth: 1 }),
		);
		const subArb = fc.oneof(
			name,
			fc.constantFrom('record_start_succeeded', 'record_error', 'TaskStart', 'TaskExit', 'TaskAlarm'),
			fc.jsonValue({ maxDepth: 1 }),
		);
		let prototypeNamed = 0;
		fc.assert(
			fc.property(eventTypeArb, subArb, subArb, fc.constantFrom(...PROTOTYPE_NAMES), (eventType, recordEvent, callbackEvent, member) => {
				const body: IDataObject = { stream_id: 's' };
				setOwn(body, 'event_type', eventType);
				setOwn(body, 'record_event', recordEvent);
				setOwn(body, 'callback_event', callbackEvent);
				setOwn(body, member, { x: 1 });
				const parsed = parseJsonObjectBody(JSON.stringify(body));
				if (!parsed.ok) throw new Error(parsed.reason);
				const request = { body: parsed.body, query: {}, headers: {}, nowMs: 0 };
				const result = tencentCssProvider.parse(request, settingsFor(null));
				strictEqual(typeof result.event, 'string');
				ok(result.event === 'unknown' || TABLE_EVENTS.has(result.event), result.event);
				strictEqual(typeof result.providerEvent, 'string');
				if (typeof eventType === 'string' && PROTOTYPE_NAMES.includes(eventType)) {
					strictEqual(result.event, 'unknown');
					prototypeNamed++;
				}
				strictEqual(Object.getPrototypeOf(result.data), Object.prototype);
				ok(Object.prototype.hasOwnProperty.call(result.data, camelCase(member)), `data lost ${member}`);
				deepStrictEqual(result.data[camelCase(member)], { x: 1 });
			}),
			{ numRuns: 1500, seed: 501 },
		);
		expect(prototypeNamed).toBeGreaterThan(75);
	});
});
