/**
 * "Register automatically" on the Huawei Cloud Live Trigger: publish / unpublish / test listening
 * through the real webhookMethods in n8n-core's HookContext, against the loopback Live API fake.
 */
import type { IDataObject } from 'n8n-workflow';

import { HuaweiCloudApi } from '../../../credentials/HuaweiCloudApi.credentials';
import { HuaweiLiveCallbackApi } from '../../../credentials/HuaweiLiveCallbackApi.credentials';
import { HuaweiLiveTrigger } from '../../../nodes/HuaweiLive/HuaweiLiveTrigger.node';
import { runHook } from '../../harness/hook';
import { listenForTestEvent, PRODUCTION_URL, publish, unpublish } from '../../harness/hooks';
import type { HookSetup, Logged } from '../../harness/hooks';
import { startHuaweiLiveFake } from '../../servers/huaweiLiveApiFake';
import type { HuaweiLiveFake } from '../../servers/huaweiLiveApiFake';

const ACCOUNT = { accessKey: 'HWREGISTRATION000001', secretKey: 'hwRegistrationSecretKeyForTheFake', projectId: 'fedcba9876543210fedcba9876543210' };
const STREAM_KEY = 's'.repeat(32);
const RECORD_KEY = 'R0'.repeat(16);

let fake: HuaweiLiveFake;
beforeEach(async () => {
	fake = await startHuaweiLiveFake(ACCOUNT);
});
afterEach(async () => {
	await fake.close();
});

function setup(parameters: IDataObject = {}): HookSetup {
	return {
		parameters: { events: ['*'], registerAutomatically: true, replaceExisting: false, ingestDomain: 'push.example.com', recordApp: '*', ...parameters },
		credentials: {
			huaweiCloudApi: { type: new HuaweiCloudApi(), data: { ...ACCOUNT, endpoint: fake.url } },
			huaweiLiveCallbackApi: { type: new HuaweiLiveCallbackApi(), data: { streamNotifyKey: STREAM_KEY, recordCallbackKey: RECORD_KEY, recordSignType: 'MD5', snapshotKey: '' } },
		},
		staticData: {},
	};
}

const trigger = new HuaweiLiveTrigger();

it('publish sets the stream notification and a recording callback with the credential keys; restart is idempotent; unpublish removes both', async () => {
	const s = setup();
	expect(await publish(trigger, s)).toBe(true);
	expect(fake.publish.get('push.example.com')).toEqual({ url: PRODUCTION_URL, auth_sign_key: STREAM_KEY, call_back_area: undefined });
	expect([...fake.recordCallbacks.values()]).toEqual([
		expect.objectContaining({
			publish_domain: 'push.example.com',
			app: '*',
			notify_callback_url: PRODUCTION_URL,
			notify_event_subscription: ['RECORD_NEW_FILE_START', 'RECORD_FILE_COMPLETE', 'RECORD_OVER', 'RECORD_FAILED'],
			sign_type: 'MD5',
			key: RECORD_KEY,
		}),
	]);

	expect(await publish(trigger, s)).toBe(false);
	expect(fake.recordCallbacks.size).toBe(1);

	await unpublish(trigger, s);
	expect(fake.publish.size).toBe(0);
	expect(fake.recordCallbacks.size).toBe(0);
});

it('only stream events: no recording configuration is made', async () => {
	await publish(trigger, setup({ events: ['stream.started'] }));
	expect(fake.publish.has('push.example.com')).toBe(true);
	expect(fake.recordCallbacks.size).toBe(0);
});

it('refuses to take over a domain configured elsewhere, changing nothing; replaces with the option', async () => {
	fake.publish.set('push.example.com', { url: 'https://elsewhere.example.com/live' });
	const s = setup();
	await expect(publish(trigger, s)).rejects.toThrow(
		'Ingest domain "push.example.com" is already configured: its stream notifications go to https://elsewhere.example.com/live. Huawei holds one configuration per domain',
	);
	expect(fake.publish.get('push.example.com')).toEqual({ url: 'https://elsewhere.example.com/live' });
	expect(fake.recordCallbacks.size).toBe(0);

	s.parameters.replaceExisting = true;
	await publish(trigger, s);
	expect(fake.publish.get('push.example.com')?.url).toBe(PRODUCTION_URL);
});

it('takes over an existing recording configuration of the same domain and app in place (no duplicate)', async () => {
	fake.recordCallbacks.set('theirs', {
		id: 'theirs', publish_domain: 'push.example.com', app: '*', notify_callback_url: 'https://elsewhere.example.com/rec',
		notify_event_subscription: ['RECORD_OVER'], sign_type: 'HMACSHA256', create_time: '', update_time: '',
	});
	const s = setup({ events: ['recording.completed'] });
	await expect(publish(trigger, s)).rejects.toThrow('its recording callbacks (app "*") go to https://elsewhere.example.com/rec');
	s.parameters.replaceExisting = true;
	await publish(trigger, s);
	expect([...fake.recordCallbacks.values()]).toEqual([
		expect.objectContaining({ id: 'theirs', notify_callback_url: PRODUCTION_URL, notify_event_subscription: ['RECORD_FILE_COMPLETE'] }),
	]);
});

it('unpublish leaves configurations alone that were pointed elsewhere meanwhile', async () => {
	const s = setup();
	await publish(trigger, s);
	fake.publish.set('push.example.com', { url: 'https://elsewhere.example.com/live' });
	await unpublish(trigger, s);
	expect(fake.publish.get('push.example.com')?.url).toBe('https://elsewhere.example.com/live');
	expect(fake.recordCallbacks.size).toBe(0);
});

it('listening for a test event changes nothing at Huawei and says why', async () => {
	const logs: Logged[] = [];
	await listenForTestEvent(trigger, setup(), logs);
	expect(fake.requests).toHaveLength(0);
	expect(logs).toContainEqual({ level: 'info', message: expect.stringContaining('unchanged while listening for test events') });
});

it('only snapshot events: nothing can be registered, and it says so', async () => {
	await expect(publish(trigger, setup({ events: ['snapshot.created'] }))).rejects.toThrow('nothing to register');
	expect(fake.calls).toHaveLength(0);
});

it('checkExists only reads: a stale registration is reported, and replaced by create, not by checkExists', async () => {
	const s = setup();
	await publish(trigger, s);
	s.parameters.events = ['stream.started'];
	const snapshot = () => JSON.stringify({ publish: [...fake.publish.entries()], records: [...fake.recordCallbacks.entries()] });
	const before = snapshot();
	expect((await runHook({ nodeType: trigger, ...s }, 'checkExists')).result).toBe(false);
	expect(snapshot()).toBe(before);
	await runHook({ nodeType: trigger, ...s }, 'create');
	expect(fake.publish.get('push.example.com')).toMatchObject({ url: PRODUCTION_URL });
	expect(fake.recordCallbacks.size).toBe(0);
});
