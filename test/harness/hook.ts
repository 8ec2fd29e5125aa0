/**
 * n8n-core's real HookContext (webhookMethods) and ExecuteContext (execute()) for a node, whose
 * `helpers.httpRequestWithAuthentication` performs real HTTP through n8n's own request stack. The
 * credentials helper resolves a credential type's generic `authenticate` exactly as n8n's
 * CredentialsHelper.authenticate does (n8n 2.41 `credentials-helper.js`): every value is an
 * expression evaluated with `$credentials` and merged into the request options.
 */
import { ExecuteContext, HookContext, LoadOptionsContext } from 'n8n-core';
import type {
	ILoadOptionsFunctions,
	ICredentialDataDecryptedObject,
	ICredentialType,
	IDataObject,
	IHttpRequestOptions,
	INode,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	INodeTypes,
	IWebhookData,
	IWorkflowExecuteAdditionalData,
	WorkflowActivateMode,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { createRunExecutionData, isExpression, Workflow } from 'n8n-workflow';

export const WEBHOOK_BASE_URL = 'https://n8n.example.com/webhook';
export const WEBHOOK_TEST_BASE_URL = 'https://n8n.example.com/webhook-test';

export interface NodeSetup {
	nodeType: INodeType;
	parameters?: IDataObject;
	/** Credential type → its class instance and decrypted data. */
	credentials?: Record<string, { type: ICredentialType; data: ICredentialDataDecryptedObject }>;
	staticData?: IDataObject;
	webhookId?: string;
	continueOnFail?: boolean;
}

export interface Logged {
	level: string;
	message: string;
}

function resolveValue(value: string, credentials: ICredentialDataDecryptedObject, workflow: Workflow, node: INode): string {
	if (!isExpression(value)) return value;
	const result = workflow.expression.getSimpleParameterValue(node, value, 'internal', { $credentials: credentials }, undefined, '');
	if (!result) return '';
	return String(result);
}

function build(setup: NodeSetup) {
	const description = setup.nodeType.description;
	const node: INode = {
		id: 'node-1',
		name: description.defaults.name ?? description.displayName,
		type: `n8n-nodes-livestream-callbacks.${description.name}`,
		typeVersion: 1,
		position: [0, 0],
		parameters: (setup.parameters ?? {}) as INodeParameters,
		webhookId: setup.webhookId ?? 'webhook-1',
		credentials: setup.credentials
			? Object.fromEntries(Object.keys(setup.credentials).map((type) => [type, { id: type, name: type }]))
			: undefined,
		...(setup.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
	};
	const nodeTypes: INodeTypes = {
		getByName: () => setup.nodeType,
		getByNameAndVersion: () => setup.nodeType,
		getKnownTypes: () => ({}),
	};
	const workflow = new Workflow({
		id: 'workflow-1',
		nodes: [node],
		connections: {},
		active: true,
		nodeTypes,
		staticData: setup.staticData ?? {},
	});
	const additionalData = {
		webhookBaseUrl: WEBHOOK_BASE_URL,
		webhookTestBaseUrl: WEBHOOK_TEST_BASE_URL,
		webhookWaitingBaseUrl: 'https://n8n.example.com/webhook-waiting',
		formWaitingBaseUrl: 'https://n8n.example.com/form-waiting',
		executionId: 'execution-1',
		variables: {},
		credentialsHelper: {
			getDecrypted: async (_a: unknown, _n: unknown, type: string) => {
				const entry = setup.credentials?.[type];
				if (!entry) throw new Error(`no credential of type ${type}`);
				return { ...entry.data };
			},
			isCredentialUsableByNode: () => true,
			getParentTypes: () => [],
			preAuthentication: async () => undefined,
			authenticate: async (
				credentials: ICredentialDataDecryptedObject,
				typeName: string,
				requestOptions: IHttpRequestOptions,
				wf: Workflow,
				n: INode,
			) => {
				const type = setup.credentials?.[typeName]?.type;
				const authenticate = type?.authenticate;
				if (typeof authenticate === 'function') return await authenticate(credentials, requestOptions);
				requestOptions.headers ??= {};
				if (authenticate && authenticate.type === 'generic') {
					const options = requestOptions as unknown as Record<string, Record<string, unknown>>;
					for (const [outerKey, outerValue] of Object.entries(authenticate.properties)) {
						for (const [key, value] of Object.entries(outerValue as Record<string, string>)) {
							options[outerKey] ??= {};
							options[outerKey][resolveValue(key, credentials, wf, n)] = resolveValue(value, credentials, wf, n);
						}
					}
				}
				return requestOptions;
			},
		},
	} as unknown as IWorkflowExecuteAdditionalData;
	const logs: Logged[] = [];
	const logger = {
		error: (message: string) => logs.push({ level: 'error', message }),
		warn: (message: string) => logs.push({ level: 'warn', message }),
		info: (message: string) => logs.push({ level: 'info', message }),
		debug: (message: string) => logs.push({ level: 'debug', message }),
	};
	return { node, workflow, additionalData, logs, logger };
}

export type Lifecycle = 'checkExists' | 'create' | 'delete';

/** Runs one of the node's `webhookMethods.default` in a real HookContext. */
export async function runHook(
	setup: NodeSetup,
	method: Lifecycle,
	options: { isTest?: boolean; activation?: WorkflowActivateMode } = {},
): Promise<{ result: boolean; staticData: IDataObject; logs: Logged[] }> {
	const { node, workflow, additionalData, logs, logger } = build(setup);
	const description = setup.nodeType.description.webhooks![0];
	const webhookData: IWebhookData = {
		httpMethod: 'POST',
		node: node.name,
		path: description.path as string,
		webhookDescription: description,
		workflowId: 'workflow-1',
		workflowExecuteAdditionalData: additionalData,
		webhookId: node.webhookId,
		isTest: options.isTest ?? false,
	};
	const mode: WorkflowExecuteMode = options.isTest ? 'manual' : 'trigger';
	const ctx = new HookContext(workflow, node, additionalData, mode, options.activation ?? 'activate', webhookData);
	Object.defineProperty(ctx, 'logger', { value: logger });
	const result = await setup.nodeType.webhookMethods!.default![method].call(ctx);
	return { result, staticData: workflow.getStaticData('node', node), logs };
}

/** Runs the node's `execute()` on `items` in a real ExecuteContext. */
export async function runExecute(setup: NodeSetup, items: IDataObject[] = [{}]): Promise<IDataObject[]> {
	const { node, workflow, additionalData, logger } = build(setup);
	const inputData = { main: [items.map((json): INodeExecutionData => ({ json }))] };
	const runExecutionData = createRunExecutionData();
	const ctx = new ExecuteContext(
		workflow,
		node,
		additionalData,
		'manual',
		runExecutionData,
		0,
		inputData.main[0],
		inputData,
		{ node, data: inputData, source: null },
		[],
	);
	Object.defineProperty(ctx, 'logger', { value: logger });
	const output = (await setup.nodeType.execute!.call(ctx)) as INodeExecutionData[][];
	return output[0].map((entry) => entry.json);
}

/** A real LoadOptionsContext for the node, as the editor uses for list searches and load options. */
export function loadOptionsContext(setup: NodeSetup): ILoadOptionsFunctions {
	const { node, workflow, additionalData, logger } = build(setup);
	const ctx = new LoadOptionsContext(workflow, node, additionalData, 'parameters');
	Object.defineProperty(ctx, 'logger', { value: logger });
	return ctx;
}

/**
 * Sends a credential type's `test.request` as n8n's credential tester does: its expressions
 * resolved with `$credentials`, then through the authenticated request helper (so the
 * credential's `authenticate` applies). Returns the HTTP status and body, or the failure status.
 */
export async function runCredentialTest(
	setup: NodeSetup,
	typeName: string,
): Promise<{ status: number; body: unknown }> {
	const { node, workflow, additionalData } = build(setup);
	const entry = setup.credentials![typeName];
	const request = entry.type.test!.request;
	const resolve = (value: unknown) =>
		typeof value === 'string' ? resolveValue(value, entry.data, workflow, node) : value;
	const options: IHttpRequestOptions = {
		method: request.method ?? 'GET',
		url: `${resolve(request.baseURL) as string}${resolve(request.url) as string}`,
		qs: request.qs as IDataObject,
		json: true,
		returnFullResponse: true,
	};
	const ctx = new HookContext(workflow, node, additionalData, 'internal', 'activate');
	try {
		const response = (await ctx.helpers.httpRequestWithAuthentication.call(ctx, typeName, options)) as {
			statusCode: number;
			body: unknown;
		};
		return { status: response.statusCode, body: response.body };
	} catch (error) {
		const e = error as { httpCode?: string; cause?: { response?: { status?: number; data?: unknown } } };
		return { status: Number(e.cause?.response?.status ?? e.httpCode), body: e.cause?.response?.data };
	}
}
