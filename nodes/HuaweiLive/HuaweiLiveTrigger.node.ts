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
import { huaweiCheckExists, huaweiCreate, huaweiDelete } from './autoRegister';
import { familyOf, HUAWEI_LIVE_EVENTS, parseHuaweiLiveEvent } from './events';
import {
	DEFAULT_MAX_AGE_SECONDS,
	DEFAULT_MAX_AHEAD_SECONDS,
	HUAWEI_LIVE_VOLATILE_KEYS,
	verifyHuaweiLiveCallback,
} from './HuaweiLiveTriggerHelpers';
import type { SnapshotSignatureMode } from './HuaweiLiveTriggerHelpers';

/** Length rules of the Huawei console / API for each key (research §2.5). */
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
		version: 1,
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
					'One URL serves all three Huawei callback families: stream status notifications, recording callbacks and snapshot callbacks. Set each family\'s key in the credential.',
				name: 'setupNotice',
				type: 'notice',
				default: '',
			},
			eventsParameter(HUAWEI_LIVE_EVENTS),
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
				displayName: 'Snapshot Signature Check',
				name: 'snapshotSignature',
				type: 'options',
				default: 'report',
				description:
					'Huawei does not document how snapshot callbacks are signed. The node knows a few candidate formulas; until one is confirmed, checking is report-only by default.',
				options: [
					{
						name: 'Off',
						value: 'off',
						description: 'Snapshot callbacks are accepted without a check, as authenticated "none"',
					},
					{
						name: 'Report Only',
						value: 'report',
						description:
							'A snapshot signature that matches a candidate formula marks the item authenticated "signature"; anything else is accepted as "none" and logged',
					},
					{
						name: 'Require',
						value: 'require',
						description:
							'Snapshot callbacks whose signature matches no candidate formula are rejected (401). Use only once your callbacks are seen to match.',
					},
				],
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
			// change nothing; with it they manage the domain's configurations (autoRegister.ts).
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return await huaweiCheckExists.call(this);
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return await huaweiCreate.call(this);
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return await huaweiDelete.call(this);
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const credentials = await optionalCredentials(this, 'huaweiLiveCallbackApi');
		const snapshotSignature = this.getNodeParameter('snapshotSignature', 'report') as SnapshotSignatureMode;
		const options = this.getNodeParameter('options', {}) as { maxAgeSeconds?: number; maxAheadSeconds?: number };
		return await receiveCallback(this, {
			provider: 'huawei-live',
			volatileKeys: HUAWEI_LIVE_VOLATILE_KEYS,
			handle: (request) => {
				const family = familyOf(request.body);
				const auth = verifyHuaweiLiveCallback(request.body, family, {
					secrets: {
						streamNotifyKey: secretField(credentials, 'streamNotifyKey'),
						recordCallbackKey: secretField(credentials, 'recordCallbackKey'),
						snapshotKey: secretField(credentials, 'snapshotKey'),
						recordSignType: secretField(credentials, 'recordSignType'),
					},
					snapshotSignature,
					maxAgeSeconds: options.maxAgeSeconds ?? DEFAULT_MAX_AGE_SECONDS,
					maxAheadSeconds: options.maxAheadSeconds ?? DEFAULT_MAX_AHEAD_SECONDS,
					nowSec: unixSeconds(request.nowMs),
				});
				if (!auth.ok) return reject(401, auth.reason, auth.logHint);
				return {
					accept: true,
					authenticated: auth.authenticated,
					parsed: parseHuaweiLiveEvent(request.body, family),
					note: auth.note,
				};
			},
		});
	}
}
