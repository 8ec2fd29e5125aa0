/**
 * Runs a small workflow in-process with n8n-core's real WorkflowExecute, starting from what a
 * trigger's `webhook()` returned, the way n8n's webhook handler does (the trigger's items become the
 * first entry of the node execution stack). Records every `sendResponse` the workflow's nodes make:
 * in `responseNode` mode that is what n8n sends back to the caller.
 */
import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import type {
	IConnections,
	IDataObject,
	IExecuteResponsePromiseData,
	INode,
	INodeExecutionData,
	INodeType,
	INodeTypes,
	IRun,
	IWorkflowBase,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { createRunExecutionData, Workflow } from 'n8n-workflow';

export interface WorkflowNode {
	node: INode;
	type: INodeType;
}

export interface WorkflowOutcome {
	run: IRun;
	responses: IExecuteResponsePromiseData[];
}

/** Runs `[trigger] → nodes[0] → nodes[1] …` with `triggerItems` as the trigger's output. */
export async function runAfterTrigger(
	trigger: WorkflowNode,
	triggerItems: INodeExecutionData[][],
	nodes: WorkflowNode[],
): Promise<WorkflowOutcome> {
	const all = [trigger, ...nodes];
	const byType = new Map(all.map((entry) => [entry.node.type, entry.type]));
	const nodeTypes: INodeTypes = {
		getByName: (name) => byType.get(name)!,
		getByNameAndVersion: (name) => byType.get(name)!,
		getKnownTypes: () => ({}),
	};
	const connections: IConnections = {};
	for (let i = 0; i < all.length - 1; i++) {
		connections[all[i].node.name] = { main: [[{ node: all[i + 1].node.name, type: 'main', index: 0 }]] };
	}
	const workflowData: IWorkflowBase = {
		id: 'workflow-1',
		name: 'before-callback decision',
		active: true,
		isArchived: false,
		nodes: all.map((entry) => entry.node),
		connections,
		createdAt: new Date(0),
		updatedAt: new Date(0),
		activeVersionId: null,
	} as unknown as IWorkflowBase;
	const workflow = new Workflow({
		id: workflowData.id,
		name: workflowData.name,
		nodes: workflowData.nodes,
		connections,
		active: true,
		nodeTypes,
		staticData: {},
	});

	const responses: IExecuteResponsePromiseData[] = [];
	const hooks = new ExecutionLifecycleHooks('webhook', 'execution-1', workflowData);
	hooks.addHandler('sendResponse', (response) => {
		responses.push(response);
	});
	const additionalData = {
		hooks,
		executionId: 'execution-1',
		restApiUrl: 'http://localhost/rest',
		instanceBaseUrl: 'http://localhost/',
		webhookBaseUrl: 'http://localhost/webhook',
		webhookWaitingBaseUrl: 'http://localhost/webhook-waiting',
		webhookTestBaseUrl: 'http://localhost/webhook-test',
		formWaitingBaseUrl: 'http://localhost/form-waiting',
		variables: {},
		currentNodeParameters: undefined,
		credentialsHelper: {
			getDecrypted: async () => ({}),
			getParentTypes: () => [],
		},
		executeWorkflow: async () => ({ data: [], executionId: 'x' }),
		logAiEvent: () => undefined,
		getRunExecutionData: async () => undefined,
		setExecutionStatus: () => undefined,
		sendDataToUI: () => undefined,
		startRunnerTask: async () => {
			throw new Error('no task runner in tests');
		},
	} as unknown as IWorkflowExecuteAdditionalData;

	const runExecutionData = createRunExecutionData({
		executionData: {
			nodeExecutionStack: [{ node: trigger.node, data: { main: triggerItems }, source: null }],
		},
	});
	const execute = new WorkflowExecute(additionalData, 'webhook', runExecutionData);
	const run = await execute.processRunExecutionData(workflow);
	return { run, responses };
}

/** The error message of the node `name` in `run`, if it failed. */
export function nodeError(run: IRun, name: string): string | undefined {
	const task = run.data.resultData.runData[name]?.[0];
	return (task?.error as IDataObject | undefined)?.message as string | undefined;
}
