/**
 * Parameters of the Tencent CSS node's Stream and Domain resources (docs/protocols/stream-control.md §1).
 * The stream fields default to the Tencent CSS Trigger's item (`stream.domain`, `stream.app`,
 * `stream.name`), so "trigger → Forbid" needs no configuration. Descriptions are written for a
 * person and for an AI agent using the node as a tool: what happens, what viewers see, how to undo it.
 */
import type { INodeProperties } from 'n8n-workflow';

const show = (resource: string, operation: string[]) => ({ show: { resource: [resource], operation } });

export const pushDomainLocator = (defaultValue: string): Omit<INodeProperties, 'displayOptions'> => ({
	displayName: 'Push Domain',
	name: 'pushDomain',
	type: 'resourceLocator',
	default: { mode: 'name', value: defaultValue },
	required: true,
	description: 'The push (ingest) domain of the stream',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			placeholder: 'Select a push domain…',
			typeOptions: { searchListMethod: 'searchPushDomains', searchable: true },
		},
		{ displayName: 'By Name', name: 'name', type: 'string', placeholder: 'e.g. 5000.livepush.myqcloud.com' },
	],
});

const streamOps = ['drop', 'forbid', 'resume', 'getState'];

export const tencentCssStreamOperations: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['stream'] } },
	options: [
		{
			name: 'Drop',
			value: 'drop',
			action: 'Drop a live stream',
			description:
				'Cuts the current push of a stream (DropLiveStream). Viewers lose the picture now, but the publisher may push again at once: use Forbid to keep it off. Succeeds when the stream is not live (wasLive: false).',
		},
		{
			name: 'Forbid',
			value: 'forbid',
			action: 'Forbid a stream',
			description:
				'Cuts the stream and blocks pushing under its name until the resume time (default 7 days, at most 90) (ForbidLiveStream). Viewers see it end. Undo with Resume. On a stream already forbidden it succeeds with alreadyForbidden: true and sets the new resume time.',
		},
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many online streams',
			description: 'Lists the streams being pushed now, i.e. online (DescribeLiveStreamOnlineList). Read only.',
		},
		{
			name: 'Get State',
			value: 'getState',
			action: 'Get the state of a stream',
			description: 'Tells whether a stream is live (active), not live (inactive) or forbidden (forbid) (DescribeLiveStreamState). Read only.',
		},
		{
			name: 'Resume',
			value: 'resume',
			action: 'Resume a forbidden stream',
			description:
				'Lifts a Forbid so the publisher can push again (ResumeLiveStream); it does not start the stream. Succeeds when the stream was not forbidden (wasForbidden: false).',
		},
	],
	default: 'forbid',
};

export const tencentCssDomainOperations: INodeProperties = {
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
			description: 'Lists the push and playback domains of the account (DescribeLiveDomains). Read only.',
		},
	],
	default: 'getAll',
};

const returnAll = (resource: string): INodeProperties[] => [
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		displayOptions: show(resource, ['getAll']),
		default: false,
		description: 'Whether to return all results or only up to a given limit',
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		displayOptions: { show: { resource: [resource], operation: ['getAll'], returnAll: [false] } },
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'Max number of results to return',
	},
];

export const tencentCssStreamProperties: INodeProperties[] = [
	{ ...pushDomainLocator('={{ $json.stream?.domain }}'), displayOptions: show('stream', streamOps) },
	{
		displayName: 'App Name',
		name: 'streamApp',
		type: 'string',
		default: '={{ $json.stream?.app }}',
		required: true,
		displayOptions: show('stream', streamOps),
		description: 'The push path (AppName) of the push URL, usually "live". Defaults to the trigger item\'s stream.app.',
	},
	{
		displayName: 'Stream Name',
		name: 'streamName',
		type: 'string',
		default: '={{ $json.stream?.name }}',
		required: true,
		displayOptions: show('stream', streamOps),
		description: 'The stream name (StreamName). Defaults to the trigger item\'s stream.name.',
	},
	{
		displayName: 'Resume At',
		name: 'resumeTime',
		type: 'dateTime',
		default: '',
		displayOptions: show('stream', ['forbid']),
		description:
			'When pushing is allowed again (UTC when no zone is given). Empty: 7 days from now. At most 90 days ahead. Example expression: {{ $now.plus(1, "day") }}.',
	},
	{
		displayName: 'Reason',
		name: 'reason',
		type: 'string',
		default: '',
		displayOptions: show('stream', ['forbid']),
		description: 'Why the stream is forbidden, kept by Tencent with the block (at most 2048 bytes); Tencent asks for one',
	},
	...returnAll('stream'),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: show('stream', ['getAll']),
		options: [
			{ displayName: 'App Name', name: 'appName', type: 'string', default: '', description: 'Only streams of this push path' },
			{ displayName: 'Push Domain', name: 'pushDomain', type: 'string', default: '', description: 'Only streams of this push domain' },
			{ displayName: 'Stream Name', name: 'streamName', type: 'string', default: '', description: 'Only this stream (exact name)' },
		],
	},

	...returnAll('domain'),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: show('domain', ['getAll']),
		options: [
			{ displayName: 'Name Prefix', name: 'domainPrefix', type: 'string', default: '', description: 'Only domains whose name starts with this' },
			{
				displayName: 'Status',
				name: 'domainStatus',
				type: 'options',
				options: [
					{ name: 'Any', value: 'any' },
					{ name: 'Disabled', value: 'disabled' },
					{ name: 'Enabled', value: 'enabled' },
				],
				default: 'any',
			},
			{
				displayName: 'Type',
				name: 'domainType',
				type: 'options',
				options: [
					{ name: 'Any', value: 'any' },
					{ name: 'Playback', value: 'play' },
					{ name: 'Push', value: 'push' },
				],
				default: 'any',
			},
		],
	},
];
