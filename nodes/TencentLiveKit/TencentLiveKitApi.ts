/** Calls `v4/live_config/*` through the `tencentLiveKitApi` credential, which adds the UserSig query. */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { providerError } from '../core/execute';

export async function liveConfigRequest(
	this: IExecuteFunctions,
	command: string,
	body: IDataObject,
	itemIndex: number,
): Promise<IDataObject> {
	const answer = (await this.helpers.httpRequestWithAuthentication.call(this, 'tencentLiveKitApi', {
		method: 'POST',
		url: `/v4/live_config/${command}`,
		body,
		json: true,
	})) as IDataObject;
	const code = Number(answer?.ErrorCode ?? -1);
	if (answer?.ActionStatus !== 'OK' || code !== 0) {
		throw providerError(this, 'Tencent TUILiveKit', String(answer?.ErrorCode ?? 'unknown'), String(answer?.ErrorInfo ?? ''), answer ?? {}, itemIndex);
	}
	return answer;
}
