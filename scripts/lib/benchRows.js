'use strict';
/**
 * The rows of `npm run bench:n8n`: what a user could put behind a callback URL, each as a one- or
 * two-node workflow, and the request each row sends. Every row's workflow is created and published
 * once; `prepare(...)` then builds a batch of requests (signed by the package's own code, as the
 * sender does) and names the answer and whether an execution is expected.
 */
const crypto = require('node:crypto');

const { devCredentialData, eventOfKey, loadEvents, nodeType } = require('./providers');
const { buildRequest, signingTarget } = require('./sender');
const { ensureCredential, waitForWebhook } = require('./instance');

/** The Tencent CSS key the Webhook + Code row checks, and the Header Auth secret. */
const CODE_KEY = 'benchCallbackKey2026';
const HEADER = { name: 'X-Bench-Key', value: 'bench-header-secret-0123456789' };
const SIGMA_TOKEN = 'benchSigmaUrlToken0123456789abcdef';

/** What a user writes without this package: md5(key + t) against `sign`, and `t` not expired. */
const CODE_CHECK = `const crypto = require('crypto');
const key = ${JSON.stringify(CODE_KEY)};
const out = [];
for (const item of $input.all()) {
  const body = item.json.body || {};
  const expected = crypto.createHash('md5').update(key + String(body.t)).digest('hex');
  if (body.sign !== expected || Number(body.t) < Date.now() / 1000) throw new Error('bad signature');
  out.push({ json: body });
}
return out;`;

function webhookNode(path, parameters = {}, credentials) {
	return {
		id: crypto.randomUUID(),
		name: 'Webhook',
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2.1,
		position: [0, 0],
		webhookId: path,
		parameters: { httpMethod: 'POST', path, responseMode: 'onReceived', options: {}, ...parameters },
		...(credentials ? { credentials } : {}),
	};
}

function workflow(name, nodes, connections = {}) {
	return { name, nodes, connections, settings: { executionOrder: 'v1' } };
}

/** The trigger's default version in the built package (dist/). */
function defaultVersion(provider) {
	const { ROOT } = require('./n8n');
	const path = require('node:path');
	// The trigger sits beside the provider's simulator: dist/nodes/<Folder>/<Folder>Trigger.node.js.
	const folder = path.dirname(path.join(ROOT, provider.simulator));
	const file = path.join(folder, `${path.basename(folder)}Trigger.node.js`);
	const exported = Object.values(require(file)).find((v) => typeof v === 'function');
	const { version, defaultVersion: chosen } = new exported().description;
	return chosen ?? (Array.isArray(version) ? Math.max(...version) : version);
}

/** A trigger of `provider` alone in a workflow. */
function triggerWorkflow(name, provider, { parameters, credentials, typeVersion }) {
	const webhookId = crypto.randomUUID();
	const node = {
		id: crypto.randomUUID(),
		name: provider.triggerName,
		type: nodeType(provider),
		typeVersion,
		position: [0, 0],
		webhookId,
		parameters,
		...(credentials ? { credentials } : {}),
	};
	return { wf: workflow(name, [node]), path: `${webhookId}/webhook` };
}

/** The fixture event every row sends, and an event the filtered rows select instead. */
function events(provider) {
	const all = loadEvents(provider);
	const keys = Object.keys(all);
	const sent = keys[0];
	const other = keys.find((k) => eventOfKey(k) !== eventOfKey(sent));
	return { payload: all[sent], sentEvent: eventOfKey(sent), otherEvent: eventOfKey(other) };
}

/**
 * Creates and publishes every row's workflow.
 * @returns {Promise<Array<{ id: string, label: string, group: string, workflowId: string | null, prepare: (n: number) => { url: string, requests: object[] }, status: number, executes: boolean }>>}
 */
async function createRows(api, baseUrl, providers, { log = console.log, extraBytes = 0 } = {}) {
	const rows = [];
	const publish = async (wf, path) => {
		const created = await api.createWorkflow(wf);
		await api.publish(created.id);
		const url = `${baseUrl}/webhook/${path}`;
		await waitForWebhook(url);
		return { workflowId: created.id, url };
	};

	// The Webhook rows receive the Tencent CSS callback, signed with CODE_KEY.
	const css = providers.find((p) => p.id === 'tencent-css') || require('./providers').getProvider('tencent-css');
	const cssSigned = () =>
		buildRequest(css, events(css).payload, { secrets: { callbackKey: CODE_KEY } });
	const headerCredential = await api.createCredential('Bench header auth', 'httpHeaderAuth', HEADER);

	const bare = crypto.randomUUID();
	const code = crypto.randomUUID();
	const auth = crypto.randomUUID();
	const webhookRows = [
		['webhook', 'n8n Webhook node alone (no auth)', workflow('Bench: Webhook', [webhookNode(bare)]), bare, {}],
		[
			'webhook-code',
			'Webhook + Code node checking md5(key + t)',
			workflow(
				'Bench: Webhook + Code',
				[
					webhookNode(code),
					{
						id: crypto.randomUUID(),
						name: 'Check signature',
						type: 'n8n-nodes-base.code',
						typeVersion: 2,
						position: [240, 0],
						parameters: { mode: 'runOnceForAllItems', jsCode: CODE_CHECK },
					},
				],
				{ Webhook: { main: [[{ node: 'Check signature', type: 'main', index: 0 }]] } },
			),
			code,
			{},
		],
		[
			'webhook-header-auth',
			'Webhook node with Header Auth credential',
			workflow('Bench: Webhook + Header Auth', [
				webhookNode(auth, { authentication: 'headerAuth' }, { httpHeaderAuth: { id: headerCredential.id, name: 'Bench header auth' } }),
			]),
			auth,
			{ [HEADER.name]: HEADER.value },
		],
	];
	if (extraBytes > 0) {
		// The bare Webhook again, each body carrying `extraBytes` more: what a larger stored item costs.
		const larger = crypto.randomUUID();
		webhookRows.push([
			'webhook-larger',
			`n8n Webhook node alone, body ${extraBytes} bytes larger`,
			workflow('Bench: Webhook, larger body', [webhookNode(larger)]),
			larger,
			{},
			extraBytes,
		]);
	}
	for (const [id, label, wf, path, headers, padding = 0] of webhookRows) {
		const { workflowId, url } = await publish(wf, path);
		rows.push({
			id,
			label,
			group: 'webhook',
			workflowId,
			status: 200,
			executes: true,
			prepare: (n) => ({
				url,
				requests: Array.from({ length: n }, () => {
					const r = cssSigned();
					const body = padding > 0 ? JSON.stringify({ ...JSON.parse(r.body), padding: 'x'.repeat(padding - 14) }) : r.body;
					return { ...r, body, headers: { ...r.headers, ...headers } };
				}),
			}),
		});
	}

	for (const p of providers) {
		const { payload, otherEvent } = events(p);
		let withSecret;
		let withoutSecret;
		if (p.id === 'sigma-live') {
			// Sigma's callback secret is the URL token (here set by hand, not registered).
			withSecret = { parameters: { registerWebhook: false, urlToken: SIGMA_TOKEN } };
			withoutSecret = { parameters: { registerWebhook: false, urlToken: '' } };
		} else {
			const credentialId = await ensureCredential(api, p, devCredentialData(p));
			withSecret = { parameters: {}, credentials: { [p.credential.type]: { id: credentialId, name: p.credential.name } } };
			withoutSecret = { parameters: {} };
		}
		const version = defaultVersion(p);
		// For the first trigger, the same rows at node version 1 too (n8n's legacy webhook path).
		const legacy = version !== 1 && p === providers[0];
		const variants = [
			['credential', withSecret, ['*'], version],
			['no-credential', withoutSecret, ['*'], version],
			['filtered', withSecret, [otherEvent], version],
			['no-credential-filtered', withoutSecret, [otherEvent], version],
			...(legacy
				? [
						['credential@v1', withSecret, ['*'], 1],
						['no-credential-filtered@v1', withoutSecret, [otherEvent], 1],
					]
				: []),
		];
		const published = {};
		for (const [variant, setup, selected, typeVersion] of variants) {
			const { wf, path } = triggerWorkflow(`Bench: ${p.label} ${variant}`, p, {
				parameters: { ...setup.parameters, events: selected, options: {} },
				credentials: setup.credentials,
				typeVersion,
			});
			published[variant] = await publish(wf, path);
		}
		const secretUrl = (url) => (p.id === 'sigma-live' ? `${url}?token=${SIGMA_TOKEN}` : url);
		const batch = (variant, mode) => (n) => {
			const target = signingTarget(p, secretUrl(published[variant].url));
			return {
				url: target.url,
				requests: Array.from({ length: n }, () => buildRequest(p, payload, { secrets: target.secrets, mode })),
			};
		};
		const row = (variant, label, status, executes, mode = 'signed', on = variant) => ({
			id: `${p.id}:${variant}`,
			label: `${p.label} Trigger ${label}`,
			group: p.id,
			workflowId: published[on].workflowId,
			status,
			executes,
			prepare: batch(on, mode),
		});
		rows.push(
			row('credential', p.id === 'sigma-live' ? 'with URL token' : 'with its credential', 200, true),
			row('no-credential', p.id === 'sigma-live' ? 'without URL token' : 'without a credential', 200, true),
			row('forged', 'forged signature (401, no execution)', 401, false, 'wrong-key', 'credential'),
			row('filtered', 'event filtered out (200, no execution)', 200, false),
			row('no-credential-filtered', 'without credential, filtered (no execution)', 200, false),
		);
		if (legacy) {
			rows.push(
				row('credential@v1', `${p.id === 'sigma-live' ? 'with URL token' : 'with its credential'}, node version 1`, 200, true),
				row('no-credential-filtered@v1', 'without credential, filtered, node version 1', 200, false),
			);
		}
		log(`  published the ${p.label} rows`);
	}

	const missing = crypto.randomUUID();
	rows.push({
		id: 'n8n-404',
		label: "n8n's 404 (no workflow)",
		group: 'n8n',
		workflowId: null,
		status: 404,
		executes: false,
		prepare: (n) => ({ url: `${baseUrl}/webhook/${missing}/webhook`, requests: Array.from({ length: n }, () => cssSigned()) }),
	});
	return rows;
}

/**
 * Before measuring: parameters written as expressions still work in this n8n. A trigger whose Events
 * and option are expressions (`={{ … }}`) must run for the event its expression selects and
 * filter out the other, exactly like the same values written as plain values (the filtered rows).
 * @returns {Promise<string[]>} problems, empty when both behave
 */
async function checkExpressionParameters(api, baseUrl, provider, { sendRequest, lastExecutionId, sleep }) {
	const all = loadEvents(provider);
	const keys = Object.keys(all);
	const selectedKey = keys.find((k) => eventOfKey(k) !== eventOfKey(keys[0]));
	const selected = eventOfKey(selectedKey);
	const credentialId = await ensureCredential(api, provider, devCredentialData(provider));
	const secretOption = provider.id === 'tencent-css' ? { expiryGraceSeconds: '={{ 10 * 60 }}' } : {};
	const { wf, path } = triggerWorkflow(`Bench: ${provider.label} expressions`, provider, {
		parameters: { events: `={{ [${JSON.stringify(selected)}] }}`, options: secretOption },
		credentials: { [provider.credential.type]: { id: credentialId, name: provider.credential.name } },
		typeVersion: defaultVersion(provider),
	});
	const created = await api.createWorkflow(wf);
	await api.publish(created.id);
	const url = `${baseUrl}/webhook/${path}`;
	await waitForWebhook(url);
	const secrets = devCredentialData(provider);
	const before = await lastExecutionId(api, created.id);
	const problems = [];
	const other = await sendRequest(url, buildRequest(provider, all[keys[0]], { secrets }));
	const chosen = await sendRequest(url, buildRequest(provider, all[selectedKey], { secrets }));
	if (other.status !== 200) problems.push(`event outside the expression's selection answered ${other.status}`);
	if (chosen.status !== 200) problems.push(`event the expression selects answered ${chosen.status} ${chosen.text.slice(0, 100)}`);
	await sleep(3000);
	const executions = await api.api('GET', `/executions?workflowId=${created.id}&includeData=true&limit=10`);
	const fresh = executions.data.filter((e) => Number(e.id) > before);
	const events = fresh.map((e) => e.data?.resultData?.runData?.[provider.triggerName]?.[0]?.data?.main?.[0]?.[0]?.json?.event);
	if (fresh.length !== 1 || events[0] !== selected) {
		problems.push(`expected one execution for ${selected}, saw ${fresh.length} (${events.join(', ')})`);
	}
	await api.unpublish(created.id);
	return problems;
}

module.exports = { createRows, checkExpressionParameters, CODE_KEY, HEADER };
