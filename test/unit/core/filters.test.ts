/** The wildcard matcher and filter reading behind the triggers' Filters (core/filters.ts). */
import fc from 'fast-check';

import { passesFilters, patternList, readFilters, wildcardMatch } from '../../../nodes/core/filters';
import type { ParsedEvent } from '../../../nodes/core/item';

/** An independent reference: the pattern as an anchored regular expression. */
function reference(pattern: string, value: string): boolean {
	const source = pattern
		.split('*')
		.map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
		.join('.*');
	return new RegExp(`^${source}$`, 's').test(value);
}

describe('wildcardMatch', () => {
	it.each([
		['room_*', 'room_42', true],
		['room_*', 'room_', true],
		['room_*', 'xroom_1', false],
		['*.example.com', 'push.example.com', true],
		['*.example.com', 'example.com', false],
		['a*b*c', 'aXbYc', true],
		['a*b*c', 'acb', false],
		['*', '', true],
		['', '', true],
		['', 'x', false],
		['Live', 'live', false],
	])('%s against %s → %s', (pattern, value, expected) => {
		expect(wildcardMatch(pattern, value)).toBe(expected);
	});

	it('agrees with a regular-expression reference on generated patterns', () => {
		const alphabet = fc.constantFrom('a', 'b', '*', '.', '_');
		const text = fc.array(alphabet, { maxLength: 12 }).map((c) => c.join(''));
		let matches = 0;
		fc.assert(
			fc.property(text, text, (pattern, valueChars) => {
				const value = valueChars.replace(/\*/g, 'a');
				const result = wildcardMatch(pattern, value);
				if (result) matches++;
				return result === reference(pattern, value);
			}),
			{ numRuns: 5000, seed: 20261201 },
		);
		// Guard: both outcomes were exercised.
		expect(matches).toBeGreaterThan(100);
		expect(matches).toBeLessThan(4900);
	});

	it('stays linear on a hostile pattern', () => {
		expect(wildcardMatch(`${'*a'.repeat(100)}b`, 'a'.repeat(5000))).toBe(false);
	});
});

describe('filters', () => {
	const event = (stream: ParsedEvent['stream'], room: ParsedEvent['room'] = null): ParsedEvent => ({
		event: 'stream.started',
		providerEvent: '1',
		occurredAt: null,
		stream,
		room,
		data: {},
	});

	it('reads comma lists, drops empty entries, bounds the count', () => {
		expect(patternList(' a , ,b* ')).toEqual(['a', 'b*']);
		expect(patternList(42)).toEqual([]);
		expect(patternList(Array(80).fill('x').join(','))).toHaveLength(50);
	});

	it('passes everything without filters, and checks every set field', () => {
		const s = { domain: 'push.example.com', app: 'live', name: 'room_1' };
		expect(passesFilters(event(s), readFilters({}))).toBe(true);
		expect(passesFilters(event(s), readFilters({ streamName: 'room_*', streamApp: 'live' }))).toBe(true);
		expect(passesFilters(event(s), readFilters({ streamName: 'room_*', streamApp: 'other' }))).toBe(false);
		expect(passesFilters(event(s), readFilters({ streamDomain: 'a.com, *.example.com' }))).toBe(true);
	});

	it('a set filter leaves out events that do not carry the field', () => {
		expect(passesFilters(event(null), readFilters({ streamName: '*' }))).toBe(false);
		expect(passesFilters(event(null, { id: 'live_1' }), readFilters({ roomId: 'live_*' }))).toBe(true);
		expect(passesFilters(event(null, { id: 'x' }), readFilters({ roomId: 'live_*' }))).toBe(false);
	});
});
