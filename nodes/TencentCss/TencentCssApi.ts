/**
 * Calls the Tencent CSS API (TencentCloud API 3.0) through the `tencentCloudApi` credential, which signs each request.
 * Errors become NodeApiError with a hint for the common refusals (docs/protocols/stream-control.md §1.2),
 * except codes listed in `tolerate`: their envelope (with `Error`) is returned. `read: true` marks an
 * idempotent read, which is tried again on rate limits and passing back-end faults.
 */
import type { IDataObject, IExecuteFunctions, IHookFunctions, ILoadOptionsFunctions, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { providerCode, providerError, retryRead } from '../core/execute';
import { CSS_API_VERSION } from '../signers/tc3';

export type TencentCssContext = IExecuteFunctions | IHookFunctions | ILoadOptionsFunctions;

/** Codes worth another try for a read (§1.2). */
const TRANSIENT = new Set([
	'InternalError',
	'InternalError.CallOtherSvrError',
	'FailedOperation.CallOtherSvrFailed',
	'InternalError.GetStreamInfoError',
	'InternalError.GetUpstreamInfoError',
	'InternalError.ConnectDbError',
	'InternalError.DBError',
]);

export function isTransientTencentError(error: unknown): boolean {
	const code = providerCode(error);
	if (code !== null) return TRANSIENT.has(code) || code.startsWith('RequestLimitExceeded');
	const status = Number((error as NodeApiError | undefined)?.httpCode);
	return error instanceof NodeApiError && (!Number.isFinite(status) || status >= 500 || status === 429);
}

/** What to do about the refusals a moderation flow meets (§1.2). */
export function tencentCssHint(code: string): string | undefined {
	if (code.startsWith('RequestLimitExceeded')) {
		return 'Tencent limits how often an action may be called: try again in a moment, or slow the workflow down (e.g. fewer items per run)';
	}
	if (code.startsWith('AuthFailure.Signature') || code === 'AuthFailure.SecretIdNotFound') {
		return 'The SecretId or SecretKey of the Tencent Cloud API credential is wrong';
	}
	if (code.startsWith('AuthFailure') || code.startsWith('UnauthorizedOperation') || code === 'InternalError.NotPermmitOperat') {
		return 'Permission denied: the CAM policy of this SecretId does not allow the action; grant it (e.g. QcloudLIVEFullAccess or the single live:… action) in the CAM console';
	}
	if (code === 'InternalError.StreamStatusError') return 'The stream is in an abnormal state: read it with Stream › Get State and try again';
	if (code === 'ResourceNotFound.UserNotExist' || code === 'ResourceNotFound.UserDisableService') {
		return 'CSS is not activated (or was disabled) for this account';
	}
	if (code.startsWith('ResourceNotFound.')) return 'The CSS service of this account is blocked, suspended or in arrears';
	if (code.startsWith('InvalidParameter') || code === 'MissingParameter') {
		return 'Check the push domain, app name (push path, usually "live") and stream name';
	}
	if (code === 'InvalidAction' || code === 'UnsupportedOperation') return 'The endpoint of the credential does not offer this action';
	return undefined;
}

export async function tencentCssApiRequest(
	ctx: TencentCssContext,
	action: string,
	body: IDataObject,
	itemIndex: number,
	options: { tolerate?: string[] | 'all'; read?: boolean } = {},
): Promise<IDataObject> {
	const once = async (): Promise<IDataObject> => {
		const answer = (await ctx.helpers.httpRequestWithAuthentication.call(ctx, 'tencentCloudApi', {
			method: 'POST',
			url: '/',
			headers: { 'X-TC-Action': action, 'X-TC-Version': CSS_API_VERSION },
			body,
			json: true,
		})) as IDataObject;
		const envelope = answer?.Response as IDataObject | undefined;
		if (!envelope || typeof envelope !== 'object') {
			throw new NodeApiError(ctx.getNode(), { answer: JSON.stringify(answer ?? null) } as JsonObject, {
				message: 'Tencent Cloud answered without a "Response" object',
				itemIndex,
			});
		}
		const error = envelope.Error as IDataObject | undefined;
		if (error && (options.tolerate === 'all' || options.tolerate?.includes(String(error.Code)))) {
			return envelope;
		}
		if (error) {
			const code = String(error.Code ?? 'Unknown');
			throw providerError(ctx, 'Tencent Cloud', code, String(error.Message ?? ''), envelope, itemIndex, undefined, tencentCssHint(code));
		}
		return envelope;
	};
	return options.read ? await retryRead(ctx, once, isTransientTencentError) : await once();
}
