/**
 * Calls a trigger's real `webhook()` inside n8n-core's real `WebhookContext`, with an express-like
 * request (raw bytes + n8n's own JSON parse) and a response that records what the provider receives.
 */
import { WebhookContext } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IDataObject,
	INode,
	INodeType,
	IWebhookDescription,
	IWebhookData,
	IWebhookResponseData,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import type { Workflow } from 'n8n-workflow';

import { buildNodeContext } from './context';

export interface RecordedResponse {
	status: number | undefined;
	body: unknown;
	sent: boolean;
}

export interface WebhookCall {
	parameters?: IDataObject;
	/** Credential type → decrypted data; omitted = no credential selected on the node. */
	credentials?: Record<string, ICredentialDataDecryptedObject>;
	body: string | Buffer;
	query?: Record<string, string>;
	headers?: Record<string, string>;
	staticData?: IDataObject;
	mode?: WorkflowExecuteMode;
	/** The stored credential's id per type (default: a new id per call). */
	credentialId?: (type: string) => string;
	/** Called each time n8n would load (read and decrypt) the node's credential. */
	onCredentialLoad?: (type: string) => void;
}

export interface WebhookOutcome {
	result: IWebhookResponseData;
	response: RecordedResponse;
	items: IDataObject[];
	logs: Array<{ level: string; message: string }>;
}

function recordingResponse(response: RecordedResponse) {
	const res = {
		status(code: number) {
			response.status = code;
			return res;
		},
		json(body: unknown) {
			response.body = body;
			response.sent = true;
			return res;
		},
		send(body: unknown) {
			response.body = body;
			response.sent = true;
			return res;
		},
		end() {
			response.sent = true;
			return res;
		},
		setHeader() {
			return res;
		},
	};
	return res;
}

/** Numbers the credentials of successive calls. */
let credentialSerial = 0;

/**
 * A real `WebhookContext` for one request to `nodeType`, with the response that records what the
 * provider would receive. `callWebhook` uses it; tests that look inside a request use it directly.
 */
export function webhookContext(nodeType: INodeType, call: WebhookCall) {
	const description = nodeType.description;
	const raw = typeof call.body === 'string' ? Buffer.from(call.body, 'utf8') : call.body;
	let parsed: unknown = {};
	try {
		parsed = JSON.parse(raw.toString('utf8'));
	} catch {
		parsed = {};
	}
	const headers = { 'content-type': 'application/json', ...(call.headers ?? {}) };
	const request = {
		method: 'POST',
		headers,
		query: call.query ?? {},
		params: {},
		body: parsed,
		rawBody: raw,
		readRawBody: async () => undefined,
	};
	const response: RecordedResponse = { status: undefined, body: undefined, sent: false };
	const credentials = call.credentials
		? Object.fromEntries(Object.entries(call.credentials).map(([type, data]) => [type, { type: { name: type } as ICredentialType, data }]))
		: undefined;
	const { node, workflow, additionalData, logs, logger } = buildNodeContext(
		{
			nodeType,
			parameters: call.parameters,
			credentials,
			staticData: call.staticData ?? {},
			// By default each call's credential data is its own stored credential, so it has its own id
			// (the trigger caches a credential by id for a few seconds: docs/performance.md).
			credentialId: call.credentialId ?? ((type) => `${type}-${++credentialSerial}`),
			onCredentialLoad: call.onCredentialLoad,
		},
		{ httpRequest: request, httpResponse: recordingResponse(response) },
	);

	const webhookDescription = description.webhooks![0];
	const webhookData: IWebhookData = {
		httpMethod: 'POST',
		node: node.name,
		path: webhookDescription.path as string,
		webhookDescription,
		workflowId: 'workflow-1',
		workflowExecuteAdditionalData: additionalData,
		webhookId: node.webhookId as string,
	};
	const ctx = new WebhookContext(workflow, node, additionalData, call.mode ?? 'webhook', webhookData, [], null);
	Object.defineProperty(ctx, 'logger', { value: logger });
	return { ctx, workflow, node, webhookDescription, response, logs };
}

export async function callWebhook(nodeType: INodeType, call: WebhookCall): Promise<WebhookOutcome> {
	const { ctx, workflow, node, webhookDescription, response, logs } = webhookContext(nodeType, call);
	const result = await nodeType.webhook!.call(ctx);
	const items = (result.workflowData?.[0] ?? []).map((entry) => entry.json);
	answerAsN8nDoes(workflow, node, webhookDescription, result, response);
	return { result, response, items, logs };
}

/**
 * What n8n 2.41 (webhooks/webhook-helpers.js) sends when webhook() did not answer itself: without
 * workflowData, `webhookResponse` or "Webhook call received"; with workflowData in `onReceived` mode,
 * after storing the execution, the evaluated `responseData` (default `firstEntryJson`, taken
 * literally), else `webhookResponse`, else "Workflow was started". In `lastNode`/`responseNode`
 * mode the workflow answers, so nothing is recorded here.
 */
function answerAsN8nDoes(
	workflow: Workflow,
	node: INode,
	description: IWebhookDescription,
	result: IWebhookResponseData,
	response: RecordedResponse,
): void {
	if (response.sent || result.noWebhookResponse) return;
	const evaluate = (value: unknown, fallback: string) =>
		workflow.expression.getSimpleParameterValue(node, value as string | undefined, 'webhook', {}, undefined, fallback);
	const responseCode = Number(evaluate(description.responseCode as string | undefined, '200')) || 200;
	const record = (body: unknown) => {
		response.status = responseCode;
		response.body = body;
		response.sent = true;
	};
	if (result.workflowData === undefined) {
		record(result.webhookResponse ?? { message: 'Webhook call received' });
		return;
	}
	if (evaluate(description.responseMode, 'onReceived') !== 'onReceived') return;
	const responseData = evaluate(description.responseData, 'firstEntryJson');
	if (responseData === 'noData') record(undefined);
	else if (responseData) record(responseData);
	else record(result.webhookResponse ?? { message: 'Workflow was started' });
}
