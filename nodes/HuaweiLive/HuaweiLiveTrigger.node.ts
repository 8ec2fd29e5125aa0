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
import { huaweiRegistrar } from './registration';
import { HUAWEI_LIVE_EVENTS } from './events';
import { huaweiLiveProvider } from './provider';
import { DEFAULT_MAX_AGE_SECONDS, DEFAULT_MAX_AHEAD_SECONDS } from './verify';

/** Length rules of the Huawei console / API for each key (docs/protocols/huawei-live.md, "Keys"). */
const KEY_RULES: ReadonlyArray<{ field: string; label: string; min: number; max: number | null }> = [
	{ field: 'streamNotifyKey', label: 'Stream Notification Key', min: 32, max: 128 },
	{ field: 'recordCallbackKey', label: 'Recording Callback Key', min: 32, max: null },
	{ field: 'snapshotKey', label: 'Snapshot Key', min: 32, max: 128 },
];

export class HuaweiLiveTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Huawei Cloud Live Trigger',
		name: 'huaweiLiveTrigger',
		icon: { light: 'file:../../icons/huaweiLive.svg', dark: 'file:../../icons/huaweiLive.dark.svg' },
		group: ['trigger'],
		// 1.1 behaves as 1. n8n treats a webhook node of version 1 as its legacy Webhook node and
		// evaluates an expression for it on every request (docs/performance.md).
		version: [1, 1.1],
		defaultVersion: 1.1,
		subtitle: EVENTS_SUBTITLE,
		description:
			'Starts the workflow on Huawei Cloud Live callbacks: stream start/stop notifications, recording events and snapshot callbacks',
		defaults: { name: 'Huawei Cloud Live Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{ name: 'huaweiLiveCallbackApi', required: false, testedBy: 'huaweiLiveCallbackKeysTest' },
			{ name: 'huaweiCloudApi', required: true, displayOptions: { show: { registerAutomatically: [true] } } },
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
			header: 'Paste this URL into the Huawei Cloud Live callback configs of your ingest domain',
			executionsHelp: {
				inactive:
					'Start or stop a push on the ingest domain while the test listener runs, or send a signed test event with the package\'s sender (see the README).',
				active:
					'The workflow is published: Huawei callbacks sent to the production URL start it. Rejected (forged, expired) callbacks never appear as executions.',
			},
			activationHint:
				'Publish the workflow and put its production URL in the stream notification config, the recording callback and/or the snapshot template of your ingest domain.',
		},
		properties: [
			{
				displayName:
					'One URL serves all three Huawei callback families: stream status notifications, recording callbacks and snapshot callbacks. Set each family\'s key in the credential: a family with a key must be signed (else 401); a family without one is accepted as authenticated "none".',
				name: 'setupNotice',
				type: 'notice',
				default: '',
			},
			eventsParameter(HUAWEI_LIVE_EVENTS),
			filtersParameter('stream'),
			...registrationParameters(
				'Stream events set the ingest domain\'s stream notification URL; recording events create a recording callback configuration for the domain and app. Both use the keys of the callback credential above. Snapshot callbacks are not registered.',
			),
			{
				displayName: 'Ingest Domain',
				name: 'ingestDomain',
				type: 'string',
				default: '',
				required: true,
				placeholder: 'push.example.com',
				displayOptions: { show: { registerAutomatically: [true] } },
				description: 'The ingest (push) domain whose callbacks go to this workflow',
			},
			{
				displayName: 'Recording App Name',
				name: 'recordApp',
				type: 'string',
				default: '*',
				displayOptions: { show: { registerAutomatically: [true] } },
				description: 'The app of the recording callback configuration; * covers every app without its own configuration',
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add option',
				default: {},
				options: [
					acknowledgeOption,
					{
						displayName: 'Max Timestamp Age (Seconds)',
						name: 'maxAgeSeconds',
						type: 'number',
						default: DEFAULT_MAX_AGE_SECONDS,
						typeOptions: { minValue: 0, maxValue: 604800 },
						description:
							'How far in the past auth_timestamp may lie. Huawei calls it the signature\'s expiry time, but its samples look like send time, and retries are undocumented: the default 600 covers either reading plus clock skew.',
					},
					{
						displayName: 'Max Timestamp Lead (Seconds)',
						name: 'maxAheadSeconds',
						type: 'number',
						default: DEFAULT_MAX_AHEAD_SECONDS,
						typeOptions: { minValue: 0, maxValue: 604800 },
						description:
							'How far in the future auth_timestamp may lie (an expiry time lies ahead of the send time). Default 600.',
					},
					{
						displayName: 'Accepted Ingest Domains',
						name: 'acceptedDomains',
						type: 'string',
						default: '',
						placeholder: 'push.example.com',
						description:
							'Comma-separated ingest domains (lower case). Callbacks for other domains are rejected (401). Huawei signs domain, app and stream name run together without separators; with this list (and Accepted App Names) a re-sent callback cannot move characters between them.',
					},
					{
						displayName: 'Accepted App Names',
						name: 'acceptedApps',
						type: 'string',
						default: '',
						placeholder: 'live',
						description:
							'Comma-separated app names. Callbacks for other apps are rejected (401), and a signed callback whose domain, app and stream name could be split in more than one way among the accepted names is rejected too.',
					},
				],
			},
		],
	};

	methods = {
		credentialTest: {
			async huaweiLiveCallbackKeysTest(
				this: ICredentialTestFunctions,
				credential: ICredentialsDecrypted,
			): Promise<INodeCredentialTestResult> {
				const set: string[] = [];
				for (const rule of KEY_RULES) {
					const value = credential.data?.[rule.field];
					if (typeof value !== 'string' || value.trim() === '') continue;
					const length = value.trim().length;
					if (length < rule.min || (rule.max !== null && length > rule.max)) {
						const range = rule.max === null ? `at least ${rule.min}` : `${rule.min} to ${rule.max}`;
						return {
							status: 'Error',
							message: `${rule.label}: Huawei keys have ${range} characters, this one has ${length}`,
						};
					}
					set.push(rule.label);
				}
				if (set.length === 0) {
					return { status: 'OK', message: 'No key set: every callback will be accepted unsigned (authenticated "none")' };
				}
				return { status: 'OK', message: `Keys with a valid length: ${set.join(', ')}` };
			},
		},
	};

	webhookMethods = {
		default: {
			// Without "Register Automatically" the URL is pasted into the Huawei console and these
			// change nothing; with it they manage the domain's configurations (registration.ts).
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return await registrationExists(this, huaweiRegistrar);
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return await registrationCreate(this, huaweiRegistrar);
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return await registrationDelete(this, huaweiRegistrar);
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await receiveCallback(this, huaweiLiveProvider);
	}
}
