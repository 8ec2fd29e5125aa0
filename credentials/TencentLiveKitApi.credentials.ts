import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { signTencentRestRequest, TENCENT_REST_DOMAINS } from '../nodes/signers/userSig';

/**
 * Answers of the REST gateway that mean "these REST settings cannot work". [INFERRED] The codes
 * are Tencent Chat's public UserSig/account error codes; docs/protocols/stream-control.md §3.1 lists
 * the common ones.
 */
const REFUSALS: Array<[number, string]> = [
	[70001, 'The UserSig expired: check the n8n server clock'],
	[70003, 'The UserSig was refused: check the SecretKey'],
	[70009, 'The UserSig does not verify: check the SecretKey and the SDKAppID'],
	[70013, 'The UserSig identifier does not match: check the admin identifier'],
	[70014, 'The UserSig SDKAppID does not match: check the SDKAppID'],
	[70016, 'No key found for this SDKAppID: check the SDKAppID and the region'],
	[70020, 'The SDKAppID was not found: check the SDKAppID and the region'],
	[70052, 'The UserSig was invalidated'],
	[70107, 'The admin identifier is not an account of this application'],
	[70403, 'The identifier is not an app admin account'],
];

export class TencentLiveKitApi implements ICredentialType {
	name = 'tencentLiveKitApi';

	displayName = 'Tencent TUILiveKit API';

	icon = { light: 'file:../icons/tencentLiveKit.svg', dark: 'file:../icons/tencentLiveKit.dark.svg' } as const;

	documentationUrl = 'https://trtc.io/document/64412';

	properties: INodeProperties[] = [
		{
			displayName: 'SDKAppID',
			name: 'sdkAppId',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. 1400000000',
			description:
				'The SDKAppID of your TUILiveKit (Chat) application. Every callback carries it in the URL (SdkAppid); callbacks for any other application are rejected.',
		},
		{
			displayName: 'Callback Token',
			name: 'callbackToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'The token set with v4/live_config/set_callback_token (1 to 128 characters). Tencent then signs every callback URL with Sign = SHA-256(token + RequestTime); the trigger rejects callbacks whose signature does not match or is more than a minute old. Leave empty only while Tencent has no token enabled: callbacks are then accepted unsigned (authenticated "none"), and anyone who knows the URL can start the workflow. With "Register Automatically" on the trigger, publishing sets and enables this token and unpublishing puts Tencent\'s previous token state back; the workflow keeps only a keyed fingerprint of it, never the token.',
		},
		{
			displayName: 'SecretKey',
			name: 'secretKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'The application\'s SecretKey (console › Application › Basic Information). Only for REST calls (the Tencent TUILiveKit node): it signs a UserSig for the admin account and is never sent. The trigger does not need it.',
		},
		{
			displayName: 'Admin Identifier',
			name: 'adminIdentifier',
			type: 'string',
			default: 'administrator',
			description: 'An app admin account (console › Chat › Account Management); REST calls are made as this account',
		},
		{
			displayName: 'REST Region',
			name: 'restDomain',
			type: 'options',
			options: TENCENT_REST_DOMAINS,
			default: 'https://console.tim.qq.com',
			description: 'The REST domain of the region your SDKAppID lives in. Live configuration is documented for China, Singapore and USA.',
		},
		{
			displayName: 'Custom REST Base URL',
			name: 'customRestUrl',
			type: 'string',
			default: '',
			placeholder: 'https://adminapi.my-imcloud.com',
			displayOptions: { show: { restDomain: ['custom'] } },
			description: 'A backup domain such as https://adminapi.my-imcloud.com',
		},
	];

	authenticate = async (
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> => {
		const domain = String(credentials.restDomain ?? '');
		return signTencentRestRequest(
			requestOptions,
			{
				sdkAppId: Number(String(credentials.sdkAppId ?? '').trim()),
				secretKey: String(credentials.secretKey ?? '').trim(),
				adminIdentifier: String(credentials.adminIdentifier ?? '').trim() || 'administrator',
				endpoint: domain === 'custom' ? String(credentials.customRestUrl ?? '').trim() : domain || 'https://console.tim.qq.com',
			},
			Math.floor(Date.now() / 1000),
		);
	};

	test: ICredentialTestRequest = {
		request: { url: '/v4/live_config/get_callback_token', method: 'POST', body: {} },
		rules: REFUSALS.map(([code, message]) => ({
			type: 'responseSuccessBody' as const,
			properties: { key: 'ErrorCode', value: code, message: `${message} (${code}). The trigger alone works without REST settings.` },
		})),
	};
}
