/**
 * "Register automatically" on the Tencent CSS Trigger: publish / unpublish / test listening through
 * the real webhookMethods in n8n-core's HookContext, against the loopback CSS API fake.
 */
import type { IDataObject } from 'n8n-workflow';

import { TencentCloudApi } from '../../../credentials/TencentCloudApi.credentials';
import { TencentCssCallbackApi } from '../../../credentials/TencentCssCallbackApi.credentials';
import { TencentCssTrigger } from '../../../nodes/TencentCss/TencentCssTrigger.node';
import { runHook } from '../../harness/hook';
import { listenForTestEvent, PRODUCTION_URL, publish, unpublish } from '../../harness/hooks';
import type { HookSetup, Logged } from '../../harness/hooks';
import { startTencentCssFake } from '../../servers/tencentCssApiFake';
import type { TencentCssFake } from '../../servers/tencentCssApiFake';

const SECRET_ID = 'AKIDregistration0001';
const SECRET_KEY = 'registrationSecretKeyForTheFake01';

let fake: TencentCssFake;
beforeEach(async () => {
	fake = await startTencentCssFake({ [SECRET_ID]: SECRET_KEY });
});
afterEach(async () => {
	await fake.close();
});

function setup(parameters: IDataObject = {}, staticData: IDataObject = {}): HookSetup {
	return {
		parameters: {
			events: ['stream.started', 'stream.stopped', 'recording.completed'],
			registerAutomatically: true,
			pushDomain: 'push.example.com',
			appName: 'live',
			replaceExisting: false,
			...parameters,
		},
		credentials: {
			tencentCloudApi: { type: new TencentCloudApi(), data: { secretId: SECRET_ID, secretKey: SECRET_KEY, endpoint: fake.url, sessionToken: '' } },
			tencentCssCallbackApi: { type: new TencentCssCallbackApi(), data: { callbackKey: 'cbKey123' } },
		},
		staticData,
	};
}

const trigger = new TencentCssTrigger();
/** The node's static data as n8n keeps it: `node:<node name>`. */
const registration = (s: HookSetup) => (s.staticData['node:Tencent CSS Trigger'] as IDataObject | undefined)?.registration;

it('publish creates one template for the production URL and binds it; unpublish removes exactly that', async () => {
	const s = setup();
	expect(await publish(trigger, s)).toBe(true);
	expect([...fake.templates.values()]).toEqual([
		expect.objectContaining({
			TemplateId: 1000,
			TemplateName: 'n8n_workflow-1',
			StreamBeginNotifyUrl: PRODUCTION_URL,
			StreamEndNotifyUrl: PRODUCTION_URL,
			RecordNotifyUrl: PRODUCTION_URL,
			SnapshotNotifyUrl: '',
			CallbackKey: 'cbKey123',
		}),
	]);
	expect(fake.rules).toEqual([expect.objectContaining({ DomainName: 'push.example.com', AppName: 'live', TemplateId: 1000 })]);
	expect(registration(s)).toMatchObject({ templateId: 1000, domainName: 'push.example.com', appName: 'live', url: PRODUCTION_URL });

	// A restart: checkExists finds everything in place, nothing is created twice.
	expect(await publish(trigger, s)).toBe(false);
	expect(fake.templates.size).toBe(1);
	expect(fake.rules).toHaveLength(1);

	await unpublish(trigger, s);
	expect(fake.templates.size).toBe(0);
	expect(fake.rules).toHaveLength(0);
	expect(registration(s)).toBeUndefined();
});

it('changing the selected events re-registers without leaving the old template behind', async () => {
	const s = setup();
	await publish(trigger, s);
	s.parameters.events = ['snapshot.created'];
	expect(await publish(trigger, s)).toBe(true);
	expect([...fake.templates.values()]).toEqual([
		expect.objectContaining({ TemplateId: 1001, SnapshotNotifyUrl: PRODUCTION_URL, StreamBeginNotifyUrl: '' }),
	]);
	expect(fake.rules).toEqual([expect.objectContaining({ TemplateId: 1001 })]);
});

it('a template deleted in the console is re-created on the next publish', async () => {
	const s = setup();
	await publish(trigger, s);
	fake.rules.splice(0);
	fake.templates.clear();
	expect(await publish(trigger, s)).toBe(true);
	expect(fake.templates.size).toBe(1);
	expect(fake.rules).toHaveLength(1);
});

it('refuses to take over a domain bound to another template, explains why, and changes nothing', async () => {
	fake.templates.set(77, {
		TemplateId: 77, TemplateName: 'theirs', Description: '', StreamBeginNotifyUrl: 'https://elsewhere.example.com/cb', StreamEndNotifyUrl: '',
		RecordNotifyUrl: '', SnapshotNotifyUrl: '', PornCensorshipNotifyUrl: '', CallbackKey: '', StreamMixNotifyUrl: '', PushExceptionNotifyUrl: null, AudioAuditNotifyUrl: null,
	});
	fake.rules.push({ CreateTime: '', UpdateTime: '', TemplateId: 77, DomainName: 'push.example.com', AppName: 'live' });
	const s = setup();
	await expect(publish(trigger, s)).rejects.toThrow(
		'Push domain "push.example.com" (app "live") already uses callback template 77. Tencent holds one template per domain and app: enable "Replace Existing Configuration"',
	);
	expect([...fake.templates.keys()]).toEqual([77]);
	expect(fake.rules).toEqual([expect.objectContaining({ TemplateId: 77 })]);
	expect(registration(s)).toBeUndefined();

	// With "Replace Existing Configuration": rebinds to our template, keeps theirs; unpublish removes only ours.
	s.parameters.replaceExisting = true;
	await publish(trigger, s);
	expect(fake.rules).toEqual([expect.objectContaining({ TemplateId: 1000 })]);
	expect([...fake.templates.keys()]).toEqual([77, 1000]);
	await unpublish(trigger, s);
	expect([...fake.templates.keys()]).toEqual([77]);
	expect(fake.rules).toHaveLength(0);
});

it('unpublish leaves a rule alone that someone rebound to another template meanwhile', async () => {
	const s = setup();
	await publish(trigger, s);
	fake.rules[0].TemplateId = 55;
	await unpublish(trigger, s);
	expect(fake.rules).toEqual([expect.objectContaining({ TemplateId: 55 })]);
	expect(fake.templates.size).toBe(0);
});

it('a refused rule leaves no orphan template and surfaces Tencent\'s error', async () => {
	fake.failNext('CreateLiveCallbackRule', 'InvalidParameter.DomainFormatError', 'bad domain');
	const s = setup();
	await expect(publish(trigger, s)).rejects.toThrow('Tencent Cloud error InvalidParameter.DomainFormatError: bad domain');
	expect(fake.templates.size).toBe(0);
	expect(registration(s)).toBeUndefined();
});

it('listening for a test event changes nothing at Tencent and says why', async () => {
	const logs: Logged[] = [];
	await listenForTestEvent(trigger, setup(), logs);
	expect(fake.requests).toHaveLength(0);
	expect(logs).toContainEqual({ level: 'info', message: expect.stringContaining('leaves the provider configuration unchanged while listening for test events') });
});

it('with the option off, publishing calls no API at all', async () => {
	const s = setup({ registerAutomatically: false });
	expect(await publish(trigger, s)).toBe(false);
	await unpublish(trigger, s);
	expect(fake.requests).toHaveLength(0);
});

it('events that no template field carries are refused with an explanation', async () => {
	await expect(publish(trigger, setup({ events: ['relay.started', 'ai.summary'] }))).rejects.toThrow('nothing to register');
	expect(fake.templates.size).toBe(0);
});

it('adopts nothing foreign but cleans up its own leftover when static data was lost', async () => {
	const first = setup();
	await publish(trigger, first);
	// Same workflow, static data lost (e.g. re-imported): the rule points at our own template.
	const again = setup();
	expect(await publish(trigger, again)).toBe(true);
	expect([...fake.templates.keys()]).toEqual([1001]);
	expect(fake.rules).toEqual([expect.objectContaining({ TemplateId: 1001 })]);
});

it('checkExists only reads: a stale registration is reported, and removed by create, not by checkExists', async () => {
	const s = setup();
	await publish(trigger, s);
	s.parameters.events = ['snapshot.created'];
	const before = { templates: JSON.stringify([...fake.templates.values()]), rules: JSON.stringify(fake.rules) };
	const check = await runHook({ nodeType: trigger, ...s }, 'checkExists');
	expect(check.result).toBe(false);
	expect(JSON.stringify([...fake.templates.values()])).toBe(before.templates);
	expect(JSON.stringify(fake.rules)).toBe(before.rules);
	await runHook({ nodeType: trigger, ...s }, 'create');
	expect([...fake.templates.values()]).toEqual([expect.objectContaining({ SnapshotNotifyUrl: PRODUCTION_URL })]);
	expect(fake.rules).toHaveLength(1);
});
