'use strict';
/**
 * Workflows the suite builds beyond the examples: TUILiveKit before-callbacks decided by the
 * workflow, once with a Respond to Webhook node (version 1: later versions refuse to run after a
 * non-Webhook trigger) and once "From the Last Node". Both reject the callbacks whose `raw.e2e_seq`
 * contains "reject" and allow the others.
 */
const crypto = require('node:crypto');

const { nodeType } = require('../../scripts/lib/providers');

const rejectIf = {
	id: 'e2e-if',
	name: 'Reject?',
	type: 'n8n-nodes-base.if',
	typeVersion: 2.2,
	position: [240, 0],
	parameters: {
		conditions: {
			options: { caseSensitive: true, leftValue: '', typeValidation: 'loose', version: 2 },
			conditions: [
				{
					id: 'e2e-condition',
					leftValue: '={{ $json.raw.e2e_seq }}',
					rightValue: 'reject',
					operator: { type: 'string', operation: 'contains' },
				},
			],
			combinator: 'and',
		},
		options: {},
	},
};

function trigger(provider, credentialId, beforeCallbacks) {
	return {
		id: 'e2e-trigger',
		name: provider.triggerName,
		type: nodeType(provider),
		typeVersion: 1,
		position: [0, 0],
		webhookId: crypto.randomUUID(),
		parameters: { events: ['gift.before_send', 'message.before_send'], beforeCallbacks, options: {} },
		credentials: { [provider.credential.type]: { id: credentialId, name: provider.credential.name } },
	};
}

function connect(triggerName, yes, no) {
	return {
		[triggerName]: { main: [[{ node: rejectIf.name, type: 'main', index: 0 }]] },
		[rejectIf.name]: { main: [[{ node: yes, type: 'main', index: 0 }], [{ node: no, type: 'main', index: 0 }]] },
	};
}

function respondToWebhookWorkflow(provider, credentialId) {
	const respond = (name, decision, y) => ({
		id: `e2e-${decision}`,
		name,
		type: 'n8n-nodes-base.respondToWebhook',
		typeVersion: 1,
		position: [480, y],
		parameters: { respondWith: 'json', responseBody: `={{ $json.data.decision.${decision} }}`, options: {} },
	});
	const t = trigger(provider, credentialId, 'responseNode');
	return {
		name: 'E2E: TUILiveKit decided by Respond to Webhook',
		nodes: [t, rejectIf, respond('Respond: reject', 'reject', -100), respond('Respond: allow', 'allow', 100)],
		connections: connect(t.name, 'Respond: reject', 'Respond: allow'),
		settings: { executionOrder: 'v1' },
	};
}

function lastNodeWorkflow(provider, credentialId) {
	const answer = (name, decision, y) => ({
		id: `e2e-last-${decision}`,
		name,
		type: 'n8n-nodes-base.set',
		typeVersion: 3.4,
		position: [480, y],
		parameters: { mode: 'raw', jsonOutput: `={{ JSON.stringify($json.data.decision.${decision}) }}`, options: {} },
	});
	const t = trigger(provider, credentialId, 'lastNode');
	return {
		name: 'E2E: TUILiveKit decided by the last node',
		nodes: [t, rejectIf, answer('Answer: reject', 'reject', -100), answer('Answer: allow', 'allow', 100)],
		connections: connect(t.name, 'Answer: reject', 'Answer: allow'),
		settings: { executionOrder: 'v1' },
	};
}

module.exports = { respondToWebhookWorkflow, lastNodeWorkflow };
