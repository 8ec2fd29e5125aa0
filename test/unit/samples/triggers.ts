/**
 * Each provider's trigger as the sample tests and docs/sample-items.md use it: the node, the
 * callback secrets it is configured with, and how a received request reaches its real webhook()
 * (n8n-core's WebhookContext, test/harness/webhook.ts).
 */
import { createHash } from 'node:crypto';

import type { ICredentialDataDecryptedObject, IDataObject, INodeType } from 'n8n-workflow';

import { HuaweiLiveTrigger } from '../../../nodes/HuaweiLive/HuaweiLiveTrigger.node';
import type { ProviderId } from '../../../nodes/LivestreamTestCallback/providers';
import { SigmaLiveTrigger } from '../../../nodes/SigmaLive/SigmaLiveTrigger.node';
import { TencentCssTrigger } from '../../../nodes/TencentCss/TencentCssTrigger.node';
import { TencentLiveKitTrigger } from '../../../nodes/TencentLiveKit/TencentLiveKitTrigger.node';
import { callWebhook } from '../../harness/webhook';
import type { WebhookOutcome } from '../../harness/webhook';

export const PROVIDER_IDS: ProviderId[] = ['tencent-css', 'tencent-livekit', 'huawei-live', 'sigma-live'];

/** Example secrets (documentation values, not real ones). */
export const CSS_KEY = 'exampleCallbackKey2026';
export const LIVEKIT = { sdkAppId: '1400123456', callbackToken: 'example-callback-token-2026' };
export const HUAWEI_KEYS = {
	streamNotifyKey: 'example-stream-notify-key-000001',
	recordCallbackKey: 'example-record-callback-key-0001',
	snapshotKey: 'example-snapshot-key-00000000001',
	recordSignType: 'HMACSHA256',
};
export const SIGMA_TOKEN = 'c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00';

/** The callback credential of each provider, by credential type (Sigma has none: its URL token). */
export const CALLBACK_CREDENTIALS: Record<ProviderId, Record<string, ICredentialDataDecryptedObject>> = {
	'tencent-css': { tencentCssCallbackApi: { callbackKey: CSS_KEY } },
	'tencent-livekit': { tencentLiveKitApi: { ...LIVEKIT } },
	'huawei-live': { huaweiLiveCallbackApi: { ...HUAWEI_KEYS } },
	'sigma-live': {},
};

interface TriggerSetup {
	node: INodeType;
	parameters: IDataObject;
	/** Static data of an active trigger (Sigma: the registered URL token's SHA-256, never the token). */
	staticData?: () => IDataObject;
}

const SETUPS: Record<ProviderId, TriggerSetup> = {
	'tencent-css': { node: new TencentCssTrigger(), parameters: {} },
	'tencent-livekit': { node: new TencentLiveKitTrigger(), parameters: { events: ['*'] } },
	'huawei-live': { node: new HuaweiLiveTrigger(), parameters: {} },
	'sigma-live': {
		node: new SigmaLiveTrigger(),
		parameters: { registerWebhook: true, events: ['*'] },
		staticData: () => ({
			'node:Sigma Livestream Trigger': {
				webhookId: 'wh_1',
				urlTokenHash: createHash('sha256').update(SIGMA_TOKEN).digest('hex'),
				webhookEvents: ['all'],
			},
		}),
	},
};

/** A received request (raw body, decoded query) delivered to the provider's trigger. */
export async function deliverToTrigger(
	provider: ProviderId,
	request: { body: string; query: Record<string, string>; headers: Record<string, string> },
): Promise<WebhookOutcome> {
	const setup = SETUPS[provider];
	const credentials = CALLBACK_CREDENTIALS[provider];
	return await callWebhook(setup.node, {
		parameters: setup.parameters,
		credentials: Object.keys(credentials).length === 0 ? undefined : credentials,
		body: request.body,
		query: request.query,
		headers: request.headers,
		staticData: setup.staticData?.(),
	});
}
