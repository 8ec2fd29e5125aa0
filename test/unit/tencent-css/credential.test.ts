import type { ICredentialTestFunctions } from 'n8n-workflow';

import { TencentCssCallbackApi } from '../../../credentials/TencentCssCallbackApi.credentials';
import { TencentCssTrigger } from '../../../nodes/TencentCss/TencentCssTrigger.node';

const test = (callbackKey: unknown) =>
	new TencentCssTrigger().methods.credentialTest.tencentCssCallbackKeyTest.call({} as ICredentialTestFunctions, {
		id: '1',
		name: 'key',
		type: 'tencentCssCallbackApi',
		data: { callbackKey } as never,
	});

describe('Tencent CSS callback key credential', () => {
	it('is a password field named callbackKey, tested by the trigger', () => {
		const [field] = new TencentCssCallbackApi().properties;
		expect(field).toMatchObject({ name: 'callbackKey', typeOptions: { password: true } });
		expect(new TencentCssTrigger().description.credentials).toEqual([
			expect.objectContaining({ name: 'tencentCssCallbackApi', required: false, testedBy: 'tencentCssCallbackKeyTest' }),
			// The cloud API credential, only for "Register Automatically".
			{ name: 'tencentCloudApi', required: true, displayOptions: { show: { registerAutomatically: [true] } } },
		]);
	});

	it.each(['adasda131312', 'A', 'a'.repeat(32), 'MyCallbackKey123'])('accepts %s', async (key) => {
		await expect(test(key)).resolves.toMatchObject({ status: 'OK' });
	});

	it.each(['a'.repeat(33), 'has space', 'dash-key', 'ключ', 'key_1'])('refuses %s with the format rule', async (key) => {
		await expect(test(key)).resolves.toEqual({
			status: 'Error',
			message: 'A Tencent callback key has 1 to 32 letters and digits, nothing else',
		});
	});

	it('explains what an empty key means', async () => {
		await expect(test('')).resolves.toMatchObject({ status: 'OK', message: expect.stringContaining('unsigned') });
	});
});
