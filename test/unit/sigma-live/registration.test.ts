/**
 * The trigger's webhookMethods in n8n-core's real HookContext, with every request going through
 * n8n's authenticated request helper to the fake Sigma API on 127.0.0.1.
 */
import type { IDataObject } from 'n8n-workflow';

import { SigmaLiveApi } from '../../../credentials/SigmaLiveApi.credentials';
import { SigmaLiveTrigger } from '../../../nodes/SigmaLive/SigmaLiveTrigger.node';
import { buildCallbackRequest } from '../../../nodes/SigmaLive/simulator';
import fixtures from '../../fixtures/sigma-live.json';
import { runHook, WEBHOOK_BASE_URL, WEBHOOK_TEST_BASE_URL } from '../../harness/hook';
import type { NodeSetup } from '../../harness/hook';
import { callWebhook } from '../../harness/webhook';
import { ALL_EVENTS, FakeSigmaApi } from '../../servers/sigmaLiveApiFake';

const trigger = new SigmaLiveTrigger();
const PROD_URL = `${WEBHOOK_BASE_URL}/webhook-1/webhook`;
const TEST_URL = `${WEBHOOK_TEST_BASE_URL}/webhook-1/webhook`;
const NODE_KEY = 'node:Sigma Livestream Trigger';

let api: FakeSigmaApi;

beforeEach(async () => {
	api = new FakeSigmaApi();
	await api.start();
});

afterEach(async () => {
	await api.stop();
});

/** One workflow: its static data persists between calls, as n8n saves it. */
function workflowSetup(parameters: IDataObject = { registerWebhook: true, events: ['*'] }, credentials = api.credentials) {
	const staticData: IDataObject = {};
	const setup: NodeSetup = {
		nodeType: trigger,
		parameters,
		credentials: { sigmaLiveApi: { type: new SigmaLiveApi(), data: credentials } },
		staticData,
	};
	return { setup, staticData, nodeData: () => (staticData[NODE_KEY] ?? {}) as IDataObject };
}

/** What n8n does on activation: checkExists, then create only when it returned false. */
async function activate(setup: NodeSetup, isTest = false): Promise<boolean> {
	const exists = await runHook(setup, 'checkExists', { isTest });
	if (exists.result) return false;
	const created = await runHook(setup, 'create', { isTest });
	expect(created.result).toBe(true);
	return true;
}

const remote = () => [...api.webhooks.values()];

describe('Sigma Livestream Trigger: webhook registration', () => {
	test('activation registers one webhook: our production URL with a secret token, all events', async () => {
		const { setup, nodeData } = workflowSetup();
		expect(await activate(setup)).toBe(true);
		expect(remote()).toHaveLength(1);
		const [webhook] = remote();
		const token = nodeData().urlToken as string;
		expect(token).toMatch(/^[0-9a-f]{48}$/);
		expect(webhook.uri).toBe(`${PROD_URL}?token=${token}`);
		expect(webhook.event).toEqual(ALL_EVENTS);
		expect(nodeData()).toMatchObject({ webhookId: webhook.id, webhookUri: webhook.uri });
		const create = api.requests.find((r) => r.method === 'POST');
		expect(create).toMatchObject({ path: '/v1/webhook', body: { uri: webhook.uri, event: 'all' }, authorized: true });
	});

	test('selected events are registered at the source', async () => {
		const { setup } = workflowSetup({ registerWebhook: true, events: ['stream.ended', 'stream.started'] });
		await activate(setup);
		expect(remote()[0].event).toEqual(['channel_ended', 'channel_live']);
		expect(api.requests.find((r) => r.method === 'POST')?.body).toMatchObject({ event: 'channel_ended,channel_live' });
	});

	test('a second activation (restart) finds the webhook and creates nothing', async () => {
		const { setup, nodeData } = workflowSetup();
		await activate(setup);
		const before = { ...nodeData() };
		expect(await activate(setup)).toBe(false);
		expect(remote()).toHaveLength(1);
		expect(nodeData()).toMatchObject({ webhookId: before.webhookId, urlToken: before.urlToken });
		expect(api.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
	});

	test('lost static data: the existing webhook and its token are adopted, no duplicate', async () => {
		const first = workflowSetup();
		await activate(first.setup);
		const token = first.nodeData().urlToken;
		const fresh = workflowSetup();
		expect(await activate(fresh.setup)).toBe(false);
		expect(remote()).toHaveLength(1);
		expect(fresh.nodeData()).toMatchObject({ webhookId: remote()[0].id, urlToken: token });
	});

	test('deactivation deletes the webhook and forgets it', async () => {
		const { setup, nodeData } = workflowSetup();
		await activate(setup);
		const { result } = await runHook(setup, 'delete');
		expect(result).toBe(true);
		expect(remote()).toHaveLength(0);
		expect(nodeData()).toEqual({});
		expect(api.requests.at(-1)).toMatchObject({ method: 'DELETE', path: `/v1/webhook/${'wh_1'}` });
	});

	test('deactivation with lost static data still deletes the webhooks of our URL, and only those', async () => {
		const other = api.seed('https://other.example.com/hook');
		const { setup } = workflowSetup();
		await activate(setup);
		const fresh = workflowSetup();
		const { result } = await runHook(fresh.setup, 'delete');
		expect(result).toBe(true);
		expect(remote()).toEqual([other]);
	});

	test('deletion falls back to the documented GET …/{id} when DELETE is not offered', async () => {
		await api.stop();
		api = new FakeSigmaApi({ deleteVerbs: 'GET' });
		await api.start();
		const { setup } = workflowSetup();
		await activate(setup);
		await runHook(setup, 'delete');
		expect(remote()).toHaveLength(0);
		expect(api.requests.slice(-2).map((r) => r.method)).toEqual(['DELETE', 'GET']);
	});

	test('a webhook already deleted on the Sigma side: delete succeeds (404 = gone)', async () => {
		const { setup, nodeData } = workflowSetup();
		await activate(setup);
		api.webhooks.clear();
		const { result, logs } = await runHook(setup, 'delete');
		expect(result).toBe(true);
		expect(nodeData()).toEqual({});
		expect(logs.some((l) => l.message.includes('already gone'))).toBe(true);
	});

	test('a webhook deleted by hand: checkExists is false and activation re-creates it', async () => {
		const { setup, nodeData } = workflowSetup();
		await activate(setup);
		api.webhooks.clear();
		const check = await runHook(setup, 'checkExists');
		expect(check.result).toBe(false);
		expect(nodeData().webhookId).toBeUndefined();
		await runHook(setup, 'create');
		expect(remote()).toHaveLength(1);
		expect(remote()[0].uri).toBe(`${PROD_URL}?token=${nodeData().urlToken as string}`);
		expect(nodeData().webhookId).toBe(remote()[0].id);
	});

	test('checkExists pages through more than 100 webhooks to find ours', async () => {
		for (let i = 0; i < 230; i++) api.seed(`https://other.example.com/hook/${i}`);
		const { setup, nodeData } = workflowSetup();
		await activate(setup);
		const ours = remote().filter((w) => w.uri.startsWith(PROD_URL));
		expect(ours).toHaveLength(1);
		api.requests.length = 0;
		expect(await activate(setup)).toBe(false);
		const lists = api.requests.filter((r) => r.method === 'GET' && r.path === '/v1/webhook');
		expect(lists.map((r) => r.query)).toEqual([
			{ page: '0', length: '100' },
			{ page: '1', length: '100' },
			{ page: '2', length: '100' },
		]);
		expect(nodeData().webhookId).toBe(ours[0].id);
	});

	test('duplicates of our URL left by earlier runs are removed; other URLs are untouched', async () => {
		const other = api.seed('https://other.example.com/hook');
		api.seed(`${PROD_URL}?token=old1`);
		api.seed(`${PROD_URL}?token=old2`);
		const { setup, nodeData } = workflowSetup();
		expect(await activate(setup)).toBe(false);
		const ours = remote().filter((w) => w.uri.startsWith(PROD_URL));
		expect(ours).toHaveLength(1);
		expect(api.webhooks.has(other.id)).toBe(true);
		expect(nodeData()).toMatchObject({ webhookId: ours[0].id, urlToken: 'old1' });
	});

	test('a changed event selection updates the webhook in place (PUT), keeping its id and token', async () => {
		const { setup, nodeData } = workflowSetup();
		await activate(setup);
		const { webhookId, urlToken } = nodeData();
		setup.parameters = { registerWebhook: true, events: ['stream.ended'] };
		expect(await activate(setup)).toBe(true);
		expect(remote()).toHaveLength(1);
		expect(remote()[0]).toMatchObject({ id: webhookId, event: ['channel_ended'] });
		expect(nodeData()).toMatchObject({ webhookId, urlToken });
		expect(api.requests.filter((r) => r.method === 'PUT')).toHaveLength(1);
	});

	test('our URL registered by hand without a token is updated to carry one', async () => {
		const manual = api.seed(PROD_URL);
		const { setup, nodeData } = workflowSetup();
		expect(await activate(setup)).toBe(true);
		expect(remote()).toHaveLength(1);
		expect(remote()[0].id).toBe(manual.id);
		expect(remote()[0].uri).toBe(`${PROD_URL}?token=${nodeData().urlToken as string}`);
	});

	test('test mode registers the test URL beside the production one, and removes only it', async () => {
		const prod = workflowSetup();
		await activate(prod.setup);
		const test = workflowSetup();
		await activate(test.setup, true);
		expect(remote().map((w) => w.uri.split('?')[0]).sort()).toEqual([PROD_URL, TEST_URL].sort());
		await runHook(test.setup, 'delete', { isTest: true });
		expect(remote().map((w) => w.uri.split('?')[0])).toEqual([PROD_URL]);
	});

	test('end to end: the token registered with Sigma is the one webhook() accepts', async () => {
		const { setup, staticData } = workflowSetup();
		await activate(setup);
		const token = new URL(remote()[0].uri).searchParams.get('token')!;
		const request = buildCallbackRequest(fixtures.events['stream.started'] as IDataObject, { token }, 1795341601);
		const outcome = await callWebhook(trigger, {
			parameters: setup.parameters,
			body: request.body,
			query: request.query,
			staticData,
		});
		expect(outcome.response.status).toBe(200);
		expect(outcome.items[0]).toMatchObject({ event: 'stream.started', authenticated: 'secret-url' });
	});

	test('registration turned off: no request to Sigma at all', async () => {
		const { setup } = workflowSetup({ registerWebhook: false, urlToken: 'mine', events: ['*'] });
		expect((await runHook(setup, 'checkExists')).result).toBe(true);
		expect((await runHook(setup, 'create')).result).toBe(true);
		expect((await runHook(setup, 'delete')).result).toBe(true);
		expect(api.requests).toHaveLength(0);
	});
});

describe('Sigma Livestream Trigger: registration errors', () => {
	test('wrong credentials: activation fails with a NodeApiError carrying Sigma\'s msg', async () => {
		const { setup } = workflowSetup(undefined, { ...api.credentials, tokenSecret: 'wrong' });
		await expect(runHook(setup, 'checkExists')).rejects.toMatchObject({
			name: 'NodeApiError',
			message: 'Sigma API: Unauthorized (HTTP 401)',
			httpCode: '401',
		});
		expect(api.requests[0].authorized).toBe(false);
		expect(remote()).toHaveLength(0);
	});

	test('create refused by Sigma (422 Wrong param) surfaces its msg', async () => {
		const { setup } = workflowSetup();
		await runHook(setup, 'checkExists');
		api.failNext = { status: 422, ec: 422, msg: 'Wrong param' };
		await expect(runHook(setup, 'create')).rejects.toMatchObject({
			name: 'NodeApiError',
			message: 'Sigma API: Wrong param (HTTP 422)',
		});
		expect(remote()).toHaveLength(0);
	});

	test('ec != 0 on HTTP 200 is an error too', async () => {
		const { setup } = workflowSetup();
		api.failNext = { status: 200, ec: 1001, msg: 'Quota exceeded' };
		await expect(runHook(setup, 'checkExists')).rejects.toMatchObject({
			name: 'NodeApiError',
			message: 'Sigma API: Quota exceeded (ec 1001)',
		});
	});

	test('a server error on delete is not swallowed, and the webhook id is kept for a retry', async () => {
		const { setup, nodeData } = workflowSetup();
		await activate(setup);
		api.failNext = { status: 500, ec: 500, msg: 'Internal error' };
		await expect(runHook(setup, 'delete')).rejects.toMatchObject({ message: 'Sigma API: Internal error (HTTP 500)' });
		expect(nodeData().webhookId).toBe(remote()[0].id);
	});

	test('an unreachable API server fails with a clear message', async () => {
		const { setup } = workflowSetup(undefined, { ...api.credentials, baseUrl: 'http://127.0.0.1:1' });
		await expect(runHook(setup, 'checkExists')).rejects.toMatchObject({
			name: 'NodeApiError',
			message: 'Sigma API request failed (no HTTP answer)',
		});
	});

	test('a base URL that is not http(s) is refused before any request', async () => {
		const { setup } = workflowSetup(undefined, { ...api.credentials, baseUrl: 'ftp://sigma.example.com' });
		await expect(runHook(setup, 'checkExists')).rejects.toMatchObject({
			message: 'The Sigma credential needs a Base URL starting with http:// or https://',
		});
		expect(api.requests).toHaveLength(0);
	});
});
