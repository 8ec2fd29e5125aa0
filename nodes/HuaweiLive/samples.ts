/**
 * The documented sample callbacks of this provider, one per normalized event key (`key#variant`
 * marks a second sample of the same event). The one source of sample payloads: the Livestream Test
 * Callback node sends them, docs/sample-items.md shows what the trigger emits for each, and the
 * repository tooling (test/fixtures/huawei-live.json, `npm run send`, the e2e suite) is generated from or
 * reads this map (`npm run docs:samples` regenerates the copies).
 *
 * The samples are shipped without `auth_timestamp` / `auth_sign`: the simulator signs each one with
 * the user's own key when it is sent. The signatures of the source below are test vectors, added to
 * the test copy (test/fixtures/huawei-live.json) by test/unit/samples/copies.ts.
 *
 * Source: Payloads of docs/protocols/huawei-live.md. stream.started, recording.completed and recording.completed#md5 carry signatures computed outside the package with key 0123456789abcdef0123456789abcdef (commands in test/unit/huawei-live/vectors.test.ts; not Huawei's own, whose published samples mask the signature). stream.stopped is stream.started with event PUBLISH_DONE. The other recording events follow the documented field tables (RECORD_FAILED with error_message), the snapshot the documented snapshot table (domain, app, stream_name, snapshot_url, width, height, obs_addr). Unsigned entries are signed by the tests and the sender through buildCallbackRequest (simulator.ts); signed entries are re-signed by it when a key is given. '#' marks a variant of the same event.
 */
import type { IDataObject } from 'n8n-workflow';

/** Where the samples come from (kept in the generated fixture file as `_source`). */
export const SAMPLE_SOURCE =
	"Payloads of docs/protocols/huawei-live.md. stream.started, recording.completed and recording.completed#md5 carry signatures computed outside the package with key 0123456789abcdef0123456789abcdef (commands in test/unit/huawei-live/vectors.test.ts; not Huawei's own, whose published samples mask the signature). stream.stopped is stream.started with event PUBLISH_DONE. The other recording events follow the documented field tables (RECORD_FAILED with error_message), the snapshot the documented snapshot table (domain, app, stream_name, snapshot_url, width, height, obs_addr). Unsigned entries are signed by the tests and the sender through buildCallbackRequest (simulator.ts); signed entries are re-signed by it when a key is given. '#' marks a variant of the same event.";

export const SAMPLE_EVENTS: Record<string, IDataObject> = {
	"stream.started": {
		"domain": "push.example.com",
		"app": "live",
		"stream": "example_stream",
		"user_args": "cdn=hw",
		"client_ip": "100.111.12.34",
		"node_ip": "112.11.56.78",
		"publish_timestamp": "1587954134",
		"event": "PUBLISH"
	},
	"stream.stopped": {
		"domain": "push.example.com",
		"app": "live",
		"stream": "example_stream",
		"user_args": "cdn=hw",
		"client_ip": "100.111.12.34",
		"node_ip": "112.11.56.78",
		"publish_timestamp": "1587954134",
		"event": "PUBLISH_DONE"
	},
	"recording.started": {
		"project_id": "70b76xxxxxx34253880af501cdxxxxxx",
		"task_id": "51126d0ebe94b1da00d2e21a10xxxxxx",
		"event_type": "RECORD_START",
		"publish_domain": "push.example.com",
		"app": "live",
		"stream": "mystream",
		"record_format": "HLS"
	},
	"recording.file_started": {
		"project_id": "70b76xxxxxx34253880af501cdxxxxxx",
		"task_id": "51126d0ebe94b1da00d2e21a10xxxxxx",
		"event_type": "RECORD_NEW_FILE_START",
		"publish_domain": "push.example.com",
		"app": "live",
		"stream": "mystream",
		"record_format": "HLS",
		"job_id": "dc0a1773-0cef-xxxx-xxxx-9a38fdb095d2"
	},
	"recording.completed": {
		"project_id": "70b76xxxxxx34253880af501cdxxxxxx",
		"job_id": "dc0a1773-0cef-xxxx-xxxx-9a38fdb095d2",
		"task_id": "51126d0ebe94b1da00d2e21a10xxxxxx",
		"event_type": "RECORD_FILE_COMPLETE",
		"publish_domain": "push.example.com",
		"app": "live",
		"stream": "mystream",
		"record_format": "HLS",
		"download_url": "https://obs.cn-north-4.myhuaweicloud.com/live/record-xxxx-mystream-1589967495/record-push.example.com-live-mystream-1589967495.m3u8",
		"asset_id": "1a0d8e9bfaexxxxxxbe5021e62aa1e96",
		"file_size": 3957964,
		"record_duration": 120,
		"start_time": "2020-03-08T14:10:25Z",
		"end_time": "2020-03-08T14:12:25Z",
		"width": 1280,
		"height": 720,
		"obs_location": "https://obs.cn-north-4.myhuaweicloud.com",
		"obs_bucket": "mybucket",
		"obs_object": "live/record-xxxx-mystream-1589967495/record-push.example.com-live-mystream-1589967495.m3u8"
	},
	"recording.completed#md5": {
		"project_id": "70b76xxxxxx34253880af501cdxxxxxx",
		"job_id": "dc0a1773-0cef-xxxx-xxxx-9a38fdb095d2",
		"task_id": "51126d0ebe94b1da00d2e21a10xxxxxx",
		"event_type": "RECORD_FILE_COMPLETE",
		"publish_domain": "push.example.com",
		"app": "live",
		"stream": "mystream",
		"record_format": "HLS",
		"download_url": "https://obs.cn-north-4.myhuaweicloud.com/live/record-xxxx-mystream-1589967495/record-push.example.com-live-mystream-1589967495.m3u8",
		"asset_id": "1a0d8e9bfaexxxxxxbe5021e62aa1e96",
		"file_size": 3957964,
		"record_duration": 120,
		"start_time": "2020-03-08T14:10:25Z",
		"end_time": "2020-03-08T14:12:25Z",
		"width": 1280,
		"height": 720,
		"obs_location": "https://obs.cn-north-4.myhuaweicloud.com",
		"obs_bucket": "mybucket",
		"obs_object": "live/record-xxxx-mystream-1589967495/record-push.example.com-live-mystream-1589967495.m3u8"
	},
	"recording.completed#play_url": {
		"project_id": "70b76xxxxxx34253880af501cdxxxxxx",
		"job_id": "dc0a1773-0cef-xxxx-xxxx-9a38fdb095d2",
		"task_id": "51126d0ebe94b1da00d2e21a10xxxxxx",
		"event_type": "RECORD_FILE_COMPLETE",
		"publish_domain": "push.example.com",
		"app": "live",
		"stream": "mystream",
		"record_format": "HLS",
		"download_url": "https://obs.cn-north-4.myhuaweicloud.com/live/record-xxxx-mystream-1589967495/record-push.example.com-live-mystream-1589967495.m3u8",
		"asset_id": "1a0d8e9bfaexxxxxxbe5021e62aa1e96",
		"file_size": 3957964,
		"record_duration": 120,
		"start_time": "2020-03-08T14:10:25Z",
		"end_time": "2020-03-08T14:12:25Z",
		"width": 1280,
		"height": 720,
		"obs_location": "https://obs.cn-north-4.myhuaweicloud.com",
		"obs_bucket": "mybucket",
		"obs_object": "live/record-xxxx-mystream-1589967495/record-push.example.com-live-mystream-1589967495.m3u8",
		"play_url": "https://vod.example.com/asset/1a0d8e9bfaexxxxxxbe5021e62aa1e96/play.m3u8"
	},
	"recording.ended": {
		"project_id": "70b76xxxxxx34253880af501cdxxxxxx",
		"task_id": "51126d0ebe94b1da00d2e21a10xxxxxx",
		"event_type": "RECORD_OVER",
		"publish_domain": "push.example.com",
		"app": "live",
		"stream": "mystream",
		"record_format": "HLS"
	},
	"recording.failed": {
		"project_id": "70b76xxxxxx34253880af501cdxxxxxx",
		"task_id": "51126d0ebe94b1da00d2e21a10xxxxxx",
		"event_type": "RECORD_FAILED",
		"publish_domain": "push.example.com",
		"app": "live",
		"stream": "mystream",
		"record_format": "HLS",
		"error_message": "pull stream failed"
	},
	"snapshot.created": {
		"domain": "push.example.com",
		"app": "live",
		"stream_name": "example_stream",
		"snapshot_url": "https://mybucket.obs.cn-north-4.myhuaweicloud.com/snapshot/push.example.com/live/example_stream/1700000000.jpg",
		"width": 1280,
		"height": 720,
		"obs_addr": {
			"bucket": "mybucket",
			"location": "cn-north-4",
			"object": "snapshot/push.example.com/live/example_stream/1700000000.jpg"
		}
	}
};
