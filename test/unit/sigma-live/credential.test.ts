import type { ICredentialDataDecryptedObject, ICredentialTestRequest } from 'n8n-workflow';

import { SigmaLiveApi } from '../../../credentials/SigmaLiveApi.credentials';
import { SigmaLive } from '../../../nodes/SigmaLive/SigmaLive.node';
import { runCredentialTest } from '../../harness/hook';
import { FakeSigmaApi } from '../../servers/sigmaLiveApiFake';

const credential = new SigmaLiveApi();
let api: FakeSigmaApi;

beforeEach(async () => {
	api = new FakeSigmaApi();
	await api.start();
});

afterEach(async () => {
	await api.stop();
});

const test_ = (data: ICredentialDataDecryptedObject) =>
	runCredentialTest({ nodeType: new SigmaLive(), credentials: { sigmaLiveApi: { type: credential, data } } }, 'sigmaLiveApi');

/** The message n8n shows for a status, from the credential's rules. */
function ruleMessage(status: number): string | undefined {
	const rules = (credential.test as ICredentialTestRequest).rules ?? [];
	for (const rule of rules) {
		if (rule.type === 'responseCode' && rule.properties.value === status) return rule.properties.message;
	}
	return undefined;
}

describe('Sigma Livestream API credential', () => {
	test('the test request lists one webhook with HTTP Basic; a trailing slash in the base URL is fine', async () => {
		const result = await test_({ ...api.credentials, baseUrl: `${api.baseUrl}/` });
		expect(result.status).toBe(200);
		expect(result.body).toMatchObject({ ec: 0, data: { data: [], total: 0 } });
		expect(api.requests).toEqual([
			{ method: 'GET', path: '/v1/webhook', query: { page: '0', length: '1' }, body: undefined, authorized: true },
		]);
	});

	test('a wrong secret fails with a clear reason', async () => {
		const result = await test_({ ...api.credentials, tokenSecret: 'wrong' });
		expect(result.status).toBe(401);
		expect(ruleMessage(result.status)).toBe('The API server refused the Token ID or Token Secret (HTTP 401)');
	});

	test('a base URL without the webhook API fails with a clear reason', async () => {
		const result = await test_({ ...api.credentials, baseUrl: `${api.baseUrl}/nothing-here` });
		expect(result.status).toBe(404);
		expect(ruleMessage(result.status)).toMatch(/No Sigma webhook API at this base URL/);
	});
});
