/** Huawei Cloud Live as a callback provider (docs/protocols/huawei-live.md). */
import { secretField } from '../core/credentials';
import { choiceOption, optionsCollection, secondsOption } from '../core/options';
import type { OptionRead } from '../core/options';
import type { CallbackProvider } from '../core/provider';
import { unixSeconds } from '../core/timeWindow';
import { familyOf, parseHuaweiLiveEvent } from './events';
import {
	DEFAULT_MAX_AGE_SECONDS,
	DEFAULT_MAX_AHEAD_SECONDS,
	HUAWEI_LIVE_VOLATILE_KEYS,
	isApp,
	isDomain,
	MAX_WINDOW_SECONDS,
	RECORD_SIGN_TYPES,
	verifyHuaweiLiveCallback,
} from './verify';
import type { HuaweiLiveSettings } from './verify';

const WINDOW_RANGE = { min: 0, max: MAX_WINDOW_SECONDS };
/** At most this many names per list: each signed callback is matched against every one. */
const MAX_NAMES = 100;

/**
 * A comma- or space-separated list of names, each of the documented syntax; null when empty or
 * absent. Anything else (a number, an invalid name, too many names) makes the configuration invalid.
 */
function nameList(
	options: Record<string, unknown>,
	name: string,
	valid: (value: string) => boolean,
	what: string,
): OptionRead<ReadonlySet<string> | null> {
	const raw = Object.prototype.hasOwnProperty.call(options, name) ? options[name] : undefined;
	if (raw === undefined || raw === null || raw === '') return { ok: true, value: null };
	if (typeof raw !== 'string') return { ok: false, reason: `option "${name}" must be a comma-separated list of ${what}` };
	const names = raw.split(/[\s,]+/).filter((entry) => entry !== '');
	if (names.length === 0) return { ok: true, value: null };
	const invalid = names.find((entry) => !valid(entry));
	if (invalid !== undefined) return { ok: false, reason: `option "${name}": "${invalid.slice(0, 80)}" is not a valid ${what.slice(0, -1)}` };
	if (names.length > MAX_NAMES) return { ok: false, reason: `option "${name}" lists more than ${MAX_NAMES} ${what}` };
	return { ok: true, value: new Set(names) };
}

export const huaweiLiveProvider: CallbackProvider<HuaweiLiveSettings> = {
	id: 'huawei-live',
	successBody: { status: 1, result: 'success' },
	volatileKeys: HUAWEI_LIVE_VOLATILE_KEYS,
	credentialType: 'huaweiLiveCallbackApi',
	configure(inputs) {
		// "Snapshot Signature Check" (off / report / require) of earlier versions is no longer read:
		// with a Snapshot Key, snapshot callbacks are always verified (docs/protocols/huawei-live.md).
		const options = optionsCollection(inputs.parameter('options', {}));
		const age = secondsOption(options, 'maxAgeSeconds', DEFAULT_MAX_AGE_SECONDS, WINDOW_RANGE);
		if (!age.ok) return age;
		const ahead = secondsOption(options, 'maxAheadSeconds', DEFAULT_MAX_AHEAD_SECONDS, WINDOW_RANGE);
		if (!ahead.ok) return ahead;
		const domains = nameList(options, 'acceptedDomains', isDomain, 'lower-case domain names');
		if (!domains.ok) return domains;
		const apps = nameList(options, 'acceptedApps', isApp, 'app names');
		if (!apps.ok) return apps;
		const credentials = inputs.credentials;
		const signType = choiceOption(credentials?.recordSignType, 'recordSignType', RECORD_SIGN_TYPES, 'HMACSHA256');
		if (!signType.ok) return signType;
		return {
			ok: true,
			settings: {
				keys: {
					stream: secretField(credentials, 'streamNotifyKey'),
					record: secretField(credentials, 'recordCallbackKey'),
					snapshot: secretField(credentials, 'snapshotKey'),
				},
				recordSignType: signType.value,
				maxAgeSeconds: age.value,
				maxAheadSeconds: ahead.value,
				domains: domains.value,
				apps: apps.value,
			},
		};
	},
	verify(request, settings) {
		return verifyHuaweiLiveCallback(request.body, settings, unixSeconds(request.nowMs));
	},
	parse(request) {
		return parseHuaweiLiveEvent(request.body, familyOf(request.body));
	},
};
