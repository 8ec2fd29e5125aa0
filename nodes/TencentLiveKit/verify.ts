/**
 * Tencent TUILiveKit callback authentication, as pure functions (docs/protocols/tencent-livekit.md,
 * "Signature"). Tencent adds `SdkAppid`, `CallbackCommand`, `contenttype`, `ClientIP` and
 * `OptPlatform` to the callback URL's query string and, when a callback token is enabled,
 * `Sign` = hex SHA-256(token + RequestTime) and `RequestTime` (Unix seconds). Nothing else is signed:
 * not the body, not the other query parameters.
 */
import type { IDataObject } from 'n8n-workflow';

import type { Authenticated } from '../core/item';
import { queryParam } from '../core/query';
import { hexSignatureMatches, keyTimeDigest } from '../core/signatures';
import { checkTimeWindow, parseUnixSeconds } from '../core/timeWindow';

/** Tencent's documentation: a RequestTime more than one minute away from now is invalid. */
export const DEFAULT_MAX_CLOCK_SKEW_SECONDS = 60;

/** Sign and RequestTime travel in the query string, so no body member changes between retries. */
export const TENCENT_LIVEKIT_VOLATILE_KEYS: readonly string[] = [];

/** Query parameter names, matched case-insensitively (`SdkAppid` and `SdkAppId` both occur). */
export const QUERY = {
	sdkAppId: 'SdkAppid',
	command: ['CallbackCommand', 'WebhookCommand'],
	sign: 'Sign',
	requestTime: 'RequestTime',
	clientIp: 'ClientIP',
	optPlatform: 'OptPlatform',
} as const;

export interface TencentLiveKitAuthOptions {
	/** The SDKAppID configured in the credential; null = not checked. */
	sdkAppId: string | null;
	/** The callback token; null = callbacks are accepted unsigned. */
	callbackToken: string | null;
	maxClockSkewSeconds: number;
	nowSec: number;
}

export type AuthResult =
	| { ok: true; authenticated: Authenticated }
	| { ok: false; reason: string; logHint?: string };

/** `hex(SHA-256(callbackToken + RequestTime))`, RequestTime as its decimal text. */
export function tencentLiveKitSign(callbackToken: string, requestTime: string | number): string {
	return keyTimeDigest('sha256', callbackToken, String(requestTime));
}

export function verifyTencentLiveKitCallback(query: IDataObject, options: TencentLiveKitAuthOptions): AuthResult {
	if (options.sdkAppId !== null) {
		const received = queryParam(query, QUERY.sdkAppId);
		if (received === null || received.trim() !== options.sdkAppId) {
			return {
				ok: false,
				reason: 'wrong app id',
				logHint: 'The SdkAppid in the callback URL differs from the SDKAppID in the credential',
			};
		}
	}
	const { callbackToken } = options;
	if (callbackToken === null) return { ok: true, authenticated: 'none' };

	const sign = queryParam(query, QUERY.sign);
	const requestTimeText = queryParam(query, QUERY.requestTime);
	if (sign === null || sign === '' || requestTimeText === null || requestTimeText === '') {
		return {
			ok: false,
			reason: 'missing signature',
			logHint: 'A callback token is set in the credential: enable it in Tencent (set_callback_token, IsTokenEnable true) or clear it',
		};
	}
	const requestTime = parseUnixSeconds(requestTimeText);
	if (requestTime === null) return { ok: false, reason: 'missing or invalid timestamp' };
	if (!hexSignatureMatches(sign, tencentLiveKitSign(callbackToken, requestTimeText.trim()))) {
		return {
			ok: false,
			reason: 'signature mismatch',
			logHint: 'Check that the credential holds the callback token set with set_callback_token',
		};
	}
	const skew = options.maxClockSkewSeconds;
	const window = checkTimeWindow(requestTime, options.nowSec, skew, skew);
	if (!window.ok) {
		return {
			ok: false,
			reason: `signature ${window.reason}`,
			logHint: 'Check the server clock, or widen the allowed clock skew in the node options',
		};
	}
	return { ok: true, authenticated: 'signature' };
}
