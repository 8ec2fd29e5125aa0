/**
 * `eventId` (nodes/core/item.ts, docs/events.md): SHA-256 over the body's top-level members in
 * sorted name order without the volatile ones. Checked against a reference written here from that
 * definition (member by member, hashed with node:crypto's streaming API), for any JSON object,
 * including index-like names ("2", "10") that an object orders differently and `__proto__`.
 */
import { createHash } from 'node:crypto';

import fc from 'fast-check';
import type { IDataObject } from 'n8n-workflow';

import { computeEventId } from '../../../nodes/core/item';
import { parseJsonObjectBody } from '../../../nodes/core/json';

function reference(provider: string, body: IDataObject, volatile: readonly string[]): string {
	const members = Object.keys(body)
		.sort()
		.filter((key) => !volatile.includes(key))
		.map((key) => `${JSON.stringify(key)}:${JSON.stringify(body[key])}`);
	return `${provider}:${createHash('sha256').update(`{${members.join(',')}}`).digest('hex').slice(0, 32)}`;
}

const memberName = fc.oneof(
	fc.string({ maxLength: 8 }),
	fc.nat({ max: 20 }).map(String),
	fc.constantFrom('__proto__', 'constructor', 't', 'sign', '01', '-1', '4294967295', '4294967294'),
);

describe('eventId', () => {
	it('equals the member-by-member definition for any parsed JSON object (10,000 bodies)', () => {
		let withIndexNames = 0;
		fc.assert(
			fc.property(fc.dictionary(memberName, fc.jsonValue({ maxDepth: 3 }), { maxKeys: 12 }), (members) => {
				// Through the parser the triggers use, so `__proto__` is an own member as in a real body.
				const parsed = parseJsonObjectBody(JSON.stringify(members));
				if (!parsed.ok) return;
				if (Object.keys(parsed.body).some((k) => /^\d+$/.test(k))) withIndexNames++;
				expect(computeEventId('p', parsed.body, ['t', 'sign'])).toBe(reference('p', parsed.body, ['t', 'sign']));
			}),
			{ numRuns: 10_000 },
		);
		// Guard: the index-like case was really exercised.
		expect(withIndexNames).toBeGreaterThan(1000);
	});

	it('ignores the volatile members and the order of members', () => {
		const a = parseJsonObjectBody('{"b":1,"a":{"y":2,"x":1},"t":1,"sign":"s"}');
		const b = parseJsonObjectBody('{"t":2,"a":{"y":2,"x":1},"sign":"z","b":1}');
		if (!a.ok || !b.ok) throw new Error('fixture');
		expect(computeEventId('p', a.body, ['t', 'sign'])).toBe(computeEventId('p', b.body, ['t', 'sign']));
		expect(computeEventId('p', a.body, [])).not.toBe(computeEventId('p', b.body, []));
	});
});
