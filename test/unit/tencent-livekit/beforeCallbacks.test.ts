/**
 * Before-callbacks (Live.CallbackBeforeSendGift, Group.CallbackBeforeSendMsg) decided by the workflow.
 *
 * The last block runs n8n-nodes-base's real Respond to Webhook node when an unpacked copy of the
 * package is available (it is not a dependency of this project): `bash scripts/unpack-n8n-nodes-base.sh`
 * puts one in .cache/, or point N8N_NODES_BASE_DIR at one.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

import type {
	IDataObject,
	IExecuteFunctions,
	INode,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes, resolveWebhookDescriptionField } from 'n8n-workflow';

import { TencentLiveKitTrigger } from '../../../nodes/TencentLiveKit/TencentLiveKitTrigger.node';
import { buildNodeContext } from '../../harness/context';
import { nodeError, runAfterTrigger } from '../../harness/workflow';
import { fixtures, OK_BODY, send } from './helpers';
import { answerProblems } from './tencentAnswer';

const BEFORE = ['gift.before_send', 'message.before_send'] as const;
const WORKFLOW_MODES = ['lastNode', 'responseNode'] as const;

describe('before-callbacks: what webhook() returns', () => {
	it.each(BEFORE)('%s is allowed immediately by default (ErrorCode 0), the workflow only observes', async (name) => {
		const outcome = await send(fixtures[name]);
		expect(outcome.response).toEqual({ status: 200, body: OK_BODY, sent: true });
		expect(outcome.result.webhookResponse).toEqual(OK_BODY);
		expect(outcome.result.noWebhookResponse).toBeUndefined();
		expect(outcome.items).toHaveLength(1);
		expect((outcome.items[0].data as IDataObject).decision).toMatchObject({ awaited: false });
	});

	describe.each(WORKFLOW_MODES)('with "%s"', (mode) => {
		const parameters = { events: ['*'], beforeCallbacks: mode };

		it.each(BEFORE)('%s: returns only workflowData and answers nothing itself', async (name) => {
			const outcome = await send(fixtures[name], { parameters });
			expect(outcome.response).toEqual({ status: undefined, body: undefined, sent: false });
			expect(outcome.result.noWebhookResponse).toBeUndefined();
			expect(outcome.result.workflowData).toHaveLength(1);
			expect(outcome.items).toHaveLength(1);
			expect((outcome.items[0].data as IDataObject).decision).toMatchObject({ awaited: true });
		});

		it('still answers every other command immediately', async () => {
			for (const name of ['room.created', 'message.sent', 'follow.added']) {
				const outcome = await send(fixtures[name], { parameters });
				expect(outcome.response).toEqual({ status: 200, body: OK_BODY, sent: true });
				expect(outcome.result.noWebhookResponse).toBe(true);
				expect(outcome.items).toHaveLength(1);
			}
		});

		it('still answers a rejected before-callback immediately (401, no execution)', async () => {
			const outcome = await send(fixtures['gift.before_send'], { parameters, signToken: 'forged' });
			expect(outcome.response).toMatchObject({ status: 401, sent: true });
			expect(outcome.result).toEqual({ noWebhookResponse: true });
			expect(outcome.items).toHaveLength(0);
		});

		it('still allows a filtered-out before-callback immediately (no execution)', async () => {
			const outcome = await send(fixtures['gift.before_send'], { parameters: { ...parameters, events: ['room.created'] } });
			expect(outcome.response).toEqual({ status: 200, body: OK_BODY, sent: true });
			expect(outcome.result).toEqual({ noWebhookResponse: true });
		});
	});
});

describe('before-callbacks: the webhook response mode n8n reads from the description', () => {
	const responseModeFor = (parameters: IDataObject) => evaluate('responseMode', parameters);
	const responseDataFor = (parameters: IDataObject) => evaluate('responseData', parameters);

	function evaluate(field: 'responseMode' | 'responseData', parameters: IDataObject): unknown {
		const trigger = new TencentLiveKitTrigger();
		const { workflow, node } = buildNodeContext({ nodeType: trigger, parameters });
		const description = trigger.description.webhooks![0];
		return workflow.expression.getSimpleParameterValue(
			workflow.getNode(node.name)!,
			description[field] as string,
			'webhook',
			{},
			undefined,
			field === 'responseMode' ? 'onReceived' : 'firstEntryJson',
		);
	}

	it('is onReceived by default and follows the "Before-Callback Answer" parameter', () => {
		expect(responseModeFor({})).toBe('onReceived');
		expect(responseModeFor({ beforeCallbacks: 'onReceived' })).toBe('onReceived');
		expect(responseModeFor({ beforeCallbacks: 'lastNode' })).toBe('lastNode');
		expect(responseModeFor({ beforeCallbacks: 'responseNode' })).toBe('responseNode');
	});

	it('answers with the first item of the last node in lastNode mode, and with webhook()\'s answer otherwise', () => {
		expect(responseDataFor({ beforeCallbacks: 'lastNode' })).toBe('firstEntryJson');
		// Empty: n8n sends webhookResponse (the success body) once the execution is stored.
		expect(responseDataFor({})).toBe('');
		expect(responseDataFor({ beforeCallbacks: 'onReceived' })).toBe('');
	});

	it.each([
		[{}, 'onReceived', ''],
		[{ beforeCallbacks: 'onReceived' }, 'onReceived', ''],
		[{ beforeCallbacks: 'lastNode' }, 'lastNode', 'firstEntryJson'],
		[{ beforeCallbacks: 'responseNode' }, 'responseNode', ''],
	])('n8n resolves %j natively (no expression engine) to the same values', (parameters, mode, data) => {
		const trigger = new TencentLiveKitTrigger();
		const { workflow, node } = buildNodeContext({ nodeType: trigger, parameters });
		const description = trigger.description.webhooks![0];
		const stored = workflow.getNode(node.name)!;
		expect(resolveWebhookDescriptionField(stored, description, 'responseMode')).toEqual({ resolved: true, value: mode });
		expect(resolveWebhookDescriptionField(stored, description, 'responseData')).toEqual({ resolved: true, value: data });
		expect(responseModeFor(parameters)).toBe(mode);
		expect(responseDataFor(parameters)).toBe(data);
	});
});

/**
 * A node that answers the webhook the way n8n's Respond to Webhook node does in its "JSON" mode:
 * it evaluates its `responseBody` parameter for the first item and calls `sendResponse`.
 */
class JsonResponder implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'JSON Responder',
		name: 'jsonResponder',
		group: ['transform'],
		version: 1,
		description: 'Test node',
		defaults: { name: 'JSON Responder' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [{ displayName: 'Response Body', name: 'responseBody', type: 'json', default: '{}' }],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const body = this.getNodeParameter('responseBody', 0) as IDataObject | string;
		this.sendResponse({ body: typeof body === 'string' ? JSON.parse(body) : body, headers: {}, statusCode: 200 });
		return [this.getInputData()];
	}
}

const TRIGGER_NODE: INode = {
	id: 't',
	name: 'Trigger',
	type: 'n8n-nodes-livestream-callbacks.tencentLiveKitTrigger',
	typeVersion: 1,
	position: [0, 0],
	parameters: { events: ['*'], beforeCallbacks: 'responseNode' },
};

function responderNode(type: string, typeVersion: number, responseBody: string, extra: IDataObject = {}): INode {
	return {
		id: 'r',
		name: 'Respond',
		type,
		typeVersion,
		position: [200, 0],
		parameters: { respondWith: 'json', responseBody, options: {}, ...extra } as INodeParameters,
	};
}

async function decideInWorkflow(name: string, responder: INode, responderType: INodeType) {
	const outcome = await send(fixtures[name], { parameters: TRIGGER_NODE.parameters });
	expect(outcome.response.sent).toBe(false);
	return await runAfterTrigger(
		{ node: TRIGGER_NODE, type: new TencentLiveKitTrigger() },
		outcome.result.workflowData!,
		[{ node: responder, type: responderType }],
	);
}

describe('before-callbacks: decided in an in-process n8n workflow (WorkflowExecute)', () => {
	it('rejects a gift with a client-visible code taken from the item', async () => {
		const { run, responses } = await decideInWorkflow(
			'gift.before_send',
			responderNode(
				'test.jsonResponder',
				1,
				'={{ JSON.stringify({ ...$json.data.decision.reject, ErrorCode: $json.data.decision.clientErrorCodes.min + 1, ErrorInfo: "not enough balance" }) }}',
			),
			new JsonResponder(),
		);
		expect(run.status).toBe('success');
		expect(responses).toEqual([
			{ body: { ActionStatus: 'OK', ErrorCode: 102101, ErrorInfo: 'not enough balance' }, headers: {}, statusCode: 200 },
		]);
	});

	it('allows a message with rewritten MsgBody built from the raw body', async () => {
		const { responses } = await decideInWorkflow(
			'message.before_send',
			responderNode(
				'test.jsonResponder',
				1,
				'={{ JSON.stringify({ ...$json.data.decision.allow, MsgBody: [{ MsgType: "TIMTextElem", MsgContent: { Text: $json.data.text.replace("red", "***") } }] }) }}',
			),
			new JsonResponder(),
		);
		expect(responses[0].body).toEqual({
			ActionStatus: 'OK',
			ErrorCode: 0,
			ErrorInfo: '',
			MsgBody: [{ MsgType: 'TIMTextElem', MsgContent: { Text: '*** packet' } }],
		});
	});

	it('drops a message silently (ErrorCode 2)', async () => {
		const { responses } = await decideInWorkflow(
			'message.before_send',
			responderNode('test.jsonResponder', 1, '={{ JSON.stringify($json.data.decision.drop) }}'),
			new JsonResponder(),
		);
		expect(responses[0].body).toEqual({ ActionStatus: 'OK', ErrorCode: 2, ErrorInfo: '' });
	});
});

// `npm test` unpacks the node first (scripts/unpack-n8n-nodes-base.sh); a missing node fails here.
function respondToWebhookType(): INodeType {
	const dir = process.env.N8N_NODES_BASE_DIR ?? resolve(__dirname, '../../../.cache/n8n-nodes-base/package');
	const file = join(dir, 'dist/nodes/RespondToWebhook/RespondToWebhook.node.js');
	if (!existsSync(file)) throw new Error(`${file} is missing: run scripts/unpack-n8n-nodes-base.sh`);
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const { RespondToWebhook } = require(file) as { RespondToWebhook: new () => INodeType };
	return new RespondToWebhook();
}

const realRespond = respondToWebhookType();

describe("before-callbacks: n8n-nodes-base's real Respond to Webhook node", () => {
	const type = 'n8n-nodes-base.respondToWebhook';

	it('version 1 sends the workflow decision', async () => {
		const { run, responses } = await decideInWorkflow(
			'gift.before_send',
			responderNode(type, 1, '={{ $json.data.decision.reject }}'),
			realRespond,
		);
		expect(run.status).toBe('success');
		expect(responses).toEqual([{ body: { ActionStatus: 'OK', ErrorCode: 1, ErrorInfo: '' }, headers: {}, statusCode: 200 }]);
	});

	/** An edit a workflow makes: the text elements of Tencent's own MsgBody copy, censored. */
	const CENSOR =
		'={{ { ...$json.data.decision.rewrite, MsgBody: $json.data.decision.rewrite.MsgBody.map(e => e.MsgType === "TIMTextElem" ? { ...e, MsgContent: { ...e.MsgContent, Text: e.MsgContent.Text.replace("red", "***") } } : e) } }}';

	it('version 1 answers a message edited from data.decision.rewrite, in the shape Tencent accepts', async () => {
		const { run, responses } = await decideInWorkflow('message.before_send', responderNode(type, 1, CENSOR), realRespond);
		expect(run.status).toBe('success');
		expect(responses).toHaveLength(1);
		const answer = responses[0].body;
		expect(answer).toEqual({
			ActionStatus: 'OK',
			ErrorCode: 0,
			ErrorInfo: '',
			MsgBody: [{ MsgType: 'TIMTextElem', MsgContent: { Text: '*** packet' } }],
			CloudCustomData: 'your cloud custom data',
		});
		expect(answerProblems('Group.CallbackBeforeSendMsg', answer)).toEqual([]);
	});

	it('version 1 answers the unedited rewrite copy with the message exactly as Tencent sent it', async () => {
		const { responses } = await decideInWorkflow(
			'message.before_send',
			responderNode(type, 1, '={{ $json.data.decision.rewrite }}'),
			realRespond,
		);
		const sent = fixtures['message.before_send'];
		expect(responses[0].body).toEqual({ ...OK_BODY, MsgBody: sent.MsgBody, CloudCustomData: sent.CloudCustomData });
		expect(answerProblems('Group.CallbackBeforeSendMsg', responses[0].body)).toEqual([]);
	});

	it('the camelCase copy in data.msgBody is not an answer Tencent accepts (why the rewrite copy exists)', async () => {
		const { responses } = await decideInWorkflow(
			'message.before_send',
			responderNode(type, 1, '={{ { ...$json.data.decision.allow, MsgBody: $json.data.msgBody } }}'),
			realRespond,
		);
		expect(answerProblems('Group.CallbackBeforeSendMsg', responses[0].body)).toEqual([
			'MsgBody[0] has member msgType',
			'MsgBody[0] has member msgContent',
			'MsgBody[0].MsgType undefined is not a message element type',
		]);
	});

	it.each([1.1, 1.5])('version %s refuses to run after a community trigger (the limitation the README states)', async (version) => {
		const { run, responses } = await decideInWorkflow(
			'gift.before_send',
			responderNode(type, version, '={{ $json.data.decision.reject }}'),
			realRespond,
		);
		expect(responses).toEqual([]);
		expect(nodeError(run, 'Respond')).toBe('No Webhook node found in the workflow');
	});
});
