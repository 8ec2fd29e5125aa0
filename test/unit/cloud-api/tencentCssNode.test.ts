/**
 * The Tencent CSS action node through its real `execute()` (n8n-core ExecuteContext), signing with
 * the real `tencentCloudApi` credential, against a loopback fake of the CSS API that checks TC3.
 */
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { IDataObject } from 'n8n-workflow';

import { TencentCloudApi } from '../../../credentials/TencentCloudApi.credentials';
import { TencentCss } from '../../../nodes/TencentCss/TencentCss.node';
import { runExecute } from '../../harness/hook';
import { expectedTc3Signature, startTencentCssFake } from '../../servers/tencentCssApiFake';
import type { TencentCssFake } from '../../servers/tencentCssApiFake';

const SECRET_ID = 'AKIDtestsecretid0001';
const SECRET_KEY = 'testSecretKeyForTheLoopbackFake01';
const HOOK = 'https://n8n.example.com/webhook/abc/webhook';

let fake: TencentCssFake;
beforeEach(async () => {
	fake = await startTencentCssFake({ [SECRET_ID]: SECRET_KEY });
});
afterEach(async () => {
	await fake.close();
});

function run(parameters: IDataObject, options: { secretKey?: string; continueOnFail?: boolean; items?: IDataObject[] } = {}) {
	return runExecute(
		{
			nodeType: new TencentCss(),
			parameters,
			continueOnFail: options.continueOnFail,
			credentials: {
				tencentCloudApi: {
					type: new TencentCloudApi(),
					data: { secretId: SECRET_ID, secretKey: options.secretKey ?? SECRET_KEY, endpoint: fake.url, sessionToken: '' },
				},
			},
		},
		options.items,
	);
}

const createTemplate = (extra: IDataObject = {}) =>
	run({
		resource: 'callbackTemplate',
		operation: 'create',
		templateName: 'n8n_hooks',
		callbackUrl: HOOK,
		events: ['streamBegin', 'streamEnd', 'record'],
		additionalFields: { callbackKey: 'abc123XYZ', description: 'made by n8n' },
		...extra,
	});

describe('the fake checks TC3 with its own code', () => {
	it('agrees with published vector L1 (so a pass means a correct signature)', () => {
		expect(
			expectedTc3Signature({
				method: 'POST',
				canonicalQuery: '',
				headers: { 'content-type': 'application/json', host: 'live.tencentcloudapi.com' },
				signedHeaders: ['content-type', 'host'],
				body: '{}',
				timestamp: '1700000000',
				date: '2023-11-14',
				service: 'live',
				secretKey: 'Gu5t9xGARNpq86cd98joQYCN3EXAMPLE',
			}),
		).toBe('6c8ce4f9378f7eea06395958242f94f058e6e9e7a3eeb1d621dab58378009652');
	});

	it('agrees with published vector A', () => {
		expect(
			expectedTc3Signature({
				method: 'POST',
				canonicalQuery: '',
				headers: { 'content-type': 'application/json; charset=utf-8', host: 'cvm.tencentcloudapi.com' },
				signedHeaders: ['content-type', 'host'],
				body: '{"Limit": 1, "Filters": [{"Values": ["\\u672a\\u547d\\u540d"], "Name": "instance-name"}]}',
				timestamp: '1551113065',
				date: '2019-02-25',
				service: 'cvm',
				secretKey: 'Gu5t9xGARNpq86cd98joQYCN3EXAMPLE',
			}),
		).toBe('72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168');
	});
});

describe('Callback Template', () => {
	it('create sends the chosen URL fields, key and description, signed, and returns the TemplateId', async () => {
		const [item] = await createTemplate();
		expect(item).toEqual({ TemplateId: 1000, RequestId: expect.any(String) });
		expect(fake.actions).toEqual([
			{
				action: 'CreateLiveCallbackTemplate',
				body: {
					TemplateName: 'n8n_hooks',
					StreamBeginNotifyUrl: HOOK,
					StreamEndNotifyUrl: HOOK,
					RecordNotifyUrl: HOOK,
					Description: 'made by n8n',
					CallbackKey: 'abc123XYZ',
				},
			},
		]);
		const sent = fake.requests[0];
		expect(sent.headers['x-tc-version']).toBe('2018-08-01');
		expect(sent.headers['content-type']).toBe('application/json');
		expect(String(sent.headers.authorization)).toMatch(
			/^TC3-HMAC-SHA256 Credential=AKIDtestsecretid0001\/\d{4}-\d{2}-\d{2}\/live\/tc3_request, SignedHeaders=content-type;host;x-tc-action, Signature=[0-9a-f]{64}$/,
		);
	});

	it('get, get many, update and delete work on the stored template', async () => {
		await createTemplate();
		await createTemplate({ templateName: 'second' });
		const [got] = await run({ resource: 'callbackTemplate', operation: 'get', templateId: 1000 });
		expect(got).toMatchObject({ TemplateId: 1000, TemplateName: 'n8n_hooks', StreamBeginNotifyUrl: HOOK, CallbackKey: 'abc123XYZ' });

		const many = await run({ resource: 'callbackTemplate', operation: 'getAll', returnAll: true });
		expect(many.map((t) => t.TemplateName)).toEqual(['n8n_hooks', 'second']);
		const limited = await run({ resource: 'callbackTemplate', operation: 'getAll', returnAll: false, limit: 1 });
		expect(limited).toHaveLength(1);

		const [updated] = await run({
			resource: 'callbackTemplate',
			operation: 'update',
			templateId: 1000,
			updateFields: { callbackUrl: 'https://other.example.com/hook', events: ['snapshot'], description: 'changed' },
		});
		expect(updated).toMatchObject({ TemplateId: 1000, updated: true });
		expect(fake.templates.get(1000)).toMatchObject({
			SnapshotNotifyUrl: 'https://other.example.com/hook',
			StreamBeginNotifyUrl: HOOK,
			Description: 'changed',
		});
		expect(fake.actions.at(-1)).toEqual({
			action: 'ModifyLiveCallbackTemplate',
			body: { TemplateId: 1000, Description: 'changed', SnapshotNotifyUrl: 'https://other.example.com/hook' },
		});

		const [deleted] = await run({ resource: 'callbackTemplate', operation: 'delete', templateId: 1000 });
		expect(deleted).toMatchObject({ TemplateId: 1000, deleted: true });
		expect([...fake.templates.keys()]).toEqual([1001]);
	});

	it.each([
		[{ templateName: 'x'.repeat(31) }, /at most 30/],
		[{ templateName: 'bad name!' }, /only letters, digits/],
		[{ additionalFields: { description: 'd'.repeat(101) } }, /at most 100/],
		[{ additionalFields: { callbackKey: 'has-dash' } }, /1 to 32 letters and digits/],
		[{ additionalFields: { callbackKey: 'k'.repeat(33) } }, /1 to 32 letters and digits/],
		[{ callbackUrl: 'ftp://x' }, /http:\/\/ or https:\/\//],
		[{ events: [] }, /at least one event/],
	])('create refuses console-limit violations before calling Tencent: %j', async (extra, message) => {
		const attempt = createTemplate(extra);
		await expect(attempt).rejects.toThrow(NodeOperationError);
		await expect(createTemplate(extra)).rejects.toThrow(message);
		expect(fake.requests).toHaveLength(0);
	});

	it('accepts the limits exactly (30-character name, 100-character description, 32-character key)', async () => {
		const [item] = await createTemplate({
			templateName: 'n'.repeat(30),
			additionalFields: { description: 'd'.repeat(100), callbackKey: 'K'.repeat(32) },
		});
		expect(item.TemplateId).toBe(1000);
	});

	it('update without fields, or a URL without events, is refused locally', async () => {
		await expect(run({ resource: 'callbackTemplate', operation: 'update', templateId: 5, updateFields: {} })).rejects.toThrow(
			/Nothing to update/,
		);
		await expect(
			run({ resource: 'callbackTemplate', operation: 'update', templateId: 5, updateFields: { callbackUrl: HOOK } }),
		).rejects.toThrow(/together/);
		expect(fake.requests).toHaveLength(0);
	});

	it('surfaces Tencent errors as NodeApiError with the code and message', async () => {
		const attempt = run({ resource: 'callbackTemplate', operation: 'get', templateId: 4242 });
		await expect(attempt).rejects.toThrow(NodeApiError);
		await expect(run({ resource: 'callbackTemplate', operation: 'get', templateId: 4242 })).rejects.toThrow(
			'Tencent Cloud error InternalError.ConfNotFound: The template does not exist.',
		);
	});

	it('a wrong SecretKey is refused by the fake with AuthFailure.SignatureFailure', async () => {
		await expect(run({ resource: 'callbackTemplate', operation: 'getAll', returnAll: true }, { secretKey: 'wrong' })).rejects.toThrow(
			'Tencent Cloud error AuthFailure.SignatureFailure',
		);
		expect(fake.actions).toHaveLength(0);
	});

	it('a bound template cannot be deleted (FailedOperation.ConfInUsed)', async () => {
		await createTemplate();
		await run({ resource: 'callbackRule', operation: 'create', domainName: 'push.example.com', appName: 'live', templateId: 1000 });
		await expect(run({ resource: 'callbackTemplate', operation: 'delete', templateId: 1000 })).rejects.toThrow(
			'FailedOperation.ConfInUsed',
		);
		expect(fake.templates.has(1000)).toBe(true);
	});

	it('with Continue On Fail, an error becomes an item paired with its input', async () => {
		const out = await run({ resource: 'callbackTemplate', operation: 'get', templateId: 77 }, { continueOnFail: true });
		expect(out).toEqual([{ error: 'Tencent Cloud error InternalError.ConfNotFound: The template does not exist.', description: expect.stringContaining('InternalError.ConfNotFound') }]);
	});
});

describe('Callback Rule', () => {
	it('create binds a template, get many lists and filters, delete unbinds', async () => {
		await createTemplate();
		const [created] = await run({ resource: 'callbackRule', operation: 'create', domainName: 'push.example.com', appName: 'live', templateId: 1000 });
		expect(created).toMatchObject({ DomainName: 'push.example.com', AppName: 'live', TemplateId: 1000, created: true });
		expect(fake.actions.at(-1)).toEqual({
			action: 'CreateLiveCallbackRule',
			body: { DomainName: 'push.example.com', AppName: 'live', TemplateId: 1000 },
		});
		await run({ resource: 'callbackRule', operation: 'create', domainName: 'push2.example.com', appName: 'live', templateId: 1000 });

		const all = await run({ resource: 'callbackRule', operation: 'getAll', returnAll: true, filters: {} });
		expect(all.map((r) => r.DomainName)).toEqual(['push.example.com', 'push2.example.com']);
		const filtered = await run({ resource: 'callbackRule', operation: 'getAll', returnAll: true, filters: { domainName: 'push2.example.com' } });
		expect(filtered).toEqual([expect.objectContaining({ DomainName: 'push2.example.com', TemplateId: 1000 })]);

		const [deleted] = await run({ resource: 'callbackRule', operation: 'delete', domainName: 'push.example.com', appName: 'live' });
		expect(deleted).toMatchObject({ DomainName: 'push.example.com', AppName: 'live', deleted: true });
		expect(fake.actions.at(-1)).toEqual({ action: 'DeleteLiveCallbackRule', body: { DomainName: 'push.example.com', AppName: 'live' } });
		expect(fake.rules.map((r) => r.DomainName)).toEqual(['push2.example.com']);
	});

	it('a second rule for the same domain and app is refused by the one-template rule', async () => {
		await createTemplate();
		await run({ resource: 'callbackRule', operation: 'create', domainName: 'push.example.com', appName: 'live', templateId: 1000 });
		await expect(
			run({ resource: 'callbackRule', operation: 'create', domainName: 'push.example.com', appName: 'live', templateId: 1000 }),
		).rejects.toThrow('InternalError.RuleAlreadyExist');
		expect(fake.rules).toHaveLength(1);
	});

	it('binding a missing template and deleting a missing rule surface Tencent\'s errors', async () => {
		await expect(
			run({ resource: 'callbackRule', operation: 'create', domainName: 'push.example.com', appName: 'live', templateId: 999 }),
		).rejects.toThrow('InvalidParameter.ConfNotFound');
		await expect(run({ resource: 'callbackRule', operation: 'delete', domainName: 'push.example.com', appName: 'live' })).rejects.toThrow(
			'FailedOperation.NotFound',
		);
	});

	it('runs once per input item, each output paired with its item', async () => {
		await createTemplate();
		const out = await run(
			{ resource: 'callbackRule', operation: 'create', domainName: '={{ $json.domain }}', appName: 'live', templateId: 1000 },
			{ items: [{ domain: 'a.example.com' }, { domain: 'b.example.com' }] },
		);
		expect(out.map((o) => o.DomainName)).toEqual(['a.example.com', 'b.example.com']);
	});
});
