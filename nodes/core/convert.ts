/** Small, total conversions used to type `data` fields. None of them throws. */
import type { IDataObject } from 'n8n-workflow';

export type TimeUnit = 's' | 'ms';

/**
 * ISO-8601 UTC time from a Unix time in seconds or milliseconds (number or decimal string).
 * Returns null for anything that is not a plausible time.
 */
export function isoFromUnix(value: unknown, unit: TimeUnit, extraMicros = 0): string | null {
	const n = toNumber(value);
	if (n === null || n <= 0) return null;
	const ms = unit === 's' ? n * 1000 + Math.floor(extraMicros / 1000) : n;
	const date = new Date(ms);
	return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** True for a JSON object (not null, not an array). */
export function isJsonObject(value: unknown): value is IDataObject {
	return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** A finite number from a JSON number or a numeric string; null otherwise. */
export function toNumber(value: unknown): number | null {
	if (typeof value === 'number') return Number.isFinite(value) ? value : null;
	if (typeof value === 'string' && value.trim() !== '') {
		const n = Number(value);
		return Number.isFinite(n) ? n : null;
	}
	return null;
}

/** A string from a string or a number (ids sent either way); null otherwise. */
export function toStringOrNull(value: unknown): string | null {
	if (typeof value === 'string') return value;
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	return null;
}

/** The first member of `source` present (not undefined/null) among `keys`. */
export function firstOf(source: IDataObject, keys: readonly string[]): unknown {
	for (const key of keys) {
		const value = source[key];
		if (value !== undefined && value !== null) return value;
	}
	return undefined;
}

/**
 * Member names repeat from callback to callback, so their camelCase form is memoized, but callers
 * choose the names: only short names are kept, and only so many, so the cache holds at most
 * CACHE_ENTRIES × CACHE_KEY_LENGTH characters (about 256 kB) whatever is sent.
 */
const CACHE_ENTRIES = 2000;
const CACHE_KEY_LENGTH = 64;
const camelCache = new Map<string, string>();

/** `snake_case`, `PascalCase` and `kebab-case` keys to camelCase (memoized, within a small bound). */
export function camelCase(key: string): string {
	let result = camelCache.get(key);
	if (result === undefined) {
		result = toCamelCase(key);
		if (key.length <= CACHE_KEY_LENGTH && camelCache.size < CACHE_ENTRIES) camelCache.set(key, result);
	}
	return result;
}

/** How many names the camelCase cache holds (for the bounded-memory test). */
export function camelCacheSize(): number {
	return camelCache.size;
}

/**
 * Sets `key` as an own, enumerable member. Plain assignment of `__proto__` would replace the
 * object's prototype instead; names come from callers, so every such write goes through here.
 */
export function setOwn(target: IDataObject, key: string, value: unknown): void {
	if (key === '__proto__') {
		Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
	} else {
		target[key] = value as IDataObject[keyof IDataObject];
	}
}

/** `table[key]` when `key` is the table's own member; never an inherited one (`constructor`, `toString`). */
export function ownValue<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
	return Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
}

function toCamelCase(key: string): string {
	const parts = key.split(/[_\-\s]+/).filter((p) => p !== '');
	if (parts.length === 0) return key;
	return parts
		.map((part, i) => {
			if (i === 0) {
				return /^[A-Z0-9]+$/.test(part) && part.length > 1
					? part.toLowerCase()
					: part[0].toLowerCase() + part.slice(1);
			}
			return part[0].toUpperCase() + part.slice(1);
		})
		.join('');
}

/** A deep copy of `value` whose object keys are camelCase. Arrays and scalars are kept. */
export function camelizeDeep(value: unknown): unknown {
	if (value === null || typeof value !== 'object') return value;
	if (Array.isArray(value)) return value.map(camelizeDeep);
	const out: IDataObject = {};
	for (const [key, inner] of Object.entries(value as IDataObject)) setOwn(out, camelCase(key), camelizeDeep(inner));
	return out;
}
