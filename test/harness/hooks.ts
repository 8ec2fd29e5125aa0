/**
 * Runs a trigger's real `webhookMethods` inside n8n-core's real HookContext, the way n8n does on
 * publish (`checkExists`, then `create` only if it answered false), on unpublish (`delete`) and for
 * "Listen for test event" (mode and activation `manual`, the test URL). Static data persists across
 * calls in `staticData`, as n8n saves it. HTTP goes out for real through the credential's `authenticate`.
 */
import { HookContext } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IDataObject,
	IHttpRequestOptions,
	INode,
	INodeParameters,
	INodeType,
	INodeTypes,
	IWebhookData,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

export interface HookSetup {
	parameters: IDataObject;
	credentials: Record<string, { type?: ICredentialType; data: ICredentialDataDecryptedObject }>;
	staticData: IDataObject;
	workflowId?: string;
}

export interface Logged {
	level: string;
	message: string;
}

function context(nodeType: INodeType, setup: HookSetup, test: boolean, logs: Logged[]) {
	const description = nodeType.description;
	const node: INode = {
		id: 'node-1',
		name: description.defaults.name ?? description.displayName,
		type: `n8n-nodes-livestream-callbacks.${description.name}`,
		typeVersion: 1,
		position: [0, 0],
		parameters: setup.parameters as INodeParameters,
		webhookId: 'hook-1',
		credentials: Object.fromEntries(Object.keys(setup.credentials).map((t) => [t, { id: t, name: t }])),
	};
	const nodeTypes: INodeTypes = { getByName: () => nodeType, getByNameAndVersion: () => nodeType, getKnownTypes: () => ({}) };
	const workflow = new Workflow({
		id: setup.workflowId ?? 'wf0123456789abcd',
		nodes: [node],
		connections: {},
		active: !test,
		nodeTypes,
		staticData: test ? {} : setup.staticData,
	});
	if (!test) workflow.staticData = setup.staticData as typeof workflow.staticData;
	const additionalData = {
		credentialsHelper: {
			getDecrypted: async (_a: unknown, _n: unknown, type: string) => ({ ...setup.credentials[type].data }),
			authenticate: async (data: ICredentialDataDecryptedObject, type: string, options: IHttpRequestOptions) => {
				const authenticate = setup.credentials[type]?.type?.authenticate;
				if (typeof authenticate !== 'function') throw new Error(`credential ${type} cannot authenticate`);
				return await authenticate(data, options);
			},
			preAuthentication: async () => undefined,
			getParentTypes: () => [],
			isCredentialUsableByNode: () => true,
		},
		webhookBaseUrl: 'https://n8n.example.com/webhook',
		webhookTestBaseUrl: 'https://n8n.example.com/webhook-test',
		variables: {},
	} as unknown as IWorkflowExecuteAdditionalData;
	const webhookDescription = description.webhooks![0];
	const webhookData: IWebhookData = {
		httpMethod: 'POST',
		node: node.name,
		path: String(webhookDescription.path),
		webhookDescription,
		workflowId: String(workflow.id),
		workflowExecuteAdditionalData: additionalData,
		webhookId: 'hook-1',
		isTest: test,
	};
	const ctx = new HookContext(workflow, node, additionalData, test ? 'manual' : 'trigger', test ? 'manual' : 'activate', webhookData);
	const logger = Object.fromEntries(
		['error', 'warn', 'info', 'debug'].map((level) => [level, (message: string) => logs.push({ level, message })]),
	);
	Object.defineProperty(ctx, 'logger', { value: logger });
	return ctx;
}

export const PRODUCTION_URL = 'https://n8n.example.com/webhook/hook-1/webhook';

/** What n8n does on publish. Returns whether `create` ran. */
export async function publish(nodeType: INodeType, setup: HookSetup, logs: Logged[] = []): Promise<boolean> {
	const methods = nodeType.webhookMethods!.default!;
	const ctx = context(nodeType, setup, false, logs);
	if (await methods.checkExists.call(ctx)) return false;
	await methods.create.call(ctx);
	return true;
}

/** What n8n does on unpublish. */
export async function unpublish(nodeType: INodeType, setup: HookSetup, logs: Logged[] = []): Promise<void> {
	await nodeType.webhookMethods!.default!.delete.call(context(nodeType, setup, false, logs));
}

/** What n8n does for "Listen for test event" and when the listener stops: separate, empty static data. */
export async function listenForTestEvent(nodeType: INodeType, setup: HookSetup, logs: Logged[] = []): Promise<void> {
	const methods = nodeType.webhookMethods!.default!;
	const ctx = context(nodeType, setup, true, logs);
	if (!(await methods.checkExists.call(ctx))) await methods.create.call(ctx);
	await methods.delete.call(ctx);
}
