/**
 * The trigger's webhookMethods in n8n-core's real HookContext, with every request going through
 * n8n's authenticated request helper to the fake Sigma API on 127.0.0.1.
 */
import type { IDataObject } from 'n8n-workflow';

import { SigmaLiveApi } from '../../../credentials/SigmaLiveApi.credentials';
import { SigmaLiveTrigger } from '../../../nodes/SigmaLive/SigmaLiveTrigger.node';
import { buildCallbackRequest } from '../../../nodes/SigmaLive/simulator';
import { tokenHash } from '../../../nodes/SigmaLive/verify';
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
/** The token in a URL registered with the fake. */
const tokenOf = (uri: string) => new URL(uri).searchParams.get('token');
/** Requests that change something at Sigma (anything but listing). */
const writes = () => api.requests.filter((r) => !(r.method === 'GET' && r.path === '/v1/webhook'));
/** The documented delete calls the node sent. */
const documentedDeletes = () => api.requests.filter((r) => r.method === 'GET' && r.path.startsWith('/v1/webhook/'));

describe('Sigma Livestream Trigger: webhook registration', () => {
	test('activation registers one webhook: our production URL with a secret token, all events; static data holds only its hash', async () => {
		const { setup, nodeData, staticData } = workflowSetup();
		expect(await activate(setup)).toBe(true);
		expect(remote()).toHaveLength(1);
		const [webhook] = remote();
		const token = tokenOf(webhook.uri)!;
		expect(token).toMatch(/^[0-9a-f]{48}$/);
		expect(webhook.uri).toBe(`${PROD_URL}?token=${token}`);
		expect(webhook.event).toEqual(ALL_EVENTS);
		expect(nodeData()).toEqual({ webhookId: webhook.id, urlTokenHash: tokenHash(token), webhookEvents: ['all'] });
		expect(JSON.stringify(staticData)).not.toContain(token);
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
		expect(nodeData()).toEqual(before);
		expect(api.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
	});

	test('checkExists has no side effects: it only lists, whatever it finds', async () => {
		api.seed(`${PROD_URL}?token=old1`);
		api.seed(`${PROD_URL}?token=old2`);
		api.seed(PROD_URL);
		const { setup, staticData } = workflowSetup();
		(staticData as IDataObject)[NODE_KEY] = { webhookId: 'wh_404', urlToken: 'legacy-token', webhookUri: `${PROD_URL}?token=legacy-token` };
		const before = JSON.stringify(staticData);
		expect((await runHook(setup, 'checkExists')).result).toBe(false);
		expect(writes()).toEqual([]);
		expect(JSON.stringify(staticData)).toBe(before);
		expect(remote()).toHaveLength(3);
	});

	test('lost static data: the existing webhook and its token are adopted, nothing is created or changed at Sigma', async () => {
		const first = workflowSetup();
		await activate(first.setup);
		const token = tokenOf(remote()[0].uri)!;
		api.requests.length = 0;
		const fresh = workflowSetup();
		expect((await runHook(fresh.setup, 'checkExists')).result).toBe(false);
		const { logs } = await runHook(fresh.setup, 'create');
		expect(writes()).toEqual([]);
		expect(remote()).toHaveLength(1);
		expect(fresh.nodeData()).toEqual({ webhookId: remote()[0].id, urlTokenHash: tokenHash(token), webhookEvents: ['all'] });
		expect(logs.some((l) => l.message.includes(`Adopted the Sigma webhook ${remote()[0].id}`))).toBe(true);
	});

	test('first-release static data (plain-text token) is migrated on the next activation: the hash replaces the token, the webhook stays', async () => {
		const token = 'f'.repeat(48);
		const existing = api.seed(`${PROD_URL}?token=${token}`);
		const { setup, staticData, nodeData } = workflowSetup();
		(staticData as IDataObject)[NODE_KEY] = { webhookId: existing.id, urlToken: token, webhookUri: existing.uri, webhookEvents: ['all'] };
		// Until then, webhook() reads the old layout.
		const request = buildCallbackRequest(fixtures.events['stream.started'] as IDataObject, { token }, 1795341601);
		const before = await callWebhook(trigger, { parameters: setup.parameters, body: request.body, query: request.query, staticData });
		expect(before.response.status).toBe(200);

		expect(await activate(setup)).toBe(true);
		expect(writes()).toEqual([]);
		expect(remote()).toEqual([existing]);
		expect(nodeData()).toEqual({ webhookId: existing.id, urlTokenHash: tokenHash(token), webhookEvents: ['all'] });
		expect(JSON.stringify(staticData)).not.toContain(token);
		const after = await callWebhook(trigger, { parameters: setup.parameters, body: request.body, query: request.query, staticData });
		expect(after.response.status).toBe(200);
		expect(after.items[0].authenticated).toBe('secret-url');
		expect(await activate(setup)).toBe(false);
	});

	test('deactivation deletes with the documented GET /v1/webhook/{id}?event=…, confirms by listing, and forgets', async () => {
		const { setup, nodeData } = workflowSetup();
		await activate(setup);
		const id = remote()[0].id;
		api.requests.length = 0;
		const { result } = await runHook(setup, 'delete');
		expect(result).toBe(true);
		expect(remote()).toHaveLength(0);
		expect(nodeData()).toEqual({});
		expect(api.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
			'GET /v1/webhook',
			`GET /v1/webhook/${id}`,
			'GET /v1/webhook',
		]);
		expect(api.requests[1].query).toEqual({ event: 'channel_live,channel_stop,channel_ended' });
		expect(api.requests.some((r) => r.method === 'DELETE')).toBe(false);
	});

	test('deactivation names the events the webhook has', async () => {
		const { setup } = workflowSetup({ registerWebhook: true, events: ['stream.ended'] });
		await activate(setup);
		await runHook(setup, 'delete');
		expect(remote()).toHaveLength(0);
		expect(documentedDeletes().map((r) => r.query)).toEqual([{ event: 'channel_ended' }]);
	});

	test('a server that answers the delete but still lists the webhook: the node keeps its state and says so', async () => {
		await api.stop();
		api = new FakeSigmaApi({ deletesNothing: true });
		await api.start();
		const { setup, nodeData } = workflowSetup();
		await activate(setup);
		const before = { ...nodeData() };
		const { result, logs } = await runHook(setup, 'delete');
		expect(result).toBe(false);
		expect(remote()).toHaveLength(1);
		expect(nodeData()).toEqual(before);
		const line = logs.find((l) => l.level === 'error');
		expect(line?.message).toContain(`Sigma still lists webhook ${remote()[0].id}`);
		// The next publish adopts it: no second webhook.
		expect(await activate(setup)).toBe(false);
		expect(remote()).toHaveLength(1);
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

	test('a stored webhook id that now points elsewhere is not deleted', async () => {
		const other = api.seed('https://other.example.com/hook');
		const { setup, staticData } = workflowSetup();
		(staticData as IDataObject)[NODE_KEY] = { webhookId: other.id, urlTokenHash: tokenHash('t'), webhookEvents: ['all'] };
		const { result, logs } = await runHook(setup, 'delete');
		expect(result).toBe(true);
		expect(remote()).toEqual([other]);
		expect(logs.some((l) => l.message.includes(`Sigma webhook ${other.id} was already gone`))).toBe(true);
	});

	test('a webhook already deleted on the Sigma side: delete succeeds and forgets', async () => {
		const { setup, nodeData } = workflowSetup();
		await activate(setup);
		api.webhooks.clear();
		const { result, logs } = await runHook(setup, 'delete');
		expect(result).toBe(true);
		expect(nodeData()).toEqual({});
		expect(logs.some((l) => l.message.includes('already gone'))).toBe(true);
		expect(documentedDeletes()).toEqual([]);
	});

	test('a webhook deleted by hand: checkExists is false and activation registers a new URL with a new token', async () => {
		const { setup, nodeData } = workflowSetup();
		await activate(setup);
		const oldHash = nodeData().urlTokenHash;
		api.webhooks.clear();
		expect((await runHook(setup, 'checkExists')).result).toBe(false);
		await runHook(setup, 'create');
		expect(remote()).toHaveLength(1);
		const token = tokenOf(remote()[0].uri)!;
		expect(remote()[0].uri).toBe(`${PROD_URL}?token=${token}`);
		expect(nodeData()).toMatchObject({ webhookId: remote()[0].id, urlTokenHash: tokenHash(token) });
		expect(nodeData().urlTokenHash).not.toBe(oldHash);
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

	test('duplicates of our URL left by earlier runs are removed by create (not checkExists); other URLs are untouched', async () => {
		const other = api.seed('https://other.example.com/hook');
		api.seed(`${PROD_URL}?token=old1`);
		api.seed(`${PROD_URL}?token=old2`);
		const { setup, nodeData } = workflowSetup();
		expect(await activate(setup)).toBe(true);
		const ours = remote().filter((w) => w.uri.startsWith(PROD_URL));
		expect(ours).toHaveLength(1);
		expect(api.webhooks.has(other.id)).toBe(true);
		expect(nodeData()).toMatchObject({ webhookId: ours[0].id, urlTokenHash: tokenHash('old1') });
		expect(documentedDeletes()).toHaveLength(1);
		expect(await activate(setup)).toBe(false);
	});

	test('a changed event selection updates the webhook in place (PUT), keeping its id and token', async () => {
		const { setup, nodeData } = workflowSetup();
		await activate(setup);
		const { webhookId, urlTokenHash } = nodeData();
		setup.parameters = { registerWebhook: true, events: ['stream.ended'] };
		expect(await activate(setup)).toBe(true);
		expect(remote()).toHaveLength(1);
		expect(remote()[0]).toMatchObject({ id: webhookId, event: ['channel_ended'] });
		expect(nodeData()).toEqual({ webhookId, urlTokenHash, webhookEvents: ['channel_ended'] });
		expect(api.requests.filter((r) => r.method === 'PUT')).toHaveLength(1);
	});

	test('our URL registered by hand without a token is updated to carry one', async () => {
		const manual = api.seed(PROD_URL);
		const { setup, nodeData } = workflowSetup();
		expect(await activate(setup)).toBe(true);
		expect(remote()).toHaveLength(1);
		expect(remote()[0].id).toBe(manual.id);
		const token = tokenOf(remote()[0].uri)!;
		expect(token).toMatch(/^[0-9a-f]{48}$/);
		expect(nodeData().urlTokenHash).toBe(tokenHash(token));
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
		const token = tokenOf(remote()[0].uri)!;
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
		await expect(runHook(setup, 'create')).rejects.toMatchObject({
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
		api.failNext = { status: 422, ec: 422, msg: 'Wrong param', when: (r) => r.method === 'POST' };
		await expect(runHook(setup, 'create')).rejects.toMatchObject({
			name: 'NodeApiError',
			message: 'Sigma API: Wrong param (HTTP 422)',
		});
		expect(remote()).toHaveLength(0);
	});

	test('ec != 0 on HTTP 200 is an error too', async () => {
		const { setup } = workflowSetup();
		api.failNext = { status: 200, ec: 1001, msg: 'Quota exceeded' };
		await expect(runHook(setup, 'create')).rejects.toMatchObject({
			name: 'NodeApiError',
			message: 'Sigma API: Quota exceeded (ec 1001)',
		});
	});

	test('a server error on delete is not swallowed, and the registration is kept for a retry', async () => {
		const { setup, nodeData } = workflowSetup();
		await activate(setup);
		const before = { ...nodeData() };
		api.failNext = { status: 500, ec: 500, msg: 'Internal error', when: (r) => r.path.startsWith('/v1/webhook/') };
		await expect(runHook(setup, 'delete')).rejects.toMatchObject({ message: 'Sigma API: Internal error (HTTP 500)' });
		expect(documentedDeletes()).toHaveLength(1);
		expect(nodeData()).toEqual(before);
		expect(remote()).toHaveLength(1);
	});

	test('an unreachable API server fails with a clear message', async () => {
		const { setup } = workflowSetup(undefined, { ...api.credentials, baseUrl: 'http://127.0.0.1:1' });
		await expect(runHook(setup, 'create')).rejects.toMatchObject({
			name: 'NodeApiError',
			message: 'Sigma API request failed (no HTTP answer)',
		});
	});

	test('a base URL that is not http(s) is refused before any request', async () => {
		const { setup } = workflowSetup(undefined, { ...api.credentials, baseUrl: 'ftp://sigma.example.com' });
		await expect(runHook(setup, 'create')).rejects.toMatchObject({
			message: 'The Sigma credential needs a Base URL starting with http:// or https://',
		});
		expect(api.requests).toHaveLength(0);
	});
});
