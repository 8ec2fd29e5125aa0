/**
 * Sigma Livestream Channel › Stop, Stop and Delete, Update through the node's real `execute()`
 * (n8n-core ExecuteContext, now the shared per-item loop of core/execute.ts), against the fake
 * Sigma API server that checks HTTP Basic itself and keeps channels.
 */
import type { IDataObject } from 'n8n-workflow';

import { SigmaLiveApi } from '../../../credentials/SigmaLiveApi.credentials';
import { SigmaLive } from '../../../nodes/SigmaLive/SigmaLive.node';
import { parseSigmaLiveEvent } from '../../../nodes/SigmaLive/events';
import fixtures from '../../fixtures/sigma-live.json';
import { runExecute } from '../../harness/hook';
import { FakeSigmaApi } from '../../servers/sigmaLiveApiFake';

/** The item a Sigma Livestream Trigger emits for channel_live. */
const liveItem = (): IDataObject => {
	const parsed = parseSigmaLiveEvent(fixtures.events['stream.started'] as IDataObject);
	return { event: parsed.event, provider: 'sigma-live', stream: parsed.stream, data: parsed.data } as IDataObject;
};
const channelId = () => String((liveItem().stream as IDataObject).name);

let api: FakeSigmaApi;
beforeEach(async () => {
	api = new FakeSigmaApi({ channels: [{ id: channelId(), name: 'Morning', status: 'live', tags: [] }, { id: 'c2', name: 'Evening', status: 'init' }] });
	await api.start();
});
afterEach(async () => {
	await api.stop();
});

function run(parameters: IDataObject, items: IDataObject[] = [liveItem()], continueOnFail = false) {
	return runExecute(
		{ nodeType: new SigmaLive(), parameters, credentials: { sigmaLiveApi: { type: new SigmaLiveApi(), data: api.credentials } }, continueOnFail },
		items,
	);
}

describe('trigger item → Channel operations with zero configuration', () => {
	it('Stop: the live channel of the item ends and refuses pushes; stopping again still succeeds', async () => {
		const [out] = await run({ resource: 'channel', operation: 'stop' });
		expect(out).toEqual({ id: channelId(), stopped: true, deleted: false, alreadyGone: false, previousStatus: 'live', wasLive: true });
		expect(api.requests.map((r) => `${r.method} ${r.path}`)).toEqual([`GET /livestream/live/${channelId()}`, `DELETE /livestream/live/${channelId()}`]);
		expect(api.requests[1].query).toEqual({ delete: 'false' });
		expect(api.channels.get(channelId())?.status).toBe('ended');
		expect(api.canPush(channelId())).toBe(false);
		const [again] = await run({ resource: 'channel', operation: 'stop' });
		expect(again).toMatchObject({ stopped: true, alreadyGone: false, previousStatus: 'ended', wasLive: false });
	});

	it('Stop and Delete: the channel is gone; a second one answers alreadyGone: true', async () => {
		const [out] = await run({ resource: 'channel', operation: 'stopAndDelete' });
		expect(out).toMatchObject({ stopped: true, deleted: true, alreadyGone: false, wasLive: true });
		expect(api.requests.at(-1)?.query).toEqual({ delete: 'true' });
		expect(api.channels.has(channelId())).toBe(false);
		const [again] = await run({ resource: 'channel', operation: 'stopAndDelete' });
		expect(again).toEqual({ id: channelId(), stopped: true, deleted: false, alreadyGone: true, previousStatus: null, wasLive: null });
	});

	it('Update: name, description, catch-up and tags (a comma text)', async () => {
		const [out] = await run({
			resource: 'channel',
			operation: 'update',
			updateFields: { name: 'Moderated', description: 'under review', catchup: false, tags: 'news, review' },
		});
		expect(api.requests[0]).toMatchObject({ method: 'PUT', body: { name: 'Moderated', description: 'under review', catchup: false, tags: 'news,review' } });
		expect(out).toMatchObject({ id: channelId(), name: 'Moderated', catchup: false, tags: ['news', 'review'], updated: true });
		await expect(run({ resource: 'channel', operation: 'update', updateFields: {} })).rejects.toThrow('Nothing to update');
	});

	it('Update of an unknown channel: NodeApiError with Sigma\'s msg', async () => {
		await expect(run({ resource: 'channel', operation: 'update', updateFields: { name: 'x' } }, [{ stream: { name: 'nope' } }])).rejects.toMatchObject({
			name: 'NodeApiError',
			message: 'Sigma API: Channel not found (HTTP 404)',
		});
	});

	it('an item without a stream names the missing channel ID', async () => {
		await expect(run({ resource: 'channel', operation: 'stop' }, [{}])).rejects.toThrow('Channel ID is empty');
		expect(api.requests).toHaveLength(0);
	});

	it('when the channel cannot be read first, Stop still happens and previousStatus is null', async () => {
		api.failNext = { status: 500, ec: 500, msg: 'internal' };
		const [out] = await run({ resource: 'channel', operation: 'stop' }, [{ stream: { name: 'c2' } }]);
		expect(out).toEqual({ id: 'c2', stopped: true, deleted: false, alreadyGone: false, previousStatus: null, wasLive: null });
		expect(api.channels.get('c2')?.status).toBe('ended');
	});

	it('a refusal other than 404 is an error; with Continue On Fail an error item, the channel untouched', async () => {
		const out = await runExecute(
			{
				nodeType: new SigmaLive(),
				parameters: { resource: 'channel', operation: 'stop' },
				credentials: { sigmaLiveApi: { type: new SigmaLiveApi(), data: { ...api.credentials, tokenSecret: 'wrong' } } },
				continueOnFail: true,
			},
			[liveItem()],
		);
		expect(out).toEqual([{ error: 'Sigma API: Unauthorized (HTTP 401)', description: expect.stringContaining('DELETE') }]);
		expect(api.channels.get(channelId())?.status).toBe('live');
	});
});

describe('dispatch and the shared per-item loop', () => {
	it('one result per item, paired in order', async () => {
		const out = await run({ resource: 'channel', operation: 'stop' }, [liveItem(), { stream: { name: 'c2' } }]);
		expect(out.map((o) => o.id)).toEqual([channelId(), 'c2']);
	});

	it('an unknown resource fails clearly instead of running another resource\'s operation', async () => {
		await expect(run({ resource: 'bogus', operation: 'stop' })).rejects.toThrow('This node does not support the resource "bogus"');
		expect(api.requests).toHaveLength(0);
	});

	it.each([['channel'], ['webhook']])('an unknown operation of %s fails clearly', async (resource) => {
		await expect(run({ resource, operation: 'explode' })).rejects.toThrow(`operation "explode" of resource "${resource}"`);
		expect(api.requests).toHaveLength(0);
	});

	it('errors carry the item index (Continue On Fail off)', async () => {
		await expect(run({ resource: 'channel', operation: 'update', updateFields: { name: 'x' } }, [liveItem(), { stream: { name: 'nope' } }])).rejects.toMatchObject({
			context: expect.objectContaining({ itemIndex: 1 }),
		});
	});
});
