/**
 * Parameters of the Tencent TUILiveKit node's Room, Member, Seat and Message resources
 * (docs/protocols/stream-control.md §3). The room defaults to the TUILiveKit Trigger's item
 * (`room.id`) and the user to the sender of a message event (`data.fromAccount`), so
 * "trigger → Destroy" or "message → Mute" need no configuration. Descriptions are written for a
 * person and for an AI agent using the node as a tool.
 */
import type { INodeProperties } from 'n8n-workflow';

const show = (resource: string, operation: string[]) => ({ show: { resource: [resource], operation } });

const roomLocator: INodeProperties = {
	displayName: 'Room',
	name: 'roomId',
	type: 'resourceLocator',
	default: { mode: 'id', value: '={{ $json.room?.id }}' },
	required: true,
	description: 'The Live room. Defaults to the room of the trigger item.',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			placeholder: 'Select a room…',
			typeOptions: { searchListMethod: 'searchRooms', searchable: true },
		},
		{ displayName: 'By ID', name: 'id', type: 'string', placeholder: 'e.g. live_room_42' },
	],
};

const memberAccounts: INodeProperties = {
	displayName: 'User IDs',
	name: 'memberAccounts',
	type: 'string',
	default: '={{ $json.data?.fromAccount }}',
	required: true,
	description: 'One user ID, or several separated by commas (a list from an expression works too). Defaults to the sender of a message event (data.fromAccount).',
};

export const roomOperationProperties: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['room'] } },
		options: [
			{
				name: 'Destroy',
				value: 'destroy',
				action: 'Destroy a room',
				description:
					'Dissolves the Live room for everyone: the host and all viewers are out and the room ID is gone (destroy_room). Cannot be undone. A room that is already gone answers alreadyGone: true.',
			},
			{ name: 'Get', value: 'get', action: 'Get a room', description: 'Reads a room\'s settings and counters (get_room_info). Read only.' },
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many rooms',
				description: 'Lists the public Live rooms, most viewed first (get_room_list). Read only.',
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update a room',
				description:
					'Changes a room\'s settings (update_room_info), e.g. Mute All Chat to silence every viewer at once or Publicly Visible off to hide it from the room list. Undo by updating again.',
			},
		],
		default: 'get',
	},
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['member'] } },
		options: [
			{
				name: 'Ban',
				value: 'ban',
				action: 'Ban users from a room',
				description:
					'Keeps users out of the room for a duration (ban_member). Live rooms have no plain kick: to remove someone, ban them for a short duration (e.g. 60 seconds). Undo with Unban.',
			},
			{ name: 'Get Many', value: 'getAll', action: 'Get many members of a room', description: 'Lists the users in the room, refreshed about every 40 seconds, at most 1000 (get_member_list). Read only.' },
			{ name: 'Get Many Banned', value: 'getAllBanned', action: 'Get many banned users of a room', description: 'Lists banned users and when each ban ends (get_banned_member_list). Read only.' },
			{ name: 'Get Many Muted', value: 'getAllMuted', action: 'Get many muted users of a room', description: 'Lists muted users and when each mute ends (get_muted_member_list). Read only.' },
			{
				name: 'Mute',
				value: 'mute',
				action: 'Mute users in a room',
				description: 'Stops users from sending chat messages in the room for a duration; they can still watch (mute_member). Undo with Unmute.',
			},
			{ name: 'Unban', value: 'unban', action: 'Unban users of a room', description: 'Lets banned users enter the room again (unban_member)' },
			{ name: 'Unmute', value: 'unmute', action: 'Unmute users in a room', description: 'Lets muted users chat again (mute_member with a duration of 0)' },
		],
		default: 'ban',
	},
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['seat'] } },
		options: [
			{ name: 'Get Many', value: 'getAll', action: 'Get many seats of a room', description: 'Lists the seats and who holds each (get_seat_list). Read only.' },
			{
				name: 'Kick Off Seat',
				value: 'kickOff',
				action: 'Kick a user off a seat',
				description:
					'Takes a co-host off their seat: their audio and video leave the stream, they stay in the room as a viewer (kick_user_off_seat). They may take a seat again.',
			},
		],
		default: 'kickOff',
	},
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['message'] } },
		options: [
			{
				name: 'Send Custom',
				value: 'sendCustom',
				action: 'Send a custom message to a room',
				description: 'Sends a custom (business) message that the room\'s app interprets (send_custom_msg). Cannot be recalled.',
			},
			{
				name: 'Send Text',
				value: 'sendText',
				action: 'Send a text message to a room',
				description: 'Posts a chat message every viewer sees, e.g. a moderation notice (send_text_msg). Cannot be recalled.',
			},
		],
		default: 'sendText',
	},
];

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

export const roomProperties: INodeProperties[] = [
	{ ...roomLocator, displayOptions: show('room', ['get', 'update', 'destroy']) },
	{ ...roomLocator, displayOptions: { show: { resource: ['member', 'seat', 'message'] } } },
	...limitFields('room', ['getAll']),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: show('room', ['update']),
		options: [
			{ displayName: 'Activity Status', name: 'activityStatus', type: 'number', default: 0, description: 'An app-defined status number' },
			{ displayName: 'Category', name: 'category', type: 'string', default: '', description: 'Up to 3 category numbers, separated by commas' },
			{ displayName: 'Cover URL', name: 'coverUrl', type: 'string', default: '' },
			{ displayName: 'Max Members', name: 'maxMemberCount', type: 'number', default: 1000, typeOptions: { minValue: 1 } },
			{
				displayName: 'Mute All Chat',
				name: 'muteAll',
				type: 'boolean',
				default: true,
				description: 'Whether only the owner and admins may send chat messages (IsMessageDisabled)',
			},
			{ displayName: 'Notice', name: 'notice', type: 'string', default: '', description: 'The room notice, at most 100 bytes' },
			{
				displayName: 'Publicly Visible',
				name: 'publiclyVisible',
				type: 'boolean',
				default: true,
				description: 'Whether the room appears in the room list (IsPublicVisible)',
			},
			{ displayName: 'Room Name', name: 'roomName', type: 'string', default: '' },
			{
				displayName: 'Take Seat Mode',
				name: 'takeSeatMode',
				type: 'options',
				options: [
					{ name: 'Apply to Take', value: 'ApplyToTake' },
					{ name: 'Free to Take', value: 'FreeToTake' },
				],
				default: 'ApplyToTake',
			},
		],
	},

	{ ...memberAccounts, displayOptions: show('member', ['ban', 'unban', 'mute', 'unmute']) },
	{
		displayName: 'Duration (Seconds)',
		name: 'duration',
		type: 'number',
		default: 3600,
		typeOptions: { minValue: 1 },
		displayOptions: show('member', ['ban']),
		description: 'How long the ban lasts. A short one (e.g. 60) works as a kick.',
	},
	{
		displayName: 'Reason',
		name: 'reason',
		type: 'string',
		default: '',
		displayOptions: show('member', ['ban']),
		description: 'Why the users are banned (at most 200 bytes)',
	},
	{
		displayName: 'Mute Duration (Seconds)',
		name: 'muteTime',
		type: 'number',
		default: 600,
		typeOptions: { minValue: 1 },
		displayOptions: show('member', ['mute']),
		description: 'How long the users cannot chat',
	},
	...limitFields('member', ['getAll', 'getAllBanned', 'getAllMuted']),

	{
		displayName: 'User ID',
		name: 'memberAccount',
		type: 'string',
		default: '={{ $json.data?.fromAccount }}',
		required: true,
		displayOptions: show('seat', ['kickOff']),
		description: 'The user on the seat',
	},
	{
		displayName: 'Notice to the User',
		name: 'data',
		type: 'string',
		default: 'Removed from the seat by a moderator',
		displayOptions: show('seat', ['kickOff']),
		description: 'Text delivered to the user with the kick (Tencent requires the field)',
	},

	{
		displayName: 'Text',
		name: 'text',
		type: 'string',
		default: '',
		required: true,
		typeOptions: { rows: 2 },
		displayOptions: show('message', ['sendText']),
		description: 'The message viewers see',
	},
	{
		displayName: 'Extension Info',
		name: 'extensionInfo',
		type: 'json',
		default: '',
		displayOptions: show('message', ['sendText']),
		description: 'Optional JSON object delivered with the message (as its CloudCustomData)',
	},
	{
		displayName: 'Business ID',
		name: 'businessId',
		type: 'string',
		default: '',
		required: true,
		displayOptions: show('message', ['sendCustom']),
		description: 'What kind of custom message this is, as the room\'s app knows it',
	},
	{
		displayName: 'Data',
		name: 'data',
		type: 'string',
		default: '',
		displayOptions: show('message', ['sendCustom']),
		description: 'The custom message content (often a JSON text)',
	},
	{
		displayName: 'Sender',
		name: 'senderAccount',
		type: 'string',
		default: '',
		displayOptions: { show: { resource: ['message'] } },
		description: 'The user ID shown as the sender. Empty: the credential\'s admin account.',
	},
];
