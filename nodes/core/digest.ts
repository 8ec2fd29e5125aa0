import * as crypto from 'node:crypto';
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

// One-shot hashing (Node >= 20.12) is about twice as fast as a Hash object for short inputs.
const oneShot = typeof crypto.hash === 'function' ? crypto.hash : undefined;

/** Lower-case hex digest of `message` (UTF-8). */
export function hashHex(algorithm: 'md5' | 'sha256', message: string): string {
	if (oneShot) return oneShot(algorithm, message, 'hex');
	return createHash(algorithm).update(message, 'utf8').digest('hex');
}

/** Lower-case hex HMAC-SHA256 of `message` under `key` (both UTF-8). */
export function hmacSha256Hex(key: string, message: string): string {
	return createHmac('sha256', key).update(message, 'utf8').digest('hex');
}

/** A random secret of `bytes` bytes, hex encoded (URL safe). */
export function randomSecret(bytes = 24): string {
	return randomBytes(bytes).toString('hex');
}

/**
 * Constant-time string comparison: the time does not depend on where the strings differ. A length
 * difference returns at once; lengths are public (a hex digest always has the same length).
 */
export function safeEqual(actual: string, expected: string): boolean {
	const a = Buffer.from(actual, 'utf8');
	const b = Buffer.from(expected, 'utf8');
	return a.length === b.length && timingSafeEqual(a, b);
}
