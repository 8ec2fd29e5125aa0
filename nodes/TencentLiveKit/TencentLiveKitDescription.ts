/**
 * Parameters of the Tencent TUILiveKit action node: Callback Configuration and Callback Token, plus
 * the Room, Member, Seat and Message resources of roomDescription.ts.
 */
import type { INodeProperties } from 'n8n-workflow';

import { roomOperationProperties, roomProperties } from './roomDescription';

/** The command words of docs/protocols/tencent-livekit.md (Commands), as `CallbackCommandList` takes them. */
export const LIVE_CALLBACK_COMMANDS: string[] = [
	'Live.CallbackAfterCreateRoom',
	'Live.CallbackAfterDestroyRoom',
	'Live.CallbackAfterUpdateRoomInfo',
	'Live.CallbackAfterSetMetadata',
	'Live.CallbackAfterDelMetadata',
	'Live.CallbackAfterCreateRoomReachingThreshold',
	'Live.CallbackAfterMemberStateChanged',
	'Live.CallbackAfterChangeOwner',
	'Live.CallbackAfterModifyAdmin',
	'Mic.CallbackAfterSeatInfoChanged',
	'Live.CallbackAfterCreateBattle',
	'Live.CallbackAfterStartBattle',
	'Live.CallbackAfterEndBattle',
	'Live.CallbackBeforeSendGift',
	'Live.CallbackBeforeCallBackNotBlock',
	'Group.CallbackBeforeSendMsg',
	'Group.CallbackAfterSendMsg',
	'Follow.CallbackAfterFollowAdd',
	'Follow.CallbackAfterFollowDelete',
	'Live.CallbackAfterCloudRecordingChanged',
];

const show = (resource: string, operation: string[]) => ({ show: { resource: [resource], operation } });

export const tencentLiveKitProperties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Callback Configuration', value: 'callbackConfig', description: 'The one callback URL and command list of the SDKAppID' },
			{ name: 'Callback Token', value: 'callbackToken', description: 'The token Tencent signs callbacks with' },
			{ name: 'Member', value: 'member', description: 'Ban, unban, mute, unmute or list the users of a room' },
			{ name: 'Message', value: 'message', description: 'Send a message to everyone in a room' },
			{ name: 'Room', value: 'room', description: 'Get, list, update or destroy Live rooms' },
			{ name: 'Seat', value: 'seat', description: 'List seats or kick a user off a seat' },
		],
		default: 'callbackConfig',
	},
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['callbackConfig'] } },
		options: [
			{ name: 'Delete', value: 'delete', action: 'Delete the callback configuration', description: 'V4/live_config/delete_callback' },
			{ name: 'Get', value: 'get', action: 'Get the callback configuration', description: 'V4/live_config/get_callback' },
			{ name: 'Set', value: 'set', action: 'Set the callback configuration', description: 'V4/live_config/set_callback: create it (fails if one exists)' },
			{ name: 'Update', value: 'update', action: 'Update the callback configuration', description: 'V4/live_config/update_callback: replace URL and command list' },
		],
		default: 'get',
	},
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['callbackToken'] } },
		options: [
			{ name: 'Get', value: 'get', action: 'Get the callback token', description: 'V4/live_config/get_callback_token' },
			{ name: 'Set', value: 'set', action: 'Set the callback token', description: 'V4/live_config/set_callback_token' },
		],
		default: 'get',
	},
	{
		displayName: 'Callback URL',
		name: 'url',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'https://n8n.example.com/webhook/…/webhook',
		displayOptions: show('callbackConfig', ['set', 'update']),
		description: 'The URL Tencent calls, e.g. the production URL of a Tencent TUILiveKit Trigger. It replaces the SDKAppID\'s current URL.',
	},
	{
		displayName: 'Commands',
		name: 'commands',
		type: 'multiOptions',
		options: LIVE_CALLBACK_COMMANDS.map((command) => ({ name: command, value: command })),
		default: ['Live.CallbackAfterCreateRoom', 'Live.CallbackAfterDestroyRoom'],
		required: true,
		displayOptions: show('callbackConfig', ['set', 'update']),
		description: 'CallbackCommandList: only these callbacks are sent',
	},
	{
		displayName: 'Token',
		name: 'token',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		displayOptions: show('callbackToken', ['set']),
		description: '1 to 128 characters. Leave empty to keep the current token (only "Enabled" changes). Put the same token in the trigger\'s credential.',
	},
	{
		displayName: 'Enabled',
		name: 'enabled',
		type: 'boolean',
		default: true,
		displayOptions: show('callbackToken', ['set']),
		description: 'Whether Tencent signs callbacks with the token (IsTokenEnable)',
	},

	...roomOperationProperties,
	...roomProperties,
];
