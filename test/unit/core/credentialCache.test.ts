/**
 * The per-process credential cache: fresh entries are reused, entries expire, the size is bounded,
 * distinct credentials never share an entry, and through a trigger's real webhook() a rotated key
 * takes effect once the entry expires (and at once while listening for test events).
 */
import type { ICredentialDataDecryptedObject, WorkflowExecuteMode } from 'n8n-workflow';

import { setClock } from '../../../nodes/core/clock';
import {
	cachedCredentials,
	clearCredentialCache,
	CREDENTIAL_CACHE_SIZE,
	CREDENTIAL_TTL_MS,
	credentialCacheSize,
} from '../../../nodes/core/credentialCache';
import type { CredentialKey } from '../../../nodes/core/credentialCache';
import { TencentCssTrigger } from '../../../nodes/TencentCss/TencentCssTrigger.node';
import { buildCallbackRequest } from '../../../nodes/TencentCss/simulator';
import fixtures from '../../fixtures/tencent-css.json';
import { callWebhook } from '../../harness/webhook';

const START = Date.UTC(2026, 0, 1);
let clock = START;

beforeEach(() => {
	clearCredentialCache();
	clock = START;
	setClock(() => clock);
});
afterAll(() => setClock(null));

const key = (credentialId: string, other: Partial<CredentialKey> = {}): CredentialKey => ({
	workflowId: 'wf-1',
	nodeId: 'node-1',
	type: 'tencentCssCallbackApi',
	credentialId,
	...other,
});

/** A stored credential whose value can be changed, counting how often it is loaded. */
function store(initial: string) {
	const s = {
		value: initial,
		loads: 0,
		load: async (): Promise<ICredentialDataDecryptedObject> => {
			s.loads++;
			return { callbackKey: s.value };
		},
	};
	return s;
}

describe('credential cache', () => {
	it('loads once while the entry is fresh, and again once it has expired', async () => {
		const s = store('first');
		expect(await cachedCredentials(key('c1'), s.load)).toEqual({ callbackKey: 'first' });
		clock += CREDENTIAL_TTL_MS - 1;
		s.value = 'rotated';
		expect(await cachedCredentials(key('c1'), s.load)).toEqual({ callbackKey: 'first' });
		expect(s.loads).toBe(1);
		clock += 1;
		expect(await cachedCredentials(key('c1'), s.load)).toEqual({ callbackKey: 'rotated' });
		expect(s.loads).toBe(2);
	});

	it('lets entries live 60 seconds at most', () => {
		expect(CREDENTIAL_TTL_MS).toBeGreaterThan(0);
		expect(CREDENTIAL_TTL_MS).toBeLessThanOrEqual(60_000);
	});

	it('never shares an entry between credential ids, types, nodes or workflows', async () => {
		const s = store('k');
		const keys = [
			key('c1'),
			key('c2'),
			key('c1', { type: 'huaweiLiveCallbackApi' }),
			key('c1', { nodeId: 'node-2' }),
			key('c1', { workflowId: 'wf-2' }),
		];
		for (const k of keys) await cachedCredentials(k, s.load);
		expect(s.loads).toBe(keys.length);
		for (const k of keys) await cachedCredentials(k, s.load);
		expect(s.loads).toBe(keys.length);
	});

	it('does not confuse keys whose parts contain separators', async () => {
		const s = store('k');
		await cachedCredentials(key('a","b'), s.load);
		await cachedCredentials(key('b', { nodeId: 'node-1","a' }), s.load);
		expect(s.loads).toBe(2);
	});

	it(`holds at most ${CREDENTIAL_CACHE_SIZE} entries and evicts the least recently used`, async () => {
		const s = store('k');
		for (let i = 0; i < CREDENTIAL_CACHE_SIZE; i++) await cachedCredentials(key(`c${i}`), s.load);
		expect(credentialCacheSize()).toBe(CREDENTIAL_CACHE_SIZE);
		await cachedCredentials(key('c0'), s.load); // c0 used again: c1 is now the oldest
		await cachedCredentials(key('new'), s.load);
		expect(credentialCacheSize()).toBe(CREDENTIAL_CACHE_SIZE);
		const loads = s.loads;
		await cachedCredentials(key('c0'), s.load);
		expect(s.loads).toBe(loads);
		await cachedCredentials(key('c1'), s.load);
		expect(s.loads).toBe(loads + 1);
	});

	it('drops expired entries when another is added', async () => {
		const s = store('k');
		for (let i = 0; i < 5; i++) await cachedCredentials(key(`c${i}`), s.load);
		clock += CREDENTIAL_TTL_MS;
		await cachedCredentials(key('later'), s.load);
		expect(credentialCacheSize()).toBe(1);
	});

	it('shares one load between concurrent callers', async () => {
		const s = store('k');
		const all = await Promise.all(Array.from({ length: 20 }, () => cachedCredentials(key('c1'), s.load)));
		expect(s.loads).toBe(1);
		for (const data of all) expect(data).toEqual({ callbackKey: 'k' });
	});

	it('does not keep a failed load', async () => {
		let fail = true;
		const load = async () => {
			if (fail) throw new Error('credential not found');
			return { callbackKey: 'k' };
		};
		await expect(cachedCredentials(key('c1'), load)).rejects.toThrow('credential not found');
		expect(credentialCacheSize()).toBe(0);
		fail = false;
		expect(await cachedCredentials(key('c1'), load)).toEqual({ callbackKey: 'k' });
	});

	it('hands out a frozen copy, so one callback cannot change what the next one reads', async () => {
		const stored = { callbackKey: 'k' };
		const data = await cachedCredentials(key('c1'), async () => stored);
		expect(Object.isFrozen(data)).toBe(true);
		expect(() => {
			(data as ICredentialDataDecryptedObject).callbackKey = 'changed';
		}).toThrow(TypeError);
		expect(stored).toEqual({ callbackKey: 'k' });
	});
});

/** The Tencent CSS trigger in one fixed workflow/node/credential, as n8n calls it for each request. */
function trigger(credential: { id: string; key: string; loads: number }) {
	const nodeType = new TencentCssTrigger();
	return async (body: string, mode: WorkflowExecuteMode = 'webhook') => {
		const { response, items } = await callWebhook(nodeType, {
			parameters: { events: ['*'], options: {} },
			// The stored credential as n8n would decrypt it now, under a fixed id.
			credentials: { tencentCssCallbackApi: { callbackKey: credential.key } },
			credentialId: () => credential.id,
			onCredentialLoad: () => credential.loads++,
			body,
			mode,
		});
		return { status: response.status ?? 200, items: items.length };
	};
}

const signedWith = (callbackKey: string) =>
	buildCallbackRequest(fixtures.events['stream.started'], { callbackKey }, Math.floor(clock / 1000)).body;

describe('credential cache behind webhook()', () => {
	it('loads the credential once for many callbacks, and a rotated key takes effect when the entry expires', async () => {
		const credential = { id: 'cred-1', key: 'keyBefore1', loads: 0 };
		const send = trigger(credential);
		for (let i = 0; i < 5; i++) expect(await send(signedWith('keyBefore1'))).toEqual({ status: 200, items: 1 });
		expect(credential.loads).toBe(1);

		credential.key = 'keyAfter22';
		// Within the expiry time the node still checks against the key it loaded.
		expect(await send(signedWith('keyAfter22'))).toEqual({ status: 401, items: 0 });
		clock += CREDENTIAL_TTL_MS;
		expect(await send(signedWith('keyAfter22'))).toEqual({ status: 200, items: 1 });
		expect(await send(signedWith('keyBefore1'))).toEqual({ status: 401, items: 0 });
		expect(credential.loads).toBe(2);
	});

	it('a node switched to another credential uses it at once', async () => {
		const first = { id: 'cred-1', key: 'keyOne1', loads: 0 };
		const second = { id: 'cred-2', key: 'keyTwo2', loads: 0 };
		expect(await trigger(first)(signedWith('keyOne1'))).toEqual({ status: 200, items: 1 });
		expect(await trigger(second)(signedWith('keyOne1'))).toEqual({ status: 401, items: 0 });
		expect(await trigger(second)(signedWith('keyTwo2'))).toEqual({ status: 200, items: 1 });
		expect(second.loads).toBe(1);
	});

	it('loads the credential on every callback while listening for test events', async () => {
		const credential = { id: 'cred-1', key: 'keyBefore1', loads: 0 };
		const send = trigger(credential);
		expect(await send(signedWith('keyBefore1'), 'manual')).toEqual({ status: 200, items: 1 });
		credential.key = 'keyAfter22';
		expect(await send(signedWith('keyAfter22'), 'manual')).toEqual({ status: 200, items: 1 });
		expect(credential.loads).toBe(2);
	});
});
