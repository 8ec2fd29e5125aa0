'use strict';
/**
 * Builds and sends provider callbacks exactly as the provider does, with the package's own
 * `buildCallbackRequest` from dist/ (so the sender, the unit tests and the node agree on the
 * signature), plus the deliberate faults users and the e2e suite need to see rejected.
 */
const { devCredentialData, loadHelpers, loadEvents } = require('./providers');

/** Seconds a `stale` request is moved into the past: outside every provider's window. */
const STALE_SECONDS = 86400;

const MODES = ['signed', 'unsigned', 'wrong-key', 'stale', 'bad-json'];

/**
 * Where to send and with which secrets: the credential's fields (flags override the dev values),
 * or, for a provider whose secret travels in the URL (Sigma's `?token=`), that secret taken out
 * of the URL (or from its flag), so that --unsigned and --wrong-key can leave it out or change it.
 * @returns {{ url: string, secrets: object }}
 */
function signingTarget(provider, url, flags = {}) {
	if (!provider.callbackSecrets) {
		const secrets = devCredentialData(provider);
		for (const f of provider.credential.fields) if (typeof flags[f.flag] === 'string') secrets[f.field] = flags[f.flag];
		return { url, secrets };
	}
	const target = new URL(url);
	const secrets = {};
	for (const f of provider.callbackSecrets) {
		const fromUrl = f.urlQuery ? target.searchParams.get(f.urlQuery) : null;
		if (f.urlQuery) target.searchParams.delete(f.urlQuery);
		const value = typeof flags[f.flag] === 'string' ? flags[f.flag] : fromUrl;
		if (value) secrets[f.field] = value;
	}
	return { url: target.toString(), secrets: Object.keys(secrets).length > 0 ? secrets : null };
}

/** Secrets with every secret field changed (non-secret fields such as an app id kept). */
function wrongSecrets(provider, secrets) {
	const out = { ...secrets };
	const fields = provider.callbackSecrets || provider.credential.fields;
	for (const f of fields) {
		if (f.secret === false || typeof out[f.field] !== 'string' || out[f.field] === '') continue;
		out[f.field] = `Wrong${out[f.field]}`.slice(0, Math.max(out[f.field].length, 8));
		if (out[f.field] === secrets[f.field]) out[f.field] = `${secrets[f.field]}X`;
	}
	return out;
}

/**
 * The request for one callback.
 * @param {import('./providers').Provider} provider
 * @param {object} payload   the payload object (a fixture entry, maybe with extra members)
 * @param {{ secrets: object, mode?: string, nowSec?: number, options?: object }} settings
 * @returns {{ method: 'POST', query: Record<string,string>, headers: Record<string,string>, body: string }}
 */
function buildRequest(provider, payload, { secrets, mode = 'signed', nowSec, options } = {}) {
	if (!MODES.includes(mode)) throw new Error(`Unknown mode ${mode}; one of ${MODES.join(', ')}`);
	const { buildCallbackRequest } = loadHelpers(provider);
	const now = nowSec ?? Math.floor(Date.now() / 1000);
	const args = (s, t) => (options === undefined ? [payload, s, t] : [payload, s, t, options]);
	switch (mode) {
		case 'unsigned':
			return buildCallbackRequest(...args(provider.unsignedSecrets ? provider.unsignedSecrets(secrets) : null, now));
		case 'wrong-key':
			return buildCallbackRequest(...args(wrongSecrets(provider, secrets), now));
		case 'stale':
			return buildCallbackRequest(...args(secrets, now - STALE_SECONDS));
		case 'bad-json': {
			const request = buildCallbackRequest(...args(secrets, now));
			// Cut off the closing brace: still says application/json, no longer parses.
			return { ...request, body: request.body.slice(0, -1) };
		}
		default:
			return buildCallbackRequest(...args(secrets, now));
	}
}

/** POSTs a built request to a webhook URL; resolves with status, body text and timing. */
async function sendRequest(url, request, { timeoutMs = 30000 } = {}) {
	const target = new URL(url);
	for (const [k, v] of Object.entries(request.query || {})) target.searchParams.set(k, v);
	const started = performance.now();
	const res = await fetch(target, {
		method: request.method || 'POST',
		headers: request.headers,
		body: request.body,
		signal: AbortSignal.timeout(timeoutMs),
	});
	const text = await res.text();
	let json;
	try {
		json = JSON.parse(text);
	} catch {
		json = undefined;
	}
	return { status: res.status, text, json, ms: performance.now() - started };
}

/** Runs `tasks` (functions returning promises) with at most `concurrency` in flight; keeps order. */
async function runPool(tasks, concurrency) {
	const results = new Array(tasks.length);
	let next = 0;
	const worker = async () => {
		while (next < tasks.length) {
			const i = next++;
			try {
				results[i] = await tasks[i]();
			} catch (error) {
				results[i] = { error };
			}
		}
	};
	await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, tasks.length)) }, worker));
	return results;
}

module.exports = { MODES, STALE_SECONDS, buildRequest, sendRequest, runPool, signingTarget, wrongSecrets, loadEvents };
