/**
 * The documented sample callbacks of this provider, one per normalized event key (`key#variant`
 * marks a second sample of the same event). The one source of sample payloads: the Livestream Test
 * Callback node sends them, docs/sample-items.md shows what the trigger emits for each, and the
 * repository tooling (test/fixtures/sigma-live.json, `npm run send`, the e2e suite) is generated from or
 * reads this map (`npm run docs:samples` regenerates the copies).
 *
 * Source: docs/protocols/sigma-live.md (Callback, Channel fields): callback body = { event, eventTime (Unix ms), ...the channel object as get-channel returns it }; playback URL pattern http://domain-cdn/{STREAM_ID}/master.m3u8. Sigma sends no event id and no signature.
 */
import type { IDataObject } from 'n8n-workflow';

/** Where the samples come from (kept in the generated fixture file as `_source`). */
export const SAMPLE_SOURCE =
	"docs/protocols/sigma-live.md (Callback, Channel fields): callback body = { event, eventTime (Unix ms), ...the channel object as get-channel returns it }; playback URL pattern http://domain-cdn/{STREAM_ID}/master.m3u8. Sigma sends no event id and no signature.";

export const SAMPLE_EVENTS: Record<string, IDataObject> = {
	"stream.started": {
		"event": "channel_live",
		"eventTime": 1795341600123,
		"id": "6540f1c2a9b3e2001f3c1a77",
		"name": "Morning show",
		"description": "Daily news broadcast",
		"accountId": "1",
		"tags": [
			"news",
			"morning"
		],
		"mode": "low-latency",
		"status": "live",
		"health": "excellent",
		"duration": 0,
		"createdAt": "2026-11-22T09:55:00.000Z",
		"startTime": "2026-11-22T10:00:00.000Z",
		"livestreamUrl": "http://domain-cdn/6540f1c2a9b3e2001f3c1a77/master.m3u8",
		"thumbnailUrl": "http://domain-cdn/6540f1c2a9b3e2001f3c1a77/thumbnail.jpg"
	},
	"stream.stopped": {
		"event": "channel_stop",
		"eventTime": 1795343400456,
		"id": "6540f1c2a9b3e2001f3c1a77",
		"name": "Morning show",
		"description": "Daily news broadcast",
		"accountId": "1",
		"tags": [
			"news",
			"morning"
		],
		"mode": "low-latency",
		"status": "live",
		"health": "unstable",
		"duration": 1800,
		"createdAt": "2026-11-22T09:55:00.000Z",
		"startTime": "2026-11-22T10:00:00.000Z",
		"stopTime": "2026-11-22T10:30:00.000Z",
		"livestreamUrl": "http://domain-cdn/6540f1c2a9b3e2001f3c1a77/master.m3u8"
	},
	"stream.ended": {
		"event": "channel_ended",
		"eventTime": 1795344000789,
		"id": "6540f1c2a9b3e2001f3c1a77",
		"name": "Morning show",
		"description": "Daily news broadcast",
		"accountId": "1",
		"tags": [
			"news",
			"morning"
		],
		"mode": "low-latency",
		"status": "ended",
		"health": "acceptable",
		"duration": 1800,
		"createdAt": "2026-11-22T09:55:00.000Z",
		"startTime": "2026-11-22T10:00:00.000Z",
		"stopTime": "2026-11-22T10:30:00.000Z",
		"videoUrl": "http://domain-cdn/6540f1c2a9b3e2001f3c1a77/master_dvr.m3u8",
		"thumbnailUrl": "http://domain-cdn/6540f1c2a9b3e2001f3c1a77/thumbnail.jpg",
		"recordUrl": [
			"http://domain-cdn/6540f1c2a9b3e2001f3c1a77/record.mp4"
		],
		"catchup": true
	}
};
