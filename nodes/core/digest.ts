import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** Lower-case hex digest of `message` (UTF-8). */
export function hashHex(algorithm: 'md5' | 'sha256', message: string): string {
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
 * Constant-time string comparison. Both sides are reduced to SHA-256 digests first, so the
 * comparison time depends neither on where they differ nor on the expected value's length.
 */
export function safeEqual(actual: string, expected: string): boolean {
	const a = createHash('sha256').update(actual, 'utf8').digest();
	const b = createHash('sha256').update(expected, 'utf8').digest();
	return timingSafeEqual(a, b);
}
