/**
 * The documented sample callbacks of this provider, one per normalized event key (`key#variant`
 * marks a second sample of the same event). The one source of sample payloads: the Livestream Test
 * Callback node sends them, docs/sample-items.md shows what the trigger emits for each, and the
 * repository tooling (test/fixtures/tencent-css.json, `npm run send`, the e2e suite) is generated from or
 * reads this map (`npm run docs:samples` regenerates the copies).
 *
 * Source: Payloads from Tencent's documented samples, re-formatted (docs/protocols/tencent-css.md, "Event types and data"); 314 TaskAlarm and 328 are reconstructed from the field tables, as no sample exists. Keys are normalized event names; '#' marks a variant of the same event.
 */
import type { IDataObject } from 'n8n-workflow';

/** Where the samples come from (kept in the generated fixture file as `_source`). */
export const SAMPLE_SOURCE =
	"Payloads from Tencent's documented samples, re-formatted (docs/protocols/tencent-css.md, \"Event types and data\"); 314 TaskAlarm and 328 are reconstructed from the field tables, as no sample exists. Keys are normalized event names; '#' marks a variant of the same event.";

export const SAMPLE_EVENTS: Record<string, IDataObject> = {
	"stream.started": {
		"app": "test.domain.com",
		"appid": 12345678,
		"appname": "live",
		"channel_id": "test_stream",
		"errcode": 0,
		"errmsg": "ok",
		"event_time": 1703731478,
		"event_type": 1,
		"height": 0,
		"idc_id": 34,
		"node": "42.81.194.37",
		"sequence": "2210464508206756938",
		"set_id": 2,
		"sign": "df49************************f5d4",
		"stream_id": "test_stream",
		"stream_param": "stream_param=test",
		"t": 1703732078,
		"user_ip": "1.1.1.1",
		"width": 0
	},
	"stream.stopped": {
		"app": "test.domain.com",
		"appid": 12345678,
		"appname": "live",
		"channel_id": "test_stream",
		"errcode": 1,
		"errmsg": "The push client actively stopped the push",
		"event_time": 1703731606,
		"event_type": 0,
		"height": 0,
		"idc_id": 34,
		"node": "42.81.194.37",
		"push_duration": "128581",
		"sequence": "2210464508206756938",
		"set_id": 2,
		"sign": "3485************************56ae",
		"stream_id": "test_stream",
		"stream_param": "stream_param=test",
		"t": 1703732206,
		"user_ip": "1.1.1.1",
		"width": 0
	},
	"recording.completed": {
		"event_type": 100,
		"appid": 12345678,
		"app": "yourapp",
		"callback_ext": "{\"video_codec\":\"h264\",\"resolution\":\"640x480\"}",
		"appname": "yourappname",
		"stream_id": "stream_test",
		"channel_id": "stream_test",
		"file_id": "1234567890",
		"record_file_id": "1234567890",
		"file_format": "hls",
		"task_id": "UpTbk5RSVhRQ********************0xTSlNTQltlRVRLU1JAWW9EUb",
		"start_time": 1642089445,
		"end_time": 1642089598,
		"start_time_usec": 316441,
		"end_time_usec": 618577,
		"duration": 154,
		"file_size": 277941079,
		"stream_param": "stream_param=test",
		"video_url": "http://12345678.vod2.myqcloud.com/xxxx/yyyy/zzzz.m3u8",
		"media_start_time": 135802,
		"record_bps": 0,
		"sign": "ca3e25e**********09a9ae7281e300d",
		"t": 1545030873
	},
	"recording.started": {
		"appid": 123456789,
		"appname": "live",
		"domain": "****.livepush.myqcloud.com",
		"event_time": 1700207929,
		"event_type": 332,
		"record_detail": "{\"file_format\":2,\"record_bps\":0,\"start_model\":1,\"record_content\":1,\"source_type\":2,\"codec_temp_id\":0}",
		"record_event": "record_start_succeeded",
		"seq": "3266441426274648061",
		"session_id": "2918085116267032069",
		"stream_id": "2991615887188599295",
		"sign": "ca3e25e5dc17a6f9909a9ae7281e300d",
		"t": 1754623810
	},
	"recording.paused": {
		"appid": 123456789,
		"appname": "live",
		"domain": "****.livepush.myqcloud.com",
		"event_time": 1700207929,
		"event_type": 332,
		"record_detail": "{\"file_format\":2,\"record_bps\":0,\"start_model\":1,\"record_content\":1,\"source_type\":2,\"codec_temp_id\":0}",
		"record_event": "record_paused",
		"seq": "3266441426274648062",
		"session_id": "2918085116267032069",
		"stream_id": "2991615887188599295",
		"sign": "ca3e25e5dc17a6f9909a9ae7281e300d",
		"t": 1754623810
	},
	"recording.resumed": {
		"appid": 123456789,
		"appname": "live",
		"domain": "****.livepush.myqcloud.com",
		"event_time": 1700207929,
		"event_type": 332,
		"record_detail": "{\"file_format\":2,\"record_bps\":0,\"start_model\":1,\"record_content\":1,\"source_type\":2,\"codec_temp_id\":0}",
		"record_event": "record_resumed",
		"seq": "3266441426274648063",
		"session_id": "2918085116267032069",
		"stream_id": "2991615887188599295",
		"sign": "ca3e25e5dc17a6f9909a9ae7281e300d",
		"t": 1754623810
	},
	"recording.ended": {
		"appid": 123456789,
		"appname": "live",
		"domain": "****.livepush.myqcloud.com",
		"event_time": 1700207929,
		"event_type": 332,
		"record_detail": "{\"file_format\":2,\"record_bps\":0,\"start_model\":1,\"record_content\":1,\"source_type\":2,\"codec_temp_id\":0}",
		"record_event": "record_ended",
		"seq": "3266441426274648065",
		"session_id": "2918085116267032069",
		"stream_id": "2991615887188599295",
		"sign": "ca3e25e5dc17a6f9909a9ae7281e300d",
		"t": 1754623810
	},
	"recording.failed": {
		"interface": "general_callback",
		"event_type": 341,
		"appid": 1234567,
		"domain": "1234567.livepush.myqcloud.com",
		"path": "live",
		"stream_id": "test_stream_35b4a6e6d4261",
		"session_id": "1855245773800540059",
		"file_format": "ts",
		"timestamp": 1739934527,
		"exception_level": "info",
		"exception": {
			"type": -201,
			"desc": "video ts deviation: 100.000000",
			"occurs": 4
		},
		"sign": "ca3e25e5dc17a6f9909a9ae7281e300d",
		"t": 1754623810
	},
	"recording.failed#record_start_failed": {
		"appid": 123456789,
		"appname": "live",
		"domain": "****.livepush.myqcloud.com",
		"event_time": 1700207929,
		"event_type": 332,
		"record_detail": "{\"file_format\":2,\"record_bps\":0,\"start_model\":1,\"record_content\":1,\"source_type\":2,\"codec_temp_id\":0}",
		"record_event": "record_start_failed",
		"seq": "3266441426274648066",
		"session_id": "2918085116267032069",
		"stream_id": "2991615887188599295",
		"sign": "ca3e25e5dc17a6f9909a9ae7281e300d",
		"t": 1754623810
	},
	"recording.failed#record_error": {
		"appid": 123456789,
		"appname": "live",
		"domain": "****.livepush.myqcloud.com",
		"event_time": 1700207929,
		"event_type": 332,
		"record_detail": "{\"file_format\":2,\"record_bps\":0,\"start_model\":1,\"record_content\":1,\"source_type\":2,\"codec_temp_id\":0}",
		"record_event": "record_error",
		"seq": "3266441426274648067",
		"session_id": "2918085116267032069",
		"stream_id": "2991615887188599295",
		"sign": "ca3e25e5dc17a6f9909a9ae7281e300d",
		"t": 1754623810
	},
	"snapshot.created": {
		"app": "test.app",
		"appname": "live",
		"channel_id": "your_channelid",
		"create_time": 1622599925,
		"event_type": 200,
		"file_size": 30670,
		"height": 720,
		"pic_full_url": "http://your.cos.region.myqcloud.com/channelid/channelid-screenshot-10-12-05-1280x720.jpg",
		"pic_url": "/channelid/channelid-screenshot-10-12-05-1280x720.jpg",
		"sign": "ca3e25e5dc17a6f9909a9ae7281e300d",
		"stream_id": "your_streamid",
		"stream_param": "txSecret=ca3e25e5dc17a6f9909a9ae7281e300d&txTime=60B83800",
		"t": 1622600525,
		"width": 1280,
		"task_id": "1867908378267662126"
	},
	"moderation.image": {
		"ocrMsg": "",
		"type": [
			1
		],
		"socre": [
			99
		],
		"screenshotTime": 1610640000,
		"level": 0,
		"img": "http://1.1.1.1/download/porn/test.jpg",
		"abductionRisk": [],
		"faceDetails": [],
		"sendTime": 1615859827,
		"suggestion": "Block",
		"label": "Porn",
		"subLabel": "PornHigh",
		"labelResults": [
			{
				"HitFlag": 1,
				"Scene": "Porn",
				"Suggestion": "Block",
				"Label": "Porn",
				"SubLabel": "PornHigh",
				"Score": 99,
				"Details": [
					{
						"Id": 0,
						"Name": "PornHigh",
						"Score": 99
					},
					{
						"Id": 1,
						"Name": "WomenChest",
						"Score": 99
					}
				]
			},
			{
				"HitFlag": 0,
				"Scene": "Terror",
				"Suggestion": "Pass",
				"Label": "Normal",
				"SubLabel": "",
				"Score": 0,
				"Details": []
			}
		],
		"objectResults": [
			{
				"HitFlag": 0,
				"Scene": "QrCode",
				"Suggestion": "Pass",
				"Label": "Normal",
				"SubLabel": "",
				"Score": 0,
				"Names": [],
				"Details": []
			}
		],
		"ocrResults": [
			{
				"HitFlag": 0,
				"Scene": "OCR",
				"Suggestion": "Pass",
				"Label": "Normal",
				"SubLabel": "",
				"Score": 0,
				"Text": "",
				"Details": []
			}
		],
		"streamId": "teststream",
		"channelId": "teststream",
		"stream_param": "txSecret=40f38f69f574fd51126c421a3d96c374&txTime=5DEBEC80",
		"app": "5000.myqcloud.com",
		"appname": "live",
		"appid": 10000,
		"event_type": 317,
		"sign": "ac920c3e66**********78cf1b5de2c63",
		"t": 1615860427
	},
	"moderation.audio": {
		"HitFlag": 1,
		"Score": 96,
		"SubTag": "XXXsound",
		"appid": 12345678,
		"asr_text": "provide mobile phone number for easy contact",
		"cdn_url": "",
		"channel_id": "xxxun01",
		"data": {
			"asr_tmp_full_results": [
				{
					"appearing_point": [
						1810089.2,
						1810104.8
					],
					"confidence": 100,
					"create_time": 1685929588,
					"id": "",
					"periods": "00:00:00-00:00:15",
					"url": "https://xxx.Audit-09-46-27.wav"
				}
			]
		},
		"domain": "xxx.cn",
		"duration": 10,
		"event_type": 315,
		"interface": "general_callback",
		"label": "Ad",
		"language_results": [],
		"moan_results": [
			{
				"EndTime": 15,
				"Label": "Ad",
				"Score": 0,
				"StartTime": 0,
				"SubLabel": "Contact",
				"Suggestion": "Pass"
			}
		],
		"path": "live",
		"recognition_results": [],
		"request_id": "xxx594-4f4d-a5d0-99cce8b750b4",
		"seq": 3232590095,
		"speaker_results": [],
		"status": 2,
		"stream_id": "xxxn01",
		"sub_label": "Contact",
		"suggestion": "Block",
		"task_id": 1236881,
		"text_results": [
			{
				"HitInfos": [
					{
						"Keyword": "mobile phone number",
						"LibName": "XXViolationThesaurus",
						"Positions": [
							{
								"End": 16,
								"Start": 13
							}
						],
						"Type": "Keyword"
					}
				],
				"Keywords": [
					"mobile phone number"
				],
				"Label": "Ad",
				"LibId": "",
				"LibName": "",
				"LibType": 0,
				"Score": 100,
				"SubLabel": "",
				"Suggestion": "Block"
			}
		]
	},
	"stream.push_error": {
		"abnormal_event": [
			{
				"count": 2,
				"detail": [
					{
						"desc": "video frame arrive interval too long, interval=3046(msec)",
						"occur_time": 1670588070569
					},
					{
						"desc": "video frame arrive interval too long, interval=2953(msec)",
						"occur_time": 1670588073522
					}
				],
				"event_key": "",
				"type": 6,
				"type_desc_cn": " ",
				"type_desc_en": "video frame arrive interval bigger than 1000(ms)"
			},
			{
				"count": 2,
				"customer_visible": "true",
				"detail": [
					{
						"desc": "audio frame arrive interval too long, interval=3009(msec)",
						"occur_time": 1670588070532
					},
					{
						"desc": "audio frame arrive interval too long, interval=2917(msec)",
						"occur_time": 1670588073486
					}
				],
				"event_key": "",
				"type": 7,
				"type_desc_cn": " ",
				"type_desc_en": "audio frame arrive interval bigger than 1000(ms)"
			}
		],
		"appid": 12345678,
		"user_ip": "1.1.1.1",
		"data_time": 1670588074971,
		"domain": "example.push.com",
		"event_type": 321,
		"interface": "general_callback",
		"path": "live",
		"report_interval": 5000,
		"sequence": "000000000000000000",
		"stream_id": "teststream",
		"stream_param": "stream_param=test",
		"timeout": 5000,
		"sign": "ca3e25e5dc17a6f9909a9ae7281e300d",
		"t": 1754623810
	},
	"relay.started": {
		"appid": 4,
		"callback_event": "TaskStart",
		"event_type": 314,
		"interface": "general_callback",
		"msg": "{\"task_start_time\":0}",
		"product_name": "pullpush",
		"source_urls": "[\"http://yourURL.cn/live/normal_230753472*****21162358-upload-45eb/playlist.m3u8\"]\n",
		"stream_id": "testvod",
		"task_id": "118148",
		"to_url": "rtmp://xxx.livepush.myqcloud.com/live/testvod"
	},
	"relay.file_started": {
		"appid": 4,
		"callback_event": "VodSourceFileStart",
		"callback_url": "http://you.callback.url",
		"event_type": 314,
		"interface": "general_callback",
		"msg": "{\"url\":\"http://yourURL.cn/live/normal_466247620*****3100448-upload-216b/playlist.m3u8\",\"index\":0,\"duration\":14920}",
		"product_name": "pullpush",
		"source_urls": "[\"http://yourURL.cn/live/normal_466247620*****3100448-upload-216b/playlist.m3u8\"]\n",
		"stream_id": "testvod",
		"task_id": "118145",
		"to_url": "rtmp://xxx.livepush.myqcloud.com/live/testvod"
	},
	"relay.file_finished": {
		"appid": 4,
		"callback_event": "VodSourceFileFinish",
		"callback_url": "http://you.callback.url",
		"event_type": 314,
		"interface": "general_callback",
		"msg": "{\"url\":\"http://yourURL.cn/live/normal_466247620*****3100448-upload-216b/playlist.m3u8\",\"index\":0,\"duration\":14920}",
		"product_name": "pullpush",
		"source_urls": "[\"http://yourURL.cn/live/normal_466247620*****3100448-upload-216b/playlist.m3u8\"]\n",
		"stream_id": "testvod",
		"task_id": "118145",
		"to_url": "rtmp://xxx.livepush.myqcloud.com/live/testvod"
	},
	"relay.exited": {
		"appid": 4,
		"callback_event": "TaskExit",
		"event_type": 314,
		"interface": "general_callback",
		"msg": "{\"message\":\"write packet error.\",\"code\":-22,\"task_exit_time\":0}",
		"product_name": "pullpush",
		"source_urls": "[\"http://yourURL.cn/live/normal_230753472*****21162358-upload-4\"]\n"
	},
	"relay.alarm": {
		"appid": 1250000000,
		"callback_event": "TaskAlarm",
		"event_type": 314,
		"interface": "general_callback",
		"event_time": "1712893433",
		"msg": "{\"type\":\"PushStreamUnstable\",\"url\":\"http://src.example.com/live/a.m3u8\"}",
		"product_name": "pullpush",
		"source_urls": "[\"http://src.example.com/live/a.m3u8\"]\n",
		"stream_id": "relay01",
		"task_id": "118150",
		"to_url": "rtmp://xxx.livepush.myqcloud.com/live/relay01"
	},
	"monitor.alert": {
		"appid": 1250000000,
		"bizid": 12345,
		"interface": "general_callback",
		"event_type": 328,
		"event_name": "VideoResolutionChanged",
		"event_time": 1700207929123,
		"event_msg": "video resolution changed from 1280x720 to 720x1280",
		"stream_id": "monitor_stream_01"
	},
	"quality.check": {
		"event_type": 343,
		"appid": 12345678,
		"appname": "live",
		"stream_id": "test",
		"domain": "abc.record.test.org",
		"event_time": 1747818881,
		"score": 44.15314104741461,
		"transcode_template_id": 123456,
		"watermark_template_id": 123457,
		"function": "QualityControl",
		"class": "Blur"
	},
	"quality.threshold": {
		"event_type": 344,
		"appid": 1234576,
		"appname": "live",
		"domain": "abc.record.test.org",
		"stream_id": "livestream1",
		"transcode_template_id": 12345,
		"event_time": 1752130787,
		"frames": [
			{
				"score": 22.78,
				"time": 1752130785280
			},
			{
				"score": 32.75,
				"time": 1752130786281
			}
		],
		"function": "Assessment",
		"class": "PSNR"
	},
	"quality.score": {
		"event_type": 345,
		"appid": 1234576,
		"appname": "live",
		"domain": "abc.record.test.org",
		"stream_id": "livestream1",
		"transcode_template_id": 12345,
		"event_time": 1752130787,
		"frames": [
			{
				"score": 22.78,
				"time": 1752130785280
			},
			{
				"score": 32.75,
				"time": 1752130786281
			}
		],
		"average_score": 27.765,
		"max_score": 32.75,
		"min_score": 22.78,
		"function": "Assessment",
		"class": "PSNR"
	},
	"ai.erase": {
		"event_type": 347,
		"stream_id": "teststream",
		"channel_id": "teststream",
		"task_id": "7735333",
		"data": {
			"subtitle_tmp_res": [
				{
					"end_pts": 964464,
					"end_unix_time": 1750402597,
					"keywords_info": [
						{
							"begin_time": 957759,
							"end_time": 959424,
							"word": "Central Commission for Discipline Inspection"
						}
					],
					"src_txt": "The list of alternate members ... was carefully deliberated.",
					"start_pts": 954864,
					"start_unix_time": 1750402588
				}
			]
		},
		"sign": "ca3e25e5dc17a6f9909a9ae7281e300d",
		"t": 1754623810
	},
	"ai.subtitle": {
		"event_type": 338,
		"stream_id": "teststream",
		"channel_id": "teststream",
		"task_id": "7735333",
		"data": {
			"subtitle_tmp_res": [
				{
					"src_txt": "Today we shall delve into the study of linear equations in one variable.",
					"start_pts": 123000,
					"end_pts": 126333,
					"stead_state": true
				}
			]
		},
		"sign": "ca3e25e5dc17a6f9909a9ae7281e300d",
		"t": 1754623810
	},
	"ai.summary": {
		"event_type": 348,
		"appid": 1234,
		"domain": "your.livepush.myqcloud.com",
		"path": "live",
		"stream_id": "test1820",
		"begin_time": 1761211980,
		"end_time": 1761212541,
		"title": "Live broadcast promoting coarse cloth bedding",
		"summary": "This live broadcast mainly introduced ...",
		"key_points": [
			"Product Features and Material Introduction",
			"Promotional activities and price discounts"
		],
		"key_words": [
			"three piece set",
			"bedding promotion"
		]
	},
	"ai.highlight": {
		"event_type": 349,
		"appid": 1234,
		"domain": "your.livepush.myqcloud.com",
		"path": "highlight",
		"stream_id": "test1820",
		"items": [
			{
				"begin_time": 1761128808,
				"end_time": 1761128834,
				"title": "Bed sheets on flash sale, price reduced by 25 yuan!",
				"summary": "The live streamer bargained down the price ...",
				"video_store_url": "http://your.cos.ap-nanjing.myqcloud.com/SmartHighlights/your.livepush.myqcloud.com/highlight/test1820/LIVE_0269433B4282FE8263010F7AF99BA792BC-1761128792340/2025-10-22_18-32-16_16666.mp4",
				"cov_img_store_url": "",
				"key_words": [
					"25 yuan",
					"Link number one",
					"Limited time"
				]
			}
		]
	},
	"unknown": {
		"event_type": 331,
		"appid": 12345678,
		"domain": "test.domain.com",
		"path": "live",
		"stream_id": "test_stream",
		"event_time": 1703731478
	}
};
