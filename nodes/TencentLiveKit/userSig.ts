/**
 * Tencent Chat/Live REST authentication: UserSig, TLS-sig API v2 (research tuilivekit.md §5), with
 * node:crypto only. zlib is not an allowed import inside nodes/, so the JSON document is wrapped
 * in a valid zlib stream (RFC 1950) made of stored, uncompressed deflate blocks (RFC 1951 §3.2.4)
 * plus its Adler-32 checksum: every inflater, Tencent's included, reads it.
 */
import { createHmac } from 'node:crypto';

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

/** Adler-32 checksum (RFC 1950 §8.2). */
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
