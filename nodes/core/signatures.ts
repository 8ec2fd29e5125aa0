/**
 * The signature schemes the providers use, as pure functions. The same function signs (tests, the
 * test-event sender) and verifies (the triggers), so both sides cannot drift apart.
 *
 * - key-then-time digest: `hex(HASH(key + time))`. Tencent CSS (`MD5(callbackKey + t)`),
 *   Tencent TUILiveKit (`SHA256(callbackToken + RequestTime)`), Huawei recording (`MD5(key + auth_timestamp)`).
 * - HMAC over concatenated fields: `hex(HMAC-SHA256(key, f1 + f2 + …))`. Huawei stream and recording callbacks.
 * - secret URL token: a random token the node puts in its own URL. Sigma Livestream.
 */
import { hashHex, hmacSha256Hex, randomSecret, safeEqual } from './digest';

export type DigestAlgorithm = 'md5' | 'sha256';

/** `hex(HASH(key + time))` — key first, no separator, `time` exactly as sent (decimal text). */
export function keyTimeDigest(algorithm: DigestAlgorithm, key: string, time: string): string {
	return hashHex(algorithm, key + time);
}

/** `hex(HMAC-SHA256(key, parts.join('')))`. Absent parts are passed as empty strings by callers. */
export function fieldsHmac(key: string, parts: readonly string[]): string {
	return hmacSha256Hex(key, parts.join(''));
}

/** A fresh token for a secret webhook URL. */
export function newUrlToken(): string {
	return randomSecret(24);
}

/**
 * Compares a hex signature received from a provider with the expected one: case-insensitive,
 * constant time. An absent or non-string signature never matches.
 */
export function hexSignatureMatches(received: unknown, expected: string): boolean {
	if (typeof received !== 'string' || received.length === 0) return false;
	return safeEqual(received.toLowerCase(), expected.toLowerCase());
}

/** Compares a secret token in constant time. An absent token never matches. */
export function tokenMatches(received: unknown, expected: string): boolean {
	if (typeof received !== 'string' || received.length === 0) return false;
	return safeEqual(received, expected);
}
