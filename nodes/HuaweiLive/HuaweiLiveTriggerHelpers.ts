/**
 * Huawei Cloud Live callback signatures (research huawei-live.md §2), in one place: verify + sign +
 * `buildCallbackRequest`. All three families carry `auth_timestamp` (Unix seconds, a JSON number)
 * and `auth_sign` (lower-case hex) inside the JSON body, only when a key is configured.
 *
 * - stream (PUBLISH / PUBLISH_DONE) [DOC]: HMAC-SHA256(key, event + domain + app + stream + auth_timestamp)
 * - record (RECORD_*) [DOC], per the config's sign type:
 *     MD5:        MD5(key + auth_timestamp)
 *     HMACSHA256: HMAC-SHA256(key, auth_timestamp + event_type + publish_domain + app + stream + download_url + play_url)
 *                 absent fields as empty strings [INFERRED]
 * - snapshot [UNKNOWN formula]: candidate formulas, checked only as the node's option says.
 */
import type { IDataObject } from 'n8n-workflow';

import type { Authenticated } from '../core/item';
import { jsonCallback } from '../core/request';
import type { OutgoingCallback } from '../core/request';
import { fieldsHmac, hexSignatureMatches, keyTimeDigest } from '../core/signatures';
import { checkTimeWindow, parseUnixSeconds } from '../core/timeWindow';
import { familyOf, fieldText, streamOf } from './events';
import type { HuaweiFamily } from './events';

/**
 * Default tolerance on each side of `auth_timestamp`. Huawei documents it as the signature's expiry
 * time but its samples look like send time (§2.4), and retries are undocumented: 10 minutes either
 * way accepts both readings with clock skew, while a captured callback cannot be replayed for long.
 */
export const DEFAULT_MAX_AGE_SECONDS = 600;
export const DEFAULT_MAX_AHEAD_SECONDS = 600;

/** Body members a redelivery may refresh: left out of `eventId`. */
export const HUAWEI_LIVE_VOLATILE_KEYS = ['auth_timestamp', 'auth_sign'] as const;

export type RecordSignType = 'HMACSHA256' | 'MD5';
/** off: not checked; report: checked, a mismatch is accepted as "none" and logged; require: a mismatch is rejected. */
export type SnapshotSignatureMode = 'off' | 'report' | 'require';

/** The keys of the `huaweiLiveCallbackApi` credential (each optional). */
export interface HuaweiLiveSecrets {
	streamNotifyKey?: string | null;
	recordCallbackKey?: string | null;
	snapshotKey?: string | null;
	recordSignType?: RecordSignType | string | null;
}

export interface HuaweiLiveAuthOptions {
	secrets: HuaweiLiveSecrets;
	snapshotSignature: SnapshotSignatureMode;
	maxAgeSeconds: number;
	maxAheadSeconds: number;
	nowSec: number;
}

export type AuthResult =
	| { ok: true; authenticated: Authenticated; note?: string }
	| { ok: false; reason: string; logHint?: string };

function keyOf(value: string | null | undefined): string | null {
	if (typeof value !== 'string') return null;
	const trimmed = value.trim();
	return trimmed === '' ? null : trimmed;
}

export function recordSignTypeOf(secrets: HuaweiLiveSecrets): RecordSignType {
	return secrets.recordSignType === 'MD5' ? 'MD5' : 'HMACSHA256';
}

/** `auth_timestamp` exactly as sent, as decimal text (the message part every formula uses). */
function timestampText(body: IDataObject): string {
	return String(body.auth_timestamp).trim();
}

export function signStream(key: string, body: IDataObject, authTimestamp: string): string {
	return fieldsHmac(key, [
		fieldText(body, 'event'),
		fieldText(body, 'domain'),
		fieldText(body, 'app'),
		fieldText(body, 'stream'),
		authTimestamp,
	]);
}

/** The recording HMAC's fields after auth_timestamp [DOC order; absent fields as '' INFERRED]. */
const RECORD_HMAC_FIELDS = ['event_type', 'publish_domain', 'app', 'stream', 'download_url', 'play_url'] as const;

export function signRecord(key: string, signType: RecordSignType, body: IDataObject, authTimestamp: string): string {
	if (signType === 'MD5') return keyTimeDigest('md5', key, authTimestamp);
	return fieldsHmac(key, [authTimestamp, ...RECORD_HMAC_FIELDS.map((f) => fieldText(body, f))]);
}

const INFERRED_RECORD_HMAC =
	'auth_timestamp + event_type + publish_domain + app + stream + download_url + play_url, absent fields empty';

/**
 * Other plausible readings of a recording signature (the other sign type; other field orders or URL
 * fields for the HMAC), tried only to explain a mismatch in the log: a match here is still rejected.
 * Returns [what to tell the user, expected signature under that reading].
 */
function recordAlternatives(key: string, signType: RecordSignType, body: IDataObject, ts: string): Array<[string, string]> {
	const f = (name: string) => fieldText(body, name);
	const core = [f('event_type'), f('publish_domain'), f('app'), f('stream')];
	const otherType: RecordSignType = signType === 'MD5' ? 'HMACSHA256' : 'MD5';
	const variant = (formula: string) =>
		`The signature matches the recording key under HMAC-SHA256 over ${formula}, not the node's inferred formula (${INFERRED_RECORD_HMAC}). ` +
		'Please report this callback shape so that the node can be corrected';
	return [
		[
			`The signature matches sign type ${otherType}: set "Recording Sign Type" in the credential to the algorithm of your recording callback config`,
			signRecord(key, otherType, body, ts),
		],
		[variant('auth_timestamp + event_type + publish_domain + app + stream (no URL fields)'), fieldsHmac(key, [ts, ...core])],
		[variant('auth_timestamp + event_type + publish_domain + app + stream + download_url (no play_url)'), fieldsHmac(key, [ts, ...core, f('download_url')])],
		[variant('event_type + publish_domain + app + stream + auth_timestamp (stream-notification order)'), fieldsHmac(key, [...core, ts])],
		[
			variant('event_type + publish_domain + app + stream + download_url + play_url + auth_timestamp (timestamp last)'),
			fieldsHmac(key, [...core, f('download_url'), f('play_url'), ts]),
		],
	];
}

/** Snapshot formula candidates [UNKNOWN at Huawei]; the first is what buildCallbackRequest signs with. */
export function snapshotCandidates(key: string, body: IDataObject, ts: string): string[] {
	const s = streamOf(body);
	const parts = [s?.domain ?? '', s?.app ?? '', s?.name ?? ''];
	return [
		fieldsHmac(key, [...parts, ts]),
		fieldsHmac(key, [ts, ...parts]),
		fieldsHmac(key, [ts]),
		keyTimeDigest('md5', key, ts),
	];
}

export function signSnapshot(key: string, body: IDataObject, authTimestamp: string): string {
	return snapshotCandidates(key, body, authTimestamp)[0];
}

type Check =
	| { state: 'unsigned' }
	| { state: 'missing' }
	| { state: 'bad-timestamp' }
	| { state: 'mismatch'; logHint: string }
	| { state: 'match'; timestamp: number };

function checkSigned(body: IDataObject, expected: (ts: string) => string[], mismatchHint: (ts: string) => string): Check {
	const sign = body.auth_sign;
	if (sign === undefined || sign === null || sign === '') return { state: 'missing' };
	const timestamp = parseUnixSeconds(body.auth_timestamp);
	if (timestamp === null) return { state: 'bad-timestamp' };
	const ts = timestampText(body);
	if (expected(ts).some((candidate) => hexSignatureMatches(sign, candidate))) return { state: 'match', timestamp };
	return { state: 'mismatch', logHint: mismatchHint(ts) };
}

function recordMismatchHint(key: string, signType: RecordSignType, body: IDataObject, ts: string): string {
	for (const [hint, candidate] of recordAlternatives(key, signType, body, ts)) {
		if (hexSignatureMatches(body.auth_sign, candidate)) return hint;
	}
	return 'Check that the credential holds the key and sign type of the recording callback config for this ingest domain';
}

function familyKey(family: HuaweiFamily, secrets: HuaweiLiveSecrets): string | null {
	if (family === 'stream') return keyOf(secrets.streamNotifyKey);
	if (family === 'record') return keyOf(secrets.recordCallbackKey);
	if (family === 'snapshot') return keyOf(secrets.snapshotKey);
	return null;
}

function checkFamily(family: HuaweiFamily, body: IDataObject, options: HuaweiLiveAuthOptions): Check {
	const { secrets } = options;
	const key = familyKey(family, secrets);
	if (family === 'unknown') return checkUnknown(body, secrets);
	if (key === null) return { state: 'unsigned' };
	if (family === 'stream') {
		return checkSigned(
			body,
			(ts) => [signStream(key, body, ts)],
			() => 'Check that the credential holds the authentication key of the stream notification config of this ingest domain',
		);
	}
	if (family === 'record') {
		const signType = recordSignTypeOf(secrets);
		return checkSigned(
			body,
			(ts) => [signRecord(key, signType, body, ts)],
			(ts) => recordMismatchHint(key, signType, body, ts),
		);
	}
	return checkSigned(
		body,
		(ts) => snapshotCandidates(key, body, ts),
		() =>
			"The snapshot signature formula is not documented by Huawei; none of the node's candidate formulas matched. " +
			'If the key is right, use "Report Only" or "Off" for "Snapshot Signature Check" and report the callback shape',
	);
}

/** A body of no known shape: accepted unsigned when no key is set, else it must match a configured key. */
function checkUnknown(body: IDataObject, secrets: HuaweiLiveSecrets): Check {
	const stream = keyOf(secrets.streamNotifyKey);
	const record = keyOf(secrets.recordCallbackKey);
	const snapshot = keyOf(secrets.snapshotKey);
	if (stream === null && record === null && snapshot === null) return { state: 'unsigned' };
	return checkSigned(
		body,
		(ts) => [
			...(stream ? [signStream(stream, body, ts)] : []),
			...(record ? [signRecord(record, recordSignTypeOf(secrets), body, ts)] : []),
			...(snapshot ? snapshotCandidates(snapshot, body, ts) : []),
		],
		() => 'The callback has none of the known shapes (event / event_type / obs_addr) and matches no configured key',
	);
}

export function verifyHuaweiLiveCallback(
	body: IDataObject,
	family: HuaweiFamily,
	options: HuaweiLiveAuthOptions,
): AuthResult {
	if (family === 'snapshot' && options.snapshotSignature === 'off') return { ok: true, authenticated: 'none' };
	const check = checkFamily(family, body, options);
	const reportOnly = family === 'snapshot' && options.snapshotSignature === 'report';

	if (check.state === 'unsigned') return { ok: true, authenticated: 'none' };
	if (check.state !== 'match') {
		const failure =
			check.state === 'missing'
				? { reason: 'missing signature' }
				: check.state === 'bad-timestamp'
					? { reason: 'missing or invalid timestamp' }
					: { reason: 'signature mismatch', logHint: check.logHint };
		if (reportOnly) {
			return {
				ok: true,
				authenticated: 'none',
				note: `snapshot ${failure.reason} (report-only mode, accepted as authenticated "none")` +
					(failure.logHint ? `. ${failure.logHint}` : ''),
			};
		}
		return { ok: false, ...failure };
	}
	const window = checkTimeWindow(check.timestamp, options.nowSec, options.maxAgeSeconds, options.maxAheadSeconds);
	if (!window.ok) {
		const hint =
			'auth_timestamp is outside the accepted window; check the server clock, or widen the timestamp tolerances in the node options';
		if (reportOnly) {
			return { ok: true, authenticated: 'none', note: `snapshot signature ${window.reason} (report-only mode). ${hint}` };
		}
		return { ok: false, reason: `signature ${window.reason}`, logHint: hint };
	}
	return { ok: true, authenticated: 'signature' };
}

/**
 * Builds the request Huawei sends for `payload`: `auth_timestamp` (= `nowSec`; Huawei's samples put
 * it at send time) and `auth_sign` added when `secrets` holds the key of the payload's family,
 * both removed otherwise. Snapshot payloads are signed with the first candidate formula, since
 * Huawei's is undocumented.
 */
export function buildCallbackRequest(
	payload: IDataObject,
	secrets: HuaweiLiveSecrets | null,
	nowSec: number,
): OutgoingCallback {
	const body: IDataObject = { ...payload };
	delete body.auth_timestamp;
	delete body.auth_sign;
	const family = familyOf(body);
	const key = secrets ? familyKey(family, secrets) : null;
	if (secrets && key !== null) {
		const ts = String(nowSec);
		body.auth_timestamp = nowSec;
		body.auth_sign =
			family === 'stream'
				? signStream(key, body, ts)
				: family === 'record'
					? signRecord(key, recordSignTypeOf(secrets), body, ts)
					: signSnapshot(key, body, ts);
	}
	return jsonCallback(body);
}
