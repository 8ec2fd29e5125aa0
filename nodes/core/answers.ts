/** The HTTP answers of `spec/events.md`: provider success bodies, and 400/401 rejections. */
import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

export type ProviderId = 'tencent-css' | 'tencent-livekit' | 'huawei-live' | 'sigma-live';

/** What each provider must receive, with status 200, for a callback it should not retry. */
export const SUCCESS_BODIES: Readonly<Record<ProviderId, IDataObject>> = {
	'tencent-css': { code: 0 },
	'tencent-livekit': { ActionStatus: 'OK', ErrorCode: 0, ErrorInfo: '' },
	'huawei-live': { status: 1, result: 'success' },
	'sigma-live': {},
};

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

export type RejectionStatus = 400 | 401;

/**
 * A short JSON error naming the reason class (`unauthorized` / `bad_request`) and a short reason.
 * It never contains the expected signature or any secret.
 */
export function rejectionBody(status: RejectionStatus, reason: string): IDataObject {
	return { error: status === 401 ? 'unauthorized' : 'bad_request', reason };
}
