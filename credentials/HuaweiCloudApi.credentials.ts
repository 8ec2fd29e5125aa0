import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { signHuaweiRequest } from '../nodes/signers/apig';

export const HUAWEI_DEFAULT_ENDPOINT = 'https://live.cn-north-4.myhuaweicloud.com';

export class HuaweiCloudApi implements ICredentialType {
	name = 'huaweiCloudApi';

	displayName = 'Huawei Cloud API';

	icon = { light: 'file:../icons/huaweiCloud.svg', dark: 'file:../icons/huaweiCloud.dark.svg' } as const;

	documentationUrl = 'https://support.huaweicloud.com/intl/en-us/api-live/live_03_0052.html';

	properties: INodeProperties[] = [
		{
			displayName: 'Access Key ID (AK)',
			name: 'accessKey',
			type: 'string',
			default: '',
			required: true,
			description: 'Huawei Cloud console › My Credentials › Access Keys',
		},
		{
			displayName: 'Secret Access Key (SK)',
			name: 'secretKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'Signs every request (SDK-HMAC-SHA256); never sent',
		},
		{
			displayName: 'Project ID',
			name: 'projectId',
			type: 'string',
			default: '',
			required: true,
			description: 'The project ID of the region your Live domains are in (My Credentials › API Credentials)',
		},
		{
			displayName: 'Region Endpoint',
			name: 'endpoint',
			type: 'string',
			default: HUAWEI_DEFAULT_ENDPOINT,
			description: 'The Live API endpoint of that region: https://live.{region}.myhuaweicloud.com, e.g. live.ap-southeast-3 (Singapore)',
		},
	];

	authenticate = async (
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> =>
		signHuaweiRequest(
			requestOptions,
			{
				accessKey: String(credentials.accessKey ?? '').trim(),
				secretKey: String(credentials.secretKey ?? '').trim(),
				projectId: String(credentials.projectId ?? '').trim(),
				endpoint: String(credentials.endpoint ?? '').trim() || HUAWEI_DEFAULT_ENDPOINT,
			},
			Date.now(),
		);

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.endpoint}}',
			url: '/v1/{project_id}/record/callbacks',
			method: 'GET',
			qs: { limit: 1 },
		},
		rules: [
			{ type: 'responseCode', properties: { value: 401, message: 'Huawei Cloud rejected the AK/SK signature: check the AK and SK' } },
			{ type: 'responseCode', properties: { value: 403, message: 'This AK/SK may not call Live in this project: check the project ID and IAM permissions' } },
		],
	};
}
