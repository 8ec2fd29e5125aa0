/**
 * The four providers the Livestream Test Callback node can imitate: each one's documented samples
 * (nodes/<Provider>/samples.ts), the simulator that builds and signs what the provider sends
 * (nodes/<Provider>/simulator.ts) and the credential that holds its callback secret.
 */
import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import type { OutgoingCallback } from '../core/request';
import { secretField } from '../core/credentials';
import { SAMPLE_EVENTS as HUAWEI_LIVE } from '../HuaweiLive/samples';
import { buildCallbackRequest as huaweiLiveRequest } from '../HuaweiLive/simulator';
import { SAMPLE_EVENTS as SIGMA_LIVE } from '../SigmaLive/samples';
import { buildCallbackRequest as sigmaLiveRequest } from '../SigmaLive/simulator';
import { SAMPLE_EVENTS as TENCENT_CSS } from '../TencentCss/samples';
import { buildCallbackRequest as tencentCssRequest } from '../TencentCss/simulator';
import { SAMPLE_EVENTS as TENCENT_LIVEKIT } from '../TencentLiveKit/samples';
import { buildCallbackRequest as tencentLiveKitRequest } from '../TencentLiveKit/simulator';

export type ProviderId = 'tencent-css' | 'tencent-livekit' | 'huawei-live' | 'sigma-live';

export interface TestCallbackProvider {
	samples: Record<string, IDataObject>;
	/** The callback credential type; null when the secret is not a credential (Sigma's URL token). */
	credentialType: string | null;
	/**
	 * The signed request for `payload`. `credentials` = the decrypted callback credential (null when
	 * none is selected), `token` = Sigma's URL token (null when none is given).
	 */
	build(payload: IDataObject, credentials: ICredentialDataDecryptedObject | null, token: string | null, nowSec: number): OutgoingCallback;
	/** True when `request` carries the provider's signature (Sigma: the URL token, checked on the URL). */
	isSigned(request: OutgoingCallback): boolean;
}

function bodyHas(request: OutgoingCallback, field: string): boolean {
	const body = JSON.parse(request.body) as IDataObject;
	return body[field] !== undefined;
}

export const TEST_CALLBACK_PROVIDERS: Record<ProviderId, TestCallbackProvider> = {
	'tencent-css': {
		samples: TENCENT_CSS,
		credentialType: 'tencentCssCallbackApi',
		build(payload, credentials, _token, nowSec) {
			const callbackKey = secretField(credentials, 'callbackKey');
			return tencentCssRequest(payload, callbackKey === null ? null : { callbackKey }, nowSec);
		},
		isSigned: (request) => bodyHas(request, 'sign'),
	},
	'tencent-livekit': {
		samples: TENCENT_LIVEKIT,
		credentialType: 'tencentLiveKitApi',
		build(payload, credentials, _token, nowSec) {
			if (credentials === null) return tencentLiveKitRequest(payload, null, nowSec);
			const sdkAppId = credentials.sdkAppId;
			return tencentLiveKitRequest(
				payload,
				{
					sdkAppId: sdkAppId === undefined || sdkAppId === null ? '' : String(sdkAppId).trim(),
					callbackToken: secretField(credentials, 'callbackToken'),
				},
				nowSec,
			);
		},
		isSigned: (request) => request.query.Sign !== undefined,
	},
	'huawei-live': {
		samples: HUAWEI_LIVE,
		credentialType: 'huaweiLiveCallbackApi',
		build(payload, credentials, _token, nowSec) {
			if (credentials === null) return huaweiLiveRequest(payload, null, nowSec);
			return huaweiLiveRequest(
				payload,
				{
					streamNotifyKey: secretField(credentials, 'streamNotifyKey'),
					recordCallbackKey: secretField(credentials, 'recordCallbackKey'),
					snapshotKey: secretField(credentials, 'snapshotKey'),
					recordSignType: secretField(credentials, 'recordSignType'),
				},
				nowSec,
			);
		},
		isSigned: (request) => bodyHas(request, 'auth_sign'),
	},
	'sigma-live': {
		samples: SIGMA_LIVE,
		credentialType: null,
		build(payload, _credentials, token, nowSec) {
			return sigmaLiveRequest(payload, token === null ? null : { token }, nowSec);
		},
		isSigned: (request) => request.query.token !== undefined,
	},
};

export function isProviderId(value: unknown): value is ProviderId {
	return typeof value === 'string' && Object.prototype.hasOwnProperty.call(TEST_CALLBACK_PROVIDERS, value);
}

/** The Event options of a provider: one per sample, in the samples' order. */
export function eventOptions(samples: Record<string, IDataObject>): Array<{ name: string; value: string; description: string }> {
	return Object.keys(samples).map((key) => {
		const [event, variant] = key.split('#');
		return {
			name: variant === undefined ? event : `${event} (${variant})`,
			value: key,
			description: variant === undefined ? `The documented ${event} sample` : `The documented ${event} sample, variant ${variant}`,
		};
	});
}
