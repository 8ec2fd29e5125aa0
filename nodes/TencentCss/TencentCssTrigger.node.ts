import type {
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	IHookFunctions,
	INodeCredentialTestResult,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { acknowledgeOption, acknowledgeWebhookFields } from '../core/acknowledge';
import { filtersParameter } from '../core/filters';
import { EVENTS_SUBTITLE, eventsParameter } from '../core/parameters';
import { registrationCreate, registrationDelete, registrationExists, registrationParameters } from '../core/registration';
import { receiveCallback } from '../core/receive';
import { tencentCssRegistrar } from './registration';
import { TENCENT_CSS_EVENTS, UNSIGNED_EVENTS, UNSIGNED_TYPE_OPTIONS } from './events';
import { tencentCssProvider } from './provider';
import { DEFAULT_EXPIRY_GRACE_SECONDS, DEFAULT_MAX_AHEAD_SECONDS } from './verify';

const CALLBACK_KEY_FORMAT = /^[A-Za-z0-9]{1,32}$/;

export class TencentCssTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Tencent CSS Trigger',
		name: 'tencentCssTrigger',
		icon: { light: 'file:../../icons/tencentCss.svg', dark: 'file:../../icons/tencentCss.dark.svg' },
		group: ['trigger'],
		// 1.1 behaves as 1. n8n treats a webhook node of version 1 as its legacy Webhook node and
		// evaluates an expression for it on every request (docs/performance.md).
		version: [1, 1.1],
		defaultVersion: 1.1,
		subtitle: EVENTS_SUBTITLE,
		description:
			'Starts the workflow on Tencent Cloud Streaming Services (CSS, formerly LVB) callbacks: push, interruption, recording, screenshot, moderation and more',
		defaults: { name: 'Tencent CSS Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{ name: 'tencentCssCallbackApi', required: false, testedBy: 'tencentCssCallbackKeyTest' },
			{ name: 'tencentCloudApi', required: true, displayOptions: { show: { registerAutomatically: [true] } } },
		],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				// When stored (default) or when the workflow has finished: the Options collection decides.
				...acknowledgeWebhookFields,
				path: 'webhook',
			},
		],
		triggerPanel: {
			header: 'Paste this URL into a Tencent CSS callback template',
			executionsHelp: {
				inactive:
					'Tencent applies a callback template 5–10 minutes after it is bound to a push domain, longer than the 2-minute test listener. Publish the workflow, or send a signed test event with the package\'s sender (see the README).',
				active:
					'The workflow is published: Tencent callbacks sent to the production URL start it. Rejected (forged, expired) callbacks never appear as executions.',
			},
			activationHint:
				'Publish the workflow and put its production URL in every event URL of your callback template (Tencent console › Feature Configuration › Live Stream Callback).',
		},
		properties: [
			{
				displayName:
					'Put the webhook URL in each event URL of a CSS callback template, set the template\'s callback key in the credential, and bind the template to your push domain. It takes 5–10 minutes to apply.',
				name: 'setupNotice',
				type: 'notice',
				default: '',
			},
			eventsParameter(TENCENT_CSS_EVENTS),
			filtersParameter('stream'),
			{
				displayName:
					'Some selected events may arrive unsigned: Tencent documents relay (314) and stream monitoring (328) callbacks without t/sign, and its samples of audio moderation (315), quality (343, 344, 345), live summary (348) and smart highlight (349) show none. While the credential holds a callback key, such a callback is refused (401, logged) unless you select its type in Options › Accept Unsigned Event Types; it is then accepted as authenticated "none".',
				name: 'unsignedEventsNotice',
				type: 'notice',
				default: '',
				displayOptions: { show: { events: ['*', ...UNSIGNED_EVENTS] } },
			},
			...registrationParameters(
				'A template "n8n_<workflow ID>" is created with the callback key of the credential above and bound to the push domain and app; Tencent applies it within 5–10 minutes.',
			),
			{
				displayName: 'Push Domain',
				name: 'pushDomain',
				type: 'string',
				default: '',
				required: true,
				placeholder: '5000.livepush.myqcloud.com',
				displayOptions: { show: { registerAutomatically: [true] } },
				description: 'The push (ingest) domain whose callbacks go to this workflow',
			},
			{
				displayName: 'App Name',
				name: 'appName',
				type: 'string',
				default: 'live',
				displayOptions: { show: { registerAutomatically: [true] } },
				description: 'The push path (AppName); Tencent\'s default is "live"',
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add option',
				default: {},
				options: [
					{
						displayName: 'Accept Unsigned Event Types',
						name: 'unsignedEventTypes',
						type: 'multiOptions',
						default: [],
						description:
							'Event types accepted without t/sign while the credential holds a callback key; their items are marked authenticated "none", and anyone who knows the URL can send them. Tencent documents relay (314) and stream monitoring (328) callbacks unsigned; its samples of 315, 343, 344, 345, 348 and 349 carry no signature. A callback that does carry a sign is always checked. No other type can be accepted unsigned.',
						options: [...UNSIGNED_TYPE_OPTIONS],
					},
					acknowledgeOption,
					{
						displayName: 'Expiry Grace (Seconds)',
						name: 'expiryGraceSeconds',
						type: 'number',
						default: DEFAULT_EXPIRY_GRACE_SECONDS,
						typeOptions: { minValue: 0, maxValue: 86400 },
						description:
							'How long after its expiry time `t` a signed callback is still accepted. Tencent sets `t` 10 minutes after sending and retries for up to about 16 minutes, so the default of 600 keeps late retries; 0 is strict.',
					},
					{
						displayName: 'Max Clock Lead (Seconds)',
						name: 'maxAheadSeconds',
						type: 'number',
						default: DEFAULT_MAX_AHEAD_SECONDS,
						typeOptions: { minValue: 0, maxValue: 86400 },
						description:
							'How far in the future `t` may lie. A fresh callback has `t` = now + 600; the default of 900 allows 5 minutes of clock skew.',
					},
				],
			},
		],
	};

	methods = {
		credentialTest: {
			async tencentCssCallbackKeyTest(
				this: ICredentialTestFunctions,
				credential: ICredentialsDecrypted,
			): Promise<INodeCredentialTestResult> {
				const key = credential.data?.callbackKey;
				if (typeof key !== 'string' || key === '') {
					return {
						status: 'OK',
						message: 'No callback key: callbacks will be accepted unsigned (authenticated "none")',
					};
				}
				if (!CALLBACK_KEY_FORMAT.test(key)) {
					return {
						status: 'Error',
						message: 'A Tencent callback key has 1 to 32 letters and digits, nothing else',
					};
				}
				return { status: 'OK', message: 'The callback key has a valid format' };
			},
		},
	};

	webhookMethods = {
		default: {
			// Without "Register Automatically" the URL is pasted into a callback template by hand and
			// these change nothing; with it they manage this workflow's template and rule (registration.ts).
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return await registrationExists(this, tencentCssRegistrar);
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return await registrationCreate(this, tencentCssRegistrar);
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return await registrationDelete(this, tencentCssRegistrar);
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await receiveCallback(this, tencentCssProvider);
	}
}
