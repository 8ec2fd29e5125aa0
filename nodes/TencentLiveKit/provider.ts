/** Tencent TUILiveKit as a callback provider (docs/protocols/tencent-livekit.md). */
import { secretField } from '../core/credentials';
import { choiceOption, optionsCollection, secondsOption } from '../core/options';
import type { CallbackProvider, CallbackRequest } from '../core/provider';
import { refuse } from '../core/provider';
import { queryParam } from '../core/query';
import { unixSeconds } from '../core/timeWindow';
import { BEFORE_CALLBACK_ANSWERS, isBeforeCallback, TENCENT_LIVEKIT_SUCCESS_BODY } from './decision';
import type { BeforeCallbackAnswer } from './decision';
import { commandOf, parseTencentLiveKitEvent } from './events';
import { DEFAULT_MAX_CLOCK_SKEW_SECONDS, QUERY, TENCENT_LIVEKIT_VOLATILE_KEYS, verifyTencentLiveKitCallback } from './verify';

export interface TencentLiveKitSettings {
	sdkAppId: string | null;
	callbackToken: string | null;
	maxClockSkewSeconds: number;
	/** The workflow answers before-callbacks (`lastNode` / `responseNode` response modes). */
	workflowDecides: boolean;
}

/** True when the workflow answers this request: a before-callback while the workflow decides. */
function decides(request: CallbackRequest, settings: TencentLiveKitSettings): boolean {
	if (!settings.workflowDecides) return false;
	return isBeforeCallback(commandOf(request.body, queryParam(request.query, ...QUERY.command)));
}

export const tencentLiveKitProvider: CallbackProvider<TencentLiveKitSettings> = {
	id: 'tencent-livekit',
	successBody: TENCENT_LIVEKIT_SUCCESS_BODY,
	volatileKeys: TENCENT_LIVEKIT_VOLATILE_KEYS,
	credentialType: 'tencentLiveKitApi',
	configure(inputs) {
		const mode = choiceOption<BeforeCallbackAnswer>(
			inputs.parameter('beforeCallbacks', 'onReceived'),
			'beforeCallbacks',
			BEFORE_CALLBACK_ANSWERS,
			'onReceived',
		);
		if (!mode.ok) return mode;
		const options = optionsCollection(inputs.parameter('options', {}));
		const skew = secondsOption(options, 'maxClockSkewSeconds', DEFAULT_MAX_CLOCK_SKEW_SECONDS, { min: 1, max: 86400 });
		if (!skew.ok) return skew;
		const credentials = inputs.credentials;
		const rawAppId = credentials?.sdkAppId;
		return {
			ok: true,
			settings: {
				sdkAppId: typeof rawAppId === 'number' ? String(rawAppId) : secretField(credentials, 'sdkAppId'),
				callbackToken: secretField(credentials, 'callbackToken'),
				maxClockSkewSeconds: skew.value,
				workflowDecides: mode.value === 'lastNode' || mode.value === 'responseNode',
			},
		};
	},
	verify(request, settings) {
		const auth = verifyTencentLiveKitCallback(request.query, { ...settings, nowSec: unixSeconds(request.nowMs) });
		return auth.ok ? auth : refuse(401, auth.reason, auth.logHint);
	},
	parse(request, settings) {
		return parseTencentLiveKitEvent(request.body, { query: request.query, workflowDecides: decides(request, settings) });
	},
	answerAtOnce: (settings) => settings.workflowDecides,
	answerFromWorkflow: (request, settings) => decides(request, settings),
};
