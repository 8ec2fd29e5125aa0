#!/usr/bin/env node
'use strict';
/**
 * `npm run bench:n8n`: how many callbacks per second one real n8n (the pinned version, regular
 * mode, SQLite) completes behind each kind of workflow a user could put behind a callback URL, side
 * by side in one run (docs/performance.md).
 *
 * Rows: the bare Webhook node, Webhook + Code checking md5(key + t), Webhook with Header Auth, each
 * built trigger with and without its credential, a forged signature, an event filtered out, the
 * trigger without credential filtered, and n8n's own 404. Rounds are interleaved (every row once per
 * round, in reversed order every other round); 20 senders at once; a row's rate is its requests
 * divided by the time from the first request until the last answer and the last of its executions
 * has finished (n8n's own stoppedAt). The best round counts. It prints figures and ratios and checks
 * answers and execution counts; it asserts nothing about time. Everything listens on loopback.
 *
 * Environment:
 *   BENCH_N8N_REQUESTS=200      requests per row and round
 *   BENCH_N8N_ROUNDS=2          interleaved rounds
 *   BENCH_N8N_CONCURRENCY=20    senders at once
 *   BENCH_N8N_PROVIDERS=a,b     only these triggers (default: every built one)
 *   BENCH_N8N_ROWS=a,b          only these rows (ids as printed; the bare Webhook row is always kept)
 *   BENCH_N8N_ENV='K=V K2=V2'   extra n8n environment (e.g. N8N_EXPRESSION_ENGINE_POOL_SIZE=2)
 *   BENCH_N8N_PROFILE=1         run n8n with --cpu-prof and print each row's top frames
 *   BENCH_N8N_OUT=file.json     also write the results as JSON
 *   BENCH_N8N_EXTRA_BYTES=480   add a bare Webhook row whose bodies are that much larger
 *   LIVESTREAM_N8N_VERSION=x    another n8n than the pin (scripts/lib/n8n.js)
 */
const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { ensureN8n, freePort, installPackage, n8nVersion, sleep, startN8n, waitReady } = require('./lib/n8n');
const { N8nApi } = require('./lib/api');
const { availableProviders } = require('./lib/providers');
const { runPool, sendRequest } = require('./lib/sender');
const { checkExpressionParameters, createRows } = require('./lib/benchRows');
const cpuprofile = require('./lib/cpuprofile');
const { storedSizes } = require('./lib/benchStorage');
const { groupCpuMs } = require('./lib/processCpu');

const env = process.env;
const REQUESTS = Math.max(1, Math.min(5000, Number(env.BENCH_N8N_REQUESTS || 200)));
const ROUNDS = Math.max(1, Math.min(10, Number(env.BENCH_N8N_ROUNDS || 2)));
const CONCURRENCY = Math.max(1, Math.min(200, Number(env.BENCH_N8N_CONCURRENCY || 20)));
const WARMUP = 20;
/** Longest wait for one row's executions to finish before the row is reported as incomplete. */
const EXECUTION_TIMEOUT_MS = 180000;
const OWNER = { email: 'bench-owner@example.com', password: 'Bench-Owner-Pass1', firstName: 'Bench', lastName: 'Owner' };
const FINISHED = new Set(['success', 'error', 'crashed', 'canceled']);

const list = (v) => (v || '').split(',').map((s) => s.trim()).filter(Boolean);
const hrUs = () => Number(process.hrtime.bigint() / 1000n);
const log = (msg) => console.log(msg);

function extraEnv() {
	const out = {};
	for (const pair of (env.BENCH_N8N_ENV || '').split(/\s+/).filter(Boolean)) {
		const at = pair.indexOf('=');
		if (at > 0) out[pair.slice(0, at)] = pair.slice(at + 1);
	}
	return out;
}

/** A GET on n8n's public API, retried while n8n says its database is busy (503, seen under load). */
async function apiGet(api, path) {
	for (let attempt = 1; ; attempt++) {
		try {
			return await api.api('GET', path);
		} catch (error) {
			if (attempt >= 30 || !/: 503 /.test(error.message)) throw error;
			await sleep(1000);
		}
	}
}

/** Executions of a workflow newer than `afterId` (newest first, no data), `expected` of them at most per page. */
async function newExecutions(api, workflowId, afterId, expected = 250) {
	const out = [];
	let cursor;
	const limit = String(Math.min(250, expected + 1));
	do {
		const query = new URLSearchParams({ workflowId, limit, includeData: 'false', ...(cursor ? { cursor } : {}) });
		const page = await apiGet(api, `/executions?${query}`);
		for (const e of page.data) {
			if (Number(e.id) <= afterId) return out;
			out.push(e);
		}
		cursor = page.nextCursor;
	} while (cursor);
	return out;
}

async function lastExecutionId(api, workflowId) {
	const page = await apiGet(api, `/executions?${new URLSearchParams({ workflowId, limit: '1', includeData: 'false' })}`);
	return page.data.length > 0 ? Number(page.data[0].id) : 0;
}

/** Sends one batch of a row and waits for its executions; returns its rate and what went wrong. */
async function measureRow(api, row, n, pgid) {
	const { url, requests } = row.prepare(n);
	const before = row.workflowId ? await lastExecutionId(api, row.workflowId) : 0;
	const cpuBefore = groupCpuMs(pgid);
	const fromUs = hrUs();
	const started = Date.now();
	const results = await runPool(
		requests.map((request) => async () => await sendRequest(url, request, { timeoutMs: 120000 })),
		CONCURRENCY,
	);
	let end = Date.now();
	const problems = [];
	const wrong = results.filter((r) => r.error || r.status !== row.status);
	if (wrong.length > 0) {
		const sample = wrong[0].error ? wrong[0].error.message : `${wrong[0].status} ${wrong[0].text.slice(0, 120)}`;
		problems.push(`${wrong.length} answers not ${row.status} (e.g. ${sample})`);
	}
	let executions = [];
	if (row.workflowId && row.executes) {
		const deadline = Date.now() + EXECUTION_TIMEOUT_MS;
		// Polled sparingly (each poll costs n8n a query); the end time comes from n8n's stoppedAt.
		for (;;) {
			executions = await newExecutions(api, row.workflowId, before, n);
			if (executions.length >= n && executions.every((e) => FINISHED.has(e.status))) break;
			if (Date.now() > deadline) {
				problems.push(`${executions.length} of ${n} executions finished after ${EXECUTION_TIMEOUT_MS / 1000} s`);
				break;
			}
			await sleep(1000);
		}
		for (const e of executions) if (e.stoppedAt) end = Math.max(end, Date.parse(e.stoppedAt));
		if (executions.length !== n) problems.push(`${executions.length} executions for ${n} callbacks`);
		const failed = executions.filter((e) => e.status !== 'success').length;
		if (failed > 0) problems.push(`${failed} executions did not succeed`);
	}
	const toUs = hrUs();
	const cpuAfter = groupCpuMs(pgid);
	// n8n's CPU per callback while the row ran (the execution polling above adds a little).
	const cpuMs = cpuBefore === null || cpuAfter === null ? null : (cpuAfter - cpuBefore) / n;
	return { rate: n / ((end - started) / 1000), seconds: (end - started) / 1000, cpuMs, problems, fromUs, toUs };
}

/** Rows that must not create executions: checked once at the end, after n8n has had time to. */
async function checkNoExecutions(api, rows, baseline) {
	const problems = [];
	for (const row of rows) {
		if (!row.workflowId || row.executes) continue;
		const shared = rows.some((r) => r !== row && r.executes && r.workflowId === row.workflowId);
		if (shared) continue; // checked through the accepting row's exact count
		const created = await newExecutions(api, row.workflowId, baseline.get(row.workflowId) || 0);
		if (created.length > 0) problems.push(`${row.id}: ${created.length} executions were created`);
	}
	return problems;
}

function table(rows, results, reference, sizes) {
	const lines = [];
	const ref = results.get(reference)?.best;
	lines.push(`| Workflow behind the URL | completed/s | rounds | ratio to bare Webhook | n8n CPU ms per callback | stored bytes per execution |`);
	lines.push('|---|---|---|---|---|---|');
	for (const row of rows) {
		const r = results.get(row.id);
		if (!r) continue;
		const rounds = r.rates.map((v) => v.toFixed(1)).join(' / ');
		const ratio = ref ? (r.best / ref).toFixed(2) : '–';
		const flag = r.problems.length > 0 ? ' ⚠' : '';
		const stored = row.executes && sizes.get(String(row.workflowId));
		const bytes = stored ? Math.round(stored.avgBytes).toLocaleString('en-US') : '–';
		const cpu = r.cpuMs.length > 0 ? Math.min(...r.cpuMs).toFixed(1) : '–';
		lines.push(`| ${row.label} \`${row.id}\`${flag} | ${r.best.toFixed(1)} | ${rounds} | ${ratio} | ${cpu} | ${bytes} |`);
	}
	return lines;
}

/** The ratios the targets are stated in (docs/performance.md). */
function targets(rows, results) {
	const best = (id) => results.get(id)?.best;
	const lines = [];
	const code = best('webhook-code');
	const bare = best('webhook');
	for (const group of [...new Set(rows.map((r) => r.group))].filter((g) => !['webhook', 'n8n'].includes(g))) {
		const accepted = best(`${group}:credential`);
		const floor = best(`${group}:no-credential-filtered`);
		const parts = [];
		if (accepted && code) parts.push(`accepted/Webhook+Code ${(accepted / code).toFixed(2)} (target ≥ 1.0)`);
		if (accepted && bare) parts.push(`accepted/bare Webhook ${(accepted / bare).toFixed(2)} (aim ≥ 0.95)`);
		for (const kind of ['forged', 'filtered']) {
			const v = best(`${group}:${kind}`);
			if (v && floor) parts.push(`${kind}/no-credential-filtered ${(v / floor).toFixed(2)} (target ≥ 0.9)`);
		}
		if (parts.length > 0) lines.push(`${group}: ${parts.join('; ')}`);
	}
	return lines;
}

async function main() {
	const onlyProviders = list(env.BENCH_N8N_PROVIDERS);
	const providers = availableProviders().filter((p) => onlyProviders.length === 0 || onlyProviders.includes(p.id));
	if (!providers.some((p) => p.id === 'tencent-css') && availableProviders().every((p) => p.id !== 'tencent-css')) {
		throw new Error('dist/ has no Tencent CSS trigger (the Webhook rows send its callback): run `npm run build`');
	}
	const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lsc-bench-'));
	const profileDir = env.BENCH_N8N_PROFILE ? path.join(tmp, 'profiles') : null;
	const extra = extraEnv();
	if (profileDir) {
		fs.mkdirSync(profileDir);
		extra.NODE_OPTIONS = `${extra.NODE_OPTIONS || ''} --cpu-prof --cpu-prof-dir=${profileDir}`.trim();
	}
	let handle = null;
	const cleanup = () => {
		if (handle && !handle.stopped) handle.killNow();
		fs.rmSync(tmp, { recursive: true, force: true });
	};
	process.on('exit', cleanup);
	for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(130));

	const port = await freePort();
	let brokerPort = await freePort();
	while (brokerPort === port) brokerPort = await freePort();
	log(`n8n ${n8nVersion()} on 127.0.0.1:${port}, ${REQUESTS} requests per row and round, ${ROUNDS} rounds, ${CONCURRENCY} senders` +
		(Object.keys(extra).length ? `, env ${JSON.stringify(extra)}` : ''));
	// As bootInstance (scripts/lib/instance.js), with more time to start on a busy machine.
	const n8n = await ensureN8n({ log });
	await installPackage(tmp, { log });
	handle = startN8n(n8n, {
		userFolder: tmp,
		port,
		brokerPort,
		owner: OWNER,
		encryptionKey: crypto.randomBytes(24).toString('hex'),
		logFile: path.join(tmp, 'n8n.log'),
		// The Code row's md5 needs the crypto module inside n8n's task runner. On a busy machine n8n's
		// database health ping can wait longer than its 5 s default and n8n then answers every
		// request 503 "Database is not ready": the bench gives the ping more time.
		extraEnv: { NODE_FUNCTION_ALLOW_BUILTIN: 'crypto', DB_PING_TIMEOUT_MS: '30000', ...extra },
	});
	await waitReady(handle, { timeoutMs: 600000 });
	const api = new N8nApi(`http://127.0.0.1:${port}`);
	await api.login(OWNER.email, OWNER.password);
	await api.createApiKey(`bench ${new Date().toISOString()}`);
	const booted = { n8n, handle, api };
	const baseUrl = booted.handle.baseUrl.replace('localhost', '127.0.0.1');

	// A trigger with a callback credential (not Sigma, whose secret is its registered URL).
	const checked = providers.find((p) => !p.callbackSecrets);
	const expressionProblems = checked
		? await checkExpressionParameters(api, baseUrl, checked, { sendRequest, lastExecutionId, sleep })
		: [];
	if (checked) {
		log(`expressions in ${checked.label} Trigger parameters: ${expressionProblems.length === 0 ? 'resolved by n8n as expected' : expressionProblems.join('; ')}`);
	}
	let rows = await createRows(api, baseUrl, providers, { log, extraBytes: Math.max(0, Math.min(1e6, Number(env.BENCH_N8N_EXTRA_BYTES || 0))) });
	const onlyRows = list(env.BENCH_N8N_ROWS);
	if (onlyRows.length > 0) rows = rows.filter((r) => r.id === 'webhook' || onlyRows.includes(r.id));
	const baseline = new Map();
	for (const row of rows) if (row.workflowId) baseline.set(row.workflowId, await lastExecutionId(api, row.workflowId));

	log(`warming up ${rows.length} rows (${WARMUP} requests each) …`);
	for (const row of rows) {
		const r = await measureRow(api, row, WARMUP, booted.handle.pid);
		if (r.problems.length > 0) log(`  ${row.id}: ${r.problems.join('; ')}`);
	}

	const results = new Map(rows.map((row) => [row.id, { rates: [], best: 0, cpuMs: [], problems: [], windows: [] }]));
	for (let round = 1; round <= ROUNDS; round++) {
		const order = round % 2 === 1 ? rows : [...rows].reverse();
		for (const row of order) {
			const r = await measureRow(api, row, REQUESTS, booted.handle.pid);
			const entry = results.get(row.id);
			entry.rates.push(r.rate);
			entry.best = Math.max(entry.best, r.rate);
			if (r.cpuMs !== null) entry.cpuMs.push(r.cpuMs);
			entry.problems.push(...r.problems.map((p) => `round ${round}: ${p}`));
			entry.windows.push([r.fromUs, r.toUs]);
			const cpu = r.cpuMs === null ? '' : `  ${r.cpuMs.toFixed(1).padStart(6)} ms CPU/callback`;
			log(`round ${round}  ${row.id.padEnd(36)} ${r.rate.toFixed(1).padStart(7)}/s${cpu}` + (r.problems.length ? `  ⚠ ${r.problems.join('; ')}` : ''));
		}
	}
	const finalProblems = await checkNoExecutions(api, rows, baseline);

	await booted.handle.stop();
	let sizes = new Map();
	try {
		sizes = storedSizes(booted.n8n, tmp);
	} catch (error) {
		log(`(stored sizes not read: ${error.message})`);
	}
	log('');
	log(`n8n ${n8nVersion()}, regular mode, SQLite, ${os.cpus().length} cores, ${CONCURRENCY} senders, ${REQUESTS} requests per row, best of ${ROUNDS} interleaved rounds` +
		(Object.keys(extra).length ? `, ${Object.entries(extra).map(([k, v]) => `${k}=${v}`).join(' ')}` : ''));
	log('');
	for (const line of table(rows, results, 'webhook', sizes)) log(line);
	log('');
	for (const line of targets(rows, results)) log(line);
	const problems = [...expressionProblems.map((p) => `expression parameters: ${p}`), ...finalProblems];
	for (const row of rows) for (const p of results.get(row.id).problems) problems.push(`${row.id}: ${p}`);
	if (problems.length > 0) {
		log('');
		log('Problems (rows marked ⚠):');
		for (const p of problems) log(`  ${p}`);
	}

	let profiles = null;
	if (profileDir) profiles = printProfiles(profileDir, booted.handle.pid, rows, results);

	if (env.BENCH_N8N_OUT) {
		const out = {
			n8n: n8nVersion(),
			requests: REQUESTS,
			rounds: ROUNDS,
			concurrency: CONCURRENCY,
			env: extra,
			rows: rows.map((r) => ({
				id: r.id,
				label: r.label,
				...results.get(r.id),
				windows: undefined,
				storedBytes: r.executes ? sizes.get(String(r.workflowId))?.avgBytes ?? null : null,
			})),
			problems,
			profiles,
		};
		fs.writeFileSync(env.BENCH_N8N_OUT, `${JSON.stringify(out, null, '\t')}\n`);
	}
	process.exitCode = problems.length > 0 ? 1 : 0;
}

/** Each row's top frames in n8n's main process, from the samples taken while the row was sent. */
function printProfiles(dir, pid, rows, results) {
	const files = fs.readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'));
	const main = files.find((f) => f.includes(`.${pid}.`)) ||
		files.sort((a, b) => fs.statSync(path.join(dir, b)).size - fs.statSync(path.join(dir, a)).size)[0];
	if (!main) {
		log('No CPU profile was written (n8n did not exit normally?)');
		return null;
	}
	const loaded = cpuprofile.load(path.join(dir, main));
	const out = {};
	log('');
	log(`CPU profile of n8n's main process (${main}); percentages of its busy time while each row was sent:`);
	for (const row of rows) {
		const windows = results.get(row.id).windows;
		// The last round's window of this row.
		const [fromUs, toUs] = windows[windows.length - 1];
		const summary = cpuprofile.summarize(loaded, { fromUs, toUs, top: 12 });
		const own = require('../package.json').name;
		summary.ownPackage = own;
		summary.ownSelf = summary.selfOf(own);
		summary.ownOnStack = summary.onStack(own);
		out[row.id] = summary;
		log('');
		for (const line of cpuprofile.format(summary, { title: `${row.id}: ` })) log(line);
	}
	const keep = env.BENCH_N8N_PROFILE_KEEP;
	if (keep) {
		fs.mkdirSync(keep, { recursive: true });
		for (const f of files) fs.copyFileSync(path.join(dir, f), path.join(keep, f));
		log(`profiles copied to ${keep}`);
	}
	return out;
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
