/**
 * The Huawei Cloud Live action node through its real `execute()` (n8n-core ExecuteContext),
 * signing with the real `huaweiCloudApi` credential, against a loopback fake of the Live API that
 * checks SDK-HMAC-SHA256 with its own code.
 */
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { IDataObject } from 'n8n-workflow';

import { HuaweiCloudApi } from '../../../credentials/HuaweiCloudApi.credentials';
import { HuaweiLive } from '../../../nodes/HuaweiLive/HuaweiLive.node';
import { testCredentialAsN8nDoes } from '../../harness/credentialTest';
import { runExecute } from '../../harness/hook';
import { expectedApigSignature, startHuaweiLiveFake } from '../../servers/huaweiLiveApiFake';
import type { HuaweiLiveFake } from '../../servers/huaweiLiveApiFake';

const ACCOUNT = { accessKey: 'HWTESTACCESSKEY00001', secretKey: 'hwTestSecretKeyForTheLoopbackFake', projectId: '0123456789abcdef0123456789abcdef' };
const HOOK = 'https://n8n.example.com/webhook/abc/webhook';
const RECORD_KEY = 'A'.repeat(16) + '0123456789abcdef';

let fake: HuaweiLiveFake;
beforeEach(async () => {
	fake = await startHuaweiLiveFake(ACCOUNT);
});
afterEach(async () => {
	await fake.close();
});

function credentialData(overrides: IDataObject = {}) {
	return { accessKey: ACCOUNT.accessKey, secretKey: ACCOUNT.secretKey, projectId: ACCOUNT.projectId, endpoint: fake.url, ...overrides };
}

function run(parameters: IDataObject, options: { credential?: IDataObject; continueOnFail?: boolean } = {}) {
	return runExecute({
		nodeType: new HuaweiLive(),
		parameters,
		continueOnFail: options.continueOnFail,
		credentials: { huaweiCloudApi: { type: new HuaweiCloudApi(), data: credentialData(options.credential) } },
	});
}

const createRecord = (extra: IDataObject = {}) =>
	run({
		resource: 'recordCallback',
		operation: 'create',
		publishDomain: 'push.example.com',
		app: 'live',
		callbackUrl: HOOK,
		events: ['RECORD_FILE_COMPLETE', 'RECORD_FAILED'],
		additionalFields: { key: RECORD_KEY, signType: 'HMACSHA256' },
		...extra,
	});

it('the fake\'s own check reproduces Huawei\'s published example (so a pass means a correct signature)', () => {
	expect(
		expectedApigSignature({
			method: 'GET',
			rawUrl: '/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs?limit=2&marker=13551d6b-755d-4757-b956-536f674975c0',
			headers: { 'content-type': 'application/json', host: 'service.region.example.com', 'x-sdk-date': '20191115T033655Z' },
			signedHeaders: ['content-type', 'host', 'x-sdk-date'],
			body: '',
			secretKey: 'MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc',
		}),
	).toBe('7be6668032f70418fcc22abc52071e57aff61b84a1d2381bb430d6870f4f6ebe');
});

describe('Stream Notification', () => {
	it('set adds (201) then replaces (200) the domain\'s configuration; get and delete follow', async () => {
		const [added] = await run({
			resource: 'streamNotification',
			operation: 'set',
			domain: 'push.example.com',
			url: HOOK,
			additionalFields: { authSignKey: 'k'.repeat(32), callBackArea: 'outside_mainland_china' },
		});
		expect(added).toEqual({ domain: 'push.example.com', url: HOOK, call_back_area: 'outside_mainland_china', created: true });
		expect(fake.calls[0]).toEqual({
			method: 'PUT',
			path: 'notifications/publish',
			query: { domain: 'push.example.com' },
			body: { url: HOOK, auth_sign_key: 'k'.repeat(32), call_back_area: 'outside_mainland_china' },
		});
		const sent = fake.requests[0];
		expect(sent.rawUrl).toBe(`/v1/${ACCOUNT.projectId}/notifications/publish?domain=push.example.com`);
		expect(sent.headers['x-project-id']).toBe(ACCOUNT.projectId);
		expect(String(sent.headers.authorization)).toMatch(
			/^SDK-HMAC-SHA256 Access=HWTESTACCESSKEY00001, SignedHeaders=content-type;host;x-project-id;x-sdk-date, Signature=[0-9a-f]{64}$/,
		);

		const [replaced] = await run({ resource: 'streamNotification', operation: 'set', domain: 'push.example.com', url: 'https://other.example.com/h', additionalFields: {} });
		expect(replaced.created).toBe(false);
		expect(fake.publish.get('push.example.com')?.url).toBe('https://other.example.com/h');

		const [got] = await run({ resource: 'streamNotification', operation: 'get', domain: 'push.example.com' });
		expect(got).toMatchObject({ domain: 'push.example.com', url: 'https://other.example.com/h' });
		expect(fake.requests.at(-1)?.headers['content-type']).toBeUndefined();

		const [deleted] = await run({ resource: 'streamNotification', operation: 'delete', domain: 'push.example.com' });
		expect(deleted).toEqual({ domain: 'push.example.com', deleted: true });
		expect(fake.publish.size).toBe(0);
	});

	it('refuses a URL with query parameters and a short key before calling Huawei', async () => {
		await expect(run({ resource: 'streamNotification', operation: 'set', domain: 'd.example.com', url: `${HOOK}?token=1`, additionalFields: {} })).rejects.toThrow(
			NodeOperationError,
		);
		await expect(
			run({ resource: 'streamNotification', operation: 'set', domain: 'd.example.com', url: HOOK, additionalFields: { authSignKey: 'short' } }),
		).rejects.toThrow('32 to 128');
		expect(fake.requests).toHaveLength(0);
	});

	it('surfaces Huawei errors as NodeApiError with error_code and error_msg', async () => {
		const attempt = run({ resource: 'streamNotification', operation: 'get', domain: 'none.example.com' });
		await expect(attempt).rejects.toThrow(NodeApiError);
		await expect(run({ resource: 'streamNotification', operation: 'get', domain: 'none.example.com' })).rejects.toThrow(
			'Huawei Cloud error LIVE.100011001: Request Illegal: no stream notification configuration for this domain',
		);
	});

	it('a wrong SK is refused by the fake\'s signature check', async () => {
		await expect(run({ resource: 'streamNotification', operation: 'get', domain: 'x.example.com' }, { credential: { secretKey: 'wrong' } })).rejects.toThrow(
			'Huawei Cloud error APIGW.0301: Incorrect IAM authentication information: verify aksk signature fail',
		);
		expect(fake.calls).toHaveLength(0);
	});
});

describe('Recording Callback', () => {
	it('create, get, get many, update and delete', async () => {
		const [created] = await createRecord();
		expect(created).toMatchObject({
			id: 'rc-1',
			publish_domain: 'push.example.com',
			app: 'live',
			notify_callback_url: HOOK,
			notify_event_subscription: ['RECORD_FILE_COMPLETE', 'RECORD_FAILED'],
			sign_type: 'HMACSHA256',
		});
		expect(created).not.toHaveProperty('key');
		expect(fake.recordCallbacks.get('rc-1')?.key).toBe(RECORD_KEY);
		await createRecord({ app: '*' });

		const [got] = await run({ resource: 'recordCallback', operation: 'get', configId: 'rc-1' });
		expect(got).toMatchObject({ id: 'rc-1', app: 'live' });

		const all = await run({ resource: 'recordCallback', operation: 'getAll', returnAll: true, filters: {} });
		expect(all.map((c) => c.app)).toEqual(['live', '*']);
		const filtered = await run({ resource: 'recordCallback', operation: 'getAll', returnAll: false, limit: 5, filters: { app: '*' } });
		expect(filtered.map((c) => c.id)).toEqual(['rc-2']);
		expect(fake.calls.at(-1)?.query).toEqual({ offset: '0', limit: '100', app: '*' });

		const [updated] = await run({ resource: 'recordCallback', operation: 'update', configId: 'rc-1', updateFields: { callbackUrl: 'https://other.example.com/r' } });
		expect(updated).toMatchObject({ id: 'rc-1', notify_callback_url: 'https://other.example.com/r', notify_event_subscription: ['RECORD_FILE_COMPLETE', 'RECORD_FAILED'] });
		expect(fake.calls.at(-1)).toEqual({
			method: 'PUT',
			path: 'record/callbacks/rc-1',
			query: {},
			body: {
				publish_domain: 'push.example.com',
				app: 'live',
				notify_callback_url: 'https://other.example.com/r',
				notify_event_subscription: ['RECORD_FILE_COMPLETE', 'RECORD_FAILED'],
				sign_type: 'HMACSHA256',
			},
		});
		expect(fake.recordCallbacks.get('rc-1')?.key).toBe(RECORD_KEY);

		const [deleted] = await run({ resource: 'recordCallback', operation: 'delete', configId: 'rc-1' });
		expect(deleted).toEqual({ id: 'rc-1', deleted: true });
		expect([...fake.recordCallbacks.keys()]).toEqual(['rc-2']);
	});

	it('get many pages through more than 100 configurations', async () => {
		for (let i = 0; i < 120; i++) {
			fake.recordCallbacks.set(`x-${i}`, {
				id: `x-${i}`,
				publish_domain: 'push.example.com',
				app: `app${i}`,
				notify_callback_url: HOOK,
				notify_event_subscription: ['RECORD_OVER'],
				sign_type: 'MD5',
				create_time: '2026-01-01T00:00:00Z',
				update_time: '2026-01-01T00:00:00Z',
			});
		}
		const all = await run({ resource: 'recordCallback', operation: 'getAll', returnAll: true, filters: {} });
		expect(all).toHaveLength(120);
		expect(fake.calls.map((c) => c.query.offset)).toEqual(['0', '100']);
	});

	it('one configuration per domain and app: a second create is refused by Huawei', async () => {
		await createRecord();
		await expect(createRecord()).rejects.toThrow('a recording callback already exists for this domain and app');
		expect(fake.recordCallbacks.size).toBe(1);
	});

	it('refuses a short key locally, and reports a missing configuration from Huawei', async () => {
		await expect(createRecord({ additionalFields: { key: 'short' } })).rejects.toThrow('at least 32 letters and digits');
		await expect(run({ resource: 'recordCallback', operation: 'get', configId: 'nope' })).rejects.toThrow('record callback config not found');
	});

	it('Continue On Fail turns an error into an item', async () => {
		const out = await run({ resource: 'recordCallback', operation: 'delete', configId: 'nope' }, { continueOnFail: true });
		expect(out).toEqual([{ error: expect.stringContaining('Huawei Cloud error LIVE.100011001'), description: expect.any(String) }]);
	});
});

describe('huaweiCloudApi credential test', () => {
	it('passes with the right AK/SK and fails with the 401 rule otherwise', async () => {
		expect(await testCredentialAsN8nDoes(new HuaweiCloudApi(), credentialData())).toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(fake.calls).toEqual([{ method: 'GET', path: 'record/callbacks', query: { limit: '1' }, body: undefined }]);
		expect(await testCredentialAsN8nDoes(new HuaweiCloudApi(), credentialData({ secretKey: 'bad' }))).toEqual({
			status: 'Error',
			message: 'Huawei Cloud rejected the AK/SK signature: check the AK and SK',
		});
		expect(await testCredentialAsN8nDoes(new HuaweiCloudApi(), credentialData({ accessKey: 'OTHER' }))).toMatchObject({ status: 'Error' });
	});
});
