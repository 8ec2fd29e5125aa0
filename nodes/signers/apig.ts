/**
 * Huawei Cloud API Gateway AK/SK signing, SDK-HMAC-SHA256 (docs/protocols/stream-control.md §2.1), with
 * node:crypto only. `signApig` is pure: the same inputs give Huawei's published example.
 */
import { createHmac } from 'node:crypto';
import type { IHttpRequestOptions } from 'n8n-workflow';

import { pinJsonBody, pinTarget, queryPairs, rfc3986, setHeader, sha256Hex } from './request';

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

/** Written in request paths by callers; replaced by the credential's project ID when signing. */
export const PROJECT_ID_PLACEHOLDER = '{project_id}';

export interface HuaweiCloudSecrets {
	accessKey: string;
	secretKey: string;
	projectId: string;
	/** Region endpoint, e.g. `https://live.cn-north-4.myhuaweicloud.com`. */
	endpoint: string;
}

/**
 * Signs n8n request options in place for Huawei APIG: `X-Sdk-Date` and `X-Project-Id` are added
 * and signed with `host` (and `content-type` when a body is sent). The query is pinned into the
 * URL so the canonical query and the sent query are the same.
 */
export function signHuaweiRequest(
	options: IHttpRequestOptions,
	secrets: HuaweiCloudSecrets,
	nowMs: number,
): IHttpRequestOptions {
	options.url = options.url.replace(PROJECT_ID_PLACEHOLDER, encodeURIComponent(secrets.projectId));
	const target = pinTarget(options, secrets.endpoint);
	const method = (options.method ?? 'GET').toUpperCase();
	const body = method === 'GET' || method === 'DELETE' ? undefined : pinJsonBody(options);
	if (body === undefined) delete options.body;
	const date = sdkDate(nowMs);
	const signedHeaders: Record<string, string> = {
		host: target.host,
		'x-project-id': secrets.projectId,
		'x-sdk-date': date,
	};
	if (body !== undefined) {
		signedHeaders['content-type'] = 'application/json';
		setHeader(options, 'Content-Type', 'application/json');
	}
	const signed = signApig({
		method,
		path: target.pathname,
		query: queryPairs(target),
		signedHeaders,
		body: body ?? '',
		accessKey: secrets.accessKey,
		secretKey: secrets.secretKey,
	});
	setHeader(options, 'X-Sdk-Date', date);
	setHeader(options, 'X-Project-Id', secrets.projectId);
	setHeader(options, 'Authorization', signed.authorization);
	return options;
}
