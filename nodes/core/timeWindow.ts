/** Whole seconds since the Unix epoch for a millisecond clock reading. */
export function unixSeconds(nowMs: number): number {
	return Math.floor(nowMs / 1000);
}

/**
 * Reads a provider timestamp in whole Unix seconds from a JSON number or a decimal string.
 * Returns null for anything else (floats, exponents, out-of-range values, empty strings).
 */
export function parseUnixSeconds(value: unknown): number | null {
	let text: string;
	if (typeof value === 'number') text = String(value);
	else if (typeof value === 'string') text = value.trim();
	else return null;
	if (!/^\d{1,12}$/.test(text)) return null;
	return Number(text);
}

export type WindowCheck = { ok: true } | { ok: false; reason: 'expired' | 'not yet valid' };

/**
 * Checks `timestamp` against `now`: it may lie at most `maxAgeSeconds` in the past and at most
 * `maxAheadSeconds` in the future.
 */
export function checkTimeWindow(
	timestamp: number,
	now: number,
	maxAgeSeconds: number,
	maxAheadSeconds: number,
): WindowCheck {
	if (now - timestamp > maxAgeSeconds) return { ok: false, reason: 'expired' };
	if (timestamp - now > maxAheadSeconds) return { ok: false, reason: 'not yet valid' };
	return { ok: true };
}
