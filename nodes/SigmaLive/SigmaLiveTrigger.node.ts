import type {
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { acknowledgeOption, acknowledgeWebhookFields } from '../core/acknowledge';
import { filtersParameter } from '../core/filters';
import { EVENTS_SUBTITLE, eventsParameter } from '../core/parameters';
import { receiveCallback } from '../core/receive';
import { registrationCreate, registrationDelete, registrationExists } from '../core/registration';
import { SIGMA_LIVE_EVENTS } from './events';
import { sigmaLiveProvider } from './provider';
import { sigmaRegistrar } from './registration';

export class SigmaLiveTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Sigma Livestream Trigger',
		name: 'sigmaLiveTrigger',
		icon: { light: 'file:../../icons/sigmaLive.svg', dark: 'file:../../icons/sigmaLive.dark.svg' },
		group: ['trigger'],
		// 1.1 behaves as 1. n8n treats a webhook node of version 1 as its legacy Webhook node and
		// evaluates an expression for it on every request (docs/performance.md).
		version: [1, 1.1],
		defaultVersion: 1.1,
		subtitle: EVENTS_SUBTITLE,
		description:
			'Starts the workflow when a Sigma Livestream channel goes live, stops or ends; registers its URL with the Sigma API automatically',
		defaults: { name: 'Sigma Livestream Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'sigmaLiveApi',
				required: true,
				displayOptions: { show: { registerWebhook: [true] } },
			},
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
			header: 'Sigma Livestream calls this URL on channel events',
			executionsHelp: {
				inactive:
					'While listening for a test event the node registers the test URL with Sigma and removes it afterwards. Start or stop a live channel to send an event.',
				active:
					'The workflow is published: its production URL is registered with Sigma, and channel events start it. Requests without the URL token never appear as executions.',
			},
			activationHint:
				'Publish the workflow: the node registers its production URL with your Sigma API server and removes it when unpublished.',
		},
		properties: [
			{
				displayName: 'Register Webhook Automatically',
				name: 'registerWebhook',
				type: 'boolean',
				default: true,
				description:
					'Whether the node registers its URL (with a secret token) through the Sigma webhook API when the workflow is activated, and removes it when deactivated',
			},
			{
				displayName:
					'Register the production URL by hand with POST /v1/webhook. If you set a URL token below, append ?token=<your token> to the URL you register.',
				name: 'manualNotice',
				type: 'notice',
				default: '',
				displayOptions: { show: { registerWebhook: [false] } },
			},
			{
				displayName: 'URL Token',
				name: 'urlToken',
				type: 'string',
				typeOptions: { password: true },
				default: '',
				displayOptions: { show: { registerWebhook: [false] } },
				description:
					'A secret that requests must carry as the query parameter "token". Sigma does not sign its callbacks, so without a token anyone who knows the URL can start the workflow (items are then marked authenticated "none"). This value is saved with the workflow; with automatic registration the node keeps only a hash of its token.',
			},
			eventsParameter(SIGMA_LIVE_EVENTS),
			filtersParameter('channel'),
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add option',
				default: {},
				options: [acknowledgeOption],
			},
		],
	};

	webhookMethods = {
		default: {
			// With "Register Webhook Automatically" (on by default) these keep one Sigma webhook for this
			// node's URL, the test URL included (registration.ts).
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return await registrationExists(this, sigmaRegistrar);
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return await registrationCreate(this, sigmaRegistrar);
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return await registrationDelete(this, sigmaRegistrar);
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await receiveCallback(this, sigmaLiveProvider);
	}
}
