import type {
	IAuthenticateGeneric,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

export class SigmaLiveApi implements ICredentialType {
	name = 'sigmaLiveApi';

	displayName = 'Sigma Livestream API';

	icon = { light: 'file:../icons/sigmaLive.svg', dark: 'file:../icons/sigmaLive.dark.svg' } as const;

	documentationUrl = 'https://github.com/livestream-callbacks/n8n-nodes-livestream-callbacks#sigma-livestream';

	properties: INodeProperties[] = [
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			placeholder: 'https://api.live.example.com',
			required: true,
			description:
				'The address of your Sigma Livestream API server ({API-SERVER} in the Sigma documentation), with http:// or https:// and without /v1',
		},
		{
			displayName: 'Token ID',
			name: 'tokenId',
			type: 'string',
			default: '',
			required: true,
			description: 'The live token ID (LIVE_TOKEN_ID), sent as the HTTP Basic user name',
		},
		{
			displayName: 'Token Secret',
			name: 'tokenSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The live token secret (LIVE_TOKEN_SECRET), sent as the HTTP Basic password',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			auth: {
				username: '={{$credentials.tokenId}}',
				password: '={{$credentials.tokenSecret}}',
			},
		},
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{String($credentials.baseUrl).trim().replace(/\\/+$/, "")}}',
			url: '/v1/webhook',
			method: 'GET',
			qs: { page: 0, length: 1 },
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message: 'The API server refused the Token ID or Token Secret (HTTP 401)',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 403,
					message: 'This token may not use the webhook API (HTTP 403)',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 404,
					message: 'No Sigma webhook API at this base URL (GET /v1/webhook answered 404): check the Base URL',
				},
			},
		],
	};
}
