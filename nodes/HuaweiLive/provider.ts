/** Huawei Cloud Live as a callback provider (docs/protocols/huawei-live.md). */
import { secretField } from '../core/credentials';
import { choiceOption, optionsCollection, secondsOption } from '../core/options';
import type { CallbackProvider } from '../core/provider';
import { refuse } from '../core/provider';
import { unixSeconds } from '../core/timeWindow';
import { familyOf, parseHuaweiLiveEvent } from './events';
import {
	DEFAULT_MAX_AGE_SECONDS,
	DEFAULT_MAX_AHEAD_SECONDS,
	HUAWEI_LIVE_VOLATILE_KEYS,
	verifyHuaweiLiveCallback,
} from './HuaweiLiveTriggerHelpers';
import type { HuaweiLiveSecrets, SnapshotSignatureMode } from './HuaweiLiveTriggerHelpers';

export interface HuaweiLiveSettings {
	secrets: HuaweiLiveSecrets;
	snapshotSignature: SnapshotSignatureMode;
	maxAgeSeconds: number;
	maxAheadSeconds: number;
}

const WINDOW_RANGE = { min: 0, max: 604800 };
const SNAPSHOT_MODES: readonly SnapshotSignatureMode[] = ['off', 'report', 'require'];

export const huaweiLiveProvider: CallbackProvider<HuaweiLiveSettings> = {
	id: 'huawei-live',
	successBody: { status: 1, result: 'success' },
	volatileKeys: HUAWEI_LIVE_VOLATILE_KEYS,
	credentialType: 'huaweiLiveCallbackApi',
	configure(inputs) {
		const snapshot = choiceOption(
			inputs.parameter('snapshotSignature', 'report'),
			'snapshotSignature',
			SNAPSHOT_MODES,
			'report',
		);
		if (!snapshot.ok) return snapshot;
		const options = optionsCollection(inputs.parameter('options', {}));
		const age = secondsOption(options, 'maxAgeSeconds', DEFAULT_MAX_AGE_SECONDS, WINDOW_RANGE);
		if (!age.ok) return age;
		const ahead = secondsOption(options, 'maxAheadSeconds', DEFAULT_MAX_AHEAD_SECONDS, WINDOW_RANGE);
		if (!ahead.ok) return ahead;
		const credentials = inputs.credentials;
		return {
			ok: true,
			settings: {
				secrets: {
					streamNotifyKey: secretField(credentials, 'streamNotifyKey'),
					recordCallbackKey: secretField(credentials, 'recordCallbackKey'),
					snapshotKey: secretField(credentials, 'snapshotKey'),
					recordSignType: secretField(credentials, 'recordSignType'),
				},
				snapshotSignature: snapshot.value,
				maxAgeSeconds: age.value,
				maxAheadSeconds: ahead.value,
			},
		};
	},
	verify(request, settings) {
		const auth = verifyHuaweiLiveCallback(request.body, familyOf(request.body), {
			...settings,
			nowSec: unixSeconds(request.nowMs),
		});
		return auth.ok ? auth : refuse(401, auth.reason, auth.logHint);
	},
	parse(request) {
		return parseHuaweiLiveEvent(request.body, familyOf(request.body));
	},
};
