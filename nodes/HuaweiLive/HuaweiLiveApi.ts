/** Calls the Huawei Cloud Live API through the `huaweiCloudApi` credential, which signs each request (APIG AK/SK). */
import type { IDataObject, IExecuteFunctions, IHookFunctions, IHttpRequestMethods } from 'n8n-workflow';

import { providerError } from '../core/execute';
import { PROJECT_ID_PLACEHOLDER } from '../signers/apig';

export interface HuaweiAnswer {
	statusCode: number;
	body: IDataObject;
}

/**
 * `path` is relative to `/v1/{project_id}/`. Non-2xx answers become NodeApiError with Huawei's
 * error_code and error_msg, except HTTP statuses listed in `tolerate`, which are returned.
 */
export async function huaweiLiveApiRequest(
	this: IExecuteFunctions | IHookFunctions,
	method: IHttpRequestMethods,
	path: string,
	itemIndex: number,
	options: { qs?: IDataObject; body?: IDataObject; tolerate?: number[] } = {},
): Promise<HuaweiAnswer> {
	const response = (await this.helpers.httpRequestWithAuthentication.call(this, 'huaweiCloudApi', {
		method,
		url: `/v1/${PROJECT_ID_PLACEHOLDER}/${path}`,
		qs: options.qs,
		body: options.body,
		json: true,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
	})) as { statusCode: number; body: unknown };
	const body = response.body && typeof response.body === 'object' ? (response.body as IDataObject) : {};
	if (options.tolerate?.includes(response.statusCode)) return { statusCode: response.statusCode, body };
	if (response.statusCode < 200 || response.statusCode > 299) {
		throw providerError(
			this,
			'Huawei Cloud',
			String(body.error_code ?? `HTTP ${response.statusCode}`),
			String(body.error_msg ?? (typeof response.body === 'string' ? response.body : 'no error message')),
			body,
			itemIndex,
			response.statusCode,
		);
	}
	return { statusCode: response.statusCode, body };
}
