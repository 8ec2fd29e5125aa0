import { queryParam } from '../../../nodes/core/query';
import { buildCallbackRequest, SAMPLE_SDK_APP_ID } from '../../../nodes/TencentLiveKit/simulator';
import { tencentLiveKitSign, verifyTencentLiveKitCallback } from '../../../nodes/TencentLiveKit/verify';
import { fixtures } from './helpers';

const VECTOR = {
	token: 'xxxxyyyy',
	requestTime: '1669872112',
	sign: '17773bc39a671d7b9aa835458704d2a6db81360a5940292b587d6d760d484061',
};

describe('TUILiveKit signature', () => {
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
