/**
 * What Sigma Livestream sends (docs/protocols/sigma-live.md): a JSON POST of the channel object with
 * `event` and `eventTime`, to the URL the node registered, which carries the URL token. Used by the
 * tests, the sender (scripts/lib/providers.js) and any in-n8n test callback; no verification module
 * imports it.
 */
import type { IDataObject } from 'n8n-workflow';

import { jsonCallback } from '../core/request';
import type { OutgoingCallback } from '../core/request';
import { TOKEN_QUERY_PARAMETER } from './verify';

/**
 * Builds the request Sigma sends for `payload`: a JSON POST of the body as given, to the URL with
 * `?token=…` when `secrets` carries a token, without it when `secrets` is null.
 */
export function buildCallbackRequest(
	payload: IDataObject,
	secrets: { token: string } | null,
	nowSec: number,
): OutgoingCallback {
	const body: IDataObject = { ...payload };
	// Sigma stamps each callback with the event's time in ms; keep a given eventTime.
	if (body.eventTime === undefined && body.data === undefined) body.eventTime = nowSec * 1000;
	const query: Record<string, string> = secrets ? { [TOKEN_QUERY_PARAMETER]: secrets.token } : {};
	return jsonCallback(body, query);
}
