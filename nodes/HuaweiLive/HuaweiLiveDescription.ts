/**
 * Parameters of the Huawei Cloud Live action node: Stream Notification and Recording Callback
 * resources, plus the Stream and Domain resources of streamDescription.ts.
 */
import type { INodeProperties } from 'n8n-workflow';

import { huaweiDomainOperations, huaweiPushDomainLocator, huaweiStreamOperations, huaweiStreamProperties } from './streamDescription';

const show = (resource: string, operation: string[]) => ({ show: { resource: [resource], operation } });

const recordEvents: INodeProperties = {
	displayName: 'Events',
	name: 'events',
	type: 'multiOptions',
	options: [
		{ name: 'Recording Failed', value: 'RECORD_FAILED' },
		{ name: 'Recording File Complete', value: 'RECORD_FILE_COMPLETE' },
		{ name: 'Recording File Started', value: 'RECORD_NEW_FILE_START' },
		{ name: 'Recording Over', value: 'RECORD_OVER' },
	],
	default: ['RECORD_FILE_COMPLETE'],
	description: 'The recording events Huawei sends to the URL',
};

const signType: INodeProperties = {
	displayName: 'Signature Type',
	name: 'signType',
	type: 'options',
	options: [
		{ name: 'HMAC-SHA256', value: 'HMACSHA256' },
		{ name: 'MD5', value: 'MD5' },
	],
	default: 'HMACSHA256',
	description: 'How Huawei signs recording callbacks with the key',
};

const recordKey: INodeProperties = {
	displayName: 'Callback Key',
	name: 'key',
	type: 'string',
	typeOptions: { password: true },
	default: '',
	description: 'Signs the recording callbacks: at least 32 letters and digits. Huawei never returns it.',
};

const recordUrl: INodeProperties = {
	displayName: 'Callback URL',
	name: 'callbackUrl',
	type: 'string',
	default: '',
	placeholder: 'https://n8n.example.com/webhook/…/webhook',
	description: 'The URL that receives recording callbacks, e.g. the production URL of a Huawei Cloud Live Trigger. It must not carry query parameters.',
};

const configId: INodeProperties = {
	displayName: 'Configuration ID',
	name: 'configId',
	type: 'string',
	default: '',
	required: true,
	description: 'The ID Huawei gave the recording callback configuration',
};

export const huaweiLiveProperties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Domain', value: 'domain', description: 'The push and playback domains of the project' },
			{ name: 'Recording Callback', value: 'recordCallback', description: 'Where recording events of a domain and app go' },
			{ name: 'Stream', value: 'stream', description: 'Block, unblock, cut or list live streams' },
			{ name: 'Stream Notification', value: 'streamNotification', description: 'Where stream push/stop events of an ingest domain go' },
		],
		default: 'streamNotification',
	},
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['streamNotification'] } },
		options: [
			{ name: 'Delete', value: 'delete', action: 'Delete a stream notification configuration', description: 'DeletePublishTemplate' },
			{ name: 'Get', value: 'get', action: 'Get a stream notification configuration', description: 'ListPublishTemplate' },
			{ name: 'Set', value: 'set', action: 'Set a stream notification configuration', description: 'UpdatePublishTemplate: add or replace the domain\'s configuration' },
		],
		default: 'get',
	},
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['recordCallback'] } },
		options: [
			{ name: 'Create', value: 'create', action: 'Create a recording callback configuration' },
			{ name: 'Delete', value: 'delete', action: 'Delete a recording callback configuration' },
			{ name: 'Get', value: 'get', action: 'Get a recording callback configuration' },
			{ name: 'Get Many', value: 'getAll', action: 'Get many recording callback configurations' },
			{ name: 'Update', value: 'update', action: 'Update a recording callback configuration' },
		],
		default: 'create',
	},

	huaweiStreamOperations,
	huaweiDomainOperations,

	// Stream Notification
	{
		...huaweiPushDomainLocator(''),
		displayName: 'Ingest Domain',
		name: 'domain',
		default: { mode: 'list', value: '' },
		displayOptions: show('streamNotification', ['get', 'set', 'delete']),
		description: 'Huawei holds one stream notification configuration per ingest domain',
	},
	{
		displayName: 'Callback URL',
		name: 'url',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'https://n8n.example.com/webhook/…/webhook',
		displayOptions: show('streamNotification', ['set']),
		description: 'The URL that receives PUBLISH and PUBLISH_DONE events. It must not carry query parameters.',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: show('streamNotification', ['set']),
		options: [
			{
				displayName: 'Signing Key',
				name: 'authSignKey',
				type: 'string',
				typeOptions: { password: true },
				default: '',
				description: 'The auth_sign_key, 32 to 128 characters: Huawei signs each stream event with it (HMAC-SHA256)',
			},
			{
				displayName: 'Receiver Location',
				name: 'callBackArea',
				type: 'options',
				options: [
					{ name: 'Mainland China', value: 'mainland_china' },
					{ name: 'Outside Mainland China', value: 'outside_mainland_china' },
				],
				default: 'mainland_china',
				description: 'Where the receiving server (n8n) is',
			},
		],
	},

	// Recording Callback
	{
		...huaweiPushDomainLocator(''),
		displayName: 'Ingest Domain',
		name: 'publishDomain',
		default: { mode: 'list', value: '' },
		displayOptions: show('recordCallback', ['create']),
	},
	{
		displayName: 'App Name',
		name: 'app',
		type: 'string',
		default: 'live',
		required: true,
		displayOptions: show('recordCallback', ['create']),
		description: 'The app name, or * for every app of the domain (an exact app wins over *)',
	},
	{ ...recordUrl, required: true, displayOptions: show('recordCallback', ['create']) },
	{ ...recordEvents, displayOptions: show('recordCallback', ['create']) },
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: show('recordCallback', ['create']),
		options: [recordKey, signType],
	},
	{ ...configId, displayOptions: show('recordCallback', ['get', 'update', 'delete']) },
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: show('recordCallback', ['update']),
		options: [
			{ displayName: 'App Name', name: 'app', type: 'string', default: '' },
			recordUrl,
			recordKey,
			{ ...recordEvents, default: [] },
			{ displayName: 'Ingest Domain', name: 'publishDomain', type: 'string', default: '' },
			signType,
		],
	},
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		displayOptions: show('recordCallback', ['getAll']),
		default: false,
		description: 'Whether to return all results or only up to a given limit',
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		displayOptions: { show: { resource: ['recordCallback'], operation: ['getAll'], returnAll: [false] } },
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'Max number of results to return',
	},
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: show('recordCallback', ['getAll']),
		options: [
			{ displayName: 'App Name', name: 'app', type: 'string', default: '' },
			{ displayName: 'Ingest Domain', name: 'publishDomain', type: 'string', default: '' },
		],
	},

	// Stream, Domain
	...huaweiStreamProperties,
];
