/**
 * Calls `v4/live_config/*` through the `tencentLiveKitApi` credential, which adds the UserSig query.
 * A failure becomes NodeApiError, except an ErrorCode listed in `tolerate`: that answer is returned.
 */
import type { IDataObject, IExecuteFunctions, IHookFunctions } from 'n8n-workflow';

import { providerError } from '../core/execute';

export async function liveConfigRequest(
	this: IExecuteFunctions | IHookFunctions,
	command: string,
	body: IDataObject,
	itemIndex: number,
	tolerate: number[] = [],
): Promise<IDataObject> {
	const answer = (await this.helpers.httpRequestWithAuthentication.call(this, 'tencentLiveKitApi', {
		method: 'POST',
		url: `/v4/live_config/${command}`,
		body,
		json: true,
	})) as IDataObject;
	const code = Number(answer?.ErrorCode ?? -1);
	if (tolerate.includes(code)) return answer;
	if (answer?.ActionStatus !== 'OK' || code !== 0) {
		throw providerError(this, 'Tencent TUILiveKit', String(answer?.ErrorCode ?? 'unknown'), String(answer?.ErrorInfo ?? ''), answer ?? {}, itemIndex);
	}
	return answer;
}
