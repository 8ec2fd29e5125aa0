/** Every Huawei event from the documented payloads, typed data, sessions, eventId, filter. */
import type { IDataObject } from 'n8n-workflow';

import { keyTimeDigest } from '../../../nodes/core/signatures';
import { buildCallbackRequest } from '../../../nodes/HuaweiLive/simulator';
import { hmacSignature } from '../../../nodes/HuaweiLive/verify';
import {
	ALL_KEYS,
	EVENTS,
	expectAccepted,
	expectRejected,
	KEY,
	NOW,
	payload,
	post,
	setClock,
	signed,
	SUCCESS,
	useFixedClock,
} from './shared';

useFixedClock();

describe('the documented examples, verbatim', () => {
	it('accepts the PUBLISH example at its own time and normalizes it', async () => {
		setClock(1587954140);
		const item = expectAccepted(await post(payload('stream.started')));
		expect(item).toMatchObject({
			event: 'stream.started',
			provider: 'huawei-live',
			providerEvent: 'PUBLISH',
			authenticated: 'signature',
			occurredAt: '2020-04-27T02:22:14.000Z',
			receivedAt: '2020-04-27T02:22:20.000Z',
			stream: { domain: 'push.example.com', app: 'live', name: 'example_stream' },
			room: null,
			data: {
				userArgs: 'cdn=hw',
				clientIp: '100.111.12.34',
				nodeIp: '112.11.56.78',
				publishTimestamp: 1587954134,
				publishedAt: '2020-04-27T02:22:14.000Z',
				sessionKey: 'push.example.com/live/example_stream/1587954134',
			},
			raw: EVENTS['stream.started'],
		});
		expect(item.eventId).toMatch(/^huawei-live:[0-9a-f]{32}$/);
		expect(item.data).not.toHaveProperty('authSign');
		expect(item.data).not.toHaveProperty('authTimestamp');
	});

	it('accepts the RECORD_FILE_COMPLETE example signed with HMAC-SHA256, typed', async () => {
		setClock(1583676745);
		const item = expectAccepted(await post(payload('recording.completed')));
		expect(item).toMatchObject({
			event: 'recording.completed',
			providerEvent: 'RECORD_FILE_COMPLETE',
			authenticated: 'signature',
			occurredAt: '2020-03-08T14:12:25.000Z',
			stream: { domain: 'push.example.com', app: 'live', name: 'mystream' },
		});
		expect(item.data).toEqual({
			projectId: '70b76xxxxxx34253880af501cdxxxxxx',
			jobId: 'dc0a1773-0cef-xxxx-xxxx-9a38fdb095d2',
			taskId: '51126d0ebe94b1da00d2e21a10xxxxxx',
			recordFormat: 'HLS',
			downloadUrl: EVENTS['recording.completed'].download_url,
			assetId: '1a0d8e9bfaexxxxxxbe5021e62aa1e96',
			fileSize: 3957964,
			recordDuration: 120,
			startTime: '2020-03-08T14:10:25.000Z',
			endTime: '2020-03-08T14:12:25.000Z',
			width: 1280,
			height: 720,
			obs: {
				location: 'https://obs.cn-north-4.myhuaweicloud.com',
				bucket: 'mybucket',
				object: EVENTS['recording.completed'].obs_object,
			},
		});
	});

	it('accepts the verbatim MD5 variant only when the credential says MD5', async () => {
		setClock(1583676745);
		const md5 = { ...ALL_KEYS, recordSignType: 'MD5' };
		const item = expectAccepted(await post(payload('recording.completed#md5'), { credentials: md5 }));
		expect(item.authenticated).toBe('signature');

		const hmacConfigured = await post(payload('recording.completed#md5'));
		expectRejected(hmacConfigured, 401, 'signature mismatch');
		expect(hmacConfigured.logs.map((l) => l.message).join('\n')).toContain('matches sign type MD5');
	});
});

describe('every event, signed by the core at the current time', () => {
	const cases: Array<[string, string, string]> = [
		['stream.started', 'stream.started', 'PUBLISH'],
		['stream.stopped', 'stream.stopped', 'PUBLISH_DONE'],
		['recording.started', 'recording.started', 'RECORD_START'],
		['recording.file_started', 'recording.file_started', 'RECORD_NEW_FILE_START'],
		['recording.completed', 'recording.completed', 'RECORD_FILE_COMPLETE'],
		['recording.completed#play_url', 'recording.completed', 'RECORD_FILE_COMPLETE'],
		['recording.ended', 'recording.ended', 'RECORD_OVER'],
		['recording.failed', 'recording.failed', 'RECORD_FAILED'],
		['snapshot.created', 'snapshot.created', 'SNAPSHOT'],
	];

	it.each(cases)('%s (HMAC-SHA256 recording)', async (fixture, event, providerEvent) => {
		const body = signed(fixture);
		expect(body.auth_timestamp).toBe(NOW);
		const item = expectAccepted(await post(body));
		expect(item).toMatchObject({ event, providerEvent, authenticated: 'signature', provider: 'huawei-live' });
		expect(item.raw).toEqual(body);
		expect((item.stream as IDataObject).domain).toBe('push.example.com');
	});

	it.each(cases.filter(([f]) => f.startsWith('recording')))('%s (MD5 recording)', async (fixture, event) => {
		const md5 = { ...ALL_KEYS, recordSignType: 'MD5' };
		const body = signed(fixture, md5);
		expect(body.auth_sign).toBe(keyTimeDigest('md5', KEY, String(NOW)));
		const item = expectAccepted(await post(body, { credentials: md5 }));
		expect(item).toMatchObject({ event, authenticated: 'signature' });
	});

	it('covers the play_url field in the recording HMAC', () => {
		const body = signed('recording.completed#play_url');
		const without = { ...body };
		delete without.play_url;
		expect(hmacSignature('record', KEY, body, String(NOW))).toBe(body.auth_sign);
		expect(hmacSignature('record', KEY, without, String(NOW))).not.toBe(body.auth_sign);
	});

	it('types the snapshot callback and keeps unknown fields', async () => {
		const body = { ...signed('snapshot.created'), snapshot_time: 1700000000 };
		const item = expectAccepted(await post(body));
		expect(item).toMatchObject({
			event: 'snapshot.created',
			providerEvent: 'SNAPSHOT',
			authenticated: 'signature',
			stream: { domain: 'push.example.com', app: 'live', name: 'example_stream' },
			data: {
				width: 1280,
				height: 720,
				snapshotUrl: EVENTS['snapshot.created'].snapshot_url,
				snapshotTime: 1700000000,
				obs: {
					bucket: 'mybucket',
					location: 'cn-north-4',
					object: 'snapshot/push.example.com/live/example_stream/1700000000.jpg',
				},
			},
		});
		expect(item.data).not.toHaveProperty('obsAddr');
		expect(item.data).not.toHaveProperty('streamName');
		expect(item.occurredAt).toBe(item.receivedAt);
	});

	it('carries error_message of RECORD_FAILED', async () => {
		const item = expectAccepted(await post(signed('recording.failed')));
		expect(item).toMatchObject({ event: 'recording.failed', data: { errorMessage: 'pull stream failed' } });
	});

	it('treats a body with obs_addr and event_type as a recording callback (event_type is signed there)', async () => {
		// Signed under the snapshot formula, then given an event_type: checked as a recording callback.
		const body = { ...signed('snapshot.created'), event_type: 'SNAPSHOT_COMPLETE' };
		expectRejected(await post(body), 401, 'invalid signed member');
		const item = expectAccepted(await post(body, { credentials: null }));
		expect(item).toMatchObject({ event: 'unknown', providerEvent: 'SNAPSHOT_COMPLETE', authenticated: 'none' });
	});
});

describe('unsigned callbacks', () => {
	it('accepts every family as authenticated "none" without a credential', async () => {
		for (const name of ['stream.started', 'recording.completed', 'snapshot.created']) {
			const body = signed(name, null);
			expect(body).not.toHaveProperty('auth_sign');
			expect(body).not.toHaveProperty('auth_timestamp');
			const item = expectAccepted(await post(body, { credentials: null }));
			expect(item.authenticated).toBe('none');
		}
	});

	it('accepts a family whose key is empty while checking the others', async () => {
		const onlyStream = { streamNotifyKey: KEY, recordCallbackKey: '', snapshotKey: '  ' };
		expect(expectAccepted(await post(signed('recording.ended', null), { credentials: onlyStream })).authenticated).toBe('none');
		expect(expectAccepted(await post(signed('snapshot.created', null), { credentials: onlyStream })).authenticated).toBe('none');
		expectRejected(await post(signed('stream.started', null), { credentials: onlyStream }), 401, 'missing signature');
	});
});

describe('push sessions, redeliveries and the event filter', () => {
	it('correlates an out-of-order PUBLISH_DONE / PUBLISH pair by publishTimestamp', async () => {
		const stopped = expectAccepted(await post(signed('stream.stopped', ALL_KEYS, NOW)));
		const started = expectAccepted(await post(signed('stream.started', ALL_KEYS, NOW + 1)));
		expect(stopped.event).toBe('stream.stopped');
		expect(started.event).toBe('stream.started');
		expect((stopped.data as IDataObject).publishTimestamp).toBe(1587954134);
		expect((stopped.data as IDataObject).sessionKey).toBe((started.data as IDataObject).sessionKey);
		expect((stopped.data as IDataObject).publishedAt).toBe((started.data as IDataObject).publishedAt);
		expect(stopped.eventId).not.toBe(started.eventId);
		// PUBLISH_DONE carries no stop time: occurredAt is the receive time.
		expect(stopped.occurredAt).toBe(stopped.receivedAt);
		expect(started.occurredAt).toBe('2020-04-27T02:22:14.000Z');
	});

	it('gives a redelivery (new auth_timestamp / auth_sign) the same eventId, and distinct events distinct ones', async () => {
		const first = expectAccepted(await post(signed('recording.completed', ALL_KEYS, NOW - 30)));
		const again = expectAccepted(await post(signed('recording.completed', ALL_KEYS, NOW)));
		expect(first.raw).not.toEqual(again.raw);
		expect(again.eventId).toBe(first.eventId);
		const other = expectAccepted(await post(signed('recording.completed#play_url')));
		expect(other.eventId).not.toBe(first.eventId);
	});

	it('acknowledges filtered-out events without an execution', async () => {
		const parameters = { events: ['recording.completed'] };
		const outcome = await post(signed('stream.started'), { parameters });
		expect(outcome.response).toMatchObject({ status: 200, body: SUCCESS });
		expect(outcome.items).toHaveLength(0);
		expect(outcome.result.workflowData).toBeUndefined();
		expectAccepted(await post(signed('recording.completed'), { parameters }));
	});

	it('an unknown recording event type: "unknown" unsigned or MD5-signed, refused when HMAC-signed', async () => {
		const body = { ...signed('recording.ended', null), event_type: 'RECORD_PAUSED' };
		const unsigned = expectAccepted(await post(body, { credentials: null, parameters: { events: ['unknown'] } }));
		expect(unsigned).toMatchObject({ event: 'unknown', providerEvent: 'RECORD_PAUSED', authenticated: 'none' });
		const md5 = { ...ALL_KEYS, recordSignType: 'MD5' };
		const md5Item = expectAccepted(await post(JSON.parse(buildCallbackRequest(body, md5, NOW).body), { credentials: md5 }));
		expect(md5Item).toMatchObject({ event: 'unknown', authenticated: 'signature' });
		const resigned = JSON.parse(buildCallbackRequest(body, ALL_KEYS, NOW).body) as IDataObject;
		expectRejected(await post(resigned), 401, 'unknown event');
		expectRejected(await post({ ...resigned, app: 'other' }), 401, 'signature mismatch');
	});
});

describe('buildCallbackRequest', () => {
	it('produces a JSON POST with the family signature, or none', () => {
		const request = buildCallbackRequest(payload('stream.started'), { streamNotifyKey: KEY }, 1587954140);
		expect(request.method).toBe('POST');
		expect(request.headers['content-type']).toBe('application/json');
		expect(JSON.parse(request.body)).toEqual(EVENTS['stream.started']);

		const unsigned = JSON.parse(buildCallbackRequest(payload('stream.started'), null, NOW).body) as IDataObject;
		expect(unsigned).not.toHaveProperty('auth_sign');
		const otherFamilyOnly = JSON.parse(
			buildCallbackRequest(payload('recording.completed'), { streamNotifyKey: KEY }, NOW).body,
		) as IDataObject;
		expect(otherFamilyOnly).not.toHaveProperty('auth_sign');
	});

	it('reproduces the recording vectors of the fixture', () => {
		const hmac = JSON.parse(buildCallbackRequest(payload('recording.completed'), ALL_KEYS, 1583676745).body);
		expect(hmac).toEqual(EVENTS['recording.completed']);
		const md5 = JSON.parse(
			buildCallbackRequest(payload('recording.completed'), { recordCallbackKey: KEY, recordSignType: 'MD5' }, 1583676745).body,
		);
		expect(md5).toEqual(EVENTS['recording.completed#md5']);
	});
});
