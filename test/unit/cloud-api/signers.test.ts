/**
 * The three request signers against the research's published worked examples
 * (docs/protocols/stream-control.md §1.1, §2.1, §3.1).
 */
import { inflateSync } from 'node:zlib';

import { canonicalQuery, sdkDate, signApig } from '../../../nodes/signers/apig';
import { signTc3 } from '../../../nodes/signers/tc3';
import {
	adler32,
	generateUserSig,
	userSigHmac,
	userSigStringToSign,
	zlibStored,
} from '../../../nodes/signers/userSig';

const CVM_BODY = '{"Limit": 1, "Filters": [{"Values": ["\\u672a\\u547d\\u540d"], "Name": "instance-name"}]}';
const EXAMPLE_ID = 'AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE';
const EXAMPLE_KEY = 'Gu5t9xGARNpq86cd98joQYCN3EXAMPLE';

describe('TC3-HMAC-SHA256 (Tencent Cloud API 3.0)', () => {
	it('hashes the published payload exactly', () => {
		const signed = signTc3({
			method: 'POST',
			signedHeaders: { 'Content-Type': 'application/json; charset=utf-8', Host: 'cvm.tencentcloudapi.com' },
			body: CVM_BODY,
			timestamp: 1551113065,
			service: 'cvm',
			secretId: EXAMPLE_ID,
			secretKey: EXAMPLE_KEY,
		});
		expect(signed.canonicalRequest.split('\n').pop()).toBe(
			'35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064',
		);
	});

	it('reproduces vector A (EN doc): canonical request, string to sign, signature and header', () => {
		const signed = signTc3({
			method: 'POST',
			signedHeaders: { 'Content-Type': 'application/json; charset=utf-8', Host: 'cvm.tencentcloudapi.com' },
			body: CVM_BODY,
			timestamp: 1551113065,
			service: 'cvm',
			secretId: EXAMPLE_ID,
			secretKey: EXAMPLE_KEY,
		});
		expect(signed.canonicalRequest).toBe(
			'POST\n/\n\ncontent-type:application/json; charset=utf-8\nhost:cvm.tencentcloudapi.com\n\ncontent-type;host\n35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064',
		);
		expect(signed.stringToSign).toBe(
			'TC3-HMAC-SHA256\n1551113065\n2019-02-25/cvm/tc3_request\n5ffe6a04c0664d6b969fab9a13bdab201d63ee709638e2749d62a09ca18d7031',
		);
		expect(signed.signature).toBe('72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168');
		expect(signed.authorization).toBe(
			'TC3-HMAC-SHA256 Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE/2019-02-25/cvm/tc3_request, SignedHeaders=content-type;host, Signature=72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168',
		);
	});

	it('reproduces vector C (CN doc, x-tc-action signed)', () => {
		const signed = signTc3({
			method: 'POST',
			signedHeaders: {
				'content-type': 'application/json; charset=utf-8',
				host: 'cvm.tencentcloudapi.com',
				'X-TC-Action': 'DescribeInstances',
			},
			body: CVM_BODY,
			timestamp: 1551113065,
			service: 'cvm',
			secretId: EXAMPLE_ID,
			secretKey: '*'.repeat(32),
		});
		expect(signed.signedHeaderNames).toBe('content-type;host;x-tc-action');
		expect(signed.canonicalRequest).toContain('\nx-tc-action:describeinstances\n');
		expect(signed.stringToSign.split('\n')[3]).toBe('7019a55be8395899b900fb5564e4200d984910f34794a27cb3fb7d10ff6a1e84');
		expect(signed.signature).toBe('10b1a37a7301a02ca19a647ad722d5e43b4b3cff309d421d85b46093f6ab6c4f');
	});

	it('reproduces vector D (legacy EN doc, GET with a query)', () => {
		const signed = signTc3({
			method: 'GET',
			canonicalQuery: 'Limit=10&Offset=0',
			signedHeaders: { 'content-type': 'application/x-www-form-urlencoded', host: 'cvm.tencentcloudapi.com' },
			body: '',
			timestamp: 1539084154,
			service: 'cvm',
			secretId: EXAMPLE_ID,
			secretKey: EXAMPLE_KEY,
		});
		expect(signed.credentialScope).toBe('2018-10-09/cvm/tc3_request');
		expect(signed.signature).toBe('5da7a33f6993f0614b047e5df4582db9e9bf4672ba50567dba16c6ccf174c474');
	});

	it('reproduces the CSS-flavoured vectors L1 and L2 (host live.tencentcloudapi.com)', () => {
		const base = {
			method: 'POST',
			body: '{}',
			timestamp: 1700000000,
			service: 'live',
			secretId: EXAMPLE_ID,
			secretKey: EXAMPLE_KEY,
		};
		const l1 = signTc3({
			...base,
			signedHeaders: { 'content-type': 'application/json', host: 'live.tencentcloudapi.com' },
		});
		expect(l1.credentialScope).toBe('2023-11-14/live/tc3_request');
		expect(l1.stringToSign.split('\n')[3]).toBe('37651d6061396f9bceeade4fdf339c9c1f59f219d8042115daebe3535dffb8ed');
		expect(l1.signature).toBe('6c8ce4f9378f7eea06395958242f94f058e6e9e7a3eeb1d621dab58378009652');
		const l2 = signTc3({
			...base,
			signedHeaders: {
				'content-type': 'application/json',
				host: 'live.tencentcloudapi.com',
				'x-tc-action': 'DescribeLiveCallbackTemplates',
			},
		});
		expect(l2.signature).toBe('22abf5729af99a1040193abcf51e88a02829f4c69da65f87a8124a52c0346598');
	});

	it('uses the UTC date of the timestamp, not local time, around midnight', () => {
		const signed = signTc3({
			method: 'POST',
			signedHeaders: { 'content-type': 'application/json', host: 'live.tencentcloudapi.com' },
			body: '{}',
			timestamp: Date.UTC(2026, 0, 1, 23, 59, 59) / 1000,
			service: 'live',
			secretId: 'id',
			secretKey: 'key',
		});
		expect(signed.credentialScope).toBe('2026-01-01/live/tc3_request');
	});
});

describe('SDK-HMAC-SHA256 (Huawei API Gateway)', () => {
	const published = {
		method: 'GET',
		path: '/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs',
		query: [
			['marker', '13551d6b-755d-4757-b956-536f674975c0'],
			['limit', '2'],
		] as Array<[string, string]>,
		signedHeaders: {
			'Content-Type': 'application/json',
			Host: 'service.region.example.com',
			'X-Sdk-Date': '20191115T033655Z',
		},
		body: '',
		accessKey: 'QTWAOYTTINDUT2QVKYUC',
		secretKey: 'MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc',
	};

	it('reproduces Huawei\'s published example exactly', () => {
		const signed = signApig(published);
		expect(signed.canonicalRequest).toBe(
			'GET\n/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs/\nlimit=2&marker=13551d6b-755d-4757-b956-536f674975c0\ncontent-type:application/json\nhost:service.region.example.com\nx-sdk-date:20191115T033655Z\n\ncontent-type;host;x-sdk-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
		);
		expect(signed.stringToSign).toBe(
			'SDK-HMAC-SHA256\n20191115T033655Z\nb25362e603ee30f4f25e7858e8a7160fd36e803bb2dfe206278659d71a9bcd7a',
		);
		expect(signed.signature).toBe('7be6668032f70418fcc22abc52071e57aff61b84a1d2381bb430d6870f4f6ebe');
		expect(signed.authorization).toBe(
			'SDK-HMAC-SHA256 Access=QTWAOYTTINDUT2QVKYUC, SignedHeaders=content-type;host;x-sdk-date, Signature=7be6668032f70418fcc22abc52071e57aff61b84a1d2381bb430d6870f4f6ebe',
		);
	});

	it('changes the signature when X-Project-Id is added and signed', () => {
		const withProject = signApig({
			...published,
			signedHeaders: { ...published.signedHeaders, 'X-Project-Id': '77b6a44cba5143ab91d13ab9a8ff44fd' },
		});
		expect(withProject.signedHeaderNames).toBe('content-type;host;x-project-id;x-sdk-date');
		expect(withProject.signature).not.toBe('7be6668032f70418fcc22abc52071e57aff61b84a1d2381bb430d6870f4f6ebe');
	});

	it('encodes query names and values per RFC 3986 and keeps empty values', () => {
		expect(canonicalQuery([['domain', 'push.example.com'], ['a b', ''], ['x', '*~']])).toBe(
			'a%20b=&domain=push.example.com&x=%2A~',
		);
	});

	it('formats X-Sdk-Date as YYYYMMDDTHHMMSSZ in UTC', () => {
		expect(sdkDate(Date.UTC(2019, 10, 15, 3, 36, 55, 123))).toBe('20191115T033655Z');
	});
});

describe('UserSig (TLS-sig API v2) with a stored-block zlib stream', () => {
	const vector = {
		sdkAppId: 1400000000,
		secretKey: '5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e',
		identifier: 'xiaojun',
		expireSeconds: 15552000,
		time: 1700000000,
	};

	function decode(userSig: string): Record<string, unknown> {
		const base64 = userSig.replace(/\*/g, '+').replace(/-/g, '/').replace(/_/g, '=');
		return JSON.parse(inflateSync(Buffer.from(base64, 'base64')).toString('utf8'));
	}

	it('signs the documented lines, trailing newline included', () => {
		expect(userSigStringToSign(vector)).toBe(
			'TLS.identifier:xiaojun\nTLS.sdkappid:1400000000\nTLS.time:1700000000\nTLS.expire:15552000\n',
		);
	});

	it('reproduces the recorded HMAC values', () => {
		expect(userSigHmac(vector)).toBe('LvA7d/Iw7gSsnskvVzBDPOCCDbuNCw4GHwTC0bip+B4=');
		expect(userSigHmac({ ...vector, identifier: 'administrator' })).toBe(
			'JCzxanF8NTTXau4m+2h9wv7gYJnyNksm0xm1NEXU274=',
		);
	});

	it('decodes with Node\'s zlib to the documented JSON document', () => {
		const userSig = generateUserSig(vector);
		expect(userSig).toMatch(/^[A-Za-z0-9*\-_]+$/);
		expect(decode(userSig)).toEqual({
			'TLS.ver': '2.0',
			'TLS.identifier': 'xiaojun',
			'TLS.sdkappid': 1400000000,
			'TLS.time': 1700000000,
			'TLS.expire': 15552000,
			'TLS.sig': 'LvA7d/Iw7gSsnskvVzBDPOCCDbuNCw4GHwTC0bip+B4=',
		});
	});

	it('decodes the research\'s Node-zlib UserSig to the same document (same verifier path)', () => {
		const published =
			'eJyrVgrxCdYrSy1SslIy0jNQ0gHzM1NS80oy0zLBwhWZiflZpXlQqeKU7MSCgswUJStDEwMogMiUZOamKlkZmqOKplYUZBaBxE1NTY3gosWZ6UpWSj5ljuYp*p7l5unBxXnF2WVhVU4uAf7Ozi5JpX7O5SbuHuUhzgZJmQXaTia2SrUAohcx8g__';
		expect(decode(published)).toEqual(decode(generateUserSig(vector)));
	});

	it('writes stored blocks that zlib inflates for empty, one-block and multi-block inputs', () => {
		for (const size of [0, 1, 65535, 65536, 140000]) {
			const data = Buffer.alloc(size);
			for (let i = 0; i < size; i++) data[i] = (i * 31 + 7) & 0xff;
			const stream = zlibStored(data);
			expect(inflateSync(stream).equals(data)).toBe(true);
		}
	});

	it('computes Adler-32 as zlib does', () => {
		expect(adler32(Buffer.from('Wikipedia', 'ascii'))).toBe(0x11e60398);
		expect(adler32(Buffer.alloc(0))).toBe(1);
	});

	it('a corrupted checksum is refused by zlib (the stream really is checked)', () => {
		const stream = zlibStored(Buffer.from('{"a":1}'));
		stream[stream.length - 1] ^= 0xff;
		expect(() => inflateSync(stream)).toThrow();
	});
});
