'use strict';
/**
 * A small client for a running n8n: the owner's login (internal `/rest`, only to mint an API key)
 * and the public API (`/api/v1`, header X-N8N-API-KEY) for credentials, workflows and executions.
 */

/** Scopes the tooling needs. (n8n 2.41 has no `workflow:publish` API-key scope: `workflow:activate` covers /publish.) */
const API_KEY_SCOPES = [
	'workflow:create',
	'workflow:read',
	'workflow:list',
	'workflow:update',
	'workflow:delete',
	'workflow:activate',
	'workflow:deactivate',
	'execution:list',
	'execution:read',
	'execution:delete',
	'credential:create',
	'credential:list',
	'credential:read',
	'credential:update',
	'credential:delete',
];

class N8nApi {
	/** @param {string} baseUrl e.g. http://localhost:5678 */
	constructor(baseUrl, apiKey = null) {
		this.baseUrl = baseUrl.replace(/\/$/, '');
		this.apiKey = apiKey;
		this.cookie = null;
	}

	async login(email, password) {
		const res = await fetch(`${this.baseUrl}/rest/login`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ emailOrLdapLoginId: email, password }),
		});
		if (!res.ok) throw new Error(`login as ${email} failed: ${res.status} ${await res.text()}`);
		const cookies = typeof res.headers.getSetCookie === 'function' ? res.headers.getSetCookie() : [];
		this.cookie = cookies.map((c) => c.split(';')[0]).join('; ');
		return (await res.json()).data;
	}

	async rest(method, path, body) {
		const res = await fetch(`${this.baseUrl}/rest${path}`, {
			method,
			headers: { 'content-type': 'application/json', cookie: this.cookie || '' },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await res.text();
		if (!res.ok) throw new Error(`${method} /rest${path}: ${res.status} ${text.slice(0, 500)}`);
		return text ? JSON.parse(text).data : undefined;
	}

	/** Creates an API key for the logged-in user and uses it from now on. */
	async createApiKey(label) {
		const key = await this.rest('POST', '/api-keys', { label, scopes: API_KEY_SCOPES, expiresAt: null });
		this.apiKey = key.rawApiKey;
		return this.apiKey;
	}

	/** True when the current API key is accepted. */
	async apiKeyWorks() {
		if (!this.apiKey) return false;
		const res = await fetch(`${this.baseUrl}/api/v1/workflows?limit=1`, { headers: { 'X-N8N-API-KEY': this.apiKey } });
		return res.ok;
	}

	async api(method, path, body) {
		const res = await fetch(`${this.baseUrl}/api/v1${path}`, {
			method,
			headers: { 'content-type': 'application/json', 'X-N8N-API-KEY': this.apiKey },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await res.text();
		if (!res.ok) throw new Error(`${method} /api/v1${path}: ${res.status} ${text.slice(0, 800)}`);
		return text ? JSON.parse(text) : undefined;
	}

	async listAll(path, params = {}) {
		const out = [];
		let cursor;
		do {
			const query = new URLSearchParams({ limit: '250', ...params, ...(cursor ? { cursor } : {}) });
			const page = await this.api('GET', `${path}?${query}`);
			out.push(...page.data);
			cursor = page.nextCursor;
		} while (cursor);
		return out;
	}

	async createCredential(name, type, data) {
		return await this.api('POST', '/credentials', { name, type, data });
	}

	async updateCredential(id, data) {
		return await this.api('PATCH', `/credentials/${id}`, { data });
	}

	async listCredentials() {
		return await this.listAll('/credentials');
	}

	/** Creates a workflow from an exported-workflow JSON (only the fields the public API takes). */
	async createWorkflow(workflow) {
		const { name, nodes, connections, settings } = workflow;
		return await this.api('POST', '/workflows', {
			name,
			nodes,
			connections,
			settings: settings || { executionOrder: 'v1' },
		});
	}

	async listWorkflows() {
		return await this.listAll('/workflows');
	}

	async getWorkflow(id) {
		return await this.api('GET', `/workflows/${id}`);
	}

	async publish(id) {
		return await this.api('POST', `/workflows/${id}/publish`);
	}

	async unpublish(id) {
		return await this.api('POST', `/workflows/${id}/unpublish`);
	}

	async deleteWorkflow(id) {
		return await this.api('DELETE', `/workflows/${id}`);
	}

	/** Every execution of a workflow (newest first), with data when asked. */
	async executions(workflowId, { includeData = false } = {}) {
		return await this.listAll('/executions', { workflowId, includeData: String(includeData) });
	}
}

module.exports = { N8nApi, API_KEY_SCOPES };
