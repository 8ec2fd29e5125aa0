/** The credential test, the (manual) webhook lifecycle and the node description. */
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { publish, unpublish } from '../../harness/hooks';
import { KEY, node } from './shared';

describe('credential test and webhook lifecycle', () => {
	const test = (data: ICredentialDataDecryptedObject) =>
		node.methods.credentialTest.huaweiLiveCallbackKeysTest.call({} as never, {
			id: '1',
			name: 'huawei',
			type: 'huaweiLiveCallbackApi',
			data,
		});

	it('checks key lengths', async () => {
		expect(await test({})).toMatchObject({ status: 'OK', message: expect.stringContaining('unsigned') });
		expect(await test({ streamNotifyKey: KEY, recordCallbackKey: KEY })).toMatchObject({
			status: 'OK',
			message: 'Keys with a valid length: Stream Notification Key, Recording Callback Key',
		});
		expect(await test({ streamNotifyKey: 'short' })).toMatchObject({ status: 'Error', message: expect.stringContaining('32 to 128') });
		expect(await test({ snapshotKey: 'x'.repeat(129) })).toMatchObject({ status: 'Error' });
		expect(await test({ recordCallbackKey: 'x'.repeat(31) })).toMatchObject({ status: 'Error', message: expect.stringContaining('at least 32') });
	});

	it('has nothing to register remotely unless "Register Automatically" is on', async () => {
		// Through n8n-core's HookContext; no cloud credential is even selected.
		const setup = { parameters: { events: ['*'] }, credentials: {}, staticData: {} };
		expect(await publish(node, setup)).toBe(false);
		await expect(unpublish(node, setup)).resolves.toBeUndefined();
	});

	it('describes the node and credential as the issue names them', () => {
		expect(node.description.name).toBe('huaweiLiveTrigger');
		expect(node.description.displayName).toBe('Huawei Cloud Live Trigger');
		expect(node.description.credentials).toEqual([
			expect.objectContaining({ name: 'huaweiLiveCallbackApi', required: false }),
			// The cloud API credential, only for "Register Automatically".
			{ name: 'huaweiCloudApi', required: true, displayOptions: { show: { registerAutomatically: [true] } } },
		]);
		const events = node.description.properties.find((p) => p.name === 'events');
		expect(events?.options?.map((o) => (o as { value: string }).value).sort()).toEqual(
			[
				'*',
				'recording.completed',
				'recording.ended',
				'recording.failed',
				'recording.file_started',
				'recording.started',
				'snapshot.created',
				'stream.started',
				'stream.stopped',
				'unknown',
			].sort(),
		);
	});
});
