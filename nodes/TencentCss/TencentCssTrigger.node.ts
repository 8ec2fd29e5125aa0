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
import { optionalCredentials, secretField } from '../core/credentials';
import { EVENTS_SUBTITLE, eventsParameter } from '../core/parameters';
import { registrationParameters } from '../core/registration';
import { receiveCallback, reject } from '../core/receive';
import { unixSeconds } from '../core/timeWindow';
import { tencentCssCheckExists, tencentCssCreate, tencentCssDelete } from './autoRegister';
import { parseTencentCssEvent, TENCENT_CSS_EVENTS, UNSIGNED_EVENT_TYPES } from './events';
import {
	DEFAULT_EXPIRY_GRACE_SECONDS,
	DEFAULT_MAX_AHEAD_SECONDS,
	TENCENT_CSS_VOLATILE_KEYS,
	verifyTencentCssCallback,
} from './TencentCssTriggerHelpers';

const CALLBACK_KEY_FORMAT = /^[A-Za-z0-9]{1,32}$/;

export class TencentCssTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Tencent CSS Trigger',
		name: 'tencentCssTrigger',
		icon: { light: 'file:../../icons/tencentCss.svg', dark: 'file:../../icons/tencentCss.dark.svg' },
		group: ['trigger'],
		version: 1,
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
							'Event types accepted without a signature while a callback key is set. Relay and stream-monitoring callbacks are configured outside the callback template and their documentation shows no signature. Items accepted this way are marked authenticated "none".',
						options: [
							{ name: 'Relay (314)', value: 314 },
							{ name: 'Stream Monitoring (328)', value: 328 },
						],
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
			// these change nothing; with it they manage this workflow's template and rule (autoRegister.ts).
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return await tencentCssCheckExists.call(this);
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return await tencentCssCreate.call(this);
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return await tencentCssDelete.call(this);
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const credentials = await optionalCredentials(this, 'tencentCssCallbackApi');
		const callbackKey = secretField(credentials, 'callbackKey');
		const options = this.getNodeParameter('options', {}) as {
			unsignedEventTypes?: number[];
			expiryGraceSeconds?: number;
			maxAheadSeconds?: number;
		};
		return await receiveCallback(this, {
			provider: 'tencent-css',
			volatileKeys: TENCENT_CSS_VOLATILE_KEYS,
			handle: (request) => {
				const auth = verifyTencentCssCallback(request.body, {
					callbackKey,
					expiryGraceSeconds: options.expiryGraceSeconds ?? DEFAULT_EXPIRY_GRACE_SECONDS,
					maxAheadSeconds: options.maxAheadSeconds ?? DEFAULT_MAX_AHEAD_SECONDS,
					unsignedEventTypes: (options.unsignedEventTypes ?? []).filter((t) =>
						UNSIGNED_EVENT_TYPES.includes(Number(t)),
					).map(Number),
					nowSec: unixSeconds(request.nowMs),
				});
				if (!auth.ok) return reject(401, auth.reason, auth.logHint);
				return { accept: true, authenticated: auth.authenticated, parsed: parseTencentCssEvent(request.body) };
			},
		});
	}
}
