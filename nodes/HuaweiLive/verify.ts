/**
 * Huawei Cloud Live callback signatures as pure functions (docs/protocols/huawei-live.md,
 * "Signatures" and "Where the concatenation is ambiguous"). All three families carry
 * `auth_timestamp` (Unix seconds) and `auth_sign` (hex) in the JSON body, only when a key is set:
 *
 * - stream:   HMAC-SHA256(key, event + domain + app + stream + auth_timestamp)
 * - record:   MD5(key + auth_timestamp), or
 *             HMAC-SHA256(key, auth_timestamp + event_type + publish_domain + app + stream + download_url + play_url)
 * - snapshot: HMAC-SHA256(key, domain + app + stream_name + snapshot_url + width + height
 *             + obs_addr.bucket + obs_addr.location + obs_addr.object + auth_timestamp)
 *
 * Huawei concatenates without separators, so characters could move between adjacent members and
 * keep the signature valid. Every signed member is therefore read as a string or number (nothing
 * else), and checked against its documented syntax; where syntax cannot pin a boundary, the node's
 * accepted domain and app lists can (see `countSplits`).
 */
import type { IDataObject } from 'n8n-workflow';

import { isJsonObject } from '../core/convert';
import type { Verification } from '../core/provider';
import { refuse } from '../core/provider';
import { fieldsHmac, hexSignatureMatches, keyTimeDigest } from '../core/signatures';
import { checkTimeWindow } from '../core/timeWindow';
import { DISCRIMINATOR, familyOf, knownEvent, STREAM_MEMBERS } from './events';
import type { HuaweiFamily } from './events';

/**
 * Default tolerance on each side of `auth_timestamp`. Huawei documents it as the signature's expiry
 * time but its samples look like send time, and retries are undocumented: 10 minutes either way
 * accepts both readings with clock skew, while a captured callback cannot be replayed for long.
 */
export const DEFAULT_MAX_AGE_SECONDS = 600;
export const DEFAULT_MAX_AHEAD_SECONDS = 600;
/** The largest window the options accept (7 days): a timestamp with one digit more or less always falls outside it. */
export const MAX_WINDOW_SECONDS = 604800;

/** Body members a redelivery may refresh: left out of `eventId`. */
export const HUAWEI_LIVE_VOLATILE_KEYS = ['auth_timestamp', 'auth_sign'] as const;

export type RecordSignType = 'HMACSHA256' | 'MD5';
export const RECORD_SIGN_TYPES: readonly RecordSignType[] = ['HMACSHA256', 'MD5'];

export interface HuaweiLiveKeys {
	stream: string | null;
	record: string | null;
	snapshot: string | null;
}

export interface HuaweiLiveSettings {
	keys: HuaweiLiveKeys;
	recordSignType: RecordSignType;
	maxAgeSeconds: number;
	maxAheadSeconds: number;
	/** Accepted ingest domains; null = any. */
	domains: ReadonlySet<string> | null;
	/** Accepted app names; null = any. */
	apps: ReadonlySet<string> | null;
}

// Documented syntax (docs/protocols/huawei-live.md, "Field syntax"). Domains: lower-case host
// names of two labels or more, the last with a letter (so a domain never starts with an upper-case
// event name or with a run of digits followed by one, which keeps the families' messages apart).
const LABEL = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
const DOMAIN = new RegExp(`^(?=.{1,253}$)(?:${LABEL}\\.)+(?=[a-z0-9-]*[a-z])${LABEL}$`);
const APP = /^[A-Za-z0-9_-]+$/;
const APP_CHAR = /^[A-Za-z0-9_-]$/;
const STREAM = /^[A-Za-z0-9_*/-]{1,512}$/;
const URL_START = /^https?:\/\/\S+$/;
const REGION = /^[a-z]{2}(?:-[a-z]+)+-\d+$/;
const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const CANONICAL_INTEGER = /^(?:0|[1-9]\d*)$/;
const CANONICAL_TIMESTAMP = /^[1-9]\d{0,11}$/;

export function isDomain(value: string): boolean {
	return DOMAIN.test(value);
}

export function isApp(value: string): boolean {
	return APP.test(value);
}

/** An http(s) URL with no second `://` in it: two URL members side by side cannot trade characters. */
function isUrl(value: string): boolean {
	return URL_START.test(value) && value.indexOf('://', value.indexOf('://') + 3) === -1;
}

type Kind = 'event' | 'domain' | 'app' | 'stream' | 'url' | 'integer' | 'bucket' | 'region' | 'text';

interface SignedPart {
	/** Member name, or [object member, inner member]. */
	member: string | readonly [string, string];
	kind: Kind;
	/** Required parts must be present and non-empty; an absent optional part is signed as ''. */
	required: boolean;
}

const domainAppStream = (family: HuaweiFamily): SignedPart[] => [
	{ member: STREAM_MEMBERS[family].domain, kind: 'domain', required: true },
	{ member: STREAM_MEMBERS[family].app, kind: 'app', required: true },
	{ member: STREAM_MEMBERS[family].name, kind: 'stream', required: true },
];

/** The HMAC message of each family, in Huawei's order; `auth_timestamp` goes first or last. */
const HMAC_PARTS: Readonly<Record<HuaweiFamily, { parts: readonly SignedPart[]; timestamp: 'first' | 'last' }>> = {
	stream: {
		parts: [{ member: 'event', kind: 'event', required: true }, ...domainAppStream('stream')],
		timestamp: 'last',
	},
	record: {
		parts: [
			{ member: 'event_type', kind: 'event', required: true },
			...domainAppStream('record'),
			{ member: 'download_url', kind: 'url', required: false },
			{ member: 'play_url', kind: 'url', required: false },
		],
		timestamp: 'first',
	},
	snapshot: {
		parts: [
			...domainAppStream('snapshot'),
			{ member: 'snapshot_url', kind: 'url', required: false },
			{ member: 'width', kind: 'integer', required: false },
			{ member: 'height', kind: 'integer', required: false },
			{ member: ['obs_addr', 'bucket'], kind: 'bucket', required: false },
			{ member: ['obs_addr', 'location'], kind: 'region', required: false },
			{ member: ['obs_addr', 'object'], kind: 'text', required: false },
		],
		timestamp: 'last',
	},
};

const nameOf = (member: SignedPart['member']) => (typeof member === 'string' ? member : member.join('.'));

function syntaxOk(kind: Kind, value: string): boolean {
	switch (kind) {
		case 'domain':
			return DOMAIN.test(value);
		case 'app':
			return APP.test(value);
		case 'stream':
			return STREAM.test(value);
		case 'url':
			return isUrl(value);
		case 'integer':
			return CANONICAL_INTEGER.test(value) && Number.isSafeInteger(Number(value));
		case 'bucket':
			return BUCKET.test(value);
		case 'region':
			return REGION.test(value);
		default:
			return true;
	}
}

export type SignedFields =
	| {
			ok: true;
			/** The text of each part, in message order, without the timestamp. */
			texts: string[];
			/** The first part outside its documented syntax, if any. */
			offSyntax: string | null;
	  }
	| { ok: false; member: string };

/** A member's text as Huawei concatenates it: strings as sent, numbers in decimal; undefined = absent. */
function memberText(value: unknown): string | undefined | null {
	if (value === undefined) return undefined;
	if (typeof value === 'string') return value;
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	return null;
}

/**
 * The signed members of an HMAC family as text. A signed member that is present but not a string
 * or number (null, an array, an object), a missing required member, or an `obs_addr` that is not
 * an object makes the body unverifiable (`ok: false`).
 */
export function signedFields(family: HuaweiFamily, body: IDataObject): SignedFields {
	const texts: string[] = [];
	let offSyntax: string | null = null;
	for (const part of HMAC_PARTS[family].parts) {
		let raw: unknown;
		if (typeof part.member === 'string') {
			raw = body[part.member];
		} else {
			const outer = body[part.member[0]];
			if (outer !== undefined && !isJsonObject(outer)) return { ok: false, member: part.member[0] };
			raw = outer === undefined ? undefined : outer[part.member[1]];
		}
		const text = memberText(raw);
		if (text === null || (part.kind === 'event' && typeof raw !== 'string')) return { ok: false, member: nameOf(part.member) };
		if (text === undefined && part.required) return { ok: false, member: nameOf(part.member) };
		const value = text ?? '';
		if (offSyntax === null && (value !== '' || part.required) && !syntaxOk(part.kind, value)) offSyntax = nameOf(part.member);
		texts.push(value);
	}
	return { ok: true, texts, offSyntax };
}

/** `auth_timestamp` as canonical decimal text (a number, or a string of digits without leading zeros). */
export function timestampText(value: unknown): string | null {
	if (typeof value === 'number') return Number.isSafeInteger(value) && value > 0 ? String(value) : null;
	if (typeof value === 'string' && CANONICAL_TIMESTAMP.test(value)) return value;
	return null;
}

export function hmacMessageParts(family: HuaweiFamily, texts: readonly string[], timestamp: string): string[] {
	return HMAC_PARTS[family].timestamp === 'first' ? [timestamp, ...texts] : [...texts, timestamp];
}

/** The HMAC-SHA256 signature of an HMAC family, or null when the body's signed members are unusable. */
export function hmacSignature(family: HuaweiFamily, key: string, body: IDataObject, timestamp: string): string | null {
	const fields = signedFields(family, body);
	return fields.ok ? fieldsHmac(key, hmacMessageParts(family, fields.texts, timestamp)) : null;
}

/** The recording MD5 scheme: it binds the key and the time only. */
export function recordMd5Signature(key: string, timestamp: string): string {
	return keyTimeDigest('md5', key, timestamp);
}

/**
 * How many ways `domain + app + stream` splits into a domain (in `domains`, or of domain syntax), an
 * app (in `apps`) and a stream name. Only called with an app list: each split puts an accepted app
 * name somewhere in the text. With a domain list alone, counts the accepted domains the text starts
 * with that leave a valid app + stream. More than one means the signature cannot tell them apart.
 */
export function countSplits(text: string, domains: ReadonlySet<string> | null, apps: ReadonlySet<string> | null): number {
	let count = 0;
	if (apps) {
		for (const app of apps) {
			for (let at = text.indexOf(app, 1); at !== -1; at = text.indexOf(app, at + 1)) {
				const domain = text.slice(0, at);
				const stream = text.slice(at + app.length);
				if ((domains ? domains.has(domain) : DOMAIN.test(domain)) && STREAM.test(stream)) count++;
			}
		}
		return count;
	}
	if (domains) {
		for (const domain of domains) {
			if (!text.startsWith(domain)) continue;
			const rest = text.slice(domain.length);
			if (rest.length >= 2 && APP_CHAR.test(rest[0]) && STREAM.test(rest.slice(1))) count++;
		}
	}
	return count;
}

function keyOf(family: HuaweiFamily, keys: HuaweiLiveKeys): string | null {
	return keys[family];
}

const KEY_HINTS: Readonly<Record<HuaweiFamily, string>> = {
	stream: 'Check that the credential holds the authentication key of the stream notification config of this ingest domain',
	record: 'Check that the credential holds the key and sign type of the recording callback config of this ingest domain',
	snapshot:
		'Check that the credential holds the callback key of the snapshot template of this domain and app; without a Snapshot Key, snapshot callbacks are accepted as authenticated "none"',
};

/** Why a recording signature did not match, when another reading of it does (still rejected). */
function recordHint(key: string, signType: RecordSignType, body: IDataObject, timestamp: string): string {
	const sign = body.auth_sign;
	const other: RecordSignType = signType === 'MD5' ? 'HMACSHA256' : 'MD5';
	const otherSignature = other === 'MD5' ? recordMd5Signature(key, timestamp) : hmacSignature('record', key, body, timestamp);
	if (otherSignature !== null && hexSignatureMatches(sign, otherSignature)) {
		return `The signature matches sign type ${other}: set "Recording Sign Type" in the credential to the algorithm of your recording callback config`;
	}
	return KEY_HINTS.record;
}

/** Whether the item's domain and app are among the accepted ones. */
function listCheck(family: HuaweiFamily, body: IDataObject, settings: HuaweiLiveSettings): Verification | null {
	const members = STREAM_MEMBERS[family];
	const domain = body[members.domain];
	const app = body[members.app];
	if (settings.domains && !(typeof domain === 'string' && settings.domains.has(domain))) {
		return refuse(401, 'unexpected ingest domain', 'The ingest domain is not among the node\'s "Accepted Ingest Domains"');
	}
	if (settings.apps && !(typeof app === 'string' && settings.apps.has(app))) {
		return refuse(401, 'unexpected app', 'The app is not among the node\'s "Accepted App Names"');
	}
	return null;
}

const AMBIGUOUS_HINT =
	'Huawei concatenates the signed members without separators, so this split of them cannot be told apart from another';

/** Checks an HMAC-signed body once its signature matched: known event, syntax, unique split. */
function checkSplit(family: HuaweiFamily, body: IDataObject, offSyntax: string | null, settings: HuaweiLiveSettings): Verification | null {
	const discriminator = DISCRIMINATOR[family];
	if (discriminator !== null && knownEvent(family, body[discriminator]) === undefined) {
		return refuse(
			401,
			'unknown event',
			`"${discriminator}" is not one Huawei documents; a signed name the node does not know cannot be checked for characters moved into it from the next member`,
		);
	}
	if (offSyntax !== null) {
		return refuse(401, 'ambiguous signed fields', `"${offSyntax}" is outside its documented syntax. ${AMBIGUOUS_HINT}`);
	}
	if (family === 'record' && body.play_url !== undefined && body.play_url !== '' && (body.download_url === undefined || body.download_url === '')) {
		return refuse(401, 'ambiguous signed fields', `play_url without download_url. ${AMBIGUOUS_HINT}`);
	}
	if (settings.domains || settings.apps) {
		const members = STREAM_MEMBERS[family];
		const text = `${body[members.domain]}${body[members.app]}${body[members.name]}`;
		if (countSplits(text, settings.domains, settings.apps) !== 1) {
			return refuse(401, 'ambiguous signed fields', `Domain, app and stream name split in more than one way among the accepted names. ${AMBIGUOUS_HINT}`);
		}
	}
	return null;
}

/**
 * Authenticates one callback. Never throws. The family comes from `familyOf`; a family with a key
 * must carry a matching signature inside the time window, a family without one is accepted as
 * authenticated "none", and a body of no known family is accepted only when no key and no list is set.
 */
export function verifyHuaweiLiveCallback(body: IDataObject, settings: HuaweiLiveSettings, nowSec: number): Verification {
	const family = familyOf(body);
	if (family === 'ambiguous') {
		return refuse(400, 'ambiguous callback family', 'The body has both "event" (stream notifications) and "event_type" (recording callbacks)');
	}
	if (family === 'unknown') {
		const { keys } = settings;
		if (keys.stream === null && keys.record === null && keys.snapshot === null && !settings.domains && !settings.apps) {
			return { ok: true, authenticated: 'none' };
		}
		return refuse(401, 'unrecognized callback', 'The body has none of "event", "event_type", "stream_name", "snapshot_url", "obs_addr"');
	}
	const listed = listCheck(family, body, settings);
	if (listed) return listed;

	const key = keyOf(family, settings.keys);
	if (key === null) return { ok: true, authenticated: 'none' };

	const sign = body.auth_sign;
	if (sign === undefined || sign === null || sign === '') return refuse(401, 'missing signature', KEY_HINTS[family]);
	const timestamp = timestampText(body.auth_timestamp);
	if (timestamp === null) return refuse(401, 'missing or invalid timestamp');

	if (family === 'record' && settings.recordSignType === 'MD5') {
		if (!hexSignatureMatches(sign, recordMd5Signature(key, timestamp))) {
			return refuse(401, 'signature mismatch', recordHint(key, 'MD5', body, timestamp));
		}
	} else {
		const fields = signedFields(family, body);
		if (!fields.ok) {
			return refuse(401, 'invalid signed member', `"${fields.member}" must be a string or a number (and present)`);
		}
		if (!hexSignatureMatches(sign, fieldsHmac(key, hmacMessageParts(family, fields.texts, timestamp)))) {
			const hint = family === 'record' ? recordHint(key, 'HMACSHA256', body, timestamp) : KEY_HINTS[family];
			return refuse(401, 'signature mismatch', hint);
		}
		const split = checkSplit(family, body, fields.offSyntax, settings);
		if (split) return split;
	}

	const window = checkTimeWindow(Number(timestamp), nowSec, settings.maxAgeSeconds, settings.maxAheadSeconds);
	if (!window.ok) {
		return refuse(
			401,
			`signature ${window.reason}`,
			'auth_timestamp is outside the accepted window; check the server clock, or widen the timestamp tolerances in the node options',
		);
	}
	return { ok: true, authenticated: 'signature' };
}
