import { setClock } from '../../../nodes/core/clock';
import { queryParam } from '../../../nodes/core/query';
import { buildCallbackRequest, SAMPLE_SDK_APP_ID } from '../../../nodes/TencentLiveKit/simulator';
import { tencentLiveKitSign, verifyTencentLiveKitCallback } from '../../../nodes/TencentLiveKit/verify';
import { fixtures, send } from './helpers';

/**
 * Tencent's published example (provider document: seed 003, TUILiveKit "Webhooks Overview",
 * "Security Considerations", signature algorithm sample; also trtc.io/document/64412), not produced
 * by our signer. See docs/protocols/tencent-livekit.md, "Test vectors".
 */
const VECTOR = {
	token: 'xxxxyyyy',
	requestTime: '1669872112',
	sign: '17773bc39a671d7b9aa835458704d2a6db81360a5940292b587d6d760d484061',
};

/**
 * Computed with an independent tool, not our signer:
 *   printf '%s' 'n8n-livekit-token-01234567891767225600' | openssl dgst -sha256
 *   printf '%s' 'tök€n-ünïcode1767225600' | openssl dgst -sha256   (UTF-8 bytes of the token)
 */
const OPENSSL_VECTORS = [
	{ token: 'n8n-livekit-token-0123456789', requestTime: '1767225600', sign: 'af2fc1b2ba17d3d6f247d3b1ba85cdad7d36a8abddaa3c1c3e3e684d2bb13490' },
	{ token: 'tök€n-ünïcode', requestTime: '1767225600', sign: '35ae5f76989c084e4470ec46bea6429eac5255552a8586ddff8d61a6b5389372' },
];

describe('TUILiveKit signature', () => {
	it.each(OPENSSL_VECTORS)('matches the openssl-computed vector for token $token', ({ token, requestTime, sign }) => {
		expect(tencentLiveKitSign(token, requestTime)).toBe(sign);
	});

	it('accepts the published vector through the real webhook() at its own time, and refuses it 61 s later', async () => {
		const credentials = { tencentLiveKitApi: { sdkAppId: '888888', callbackToken: VECTOR.token } };
		const query = { SdkAppid: '888888', Sign: VECTOR.sign, RequestTime: VECTOR.requestTime };
		const payload = fixtures['room.created'];
		try {
			setClock(() => Number(VECTOR.requestTime) * 1000);
			const ok = await send(payload, { credentials, signToken: null, query });
			expect(ok.items).toHaveLength(1);
			expect(ok.items[0].authenticated).toBe('signature');
			setClock(() => (Number(VECTOR.requestTime) + 61) * 1000);
			const late = await send(payload, { credentials, signToken: null, query });
			expect(late.response.status).toBe(401);
			expect(late.items).toHaveLength(0);
		} finally {
			setClock(null);
		}
	});

	it('matches the published vector: sha256("xxxxyyyy" + "1669872112")', () => {
		expect(tencentLiveKitSign(VECTOR.token, VECTOR.requestTime)).toBe(VECTOR.sign);
		expect(tencentLiveKitSign(VECTOR.token, Number(VECTOR.requestTime))).toBe(VECTOR.sign);
	});

	it('does not match the documentation typo token "xxxyyy"', () => {
		expect(tencentLiveKitSign('xxxyyy', VECTOR.requestTime)).not.toBe(VECTOR.sign);
	});

	it('verifies the published vector at its own time, in upper or lower case, and rejects it a minute later', () => {
		const query = { SdkAppid: '888888', Sign: VECTOR.sign, RequestTime: VECTOR.requestTime };
		const options = { sdkAppId: '888888', callbackToken: VECTOR.token, maxClockSkewSeconds: 60 };
		const at = Number(VECTOR.requestTime);
		expect(verifyTencentLiveKitCallback(query, { ...options, nowSec: at })).toEqual({ ok: true, authenticated: 'signature' });
		expect(
			verifyTencentLiveKitCallback({ ...query, Sign: VECTOR.sign.toUpperCase() }, { ...options, nowSec: at + 60 }),
		).toEqual({ ok: true, authenticated: 'signature' });
		expect(verifyTencentLiveKitCallback(query, { ...options, nowSec: at + 61 })).toMatchObject({
			ok: false,
			reason: 'signature expired',
		});
		expect(verifyTencentLiveKitCallback(query, { ...options, nowSec: at - 61 })).toMatchObject({
			ok: false,
			reason: 'signature not yet valid',
		});
	});
});

describe('buildCallbackRequest (what Tencent sends)', () => {
	const payload = fixtures['gift.before_send'];

	it('puts SdkAppid, CallbackCommand, contenttype, ClientIP, OptPlatform, Sign and RequestTime in the query', () => {
		const request = buildCallbackRequest(payload, { sdkAppId: '888888', callbackToken: VECTOR.token }, 1669872112);
		expect(request).toEqual({
			method: 'POST',
			query: {
				SdkAppid: '888888',
				CallbackCommand: 'Live.CallbackBeforeSendGift',
				contenttype: 'json',
				ClientIP: '127.0.0.1',
				OptPlatform: 'RESTAPI',
				Sign: VECTOR.sign,
				RequestTime: '1669872112',
			},
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(payload),
		});
	});

	it('leaves Sign and RequestTime out without a token, and uses the sample app without secrets', () => {
		const unsigned = buildCallbackRequest(payload, { sdkAppId: '888888' }, 1669872112);
		expect(Object.keys(unsigned.query)).toEqual(['SdkAppid', 'CallbackCommand', 'contenttype', 'ClientIP', 'OptPlatform']);
		expect(buildCallbackRequest(payload, null, 1669872112).query.SdkAppid).toBe(SAMPLE_SDK_APP_ID);
	});
});

describe('queryParam', () => {
	it('matches names case-insensitively, in the order asked, and takes the first of repeated values', () => {
		const query = { sdkappid: ['1', '2'], WebhookCommand: 'W', callbackcommand: 'C', n: 5 };
		expect(queryParam(query, 'SdkAppId')).toBe('1');
		expect(queryParam(query, 'CallbackCommand', 'WebhookCommand')).toBe('C');
		expect(queryParam(query, 'WebhookCommand', 'CallbackCommand')).toBe('W');
		expect(queryParam(query, 'n')).toBeNull();
		expect(queryParam(query, 'missing')).toBeNull();
	});
});
