import type { ICredentialType, INodeProperties } from 'n8n-workflow';

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
				'The token set with v4/live_config/set_callback_token (1 to 128 characters). Tencent then signs every callback URL with Sign = SHA-256(token + RequestTime); the trigger rejects callbacks whose signature does not match or is more than a minute old. Leave empty only while Tencent has no token enabled: callbacks are then accepted unsigned (authenticated "none"), and anyone who knows the URL can start the workflow.',
		},
	];
}
