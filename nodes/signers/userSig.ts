/**
 * Tencent Chat/Live REST authentication: UserSig, TLS-sig API v2 (docs/protocols/stream-control.md §3.1), with
 * node:crypto only. zlib is not an allowed import inside nodes/, so the JSON document is wrapped
 * in a valid zlib stream (RFC 1950) made of stored, uncompressed deflate blocks (RFC 1951 section 3.2.4)
 * plus its Adler-32 checksum: every inflater, Tencent's included, reads it.
 */
import { createHmac, randomInt } from 'node:crypto';
import type { IHttpRequestOptions } from 'n8n-workflow';

import { pinJsonBody, pinTarget, setHeader } from './request';

export interface UserSigInput {
	sdkAppId: number;
	/** The application's SecretKey, used as UTF-8 bytes (not hex-decoded). */
	secretKey: string;
	identifier: string;
	/** Validity in seconds. */
	expireSeconds: number;
	/** Signing time, Unix seconds. */
	time: number;
}

/** The lines TLS-sig v2 signs, each ending in `\n`. */
export function userSigStringToSign(input: Omit<UserSigInput, 'secretKey'>): string {
	return (
		`TLS.identifier:${input.identifier}\n` +
		`TLS.sdkappid:${input.sdkAppId}\n` +
		`TLS.time:${input.time}\n` +
		`TLS.expire:${input.expireSeconds}\n`
	);
}

/** `base64(HMAC-SHA256(secretKey, stringToSign))`, standard alphabet with padding. */
export function userSigHmac(input: UserSigInput): string {
	return createHmac('sha256', input.secretKey).update(userSigStringToSign(input), 'utf8').digest('base64');
}

/** Adler-32 checksum (RFC 1950 section 8.2). */
export function adler32(data: Uint8Array): number {
	let a = 1;
	let b = 0;
	for (let i = 0; i < data.length; i++) {
		a = (a + data[i]) % 65521;
		b = (b + a) % 65521;
	}
	return ((b << 16) | a) >>> 0;
}

const MAX_STORED_BLOCK = 65535;

/** A zlib stream holding `data` in stored (uncompressed) deflate blocks. */
export function zlibStored(data: Uint8Array): Buffer {
	const parts: Buffer[] = [Buffer.from([0x78, 0x01])]; // CM 8, 32 KiB window, FLEVEL 0, FCHECK valid
	let offset = 0;
	do {
		const length = Math.min(MAX_STORED_BLOCK, data.length - offset);
		const final = offset + length >= data.length;
		const header = Buffer.alloc(5);
		header[0] = final ? 1 : 0; // BFINAL, BTYPE 00 (stored)
		header.writeUInt16LE(length, 1);
		header.writeUInt16LE(~length & 0xffff, 3);
		parts.push(header, Buffer.from(data.subarray(offset, offset + length)));
		offset += length;
	} while (offset < data.length);
	const checksum = Buffer.alloc(4);
	checksum.writeUInt32BE(adler32(data), 0);
	parts.push(checksum);
	return Buffer.concat(parts);
}

/** Tencent's URL-safe base64 variant: `+`→`*`, `/`→`-`, `=`→`_`. */
export function tencentBase64(data: Buffer): string {
	return data.toString('base64').replace(/\+/g, '*').replace(/\//g, '-').replace(/=/g, '_');
}

/** A UserSig for `identifier` valid `expireSeconds` from `time`. */
export function generateUserSig(input: UserSigInput): string {
	const document = {
		'TLS.ver': '2.0',
		'TLS.identifier': input.identifier,
		'TLS.sdkappid': input.sdkAppId,
		'TLS.time': input.time,
		'TLS.expire': input.expireSeconds,
		'TLS.sig': userSigHmac(input),
	};
	return tencentBase64(zlibStored(Buffer.from(JSON.stringify(document), 'utf8')));
}

/** REST domains listed for Live and Chat (docs/protocols/stream-control.md §3.1). */
export const TENCENT_REST_DOMAINS: Array<{ name: string; value: string }> = [
	{ name: 'China (console.tim.qq.com)', value: 'https://console.tim.qq.com' },
	{ name: 'Singapore (adminapisgp.im.qcloud.com)', value: 'https://adminapisgp.im.qcloud.com' },
	{ name: 'USA (adminapiusa.im.qcloud.com)', value: 'https://adminapiusa.im.qcloud.com' },
	{ name: 'Seoul (adminapikr.im.qcloud.com)', value: 'https://adminapikr.im.qcloud.com' },
	{ name: 'Frankfurt (adminapiger.im.qcloud.com)', value: 'https://adminapiger.im.qcloud.com' },
	{ name: 'Mumbai (adminapiind.im.qcloud.com)', value: 'https://adminapiind.im.qcloud.com' },
	{ name: 'Jakarta (adminapiidn.im.qcloud.com)', value: 'https://adminapiidn.im.qcloud.com' },
	{ name: 'Tokyo (adminapijpn.im.qcloud.com)', value: 'https://adminapijpn.im.qcloud.com' },
	{ name: 'Custom', value: 'custom' },
];

/** Validity of the UserSig made for each REST call. */
export const REST_USERSIG_EXPIRE_SECONDS = 3600;

export interface TencentRestSecrets {
	sdkAppId: number;
	secretKey: string;
	adminIdentifier: string;
	/** Base URL, e.g. `https://adminapisgp.im.qcloud.com`. */
	endpoint: string;
}

/**
 * Signs n8n request options in place for the Tencent Chat/Live REST gateway: the common query
 * (`sdkappid`, `identifier`, `usersig`, `random`, `contenttype=json`) and a JSON body, never empty.
 */
export function signTencentRestRequest(
	options: IHttpRequestOptions,
	secrets: TencentRestSecrets,
	nowSec: number,
	random: number = randomInt(0, 4294967295),
): IHttpRequestOptions {
	options.qs = {
		...(options.qs ?? {}),
		sdkappid: String(secrets.sdkAppId),
		identifier: secrets.adminIdentifier,
		usersig: generateUserSig({
			sdkAppId: secrets.sdkAppId,
			secretKey: secrets.secretKey,
			identifier: secrets.adminIdentifier,
			expireSeconds: REST_USERSIG_EXPIRE_SECONDS,
			time: nowSec,
		}),
		random: String(random),
		contenttype: 'json',
	};
	pinTarget(options, secrets.endpoint);
	options.method = 'POST';
	options.body = pinJsonBody(options) ?? '{}';
	setHeader(options, 'Content-Type', 'application/json');
	return options;
}
