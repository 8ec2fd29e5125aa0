/**
 * The shared registration lifecycle (nodes/core/registration.ts) through n8n-core's real
 * HookContext, with a tiny trigger whose "provider" is an in-memory list of registered URLs: one
 * test for the default and one for each optional Registrar member (enabled, activeInTestMode,
 * storage, an unconfirmed remove).
 */
import type { IDataObject, IHookFunctions, INodeType } from 'n8n-workflow';

import { registrationCreate, registrationDelete, registrationExists, registrationParameters } from '../../../nodes/core/registration';
import type { Registrar } from '../../../nodes/core/registration';
import { runHook, WEBHOOK_BASE_URL, WEBHOOK_TEST_BASE_URL } from '../../harness/hook';
import type { NodeSetup } from '../../harness/hook';

const PROD_URL = `${WEBHOOK_BASE_URL}/webhook-1/hook`;
const TEST_URL = `${WEBHOOK_TEST_BASE_URL}/webhook-1/hook`;
const NODE_KEY = 'node:Fake Trigger';

interface Want {
	url: string;
}
interface Stored extends IDataObject {
	id: string;
	url: string;
}

/** The fake provider: registered URLs by id; `keepsRemoved` makes it answer removals without removing. */
class FakeProvider {
	hooks = new Map<string, string>();
	keepsRemoved = false;
	private next = 0;

	registrar(extra: Partial<Registrar<Want, Stored>> = {}): Registrar<Want, Stored> {
		return {
			want: (ctx) => ({ url: ctx.getNodeWebhookUrl('default') ?? '' }),
			isCurrent: async (_ctx, stored, want) => this.hooks.get(stored.id) === want.url,
			conflicts: async () => [],
			refusal: () => 'nothing is ever in the way',
			create: async (_ctx, want) => {
				const id = `hook-${++this.next}`;
				this.hooks.set(id, want.url);
				return { id, url: want.url };
			},
			remove: async (_ctx, stored) => {
				if (!this.keepsRemoved) this.hooks.delete(stored.id);
				return this.keepsRemoved ? false : undefined;
			},
			...extra,
		};
	}
}

function fakeTrigger(registrar: Registrar<Want, Stored>): INodeType {
	return {
		description: {
			displayName: 'Fake Trigger',
			name: 'fakeTrigger',
			group: ['trigger'],
			version: 1,
			description: 'A trigger for the lifecycle tests',
			defaults: { name: 'Fake Trigger' },
			inputs: [],
			outputs: ['main'],
			// n8n reads only the parameters a node type declares.
			properties: [
				...registrationParameters('A fake provider.'),
				{ displayName: 'Register Here', name: 'registerHere', type: 'boolean', default: true },
			],
			webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'hook' }],
		},
		webhookMethods: {
			default: {
				async checkExists(this: IHookFunctions) {
					return await registrationExists(this, registrar);
				},
				async create(this: IHookFunctions) {
					return await registrationCreate(this, registrar);
				},
				async delete(this: IHookFunctions) {
					return await registrationDelete(this, registrar);
				},
			},
		},
	};
}

function workflow(registrar: Registrar<Want, Stored>, parameters: IDataObject = { registerAutomatically: true }) {
	const staticData: IDataObject = {};
	const setup: NodeSetup = { nodeType: fakeTrigger(registrar), parameters, staticData };
	return { setup, nodeData: () => (staticData[NODE_KEY] ?? {}) as IDataObject };
}

/** What n8n does on activation: checkExists, then create only when it returned false. */
async function activate(setup: NodeSetup, isTest = false): Promise<boolean> {
	if ((await runHook(setup, 'checkExists', { isTest })).result) return false;
	expect((await runHook(setup, 'create', { isTest })).result).toBe(true);
	return true;
}

let provider: FakeProvider;
beforeEach(() => {
	provider = new FakeProvider();
});

describe('shared registration lifecycle', () => {
	test('default: the production URL only, remembered under `registration`; test mode changes nothing', async () => {
		const { setup, nodeData } = workflow(provider.registrar());
		const listening = await runHook(setup, 'checkExists', { isTest: true });
		expect(listening.result).toBe(true);
		expect(listening.logs.some((l) => l.message.includes('leaves the provider configuration unchanged'))).toBe(true);
		expect((await runHook(setup, 'create', { isTest: true })).result).toBe(true);
		expect(provider.hooks.size).toBe(0);
		expect(await activate(setup)).toBe(true);
		expect([...provider.hooks.values()]).toEqual([PROD_URL]);
		expect(nodeData()).toEqual({ registration: { id: 'hook-1', url: PROD_URL } });
		expect(await activate(setup)).toBe(false);
		expect((await runHook(setup, 'delete')).result).toBe(true);
		expect(provider.hooks.size).toBe(0);
		expect(nodeData()).toEqual({});
	});

	test('enabled: the registrar decides for all three hooks, delete included', async () => {
		const registrar = provider.registrar({ enabled: (ctx) => ctx.getNodeParameter('registerHere', true) === true });
		const on = workflow(registrar, {});
		expect(await activate(on.setup)).toBe(true);
		expect([...provider.hooks.values()]).toEqual([PROD_URL]);

		// Turned off after publishing: nothing is read, created or removed, the record stays.
		on.setup.parameters = { registerHere: false };
		expect((await runHook(on.setup, 'checkExists')).result).toBe(true);
		expect((await runHook(on.setup, 'delete')).result).toBe(true);
		expect([...provider.hooks.values()]).toEqual([PROD_URL]);
		expect(on.nodeData()).toEqual({ registration: { id: 'hook-1', url: PROD_URL } });

		// Without `enabled`, the same unpublish removes what is stored although the option is off.
		const plain = workflow(provider.registrar(), {});
		(plain.setup.staticData as IDataObject)[NODE_KEY] = { registration: { id: 'hook-1', url: PROD_URL } };
		expect((await runHook(plain.setup, 'delete')).result).toBe(true);
		expect(provider.hooks.size).toBe(0);
	});

	test('activeInTestMode: "Listen for test event" registers and removes the test URL', async () => {
		const { setup, nodeData } = workflow(provider.registrar({ activeInTestMode: true }));
		expect(await activate(setup, true)).toBe(true);
		expect([...provider.hooks.values()]).toEqual([TEST_URL]);
		expect(nodeData()).toEqual({ registration: { id: 'hook-1', url: TEST_URL } });
		expect((await runHook(setup, 'delete', { isTest: true })).result).toBe(true);
		expect(provider.hooks.size).toBe(0);
		expect(nodeData()).toEqual({});
	});

	test('storage: the registrar keeps its own static-data keys, and only those', async () => {
		const registrar = provider.registrar({
			storage: {
				read: (ctx) => {
					const data = ctx.getWorkflowStaticData('node');
					return typeof data.hookId === 'string' ? { id: data.hookId, url: String(data.hookUrl) } : undefined;
				},
				write: (ctx, stored) => Object.assign(ctx.getWorkflowStaticData('node'), { hookId: stored.id, hookUrl: stored.url }),
				clear: (ctx) => {
					const data = ctx.getWorkflowStaticData('node');
					delete data.hookId;
					delete data.hookUrl;
				},
			},
		});
		const { setup, nodeData } = workflow(registrar);
		(setup.staticData as IDataObject)[NODE_KEY] = { unrelated: 1 };
		expect(await activate(setup)).toBe(true);
		expect(nodeData()).toEqual({ unrelated: 1, hookId: 'hook-1', hookUrl: PROD_URL });
		expect(await activate(setup)).toBe(false);
		expect((await runHook(setup, 'delete')).result).toBe(true);
		expect(provider.hooks.size).toBe(0);
		expect(nodeData()).toEqual({ unrelated: 1 });
	});

	test('remove returning false: delete keeps the record and returns false; create then stops before creating', async () => {
		const { setup, nodeData } = workflow(provider.registrar());
		await activate(setup);
		const record = { ...nodeData() };
		provider.keepsRemoved = true;
		expect((await runHook(setup, 'delete')).result).toBe(false);
		expect(nodeData()).toEqual(record);
		expect([...provider.hooks.values()]).toEqual([PROD_URL]);

		// A stale record (the provider lost the URL's match) would be removed first: not confirmed, nothing new.
		provider.hooks.set('hook-1', 'https://elsewhere.example.com/');
		await expect(runHook(setup, 'create')).rejects.toMatchObject({ name: 'NodeOperationError' });
		expect(provider.hooks.size).toBe(1);
		expect(nodeData()).toEqual(record);

		provider.keepsRemoved = false;
		expect((await runHook(setup, 'delete')).result).toBe(true);
		expect(nodeData()).toEqual({});
	});
});
