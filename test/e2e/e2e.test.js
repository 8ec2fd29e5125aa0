'use strict';
/**
 * The real-n8n suite (`npm run test:e2e`): the built package installed as a community package in
 * the pinned n8n, one published workflow per provider trigger, callbacks sent exactly as the
 * providers send them, and what n8n recorded read back through its public API.
 */
const assert = require('node:assert/strict');
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const { after, before, describe, test } = require('node:test');
const { isDeepStrictEqual } = require('node:util');

const { availableProviders, devCredentialData, eventOfKey, loadEvents } = require('../../scripts/lib/providers');
const { buildRequest, runPool, sendRequest, signingTarget } = require('../../scripts/lib/sender');
const { REGISTRATION_FAKES } = require('../../scripts/lib/fakes');
const { checkEditor } = require('./browser');
const { log, startEnv, triggerItems, waitForExecutions, QUEUE } = require('./env');
const { registerQueueTests } = require('./queue-tests');
const { callbackUrl, ensureCredential, exampleWorkflow, productionUrl, waitForWebhook } = require('../../scripts/lib/instance');
const { lastNodeWorkflow, respondToWebhookWorkflow } = require('./workflows');

// E2E_PROVIDERS=tencent-css,huawei-live narrows the run (default: every built provider).
const only = (process.env.E2E_PROVIDERS || '').split(',').filter(Boolean);
const providers = availableProviders().filter((p) => only.length === 0 || only.includes(p.id));
const LOAD_TOTAL = Number(process.env.E2E_LOAD_TOTAL || 1000);
const LOAD_CONCURRENCY = Number(process.env.E2E_LOAD_CONCURRENCY || 20);
/** Time given to n8n to record an execution that must not exist. */

let env;
const report = { mode: QUEUE ? 'queue' : 'regular', providers: providers.map((p) => p.id) };
const suiteStarted = Date.now();

before(async () => {
	assert.ok(providers.length > 0, 'no provider trigger is built (npm run build)');
	const started = Date.now();
	env = await startEnv(providers);
	report.bootSeconds = (Date.now() - started) / 1000;
});

after(async () => {
	if (env) await env.stop();
	report.suiteSeconds = (Date.now() - suiteStarted) / 1000;
	if (env) fs.writeFileSync(path.join(env.artifacts, QUEUE ? 'report-queue.json' : 'report.json'), `${JSON.stringify(report, null, '\t')}\n`);
	log(`report: ${JSON.stringify(report)}`);
});

const example = (p) => env.examples.find((e) => e.provider.id === p.id);
/** Where a provider's callbacks go and what signs them (Sigma: the token of the registered URL). */
const targetOf = (p, url = example(p).url) => signingTarget(p, url);
const isIso = (s) => typeof s === 'string' && !Number.isNaN(Date.parse(s)) && new Date(s).toISOString() === s;

/** A signed callback of fixture `key` to `url`, marked so that its execution can be found again. */
function marked(p, key, marker, mode = 'signed', url = example(p).url) {
	const payload = { ...loadEvents(p)[key], e2e_seq: marker };
	const target = targetOf(p, url);
	return { url: target.url, request: buildRequest(p, payload, { secrets: target.secrets, mode }) };
}

/** Sends `marked(...)` and returns the answer and the body sent. */
async function deliver(p, key, marker, { mode = 'signed', url, timeoutMs } = {}) {
	const m = marked(p, key, marker, mode, url);
	const result = await sendRequest(m.url, m.request, { timeoutMs });
	return { ...result, body: m.request.body };
}

/** The normalized contract of docs/events.md, checked on one item from a real execution. */
function assertNormalizedItem(p, key, item, sentBody) {
	const where = `${p.id} ${key}`;
	assert.equal(item.event, eventOfKey(key), `${where}: event`);
	assert.equal(item.provider, p.id, `${where}: provider`);
	assert.equal(typeof item.providerEvent, 'string', `${where}: providerEvent is a string`);
	assert.ok(item.providerEvent.length > 0, `${where}: providerEvent`);
	assert.match(item.eventId, new RegExp(`^${p.id}:[0-9a-f]{16,}$`), `${where}: eventId`);
	assert.ok(isIso(item.occurredAt), `${where}: occurredAt ${item.occurredAt}`);
	assert.ok(isIso(item.receivedAt), `${where}: receivedAt ${item.receivedAt}`);
	assert.equal(item.authenticated, p.callbackSecrets ? 'secret-url' : 'signature', `${where}: authenticated`);
	if (item.stream !== null) {
		assert.deepEqual(Object.keys(item.stream).sort(), ['app', 'domain', 'name'], `${where}: stream`);
	}
	if (item.room !== null) assert.equal(typeof item.room.id, 'string', `${where}: room.id`);
	assert.equal(typeof item.data, 'object', `${where}: data`);
	assert.ok(item.data !== null && !Array.isArray(item.data), `${where}: data is an object`);
	for (const k of Object.keys(item.data)) assert.match(k, /^[a-z][A-Za-z0-9]*$/, `${where}: data key ${k} is camelCase`);
	const sent = JSON.parse(sentBody);
	for (const k of Object.keys(sent)) assert.ok(k in item.raw, `${where}: raw keeps ${k}`);
	assert.equal(item.raw.e2e_seq, sent.e2e_seq, `${where}: raw is this request's body`);
}

/** True when the provider's credential type declares a `test` request (an API call). */
function credentialTestCallsApi(p) {
	const pkg = require('../../package.json');
	for (const file of pkg.n8n.credentials) {
		const exports = require(path.join(__dirname, '..', '..', file));
		for (const Cls of Object.values(exports)) {
			if (typeof Cls !== 'function') continue;
			const instance = new Cls();
			if (instance.name === p.credential.type) return Boolean(instance.test);
		}
	}
	return false;
}

/**
 * Lets n8n finish what it does after answering an API call (registration runs behind publish):
 * until `done()` or `ms` (a bound, not a measurement: a loaded machine or queue mode's main can
 * take seconds to run the trigger's delete after unpublish answers).
 */
async function settle(done, ms = 3000) {
	const deadline = Date.now() + ms;
	while (Date.now() < deadline && !done()) await new Promise((resolve) => setTimeout(resolve, 100));
	await new Promise((resolve) => setTimeout(resolve, 500));
}

function assertSuccessAnswer(p, result, what) {
	assert.equal(result.status, 200, `${what}: status ${result.status} ${result.text}`);
	assert.deepEqual(result.json, p.success, `${what}: body ${result.text}`);
}

for (const p of providers) {
	describe(p.label, () => {
		test('every event, signed → 200 with the provider body and exactly one execution with the normalized item', async () => {
			const { workflowId } = example(p);
			const keys = Object.keys(loadEvents(p));
			const before = (await env.api.executions(workflowId)).length;
			const sent = new Map();
			for (const key of keys) {
				const marker = `${p.id}/${key}`;
				const result = await deliver(p, key, marker);
				assertSuccessAnswer(p, result, `${p.id} ${key}`);
				sent.set(marker, { key, body: result.body });
			}
			const executions = await waitForExecutions(env.api, workflowId, before + keys.length);
			assert.equal(executions.length, before + keys.length, 'one execution per callback, no more');
			const seen = new Map();
			for (const execution of executions) {
				assert.equal(execution.status, 'success', `execution ${execution.id} status`);
				const items = triggerItems(execution, p.triggerName);
				assert.equal(items.length, 1, `execution ${execution.id}: one item`);
				const marker = items[0].raw?.e2e_seq;
				if (!sent.has(marker)) continue; // an earlier test's execution
				assert.ok(!seen.has(marker), `${marker}: executed twice`);
				seen.set(marker, items[0]);
			}
			for (const [marker, { key, body }] of sent) {
				assert.ok(seen.has(marker), `${marker}: no execution`);
				assertNormalizedItem(p, key, seen.get(marker), body);
			}
			const ids = new Set([...seen.values()].map((i) => i.eventId));
			assert.equal(ids.size, seen.size, 'distinct events have distinct eventIds');
			report[`${p.id}.events`] = keys.length;
		});

		test('a redelivery of one event (new signature time) → the same eventId', async () => {
			const { workflowId } = example(p);
			const key = Object.keys(loadEvents(p))[0];
			const before = (await env.api.executions(workflowId)).length;
			const marker = `${p.id}/redelivery`;
			const payload = { ...loadEvents(p)[key], e2e_seq: marker };
			const { url, secrets } = targetOf(p);
			const now = Math.floor(Date.now() / 1000);
			for (const nowSec of [now - 20, now]) {
				const result = await sendRequest(url, buildRequest(p, payload, { secrets, nowSec }));
				assertSuccessAnswer(p, result, `${p.id} redelivery`);
			}
			const executions = await waitForExecutions(env.api, workflowId, before + 2);
			const items = executions.flatMap((e) => triggerItems(e, p.triggerName)).filter((i) => i.raw?.e2e_seq === marker);
			assert.equal(items.length, 2);
			assert.equal(items[0].eventId, items[1].eventId);
		});

		test('wrong key, stale, unsigned, bad JSON, not an object → 401/400 and no execution', async () => {
			const { workflowId } = example(p);
			const key = Object.keys(loadEvents(p))[0];
			const before = (await env.api.executions(workflowId)).length;
			const cases = [
				['wrong-key', [401]],
				// A provider whose callbacks carry no time (Sigma) has no stale case.
				...(p.timeWindow === false ? [] : [['stale', [401]]]),
				['unsigned', [401]],
				// application/json that does not parse: n8n's own body parser answers 422 first.
				['bad-json', [400, 422]],
			];
			const secretValues = Object.values(targetOf(p).secrets).filter((v) => typeof v === 'string' && v.length >= 8);
			for (const [mode, statuses] of cases) {
				const result = await deliver(p, key, `${p.id}/${mode}`, { mode });
				assert.ok(statuses.includes(result.status), `${mode}: status ${result.status} ${result.text}`);
				if (result.status === 401) assert.equal(result.json?.error, 'unauthorized', `${mode}: ${result.text}`);
				for (const v of secretValues) assert.ok(!result.text.includes(v), `${mode}: the answer leaks a secret`);
			}
			const { url, request: signed } = marked(p, key, `${p.id}/text`);
			const asText = await sendRequest(url, { ...signed, headers: { ...signed.headers, 'content-type': 'text/plain' }, body: signed.body.slice(0, -1) });
			assert.equal(asText.status, 400, `bad JSON as text/plain: ${asText.status} ${asText.text}`);
			assert.equal(asText.json?.error, 'bad_request');
			const array = await sendRequest(url, { ...signed, body: '[1,2,3]' });
			assert.equal(array.status, 400, `JSON array body: ${array.status} ${array.text}`);

			// A positive marker after the rejections: once its execution has finished, any execution a
			// rejected callback had started would be there too.
			const sentinel = await deliver(p, key, `${p.id}/after-rejections`);
			assertSuccessAnswer(p, sentinel, `${p.id} marker after the rejections`);
			const executions = await waitForExecutions(env.api, workflowId, before + 1);
			assert.equal(executions.length, before + 1, 'rejected callbacks started no execution');
			const markers = executions.flatMap((e) => triggerItems(e, p.triggerName)).map((i) => i.raw?.e2e_seq).filter(Boolean);
			assert.ok(markers.includes(`${p.id}/after-rejections`), 'the one new execution is the marker');
		});

		if (p.id === 'tencent-livekit') {
			for (const [label, build] of [
				['a Respond to Webhook node', respondToWebhookWorkflow],
				['the last node', lastNodeWorkflow],
			]) {
				test(`before-callbacks (gift, message) answered by ${label}: allow and reject`, async () => {
					const credentialId = await ensureCredential(env.api, p);
					const wf = await env.api.createWorkflow(build(p, credentialId));
					await env.api.publish(wf.id);
					const url = productionUrl(env.baseUrl, p, wf);
					await waitForWebhook(url);
					const allow = p.success;
					const reject = { ...p.success, ErrorCode: 1 };
					const cases = [
						['gift.before_send', 'allow', allow],
						['gift.before_send', 'reject', reject],
						['message.before_send', 'allow', allow],
						['message.before_send', 'reject', reject],
					];
					for (const [key, decision, expected] of cases) {
						const result = await deliver(p, key, `${p.id}/${key}/${decision}`, { url });
						assert.equal(result.status, 200, `${key} ${decision}: ${result.status} ${result.text}`);
						assert.deepEqual(result.json, expected, `${key} ${decision}: ${result.text}`);
					}
					// Informational callbacks are still answered by the node itself, at once.
					const other = await deliver(p, 'room.created', `${p.id}/decision/other`, { url });
					assertSuccessAnswer(p, other, 'room.created (not selected)');
					const executions = await waitForExecutions(env.api, wf.id, cases.length);
					assert.equal(executions.length, cases.length, 'one execution per before-callback');
					for (const e of executions) {
						assert.equal(e.status, 'success', `execution ${e.id}`);
						assert.equal(triggerItems(e, p.triggerName)[0].data.decision.awaited, true);
					}
					await env.api.unpublish(wf.id);
				});
			}
		}

		if (p.id === 'sigma-live') {
			test('publishing registers the URL (with a token) at the Sigma API once; unpublishing removes it', async () => {
				const { fake } = env.fakes.sigma;
				const credentialId = await ensureCredential(env.api, p, { ...devCredentialData(p), ...env.credentialData[p.id] });
				const wf = await env.api.createWorkflow(
					exampleWorkflow(p, credentialId, { name: 'E2E: Sigma registration', webhookId: crypto.randomUUID() }),
				);
				const production = productionUrl(env.baseUrl, p, wf);
				const ours = () => [...fake.webhooks.values()].filter((w) => w.uri.split('?')[0] === production);
				assert.equal(ours().length, 0, 'nothing registered before publishing');
				await env.api.publish(wf.id);
				const { url: registered } = await callbackUrl(env.api, env.baseUrl, p, wf, env.resolveUrl);
				assert.equal(ours().length, 1, 'one webhook after publishing');
				assert.match(registered, /[?&]token=[^&]{16,}/, 'registered with a secret token');
				const ok = await deliver(p, 'stream.started', `${p.id}/registration`, { url: registered });
				assertSuccessAnswer(p, ok, 'callback to the registered URL');
				const bare = await sendRequest(production, buildRequest(p, loadEvents(p)['stream.started'], { secrets: null }));
				assert.equal(bare.status, 401, 'the production URL without the token is refused');

				await env.api.publish(wf.id);
				await settle(() => ours().length === 1);
				assert.equal(ours().length, 1, 'publishing again leaves one webhook');
				await env.api.unpublish(wf.id);
				await settle(() => ours().length === 0, 15000);
				assert.equal(ours().length, 0, 'unpublishing removes it');
				await env.api.publish(wf.id);
				await env.resolveUrl(p, production);
				await settle(() => ours().length === 1, 15000);
				assert.equal(ours().length, 1, 'publishing after unpublishing registers one again');
				await env.api.unpublish(wf.id);
				await settle(() => ours().length === 0, 15000);
				assert.equal(ours().length, 0);
			});
		}

		if (REGISTRATION_FAKES[p.id]) {
			test('Register Automatically: publishing registers the production URL at the (fake) provider API once; unpublishing removes it', async () => {
				const reg = env.fakes.registration[p.id];
				const credentials = {};
				for (const c of reg.credentials) {
					const { id } = await env.api.createCredential(c.name, c.type, c.data);
					credentials[c.type] = { id, name: c.name };
				}
				const callbackCredentialId = await ensureCredential(env.api, p, { ...devCredentialData(p), ...(env.credentialData[p.id] || {}) });
				const wf = await env.api.createWorkflow(
					exampleWorkflow(p, callbackCredentialId, {
						name: `E2E: ${p.label} registration`,
						webhookId: crypto.randomUUID(),
						parameters: reg.parameters,
						credentials,
					}),
				);
				const production = productionUrl(env.baseUrl, p, wf);
				const byKind = (a, b) => a.kind.localeCompare(b.kind);
				/** What the fake holds, and what it must hold while the workflow is published. */
				const held = () => reg.held().sort(byKind);
				const expected = reg.kinds.map((kind) => ({ kind, url: production })).sort(byKind);
				const registered = () => isDeepStrictEqual(held(), expected);
				const removed = () => held().length === 0;

				assert.deepEqual(held(), [], 'nothing registered before publishing');
				await env.api.publish(wf.id);
				await waitForWebhook(production);
				await settle(registered, 15000);
				assert.deepEqual(held(), expected, 'publishing registers one configuration (of each kind) for the production URL');
				await env.api.publish(wf.id);
				await settle(registered);
				assert.deepEqual(held(), expected, 'publishing again leaves one');
				await env.api.unpublish(wf.id);
				await settle(removed, 15000);
				assert.deepEqual(held(), [], 'unpublishing removes it');
				await env.api.publish(wf.id);
				await settle(registered, 15000);
				assert.deepEqual(held(), expected, 'publishing after unpublishing registers one again');
				await env.api.unpublish(wf.id);
				await settle(removed, 15000);
				assert.deepEqual(held(), [], 'unpublishing again removes it');
			});
		}

		test('an event the node does not select → 200 with the provider body and no execution', async () => {
			const f = env.filtered.find((x) => x.provider.id === p.id);
			assert.ok(f.otherKey, 'the fixture has at least two distinct events');
			const skipped = await deliver(p, f.otherKey, `${p.id}/filtered`, { url: f.url });
			assertSuccessAnswer(p, skipped, `${p.id} ${f.otherKey} (filtered out)`);
			// The same workflow does run for the event it selects: that execution is the positive marker
			// (sent after the filtered one) that the filtered event had no execution of its own.
			const selected = await deliver(p, f.selectedKey, `${p.id}/selected`, { url: f.url });
			assertSuccessAnswer(p, selected, `${p.id} ${f.selectedKey} (selected)`);
			const executions = await waitForExecutions(env.api, f.workflowId, 1);
			assert.equal(executions.length, 1, 'a filtered event started no execution');
			assert.equal(triggerItems(executions[0], p.triggerName)[0].event, eventOfKey(f.selectedKey));
		});
	});
}

// Queue mode has its own load, at concurrency 50, with faults (queue-tests.js).
test(`${LOAD_TOTAL} signed callbacks across providers at concurrency ${LOAD_CONCURRENCY} → exactly ${LOAD_TOTAL} executions`, { skip: QUEUE && 'queue mode: see the queue-mode load' }, async (t) => {
	const pairs = providers.flatMap((p) => Object.keys(loadEvents(p)).map((key) => ({ p, key })));
	const before = new Map();
	for (const p of providers) before.set(p.id, (await env.api.executions(example(p).workflowId)).length);
	const tasks = Array.from({ length: LOAD_TOTAL }, (_, i) => {
		const { p, key } = pairs[i % pairs.length];
		return async () => ({ p, marker: `load-${i}`, result: await deliver(p, key, `load-${i}`, { timeoutMs: 120000 }) });
	});
	const started = performance.now();
	const results = await runPool(tasks, LOAD_CONCURRENCY);
	const answeredSeconds = (performance.now() - started) / 1000;
	const failures = results.filter((r) => r.error || r.result.status !== 200);
	assert.equal(failures.length, 0, `non-200 answers: ${failures.slice(0, 3).map((r) => r.error?.message || `${r.result.status} ${r.result.text}`).join('; ')}`);

	const markers = new Map();
	for (const p of providers) {
		const expected = before.get(p.id) + results.filter((r) => r.p.id === p.id).length;
		const executions = await waitForExecutions(env.api, example(p).workflowId, expected, { timeoutMs: 600000, settleMs: 2000 });
		assert.equal(executions.length, expected, `${p.id}: executions`);
		for (const e of executions) {
			assert.equal(e.status, 'success', `execution ${e.id}`);
			for (const item of triggerItems(e, p.triggerName)) {
				const m = item.raw?.e2e_seq;
				if (typeof m === 'string' && m.startsWith('load-')) markers.set(m, (markers.get(m) || 0) + 1);
			}
		}
	}
	const doneSeconds = (performance.now() - started) / 1000;
	const duplicated = [...markers].filter(([, n]) => n > 1).map(([m]) => m);
	assert.deepEqual(duplicated, [], 'no callback executed twice');
	assert.equal(markers.size, LOAD_TOTAL, 'every callback executed once');
	report.load = {
		callbacks: LOAD_TOTAL,
		concurrency: LOAD_CONCURRENCY,
		executions: markers.size,
		answeredSeconds: Number(answeredSeconds.toFixed(2)),
		answersPerSecond: Number((LOAD_TOTAL / answeredSeconds).toFixed(1)),
		allExecutedSeconds: Number(doneSeconds.toFixed(2)),
		executionsPerSecond: Number((LOAD_TOTAL / doneSeconds).toFixed(1)),
	};
	t.diagnostic(`load: ${JSON.stringify(report.load)}`);
	log(`load: ${JSON.stringify(report.load)}`);
});

// The editor is main's, the same in both modes: checked once, in regular mode.
test('the editor shows each trigger with its icon, parameters and credential form (headless Chromium)', { skip: QUEUE && 'checked in regular mode' }, async () => {
	const results = await checkEditor(env, { log });
	for (const r of results) {
		const p = providers.find((x) => x.id === r.provider);
		assert.ok(r.canvasTypes.includes(`n8n-nodes-livestream-callbacks.${p.node}`), `${r.provider}: trigger on the canvas`);
		assert.equal(r.unknownNode, false, `${r.provider}: rendered as an unknown node`);
		assert.ok(r.icon, `${r.provider}: the node has an icon image`);
		assert.match(r.icon.src, /^\/icons\/n8n-nodes-livestream-callbacks\//, `${r.provider}: icon from the package`);
		assert.equal(r.icon.loaded, true, `${r.provider}: icon loaded`);
		assert.ok(r.parameters.some((x) => /^Events/.test(x)), `${r.provider}: Events parameter shown (${r.parameters.join(', ')})`);
		assert.ok(r.parameters.some((x) => /^Credential/.test(x)), `${r.provider}: credential selector shown`);
		// A credential whose own test calls the provider's cloud API cannot pass offline unless the
		// suite runs a fake of that API (Sigma); the others are format checks by the node.
		if (!credentialTestCallsApi(p) || env.credentialData[p.id]) {
			assert.equal(r.credentialTestFailed, false, `${r.provider}: the dev credential fails n8n's credential test`);
		}
		for (const f of p.credential.fields) {
			const label = f.field.replace(/([A-Z])/g, ' $1').toLowerCase();
			assert.ok(
				r.credentialFields.some((x) => x.toLowerCase().replace(/\s+/g, ' ').includes(label.split(' ')[0])),
				`${r.provider}: credential form shows ${f.field} (${r.credentialFields.join(', ')})`,
			);
		}
	}
	report.screenshots = results.flatMap((r) => r.screenshots.map((s) => path.relative(process.cwd(), s)));
});

if (QUEUE) registerQueueTests({ env: () => env, report, log });
