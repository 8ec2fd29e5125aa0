/** The HTTP answers the core writes itself (docs/events.md, "Answers on the wire"). */
import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import type { RejectionStatus } from './provider';

/** Writes a JSON answer on the response object; n8n then sends nothing of its own. */
export function answerJson(
	ctx: IWebhookFunctions,
	status: number,
	body: IDataObject,
): IWebhookResponseData {
	const res = ctx.getResponseObject();
	res.status(status).json(body);
	return { noWebhookResponse: true };
}

/**
 * A short JSON error naming the reason class (`unauthorized` / `bad_request`) and a short reason.
 * It never contains the expected signature or any secret.
 */
export function rejectionBody(status: RejectionStatus, reason: string): IDataObject {
	return { error: status === 401 ? 'unauthorized' : 'bad_request', reason };
}

/** The answer to a request the node cannot check because its own configuration is invalid. */
export const CONFIGURATION_ERROR_BODY: IDataObject = { error: 'configuration_error' };
