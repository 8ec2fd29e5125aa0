#!/usr/bin/env node
'use strict';
/**
 * Test-event sender: `npm run send -- <provider> <event|all> --url <webhook-url> [options]`.
 * Builds a realistic payload (test/fixtures/<provider>.json), signs it as the provider does with the
 * package's own dist/ code, sends it, and prints status and body. `npm run send -- --list`.
 */
const { PROVIDERS, availableProviders, getProvider, loadEvents } = require('./lib/providers');
const { MODES, buildRequest, sendRequest, runPool, signingTarget } = require('./lib/sender');

const USAGE = `Usage:
  npm run send -- --list
  npm run send -- <provider> <event|all> [--url <webhook-url>] [credential flags]
                  [--count N] [--concurrency C] [--unsigned | --wrong-key | --stale | --bad-json]

  <event>        an event key from --list, or "all" for every event of the provider
  --url          the trigger's production (or test) webhook URL; default: the npm run dev example's URL
  --count N      send the event N times (default 1); --concurrency C in parallel (default 1)
  --unsigned     no signature              → the trigger answers 401 when a key is configured
  --wrong-key    signed with a wrong key   → 401
  --stale        signed a day ago          → 401 (outside the time window)
  --bad-json     body cut short            → 400 (or n8n's own 422 for application/json)
  --quiet        print a summary only
Credential flags default to the values of the npm run dev credentials; run --list to see them.`;

function parseArgs(argv) {
	const positional = [];
	const flags = {};
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		if (!arg.startsWith('--')) {
			positional.push(arg);
			continue;
		}
		const eq = arg.indexOf('=');
		if (eq > 0) {
			flags[arg.slice(2, eq)] = arg.slice(eq + 1);
		} else if (i + 1 < argv.length && !argv[i + 1].startsWith('--')) {
			flags[arg.slice(2)] = argv[++i];
		} else {
			flags[arg.slice(2)] = true;
		}
	}
	return { positional, flags };
}

function devUrl(provider, port = 5678) {
	return `http://localhost:${port}/webhook/${provider.webhookId}/webhook`;
}

function list() {
	const available = new Set(availableProviders().map((p) => p.id));
	for (const p of PROVIDERS) {
		console.log(`${p.id} — ${p.label}${available.has(p.id) ? '' : ' (not built yet: no helpers in dist/ or no fixture)'}`);
		if (p.callbackSecrets) {
			console.log(`  secret: ${p.callbackSecrets.map((f) => `--${f.flag} <value>`).join(' ')}, or the registered URL (with ?${p.callbackSecrets[0].urlQuery}=…) as --url`);
		} else {
			console.log(`  credential flags (dev values): ${p.credential.fields.map((f) => `--${f.flag} ${f.dev}`).join(' ')}`);
		}
		console.log(`  dev URL: ${devUrl(p)}`);
		if (available.has(p.id)) console.log(`  events: ${Object.keys(loadEvents(p)).join(', ')}`);
		console.log('');
	}
}

async function main() {
	const { positional, flags } = parseArgs(process.argv.slice(2));
	if (flags.help || flags.h) return console.log(USAGE);
	if (flags.list) return list();
	const [providerId, eventKey] = positional;
	if (!providerId || !eventKey) {
		console.error(USAGE);
		process.exitCode = 2;
		return;
	}
	const provider = getProvider(providerId);
	const events = loadEvents(provider);
	const keys = eventKey === 'all' ? Object.keys(events) : [eventKey];
	for (const key of keys) {
		if (!events[key]) throw new Error(`Unknown event "${key}" for ${provider.id}. Known: ${Object.keys(events).join(', ')}`);
	}
	const modes = MODES.filter((m) => m !== 'signed' && flags[m]);
	if (modes.length > 1) throw new Error(`Choose one of --${modes.join(', --')}`);
	const mode = modes[0] || 'signed';
	const target = signingTarget(provider, typeof flags.url === 'string' ? flags.url : devUrl(provider), flags);
	const { url, secrets } = target;
	if (secrets === null && mode !== 'unsigned') {
		throw new Error(`${provider.id}: no secret to sign with: pass the registered URL (with ?token=…) as --url, or --${provider.callbackSecrets[0].flag}`);
	}
	const count = Math.max(1, Number(flags.count || 1));
	const concurrency = Math.max(1, Number(flags.concurrency || 1));
	const quiet = Boolean(flags.quiet) || count * keys.length > 20;

	const tasks = [];
	for (let n = 0; n < count; n++) {
		for (const key of keys) {
			tasks.push(async () => {
				const request = buildRequest(provider, events[key], { secrets, mode });
				const result = await sendRequest(url, request);
				if (!quiet) console.log(`${provider.id} ${key} (${mode}) → ${result.status} ${result.text}`);
				return result;
			});
		}
	}
	const started = performance.now();
	const results = await runPool(tasks, concurrency);
	const seconds = (performance.now() - started) / 1000;
	const byStatus = {};
	for (const r of results) {
		const k = r.error ? `error (${r.error.cause?.code || r.error.message})` : r.status;
		byStatus[k] = (byStatus[k] || 0) + 1;
	}
	if (quiet || results.length > 1) {
		const summary = Object.entries(byStatus).map(([k, v]) => `${v}× ${k}`).join(', ');
		console.log(`${results.length} request(s) to ${url} in ${seconds.toFixed(2)} s (${(results.length / seconds).toFixed(1)}/s): ${summary}`);
	}
	const firstError = results.find((r) => r.error);
	if (firstError) console.error(`First error: ${firstError.error.cause?.message || firstError.error.message}`);
	if (firstError) process.exitCode = 1;
}

main().catch((error) => {
	console.error(error.message);
	process.exitCode = 1;
});
