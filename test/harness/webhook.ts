/**
 * Calls a trigger's real `webhook()` inside n8n-core's real `WebhookContext`, with an express-like
 * request (raw bytes + n8n's own JSON parse) and a response that records what the provider receives.
 */
import { WebhookContext } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INode,
	INodeType,
	INodeTypes,
	IWebhookDescription,
	IWebhookData,
	IWebhookResponseData,
	IWorkflowExecuteAdditionalData,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

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

export async function callWebhook(nodeType: INodeType, call: WebhookCall): Promise<WebhookOutcome> {
	const description = nodeType.description;
	const node: INode = {
		id: 'node-1',
		name: description.defaults.name ?? description.displayName,
		type: `n8n-nodes-livestream-callbacks.${description.name}`,
		typeVersion: 1,
		position: [0, 0],
		parameters: (call.parameters ?? {}) as INode["parameters"],
		webhookId: 'webhook-1',
		// Each call's credential data is its own stored credential, so it has its own id (the trigger
		// caches a credential by id for a few seconds: docs/performance.md).
		credentials: call.credentials
			? Object.fromEntries(Object.keys(call.credentials).map((type) => [type, { id: `${type}-${++credentialSerial}`, name: type }]))
			: undefined,
	};
	const nodeTypes: INodeTypes = {
		getByName: () => nodeType,
		getByNameAndVersion: () => nodeType,
		getKnownTypes: () => ({}),
	};
	const workflow = new Workflow({
		id: 'workflow-1',
		nodes: [node],
		connections: {},
		active: true,
		nodeTypes,
		staticData: call.staticData ?? {},
	});

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
	const logs: WebhookOutcome['logs'] = [];

	const additionalData = {
		httpRequest: request,
		httpResponse: recordingResponse(response),
		credentialsHelper: {
			getDecrypted: async (_additionalData: unknown, _nodeCredentials: unknown, type: string) => {
				const data = call.credentials?.[type];
				if (!data) throw new Error(`no credential of type ${type}`);
				return data;
			},
			isCredentialUsableByNode: () => true,
			getParentTypes: () => [],
		},
	} as unknown as IWorkflowExecuteAdditionalData;

	const webhookDescription = description.webhooks![0];
	const webhookData: IWebhookData = {
		httpMethod: 'POST',
		node: node.name,
		path: webhookDescription.path as string,
		webhookDescription,
		workflowId: 'workflow-1',
		workflowExecuteAdditionalData: additionalData,
		webhookId: 'webhook-1',
	};
	const ctx = new WebhookContext(workflow, node, additionalData, call.mode ?? 'webhook', webhookData, [], null);
	const logger = {
		error: (message: string) => logs.push({ level: 'error', message }),
		warn: (message: string) => logs.push({ level: 'warn', message }),
		info: (message: string) => logs.push({ level: 'info', message }),
		debug: (message: string) => logs.push({ level: 'debug', message }),
	};
	Object.defineProperty(ctx, 'logger', { value: logger });

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
