/**
 * Node options that bound a security check (time windows) are read here. A missing option takes its
 * default; an option that is present but not a whole number inside its range (an expression that
 * yields "abc", a negative window) makes the configuration invalid, so every request is refused
 * rather than checked against a window that would always pass.
 */
import { isJsonObject } from './convert';

export type OptionRead<T> = { ok: true; value: T } | { ok: false; reason: string };

/** The node's `options` collection as an object (an invalid value reads as no options set). */
export function optionsCollection(value: unknown): Record<string, unknown> {
	return isJsonObject(value) ? value : {};
}

/** A whole number of seconds in `[min, max]`, `fallback` when absent. */
export function secondsOption(
	options: Record<string, unknown>,
	name: string,
	fallback: number,
	range: { min: number; max: number },
): OptionRead<number> {
	const raw = Object.prototype.hasOwnProperty.call(options, name) ? options[name] : undefined;
	if (raw === undefined || raw === null || raw === '') return { ok: true, value: fallback };
	const value = typeof raw === 'string' && /^\s*\d+\s*$/.test(raw) ? Number(raw) : raw;
	if (typeof value !== 'number' || !Number.isInteger(value) || value < range.min || value > range.max) {
		return {
			ok: false,
			reason: `option "${name}" must be a whole number of seconds from ${range.min} to ${range.max}`,
		};
	}
	return { ok: true, value };
}

/** A value among `allowed`, `fallback` when absent; anything else is invalid. */
export function choiceOption<T extends string>(
	value: unknown,
	name: string,
	allowed: readonly T[],
	fallback: T,
): OptionRead<T> {
	if (value === undefined || value === null || value === '') return { ok: true, value: fallback };
	if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) {
		return { ok: true, value: value as T };
	}
	return { ok: false, reason: `option "${name}" must be one of ${allowed.join(', ')}` };
}
