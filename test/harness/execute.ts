/**
 * Runs an action node's real `execute()` inside n8n-core's real `ExecuteContext`. HTTP goes out for
 * real through n8n's own request helpers; `httpRequestWithAuthentication` reaches the credential
 * class's `authenticate` function exactly as n8n's CredentialsHelper calls it.
 */
import { ExecuteContext } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IDataObject,
	IExecuteData,
	IHttpRequestOptions,
	INode,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	INodeTypes,
	IRunExecutionData,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

export interface ExecuteCall {
	parameters: IDataObject;
	/** Credential class instance and its decrypted data, by credential type name. */
	credentials: Record<string, { type: ICredentialType; data: ICredentialDataDecryptedObject }>;
	/** Input items; one empty item by default. */
	items?: IDataObject[];
	continueOnFail?: boolean;
}

export async function runExecute(nodeType: INodeType, call: ExecuteCall): Promise<IDataObject[]> {
	const description = nodeType.description;
	const node: INode = {
		id: 'node-1',
		name: description.defaults.name ?? description.displayName,
		type: `n8n-nodes-livestream-callbacks.${description.name}`,
		typeVersion: 1,
		position: [0, 0],
		parameters: call.parameters as INodeParameters,
		credentials: Object.fromEntries(Object.keys(call.credentials).map((t) => [t, { id: t, name: t }])),
		continueOnFail: call.continueOnFail,
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
		active: false,
		nodeTypes,
		staticData: {},
	});
	const additionalData = {
		credentialsHelper: {
			getDecrypted: async (_a: unknown, _n: unknown, type: string) => {
				const entry = call.credentials[type];
				if (!entry) throw new Error(`no credential of type ${type}`);
				return { ...entry.data };
			},
			// As n8n's CredentialsHelper.authenticate does for a function-typed `authenticate`.
			authenticate: async (data: ICredentialDataDecryptedObject, type: string, options: IHttpRequestOptions) => {
				const authenticate = call.credentials[type]?.type.authenticate;
				if (typeof authenticate !== 'function') throw new Error(`credential ${type} has no authenticate function`);
				return await authenticate(data, options);
			},
			preAuthentication: async () => undefined,
			getParentTypes: () => [],
			isCredentialUsableByNode: () => true,
		},
		hooks: undefined,
		restApiUrl: 'http://127.0.0.1/rest',
		instanceBaseUrl: 'http://127.0.0.1/',
		formWaitingBaseUrl: 'http://127.0.0.1/form-waiting',
		webhookBaseUrl: 'http://127.0.0.1/webhook',
		webhookWaitingBaseUrl: 'http://127.0.0.1/webhook-waiting',
		webhookTestBaseUrl: 'http://127.0.0.1/webhook-test',
		variables: {},
	} as unknown as IWorkflowExecuteAdditionalData;
	const items: INodeExecutionData[] = (call.items ?? [{}]).map((json) => ({ json }));
	const runExecutionData = { resultData: { runData: {} } } as unknown as IRunExecutionData;
	const executeData: IExecuteData = { node, data: { main: [items] }, source: null };
	const ctx = new ExecuteContext(
		workflow,
		node,
		additionalData,
		'manual',
		runExecutionData,
		0,
		items,
		{ main: [items] },
		executeData,
		[],
	);
	const result = await nodeType.execute!.call(ctx);
	return ((result as INodeExecutionData[][])[0] ?? []).map((entry) => entry.json);
}
