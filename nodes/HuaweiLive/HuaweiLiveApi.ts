/** Calls the Huawei Cloud Live API through the `huaweiCloudApi` credential, which signs each request (APIG AK/SK). */
import type { IDataObject, IExecuteFunctions, IHookFunctions, IHttpRequestMethods, ILoadOptionsFunctions } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { providerCode, providerError, retryRead } from '../core/execute';
import { PROJECT_ID_PLACEHOLDER } from '../signers/apig';

export type HuaweiLiveContext = IExecuteFunctions | IHookFunctions | ILoadOptionsFunctions;

export interface HuaweiAnswer {
	statusCode: number;
	body: IDataObject;
	/** Huawei's `X-Request-Id` answer header, for support tickets. */
	requestId: string | null;
}

/** Worth another try for a read: flow control and passing faults (docs/protocols/stream-control.md §2.1). */
export function isTransientHuaweiError(error: unknown): boolean {
	if (!(error instanceof NodeApiError)) return false;
	const code = providerCode(error);
	if (code === 'APIGW.0308' || code === 'LIVE.103011021') return true;
	const status = Number(error.httpCode);
	return !Number.isFinite(status) || status === 429 || status >= 500;
}

/** What to do about the refusals a moderation flow meets (§2.1). */
export function huaweiLiveHint(code: string, status: number): string | undefined {
	if (code === 'APIGW.0308' || status === 429) {
		return 'Huawei\'s flow control refused the call: try again in a moment, or slow the workflow down';
	}
	if (code === 'APIGW.0301' || status === 401) {
		return 'The AK/SK of the Huawei Cloud API credential were refused (or the n8n server clock is off)';
	}
	if (code.startsWith('APIGW.03') || status === 403) {
		return 'Permission denied: give the IAM user the Live permission for this action (e.g. live:stream:createStreamForbidden)';
	}
	if (code === 'APIGW.0101' || status === 404) return 'Check the region endpoint and project ID of the credential';
	if (code === 'LIVE.103011018') return 'It already exists (for a block: the stream is already blocked; use Update Block)';
	if (code === 'LIVE.103011022') return 'The domain\'s current state does not allow this; check that the push domain is enabled';
	if (code === 'LIVE.100011009' || code === 'LIVE.100011013') return 'The account cannot use Live yet (user unknown or not real-name verified)';
	if (code === 'LIVE.100011001') {
		return 'Check the push domain, app name and stream name (for Update Block and Unblock: the stream must be blocked)';
	}
	return undefined;
}

/**
 * `path` is relative to `/v1/{project_id}/`. Non-2xx answers become NodeApiError with Huawei's
 * error_code and error_msg and a hint, except HTTP statuses listed in `tolerate`, which are
 * returned. `read: true` marks an idempotent read, tried again on flow control and 5xx.
 */
export async function huaweiLiveApiRequest(
	ctx: HuaweiLiveContext,
	method: IHttpRequestMethods,
	path: string,
	itemIndex: number,
	options: { qs?: IDataObject; body?: IDataObject; tolerate?: number[]; read?: boolean } = {},
): Promise<HuaweiAnswer> {
	const once = async (): Promise<HuaweiAnswer> => {
		const response = (await ctx.helpers.httpRequestWithAuthentication.call(ctx, 'huaweiCloudApi', {
			method,
			url: `/v1/${PROJECT_ID_PLACEHOLDER}/${path}`,
			qs: options.qs,
			body: options.body,
			json: true,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
		})) as { statusCode: number; body: unknown; headers?: Record<string, unknown> };
		const body = response.body && typeof response.body === 'object' ? (response.body as IDataObject) : {};
		const header = response.headers?.['x-request-id'];
		const requestId = typeof header === 'string' && header !== '' ? header : null;
		if (options.tolerate?.includes(response.statusCode)) return { statusCode: response.statusCode, body, requestId };
		if (response.statusCode < 200 || response.statusCode > 299) {
			const code = String(body.error_code ?? body.code ?? `HTTP ${response.statusCode}`);
			const message = String(body.error_msg ?? body.message ?? (typeof response.body === 'string' ? response.body : 'no error message'));
			throw providerError(
				ctx,
				'Huawei Cloud',
				code,
				message,
				requestId ? { ...body, request_id: requestId } : body,
				itemIndex,
				response.statusCode,
				huaweiLiveHint(code, response.statusCode),
			);
		}
		return { statusCode: response.statusCode, body, requestId };
	};
	return options.read ? await retryRead(ctx, once, isTransientHuaweiError) : await once();
}
