/**
 * Stream and room filters of the triggers (docs/events.md, "Answers on the wire": a callback the
 * filters leave out is answered with the provider's success body and starts no execution).
 *
 * A filter is a comma-separated list of patterns; `*` stands for any run of characters (none
 * included) and every other character stands for itself, compared case-sensitively (stream names
 * are case-sensitive at every provider here). An empty filter passes everything; a value the
 * callback does not carry (null) passes only an empty filter.
 */
import type { INodeProperties } from 'n8n-workflow';

import type { ParsedEvent } from './item';

export interface FilterSettings {
	domain: readonly string[];
	app: readonly string[];
	name: readonly string[];
	room: readonly string[];
}

/** At most this many patterns of at most this length each: the settings come from the user, not the caller. */
const MAX_PATTERNS = 50;
const MAX_PATTERN_LENGTH = 256;

/** The patterns of one filter field, trimmed; empty entries dropped. */
export function patternList(value: unknown): string[] {
	if (typeof value !== 'string') return [];
	return value
		.split(',')
		.map((p) => p.trim())
		.filter((p) => p !== '')
		.slice(0, MAX_PATTERNS)
		.map((p) => p.slice(0, MAX_PATTERN_LENGTH));
}

/** True when `value` matches the wildcard `pattern` (`*` = any run). Linear time, no regular expression. */
export function wildcardMatch(pattern: string, value: string): boolean {
	let p = 0;
	let v = 0;
	let star = -1;
	let resume = 0;
	while (v < value.length) {
		if (p < pattern.length && pattern[p] !== '*' && pattern[p] === value[v]) {
			p++;
			v++;
		} else if (p < pattern.length && pattern[p] === '*') {
			star = p++;
			resume = v;
		} else if (star !== -1) {
			p = star + 1;
			v = ++resume;
		} else {
			return false;
		}
	}
	while (p < pattern.length && pattern[p] === '*') p++;
	return p === pattern.length;
}

function passes(patterns: readonly string[], value: string | null | undefined): boolean {
	if (patterns.length === 0) return true;
	if (typeof value !== 'string') return false;
	return patterns.some((pattern) => wildcardMatch(pattern, value));
}

/** True when the event passes every non-empty filter. */
export function passesFilters(parsed: ParsedEvent, filters: FilterSettings): boolean {
	return (
		passes(filters.domain, parsed.stream?.domain) &&
		passes(filters.app, parsed.stream?.app) &&
		passes(filters.name, parsed.stream?.name) &&
		passes(filters.room, parsed.room?.id)
	);
}

/** Reads the node's `filters` collection (absent: no filter). */
export function readFilters(value: unknown): FilterSettings {
	const v = value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
	return {
		domain: patternList(v.streamDomain),
		app: patternList(v.streamApp),
		name: patternList(v.streamName),
		room: patternList(v.roomId),
	};
}

export const NO_FILTERS: FilterSettings = { domain: [], app: [], name: [], room: [] };

/** True when at least one filter is set. */
export function hasFilters(filters: FilterSettings): boolean {
	return filters.domain.length + filters.app.length + filters.name.length + filters.room.length > 0;
}

/** The "Filters" collection: stream fields for stream providers, the room for room providers, the channel for Sigma. */
export function filtersParameter(kind: 'stream' | 'room' | 'channel'): INodeProperties {
	const stream: INodeProperties['options'] = [
		{
			displayName: 'Stream Domain',
			name: 'streamDomain',
			type: 'string',
			default: '',
			placeholder: 'push.example.com, *.example.com',
			description: 'Only callbacks whose stream domain matches start the workflow. Comma-separated; * matches any characters. Empty: no filter.',
		},
		{
			displayName: 'Stream App',
			name: 'streamApp',
			type: 'string',
			default: '',
			placeholder: 'live',
			description: 'Only callbacks whose app (push path) matches start the workflow. Comma-separated; * matches any characters. Empty: no filter.',
		},
		{
			displayName: 'Stream Name',
			name: 'streamName',
			type: 'string',
			default: '',
			placeholder: 'room_*, vip_*',
			description: 'Only callbacks whose stream name matches start the workflow. Comma-separated; * matches any characters. Empty: no filter.',
		},
	];
	const room: INodeProperties['options'] = [
		{
			displayName: 'Room ID',
			name: 'roomId',
			type: 'string',
			default: '',
			placeholder: 'live_*',
			description: 'Only callbacks whose room ID matches start the workflow. Comma-separated; * matches any characters. Empty: no filter.',
		},
	];
	const channel: INodeProperties['options'] = [
		{
			displayName: 'Channel ID',
			name: 'streamName',
			type: 'string',
			default: '',
			placeholder: '6421*',
			description:
				'Only callbacks whose channel ID matches start the workflow. Comma-separated; * matches any characters. Empty: no filter.',
		},
	];
	return {
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add filter',
		default: {},
		description:
			'Callbacks that do not match are answered with success (so the provider does not retry) and start no execution',
		options: kind === 'stream' ? stream : kind === 'room' ? room : channel,
	};
}
