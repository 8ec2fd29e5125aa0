/**
 * "Register automatically" on the Tencent TUILiveKit Trigger: publish / unpublish / test listening
 * through the real webhookMethods in n8n-core's HookContext, against the loopback REST gateway fake.
 */
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
	expect(fake.calls.slice(before).map((c) => c.command)).toEqual(['get_callback']);

	await unpublish(trigger, s);
	expect(fake.callback).toBeNull();
	expect(fake.token).toEqual({ Token: 'tok-n8n', IsTokenEnable: false });
});

it('changed events update the configuration in place (no second configuration)', async () => {
	const s = setup();
	await publish(trigger, s);
	s.parameters.events = ['message.sent'];
	expect(await publish(trigger, s)).toBe(true);
	expect(fake.callback).toEqual({ Url: PRODUCTION_URL, CallbackCommandList: ['Group.CallbackAfterSendMsg'] });
	expect(fake.calls.filter((c) => c.command === 'set_callback')).toHaveLength(1);
	expect(fake.calls.at(-2)?.command).toBe('update_callback');
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
