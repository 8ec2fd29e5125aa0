/** Parameters of the Sigma Livestream action node: resources Webhook and Channel (stop and update: docs/protocols/stream-control.md §4). */
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
			{ name: 'Get', value: 'get', description: 'Get a live channel by ID. Read only.', action: 'Get a channel' },
			{ name: 'Get Many', value: 'getAll', description: 'List live channels. Read only.', action: 'Get many channels' },
			{
				name: 'Stop',
				value: 'stop',
				description:
					'Ends a channel now: viewers see the stream end and the encoder cannot push to it again; recordings and catch-up are kept. Cannot be undone (create a new channel to go live again). A channel that does not exist answers alreadyGone: true.',
				action: 'Stop a channel',
			},
			{
				name: 'Stop and Delete',
				value: 'stopAndDelete',
				description:
					'Stops the channel if it is live and deletes it with its saved data (recordings, catch-up). Cannot be undone. A channel that does not exist answers alreadyGone: true.',
				action: 'Stop and delete a channel',
			},
			{
				name: 'Update',
				value: 'update',
				description: 'Changes a channel\'s name, description, tags or catch-up (archive) setting. Viewers are not interrupted.',
				action: 'Update a channel',
			},
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
	{
		displayName: 'Channel ID',
		name: 'channelId',
		type: 'string',
		required: true,
		default: '={{ $json.stream?.name }}',
		displayOptions: { show: { ...channel, operation: ['stop', 'stopAndDelete', 'update'] } },
		description: 'The channel (stream) ID. Defaults to the trigger item\'s stream.name.',
	},
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: { ...channel, operation: ['update'] } },
		options: [
			{
				displayName: 'Catch-Up',
				name: 'catchup',
				type: 'boolean',
				default: true,
				description: 'Whether Sigma keeps the stream for replay when the event ends (archive mode)',
			},
			{ displayName: 'Description', name: 'description', type: 'string', default: '' },
			{ displayName: 'Name', name: 'name', type: 'string', default: '', description: 'The full name of the channel' },
			{ displayName: 'Tags', name: 'tags', type: 'string', default: '', description: 'Tags separated by commas, e.g. sport,travel' },
		],
	},
	...pagingFields('channel', 'channels'),
];
