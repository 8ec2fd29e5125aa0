/**
 * The documented sample callbacks of this provider, one per normalized event key (`key#variant`
 * marks a second sample of the same event). The one source of sample payloads: the Livestream Test
 * Callback node sends them, docs/sample-items.md shows what the trigger emits for each, and the
 * repository tooling (test/fixtures/tencent-livekit.json, `npm run send`, the e2e suite) is generated from or
 * reads this map (`npm run docs:samples` regenerates the copies).
 *
 * Source: Tencent's documented sample bodies, one per command, cleaned into valid JSON (docs/protocols/tencent-livekit.md, Commands). Keys are normalized event names; '#' marks a variant: '#url-table-name' and '#follow-prefix' are the command-word variants the documentation also shows, '#not-block-flag' is the configuration flag Live.CallbackBeforeCallBackNotBlock, which is never sent as a callback, sent here only to show how an unmapped command is reported.
 */
import type { IDataObject } from 'n8n-workflow';

/** Where the samples come from (kept in the generated fixture file as `_source`). */
export const SAMPLE_SOURCE =
	"Tencent's documented sample bodies, one per command, cleaned into valid JSON (docs/protocols/tencent-livekit.md, Commands). Keys are normalized event names; '#' marks a variant: '#url-table-name' and '#follow-prefix' are the command-word variants the documentation also shows, '#not-block-flag' is the configuration flag Live.CallbackBeforeCallBackNotBlock, which is never sent as a callback, sent here only to show how an unmapped command is reported.";

export const SAMPLE_EVENTS: Record<string, IDataObject> = {
	"room.created": {
		"CallbackCommand": "Live.CallbackAfterCreateRoom",
		"Operator_Account": "admin",
		"RoomInfo": {
			"RoomId": "tandy-test-rest",
			"RoomName": "tandy-test-rest",
			"RoomType": "Live",
			"Owner_Account": "user3",
			"MaxMemberCount": 300,
			"IsMessageDisabled": true,
			"CustomInfo": "custom123",
			"IsSeatEnabled": true,
			"TakeSeatMode": "ApplyToTake",
			"MaxSeatCount": 16,
			"CreateTime": 1703589922,
			"IsPublicVisible": true,
			"CoverURL": "cover url",
			"Category": [
				1,
				2
			]
		},
		"EventTime": 1703589922780
	},
	"room.destroyed": {
		"CallbackCommand": "Live.CallbackAfterDestroyRoom",
		"Operator_Account": "admin",
		"RoomId": "tandy-test-rest",
		"EventType": "DestroyByUser",
		"EventTime": 1703589922780,
		"RoomInfo": {
			"RoomName": "live name",
			"RoomType": "Live",
			"Owner_Account": "144115216631667826",
			"IsSeatEnabled": true,
			"TakeSeatMode": "FreeToTake",
			"MaxMemberCount": 400,
			"MaxSeatCount": 4,
			"Category": [
				1,
				2,
				3
			],
			"CustomInfo": "",
			"IsMessageDisabled": false,
			"CoverURL": "cover url",
			"ActivityStatus": 0,
			"IsPublicVisible": false,
			"ViewCount": 0,
			"BackgroundURL": "background url",
			"IsUnlimitedRoomEnabled": true
		},
		"Statistic": {
			"TotalViewers": 0,
			"TotalGiftsSent": 0,
			"TotalGiftCoins": 0,
			"TotalUniqueGiftSenders": 0,
			"TotalLikesReceived": 0
		}
	},
	"room.updated": {
		"CallbackCommand": "Live.CallbackAfterUpdateRoomInfo",
		"Operator_Account": "bob",
		"RoomInfo": {
			"RoomId": "live-room",
			"RoomName": "rname-123",
			"MaxMemberCount": 300,
			"IsMessageDisabled": false,
			"CoverURL": "https://xxxx.png",
			"Category": [
				1,
				2,
				3
			],
			"ActivityStatus": 1,
			"IsPublicVisible": false,
			"TakeSeatMode": "ApplyToTake",
			"CustomInfo": "custom123"
		},
		"EventTime": 1670574414123
	},
	"room.metadata_set": {
		"CallbackCommand": "Live.CallbackAfterSetMetadata",
		"Operator_Account": "brennanli",
		"RoomId": "live-room1111",
		"Metadata": [
			{
				"Key": "key1",
				"Value": "value1"
			},
			{
				"Key": "key2",
				"Value": "value2"
			}
		],
		"EventTime": 1739965885831
	},
	"room.metadata_deleted": {
		"CallbackCommand": "Live.CallbackAfterDelMetadata",
		"Operator_Account": "brennanli",
		"RoomId": "live-room1111",
		"Keys": [
			"key1",
			"key2"
		],
		"EventTime": 1739966441121
	},
	"room.quota_threshold": {
		"CallbackCommand": "Live.CallbackAfterCreateRoomReachingThreshold",
		"Operator_Account": "brennanli",
		"EventTime": 1739966441121,
		"CurRoomCount": 400,
		"MaxRoomCount": 500
	},
	"member.changed": {
		"CallbackCommand": "Live.CallbackAfterMemberStateChanged",
		"RoomId": "room_id",
		"EventType": "Online",
		"EventCause": "Enter",
		"MemberList": [
			{
				"Member_Account": "jared"
			},
			{
				"Member_Account": "tommy"
			}
		],
		"EventTime": 1703589922780
	},
	"member.changed#url-table-name": {
		"CallbackCommand": "Live.CallbackMemberStateChanged",
		"RoomId": "room_id",
		"EventType": "Offline",
		"EventCause": "Leave",
		"MemberList": [
			{
				"Member_Account": "jared"
			}
		],
		"EventTime": 1703589923780
	},
	"room.owner_changed": {
		"CallbackCommand": "Live.CallbackAfterChangeOwner",
		"RoomId": "room_id",
		"EventTime": 1703589922780,
		"Operator_Account": "admin",
		"CurrentOwner_Account": "user2",
		"OriginalOwner_Account": "user1"
	},
	"room.admins_changed": {
		"CallbackCommand": "Live.CallbackAfterModifyAdmin",
		"RoomId": "room_id",
		"EventTime": 1703589922780,
		"Operator_Account": "admin",
		"Admin_Account": [
			"user1",
			"user2"
		],
		"opType": "add"
	},
	"seat.changed": {
		"CallbackCommand": "Mic.CallbackAfterSeatInfoChanged",
		"RoomId": "rid-123",
		"SeatList": [
			{
				"Index": 1,
				"Member_Account": "144115233775727695",
				"IsTakenDisabled": false,
				"IsVideoDisabled": false,
				"IsAudioDisabled": false
			}
		],
		"EventTime": 1670574414123
	},
	"battle.created": {
		"CallbackCommand": "Live.CallbackAfterCreateBattle",
		"Operator_Account": "brennanli",
		"BattleId": "4siHsNsWN/T3aub9zKraqPbSEGRX2z6gs3LDFi+d/3M=",
		"FromRoomId": "pk-3",
		"ToRoomIdList": [
			"pk-5"
		],
		"Timeout": 30000,
		"Duration": 60000,
		"NeedResponse": false,
		"ExtensionInfo": "extension pk",
		"EventTime": 1739954005000
	},
	"battle.started": {
		"CallbackCommand": "Live.CallbackAfterStartBattle",
		"BattleId": "4siHsNsWN/T3aub9zKraqI4zZAyPRpXQhdtKv1q4HOs=",
		"Duration": 60000,
		"CreateTime": 1739954005,
		"StartTime": 1739954005,
		"FromRoomInfo": {
			"RoomId": "pk-3",
			"Owner_Account": "brennan"
		},
		"ToRoomList": [
			{
				"RoomId": "pk-5",
				"Owner_Account": "tandy"
			}
		],
		"EventTime": 1739954005000
	},
	"battle.ended": {
		"CallbackCommand": "Live.CallbackAfterEndBattle",
		"BattleId": "4siHsNsWN/T3aub9zKraqPfGQAimPhdFoe6VWhtz9lY=",
		"Duration": 30000,
		"CreateTime": 1739956115,
		"StartTime": 1739956115,
		"EndTime": 1739956145,
		"OpType": 0,
		"FromRoomInfo": {
			"RoomId": "pk-3",
			"Score": 0,
			"Owner_Account": "144115245353757792"
		},
		"ToRoomList": [
			{
				"RoomId": "pk-5",
				"Score": 0,
				"Owner_Account": "144115245442327522"
			}
		],
		"EventTime": 1739956146119
	},
	"gift.before_send": {
		"CallbackCommand": "Live.CallbackBeforeSendGift",
		"Operator_Account": "brennanli",
		"RoomId": "room_id",
		"GiftWater": {
			"From_Account": "from",
			"To_Account": [
				"to1"
			],
			"Time": 1703589922,
			"GiftId": "gift1",
			"Count": 1,
			"Coins": 1000
		}
	},
	"message.before_send": {
		"CallbackCommand": "Group.CallbackBeforeSendMsg",
		"GroupId": "@TGS#2J4SZEAEL",
		"Type": "Live",
		"From_Account": "jared",
		"Operator_Account": "admin",
		"Random": 123456,
		"MsgId": "144115233406643804-1727580296-4026038328",
		"MsgBody": [
			{
				"MsgType": "TIMTextElem",
				"MsgContent": {
					"Text": "red packet"
				}
			}
		],
		"CloudCustomData": "your cloud custom data",
		"EventTime": "1670574414123"
	},
	"message.sent": {
		"CallbackCommand": "Group.CallbackAfterSendMsg",
		"GroupId": "@TGS#2J4SZEAEL",
		"Type": "Live",
		"From_Account": "jared",
		"Operator_Account": "admin",
		"Random": 123456,
		"MsgId": "144115233406643804-1727580296-4026038328",
		"MsgSeq": 123,
		"MsgTime": 1490686222,
		"MsgBody": [
			{
				"MsgType": "TIMTextElem",
				"MsgContent": {
					"Text": "red packet"
				}
			}
		],
		"CloudCustomData": "your cloud custom data",
		"EventTime": "1670574414123"
	},
	"follow.added": {
		"CallbackCommand": "Follow.CallbackAfterFollowAdd",
		"From_Account": "UserID_001",
		"FollowList": [
			{
				"To_Account": "UserID_002"
			},
			{
				"To_Account": "UserID_003"
			}
		],
		"EventTime": 1702018343678
	},
	"follow.removed": {
		"CallbackCommand": "Follow.CallbackAfterFollowDelete",
		"From_Account": "UserID_001",
		"To_Account": [
			"UserID_002",
			"UserID_003"
		],
		"EventTime": 1702018343678
	},
	"recording.changed": {
		"CallbackCommand": "Live.CallbackAfterCloudRecordingChanged",
		"EventGroupId": 3,
		"EventType": 305,
		"CallbackTs": 1752580150082,
		"EventInfo": {
			"RoomId": "635055",
			"EventTs": 1752580150,
			"EventMsTs": 1752580150081,
			"UserId": "user1",
			"TaskId": "-m9-bVVU7id***K-m928oZWQndiborbEWH3zY-lIXlprc-gQvQE",
			"Payload": {
				"Status": 0
			}
		}
	},
	"recording.changed#follow-prefix": {
		"CallbackCommand": "Follow.CallbackAfterCloudRecordingChanged",
		"EventGroupId": 3,
		"EventType": 305,
		"CallbackTs": 1752580150082,
		"EventInfo": {
			"RoomId": "635055",
			"EventTs": 1752580150,
			"EventMsTs": 1752580150081,
			"UserId": "user1",
			"TaskId": "-m9-bVVU7id***K-m928oZWQndiborbEWH3zY-lIXlprc-gQvQE",
			"Payload": {
				"Status": 0
			}
		}
	},
	"unknown#not-block-flag": {
		"CallbackCommand": "Live.CallbackBeforeCallBackNotBlock"
	}
};
