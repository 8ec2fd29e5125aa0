'use strict';
/**
 * Real n8n (`npm run test:e2e`): a workflow that edits the room message it received and returns it
 * produces an answer Tencent accepts (docs/protocols/tencent-livekit.md, "Answers"). The message
 * is edited in `data.decision.rewrite` (Tencent's own MsgBody shape) with n8n's Edit Fields node,
 * then answered once "From the Last Node" (an Edit Fields node) and once by a Respond to Webhook
 * node of version 1. The answer is checked by the test side's own reading of Tencent's answer
 * format (test/unit/tencent-livekit/tencentAnswer.ts), not by the node's code.
 */
const assert = require('node:assert/strict');
const crypto = require('node:crypto');
const path = require('node:path');
const { after, before, describe, test } = require('node:test');

const { ROOT } = require('../../scripts/lib/n8n');
const { availableProviders, loadEvents, nodeType } = require('../../scripts/lib/providers');
const { buildRequest, sendRequest, signingTarget } = require('../../scripts/lib/sender');
const { requireTs } = require('../../scripts/lib/fakes');
const { ensureCredential, productionUrl, waitForWebhook } = require('../../scripts/lib/instance');
const { log, startEnv, triggerItems, waitForExecutions } = require('./env');

const only = (process.env.E2E_PROVIDERS || '').split(',').filter(Boolean);
const provider = availableProviders().find((p) => p.id === 'tencent-livekit');
const skip = !provider ? 'the TUILiveKit trigger is not built' : only.length > 0 && !only.includes('tencent-livekit') ? 'E2E_PROVIDERS leaves TUILiveKit out' : false;

const { answerProblems } = requireTs(path.join(ROOT, 'test', 'unit', 'tencent-livekit', 'tencentAnswer.ts'));

/** Edit Fields: replaces "red" in the first element's text of the rewrite copy, keeping everything else. */
const censor = {
	id: 'e2e-censor',
	name: 'Censor',
	type: 'n8n-nodes-base.set',
	typeVersion: 3.4,
	position: [240, 0],
	parameters: {
		mode: 'manual',
		includeOtherFields: true,
		assignments: {
			assignments: [
				{
					id: 'e2e-text',
					name: 'data.decision.rewrite.MsgBody[0].MsgContent.Text',
					value: '={{ $json.data.decision.rewrite.MsgBody[0].MsgContent.Text.replaceAll("red", "***") }}',
					type: 'string',
				},
			],
		},
		options: {},
	},
};

function workflow(p, credentialId, mode) {
	const trigger = {
		id: 'e2e-trigger',
		name: p.triggerName,
		type: nodeType(p),
		typeVersion: 1,
		position: [0, 0],
		webhookId: crypto.randomUUID(),
		parameters: { events: ['message.before_send'], beforeCallbacks: mode, options: {} },
		credentials: { [p.credential.type]: { id: credentialId, name: p.credential.name } },
	};
	const answer =
		mode === 'lastNode'
			? {
					id: 'e2e-answer',
					name: 'Answer',
					type: 'n8n-nodes-base.set',
					typeVersion: 3.4,
					position: [480, 0],
					parameters: { mode: 'raw', jsonOutput: '={{ JSON.stringify($json.data.decision.rewrite) }}', options: {} },
				}
			: {
					id: 'e2e-answer',
					name: 'Answer',
					type: 'n8n-nodes-base.respondToWebhook',
					typeVersion: 1,
					position: [480, 0],
					parameters: { respondWith: 'json', responseBody: '={{ $json.data.decision.rewrite }}', options: {} },
				};
	return {
		name: `E2E: TUILiveKit message rewritten (${mode})`,
		nodes: [trigger, censor, answer],
		connections: {
			[trigger.name]: { main: [[{ node: censor.name, type: 'main', index: 0 }]] },
			[censor.name]: { main: [[{ node: answer.name, type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
	};
}

describe('TUILiveKit: a message edited in the workflow and returned is an answer Tencent accepts', { skip }, () => {
	let env;
	before(async () => {
		env = await startEnv([provider]);
	});
	after(async () => {
		if (env) await env.stop();
	});

	for (const [label, mode] of [
		['From the Last Node (Edit Fields)', 'lastNode'],
		['a Respond to Webhook node (version 1)', 'responseNode'],
	]) {
		test(`answered ${label}`, async () => {
			const credentialId = await ensureCredential(env.api, provider);
			const wf = await env.api.createWorkflow(workflow(provider, credentialId, mode));
			await env.api.publish(wf.id);
			const url = productionUrl(env.baseUrl, provider, wf);
			await waitForWebhook(url);

			const sent = { ...loadEvents(provider)['message.before_send'], MsgBody: [
				{ MsgType: 'TIMTextElem', MsgContent: { Text: 'red packet, red envelope' } },
				{ MsgType: 'TIMFaceElem', MsgContent: { Index: 3, Data: 'smile' } },
			] };
			const target = signingTarget(provider, url);
			const result = await sendRequest(target.url, buildRequest(provider, sent, { secrets: target.secrets }));
			assert.equal(result.status, 200, `${mode}: ${result.status} ${result.text}`);
			assert.deepEqual(result.json, {
				ActionStatus: 'OK',
				ErrorCode: 0,
				ErrorInfo: '',
				MsgBody: [
					{ MsgType: 'TIMTextElem', MsgContent: { Text: '*** packet, *** envelope' } },
					{ MsgType: 'TIMFaceElem', MsgContent: { Index: 3, Data: 'smile' } },
				],
				CloudCustomData: sent.CloudCustomData,
			}, `${mode}: ${result.text}`);
			assert.deepEqual(answerProblems('Group.CallbackBeforeSendMsg', result.json), [], `${mode}: ${result.text}`);

			const [execution] = await waitForExecutions(env.api, wf.id, 1);
			assert.equal(execution.status, 'success');
			const item = triggerItems(execution, provider.triggerName)[0];
			assert.equal(item.data.decision.awaited, true);
			assert.deepEqual(item.data.request.sdkAppId, target.secrets.sdkAppId, 'the URL parameters reach the item');
			log(`${mode}: answered ${result.text}`);
			await env.api.unpublish(wf.id);
		});
	}
});
