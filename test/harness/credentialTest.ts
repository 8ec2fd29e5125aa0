/**
 * Runs a credential's declarative `test` the way n8n's CredentialsTester does (packages/cli
 * credentials-tester.service.ts): the test request becomes the routing of a temporary node run by
 * n8n-core's real RoutingNode inside a real ExecuteContext, so the credential's `authenticate`
 * function signs it; then the `responseCode` / `responseSuccessBody` rules are applied.
 */
import { ExecuteContext, RoutingNode } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IExecuteData,
	IHttpRequestOptions,
	INode,
	INodeCredentialTestResult,
	INodeExecutionData,
	INodeType,
	INodeTypes,
	IRunExecutionData,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

export async function testCredentialAsN8nDoes(
	credentialType: ICredentialType,
	data: ICredentialDataDecryptedObject,
): Promise<INodeCredentialTestResult> {
	const test = credentialType.test;
	if (!test) throw new Error(`${credentialType.name} has no test request`);
	const nodeType: INodeType = {
		description: {
			displayName: 'Temp',
			name: 'n8n-nodes-base.noOp',
			group: [],
			version: 1,
			description: '',
			defaults: { name: 'Temp-Node' },
			inputs: [],
			outputs: [],
			credentials: [{ name: credentialType.name, required: true }],
			properties: [{ displayName: 'Temp', name: 'temp', type: 'string', routing: { request: test.request }, default: '' }],
		},
	};
	const node: INode = {
		id: 'temp',
		parameters: {},
		name: 'Temp-Node',
		type: 'n8n-nodes-base.noOp',
		typeVersion: 1,
		position: [0, 0],
		credentials: { [credentialType.name]: { id: 'cred-1', name: 'cred' } },
	};
	const nodeTypes: INodeTypes = {
		getByName: () => nodeType,
		getByNameAndVersion: () => nodeType,
		getKnownTypes: () => ({}),
	};
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	const additionalData = {
		credentialsHelper: {
			getDecrypted: async () => ({ ...data }),
			authenticate: async (creds: ICredentialDataDecryptedObject, _type: string, options: IHttpRequestOptions) => {
				const authenticate = credentialType.authenticate;
				if (typeof authenticate !== 'function') throw new Error('authenticate is not a function');
				return await authenticate(creds, options);
			},
			preAuthentication: async () => undefined,
			getParentTypes: () => [],
			isCredentialUsableByNode: () => true,
		},
		variables: {},
	} as unknown as IWorkflowExecuteAdditionalData;
	const runExecutionData = { resultData: { runData: {} } } as unknown as IRunExecutionData;
	const executeData: IExecuteData = { node, data: {}, source: null };
	const ctx = new ExecuteContext(workflow, node, additionalData, 'internal', runExecutionData, 0, [], { main: [[{ json: {} }]] }, executeData, []);
	const routingNode = new RoutingNode(ctx, nodeType, { id: 'cred-1', name: 'cred', type: credentialType.name, data });

	let response: INodeExecutionData[][] | null | undefined;
	try {
		response = await routingNode.runNode();
	} catch (error) {
		const cause = (error as { cause?: { response?: { status: number; statusText?: string }; code?: string } }).cause;
		if (cause?.response) {
			for (const rule of test.rules ?? []) {
				if (rule.type === 'responseCode' && cause.response.status === rule.properties.value) {
					return { status: 'Error', message: rule.properties.message };
				}
			}
			if (cause.response.status < 199 || cause.response.status > 299) {
				return { status: 'Error', message: cause.response.statusText || `Received HTTP status code: ${cause.response.status}` };
			}
		} else if (cause?.code) {
			return { status: 'Error', message: cause.code };
		}
		return { status: 'Error', message: String((error as Error).message) };
	}
	for (const rule of test.rules ?? []) {
		if (rule.type !== 'responseSuccessBody') continue;
		let value: unknown = response?.[0]?.[0]?.json;
		for (const key of rule.properties.key.split('.')) value = (value as Record<string, unknown> | undefined)?.[key];
		if (value === rule.properties.value) return { status: 'Error', message: rule.properties.message };
	}
	return { status: 'OK', message: 'Connection successful!' };
}
