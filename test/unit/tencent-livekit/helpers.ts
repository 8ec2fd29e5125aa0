import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import { now } from '../../../nodes/core/clock';
import { TencentLiveKitTrigger } from '../../../nodes/TencentLiveKit/TencentLiveKitTrigger.node';
import { buildCallbackRequest } from '../../../nodes/TencentLiveKit/simulator';
import { callWebhook } from '../../harness/webhook';
import type { WebhookOutcome } from '../../harness/webhook';
import fixtureFile from '../../fixtures/tencent-livekit.json';

export const fixtures = fixtureFile.events as unknown as Record<string, IDataObject>;

export const SDK_APP_ID = '1400123456';
export const TOKEN = 'n8n-livekit-token-0123456789';
export const CREDENTIALS = { tencentLiveKitApi: { sdkAppId: SDK_APP_ID, callbackToken: TOKEN } };

export const OK_BODY = { ActionStatus: 'OK', ErrorCode: 0, ErrorInfo: '' };

/** The node's clock (nodes/core/clock.ts), so a test that sets it signs at the same time. */
export function nowSec(): number {
	return Math.floor(now() / 1000);
}

export interface SendOptions {
	parameters?: IDataObject;
	credentials?: Record<string, ICredentialDataDecryptedObject> | null;
	/** Token the request is signed with (default: the node's); null = unsigned. */
	signToken?: string | null;
	/** Seconds added to the signing time (negative = in the past). */
	skew?: number;
	/** Replaces or removes (undefined) query parameters after signing. */
	query?: Record<string, string | undefined>;
	/** Raw body text instead of the payload's JSON. */
	rawBody?: string;
}

/** Sends `payload` as Tencent does (signed with TOKEN unless credentials say otherwise). */
export async function send(payload: IDataObject, options: SendOptions = {}): Promise<WebhookOutcome> {
	const credentials = options.credentials === undefined ? CREDENTIALS : options.credentials;
	const creds = credentials?.tencentLiveKitApi as { sdkAppId: string; callbackToken?: string } | undefined;
	const callbackToken = options.signToken === undefined ? creds?.callbackToken : options.signToken;
	const request = buildCallbackRequest(
		payload,
		{ sdkAppId: String(creds?.sdkAppId ?? SDK_APP_ID), callbackToken },
		nowSec() + (options.skew ?? 0),
	);
	const query: Record<string, string> = { ...request.query };
	for (const [key, value] of Object.entries(options.query ?? {})) {
		if (value === undefined) delete query[key];
		else query[key] = value;
	}
	return await callWebhook(new TencentLiveKitTrigger(), {
		parameters: options.parameters ?? { events: ['*'] },
		credentials: credentials ?? undefined,
		body: options.rawBody ?? request.body,
		query,
		headers: request.headers,
	});
}
