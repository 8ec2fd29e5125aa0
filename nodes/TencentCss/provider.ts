/** Tencent CSS as a callback provider (docs/protocols/tencent-css.md). */
import { secretField } from '../core/credentials';
import { optionsCollection, secondsOption } from '../core/options';
import type { CallbackProvider } from '../core/provider';
import { refuse } from '../core/provider';
import { unixSeconds } from '../core/timeWindow';
import { parseTencentCssEvent, UNSIGNED_EVENT_TYPES } from './events';
import {
	DEFAULT_EXPIRY_GRACE_SECONDS,
	DEFAULT_MAX_AHEAD_SECONDS,
	TENCENT_CSS_VOLATILE_KEYS,
	verifyTencentCssCallback,
} from './verify';

export interface TencentCssSettings {
	callbackKey: string | null;
	expiryGraceSeconds: number;
	maxAheadSeconds: number;
	unsignedEventTypes: number[];
}

const WINDOW_RANGE = { min: 0, max: 86400 };

export const tencentCssProvider: CallbackProvider<TencentCssSettings> = {
	id: 'tencent-css',
	successBody: { code: 0 },
	volatileKeys: TENCENT_CSS_VOLATILE_KEYS,
	credentialType: 'tencentCssCallbackApi',
	configure(inputs) {
		const options = optionsCollection(inputs.parameter('options', {}));
		const grace = secondsOption(options, 'expiryGraceSeconds', DEFAULT_EXPIRY_GRACE_SECONDS, WINDOW_RANGE);
		if (!grace.ok) return grace;
		const ahead = secondsOption(options, 'maxAheadSeconds', DEFAULT_MAX_AHEAD_SECONDS, WINDOW_RANGE);
		if (!ahead.ok) return ahead;
		const unsigned = Array.isArray(options.unsignedEventTypes) ? options.unsignedEventTypes : [];
		return {
			ok: true,
			settings: {
				callbackKey: secretField(inputs.credentials, 'callbackKey'),
				expiryGraceSeconds: grace.value,
				maxAheadSeconds: ahead.value,
				unsignedEventTypes: unsigned.map(Number).filter((t) => UNSIGNED_EVENT_TYPES.includes(t)),
			},
		};
	},
	verify(request, settings) {
		const auth = verifyTencentCssCallback(request.body, { ...settings, nowSec: unixSeconds(request.nowMs) });
		return auth.ok ? auth : refuse(401, auth.reason, auth.logHint);
	},
	parse(request) {
		return parseTencentCssEvent(request.body);
	},
};
