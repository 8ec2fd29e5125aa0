import type { ICredentialType, INodeProperties } from 'n8n-workflow';

export class TencentCssCallbackApi implements ICredentialType {
	name = 'tencentCssCallbackApi';

	displayName = 'Tencent CSS Callback Key API';

	icon = { light: 'file:../icons/tencentCss.svg', dark: 'file:../icons/tencentCss.dark.svg' } as const;

	documentationUrl = 'https://www.tencentcloud.com/document/product/267/38080';

	properties: INodeProperties[] = [
		{
			displayName: 'Callback Key',
			name: 'callbackKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'The "Callback Key" of your CSS callback template (Feature Configuration › Live Stream Callback): 1 to 32 letters and digits. Tencent signs the template\'s callbacks with MD5(key + t); with a key set the trigger refuses callbacks without a valid signature, except the event types you select in its "Accept Unsigned Event Types" option (relay and stream monitoring are documented unsigned). Leave empty only for testing: every callback is then accepted unsigned.',
		},
	];
}
