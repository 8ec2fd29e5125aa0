import type {
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { acknowledgeOption, acknowledgeWebhookFields } from '../core/acknowledge';
import { EVENTS_SUBTITLE, eventsParameter } from '../core/parameters';
import { receiveCallback, reject } from '../core/receive';
import { parseSigmaLiveEvent, SIGMA_LIVE_EVENTS } from './events';
import { checkExists, create, remove } from './registration';
import type { RegistrationState } from './registration';
import { checkUrlToken, SIGMA_LIVE_VOLATILE_KEYS } from './SigmaLiveTriggerHelpers';

export class SigmaLiveTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Sigma Livestream Trigger',
		name: 'sigmaLiveTrigger',
		icon: { light: 'file:../../icons/sigmaLive.svg', dark: 'file:../../icons/sigmaLive.dark.svg' },
		group: ['trigger'],
		version: 1,
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
					'A secret that requests must carry as the query parameter "token". Sigma does not sign its callbacks, so without a token anyone who knows the URL can start the workflow (items are then marked authenticated "none").',
			},
			eventsParameter(SIGMA_LIVE_EVENTS),
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
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return await checkExists.call(this);
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return await create.call(this);
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return await remove.call(this);
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const registers = this.getNodeParameter('registerWebhook', true) !== false;
		let expected: string | null;
		if (registers) {
			const token = (this.getWorkflowStaticData('node') as RegistrationState).urlToken;
			expected = typeof token === 'string' && token !== '' ? token : null;
		} else {
			const token = String(this.getNodeParameter('urlToken', '') ?? '').trim();
			expected = token === '' ? null : token;
		}
		return await receiveCallback(this, {
			provider: 'sigma-live',
			volatileKeys: SIGMA_LIVE_VOLATILE_KEYS,
			handle: (request) => {
				if (registers && expected === null) {
					return reject(
						401,
						'webhook not registered',
						'The node has no registered URL token: deactivate and activate the workflow again',
					);
				}
				const check = checkUrlToken(request.query, expected);
				if (!check.ok) return reject(401, check.reason, check.logHint);
				return { accept: true, authenticated: check.authenticated, parsed: parseSigmaLiveEvent(request.body) };
			},
		});
	}
}
