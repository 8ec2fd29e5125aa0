#!/usr/bin/env node
'use strict';
/**
 * `npm run dev`: builds the package, starts the pinned n8n (installed into a cache outside the clone
 * on first use) on http://localhost:5678 with its data in `.n8n-dev/`, loads the package as an
 * installed community package, creates the owner, imports and publishes one example workflow per
 * provider trigger, and prints each production URL with a command that sends a signed test event.
 * Ctrl-C stops n8n and everything it started.
 *
 * Options: --port <n> (default 5678, or N8N_PORT), --fresh (delete .n8n-dev/ first), --quiet (n8n's
 * own output only in .n8n-dev/n8n.log), --check (CI: once everything is up, send one signed event to
 * each example workflow, require a 200 and a new execution for each, then stop; exit code 1 if not).
 *
 * --queue: n8n in queue mode instead (scripts/lib/queue.js): PostgreSQL and Redis (installed on
 * first use), then main on --port, one webhook process (on --webhook-port, default the next free
 * port after --port) and --workers <n> workers (default 2); data in .n8n-dev/queue/. The printed
 * URLs are the webhook process's. docs/scaling-out.md explains the layout.
 */
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const { ROOT, PINS, freePort, portIsFree } = require('./lib/n8n');
const { bootInstance, importExamples } = require('./lib/instance');
const { killQueueCluster, startQueueCluster, stopQueueCluster } = require('./lib/queue');
const { dataDirFor } = require('./lib/postgres');
const { startFakes } = require('./lib/fakes');
const { availableProviders, loadEvents } = require('./lib/providers');
const { buildRequest, sendRequest, signingTarget } = require('./lib/sender');

const QUEUE = process.argv.includes('--queue');
// Queue mode keeps its own data (PostgreSQL, Redis, user folder) beside regular mode's.
const DATA = QUEUE ? path.join(ROOT, '.n8n-dev', 'queue') : path.join(ROOT, '.n8n-dev');
const STATE = path.join(DATA, 'dev-state.json');
const OWNER = { email: 'owner@example.com', password: 'Livestream-Dev1', firstName: 'Dev', lastName: 'Owner' };
// Dev data only: a fixed key so that credentials in .n8n-dev/ stay readable across runs.
const ENCRYPTION_KEY = 'livestream-callbacks-dev-only-not-secret';

const args = process.argv.slice(2);
const flag = (name) => args.includes(`--${name}`);
const option = (name) => {
	const i = args.indexOf(`--${name}`);
	return i >= 0 ? args[i + 1] : undefined;
};

function readState() {
	try {
		return JSON.parse(fs.readFileSync(STATE, 'utf8'));
	} catch {
		return {};
	}
}

function writeState(state) {
	fs.mkdirSync(DATA, { recursive: true });
	fs.writeFileSync(STATE, `${JSON.stringify(state, null, '\t')}\n`);
}

/**
 * Processes left running by a dev session that was killed hard (n8n, and in queue mode PostgreSQL
 * and Redis): stop their process groups, but only a process whose command line still says what it was.
 */
function stopLeftover(state) {
	const leftovers = [
		...(state.pid ? [{ pid: state.pid, what: 'n8n' }] : []),
		...(state.pids || []).map((x) => ({ pid: x.pid, what: x.what })),
	];
	for (const { pid, what } of leftovers) {
		let cmdline = '';
		try {
			cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
		} catch {
			continue;
		}
		if (!cmdline.includes(what)) continue;
		console.log(`Stopping a ${what} left over from an earlier run (pid ${pid}) …`);
		try {
			process.kill(-pid, 'SIGKILL');
		} catch {
			// already gone
		}
	}
}

let handle;
let cluster;
let fakes;
let stopping = false;
async function stop(code) {
	if (stopping) return;
	stopping = true;
	if (handle) {
		console.log('\nStopping n8n …');
		await handle.stop();
		writeState({ ...readState(), pid: null });
		console.log('n8n stopped.');
	}
	if (cluster) {
		console.log('\nStopping the webhook process, workers, main, Redis and PostgreSQL …');
		await stopQueueCluster(cluster).catch(() => killQueueCluster(cluster));
		writeState({ ...readState(), pids: [] });
		console.log('Stopped.');
	}
	if (fakes) await fakes.stop().catch(() => {});
	process.exit(code);
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));
process.on('SIGHUP', () => stop(0));
process.on('exit', () => {
	if (handle && !handle.stopped) handle.killNow();
	killQueueCluster(cluster);
});

/** What to record so that a run killed hard can be cleaned up by the next one. */
function clusterPids(c) {
	return [
		...Object.values(c.processes || {}).map((h) => ({ pid: h.pid, what: 'n8n' })),
		...(c.redis?.pid ? [{ pid: c.redis.pid, what: 'redis' }] : []),
		...(c.postgres?.pid ? [{ pid: c.postgres.pid, what: 'postgres' }] : []),
	];
}

async function main() {
	const started = Date.now();
	const port = Number(option('port') || process.env.N8N_PORT || 5678);
	const state = readState();
	stopLeftover(state);
	if (flag('fresh')) {
		fs.rmSync(DATA, { recursive: true, force: true });
		if (QUEUE) fs.rmSync(dataDirFor(path.join(DATA, 'postgres')), { recursive: true, force: true });
	}
	if (!(await portIsFree(port))) {
		throw new Error(`Port ${port} is in use (another n8n?). Stop it, or run: npm run dev -- --port <other>`);
	}
	const brokerPort = (await portIsFree(port + 1)) ? port + 1 : await freePort();

	console.log('Building the package …');
	const build = spawnSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit' });
	if (build.status !== 0) throw new Error('npm run build failed');

	// Provider APIs that triggers call on publish (Sigma) run as local fakes, before n8n starts:
	// n8n re-registers published workflows at startup.
	const providers = availableProviders();
	const sigmaPort = (await portIsFree(port + 2)) ? port + 2 : await freePort();
	fakes = await startFakes(providers, { sigmaPort });

	const quiet = flag('quiet');
	if (QUEUE) return await mainQueue({ started, port, state, quiet, providers });
	const instance = await bootInstance({
		userFolder: DATA,
		port,
		brokerPort,
		owner: OWNER,
		encryptionKey: ENCRYPTION_KEY,
		apiKey: state.apiKey,
		onLine: quiet ? undefined : (line) => console.log(`[n8n] ${line}`),
		onStarted: (h) => {
			handle = h;
			writeState({ ...state, pid: h.pid });
		},
	});
	writeState({ ...readState(), apiKey: instance.api.apiKey, pid: handle.pid });
	handle.exited.then((code) => {
		if (!stopping) {
			console.error(`n8n exited (${code}); its log: ${handle.logFile}`);
			stopping = true;
			process.exit(1);
		}
	});

	const base = `http://localhost:${port}`;
	const workflows = await importExamples(instance.api, providers, {
		baseUrl: base,
		reuse: true,
		credentialData: fakes.credentialData,
		resolveUrl: fakes.resolveUrl,
	});

	const lines = [
		'',
		'='.repeat(78),
		`n8n ${PINS.n8n} is running at ${base}  (started in ${Math.round((Date.now() - started) / 1000)} s; Ctrl-C stops it)`,
		`Log in as ${OWNER.email} / ${OWNER.password}`,
		`Data: ${path.relative(ROOT, DATA)}/ (git-ignored; --fresh starts over)   n8n log: ${path.relative(ROOT, handle.logFile)}`,
		'',
	];
	printWorkflows(lines, workflows, base);
	if (flag('check')) await stop((await check(instance.api, workflows)) ? 0 : 1);
}

/** The per-workflow part of the banner: editor link, URLs, a send command. */
function printWorkflows(lines, workflows, editorBase) {
	const base = editorBase;
	for (const w of workflows) {
		const p = w.provider;
		const first = Object.keys(loadEvents(p))[0];
		// Sigma's secret is the ?token= in its registered URL; the others sign with the credential.
		const flags = p.callbackSecrets ? '' : p.credential.fields.map((f) => `--${f.flag} ${f.dev}`).join(' ');
		lines.push(`${p.label}: "${w.name}" ${w.created ? '(imported, published)' : '(published)'}`);
		lines.push(`  editor:         ${base}/workflow/${w.workflowId}`);
		lines.push(`  production URL: ${w.productionUrl}`);
		if (w.url !== w.productionUrl) lines.push(`  registered URL: ${w.url}  (at the local fake ${p.label} API, ${fakes.credentialData[p.id].baseUrl})`);
		lines.push(`  send a signed test event:`);
		const shellUrl = /[?&]/.test(w.url) ? `'${w.url}'` : w.url;
		lines.push(`    npm run send -- ${p.id} ${first} --url ${shellUrl}${flags ? ` ${flags}` : ''}`);
		lines.push('');
	}
	if (workflows.length === 0) lines.push('No provider trigger is built yet (see scripts/lib/providers.js).', '');
	lines.push('Every event: npm run send -- --list;  rejections: add --wrong-key, --stale, --unsigned or --bad-json.');
	lines.push('='.repeat(78));
	console.log(lines.join('\n'));
}

/** --queue: PostgreSQL, Redis, main, one webhook process, workers; the example workflows published. */
async function mainQueue({ started, port, state, quiet, providers }) {
	const webhookOption = Number(option('webhook-port') || 0);
	let webhookPort = webhookOption || port + 1;
	if (!(await portIsFree(webhookPort))) {
		if (webhookOption) throw new Error(`Port ${webhookPort} is in use: choose another --webhook-port`);
		webhookPort = await freePort();
	}
	fs.mkdirSync(DATA, { recursive: true });
	cluster = await startQueueCluster({
		userFolder: DATA,
		dataDir: dataDirFor(path.join(DATA, 'postgres')),
		redisDir: path.join(DATA, 'redis'),
		owner: OWNER,
		encryptionKey: ENCRYPTION_KEY,
		workers: Number(option('workers') || 2),
		ports: { main: port, webhook: webhookPort },
		apiKey: state.apiKey,
		onLine: quiet ? undefined : (name, line) => console.log(`[${name}] ${line}`),
		onStarted: (c) => (cluster = c),
	});
	writeState({ ...readState(), apiKey: cluster.api.apiKey, pids: clusterPids(cluster) });
	for (const h of [cluster.main, cluster.webhook, ...cluster.workers]) {
		h.exited.then((code) => {
			if (!stopping && !h.stopped) {
				console.error(`n8n ${h.name} exited (${code}); its log: ${h.logFile}`);
				stop(1);
			}
		});
	}
	const workflows = await importExamples(cluster.api, providers, {
		baseUrl: cluster.webhookUrl,
		reuse: true,
		credentialData: fakes.credentialData,
		resolveUrl: fakes.resolveUrl,
	});
	const rel = (f) => path.relative(ROOT, f);
	const lines = [
		'',
		'='.repeat(78),
		`n8n ${PINS.n8n} in queue mode (started in ${Math.round((Date.now() - started) / 1000)} s; Ctrl-C stops everything):`,
		`  main (editor, API, publishing):   ${cluster.mainUrl}   log: ${rel(cluster.main.logFile)}`,
		`  webhook process (callbacks):      ${cluster.webhookUrl}   log: ${rel(cluster.webhook.logFile)}`,
		...cluster.workers.map((w) => `  ${w.name} (runs executions, ${cluster.concurrency} at once): health ${w.healthUrl}   log: ${rel(w.logFile)}`),
		`  PostgreSQL ${cluster.postgres.port} (data ${cluster.postgres.dataDir}), Redis ${cluster.redis.port}`,
		`Log in as ${OWNER.email} / ${OWNER.password}`,
		`Data: ${rel(DATA)}/ (git-ignored; --fresh starts over)`,
		'',
	];
	printWorkflows(lines, workflows, cluster.mainUrl);
	if (flag('check')) await stop((await check(cluster.api, workflows)) ? 0 : 1);
}

/** --check: one signed event per example workflow must be answered 200 and become an execution. */
async function check(api, workflows) {
	let ok = workflows.length > 0;
	for (const w of workflows) {
		const p = w.provider;
		const [event, payload] = Object.entries(loadEvents(p))[0];
		const before = (await api.executions(w.workflowId)).length;
		const { url, secrets } = signingTarget(p, w.url);
		const answer = await sendRequest(url, buildRequest(p, payload, { secrets }));
		let executions = before;
		const deadline = Date.now() + 60000;
		while (answer.status === 200 && executions === before && Date.now() < deadline) {
			await new Promise((resolve) => setTimeout(resolve, 500));
			executions = (await api.executions(w.workflowId)).length;
		}
		const passed = answer.status === 200 && executions === before + 1;
		ok &&= passed;
		console.log(`check ${p.id} ${event}: HTTP ${answer.status} ${answer.text.slice(0, 80)}; executions ${before} → ${executions}: ${passed ? 'ok' : 'FAILED'}`);
	}
	console.log(ok ? 'npm run dev --check: every example workflow ran.' : 'npm run dev --check: FAILED');
	return ok;
}

main().catch((error) => {
	console.error(`npm run dev failed: ${error.message}`);
	stop(1);
});
