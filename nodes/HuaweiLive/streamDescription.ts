/**
 * Parameters of the Huawei Cloud Live node's Stream and Domain resources
 * (docs/protocols/stream-control.md §2). Stream fields default to the Huawei Cloud Live Trigger's
 * item (`stream.domain`, `stream.app`, `stream.name`), so "trigger → Block" needs no configuration.
 * Descriptions are written for a person and for an AI agent using the node as a tool.
 */
import type { INodeProperties } from 'n8n-workflow';

const show = (resource: string, operation: string[]) => ({ show: { resource: [resource], operation } });

export const huaweiPushDomainLocator = (defaultValue: string): Omit<INodeProperties, 'displayOptions'> => ({
	displayName: 'Push Domain',
	name: 'pushDomain',
	type: 'resourceLocator',
	default: { mode: 'name', value: defaultValue },
	required: true,
	description: 'The push (ingest) domain',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			placeholder: 'Select a push domain…',
			typeOptions: { searchListMethod: 'searchPushDomains', searchable: true },
		},
		{ displayName: 'By Name', name: 'name', type: 'string', placeholder: 'e.g. push.example.com' },
	],
});

const oneStream = ['block', 'updateBlock', 'unblock', 'drop'];
const lists = ['getAllBlocked', 'getAll'];

export const huaweiStreamOperations: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['stream'] } },
	options: [
		{
			name: 'Block',
			value: 'block',
			action: 'Block a stream',
			description:
				'Cuts the stream and refuses new pushes until the resume time (default 7 days, at most 90) (CreateStreamForbidden). Viewers see it end. Undo with Unblock. On a stream already blocked it succeeds with alreadyBlocked: true and sets the new resume time.',
		},
		{
			name: 'Drop',
			value: 'drop',
			action: 'Drop a live stream',
			description:
				'Cuts the current push once without blocking (CreateStreamForbiddenOnce, "block-once"). Viewers lose the picture, but the publisher may reconnect at once: use Block to keep it off. Reports wasLive.',
		},
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many online streams',
			description: 'Lists the streams being pushed now to a push domain, i.e. online (ListLiveStreamsOnline). Read only.',
		},
		{
			name: 'Get Many Blocked',
			value: 'getAllBlocked',
			action: 'Get many blocked streams',
			description: 'Lists the blocked streams of a push domain with their resume times (ListStreamForbidden). Read only.',
		},
		{
			name: 'Unblock',
			value: 'unblock',
			action: 'Unblock a stream',
			description:
				'Lifts a block so the publisher can push again (DeleteStreamForbidden); it does not start the stream. Succeeds when the stream was not blocked (wasBlocked: false).',
		},
		{
			name: 'Update Block',
			value: 'updateBlock',
			action: 'Update the block of a stream',
			description: 'Changes when a blocked stream may push again (UpdateStreamForbidden). The stream must be blocked.',
		},
	],
	default: 'block',
};

export const huaweiDomainOperations: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['domain'] } },
	options: [
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many domains',
			description: 'Lists the push and playback domains of the project (ShowDomain). Read only.',
		},
	],
	default: 'getAll',
};

const limitFields = (resource: string, operations: string[]): INodeProperties[] => [
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		displayOptions: show(resource, operations),
		default: false,
		description: 'Whether to return all results or only up to a given limit',
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		displayOptions: { show: { resource: [resource], operation: operations, returnAll: [false] } },
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'Max number of results to return',
	},
];

export const huaweiStreamProperties: INodeProperties[] = [
	{ ...huaweiPushDomainLocator('={{ $json.stream?.domain }}'), displayOptions: show('stream', [...oneStream, ...lists]) },
	{
		displayName: 'App Name',
		name: 'appName',
		type: 'string',
		default: '={{ $json.stream?.app }}',
		required: true,
		displayOptions: show('stream', oneStream),
		description: 'The app name of the push URL. Defaults to the trigger item\'s stream.app.',
	},
	{
		displayName: 'Stream Name',
		name: 'streamName',
		type: 'string',
		default: '={{ $json.stream?.name }}',
		required: true,
		displayOptions: show('stream', oneStream),
		description: 'The stream name (not "*"). Defaults to the trigger item\'s stream.name.',
	},
	{
		displayName: 'Resume At',
		name: 'resumeTime',
		type: 'dateTime',
		default: '',
		displayOptions: show('stream', ['block', 'updateBlock']),
		description:
			'When pushing is allowed again (UTC when no zone is given); at most 90 days ahead. Block: empty means 7 days from now. Update Block: required. Example expression: {{ $now.plus(1, "day") }}.',
	},
	...limitFields('stream', lists),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: show('stream', lists),
		options: [
			{ displayName: 'App Name', name: 'appName', type: 'string', default: '', description: 'Only streams of this app' },
			{ displayName: 'Stream Name', name: 'streamName', type: 'string', default: '', description: 'Only this stream (online list: needs the app name too)' },
		],
	},

	...limitFields('domain', ['getAll']),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: show('domain', ['getAll']),
		options: [
			{
				displayName: 'Status',
				name: 'status',
				type: 'options',
				options: [
					{ name: 'Any', value: 'any' },
					{ name: 'Configuring', value: 'configuring' },
					{ name: 'Off', value: 'off' },
					{ name: 'On', value: 'on' },
				],
				default: 'any',
			},
			{
				displayName: 'Type',
				name: 'domainType',
				type: 'options',
				options: [
					{ name: 'Any', value: 'any' },
					{ name: 'Playback', value: 'pull' },
					{ name: 'Push', value: 'push' },
				],
				default: 'any',
			},
		],
	},
];
