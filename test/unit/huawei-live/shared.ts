/**
 * Shared by the Huawei Cloud Live tests: the trigger's real `webhook()` in n8n-core's WebhookContext,
 * with the payloads of docs/protocols/huawei-live.md (test/fixtures/huawei-live.json) signed by the
 * simulator.
 */
import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import { setClock as setCoreClock } from '../../../nodes/core/clock';
import { HuaweiLiveTrigger } from '../../../nodes/HuaweiLive/HuaweiLiveTrigger.node';
import { buildCallbackRequest } from '../../../nodes/HuaweiLive/simulator';
import type { HuaweiLiveSecrets } from '../../../nodes/HuaweiLive/simulator';
import { callWebhook } from '../../harness/webhook';
import type { WebhookOutcome } from '../../harness/webhook';
import fixtures from '../../fixtures/huawei-live.json';

export const KEY = '0123456789abcdef0123456789abcdef';
export const OTHER_KEY = 'fedcba9876543210fedcba9876543210';
export const EVENTS = fixtures.events as unknown as Record<string, IDataObject>;
export const SUCCESS = { status: 1, result: 'success' };
export const ALL_KEYS: HuaweiLiveSecrets = {
	streamNotifyKey: KEY,
	recordCallbackKey: KEY,
	snapshotKey: KEY,
	recordSignType: 'HMACSHA256',
};

export const node = new HuaweiLiveTrigger();
/** A fixed clock for the webhook (the node reads core/clock.ts once per request). */
export const NOW = 1763800000;

export function payload(name: string): IDataObject {
	return JSON.parse(JSON.stringify(EVENTS[name])) as IDataObject;
}

export function setClock(sec: number): void {
	setCoreClock(() => sec * 1000);
}

export interface SendOptions {
	credentials?: HuaweiLiveSecrets | null;
	parameters?: IDataObject;
}

export async function post(body: string | IDataObject, options: SendOptions = {}): Promise<WebhookOutcome> {
	const credentials = options.credentials === undefined ? ALL_KEYS : options.credentials;
	return await callWebhook(node, {
		parameters: options.parameters ?? {},
		credentials: credentials ? { huaweiLiveCallbackApi: credentials as ICredentialDataDecryptedObject } : undefined,
		body: typeof body === 'string' ? body : JSON.stringify(body),
	});
}

/** What Huawei sends for fixture `name`, signed at `sec` with `secrets`. */
export function signed(name: string, secrets: HuaweiLiveSecrets | null = ALL_KEYS, sec = NOW): IDataObject {
	return JSON.parse(buildCallbackRequest(payload(name), secrets, sec).body) as IDataObject;
}

/** `body` (any shape) as the simulator signs it at `sec` with `secrets`. */
export function resign(body: IDataObject, secrets: HuaweiLiveSecrets | null = ALL_KEYS, sec = NOW): IDataObject {
	return JSON.parse(buildCallbackRequest(body, secrets, sec).body) as IDataObject;
}

export function expectRejected(outcome: WebhookOutcome, status: number, reason: string): void {
	expect(outcome.response.status).toBe(status);
	expect(outcome.response.body).toEqual({ error: status === 401 ? 'unauthorized' : 'bad_request', reason });
	expect(outcome.items).toHaveLength(0);
	expect(outcome.result).toEqual({ noWebhookResponse: true });
	expect(JSON.stringify(outcome.response.body)).not.toMatch(/[0-9a-f]{32}/);
}

export function expectAccepted(outcome: WebhookOutcome): IDataObject {
	expect(outcome.response.status).toBe(200);
	expect(outcome.response.body).toEqual(SUCCESS);
	expect(outcome.items).toHaveLength(1);
	return outcome.items[0];
}

/** A fixed clock around every test; restored after it. */
export function useFixedClock(): void {
	beforeEach(() => setClock(NOW));
	afterEach(() => setCoreClock(null));
}
