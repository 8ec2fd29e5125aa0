/**
 * Tencent CSS Stream and Domain operations through the node's real `execute()` (n8n-core
 * ExecuteContext) and its list searches, signed by the real `tencentCloudApi` credential, against
 * the loopback CSS fake that checks TC3 itself and keeps online streams, forbidden names and domains.
 */
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { IDataObject, ILoadOptionsFunctions } from 'n8n-workflow';

import { TencentCloudApi } from '../../../credentials/TencentCloudApi.credentials';
import { TencentCss } from '../../../nodes/TencentCss/TencentCss.node';
import { parseTencentCssEvent } from '../../../nodes/TencentCss/events';
import fixtures from '../../fixtures/tencent-css.json';
import { runExecute } from '../../harness/hook';
import { startTencentCssFake } from '../../servers/tencentCssApiFake';
import type { TencentCssFake } from '../../servers/tencentCssApiFake';
import { loadOptionsContext } from './loadOptions';

const SECRET_ID = 'AKIDstreamcontrol0001';
const SECRET_KEY = 'streamControlSecretKeyForTheFake01';
const DAY = 86_400_000;

/** The item a Tencent CSS Trigger emits for the image-moderation callback (317). */
const moderationItem = (): IDataObject => {
	const parsed = parseTencentCssEvent(fixtures.events['moderation.image'] as IDataObject);
	return { event: parsed.event, provider: 'tencent-css', stream: parsed.stream, data: parsed.data } as IDataObject;
};

let fake: TencentCssFake;
beforeEach(async () => {
	fake = await startTencentCssFake({ [SECRET_ID]: SECRET_KEY });
	fake.domains.push(
		{ Name: '5000.myqcloud.com', Type: 0, Status: 1, CreateTime: '2026-01-01 08:00:00' },
		{ Name: 'push.example.com', Type: 0, Status: 1, CreateTime: '2026-01-01 08:00:00' },
		{ Name: 'old-push.example.com', Type: 0, Status: 0, CreateTime: '2026-01-01 08:00:00' },
		{ Name: 'play.example.com', Type: 1, Status: 1, CreateTime: '2026-01-01 08:00:00' },
	);
});
afterEach(async () => {
	await fake.close();
});

const credentials = () => ({
	tencentCloudApi: { type: new TencentCloudApi(), data: { secretId: SECRET_ID, secretKey: SECRET_KEY, endpoint: fake.url, sessionToken: '' } },
});

function run(parameters: IDataObject, items: IDataObject[] = [moderationItem()], continueOnFail = false) {
	return runExecute({ nodeType: new TencentCss(), parameters, credentials: credentials(), continueOnFail }, items);
}

const actionsCalled = () => fake.actions.map((a) => a.action);

describe('trigger item → Stream operations with zero configuration', () => {
	it('the moderation item carries the stream the defaults read', () => {
		expect(moderationItem().stream).toEqual({ domain: '5000.myqcloud.com', app: 'live', name: 'teststream' });
	});

	it('Forbid: cuts the live push, blocks the name for 7 days by default, reports what the stream was', async () => {
		expect(fake.push('5000.myqcloud.com', 'live', 'teststream')).toBe(true);
		const before = Date.now();
		const [out] = await run({ resource: 'stream', operation: 'forbid', reason: 'n8n moderation: porn' });
		expect(out).toMatchObject({
			DomainName: '5000.myqcloud.com',
			AppName: 'live',
			StreamName: 'teststream',
			forbidden: true,
			alreadyForbidden: false,
			wasLive: true,
			previousState: 'active',
			ResumeTime: null,
			Reason: 'n8n moderation: porn',
			RequestId: expect.stringMatching(/^req-/),
		});
		expect(actionsCalled()).toEqual(['DescribeLiveStreamState', 'ForbidLiveStream']);
		expect(fake.actions[1].body).toEqual({ DomainName: '5000.myqcloud.com', AppName: 'live', StreamName: 'teststream', Reason: 'n8n moderation: porn' });
		expect(fake.online.size).toBe(0);
		const block = fake.forbidden.get('teststream')!;
		expect(Date.parse(block.ResumeTime) - before).toBeGreaterThan(7 * DAY - 60_000);
		expect(Date.parse(block.ResumeTime) - before).toBeLessThan(7 * DAY + 60_000);
		expect(fake.push('5000.myqcloud.com', 'live', 'teststream')).toBe(false);
	});

	it('Forbid again: success with alreadyForbidden: true, and the new resume time replaces the old one', async () => {
		await run({ resource: 'stream', operation: 'forbid' });
		const resumeTime = new Date(Date.now() + 2 * DAY).toISOString().replace(/\.\d{3}Z$/, 'Z');
		const [out] = await run({ resource: 'stream', operation: 'forbid', resumeTime });
		expect(out).toMatchObject({ forbidden: true, alreadyForbidden: true, previousState: 'forbid', ResumeTime: resumeTime });
		expect(fake.forbidden.get('teststream')?.ResumeTime).toBe(resumeTime);
	});

	it('Drop: cuts the push; the publisher may push again; a stream that is not live answers wasLive: false', async () => {
		fake.push('5000.myqcloud.com', 'live', 'teststream');
		const [first] = await run({ resource: 'stream', operation: 'drop' });
		expect(first).toMatchObject({ dropped: true, wasLive: true, previousState: 'active' });
		expect(fake.online.size).toBe(0);
		expect(fake.forbidden.size).toBe(0);
		const [again] = await run({ resource: 'stream', operation: 'drop' });
		expect(again).toMatchObject({ dropped: true, wasLive: false, previousState: 'inactive' });
		expect(fake.push('5000.myqcloud.com', 'live', 'teststream')).toBe(true);
	});

	it('Resume: lifts the block; resuming a stream that is not forbidden answers wasForbidden: false', async () => {
		await run({ resource: 'stream', operation: 'forbid' });
		const [out] = await run({ resource: 'stream', operation: 'resume' });
		expect(out).toMatchObject({ resumed: true, wasForbidden: true, previousState: 'forbid' });
		expect(fake.forbidden.size).toBe(0);
		expect(fake.push('5000.myqcloud.com', 'live', 'teststream')).toBe(true);
		const [again] = await run({ resource: 'stream', operation: 'resume' });
		expect(again).toMatchObject({ resumed: true, wasForbidden: false, previousState: 'active' });
	});

	it('Get State: active, forbid, inactive', async () => {
		fake.push('5000.myqcloud.com', 'live', 'teststream');
		expect((await run({ resource: 'stream', operation: 'getState' }))[0]).toMatchObject({ StreamState: 'active', live: true, forbidden: false });
		await run({ resource: 'stream', operation: 'forbid' });
		expect((await run({ resource: 'stream', operation: 'getState' }))[0]).toMatchObject({ StreamState: 'forbid', live: false, forbidden: true });
		await run({ resource: 'stream', operation: 'resume' });
		expect((await run({ resource: 'stream', operation: 'getState' }))[0]).toMatchObject({ StreamState: 'inactive', live: false });
	});

	it('a Forbid matches the stream name alone, as Tencent documents', async () => {
		fake.push('push.example.com', 'other', 'teststream');
		await run({ resource: 'stream', operation: 'forbid' });
		expect(fake.online.size).toBe(0);
		expect(fake.push('push.example.com', 'other', 'teststream')).toBe(false);
	});

	it('fields set by hand win over the item, and the domain accepts a list pick', async () => {
		const [out] = await run(
			{ resource: 'stream', operation: 'getState', pushDomain: { __rl: true, mode: 'list', value: 'push.example.com' }, streamApp: 'live', streamName: 'other' },
			[{}],
		);
		expect(out).toMatchObject({ DomainName: 'push.example.com', AppName: 'live', StreamName: 'other', StreamState: 'inactive' });
	});

	it('one call per item, each answer paired with its item', async () => {
		const items = ['a', 'b', 'c'].map((name) => ({ stream: { domain: 'push.example.com', app: 'live', name } }));
		const out = await run({ resource: 'stream', operation: 'forbid' }, items);
		expect(out.map((o) => o.StreamName)).toEqual(['a', 'b', 'c']);
		expect([...fake.forbidden.keys()]).toEqual(['a', 'b', 'c']);
	});
});

describe('checks before calling Tencent', () => {
	it('an item without a stream names the missing field and calls nothing', async () => {
		const attempt = run({ resource: 'stream', operation: 'forbid' }, [{ event: 'room.created' }]);
		await expect(attempt).rejects.toThrow(NodeOperationError);
		await expect(run({ resource: 'stream', operation: 'forbid' }, [{}])).rejects.toThrow('Push Domain is empty');
		expect(fake.requests).toHaveLength(0);
	});

	it.each([
		['yesterday', new Date(Date.now() - DAY).toISOString(), /not in the future/],
		['91 days ahead', new Date(Date.now() + 91 * DAY).toISOString(), /more than 90 days ahead/],
		['not a date', 'next tuesday', /is not a date and time/],
	])('a resume time %s is refused', async (_label, resumeTime, message) => {
		await expect(run({ resource: 'stream', operation: 'forbid', resumeTime })).rejects.toThrow(message);
		expect(fake.requests).toHaveLength(0);
	});

	it('a resume time without a zone is read as UTC and sent without milliseconds', async () => {
		const local = new Date(Date.now() + 3 * DAY).toISOString().slice(0, 19);
		const [out] = await run({ resource: 'stream', operation: 'forbid', resumeTime: local });
		expect(out.ResumeTime).toBe(`${local}Z`);
		expect(fake.actions.at(-1)?.body.ResumeTime).toBe(`${local}Z`);
	});

	it('a reason over 2048 bytes is refused (bytes, not characters)', async () => {
		await expect(run({ resource: 'stream', operation: 'forbid', reason: 'é'.repeat(1025) })).rejects.toThrow(/2050 bytes/);
		const [ok] = await run({ resource: 'stream', operation: 'forbid', reason: 'é'.repeat(1024) });
		expect(ok.forbidden).toBe(true);
	});
});

describe('provider errors', () => {
	it('become NodeApiError with the code, the message and a hint', async () => {
		fake.failNext('ForbidLiveStream', 'UnauthorizedOperation', 'CAM signature/authentication error.');
		const attempt = run({ resource: 'stream', operation: 'forbid' });
		await expect(attempt).rejects.toThrow(NodeApiError);
		await expect(attempt).rejects.toMatchObject({
			message: 'Tencent Cloud error UnauthorizedOperation: CAM signature/authentication error.',
			description: expect.stringContaining('Permission denied'),
		});
	});

	it('a write is not retried, even on a rate limit', async () => {
		fake.failNext('DropLiveStream', 'RequestLimitExceeded', 'Too many requests.');
		await expect(run({ resource: 'stream', operation: 'drop' })).rejects.toMatchObject({
			description: expect.stringContaining('try again in a moment'),
		});
		expect(fake.requests.filter((r) => r.headers['x-tc-action'] === 'DropLiveStream')).toHaveLength(1);
	});

	it('a read is retried on a rate limit and then succeeds', async () => {
		fake.failNext('DescribeLiveStreamState', 'RequestLimitExceeded', 'Too many requests.');
		const [out] = await run({ resource: 'stream', operation: 'getState' });
		expect(out.StreamState).toBe('inactive');
		expect(fake.requests.filter((r) => r.headers['x-tc-action'] === 'DescribeLiveStreamState')).toHaveLength(2);
	});

	it('a read is not retried on a permanent error', async () => {
		fake.failNext('DescribeLiveStreamState', 'ResourceNotFound.UserNotExist', 'CSS not activated.');
		await expect(run({ resource: 'stream', operation: 'getState' })).rejects.toMatchObject({
			description: expect.stringContaining('not activated'),
		});
		expect(fake.requests).toHaveLength(1);
	});

	it('when the state cannot be read the write still happens and previousState is null', async () => {
		fake.failNext('DescribeLiveStreamState', 'UnauthorizedOperation', 'not allowed');
		const [out] = await run({ resource: 'stream', operation: 'forbid' });
		expect(out).toMatchObject({ forbidden: true, alreadyForbidden: null, previousState: null });
		expect(fake.forbidden.has('teststream')).toBe(true);
	});

	it('Continue On Fail: the failing item becomes an error item, the others run', async () => {
		fake.failNext('ForbidLiveStream', 'InternalError.StreamStatusError', 'abnormal stream');
		const items = ['a', 'b'].map((name) => ({ stream: { domain: 'push.example.com', app: 'live', name } }));
		const out = await run({ resource: 'stream', operation: 'forbid' }, items, true);
		expect(out[0]).toEqual({
			error: 'Tencent Cloud error InternalError.StreamStatusError: abnormal stream',
			description: expect.stringContaining('Get State'),
		});
		expect(out[1]).toMatchObject({ StreamName: 'b', forbidden: true });
	});
});

describe('Get Many', () => {
	it('online streams: every page with Return All (100 a page), a limit otherwise, and filters', async () => {
		for (let i = 0; i < 230; i++) fake.push(i % 2 ? 'push.example.com' : '5000.myqcloud.com', 'live', `s${i}`);
		const all = await run({ resource: 'stream', operation: 'getAll', returnAll: true }, [{}]);
		expect(all).toHaveLength(230);
		expect(new Set(all.map((s) => s.StreamName)).size).toBe(230);
		expect(fake.actions.map((a) => a.body)).toEqual([
			{ PageNum: 1, PageSize: 100 },
			{ PageNum: 2, PageSize: 100 },
			{ PageNum: 3, PageSize: 100 },
		]);
		const some = await run({ resource: 'stream', operation: 'getAll', returnAll: false, limit: 5 }, [{}]);
		expect(some).toHaveLength(5);
		const filtered = await run(
			{ resource: 'stream', operation: 'getAll', returnAll: true, filters: { pushDomain: 'push.example.com', streamName: 's7' } },
			[{}],
		);
		expect(filtered).toEqual([expect.objectContaining({ DomainName: 'push.example.com', StreamName: 's7', AppName: 'live' })]);
	});

	it('domains: filters by type and status; an empty answer is an empty list', async () => {
		const push = await run({ resource: 'domain', operation: 'getAll', returnAll: true, filters: { domainType: 'push', domainStatus: 'enabled' } }, [{}]);
		expect(push.map((d) => d.Name)).toEqual(['5000.myqcloud.com', 'push.example.com']);
		expect(fake.actions.at(-1)?.body).toEqual({ DomainType: 0, DomainStatus: 1, PageNum: 1, PageSize: 100 });
		const all = await run({ resource: 'domain', operation: 'getAll', returnAll: true }, [{}]);
		expect(all).toHaveLength(4);
		const none = await run({ resource: 'domain', operation: 'getAll', returnAll: true, filters: { domainPrefix: 'nothing' } }, [{}]);
		expect(none).toEqual([]);
	});
});

describe('list searches (resource locators)', () => {
	const ctx = (): ILoadOptionsFunctions => loadOptionsContext(new TencentCss(), credentials());

	it('push domains: enabled push domains only, filtered by the typed text', async () => {
		const node = new TencentCss();
		const all = await node.methods.listSearch.searchPushDomains.call(ctx());
		expect(all.results.map((r) => r.value)).toEqual(['5000.myqcloud.com', 'push.example.com']);
		const some = await node.methods.listSearch.searchPushDomains.call(ctx(), 'EXAMPLE');
		expect(some.results).toEqual([{ name: 'push.example.com', value: 'push.example.com' }]);
	});

	it('templates: name and ID, the ID as the value', async () => {
		await run({ resource: 'callbackTemplate', operation: 'create', templateName: 'hooks', callbackUrl: 'https://n8n.example.com/h', events: ['streamBegin'] }, [{}]);
		const node = new TencentCss();
		const found = await node.methods.listSearch.searchTemplates.call(ctx());
		expect(found.results).toEqual([{ name: 'hooks (1000)', value: '1000', description: undefined }]);
		const [got] = await run({ resource: 'callbackTemplate', operation: 'get', templateId: { __rl: true, mode: 'list', value: '1000' } }, [{}]);
		expect(got.TemplateName).toBe('hooks');
	});
});

describe('dispatch', () => {
	it('an unknown resource fails clearly instead of running another resource\'s operation', async () => {
		await expect(run({ resource: 'bogus', operation: 'create' }, [{}])).rejects.toThrow('This node does not support the resource "bogus"');
		expect(fake.requests).toHaveLength(0);
	});

	it.each([['stream'], ['domain'], ['callbackTemplate'], ['callbackRule']])('an unknown operation of %s fails clearly', async (resource) => {
		await expect(run({ resource, operation: 'explode' }, [{}])).rejects.toThrow(`operation "explode" of resource "${resource}"`);
		expect(fake.requests).toHaveLength(0);
	});
});
