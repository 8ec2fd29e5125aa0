/**
 * The Sigma Livestream action node's execute() in n8n-core's real ExecuteContext, every request
 * through n8n's authenticated request helper to the fake Sigma API on 127.0.0.1.
 */
import type { IDataObject } from 'n8n-workflow';

import { SigmaLiveApi } from '../../../credentials/SigmaLiveApi.credentials';
import { SigmaLive } from '../../../nodes/SigmaLive/SigmaLive.node';
import fixtures from '../../fixtures/sigma-live.json';
import { runExecute } from '../../harness/hook';
import { ALL_EVENTS, FakeSigmaApi } from '../../servers/sigmaLiveApiFake';
import type { FakeSigmaOptions } from '../../servers/sigmaLiveApiFake';

const node = new SigmaLive();
const channel = { ...(fixtures.events['stream.ended'] as IDataObject) };
delete channel.event;
delete channel.eventTime;

let api: FakeSigmaApi;

async function startApi(options: FakeSigmaOptions = {}) {
	api = new FakeSigmaApi({ channels: [channel, { id: 'c2', name: 'Evening', status: 'init' }], ...options });
	await api.start();
}

beforeEach(async () => {
	await startApi();
});

afterEach(async () => {
	await api.stop();
});

function run(parameters: IDataObject, options: { items?: IDataObject[]; continueOnFail?: boolean; credentials?: IDataObject } = {}) {
	return runExecute(
		{
			nodeType: node,
			parameters,
			credentials: {
				sigmaLiveApi: { type: new SigmaLiveApi(), data: { ...api.credentials, ...(options.credentials ?? {}) } },
			},
			continueOnFail: options.continueOnFail,
		},
		options.items,
	);
}

describe('Sigma Livestream node: description', () => {
	test('is an action node usable as a tool, with the credential required', () => {
		expect(node.description.usableAsTool).toBe(true);
		expect(node.description.credentials).toEqual([{ name: 'sigmaLiveApi', required: true }]);
	});
});

describe('Sigma Livestream node: webhooks', () => {
	test('create: POST /v1/webhook with the URL and the selected events', async () => {
		const out = await run({
			resource: 'webhook',
			operation: 'create',
			uri: 'https://hooks.example.com/sigma',
			events: ['channel_live', 'channel_ended'],
		});
		expect(out).toEqual([{ id: 'wh_1', uri: 'https://hooks.example.com/sigma', event: ['channel_ended', 'channel_live'] }]);
		expect(api.webhooks.get('wh_1')).toEqual({ id: 'wh_1', uri: 'https://hooks.example.com/sigma', event: ['channel_live', 'channel_ended'] });
		expect(api.requests[0]).toMatchObject({
			method: 'POST',
			body: { uri: 'https://hooks.example.com/sigma', event: 'channel_live,channel_ended' },
			authorized: true,
		});
	});

	test('create with no events subscribes to all', async () => {
		const out = await run({ resource: 'webhook', operation: 'create', uri: 'https://hooks.example.com/a', events: [] });
		expect(out[0].event).toEqual(['all']);
		expect(api.requests[0].body).toEqual({ uri: 'https://hooks.example.com/a', event: 'all' });
	});

	test('create with an empty URL fails before any request', async () => {
		await expect(run({ resource: 'webhook', operation: 'create', uri: '  ', events: [] })).rejects.toMatchObject({
			name: 'NodeOperationError',
			message: 'The parameter "uri" must not be empty',
		});
		expect(api.requests).toHaveLength(0);
	});

	test('create refused by Sigma surfaces its msg', async () => {
		await expect(
			run({ resource: 'webhook', operation: 'create', uri: 'not a url', events: [] }),
		).rejects.toMatchObject({ name: 'NodeApiError', message: 'Sigma API: Wrong param (HTTP 422)', httpCode: '422' });
	});

	test('get many: one page with page and length, and the event filter', async () => {
		for (let i = 0; i < 7; i++) api.seed(`https://h.example.com/${i}`, i % 2 === 0 ? ['channel_live'] : ['channel_stop']);
		const page1 = await run({ resource: 'webhook', operation: 'getAll', returnAll: false, page: 1, length: 2 });
		expect(page1.map((w) => w.uri)).toEqual(['https://h.example.com/2', 'https://h.example.com/3']);
		expect(api.requests[0].query).toEqual({ page: '1', length: '2' });
		const live = await run({
			resource: 'webhook',
			operation: 'getAll',
			returnAll: false,
			page: 0,
			length: 100,
			filters: { events: ['channel_live'] },
		});
		expect(live.map((w) => w.uri)).toEqual([0, 2, 4, 6].map((i) => `https://h.example.com/${i}`));
		expect(api.requests[1].query).toEqual({ page: '0', length: '100', event: 'channel_live' });
	});

	test('get many with return all pages through everything, 100 at a time', async () => {
		for (let i = 0; i < 250; i++) api.seed(`https://h.example.com/${i}`);
		const out = await run({ resource: 'webhook', operation: 'getAll', returnAll: true });
		expect(out).toHaveLength(250);
		expect(new Set(out.map((w) => w.id)).size).toBe(250);
		expect(api.requests.map((r) => r.query.page)).toEqual(['0', '1', '2']);
	});

	test('get many with a limit above 100 is refused', async () => {
		await expect(
			run({ resource: 'webhook', operation: 'getAll', returnAll: false, page: 0, length: 101 }),
		).rejects.toMatchObject({ message: 'Limit must be between 1 and 100' });
		expect(api.requests).toHaveLength(0);
	});

	test('update: PUT /v1/webhook/{id}', async () => {
		const webhook = api.seed('https://old.example.com');
		const out = await run({
			resource: 'webhook',
			operation: 'update',
			webhookId: webhook.id,
			uri: 'https://new.example.com',
			events: ['channel_stop'],
		});
		expect(out).toEqual([{ id: webhook.id, uri: 'https://new.example.com', event: ['channel_stop'] }]);
		expect(api.webhooks.get(webhook.id)).toMatchObject({ uri: 'https://new.example.com', event: ['channel_stop'] });
	});

	test('update of an unknown webhook: 404 with Sigma\'s msg', async () => {
		await expect(
			run({ resource: 'webhook', operation: 'update', webhookId: 'nope', uri: 'https://x.example.com', events: [] }),
		).rejects.toMatchObject({ name: 'NodeApiError', message: 'Sigma API: Webhook not found (HTTP 404)', httpCode: '404' });
	});

	test('delete: the whole webhook', async () => {
		const webhook = api.seed('https://h.example.com');
		const out = await run({ resource: 'webhook', operation: 'delete', webhookId: webhook.id, removeEvents: [] });
		expect(out).toEqual([{ id: webhook.id, deleted: true, removedEvents: [] }]);
		expect(api.webhooks.size).toBe(0);
		// The documented call, naming every event the webhook has, then a list that confirms it is gone.
		expect(api.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
			'GET /v1/webhook',
			`GET /v1/webhook/${webhook.id}`,
			'GET /v1/webhook',
		]);
		expect(api.requests[1].query).toEqual({ event: 'channel_live,channel_stop,channel_ended' });
	});

	test('delete only some events keeps the webhook for the others', async () => {
		const webhook = api.seed('https://h.example.com', [...ALL_EVENTS]);
		const out = await run({
			resource: 'webhook',
			operation: 'delete',
			webhookId: webhook.id,
			removeEvents: ['channel_stop', 'channel_ended'],
		});
		expect(out).toEqual([{ id: webhook.id, deleted: false, removedEvents: ['channel_stop', 'channel_ended'] }]);
		expect(api.webhooks.get(webhook.id)?.event).toEqual(['channel_live']);
		expect(api.requests.find((r) => r.path === `/v1/webhook/${webhook.id}`)?.query).toEqual({
			event: 'channel_stop,channel_ended',
		});
	});

	test('delete on a server that answers the documented call but keeps the webhook fails clearly', async () => {
		await api.stop();
		await startApi({ deletesNothing: true });
		const webhook = api.seed('https://h.example.com');
		await expect(
			run({ resource: 'webhook', operation: 'delete', webhookId: webhook.id, removeEvents: [] }),
		).rejects.toMatchObject({ name: 'NodeOperationError', message: `Sigma still lists webhook "${webhook.id}" after the delete call` });
		expect(api.requests.some((r) => r.method === 'DELETE')).toBe(false);
	});

	test('delete of an unknown webhook fails clearly', async () => {
		await expect(
			run({ resource: 'webhook', operation: 'delete', webhookId: 'nope', removeEvents: [] }),
		).rejects.toMatchObject({ name: 'NodeOperationError', message: 'Sigma has no webhook with ID "nope"' });
	});

	test('bare (non-envelope) answers are accepted', async () => {
		await api.stop();
		await startApi({ envelope: false });
		api.seed('https://h.example.com/bare');
		const out = await run({ resource: 'webhook', operation: 'getAll', returnAll: true });
		expect(out.map((w) => w.uri)).toEqual(['https://h.example.com/bare']);
	});

	test('one result per input item', async () => {
		const out = await run(
			{ resource: 'webhook', operation: 'create', uri: 'https://h.example.com/x', events: [] },
			{ items: [{}, {}] },
		);
		expect(out).toHaveLength(2);
		expect(api.webhooks.size).toBe(2);
	});

	test('continue on fail: the error becomes an item and the other items still run', async () => {
		const webhook = api.seed('https://h.example.com');
		const out = await runExecute(
			{
				nodeType: node,
				parameters: { resource: 'webhook', operation: 'delete', webhookId: '={{ $json.id }}', removeEvents: [] },
				credentials: { sigmaLiveApi: { type: new SigmaLiveApi(), data: api.credentials } },
				continueOnFail: true,
			},
			[{ id: 'nope' }, { id: webhook.id }],
		);
		expect(out).toEqual([
			{ error: 'Sigma has no webhook with ID "nope"' },
			{ id: webhook.id, deleted: true, removedEvents: [] },
		]);
	});

	test('wrong credentials: NodeApiError with Sigma\'s msg', async () => {
		await expect(
			run({ resource: 'webhook', operation: 'getAll', returnAll: true }, { credentials: { tokenId: 'other' } }),
		).rejects.toMatchObject({ name: 'NodeApiError', message: 'Sigma API: Unauthorized (HTTP 401)' });
	});
});

describe('Sigma Livestream node: channels', () => {
	test('get: the channel as Sigma sends it plus the typed fields of the trigger\'s data', async () => {
		const [out] = await run({ resource: 'channel', operation: 'get', channelId: channel.id });
		expect(out).toMatchObject({
			id: '6540f1c2a9b3e2001f3c1a77',
			channelId: '6540f1c2a9b3e2001f3c1a77',
			status: 'ended',
			duration: 1800,
			stopTime: '2026-11-22T10:30:00.000Z',
			recordUrl: ['http://domain-cdn/6540f1c2a9b3e2001f3c1a77/record.mp4'],
		});
		expect(api.requests[0]).toMatchObject({ method: 'GET', path: '/livestream/live/6540f1c2a9b3e2001f3c1a77' });
	});

	test('get of an unknown channel: 404 with Sigma\'s msg', async () => {
		await expect(run({ resource: 'channel', operation: 'get', channelId: 'nope' })).rejects.toMatchObject({
			name: 'NodeApiError',
			message: 'Sigma API: Channel not found (HTTP 404)',
		});
	});

	test('get many: one page, and return all', async () => {
		const page = await run({ resource: 'channel', operation: 'getAll', returnAll: false, page: 0, length: 1 });
		expect(page.map((c) => c.id)).toEqual(['6540f1c2a9b3e2001f3c1a77']);
		expect(api.requests[0]).toMatchObject({ path: '/livestream/live', query: { page: '0', length: '1' } });
		const all = await run({ resource: 'channel', operation: 'getAll', returnAll: true });
		expect(all.map((c) => c.id)).toEqual(['6540f1c2a9b3e2001f3c1a77', 'c2']);
	});
});
