/**
 * Known-answer vectors for Tencent's `sign` = hex MD5(callback key + t), none of them produced by the
 * package's own signer (docs/protocols/tencent-css.md, "Test vectors"). Tencent publishes no unmasked
 * sign together with its key, so each digest was computed with openssl (the command is beside it);
 * the first vector's inputs are Tencent's own published example values.
 */
import { setClock } from '../../../nodes/core/clock';
import { TencentCssTrigger } from '../../../nodes/TencentCss/TencentCssTrigger.node';
import { tencentCssSign, verifyTencentCssSignature } from '../../../nodes/TencentCss/verify';
import { callWebhook } from '../../harness/webhook';

interface Vector {
	source: string;
	key: string;
	t: number;
	sign: string;
}

const VECTORS: Vector[] = [
	{
		// Inputs published by Tencent: the CallbackKey of the CreateLiveCallbackTemplate API example (267/30815) and
		// the `t` of the push callback sample (document 267/38081).
		// printf '%s' 'adasda1313121703732078' | openssl dgst -md5
		source: 'Tencent-published inputs, openssl digest',
		key: 'adasda131312',
		t: 1703732078,
		sign: '3517b319dd20f5e7fe6550ca167198f8',
	},
	{
		// `t` of the recording callback sample (document 267/38082).
		// printf '%s%s' 'MyCallbackKey123' '1545030873' | openssl dgst -md5
		source: 'openssl',
		key: 'MyCallbackKey123',
		t: 1545030873,
		sign: 'be0ca6ca62b23d3545c820d6e88a8b58',
	},
	{
		// A key of the maximum 32 letters and digits; `t` of the recording-status sample (267/58590).
		// printf '%s%s' 'Zx9Qw2Er7Ty4Ui1Op8As5Df3Gh6Jk0Lz' '1754623810' | openssl dgst -md5
		source: 'openssl',
		key: 'Zx9Qw2Er7Ty4Ui1Op8As5Df3Gh6Jk0Lz',
		t: 1754623810,
		sign: '020e069677182240b5b015f13effd152',
	},
];

afterEach(() => setClock(null));

describe('Tencent CSS signature: known-answer vectors', () => {
	it.each(VECTORS)('$source: key $key, t $t', async ({ key, t, sign }) => {
		expect(tencentCssSign(key, t)).toBe(sign);
		expect(tencentCssSign(key, String(t))).toBe(sign);
		const check = { callbackKey: key, expiryGraceSeconds: 600, maxAheadSeconds: 900, nowSec: t - 600 };
		expect(verifyTencentCssSignature({ event_type: 1, t, sign }, check)).toEqual({ ok: true, authenticated: 'signature' });
		expect(verifyTencentCssSignature({ event_type: 1, t: String(t), sign: sign.toUpperCase() }, check)).toMatchObject({ ok: true });
		expect(verifyTencentCssSignature({ event_type: 1, t: t + 1, sign }, check)).toMatchObject({ ok: false, reason: 'signature mismatch' });
		expect(verifyTencentCssSignature({ event_type: 1, t, sign }, { ...check, callbackKey: `${key}x` })).toMatchObject({
			ok: false,
			reason: 'signature mismatch',
		});

		// The same request through the node, at Tencent's send time (t - 600).
		setClock(() => (t - 600) * 1000);
		const out = await callWebhook(new TencentCssTrigger(), {
			body: JSON.stringify({ event_type: 1, app: 'd', appname: 'live', stream_id: 's', t, sign }),
			credentials: { tencentCssCallbackApi: { callbackKey: key } },
		});
		expect(out.response.status).toBe(200);
		expect(out.items[0]).toMatchObject({ event: 'stream.started', authenticated: 'signature' });
	});
});
