/**
 * Sigma Livestream signs nothing (docs/protocols/sigma-live.md, "Authentication"). The trigger's
 * security is a random token in the URL it registers, as the query parameter `token`; a request
 * without that exact token is refused. The node keeps only the token's SHA-256 and compares hashes
 * in constant time. Pure functions, no I/O.
 */
import type { IDataObject } from 'n8n-workflow';

import { hashHex, safeEqual } from '../core/digest';
import type { Authenticated } from '../core/item';

/** Query parameter carrying the URL token (exact name, as the node registers it). */
export const TOKEN_QUERY_PARAMETER = 'token';

/** What the node stores instead of a token: lower-case hex SHA-256 of its UTF-8 bytes. */
export function tokenHash(token: string): string {
	return hashHex('sha256', token);
}

/** The URL registered with Sigma: the node's webhook URL plus `?token=…` when there is a token. */
export function callbackUri(webhookUrl: string, token: string | null): string {
	if (token === null) return webhookUrl;
	const separator = webhookUrl.includes('?') ? '&' : '?';
	return `${webhookUrl}${separator}${TOKEN_QUERY_PARAMETER}=${encodeURIComponent(token)}`;
}

/** The URL without its query string, for matching a registered URL to the node's. */
export function uriBase(uri: string): string {
	const q = uri.indexOf('?');
	return q === -1 ? uri : uri.slice(0, q);
}

/** The token inside a registered URL, or null. */
export function tokenInUri(uri: string): string | null {
	const q = uri.indexOf('?');
	if (q === -1) return null;
	const params = new URLSearchParams(uri.slice(q + 1));
	const token = params.get(TOKEN_QUERY_PARAMETER);
	return token === null || token === '' ? null : token;
}

export type TokenCheck =
	| { ok: true; authenticated: Authenticated }
	| { ok: false; reason: string; logHint?: string };

/**
 * `expectedHash` null means no token is configured: every request is accepted as `none`. Otherwise
 * the query must carry `token` exactly once, and its SHA-256 must equal `expectedHash` (compared
 * in constant time; both are 64 hex digits, so the length says nothing).
 */
export function checkUrlToken(query: IDataObject, expectedHash: string | null): TokenCheck {
	if (expectedHash === null) return { ok: true, authenticated: 'none' };
	const received = Object.prototype.hasOwnProperty.call(query, TOKEN_QUERY_PARAMETER)
		? query[TOKEN_QUERY_PARAMETER]
		: undefined;
	if (received === undefined || received === null || received === '') {
		return {
			ok: false,
			reason: 'missing URL token',
			logHint: 'Only the URL registered with Sigma (which carries ?token=…) is accepted',
		};
	}
	if (typeof received !== 'string') {
		return { ok: false, reason: 'malformed URL token', logHint: 'The "token" query parameter must appear once, as text' };
	}
	if (!safeEqual(tokenHash(received), expectedHash)) {
		return {
			ok: false,
			reason: 'wrong URL token',
			logHint:
				'The URL Sigma calls may be from an earlier registration: unpublish and publish the workflow to register the current one',
		};
	}
	return { ok: true, authenticated: 'secret-url' };
}
