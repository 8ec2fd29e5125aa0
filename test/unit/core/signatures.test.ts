import { safeEqual } from '../../../nodes/core/digest';
import {
	fieldsHmac,
	hexSignatureMatches,
	keyTimeDigest,
	newUrlToken,
	tokenMatches,
} from '../../../nodes/core/signatures';

describe('signature schemes', () => {
	it('reproduces the Tencent CSS vectors: MD5(key + t)', () => {
		expect(keyTimeDigest('md5', 'adasda131312', '1703732078')).toBe('3517b319dd20f5e7fe6550ca167198f8');
		expect(keyTimeDigest('md5', 'MyCallbackKey123', '1545030873')).toBe('be0ca6ca62b23d3545c820d6e88a8b58');
		expect(keyTimeDigest('md5', '', '1703732078')).toBe('24dbd6275672e05b8eec2338f7db9a82');
	});

	it('reproduces the TUILiveKit vector: SHA256(token + RequestTime)', () => {
		expect(keyTimeDigest('sha256', 'xxxxyyyy', '1669872112')).toBe(
			'17773bc39a671d7b9aa835458704d2a6db81360a5940292b587d6d760d484061',
		);
	});

	it('computes HMAC-SHA256 over the concatenated fields', () => {
		// RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?"
		expect(fieldsHmac('Jefe', ['what do ya want ', 'for nothing?'])).toBe(
			'5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
		);
	});

	it('matches hex signatures case-insensitively and refuses absent ones', () => {
		const expected = '3517b319dd20f5e7fe6550ca167198f8';
		expect(hexSignatureMatches(expected.toUpperCase(), expected)).toBe(true);
		expect(hexSignatureMatches(expected.slice(0, 31), expected)).toBe(false);
		expect(hexSignatureMatches(`${expected}0`, expected)).toBe(false);
		expect(hexSignatureMatches('', expected)).toBe(false);
		expect(hexSignatureMatches(undefined, expected)).toBe(false);
		expect(hexSignatureMatches(12345, expected)).toBe(false);
	});

	it('compares tokens exactly (case-sensitive) and in constant time', () => {
		const token = newUrlToken();
		expect(token).toMatch(/^[0-9a-f]{48}$/);
		expect(newUrlToken()).not.toBe(token);
		expect(tokenMatches(token, token)).toBe(true);
		expect(tokenMatches(token.toUpperCase(), token)).toBe(false);
		expect(tokenMatches(undefined, token)).toBe(false);
		expect(safeEqual('a', 'a')).toBe(true);
		expect(safeEqual('a', 'ab')).toBe(false);
	});
});
