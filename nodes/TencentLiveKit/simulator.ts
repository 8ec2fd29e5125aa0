/**
 * What Tencent sends (docs/protocols/tencent-livekit.md, "Request"): used by the tests, the
 * package's test-event sender (scripts/lib/providers.js) and any in-n8n test callback. The
 * verification code never imports this module.
 */
import type { IDataObject } from 'n8n-workflow';

import { jsonCallback } from '../core/request';
import type { OutgoingCallback } from '../core/request';
import { tencentLiveKitSign } from './verify';

export interface TencentLiveKitSecrets {
	sdkAppId: string;
	/** When set, the request is signed with `Sign` and `RequestTime`. */
	callbackToken?: string | null;
}

/** The SDKAppID used for requests built without a credential (the documentation's sample app). */
export const SAMPLE_SDK_APP_ID = '1400000000';

/**
 * Builds the request Tencent sends for `payload`: the body as is, and in the query string
 * `SdkAppid`, `CallbackCommand` (the body's), `contenttype=json`, `ClientIP`, `OptPlatform`,
 * plus `Sign` and `RequestTime` = `nowSec` when a callback token is given.
 */
export function buildCallbackRequest(
	payload: IDataObject,
	secrets: TencentLiveKitSecrets | null,
	nowSec: number,
): OutgoingCallback {
	const query: Record<string, string> = {
		SdkAppid: secrets?.sdkAppId ?? SAMPLE_SDK_APP_ID,
		CallbackCommand: typeof payload.CallbackCommand === 'string' ? payload.CallbackCommand : '',
		contenttype: 'json',
		ClientIP: '127.0.0.1',
		OptPlatform: 'RESTAPI',
	};
	const token = secrets?.callbackToken;
	if (token) {
		query.Sign = tencentLiveKitSign(token, nowSec);
		query.RequestTime = String(nowSec);
	}
	return jsonCallback(payload, query);
}
