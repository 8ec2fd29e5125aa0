/**
 * Tencent Cloud API 3.0 request signing, TC3-HMAC-SHA256 (docs/protocols/stream-control.md §1.1), with
 * node:crypto only. `signTc3` is pure: the same inputs give the published worked examples.
 */
import { createHmac } from 'node:crypto';
import type { IHttpRequestOptions } from 'n8n-workflow';

import { getHeader, pinJsonBody, pinTarget, setHeader, sha256Hex } from './request';

export const TC3_ALGORITHM = 'TC3-HMAC-SHA256';

export interface Tc3Input {
	method: string;
	/** Canonical URI; always `/` for API 3.0. */
	path?: string;
	/** Canonical query string (`""` for POST). */
	canonicalQuery?: string;
	/** Headers to sign, any case; must include `content-type` and `host`. */
	signedHeaders: Record<string, string>;
	/** Exact body bytes sent (`""` for GET). */
	body: string;
	/** X-TC-Timestamp, Unix seconds. */
	timestamp: number;
	/** Credential-scope service: the host's first label, `live` for CSS. */
	service: string;
	secretId: string;
	secretKey: string;
}

export interface Tc3Signature {
	canonicalRequest: string;
	stringToSign: string;
	credentialScope: string;
	signedHeaderNames: string;
	signature: string;
	authorization: string;
}

function hmac(key: Buffer | string, message: string): Buffer {
	return createHmac('sha256', key).update(message, 'utf8').digest();
}

/** UTC date `YYYY-MM-DD` of a Unix time in seconds. */
export function utcDate(timestamp: number): string {
	return new Date(timestamp * 1000).toISOString().slice(0, 10);
}

export function signTc3(input: Tc3Input): Tc3Signature {
	const headers = Object.entries(input.signedHeaders)
		.map(([k, v]) => [k.toLowerCase(), v.trim().toLowerCase()] as const)
		.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
	const canonicalHeaders = headers.map(([k, v]) => `${k}:${v}\n`).join('');
	const signedHeaderNames = headers.map(([k]) => k).join(';');
	const canonicalRequest = [
		input.method.toUpperCase(),
		input.path ?? '/',
		input.canonicalQuery ?? '',
		canonicalHeaders,
		signedHeaderNames,
		sha256Hex(input.body),
	].join('\n');
	const date = utcDate(input.timestamp);
	const credentialScope = `${date}/${input.service}/tc3_request`;
	const stringToSign = [TC3_ALGORITHM, String(input.timestamp), credentialScope, sha256Hex(canonicalRequest)].join('\n');
	const secretDate = hmac('TC3' + input.secretKey, date);
	const secretService = hmac(secretDate, input.service);
	const secretSigning = hmac(secretService, 'tc3_request');
	const signature = hmac(secretSigning, stringToSign).toString('hex');
	const authorization = `${TC3_ALGORITHM} Credential=${input.secretId}/${credentialScope}, SignedHeaders=${signedHeaderNames}, Signature=${signature}`;
	return { canonicalRequest, stringToSign, credentialScope, signedHeaderNames, signature, authorization };
}

export const TENCENT_CLOUD_DEFAULT_ENDPOINT = 'https://live.tencentcloudapi.com';
export const CSS_API_VERSION = '2018-08-01';

export interface TencentCloudSecrets {
	secretId: string;
	secretKey: string;
	/** API endpoint, e.g. `https://live.tencentcloudapi.com`. */
	endpoint?: string;
	/** X-TC-Token, only with temporary (STS) credentials. */
	sessionToken?: string;
}

/** Credential-scope service: the first label of a `*.tencentcloudapi.com` host, else `live`. */
export function tc3Service(hostname: string): string {
	const match = /^([a-z0-9-]+)\.(?:[a-z0-9-]+\.)*tencentcloudapi\.com$/i.exec(hostname);
	return match ? match[1].toLowerCase() : 'live';
}

/**
 * Signs n8n request options in place for Tencent Cloud API 3.0: POST JSON to the endpoint, with
 * `X-TC-Action` (set by the caller) signed along with `content-type` and `host`.
 */
export function signTencentCloudRequest(
	options: IHttpRequestOptions,
	secrets: TencentCloudSecrets,
	nowSec: number,
): IHttpRequestOptions {
	const target = pinTarget(options, secrets.endpoint || TENCENT_CLOUD_DEFAULT_ENDPOINT);
	const method = (options.method ?? 'POST').toUpperCase();
	const body = method === 'GET' ? '' : (pinJsonBody(options) ?? '{}');
	if (method !== 'GET') options.body = body;
	const action = getHeader(options, 'X-TC-Action') ?? '';
	const contentType = method === 'GET' ? 'application/x-www-form-urlencoded' : 'application/json';
	const signed = signTc3({
		method,
		path: '/',
		canonicalQuery: method === 'GET' ? target.search.replace(/^\?/, '') : '',
		signedHeaders: { 'content-type': contentType, host: target.host, 'x-tc-action': action },
		body,
		timestamp: nowSec,
		service: tc3Service(target.hostname),
		secretId: secrets.secretId,
		secretKey: secrets.secretKey,
	});
	setHeader(options, 'Content-Type', contentType);
	setHeader(options, 'X-TC-Timestamp', String(nowSec));
	if (!getHeader(options, 'X-TC-Version')) setHeader(options, 'X-TC-Version', CSS_API_VERSION);
	if (secrets.sessionToken) setHeader(options, 'X-TC-Token', secrets.sessionToken);
	setHeader(options, 'Authorization', signed.authorization);
	return options;
}
