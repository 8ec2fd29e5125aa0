/**
 * Calls the Tencent CSS API (TencentCloud API 3.0) through the `tencentCloudApi` credential, which signs each request.
 * Errors become NodeApiError, except codes listed in `tolerate`: their envelope (with `Error`) is returned.
 */
import type { IDataObject, IExecuteFunctions, IHookFunctions, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { providerError } from '../core/execute';
import { CSS_API_VERSION } from '../signers/tc3';

export async function tencentCssApiRequest(
	this: IExecuteFunctions | IHookFunctions,
	action: string,
	body: IDataObject,
	itemIndex: number,
	options: { tolerate?: string[] | 'all' } = {},
): Promise<IDataObject> {
	const answer = (await this.helpers.httpRequestWithAuthentication.call(this, 'tencentCloudApi', {
		method: 'POST',
		url: '/',
		headers: { 'X-TC-Action': action, 'X-TC-Version': CSS_API_VERSION },
		body,
		json: true,
	})) as IDataObject;
	const envelope = answer?.Response as IDataObject | undefined;
	if (!envelope || typeof envelope !== 'object') {
		throw new NodeApiError(this.getNode(), { answer: JSON.stringify(answer ?? null) } as JsonObject, {
			message: 'Tencent Cloud answered without a "Response" object',
			itemIndex,
		});
	}
	const error = envelope.Error as IDataObject | undefined;
	if (error && (options.tolerate === 'all' || options.tolerate?.includes(String(error.Code)))) {
		return envelope;
	}
	if (error) {
		throw providerError(
			this,
			'Tencent Cloud',
			String(error.Code ?? 'Unknown'),
			String(error.Message ?? ''),
			envelope,
			itemIndex,
		);
	}
	return envelope;
}
