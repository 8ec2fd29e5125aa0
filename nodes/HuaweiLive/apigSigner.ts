/**
 * Huawei Cloud API Gateway AK/SK signing, SDK-HMAC-SHA256 (research huawei-live.md §3.4), with
 * node:crypto only. `signApig` is pure: the same inputs give Huawei's published example.
 */
import { createHmac } from 'node:crypto';

import { rfc3986, sha256Hex } from '../core/signedRequest';

export const APIG_ALGORITHM = 'SDK-HMAC-SHA256';

export interface ApigInput {
	method: string;
	/** Request path, not encoded (e.g. `/v1/<project>/record/callbacks`). */
	path: string;
	/** Decoded query pairs. */
	query: Array<[string, string]>;
	/** Headers to sign, any case; must include `x-sdk-date`. */
	signedHeaders: Record<string, string>;
	/** Exact body bytes (`""` when none). */
	body: string;
	accessKey: string;
	secretKey: string;
}

export interface ApigSignature {
	canonicalRequest: string;
	stringToSign: string;
	signedHeaderNames: string;
	signature: string;
	authorization: string;
}

/** `YYYYMMDDTHHMMSSZ` (UTC) for the X-Sdk-Date header. */
export function sdkDate(ms: number): string {
	return new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/** Each `/`-separated segment percent-encoded, always ending in `/`. */
export function canonicalUri(path: string): string {
	const encoded = path
		.split('/')
		.map((segment) => rfc3986(decodeURIComponentSafe(segment)))
		.join('/');
	return encoded.endsWith('/') ? encoded : encoded + '/';
}

function decodeURIComponentSafe(segment: string): string {
	try {
		return decodeURIComponent(segment);
	} catch {
		return segment;
	}
}

export function canonicalQuery(pairs: Array<[string, string]>): string {
	return pairs
		.map(([k, v]) => [rfc3986(k), rfc3986(v)] as const)
		.sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0))
		.map(([k, v]) => `${k}=${v}`)
		.join('&');
}

export function signApig(input: ApigInput): ApigSignature {
	const headers = Object.entries(input.signedHeaders)
		.map(([k, v]) => [k.toLowerCase(), v.trim()] as const)
		.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
	const signedHeaderNames = headers.map(([k]) => k).join(';');
	const sdkDateValue = headers.find(([k]) => k === 'x-sdk-date')?.[1] ?? '';
	const canonicalRequest = [
		input.method.toUpperCase(),
		canonicalUri(input.path),
		canonicalQuery(input.query),
		headers.map(([k, v]) => `${k}:${v}\n`).join(''),
		signedHeaderNames,
		sha256Hex(input.body),
	].join('\n');
	const stringToSign = [APIG_ALGORITHM, sdkDateValue, sha256Hex(canonicalRequest)].join('\n');
	const signature = createHmac('sha256', input.secretKey).update(stringToSign, 'utf8').digest('hex');
	const authorization = `${APIG_ALGORITHM} Access=${input.accessKey}, SignedHeaders=${signedHeaderNames}, Signature=${signature}`;
	return { canonicalRequest, stringToSign, signedHeaderNames, signature, authorization };
}
