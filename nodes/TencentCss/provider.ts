/** Tencent CSS as a callback provider (docs/protocols/tencent-css.md). */
import { secretField } from '../core/credentials';
import { optionsCollection, secondsOption } from '../core/options';
import type { OptionRead } from '../core/options';
import type { CallbackProvider, Verification } from '../core/provider';
import { refuse } from '../core/provider';
import { unixSeconds } from '../core/timeWindow';
import { eventTypeLabel, eventTypeOf, parseTencentCssEvent, UNSIGNED_EVENT_TYPES } from './events';
import {
	DEFAULT_EXPIRY_GRACE_SECONDS,
	DEFAULT_MAX_AHEAD_SECONDS,
	TENCENT_CSS_VOLATILE_KEYS,
	verifyTencentCssSignature,
} from './verify';

export interface TencentCssSettings {
	callbackKey: string | null;
	expiryGraceSeconds: number;
	maxAheadSeconds: number;
	/** Event types the user chose to accept without a signature while a key is set. */
	unsignedEventTypes: readonly number[];
}

const WINDOW_RANGE = { min: 0, max: 86400 };

/** The editor's name of the opt-in, as log lines quote it. */
export const UNSIGNED_OPTION = 'Options › Accept Unsigned Event Types';

/**
 * "Accept Unsigned Event Types": a list of the types that may arrive unsigned (numbers, or digit
 * strings from an expression). Anything else makes the configuration invalid: nothing is accepted
 * unsigned by a value the node cannot read.
 */
function unsignedTypesOption(options: Record<string, unknown>): OptionRead<number[]> {
	const raw = Object.prototype.hasOwnProperty.call(options, 'unsignedEventTypes') ? options.unsignedEventTypes : undefined;
	if (raw === undefined || raw === null || raw === '') return { ok: true, value: [] };
	const invalid = {
		ok: false as const,
		reason: `option "unsignedEventTypes" must list event types among ${UNSIGNED_EVENT_TYPES.join(', ')}`,
	};
	if (!Array.isArray(raw)) return invalid;
	const types: number[] = [];
	for (const entry of raw) {
		const type = typeof entry === 'string' && /^\d{1,9}$/.test(entry) ? Number(entry) : entry;
		if (typeof type !== 'number' || !UNSIGNED_EVENT_TYPES.includes(type)) return invalid;
		if (!types.includes(type)) types.push(type);
	}
	return { ok: true, value: types };
}

/** Why an unsigned callback was refused, and what the user can do about it (logged, not answered). */
function unsignedHint(type: number | null): string {
	if (type !== null && UNSIGNED_EVENT_TYPES.includes(type)) {
		const label = eventTypeLabel(type);
		return `Tencent may send ${label} callbacks unsigned: to accept them, select "${label}" in the node's ${UNSIGNED_OPTION}`;
	}
	const what = type === null ? 'A callback without a valid event_type' : eventTypeLabel(type);
	return `${what} cannot be accepted unsigned (${UNSIGNED_OPTION} lists only the types Tencent may send unsigned): check that the callback template bound to this domain has the credential's callback key`;
}

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
		const unsigned = unsignedTypesOption(options);
		if (!unsigned.ok) return unsigned;
		return {
			ok: true,
			settings: {
				callbackKey: secretField(inputs.credentials, 'callbackKey'),
				expiryGraceSeconds: grace.value,
				maxAheadSeconds: ahead.value,
				unsignedEventTypes: unsigned.value,
			},
		};
	},
	verify(request, settings): Verification {
		const check = verifyTencentCssSignature(request.body, {
			callbackKey: settings.callbackKey,
			expiryGraceSeconds: settings.expiryGraceSeconds,
			maxAheadSeconds: settings.maxAheadSeconds,
			nowSec: unixSeconds(request.nowMs),
		});
		if (check.ok) return check;
		if (check.reason !== 'missing signature') return refuse(401, check.reason, check.logHint);
		// No signature while a key is set: accepted only for a type the user chose.
		const type = eventTypeOf(request.body);
		if (type !== null && settings.unsignedEventTypes.includes(type)) return { ok: true, authenticated: 'none' };
		return refuse(401, check.reason, unsignedHint(type));
	},
	parse(request) {
		return parseTencentCssEvent(request.body);
	},
};
