/** The cloud API credentials' tests, run as n8n runs them, against the loopback API fakes. */
import { TencentCloudApi } from '../../../credentials/TencentCloudApi.credentials';
import { testCredentialAsN8nDoes } from '../../harness/credentialTest';
import { startTencentCssFake } from '../../servers/tencentCssApiFake';

describe('tencentCloudApi credential test', () => {
	it('passes with the right key and fails with a precise message otherwise', async () => {
		const fake = await startTencentCssFake({ AKIDgood: 'goodkey' });
		try {
			const ok = await testCredentialAsN8nDoes(new TencentCloudApi(), { secretId: 'AKIDgood', secretKey: 'goodkey', endpoint: fake.url, sessionToken: '' });
			expect(ok).toEqual({ status: 'OK', message: 'Connection successful!' });
			expect(fake.actions).toEqual([{ action: 'DescribeLiveCallbackTemplates', body: {} }]);

			const badKey = await testCredentialAsN8nDoes(new TencentCloudApi(), { secretId: 'AKIDgood', secretKey: 'bad', endpoint: fake.url, sessionToken: '' });
			expect(badKey).toEqual({ status: 'Error', message: expect.stringContaining('(AuthFailure.SignatureFailure)') });

			const badId = await testCredentialAsN8nDoes(new TencentCloudApi(), { secretId: 'AKIDnope', secretKey: 'goodkey', endpoint: fake.url, sessionToken: '' });
			expect(badId).toEqual({ status: 'Error', message: expect.stringContaining('(AuthFailure.SecretIdNotFound)') });

			fake.failNext('DescribeLiveCallbackTemplates', 'UnsupportedOperation.NotLVBCodeMode', 'not LVB code mode');
			const notLvb = await testCredentialAsN8nDoes(new TencentCloudApi(), { secretId: 'AKIDgood', secretKey: 'goodkey', endpoint: fake.url, sessionToken: '' });
			expect(notLvb).toEqual({ status: 'Error', message: expect.stringContaining('LVB-code') });
		} finally {
			await fake.close();
		}
	});

	it('sends X-TC-Token when a session token is set', async () => {
		const fake = await startTencentCssFake({ AKIDgood: 'goodkey' });
		try {
			await testCredentialAsN8nDoes(new TencentCloudApi(), { secretId: 'AKIDgood', secretKey: 'goodkey', endpoint: fake.url, sessionToken: 'sts-token' });
			expect(fake.requests[0].headers['x-tc-token']).toBe('sts-token');
		} finally {
			await fake.close();
		}
	});
});
