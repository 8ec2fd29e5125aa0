/**
 * The Tencent CSS callback signature (docs/protocols/tencent-css.md, "The signature"), as pure
 * functions: body members `t` (expiry, Unix seconds = creation + 600) and `sign` = hex MD5(callback
 * key + t). No body member other than `t` is signed: a captured `t`/`sign` pair verifies with any
 * other body until its window closes (see "Limits" there).
 */
import type { IDataObject } from 'n8n-workflow';

import type { Authenticated } from '../core/item';
import { hexSignatureMatches, keyTimeDigest } from '../core/signatures';
import { checkTimeWindow } from '../core/timeWindow';

/** How long a Tencent signature is valid after its creation (so `t` = creation + this). */
export const SIGNATURE_VALIDITY_SECONDS = 600;
/**
 * Default tolerance after `t`. Tencent retries up to 12 times, 1 minute apart, each after a 20 s
 * timeout, and does not document refreshing `t`: the last retry can come about 16 minutes after
 * creation, 6 minutes after `t`. 600 s covers that plus clock skew.
 */
export const DEFAULT_EXPIRY_GRACE_SECONDS = 600;
/** Default tolerance before `t`: its 600 s validity plus 300 s of clock skew. */
export const DEFAULT_MAX_AHEAD_SECONDS = 900;

/** Body members a retry may refresh: left out of `eventId`. */
export const TENCENT_CSS_VOLATILE_KEYS = ['t', 'sign'] as const;

export interface SignatureCheck {
	/** The credential's callback key; null = no key, callbacks are not checked. */
	callbackKey: string | null;
	expiryGraceSeconds: number;
	maxAheadSeconds: number;
	nowSec: number;
}

export type SignatureResult =
	| { ok: true; authenticated: Authenticated }
	| { ok: false; reason: string; logHint?: string };

/** `hex(MD5(callbackKey + t))`, `t` as its decimal text. */
export function tencentCssSign(callbackKey: string, t: string | number): string {
	return keyTimeDigest('md5', callbackKey, String(t));
}

/**
 * The decimal text of `t` that was signed: a JSON integer, or a string of 1 to 12 digits exactly as
 * sent (no sign, point, exponent or whitespace). Null for anything else.
 */
export function signedTimeText(t: unknown): string | null {
	const text = typeof t === 'number' ? (Number.isSafeInteger(t) ? String(t) : '') : typeof t === 'string' ? t : '';
	return /^\d{1,12}$/.test(text) ? text : null;
}

/** True when the body carries no signature at all (absent, null or empty `sign`). */
export function isUnsigned(body: IDataObject): boolean {
	return body.sign === undefined || body.sign === null || body.sign === '';
}

/**
 * Checks `t`/`sign` against the key and the time window. Without a key every callback passes as
 * `authenticated: "none"`. A body without a signature gives `missing signature`, which the provider
 * may still accept for an event type the user chose (provider.ts); a present signature is always
 * checked, whatever the event type.
 */
export function verifyTencentCssSignature(body: IDataObject, check: SignatureCheck): SignatureResult {
	const { callbackKey } = check;
	if (callbackKey === null) return { ok: true, authenticated: 'none' };
	if (isUnsigned(body)) return { ok: false, reason: 'missing signature' };

	const tText = signedTimeText(body.t);
	if (tText === null) return { ok: false, reason: 'missing or invalid timestamp' };
	if (!hexSignatureMatches(body.sign, tencentCssSign(callbackKey, tText))) {
		return {
			ok: false,
			reason: 'signature mismatch',
			logHint: 'Check that the credential holds the callback key of the template bound to this domain',
		};
	}
	const window = checkTimeWindow(Number(tText), check.nowSec, check.expiryGraceSeconds, check.maxAheadSeconds);
	if (!window.ok) {
		return {
			ok: false,
			reason: `signature ${window.reason}`,
			logHint: 'Check the server clock, or widen the expiry grace in the node options',
		};
	}
	return { ok: true, authenticated: 'signature' };
}
