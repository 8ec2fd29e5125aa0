/**
 * What Tencent CSS sends (docs/protocols/tencent-css.md, "The signature"): the callback body with
 * `t` = send time + 600 and `sign` = MD5(key + t). Used by the tests, the test-event sender and any
 * test callback; no verification module imports it.
 */
import type { IDataObject } from 'n8n-workflow';

import { jsonCallback } from '../core/request';
import type { OutgoingCallback } from '../core/request';
import { SIGNATURE_VALIDITY_SECONDS, tencentCssSign } from './verify';

/**
 * The request Tencent sends for `payload` at `nowSec`: `t` and `sign` added when a key is given,
 * both removed when `secrets` is null (an unsigned callback, as relay and monitoring send them).
 */
export function buildCallbackRequest(
	payload: IDataObject,
	secrets: { callbackKey: string } | null,
	nowSec: number,
): OutgoingCallback {
	const body: IDataObject = { ...payload };
	delete body.t;
	delete body.sign;
	if (secrets) {
		const t = nowSec + SIGNATURE_VALIDITY_SECONDS;
		body.t = t;
		body.sign = tencentCssSign(secrets.callbackKey, t);
	}
	return jsonCallback(body);
}
