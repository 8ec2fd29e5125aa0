'use strict';
/**
 * Stream control in real n8n (`npm run test:e2e`): per provider, the import-ready moderation example
 * (examples/moderation-<provider>.json) is published with its action node pointed at the loopback
 * API fake the suite already runs (test/servers, Sigma's test fake); one signed callback, exactly as
 * the provider sends it, must give one successful execution whose action node changed the fake's
 * state (stream forbidden / blocked, room gone, channel ended). A redelivery shows the idempotent
 * answer of docs/stream-control.md.
 */
const assert = require('node:assert/strict');
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const { after, before, describe, test } = require('node:test');

const { availableProviders, devCredentialData, getProvider, loadEvents } = require('../../scripts/lib/providers');
const { buildRequest, sendRequest, signingTarget } = require('../../scripts/lib/sender');
const { callbackUrl, ensureCredential } = require('../../scripts/lib/instance');
const { log, startEnv, triggerItems, waitForExecutions } = require('./env');

const ROOT = path.join(__dirname, '..', '..');
const only = (process.env.E2E_PROVIDERS || '').split(',').filter(Boolean);

/**
 * Per provider: the fixture event that starts the example, how to prepare the fake, the credential
 * data of the action node, what the action node must answer the first and the second time, and
 * whether the fake shows the effect.
 */
const CASES = {
	'tencent-css': {
		event: 'moderation.image',
		action: 'Forbid the stream',
		actionCredential: (env) => env.fakes.registration['tencent-css'].credentials[0],
		prepare: (env) => assert.equal(env.fakes.registration['tencent-css'].fake.push('5000.myqcloud.com', 'live', 'teststream'), true),
		first: { StreamName: 'teststream', forbidden: true, alreadyForbidden: false, wasLive: true },
		again: { forbidden: true, alreadyForbidden: true },
		acted: (env) => {
			const fake = env.fakes.registration['tencent-css'].fake;
			const block = fake.forbidden.get('teststream');
			return Boolean(block) && fake.online.size === 0 && /^n8n image moderation: Porn/.test(block.Reason) && Date.parse(block.ResumeTime) > Date.now() + 20 * 3600_000;
		},
	},
	'huawei-live': {
		event: 'stream.started',
		action: 'Block the stream',
		actionCredential: (env) => env.fakes.registration['huawei-live'].credentials[0],
		prepare: (env) => assert.equal(env.fakes.registration['huawei-live'].fake.push('push.example.com', 'live', 'example_stream'), true),
		first: { stream_name: 'example_stream', blocked: true, alreadyBlocked: false },
		again: { blocked: true, alreadyBlocked: true },
		acted: (env) => {
			const fake = env.fakes.registration['huawei-live'].fake;
			return fake.blocks.has('push.example.com/live/example_stream') && fake.online.size === 0;
		},
	},
	'tencent-livekit': {
		event: 'room.created',
		action: 'Destroy the room',
		// One credential serves the trigger (callback token) and the action node (REST settings).
		actionCredential: (env) => env.fakes.registration['tencent-livekit'].credentials[0],
		triggerUsesActionCredential: true,
		prepare: (env) => env.fakes.registration['tencent-livekit'].fake.createRoom({ RoomId: 'tandy-test-rest' }),
		first: { RoomId: 'tandy-test-rest', destroyed: true, alreadyGone: false },
		again: { destroyed: true, alreadyGone: true },
		acted: (env) => !env.fakes.registration['tencent-livekit'].fake.rooms.has('tandy-test-rest'),
	},
	'sigma-live': {
		event: 'stream.started',
		action: 'Stop the channel',
		actionCredential: null,
		prepare: (env) => {
			const channel = { ...loadEvents(getProvider('sigma-live'))['stream.started'] };
			delete channel.event;
			delete channel.eventTime;
			env.fakes.sigma.fake.channels.set(channel.id, { ...channel, status: 'live' });
		},
		first: { stopped: true, alreadyGone: false, wasLive: true },
		again: { stopped: true, alreadyGone: false, previousStatus: 'ended' },
		acted: (env) => {
			const id = loadEvents(getProvider('sigma-live'))['stream.started'].id;
			return env.fakes.sigma.fake.channels.get(id)?.status === 'ended' && !env.fakes.sigma.fake.canPush(id);
		},
	},
};

const providers = availableProviders().filter((p) => CASES[p.id] && (only.length === 0 || only.includes(p.id)));
let env;
const report = {};

before(async () => {
	assert.ok(providers.length > 0, 'no provider trigger is built (npm run build)');
	env = await startEnv(providers);
});

after(async () => {
	if (env) await env.stop();
	log(`moderation report: ${JSON.stringify(report)}`);
});

/** The first output item of a node in one execution. */
function nodeOutput(execution, nodeName) {
	const run = execution.data?.resultData?.runData?.[nodeName];
	return run?.[0]?.data?.main?.[0]?.[0]?.json ?? null;
}

/** The example workflow of a provider, its nodes' credentials set by type. */
function moderationWorkflow(p, credentialsByType) {
	const workflow = JSON.parse(fs.readFileSync(path.join(ROOT, 'examples', `moderation-${p.id}.json`), 'utf8'));
	for (const node of workflow.nodes) {
		for (const type of Object.keys(node.credentials || {})) {
			assert.ok(credentialsByType[type], `${p.id}: no credential of type ${type} for node ${node.name}`);
			node.credentials[type] = credentialsByType[type];
		}
		if (node.webhookId) node.webhookId = crypto.randomUUID();
	}
	workflow.name = `E2E moderation: ${p.label}`;
	return workflow;
}

async function deliver(p, url, marker) {
	const target = signingTarget(p, url);
	const payload = { ...loadEvents(p)[CASES[p.id].event], e2e_seq: marker };
	return await sendRequest(target.url, buildRequest(p, payload, { secrets: target.secrets }));
}

for (const p of providers) {
	const c = CASES[p.id];
	describe(`${p.label} moderation`, () => {
		test(`a signed ${c.event} callback → trigger → "${c.action}" against the fake API: one execution, no error, the fake shows it`, async () => {
			const credentialsByType = {};
			if (c.actionCredential) {
				const { name, type, data } = c.actionCredential(env);
				const created = await env.api.createCredential(`${name} (moderation)`, type, data);
				credentialsByType[type] = { id: created.id, name: `${name} (moderation)` };
			}
			if (!c.triggerUsesActionCredential) {
				const id = await ensureCredential(env.api, p, { ...devCredentialData(p), ...(env.credentialData[p.id] || {}) });
				credentialsByType[p.credential.type] = { id, name: p.credential.name };
			}
			const wf = await env.api.createWorkflow(moderationWorkflow(p, credentialsByType));
			await env.api.publish(wf.id);
			// Sigma: only once the trigger has stored its URL token (a callback before is refused 401).
			const { url } = await callbackUrl(env.api, env.baseUrl, p, wf, env.resolveUrl);

			c.prepare(env);
			assert.equal(c.acted(env), false, 'the fake does not show the effect before the callback');
			const first = await deliver(p, url, `${p.id}/moderation/1`);
			assert.equal(first.status, 200, `callback answer: ${first.status} ${first.text}`);
			assert.deepEqual(first.json, p.success, `callback body: ${first.text}`);

			const executions = await waitForExecutions(env.api, wf.id, 1);
			assert.equal(executions.length, 1, 'one execution');
			assert.equal(executions[0].status, 'success', `execution ${executions[0].id}: ${JSON.stringify(executions[0].data?.resultData?.error ?? null)}`);
			assert.equal(triggerItems(executions[0], p.triggerName)[0].raw.e2e_seq, `${p.id}/moderation/1`);
			const output = nodeOutput(executions[0], c.action);
			assert.ok(output, `the action node "${c.action}" ran`);
			for (const [k, v] of Object.entries(c.first)) assert.deepEqual(output[k], v, `${c.action} → ${k}: ${JSON.stringify(output)}`);
			assert.equal(c.acted(env), true, 'the fake shows the effect');

			// A redelivery of the same callback: the action answers its idempotent flag, no error.
			const second = await deliver(p, url, `${p.id}/moderation/2`);
			assert.equal(second.status, 200, `redelivery answer: ${second.status} ${second.text}`);
			const both = await waitForExecutions(env.api, wf.id, 2);
			assert.equal(both.length, 2, 'one more execution');
			const latest = both.find((e) => triggerItems(e, p.triggerName)[0]?.raw?.e2e_seq === `${p.id}/moderation/2`);
			assert.ok(latest, 'the redelivery ran');
			assert.equal(latest.status, 'success');
			const again = nodeOutput(latest, c.action);
			for (const [k, v] of Object.entries(c.again)) assert.deepEqual(again[k], v, `${c.action} again → ${k}: ${JSON.stringify(again)}`);
			assert.equal(c.acted(env), true);

			await env.api.unpublish(wf.id);
			report[p.id] = { first: c.first, again: c.again };
		});
	});
}
