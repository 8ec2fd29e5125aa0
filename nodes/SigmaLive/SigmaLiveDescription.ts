/** Parameters of the Sigma Livestream action node: resources Webhook and Channel. */
import type { INodeProperties } from 'n8n-workflow';

import { MAX_PAGE_LENGTH } from './transport';

const PROVIDER_EVENT_OPTIONS = [
	{ name: 'Channel Ended', value: 'channel_ended', description: 'The channel was closed for good' },
	{ name: 'Channel Live', value: 'channel_live', description: 'The channel went live' },
	{ name: 'Channel Stop', value: 'channel_stop', description: 'The encoder stopped pushing' },
];

const webhook = { resource: ['webhook'] };
const channel = { resource: ['channel'] };

function pagingFields(resource: string, what: string): INodeProperties[] {
	const show = { resource: [resource], operation: ['getAll'] };
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			displayOptions: { show },
			description: 'Whether to return all results or only up to a given limit',
		},
		{
			displayName: 'Page',
			name: 'page',
			type: 'number',
			default: 0,
			typeOptions: { minValue: 0 },
			displayOptions: { show: { ...show, returnAll: [false] } },
			description: `Which page of ${what} to return, starting at 0`,
		},
		{
			displayName: 'Limit',
			name: 'length',
			type: 'number',
			default: 50,
			typeOptions: { minValue: 1, maxValue: MAX_PAGE_LENGTH },
			displayOptions: { show: { ...show, returnAll: [false] } },
			description: 'Max number of results to return',
		},
	];
}

export const sigmaLiveProperties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Channel', value: 'channel' },
			{ name: 'Webhook', value: 'webhook' },
		],
		default: 'webhook',
	},
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: webhook },
		options: [
			{ name: 'Create', value: 'create', description: 'Register a callback URL', action: 'Create a webhook' },
			{
				name: 'Delete',
				value: 'delete',
				description: 'Remove a webhook, or only some of its events',
				action: 'Delete a webhook',
			},
			{ name: 'Get Many', value: 'getAll', description: 'List registered webhooks', action: 'Get many webhooks' },
			{ name: 'Update', value: 'update', description: 'Change the URL or events of a webhook', action: 'Update a webhook' },
		],
		default: 'getAll',
	},
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: channel },
		options: [
			{ name: 'Get', value: 'get', description: 'Get a live channel by ID', action: 'Get a channel' },
			{ name: 'Get Many', value: 'getAll', description: 'List live channels', action: 'Get many channels' },
		],
		default: 'get',
	},

	// Webhook
	{
		displayName: 'Webhook ID',
		name: 'webhookId',
		type: 'string',
		required: true,
		default: '',
		displayOptions: { show: { ...webhook, operation: ['update', 'delete'] } },
		description: 'The ID Sigma gave the webhook when it was created',
	},
	{
		displayName: 'Callback URL',
		name: 'uri',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'https://n8n.example.com/webhook/…',
		displayOptions: { show: { ...webhook, operation: ['create', 'update'] } },
		description: 'The URL Sigma calls (POST, JSON) on the selected events',
	},
	{
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		options: PROVIDER_EVENT_OPTIONS,
		default: [],
		displayOptions: { show: { ...webhook, operation: ['create', 'update'] } },
		description: 'The events Sigma sends to the URL. None selected means all events.',
	},
	{
		displayName: 'Remove Only These Events',
		name: 'removeEvents',
		type: 'multiOptions',
		options: PROVIDER_EVENT_OPTIONS,
		default: [],
		displayOptions: { show: { ...webhook, operation: ['delete'] } },
		description:
			'Events to remove from the webhook while keeping it for the others. None selected deletes the whole webhook.',
	},
	...pagingFields('webhook', 'webhooks'),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: { show: { ...webhook, operation: ['getAll'] } },
		options: [
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				options: PROVIDER_EVENT_OPTIONS,
				default: [],
				description: 'Only webhooks subscribed to these events',
			},
		],
	},

	// Channel
	{
		displayName: 'Channel ID',
		name: 'channelId',
		type: 'string',
		required: true,
		default: '',
		displayOptions: { show: { ...channel, operation: ['get'] } },
		description: 'The channel (stream) ID, as in the trigger\'s stream.name',
	},
	...pagingFields('channel', 'channels'),
];
