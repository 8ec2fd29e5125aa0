/**
 * The Tencent TUILiveKit action node through its real `execute()` (n8n-core ExecuteContext), with
 * the extended `tencentLiveKitApi` credential making the UserSig, against a loopback fake of the
 * REST gateway that decodes the UserSig with Node's zlib and checks its HMAC itself.
 */
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { IDataObject } from 'n8n-workflow';

import { TencentLiveKitApi } from '../../../credentials/TencentLiveKitApi.credentials';
import { TencentLiveKit } from '../../../nodes/TencentLiveKit/TencentLiveKit.node';
import { testCredentialAsN8nDoes } from '../../harness/credentialTest';
import { runExecute } from '../../harness/hook';
import { decodeUserSig, startLiveRestFake, userSigMac } from '../../servers/tencentLiveRestFake';
import type { LiveRestFake } from '../../servers/tencentLiveRestFake';

const APP = { sdkAppId: 1400000001, secretKey: 'liveTestSecretKeyForTheLoopbackFake', admins: ['administrator'] };
const HOOK = 'https://n8n.example.com/webhook/abc/webhook';

let fake: LiveRestFake;
beforeEach(async () => {
	fake = await startLiveRestFake(APP);
});
afterEach(async () => {
	await fake.close();
});

function credentialData(overrides: IDataObject = {}) {
	return {
		sdkAppId: String(APP.sdkAppId),
		callbackToken: '',
		secretKey: APP.secretKey,
		adminIdentifier: 'administrator',
		restDomain: 'custom',
		customRestUrl: fake.url,
		...overrides,
	};
}

function run(parameters: IDataObject, credential: IDataObject = {}) {
	return runExecute({
		nodeType: new TencentLiveKit(),
		parameters,
		credentials: { tencentLiveKitApi: { type: new TencentLiveKitApi(), data: credentialData(credential) } },
	});
}

it('the fake\'s own UserSig check accepts the research\'s Node-zlib UserSig and reproduces its HMAC', () => {
	const doc = decodeUserSig(
		'eJyrVgrxCdYrSy1SslIy0jNQ0gHzM1NS80oy0zLBwhWZiflZpXlQqeKU7MSCgswUJStDEwMogMiUZOamKlkZmqOKplYUZBaBxE1NTY3gosWZ6UpWSj5ljuYp*p7l5unBxXnF2WVhVU4uAf7Ozi5JpX7O5SbuHuUhzgZJmQXaTia2SrUAohcx8g__',
	);
	expect(userSigMac('5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e', doc)).toBe(doc['TLS.sig']);
});

describe('Callback Configuration', () => {
	it('set, get, update and delete the SDKAppID\'s one configuration', async () => {
		const [set] = await run({ resource: 'callbackConfig', operation: 'set', url: HOOK, commands: ['Live.CallbackAfterCreateRoom', 'Live.CallbackBeforeSendGift'] });
		expect(set).toMatchObject({ Url: HOOK, CallbackCommandList: ['Live.CallbackAfterCreateRoom', 'Live.CallbackBeforeSendGift'] });
		expect(fake.callback).toEqual({ Url: HOOK, CallbackCommandList: ['Live.CallbackAfterCreateRoom', 'Live.CallbackBeforeSendGift'] });

		const query = new URLSearchParams(fake.requests[0].rawUrl.split('?')[1]);
		expect(fake.requests[0].rawUrl.startsWith('/v4/live_config/set_callback?')).toBe(true);
		expect(query.get('sdkappid')).toBe(String(APP.sdkAppId));
		expect(query.get('identifier')).toBe('administrator');
		expect(query.get('contenttype')).toBe('json');
		expect(decodeUserSig(query.get('usersig')!)).toMatchObject({ 'TLS.ver': '2.0', 'TLS.identifier': 'administrator', 'TLS.sdkappid': APP.sdkAppId });

		await expect(run({ resource: 'callbackConfig', operation: 'set', url: HOOK, commands: ['Live.CallbackAfterCreateRoom'] })).rejects.toThrow(
			'Tencent TUILiveKit error 100300: A callback configuration already exists; use update_callback',
		);

		await run({ resource: 'callbackConfig', operation: 'update', url: 'https://other.example.com/h', commands: ['Group.CallbackAfterSendMsg'] });
		const [got] = await run({ resource: 'callbackConfig', operation: 'get' });
		expect(got).toMatchObject({ Url: 'https://other.example.com/h', CallbackCommandList: ['Group.CallbackAfterSendMsg'] });

		const [deleted] = await run({ resource: 'callbackConfig', operation: 'delete' });
		expect(deleted).toMatchObject({ deleted: true });
		expect(fake.callback).toBeNull();
		expect(fake.calls.map((c) => c.command)).toEqual(['set_callback', 'set_callback', 'update_callback', 'get_callback', 'delete_callback']);
		expect(fake.calls[3].body).toEqual({});
	});

	it('get without a configuration surfaces 100301 as NodeApiError', async () => {
		const attempt = run({ resource: 'callbackConfig', operation: 'get' });
		await expect(attempt).rejects.toThrow(NodeApiError);
		await expect(run({ resource: 'callbackConfig', operation: 'get' })).rejects.toThrow('Tencent TUILiveKit error 100301');
	});

	it('refuses a bad URL or no commands locally', async () => {
		await expect(run({ resource: 'callbackConfig', operation: 'set', url: 'n8n.example.com', commands: ['Live.CallbackAfterCreateRoom'] })).rejects.toThrow(
			NodeOperationError,
		);
		await expect(run({ resource: 'callbackConfig', operation: 'set', url: HOOK, commands: [] })).rejects.toThrow('at least one command');
		expect(fake.requests).toHaveLength(0);
	});

	it('a wrong SecretKey or a non-admin identifier is refused by the gateway', async () => {
		await expect(run({ resource: 'callbackConfig', operation: 'get' }, { secretKey: 'wrong' })).rejects.toThrow('Tencent TUILiveKit error 70009');
		await expect(run({ resource: 'callbackConfig', operation: 'get' }, { adminIdentifier: 'someone' })).rejects.toThrow('Tencent TUILiveKit error 70403');
		expect(fake.calls).toHaveLength(0);
	});
});

describe('Callback Token', () => {
	it('set needs the token the first time, then can toggle alone; get returns it', async () => {
		await expect(run({ resource: 'callbackToken', operation: 'set', token: '', enabled: true })).rejects.toThrow('Tencent TUILiveKit error 100002');
		const [set] = await run({ resource: 'callbackToken', operation: 'set', token: 'tok123', enabled: true });
		expect(set).toMatchObject({ tokenSet: true, IsTokenEnable: true });
		expect(fake.calls.at(-1)?.body).toEqual({ IsTokenEnable: true, Token: 'tok123' });
		await run({ resource: 'callbackToken', operation: 'set', token: '', enabled: false });
		expect(fake.token).toEqual({ Token: 'tok123', IsTokenEnable: false });
		const [got] = await run({ resource: 'callbackToken', operation: 'get' });
		expect(got).toMatchObject({ Token: 'tok123', IsTokenEnable: false });
	});
});

describe('tencentLiveKitApi credential test', () => {
	it('passes with REST settings that work (no token configured is fine) and fails with a wrong key', async () => {
		expect(await testCredentialAsN8nDoes(new TencentLiveKitApi(), credentialData())).toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(fake.calls).toEqual([{ command: 'get_callback_token', body: {} }]);
		const bad = await testCredentialAsN8nDoes(new TencentLiveKitApi(), credentialData({ secretKey: 'wrong' }));
		expect(bad).toEqual({ status: 'Error', message: expect.stringContaining('(70009)') });
		const wrongApp = await testCredentialAsN8nDoes(new TencentLiveKitApi(), credentialData({ sdkAppId: '1400000999' }));
		expect(wrongApp).toEqual({ status: 'Error', message: expect.stringContaining('(70020)') });
	});
});
