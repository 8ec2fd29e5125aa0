/**
 * Parameters of the Tencent CSS action node: Callback Template and Callback Rule resources, plus the
 * Stream and Domain resources of streamDescription.ts.
 */
import type { INodeProperties } from 'n8n-workflow';

import {
	pushDomainLocator,
	tencentCssDomainOperations,
	tencentCssStreamOperations,
	tencentCssStreamProperties,
} from './streamDescription';

/** Event choice → template URL field (docs/protocols/tencent-css.md, Transport). */
export const TEMPLATE_URL_FIELDS: Record<string, string> = {
	streamBegin: 'StreamBeginNotifyUrl',
	streamEnd: 'StreamEndNotifyUrl',
	record: 'RecordNotifyUrl',
	recordStatus: 'RecordStatusNotifyUrl',
	snapshot: 'SnapshotNotifyUrl',
	pornCensorship: 'PornCensorshipNotifyUrl',
	pushException: 'PushExceptionNotifyUrl',
	audioAudit: 'AudioAuditNotifyUrl',
	recordException: 'RecordExceptionNotifyUrl',
};

const eventOptions = [
	{ name: 'Abnormal Recording (341, China Site API)', value: 'recordException' },
	{ name: 'Audio Moderation (315, China Site API)', value: 'audioAudit' },
	{ name: 'Image Moderation (317)', value: 'pornCensorship' },
	{ name: 'Push Error (321)', value: 'pushException' },
	{ name: 'Recording File (100)', value: 'record' },
	{ name: 'Recording Status (332, China Site API)', value: 'recordStatus' },
	{ name: 'Screenshot (200)', value: 'snapshot' },
	{ name: 'Stream Interrupted (0)', value: 'streamEnd' },
	{ name: 'Stream Push Started (1)', value: 'streamBegin' },
];

const callbackUrl: INodeProperties = {
	displayName: 'Callback URL',
	name: 'callbackUrl',
	type: 'string',
	default: '',
	placeholder: 'https://n8n.example.com/webhook/…/webhook',
	description: 'The URL Tencent calls for the selected events, e.g. the production URL of a Tencent CSS Trigger',
};

const events: INodeProperties = {
	displayName: 'Events',
	name: 'events',
	type: 'multiOptions',
	options: eventOptions,
	default: ['streamBegin', 'streamEnd'],
	description: 'The template URL fields that get the callback URL',
};

const templateName: INodeProperties = {
	displayName: 'Template Name',
	name: 'templateName',
	type: 'string',
	default: '',
	description: 'At most 30 characters: letters, digits, _ and - (the console limit, so the template stays editable there)',
};

const description: INodeProperties = {
	displayName: 'Description',
	name: 'description',
	type: 'string',
	default: '',
	description: 'At most 100 characters',
};

const callbackKey: INodeProperties = {
	displayName: 'Callback Key',
	name: 'callbackKey',
	type: 'string',
	typeOptions: { password: true },
	default: '',
	description: 'Signs every callback (MD5(key + t)); 1 to 32 letters and digits. Put the same key in the trigger\'s credential.',
};

const recordExceptionLevels: INodeProperties = {
	displayName: 'Abnormal Recording Levels',
	name: 'recordExceptionLevels',
	type: 'multiOptions',
	options: [
		{ name: 'Error', value: 'error' },
		{ name: 'Info', value: 'info' },
		{ name: 'Warning', value: 'warning' },
	],
	default: [],
	description: 'Which abnormal-recording levels are reported (China site API)',
};

const templateId: INodeProperties = {
	displayName: 'Template',
	name: 'templateId',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: 'The callback template, or the ID Tencent gave it on creation',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			placeholder: 'Select a template…',
			typeOptions: { searchListMethod: 'searchTemplates', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 1000',
			validation: [{ type: 'regex', properties: { regex: '^[0-9]+$', errorMessage: 'A template ID is a positive integer' } }],
		},
	],
};

const returnAll = (resource: string, operation: string): INodeProperties[] => [
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		displayOptions: { show: { resource: [resource], operation: [operation] } },
		default: false,
		description: 'Whether to return all results or only up to a given limit',
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		displayOptions: { show: { resource: [resource], operation: [operation], returnAll: [false] } },
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'Max number of results to return',
	},
];

const show = (resource: string, operation: string[]) => ({ show: { resource: [resource], operation } });

export const tencentCssProperties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Callback Rule', value: 'callbackRule', description: 'Binds a template to a push domain and app' },
			{ name: 'Callback Template', value: 'callbackTemplate', description: 'The callback URLs and key' },
			{ name: 'Domain', value: 'domain', description: 'The push and playback domains of the account' },
			{ name: 'Stream', value: 'stream', description: 'Cut, forbid, resume or inspect a live stream' },
		],
		default: 'callbackTemplate',
	},
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['callbackTemplate'] } },
		options: [
			{ name: 'Create', value: 'create', action: 'Create a callback template', description: 'CreateLiveCallbackTemplate' },
			{ name: 'Delete', value: 'delete', action: 'Delete a callback template', description: 'DeleteLiveCallbackTemplate (unbind it first)' },
			{ name: 'Get', value: 'get', action: 'Get a callback template', description: 'DescribeLiveCallbackTemplate' },
			{ name: 'Get Many', value: 'getAll', action: 'Get many callback templates', description: 'DescribeLiveCallbackTemplates' },
			{ name: 'Update', value: 'update', action: 'Update a callback template', description: 'ModifyLiveCallbackTemplate' },
		],
		default: 'create',
	},
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['callbackRule'] } },
		options: [
			{ name: 'Create', value: 'create', action: 'Create a callback rule', description: 'CreateLiveCallbackRule: bind a template to a push domain and app' },
			{ name: 'Delete', value: 'delete', action: 'Delete a callback rule', description: 'DeleteLiveCallbackRule' },
			{ name: 'Get Many', value: 'getAll', action: 'Get many callback rules', description: 'DescribeLiveCallbackRules' },
		],
		default: 'create',
	},

	tencentCssStreamOperations,
	tencentCssDomainOperations,

	// Callback Template
	{ ...templateName, required: true, displayOptions: show('callbackTemplate', ['create']) },
	{ ...callbackUrl, required: true, displayOptions: show('callbackTemplate', ['create']) },
	{ ...events, required: true, displayOptions: show('callbackTemplate', ['create']) },
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: show('callbackTemplate', ['create']),
		options: [callbackKey, description, recordExceptionLevels],
	},
	{ ...templateId, displayOptions: show('callbackTemplate', ['get', 'update', 'delete']) },
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: show('callbackTemplate', ['update']),
		options: [
			callbackKey,
			{ ...callbackUrl, description: 'Set this URL on the events chosen in "Events" (other URLs stay as they are)' },
			description,
			{ ...events, default: [] },
			recordExceptionLevels,
			templateName,
		],
	},
	...returnAll('callbackTemplate', 'getAll'),

	// Callback Rule
	{
		...pushDomainLocator(''),
		name: 'domainName',
		default: { mode: 'list', value: '' },
		displayOptions: show('callbackRule', ['create', 'delete']),
		description: 'The push (ingest) domain the rule applies to',
	},
	{
		displayName: 'App Name',
		name: 'appName',
		type: 'string',
		default: 'live',
		required: true,
		displayOptions: show('callbackRule', ['create', 'delete']),
		description: 'The push path (AppName) of the push URL; Tencent\'s default is "live"',
	},
	{ ...templateId, displayOptions: show('callbackRule', ['create']) },
	...returnAll('callbackRule', 'getAll'),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: show('callbackRule', ['getAll']),
		options: [
			{ displayName: 'Push Domain', name: 'domainName', type: 'string', default: '', description: 'Only rules of this push domain' },
			{ displayName: 'Template ID', name: 'templateId', type: 'number', default: 0, description: 'Only rules bound to this template (0 = any)' },
		],
	},

	// Stream, Domain
	...tencentCssStreamProperties,
];
