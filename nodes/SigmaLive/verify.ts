/**
 * Sigma Livestream does not sign callbacks (research peers.md A2, A3.1). The trigger's security is
 * a secret token it puts in the URL it registers, as the query parameter `token`; a request without
 * that token is rejected. This file holds that check and the registered URL's shape.
 */
import type { IDataObject } from 'n8n-workflow';

import type { Authenticated } from '../core/item';
import { queryParam } from '../core/query';
import { tokenMatches } from '../core/signatures';

/** Query parameter carrying the URL token. */
export const TOKEN_QUERY_PARAMETER = 'token';

/** Sigma sends no signature or send time: nothing in the body changes between redeliveries. */
export const SIGMA_LIVE_VOLATILE_KEYS: readonly string[] = [];

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
 * `expected` null means no token is configured: every request is accepted as `none`. Otherwise
 * the `token` query parameter must match in constant time.
 */
export function checkUrlToken(query: IDataObject, expected: string | null): TokenCheck {
	if (expected === null) return { ok: true, authenticated: 'none' };
	const received = queryParam(query, TOKEN_QUERY_PARAMETER);
	if (received === null || received === '') {
		return {
			ok: false,
			reason: 'missing URL token',
			logHint: 'Only the URL registered with Sigma (which carries ?token=…) is accepted',
		};
	}
	if (!tokenMatches(received, expected)) {
		return {
			ok: false,
			reason: 'wrong URL token',
			logHint: 'The webhook may have been registered by an earlier activation: deactivate and activate the workflow again',
		};
	}
	return { ok: true, authenticated: 'secret-url' };
}
