/**
 * "Register automatically" on the Tencent TUILiveKit Trigger: publish / unpublish / test listening
 * through the real webhookMethods in n8n-core's HookContext, against the loopback REST gateway fake.
 */
import { createHmac } from 'node:crypto';

import type { IDataObject } from 'n8n-workflow';

import { TencentLiveKitApi } from '../../../credentials/TencentLiveKitApi.credentials';
import { TencentLiveKitTrigger } from '../../../nodes/TencentLiveKit/TencentLiveKitTrigger.node';
import { listenForTestEvent, PRODUCTION_URL, publish, unpublish } from '../../harness/hooks';
import type { HookSetup, Logged } from '../../harness/hooks';
import { startLiveRestFake } from '../../servers/tencentLiveRestFake';
import type { LiveRestFake } from '../../servers/tencentLiveRestFake';

const APP = { sdkAppId: 1400000002, secretKey: 'liveRegistrationSecretKeyForFake', admins: ['administrator'] };

let fake: LiveRestFake;
beforeEach(async () => {
	fake = await startLiveRestFake(APP);
});
afterEach(async () => {
	await fake.close();
});

function setup(parameters: IDataObject = {}, credential: IDataObject = {}): HookSetup {
	return {
		parameters: { events: ['room.created', 'room.destroyed', 'gift.before_send'], registerAutomatically: true, replaceExisting: false, ...parameters },
		credentials: {
			tencentLiveKitApi: {
				type: new TencentLiveKitApi(),
				data: {
					sdkAppId: String(APP.sdkAppId),
					callbackToken: 'tok-n8n',
					secretKey: APP.secretKey,
					adminIdentifier: 'administrator',
					restDomain: 'custom',
					customRestUrl: fake.url,
					...credential,
				},
			},
		},
		staticData: {},
	};
}

const trigger = new TencentLiveKitTrigger();
const COMMANDS = ['Live.CallbackAfterCreateRoom', 'Live.CallbackAfterDestroyRoom', 'Live.CallbackBeforeSendGift'];

it('publish sets the callback URL, commands and token; a restart changes nothing; unpublish removes it', async () => {
	const s = setup();
	expect(await publish(trigger, s)).toBe(true);
	expect(fake.callback).toEqual({ Url: PRODUCTION_URL, CallbackCommandList: COMMANDS });
	expect(fake.token).toEqual({ Token: 'tok-n8n', IsTokenEnable: true });

	const before = fake.calls.length;
	expect(await publish(trigger, s)).toBe(false);
	expect(fake.calls.slice(before).map((c) => c.command)).toEqual(['get_callback', 'get_callback_token']);

	await unpublish(trigger, s);
	expect(fake.callback).toBeNull();
	// There was no token configuration before: it is deleted again, not left behind disabled.
	expect(fake.token).toBeNull();
	expect(s.staticData).toEqual({ 'node:Tencent TUILiveKit Trigger': {} });
});

it('changed events update the configuration in place (no second configuration), the token untouched', async () => {
	const s = setup();
	await publish(trigger, s);
	s.parameters.events = ['message.sent'];
	const before = fake.calls.length;
	expect(await publish(trigger, s)).toBe(true);
	expect(fake.callback).toEqual({ Url: PRODUCTION_URL, CallbackCommandList: ['Group.CallbackAfterSendMsg'] });
	expect(fake.calls.filter((c) => c.command === 'set_callback')).toHaveLength(1);
	expect(fake.calls.slice(before).map((c) => c.command)).toEqual([
		'get_callback',
		'get_callback',
		'get_callback_token',
		'update_callback',
	]);
});

it('refuses to overwrite a configuration that points elsewhere, unless replacing is enabled', async () => {
	fake.callback = { Url: 'https://elsewhere.example.com/cb', CallbackCommandList: ['Live.CallbackAfterCreateRoom'] };
	const s = setup();
	await expect(publish(trigger, s)).rejects.toThrow(
		'SDKAppID already sends its callbacks to https://elsewhere.example.com/cb (1 commands). TUILiveKit holds one callback configuration per SDKAppID',
	);
	expect(fake.callback).toEqual({ Url: 'https://elsewhere.example.com/cb', CallbackCommandList: ['Live.CallbackAfterCreateRoom'] });
	expect(fake.token).toBeNull();

	s.parameters.replaceExisting = true;
	await publish(trigger, s);
	expect(fake.callback?.Url).toBe(PRODUCTION_URL);
});

it('unpublish does not delete a configuration someone pointed elsewhere meanwhile', async () => {
	const s = setup();
	await publish(trigger, s);
	fake.callback = { Url: 'https://elsewhere.example.com/cb', CallbackCommandList: [] };
	await unpublish(trigger, s);
	expect(fake.callback).toEqual({ Url: 'https://elsewhere.example.com/cb', CallbackCommandList: [] });
});

it('a configuration someone pointed elsewhere meanwhile keeps its token on unpublish', async () => {
	const s = setup();
	await publish(trigger, s);
	fake.callback = { Url: 'https://elsewhere.example.com/cb', CallbackCommandList: [] };
	const logs: Logged[] = [];
	await unpublish(trigger, s, logs);
	expect(fake.token).toEqual({ Token: 'tok-n8n', IsTokenEnable: true });
	expect(logs).toContainEqual({ level: 'info', message: expect.stringContaining('points elsewhere') });
});

it('without a token in the credential, no token is set', async () => {
	await publish(trigger, setup({}, { callbackToken: '' }));
	expect(fake.token).toBeNull();
	expect(fake.calls.map((c) => c.command)).toEqual(['get_callback', 'set_callback']);
});

it('listening for a test event changes nothing at Tencent and says why', async () => {
	const logs: Logged[] = [];
	await listenForTestEvent(trigger, setup(), logs);
	expect(fake.requests).toHaveLength(0);
	expect(logs).toContainEqual({ level: 'info', message: expect.stringContaining('unchanged while listening for test events') });
});

it('a REST refusal (wrong SecretKey) fails the publish with Tencent\'s code', async () => {
	await expect(publish(trigger, setup({}, { secretKey: 'wrong' }))).rejects.toThrow('Tencent TUILiveKit error 70009');
	expect(fake.callback).toBeNull();
});

describe('the callback token: read first, change only what this node set, restore exactly that, never stored', () => {
	/** The fingerprint the node may keep, computed here with node:crypto directly (not the node's helper). */
	const print = (token: string) => createHmac('sha256', APP.secretKey).update(`tencent-livekit callback token\n${token}`).digest('hex');
	const stored = (s: HookSetup) => (s.staticData['node:Tencent TUILiveKit Trigger'] as IDataObject).registration as IDataObject;
	const tokenCalls = () => fake.calls.filter((c) => c.command.endsWith('_callback_token') && !c.command.startsWith('get')).map((c) => [c.command, c.body]);

	it('static data holds a keyed fingerprint of the token, never the token itself', async () => {
		const s = setup({}, { callbackToken: 'tok-n8n-secret-value' });
		await publish(trigger, s);
		expect(JSON.stringify(s.staticData)).not.toContain('tok-n8n-secret-value');
		expect(stored(s).token).toEqual({ fingerprint: print('tok-n8n-secret-value'), prior: 'none' });
	});

	it('no token before: set and enabled on publish, deleted on unpublish', async () => {
		const s = setup();
		await publish(trigger, s);
		await unpublish(trigger, s);
		expect(tokenCalls()).toEqual([
			['set_callback_token', { Token: 'tok-n8n', IsTokenEnable: true }],
			['delete_callback_token', {}],
		]);
		expect(fake.token).toBeNull();
	});

	it('the same token, disabled before: only enabled on publish, disabled again on unpublish', async () => {
		fake.token = { Token: 'tok-n8n', IsTokenEnable: false };
		const s = setup();
		await publish(trigger, s);
		expect(fake.token).toEqual({ Token: 'tok-n8n', IsTokenEnable: true });
		await unpublish(trigger, s);
		expect(fake.token).toEqual({ Token: 'tok-n8n', IsTokenEnable: false });
		expect(tokenCalls()).toEqual([
			['set_callback_token', { IsTokenEnable: true }],
			['set_callback_token', { IsTokenEnable: false }],
		]);
	});

	it('the same token, enabled before: nothing is changed on publish, nothing on unpublish', async () => {
		fake.token = { Token: 'tok-n8n', IsTokenEnable: true };
		const s = setup();
		await publish(trigger, s);
		await unpublish(trigger, s);
		expect(tokenCalls()).toEqual([]);
		expect(fake.token).toEqual({ Token: 'tok-n8n', IsTokenEnable: true });
		expect(fake.callback).toBeNull();
	});

	it.each([true, false])('another token (enabled: %s) is not replaced unless replacing is enabled, and nothing is changed then', async (enabled) => {
		fake.token = { Token: 'someone-elses-token', IsTokenEnable: enabled };
		const s = setup();
		await expect(publish(trigger, s)).rejects.toThrow(
			`SDKAppID already has another callback token (${enabled ? 'enabled' : 'disabled'}). Put that token in the credential, or enable "Replace Existing Configuration"`,
		);
		expect(fake.token).toEqual({ Token: 'someone-elses-token', IsTokenEnable: enabled });
		expect(fake.callback).toBeNull();
		expect(fake.calls.map((c) => c.command)).toEqual(['get_callback', 'get_callback_token']);

		s.parameters.replaceExisting = true;
		await publish(trigger, s);
		expect(fake.token).toEqual({ Token: 'tok-n8n', IsTokenEnable: true });
		expect(stored(s).token).toEqual({ fingerprint: print('tok-n8n'), prior: 'replaced' });
		await unpublish(trigger, s);
		// The replaced value was never stored, so it cannot come back: ours is removed.
		expect(fake.token).toBeNull();
	});

	it('a token someone changed after publishing is left alone on unpublish', async () => {
		const s = setup();
		await publish(trigger, s);
		fake.token = { Token: 'changed-by-someone', IsTokenEnable: true };
		const logs: Logged[] = [];
		await unpublish(trigger, s, logs);
		expect(fake.token).toEqual({ Token: 'changed-by-someone', IsTokenEnable: true });
		expect(logs).toContainEqual({ level: 'info', message: expect.stringContaining('no longer the one this workflow set') });
	});

	it('a new token in the credential replaces the one this node set without asking, and unpublish still restores the first state', async () => {
		const s = setup();
		await publish(trigger, s);
		(s.credentials!.tencentLiveKitApi.data as IDataObject).callbackToken = 'tok-n8n-2';
		expect(await publish(trigger, s)).toBe(true);
		expect(fake.token).toEqual({ Token: 'tok-n8n-2', IsTokenEnable: true });
		expect(stored(s).token).toEqual({ fingerprint: print('tok-n8n-2'), prior: 'none' });
		await unpublish(trigger, s);
		expect(fake.token).toBeNull();
	});

	it('a token cleared from the credential is put back as it was on the next publish', async () => {
		fake.token = { Token: 'tok-n8n', IsTokenEnable: false };
		const s = setup();
		await publish(trigger, s);
		(s.credentials!.tencentLiveKitApi.data as IDataObject).callbackToken = '';
		expect(await publish(trigger, s)).toBe(true);
		expect(fake.token).toEqual({ Token: 'tok-n8n', IsTokenEnable: false });
		expect(stored(s).token).toBeNull();
	});

	it('a configuration deleted meanwhile is set again on restart, and the token record survives it', async () => {
		const s = setup();
		await publish(trigger, s);
		fake.callback = null;
		expect(await publish(trigger, s)).toBe(true);
		expect(fake.callback).toEqual({ Url: PRODUCTION_URL, CallbackCommandList: COMMANDS });
		expect(stored(s).token).toEqual({ fingerprint: print('tok-n8n'), prior: 'none' });
		await unpublish(trigger, s);
		expect(fake.token).toBeNull();
	});

	it('a token disabled at Tencent meanwhile makes the registration stale: publish enables it again', async () => {
		const s = setup();
		await publish(trigger, s);
		fake.token = { Token: 'tok-n8n', IsTokenEnable: false };
		expect(await publish(trigger, s)).toBe(true);
		expect(fake.token).toEqual({ Token: 'tok-n8n', IsTokenEnable: true });
		expect(stored(s).token).toEqual({ fingerprint: print('tok-n8n'), prior: 'none' });
	});

	it('static data written by an earlier version (the token in plain text) is replaced by the fingerprint at once', async () => {
		fake.callback = { Url: PRODUCTION_URL, CallbackCommandList: COMMANDS };
		fake.token = { Token: 'tok-n8n', IsTokenEnable: true };
		const s = setup();
		s.staticData = { 'node:Tencent TUILiveKit Trigger': { registration: { url: PRODUCTION_URL, commands: COMMANDS, token: 'tok-n8n' } } };
		expect(await publish(trigger, s)).toBe(false);
		expect(JSON.stringify(s.staticData)).not.toContain('"tok-n8n"');
		expect(stored(s).token).toEqual({ fingerprint: print('tok-n8n'), prior: 'disabled' });
		await unpublish(trigger, s);
		// What that version's unpublish did: disable the token it had enabled.
		expect(fake.token).toEqual({ Token: 'tok-n8n', IsTokenEnable: false });
	});
});
