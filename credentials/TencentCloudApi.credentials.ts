import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { signTencentCloudRequest, TENCENT_CLOUD_DEFAULT_ENDPOINT } from '../nodes/signers/tc3';

/** Error codes that mean "these credentials cannot call the CSS API" (docs/protocols/stream-control.md §1.2). */
const REFUSALS: Array<[string, string]> = [
	['AuthFailure.SignatureFailure', 'Tencent Cloud rejected the signature: check the SecretKey'],
	['AuthFailure.SecretIdNotFound', 'Tencent Cloud does not know this SecretId'],
	['AuthFailure.InvalidSecretId', 'The SecretId is not valid'],
	['AuthFailure.SignatureExpire', 'The request time is more than 5 minutes off: check the n8n server clock'],
	['AuthFailure.TokenFailure', 'The session token is not valid'],
	['AuthFailure.MFAFailure', 'This key requires MFA, which API calls cannot provide'],
	['AuthFailure.UnauthorizedOperation', 'This key is not allowed to call the CSS callback APIs (CAM policy)'],
	['UnauthorizedOperation', 'This key is not allowed to call the CSS callback APIs (CAM policy)'],
	['UnsupportedOperation.NotLVBCodeMode', 'The account is not in LVB-code (new console) mode'],
	['ResourceNotFound.ForbidService', 'The account is blocked for CSS'],
	['ResourceNotFound.FreezeService', 'The CSS service is frozen on this account'],
	['ResourceNotFound.StopService', 'The CSS service is suspended for arrears'],
	['ResourceNotFound.UserDisableService', 'CSS is disabled on this account'],
];

export class TencentCloudApi implements ICredentialType {
	name = 'tencentCloudApi';

	displayName = 'Tencent Cloud API';

	icon = { light: 'file:../icons/tencentCss.svg', dark: 'file:../icons/tencentCss.dark.svg' } as const;

	documentationUrl = 'https://www.tencentcloud.com/document/api/267/37447';

	properties: INodeProperties[] = [
		{
			displayName: 'SecretId',
			name: 'secretId',
			type: 'string',
			default: '',
			required: true,
			description: 'The SecretId of an API key (Tencent Cloud console › Access Management › API Keys)',
		},
		{
			displayName: 'SecretKey',
			name: 'secretKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The SecretKey of the same API key. It signs every request (TC3-HMAC-SHA256) and is never sent.',
		},
		{
			displayName: 'API Endpoint',
			name: 'endpoint',
			type: 'string',
			default: TENCENT_CLOUD_DEFAULT_ENDPOINT,
			description: 'The CSS API endpoint. Keep the default unless you use a nearby regional endpoint such as https://live.ap-singapore.tencentcloudapi.com.',
		},
		{
			displayName: 'Session Token',
			name: 'sessionToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: 'Only for temporary (STS) credentials: sent as X-TC-Token',
		},
	];

	authenticate = async (
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> =>
		signTencentCloudRequest(
			requestOptions,
			{
				secretId: String(credentials.secretId ?? '').trim(),
				secretKey: String(credentials.secretKey ?? '').trim(),
				endpoint: String(credentials.endpoint ?? '').trim() || TENCENT_CLOUD_DEFAULT_ENDPOINT,
				sessionToken: String(credentials.sessionToken ?? '').trim() || undefined,
			},
			Math.floor(Date.now() / 1000),
		);

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.endpoint}}',
			url: '/',
			method: 'POST',
			headers: { 'X-TC-Action': 'DescribeLiveCallbackTemplates', 'X-TC-Version': '2018-08-01' },
			body: {},
		},
		rules: REFUSALS.map(([code, message]) => ({
			type: 'responseSuccessBody' as const,
			properties: { key: 'Response.Error.Code', value: code, message: `${message} (${code})` },
		})),
	};
}
