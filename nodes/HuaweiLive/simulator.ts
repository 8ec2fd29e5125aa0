/**
 * What Huawei Cloud Live sends (docs/protocols/huawei-live.md): the request for a payload, signed
 * with the key of its family when the secrets hold one. Used by the tests, the test-event sender and
 * any in-n8n test callback; no verification module imports it.
 */
import type { IDataObject } from 'n8n-workflow';

import { jsonCallback } from '../core/request';
import type { OutgoingCallback } from '../core/request';
import { familyOf } from './events';
import { hmacSignature, recordMd5Signature } from './verify';

/** The keys of the `huaweiLiveCallbackApi` credential (each optional). */
export interface HuaweiLiveSecrets {
	streamNotifyKey?: string | null;
	recordCallbackKey?: string | null;
	snapshotKey?: string | null;
	recordSignType?: string | null;
}

function keyOf(value: string | null | undefined): string | null {
	if (typeof value !== 'string') return null;
	const trimmed = value.trim();
	return trimmed === '' ? null : trimmed;
}

/**
 * Builds the request Huawei sends for `payload`: `auth_timestamp` (= `nowSec`; Huawei's samples put
 * it at send time) and `auth_sign` added when `secrets` holds the key of the payload's family, both
 * removed otherwise. A payload of no single family, or one whose signed members cannot be signed,
 * is sent unsigned.
 */
export function buildCallbackRequest(payload: IDataObject, secrets: HuaweiLiveSecrets | null, nowSec: number): OutgoingCallback {
	const body: IDataObject = { ...payload };
	delete body.auth_timestamp;
	delete body.auth_sign;
	const family = familyOf(body);
	if (secrets === null || family === 'unknown' || family === 'ambiguous') return jsonCallback(body);
	const key = keyOf(
		family === 'stream' ? secrets.streamNotifyKey : family === 'record' ? secrets.recordCallbackKey : secrets.snapshotKey,
	);
	if (key === null) return jsonCallback(body);
	const timestamp = String(nowSec);
	const sign =
		family === 'record' && secrets.recordSignType === 'MD5'
			? recordMd5Signature(key, timestamp)
			: hmacSignature(family, key, body, timestamp);
	if (sign !== null) {
		body.auth_timestamp = nowSec;
		body.auth_sign = sign;
	}
	return jsonCallback(body);
}
