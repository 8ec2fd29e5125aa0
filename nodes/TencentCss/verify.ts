/**
 * Tencent CSS callback signature (research tencent-css.md §2): body fields `t` (expiry, Unix
 * seconds = creation + 600) and `sign` = hex MD5(callbackKey + t). The body itself is not signed.
 */
import type { IDataObject } from 'n8n-workflow';

import type { Authenticated } from '../core/item';
import { hexSignatureMatches, keyTimeDigest } from '../core/signatures';
import { checkTimeWindow, parseUnixSeconds } from '../core/timeWindow';
import { toNumber } from '../core/convert';

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

export interface TencentCssAuthOptions {
	callbackKey: string | null;
	expiryGraceSeconds: number;
	maxAheadSeconds: number;
	/** event_type values accepted without `sign` while a key is configured. */
	unsignedEventTypes: readonly number[];
	nowSec: number;
}

export type AuthResult =
	| { ok: true; authenticated: Authenticated }
	| { ok: false; reason: string; logHint?: string };

export function tencentCssSign(callbackKey: string, t: string | number): string {
	return keyTimeDigest('md5', callbackKey, String(t));
}

export function verifyTencentCssCallback(body: IDataObject, options: TencentCssAuthOptions): AuthResult {
	const { callbackKey } = options;
	if (callbackKey === null) return { ok: true, authenticated: 'none' };

	const sign = body.sign;
	if (sign === undefined || sign === null || sign === '') {
		const eventType = toNumber(body.event_type);
		if (eventType !== null && options.unsignedEventTypes.includes(eventType)) {
			return { ok: true, authenticated: 'none' };
		}
		return { ok: false, reason: 'missing signature' };
	}
	const t = parseUnixSeconds(body.t);
	if (t === null) return { ok: false, reason: 'missing or invalid timestamp' };
	if (!hexSignatureMatches(sign, tencentCssSign(callbackKey, String(body.t).trim()))) {
		return {
			ok: false,
			reason: 'signature mismatch',
			logHint: 'Check that the credential holds the callback key of the template bound to this domain',
		};
	}
	const window = checkTimeWindow(t, options.nowSec, options.expiryGraceSeconds, options.maxAheadSeconds);
	if (!window.ok) {
		return {
			ok: false,
			reason: `signature ${window.reason}`,
			logHint: 'Check the server clock, or widen the expiry grace in the node options',
		};
	}
	return { ok: true, authenticated: 'signature' };
}
