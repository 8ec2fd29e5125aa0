'use strict';
/**
 * Boots a ready-to-use n8n for `npm run dev` and `npm run test:e2e`: the cached n8n, the package
 * installed as a community package, the owner logged in with an API key, and the example
 * workflows imported with their credentials and published.
 */
const fs = require('node:fs');
const path = require('node:path');

const { N8nApi } = require('./api');
const { ensureN8n, installPackage, startN8n, waitReady } = require('./n8n');
const { devCredentialData, examplePath, nodeType } = require('./providers');

/**
 * @param {object} o
 * @param {string} o.userFolder  N8N_USER_FOLDER (n8n keeps `.n8n/` in it)
 * @param {number} o.port
 * @param {number} o.brokerPort
 * @param {{email: string, password: string}} o.owner
 * @param {string} o.encryptionKey
 * @param {(line: string) => void} [o.onLine]  n8n's output lines
 * @param {(msg: string) => void} [o.log]
 * @param {(handle: object) => void} [o.onStarted] called as soon as the n8n process exists
 * @param {string | null} [o.apiKey] a key to reuse when still valid
 */
async function bootInstance(o) {
	const log = o.log || console.log;
	const n8n = await ensureN8n({ log });
	await installPackage(o.userFolder, { log });
	const handle = startN8n(n8n, {
		userFolder: o.userFolder,
		port: o.port,
		brokerPort: o.brokerPort,
		owner: o.owner,
		encryptionKey: o.encryptionKey,
		logFile: path.join(o.userFolder, 'n8n.log'),
		onLine: o.onLine,
		extraEnv: o.extraEnv,
	});
	if (o.onStarted) o.onStarted(handle);
	await waitReady(handle);
	const api = new N8nApi(`http://127.0.0.1:${o.port}`, o.apiKey || null);
	if (!(await api.apiKeyWorks())) {
		await api.login(o.owner.email, o.owner.password);
		await api.createApiKey(`tooling ${new Date().toISOString()}`);
	}
	return { n8n, handle, api };
}

/**
 * The example workflow of a provider, credentials pointed at `credentialId`, optionally changed:
 * `credentials` ({ type: { id, name } }) are set on the trigger after that (more, or other ones).
 */
function exampleWorkflow(provider, credentialId, { name, webhookId, parameters, credentials } = {}) {
	const workflow = JSON.parse(fs.readFileSync(examplePath(provider), 'utf8'));
	const type = nodeType(provider);
	for (const node of workflow.nodes) {
		if (node.credentials && node.credentials[provider.credential.type]) {
			node.credentials[provider.credential.type] = { id: credentialId, name: provider.credential.name };
		}
		if (node.type === type) {
			if (webhookId) node.webhookId = webhookId;
			if (parameters) node.parameters = { ...node.parameters, ...parameters };
			if (credentials) node.credentials = { ...node.credentials, ...credentials };
		}
	}
	if (name) workflow.name = name;
	return workflow;
}

/**
 * Finds the provider's dev credential by name and type (and with `update`, writes `data` into it),
 * or creates it.
 */
async function ensureCredential(api, provider, data = devCredentialData(provider), { update = false } = {}) {
	const existing = (await api.listCredentials()).find(
		(c) => c.type === provider.credential.type && c.name === provider.credential.name,
	);
	if (existing) {
		if (update) await api.updateCredential(existing.id, data);
		return existing.id;
	}
	return (await api.createCredential(provider.credential.name, provider.credential.type, data)).id;
}

/** The production URL of the provider trigger in a workflow. */
function productionUrl(baseUrl, provider, workflow) {
	const trigger = workflow.nodes.find((n) => n.type === nodeType(provider));
	if (!trigger) throw new Error(`Workflow "${workflow.name}" has no ${nodeType(provider)} node`);
	return `${baseUrl}/webhook/${trigger.webhookId}/webhook`;
}

/**
 * Waits until n8n serves a just-published POST webhook: `publish` can return before the URL is
 * routable (seen in 2.41.1). A GET probe has no side effect: n8n answers 404 "not registered for
 * GET requests" once the POST webhook exists, "is not registered" before.
 */
async function waitForWebhook(url, { timeoutMs = 30000 } = {}) {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		const res = await fetch(url);
		const text = await res.text();
		if (res.status !== 404 || /not registered for GET/i.test(text)) return;
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
	throw new Error(`${url} is still not registered ${timeoutMs / 1000} s after publishing`);
}

/**
 * In queue mode the webhook process reads a workflow's static data from the database, where main
 * saves it only after the trigger's registration has finished: until then a callback to a URL
 * whose secret lives there (Sigma's `?token=`) is refused. Waits until the saved static data holds
 * `token`'s SHA-256 (hex), which is all the trigger keeps of it (docs/protocols/sigma-live.md).
 * (docs/scaling-out.md, "Sigma right after publishing")
 */
async function waitForStaticData(api, workflowId, token, { timeoutMs = 60000 } = {}) {
	const needle = require('node:crypto').createHash('sha256').update(token, 'utf8').digest('hex');
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		const workflow = await api.getWorkflow(workflowId);
		if (!('staticData' in workflow)) return; // an API that does not show it: nothing to wait for
		if (JSON.stringify(workflow.staticData || {}).includes(needle)) return;
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
	throw new Error(`workflow ${workflowId}: its static data still lacks the registration ${timeoutMs / 1000} s after publishing`);
}

/** The secret a registered URL carries (Sigma's ?token=), or null. */
const urlToken = (url) => new URL(url).searchParams.get('token');

/**
 * For a workflow just published: its production URL, and the URL the provider calls (`resolveUrl`:
 * the production URL, or what the node registered, Sigma's + ?token=), returned once n8n accepts
 * callbacks there: the webhook is registered (waitForWebhook) and, for a token URL, the trigger's
 * static data holds the token's hash (waitForStaticData).
 * @returns {Promise<{ production: string, url: string }>}
 */
async function callbackUrl(api, baseUrl, provider, workflow, resolveUrl) {
	const production = productionUrl(baseUrl, provider, workflow);
	await waitForWebhook(production);
	const url = resolveUrl ? await resolveUrl(provider, production) : production;
	const token = urlToken(url);
	if (token) await waitForStaticData(api, workflow.id, token);
	return { production, url };
}

/**
 * Imports (or, with `reuse`, finds by name) and publishes each provider's example workflow.
 * `credentialData` overrides the dev credential per provider id (e.g. a fake API's URL);
 * `resolveUrl(provider, productionUrl)` gives the URL the provider would call.
 * @returns {Promise<Array<{ provider: object, workflowId: string, name: string, url: string, created: boolean }>>}
 */
async function importExamples(api, providers, { baseUrl, reuse = false, credentialData = {}, resolveUrl } = {}) {
	const existing = reuse ? await api.listWorkflows() : [];
	const out = [];
	for (const provider of providers) {
		const data = { ...devCredentialData(provider), ...(credentialData[provider.id] || {}) };
		const credentialId = await ensureCredential(api, provider, data, { update: reuse });
		const wanted = exampleWorkflow(provider, credentialId);
		let workflow = existing.find((w) => w.name === wanted.name && !w.isArchived);
		const created = !workflow;
		if (!workflow) workflow = await api.createWorkflow(wanted);
		if (!workflow.active) await api.publish(workflow.id);
		const { production, url } = await callbackUrl(api, baseUrl, provider, workflow, resolveUrl);
		out.push({ provider, workflowId: workflow.id, name: workflow.name, url, productionUrl: production, created });
	}
	return out;
}

module.exports = { bootInstance, callbackUrl, exampleWorkflow, ensureCredential, importExamples, productionUrl, waitForWebhook };
