/**
 * One builder for every n8n-core context the tests run a node in (webhook, hook, execute): the
 * single-node workflow, the additional data with a credentials helper that decrypts from the test's
 * data and authenticates requests exactly as n8n's CredentialsHelper.authenticate does (n8n 2.41
 * `credentials-helper.js`: every value of a generic `authenticate` is an expression evaluated with
 * `$credentials`), and a logger that records what the node logs.
 */
import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IDataObject,
	IHttpRequestOptions,
	INode,
	INodeParameters,
	INodeType,
	INodeTypes,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { isExpression, Workflow } from 'n8n-workflow';

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
	/** The id of the node's stored credential of `type` (default: the type's name). */
	credentialId?: (type: string) => string;
	/** Called each time n8n would load (read and decrypt) a credential of the node. */
	onCredentialLoad?: (type: string) => void;
}

export interface Logged {
	level: string;
	message: string;
}

export function resolveCredentialValue(value: string, credentials: ICredentialDataDecryptedObject, workflow: Workflow, node: INode): string {
	if (!isExpression(value)) return value;
	const result = workflow.expression.getSimpleParameterValue(node, value, 'internal', { $credentials: credentials }, undefined, '');
	if (!result) return '';
	return String(result);
}

/** The workflow, node, additional data and logger for one node under test. */
export function buildNodeContext(setup: NodeSetup, extraAdditionalData: IDataObject = {}) {
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
			? Object.fromEntries(Object.keys(setup.credentials).map((type) => [type, { id: setup.credentialId?.(type) ?? type, name: type }]))
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
		...extraAdditionalData,
		credentialsHelper: {
			getDecrypted: async (_a: unknown, _n: unknown, type: string) => {
				const entry = setup.credentials?.[type];
				if (!entry) throw new Error(`no credential of type ${type}`);
				setup.onCredentialLoad?.(type);
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
							options[outerKey][resolveCredentialValue(key, credentials, wf, n)] = resolveCredentialValue(value, credentials, wf, n);
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

