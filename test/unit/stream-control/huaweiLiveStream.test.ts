/**
 * Huawei Cloud Live Stream and Domain operations through the node's real `execute()` (n8n-core
 * ExecuteContext) and its list search, signed by the real `huaweiCloudApi` credential, against the
 * loopback Live fake that checks APIG signatures itself and keeps online streams, blocks and domains.
 */
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { IDataObject } from 'n8n-workflow';

import { HuaweiCloudApi } from '../../../credentials/HuaweiCloudApi.credentials';
import { HuaweiLive } from '../../../nodes/HuaweiLive/HuaweiLive.node';
import { parseHuaweiLiveEvent } from '../../../nodes/HuaweiLive/events';
import fixtures from '../../fixtures/huawei-live.json';
import { runExecute } from '../../harness/hook';
import { startHuaweiLiveFake } from '../../servers/huaweiLiveApiFake';
import type { HuaweiLiveFake } from '../../servers/huaweiLiveApiFake';
import { loadOptionsContext } from './loadOptions';

const ACCOUNT = { accessKey: 'HWSTREAMCONTROL00001', secretKey: 'hwStreamControlSecretKeyForTheFake', projectId: 'abcdef0123456789abcdef0123456789' };
const DAY = 86_400_000;

/** The item a Huawei Cloud Live Trigger emits for a PUBLISH notification. */
const publishItem = (): IDataObject => {
	const parsed = parseHuaweiLiveEvent(fixtures.events['stream.started'] as IDataObject);
	return { event: parsed.event, provider: 'huawei-live', stream: parsed.stream, data: parsed.data } as IDataObject;
};

let fake: HuaweiLiveFake;
let stream: { domain: string; app: string; name: string };
beforeEach(async () => {
	fake = await startHuaweiLiveFake(ACCOUNT);
	stream = publishItem().stream as typeof stream;
	fake.domains.push(
		{ domain: stream.domain, domain_type: 'push', status: 'on', region: 'ap-southeast-3', create_time: '2026-01-01T00:00:00Z' },
		{ domain: 'push2.example.com', domain_type: 'push', status: 'off', region: 'ap-southeast-3', create_time: '2026-01-01T00:00:00Z' },
		{ domain: 'play.example.com', domain_type: 'pull', status: 'on', region: 'ap-southeast-3', create_time: '2026-01-01T00:00:00Z', related_domain: stream.domain },
	);
});
afterEach(async () => {
	await fake.close();
});

const credentials = () => ({ huaweiCloudApi: { type: new HuaweiCloudApi(), data: { ...ACCOUNT, endpoint: fake.url } } });

function run(parameters: IDataObject, items: IDataObject[] = [publishItem()], continueOnFail = false) {
	return runExecute({ nodeType: new HuaweiLive(), parameters, credentials: credentials(), continueOnFail }, items);
}

const key = () => `${stream.domain}/${stream.app}/${stream.name}`;
const calls = () => fake.calls.map((c) => `${c.method} ${c.path}`);

describe('trigger item → Stream operations with zero configuration', () => {
	it('the PUBLISH item carries the stream the defaults read', () => {
		expect(stream).toEqual({ domain: expect.any(String), app: expect.any(String), name: expect.any(String) });
	});

	it('Block: cuts the live push, refuses new pushes for 7 days by default, answers 204 → blocked', async () => {
		expect(fake.push(stream.domain, stream.app, stream.name)).toBe(true);
		const before = Date.now();
		const [out] = await run({ resource: 'stream', operation: 'block' });
		expect(out).toEqual({
			domain: stream.domain,
			app_name: stream.app,
			stream_name: stream.name,
			blocked: true,
			alreadyBlocked: false,
			resume_time: null,
			previous_resume_time: null,
			requestId: expect.stringMatching(/^hw-req-/),
		});
		expect(calls()).toEqual(['GET stream/blocks', 'POST stream/blocks']);
		expect(fake.calls[1].body).toEqual({ domain: stream.domain, app_name: stream.app, stream_name: stream.name });
		expect(fake.online.size).toBe(0);
		const ends = Date.parse(fake.blocks.get(key())!.resume_time) - before;
		expect(ends).toBeGreaterThan(7 * DAY - 60_000);
		expect(ends).toBeLessThan(7 * DAY + 60_000);
		expect(fake.push(stream.domain, stream.app, stream.name)).toBe(false);
	});

	it('Block again: Update instead, success with alreadyBlocked: true and the new resume time', async () => {
		await run({ resource: 'stream', operation: 'block' });
		const first = fake.blocks.get(key())!.resume_time;
		const resumeTime = new Date(Date.now() + DAY).toISOString().replace(/\.\d{3}Z$/, 'Z');
		const [out] = await run({ resource: 'stream', operation: 'block', resumeTime });
		expect(out).toMatchObject({ blocked: true, alreadyBlocked: true, resume_time: resumeTime, previous_resume_time: first });
		expect(calls().slice(-2)).toEqual(['GET stream/blocks', 'PUT stream/blocks']);
		expect(fake.blocks.get(key())!.resume_time).toBe(resumeTime);
	});

	it('Block when the list cannot be read and the stream is already blocked: Create\'s "exists" turns into Update', async () => {
		await run({ resource: 'stream', operation: 'block' });
		fake.failNext('GET', 'stream/blocks', 403, 'APIGW.0302', 'no permission to list');
		const [out] = await run({ resource: 'stream', operation: 'block' });
		expect(out).toMatchObject({ blocked: true, alreadyBlocked: true });
		expect(calls().slice(-2)).toEqual(['POST stream/blocks', 'PUT stream/blocks']);
	});

	it('Unblock: lifts the block; unblocking a stream that is not blocked answers wasBlocked: false without a Delete', async () => {
		await run({ resource: 'stream', operation: 'block' });
		const [out] = await run({ resource: 'stream', operation: 'unblock' });
		expect(out).toMatchObject({ unblocked: true, wasBlocked: true, requestId: expect.stringMatching(/^hw-req-/) });
		expect(fake.calls.at(-1)).toMatchObject({ method: 'DELETE', path: 'stream/blocks', query: { domain: stream.domain, app_name: stream.app, stream_name: stream.name } });
		expect(fake.blocks.size).toBe(0);
		const [again] = await run({ resource: 'stream', operation: 'unblock' });
		expect(again).toMatchObject({ unblocked: true, wasBlocked: false, requestId: null });
		expect(fake.calls.at(-1)?.method).toBe('GET');
		expect(fake.push(stream.domain, stream.app, stream.name)).toBe(true);
	});

	it('Update Block: sets the new end time of a blocked stream; of a stream that is not blocked Huawei refuses', async () => {
		const resumeTime = new Date(Date.now() + 30 * DAY).toISOString().replace(/\.\d{3}Z$/, 'Z');
		await expect(run({ resource: 'stream', operation: 'updateBlock', resumeTime })).rejects.toMatchObject({
			message: expect.stringContaining('Huawei Cloud error LIVE.100011001'),
			description: expect.stringContaining('the stream must be blocked'),
		});
		await run({ resource: 'stream', operation: 'block' });
		const [out] = await run({ resource: 'stream', operation: 'updateBlock', resumeTime });
		expect(out).toMatchObject({ updated: true, resume_time: resumeTime });
		expect(fake.blocks.get(key())!.resume_time).toBe(resumeTime);
		await expect(run({ resource: 'stream', operation: 'updateBlock' })).rejects.toThrow('Resume At is empty');
	});

	it('Drop (block-once): cuts the push without a block; the publisher may reconnect', async () => {
		fake.push(stream.domain, stream.app, stream.name);
		const [out] = await run({ resource: 'stream', operation: 'drop' });
		expect(out).toMatchObject({ dropped: true, wasLive: true });
		expect(calls()).toEqual(['GET realtime/streams', 'POST stream/block-once']);
		expect(fake.online.size).toBe(0);
		expect(fake.blocks.size).toBe(0);
		const [again] = await run({ resource: 'stream', operation: 'drop' });
		expect(again).toMatchObject({ dropped: true, wasLive: false });
		expect(fake.push(stream.domain, stream.app, stream.name)).toBe(true);
	});
});

describe('checks before calling Huawei', () => {
	it('an item without a stream, or "*" as the stream, fails before any call', async () => {
		await expect(run({ resource: 'stream', operation: 'block' }, [{}])).rejects.toThrow(NodeOperationError);
		await expect(run({ resource: 'stream', operation: 'block' }, [{}])).rejects.toThrow('Push Domain is empty');
		await expect(
			run({ resource: 'stream', operation: 'block', streamName: '*' }),
		).rejects.toThrow('not "*"');
		expect(fake.requests).toHaveLength(0);
	});

	it('a resume time beyond 90 days is refused', async () => {
		await expect(run({ resource: 'stream', operation: 'block', resumeTime: new Date(Date.now() + 95 * DAY).toISOString() })).rejects.toThrow(
			/more than 90 days/,
		);
		expect(fake.requests).toHaveLength(0);
	});

	it('the online list filtered by stream needs the app (Huawei\'s rule)', async () => {
		await expect(run({ resource: 'stream', operation: 'getAll', filters: { streamName: 'x' } })).rejects.toThrow('needs the app name');
	});
});

describe('provider errors', () => {
	it('become NodeApiError with code, message, HTTP status and a hint; writes are not retried', async () => {
		fake.failNext('POST', 'stream/blocks', 403, 'APIGW.0302', 'The IAM user is not authorized');
		const attempt = run({ resource: 'stream', operation: 'block' });
		await expect(attempt).rejects.toThrow(NodeApiError);
		await expect(attempt).rejects.toMatchObject({
			message: 'Huawei Cloud error APIGW.0302: The IAM user is not authorized',
			httpCode: '403',
			description: expect.stringContaining('Permission denied'),
		});
		expect(fake.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
	});

	it('a read is retried on flow control and then succeeds', async () => {
		fake.push(stream.domain, stream.app, stream.name);
		fake.failNext('GET', 'realtime/streams', 429, 'APIGW.0308', 'The throttling threshold has been reached');
		const out = await run({ resource: 'stream', operation: 'getAll', returnAll: true });
		expect(out).toEqual([expect.objectContaining({ stream: stream.name, app: stream.app })]);
		expect(fake.requests.filter((r) => r.rawUrl.includes('realtime/streams'))).toHaveLength(2);
	});

	it('a wrong SK is refused by the fake\'s own signature check', async () => {
		const out = runExecute({
			nodeType: new HuaweiLive(),
			parameters: { resource: 'stream', operation: 'getAll' },
			credentials: { huaweiCloudApi: { type: new HuaweiCloudApi(), data: { ...ACCOUNT, secretKey: 'wrong', endpoint: fake.url } } },
		}, [publishItem()]);
		await expect(out).rejects.toMatchObject({ message: expect.stringContaining('APIGW.0301'), description: expect.stringContaining('AK/SK') });
	});

	it('Continue On Fail: the failing item becomes an error item, the next one runs', async () => {
		const items = [{ stream: { ...stream, name: '*' } }, publishItem()];
		const out = await run({ resource: 'stream', operation: 'block' }, items, true);
		expect(out[0]).toMatchObject({ error: 'The stream name must be one stream, not "*"' });
		expect(out[1]).toMatchObject({ blocked: true, stream_name: stream.name });
	});
});

describe('Get Many', () => {
	it('blocked streams: zero-based pages of 100 until the total, Return All or a limit, filters', async () => {
		const resume_time = new Date(Date.now() + DAY).toISOString().replace(/\.\d{3}Z$/, 'Z');
		for (let i = 0; i < 150; i++) {
			const app_name = i % 3 ? 'live' : 'other';
			fake.blocks.set(`${stream.domain}/${app_name}/s${i}`, { domain: stream.domain, app_name, stream_name: `s${i}`, resume_time });
		}
		const all = await run({ resource: 'stream', operation: 'getAllBlocked', returnAll: true });
		expect(all).toHaveLength(150);
		expect(all[0]).toEqual({ domain: stream.domain, app_name: 'other', stream_name: 's0', resume_time: expect.any(String) });
		expect(fake.calls.map((c) => c.query)).toEqual([
			{ domain: stream.domain, size: '100', page: '0' },
			{ domain: stream.domain, size: '100', page: '1' },
		]);
		expect(await run({ resource: 'stream', operation: 'getAllBlocked', returnAll: false, limit: 7 })).toHaveLength(7);
		const other = await run({ resource: 'stream', operation: 'getAllBlocked', returnAll: true, filters: { appName: 'other' } });
		expect(other).toHaveLength(50);
	});

	it('online streams: offsets of 100 until the total', async () => {
		for (let i = 0; i < 120; i++) fake.push(stream.domain, 'live', `o${i}`);
		fake.calls.length = 0;
		const all = await run({ resource: 'stream', operation: 'getAll', returnAll: true });
		expect(all).toHaveLength(120);
		expect(fake.calls.map((c) => c.query.offset)).toEqual(['0', '100']);
	});

	it('domains: all, or one type and status', async () => {
		expect((await run({ resource: 'domain', operation: 'getAll', returnAll: true }, [{}])).map((d) => d.domain)).toHaveLength(3);
		const push = await run({ resource: 'domain', operation: 'getAll', returnAll: true, filters: { domainType: 'push', status: 'on' } }, [{}]);
		expect(push.map((d) => d.domain)).toEqual([stream.domain]);
	});

	it('the push-domain dropdown lists push domains that are on', async () => {
		const found = await new HuaweiLive().methods.listSearch.searchPushDomains.call(loadOptionsContext(new HuaweiLive(), credentials()));
		expect(found.results).toEqual([{ name: stream.domain, value: stream.domain }]);
	});

	it('the stream notification accepts a domain picked from the list', async () => {
		const [out] = await run(
			{ resource: 'streamNotification', operation: 'set', domain: { __rl: true, mode: 'list', value: stream.domain }, url: 'https://n8n.example.com/hook' },
			[{}],
		);
		expect(out).toMatchObject({ domain: stream.domain, created: true });
		expect(fake.publish.has(stream.domain)).toBe(true);
	});
});

describe('dispatch', () => {
	it('an unknown resource fails clearly instead of running another resource\'s operation', async () => {
		await expect(run({ resource: 'bogus', operation: 'get' }, [{}])).rejects.toThrow('This node does not support the resource "bogus"');
		expect(fake.requests).toHaveLength(0);
	});

	it.each([['stream'], ['domain'], ['streamNotification'], ['recordCallback']])('an unknown operation of %s fails clearly', async (resource) => {
		await expect(run({ resource, operation: 'explode' }, [{}])).rejects.toThrow(`operation "explode" of resource "${resource}"`);
		expect(fake.requests).toHaveLength(0);
	});
});
