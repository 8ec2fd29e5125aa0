/**
 * n8n-core's real HookContext (webhookMethods) and ExecuteContext (execute()) for a node, built by
 * `context.ts`, whose `helpers.httpRequestWithAuthentication` performs real HTTP through n8n's own
 * request stack.
 */
import { ExecuteContext, HookContext, LoadOptionsContext } from 'n8n-core';
import type {
	ILoadOptionsFunctions,
	IDataObject,
	IHttpRequestOptions,
	INodeExecutionData,
	IWebhookData,
	WorkflowActivateMode,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { createRunExecutionData } from 'n8n-workflow';

import { buildNodeContext, resolveCredentialValue } from './context';
import type { Logged, NodeSetup } from './context';

export { WEBHOOK_BASE_URL, WEBHOOK_TEST_BASE_URL } from './context';
export type { Logged, NodeSetup } from './context';

export type Lifecycle = 'checkExists' | 'create' | 'delete';

/** Runs one of the node's `webhookMethods.default` in a real HookContext. */
export async function runHook(
	setup: NodeSetup,
	method: Lifecycle,
	options: { isTest?: boolean; activation?: WorkflowActivateMode } = {},
): Promise<{ result: boolean; staticData: IDataObject; logs: Logged[] }> {
	const { node, workflow, additionalData, logs, logger } = buildNodeContext(setup);
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
	const { node, workflow, additionalData, logger } = buildNodeContext(setup);
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
	const { node, workflow, additionalData, logger } = buildNodeContext(setup);
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
	const { node, workflow, additionalData } = buildNodeContext(setup);
	const entry = setup.credentials![typeName];
	const request = entry.type.test!.request;
	const resolve = (value: unknown) =>
		typeof value === 'string' ? resolveCredentialValue(value, entry.data, workflow, node) : value;
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
