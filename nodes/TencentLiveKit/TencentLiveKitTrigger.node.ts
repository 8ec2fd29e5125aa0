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

import { filtersParameter } from '../core/filters';
import { EVENTS_SUBTITLE, eventsParameter } from '../core/parameters';
import { registrationCreate, registrationDelete, registrationExists, registrationParameters } from '../core/registration';
import { receiveCallback } from '../core/receive';
import { beforeCallbackWebhookFields } from './decision';
import { liveKitRegistrar } from './registration';
import { TENCENT_LIVEKIT_EVENTS } from './events';
import { tencentLiveKitProvider } from './provider';
import { DEFAULT_MAX_CLOCK_SKEW_SECONDS } from './verify';

const SDK_APP_ID_FORMAT = /^\d{1,12}$/;
const MAX_TOKEN_LENGTH = 128;

export class TencentLiveKitTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Tencent TUILiveKit Trigger',
		name: 'tencentLiveKitTrigger',
		icon: { light: 'file:../../icons/tencentLiveKit.svg', dark: 'file:../../icons/tencentLiveKit.dark.svg' },
		group: ['trigger'],
		// 1.1 behaves as 1. n8n treats a webhook node of version 1 as its legacy Webhook node and
		// evaluates an expression for it on every request (docs/performance.md).
		version: [1, 1.1],
		defaultVersion: 1.1,
		subtitle: EVENTS_SUBTITLE,
		description:
			'Starts the workflow on Tencent TUILiveKit (TRTC Live) webhooks: rooms, members, seats, battles, gifts, room messages, follows and recording; gifts and messages can be vetoed by the workflow',
		defaults: { name: 'Tencent TUILiveKit Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'tencentLiveKitApi', required: false, testedBy: 'tencentLiveKitApiTest' }],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				// From the "Before-Callback Answer" parameter (decision.ts).
				...beforeCallbackWebhookFields,
				path: 'webhook',
			},
		],
		triggerPanel: {
			header: 'Register this URL as the TUILiveKit callback URL of your SDKAppID',
			executionsHelp: {
				inactive:
					'Set this test URL with v4/live_config/set_callback (or in the console: Live › Configuration › Live Webhook, about 2 minutes to apply), then trigger an event, or send a signed test event with the package\'s sender (see the README).',
				active:
					'The workflow is published: TUILiveKit callbacks sent to the production URL start it. Rejected (forged, stale, other-app) callbacks never appear as executions.',
			},
			activationHint:
				'Publish the workflow and register its production URL as the callback URL of your SDKAppID. There is one callback URL per SDKAppID: registering this one replaces any other.',
		},
		properties: [
			{
				displayName:
					'Tencent keeps ONE callback URL per SDKAppID: registering this URL replaces any other. Enable the commands you need in its CallbackCommandList, and set a callback token (set_callback_token) that you also put in the credential.',
				name: 'setupNotice',
				type: 'notice',
				default: '',
			},
			eventsParameter(TENCENT_LIVEKIT_EVENTS),
			filtersParameter('room'),
			...registrationParameters(
				'The SDKAppID\'s callback URL and command list (from the selected events) are set, and the credential\'s callback token is set and enabled; unpublishing puts the token back as it was (another token is only replaced with "Replace Existing Configuration"). The credential needs its REST settings (SecretKey, admin identifier, region).',
			),
			{
				displayName: 'Before-Callback Answer',
				name: 'beforeCallbacks',
				type: 'options',
				default: 'onReceived',
				description:
					'How gifts (Live.CallbackBeforeSendGift) and room messages (Group.CallbackBeforeSendMsg) are answered. Tencent waits at most 2 seconds. Every other callback is always answered at once.',
				options: [
					{
						name: 'Allow Immediately',
						value: 'onReceived',
						description: 'Answer ErrorCode 0 at once: the workflow only observes gifts and messages',
					},
					{
						name: 'From the Last Node',
						value: 'lastNode',
						description:
							'The first item of the last node that runs is the answer, e.g. an Edit Fields node that outputs data.decision.reject of the trigger item',
					},
					{
						name: 'Using Respond to Webhook Node',
						value: 'responseNode',
						description: 'A Respond to Webhook node answers (see the notice below about its version)',
					},
				],
			},
			{
				displayName:
					'The workflow must answer within 2 seconds with JSON such as {{ $json.data.decision.allow }} or {{ $json.data.decision.reject }}. To rewrite a room message, edit {{ $json.data.decision.rewrite }} (the message\'s MsgBody and CloudCustomData in Tencent\'s own shape, not the camelCase copy in data) and answer with it. A late or failed answer blocks the gift (unless Live.CallbackBeforeCallBackNotBlock is configured) and delivers the message.',
				name: 'decisionNotice',
				type: 'notice',
				default: '',
				displayOptions: { show: { beforeCallbacks: ['lastNode', 'responseNode'] } },
			},
			{
				displayName:
					'n8n\'s Respond to Webhook node refuses, from its version 1.1 on, to run unless a Webhook, Form, Chat or Wait node precedes it ("No Webhook node found in the workflow"). Use "From the Last Node", or a Respond to Webhook node of version 1 (see the README).',
				name: 'responseNodeNotice',
				type: 'notice',
				default: '',
				displayOptions: { show: { beforeCallbacks: ['responseNode'] } },
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add option',
				default: {},
				options: [
					{
						displayName: 'Max Clock Skew (Seconds)',
						name: 'maxClockSkewSeconds',
						type: 'number',
						default: DEFAULT_MAX_CLOCK_SKEW_SECONDS,
						typeOptions: { minValue: 1, maxValue: 86400 },
						description:
							'How far RequestTime may lie from the current time, in the past or the future, for a signed callback to be accepted. Tencent\'s documentation says 60 seconds.',
					},
				],
			},
		],
	};

	methods = {
		credentialTest: {
			async tencentLiveKitApiTest(
				this: ICredentialTestFunctions,
				credential: ICredentialsDecrypted,
			): Promise<INodeCredentialTestResult> {
				const sdkAppId = String(credential.data?.sdkAppId ?? '').trim();
				if (!SDK_APP_ID_FORMAT.test(sdkAppId)) {
					return { status: 'Error', message: 'The SDKAppID is a number such as 1400000000' };
				}
				const token = credential.data?.callbackToken;
				if (typeof token !== 'string' || token === '') {
					return {
						status: 'OK',
						message: 'No callback token: callbacks will be accepted unsigned (authenticated "none")',
					};
				}
				if (token.length > MAX_TOKEN_LENGTH) {
					return { status: 'Error', message: 'A TUILiveKit callback token has 1 to 128 characters' };
				}
				return { status: 'OK', message: 'The SDKAppID and callback token have a valid format' };
			},
		},
	};

	webhookMethods = {
		default: {
			// Without "Register Automatically" the URL is set by hand (console or v4/live_config) and
			// these change nothing; with it they manage the SDKAppID's callback configuration (registration.ts).
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return await registrationExists(this, liveKitRegistrar);
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return await registrationCreate(this, liveKitRegistrar);
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return await registrationDelete(this, liveKitRegistrar);
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await receiveCallback(this, tencentLiveKitProvider);
	}
}
