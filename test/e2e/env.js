'use strict';
/**
 * The e2e suite's n8n: booted like `npm run dev` (same code, scripts/lib) but on free loopback ports
 * with a fresh temporary data folder, and torn down completely, also on failure or Ctrl-C.
 *
 * E2E_QUEUE=1 boots n8n in queue mode instead (scripts/lib/queue.js: PostgreSQL, Redis, main,
 * webhook process, two workers): the API calls go to main, the callbacks to the webhook process.
 */
const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { ROOT, freePort, sleep } = require('../../scripts/lib/n8n');
const { bootInstance, callbackUrl, ensureCredential, exampleWorkflow, importExamples } = require('../../scripts/lib/instance');
const { availableProviders, devCredentialData, loadEvents, eventOfKey } = require('../../scripts/lib/providers');
const { startFakes } = require('../../scripts/lib/fakes');
const { killQueueCluster, startQueueCluster, stopQueueCluster } = require('../../scripts/lib/queue');
const { tempDataDir } = require('../../scripts/lib/postgres');

/** True when the suite runs against n8n in queue mode (E2E_QUEUE=1). */
const QUEUE = /^(1|true|yes)$/i.test(process.env.E2E_QUEUE || '');

const ARTIFACTS = path.join(ROOT, '.e2e');
const OWNER = { email: 'e2e-owner@example.com', password: 'E2e-Owner-Pass1', firstName: 'E2E', lastName: 'Owner' };

/** Everything started by the suite, for the exit handlers. */
const live = { handle: null, tmp: null, fakes: null, cluster: null, extra: new Set() };

function emergencyCleanup() {
	if (live.handle && !live.handle.stopped) live.handle.killNow();
	killQueueCluster(live.cluster);
	for (const h of live.extra) if (!h.stopped) h.killNow();
	// (the fakes are servers inside this process: they end with it)
	// Killed servers may still be writing: retry the removal briefly, never throw from 'exit'.
	for (const dir of [live.cluster?.postgres?.dataDir, live.tmp]) {
		if (!dir) continue;
		try {
			fs.rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
		} catch {
			// left for the OS's temporary-file cleanup
		}
	}
}
process.on('exit', emergencyCleanup);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
	process.on(signal, () => {
		emergencyCleanup();
		process.exit(130);
	});
}

const log = (msg) => console.log(msg);

/** Starts everything, or on any failure stops what it started (so the test process can exit). */
async function startEnv(providers = availableProviders()) {
	try {
		return await startEnvUnguarded(providers);
	} catch (error) {
		if (live.handle) {
			await live.handle.stop().catch(() => live.handle.killNow());
			if (fs.existsSync(live.handle.logFile)) fs.copyFileSync(live.handle.logFile, path.join(ARTIFACTS, 'n8n.log'));
		}
		if (live.cluster) {
			await stopQueueCluster(live.cluster).catch(() => killQueueCluster(live.cluster));
			keepQueueLogs(live.cluster);
		}
		if (live.fakes) await live.fakes.stop().catch(() => {});
		if (live.tmp) fs.rmSync(live.tmp, { recursive: true, force: true });
		live.tmp = null;
		throw error;
	}
}

async function startEnvUnguarded(providers) {
	fs.mkdirSync(ARTIFACTS, { recursive: true });
	live.tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lsc-e2e-'));
	const port = await freePort();
	let brokerPort = await freePort();
	while (brokerPort === port) brokerPort = await freePort();
	const started = Date.now();
	const fakes = await startFakes(providers, { registration: true });
	live.fakes = fakes;
	let handle;
	let api;
	let n8n;
	let cluster = null;
	if (QUEUE) {
		cluster = await startQueueCluster({
			userFolder: live.tmp,
			dataDir: tempDataDir(),
			redisDir: path.join(live.tmp, 'redis'),
			owner: OWNER,
			encryptionKey: crypto.randomBytes(24).toString('hex'),
			log,
			onStarted: (c) => (live.cluster = c),
		});
		({ api, n8n } = cluster);
		handle = cluster.main;
		log(`n8n queue mode up in ${cluster.timings.total} s (${JSON.stringify(cluster.timings)}), data ${live.tmp}`);
	} else {
		({ handle, api, n8n } = await bootInstance({
			userFolder: live.tmp,
			port,
			brokerPort,
			owner: OWNER,
			encryptionKey: crypto.randomBytes(24).toString('hex'),
			log,
			onStarted: (h) => (live.handle = h),
		}));
		log(`n8n up on port ${port} (broker ${brokerPort}) in ${((Date.now() - started) / 1000).toFixed(1)} s, data ${live.tmp}`);
	}
	// The host n8n believes it has (N8N_WEBHOOK_URL): registered URLs are built from it. In queue
	// mode that is the webhook process, which answers every callback.
	const baseUrl = QUEUE ? cluster.webhookUrl : handle.baseUrl;
	const { credentialData, resolveUrl } = fakes;
	const examples = await importExamples(api, providers, { baseUrl, credentialData, resolveUrl });

	// Per provider, a second workflow that selects only the first fixture's event.
	const filtered = [];
	for (const p of providers) {
		const keys = Object.keys(loadEvents(p));
		const selected = eventOfKey(keys[0]);
		const other = keys.find((k) => eventOfKey(k) !== selected);
		const credentialId = await ensureCredential(api, p, { ...devCredentialData(p), ...(credentialData[p.id] || {}) });
		const wf = await api.createWorkflow(
			exampleWorkflow(p, credentialId, {
				name: `E2E filtered: ${p.label}`,
				webhookId: crypto.randomUUID(),
				parameters: { events: [selected] },
			}),
		);
		await api.publish(wf.id);
		const { url } = await callbackUrl(api, baseUrl, p, wf, resolveUrl);
		filtered.push({ provider: p, workflowId: wf.id, url, selectedKey: keys[0], otherKey: other });
	}

	return {
		n8n,
		handle,
		api,
		baseUrl,
		queue: QUEUE,
		cluster,
		/** Registers something the exit handlers must kill (an extra n8n started by a test). */
		track: (h) => live.extra.add(h),
		owner: OWNER,
		providers,
		examples,
		filtered,
		fakes,
		credentialData,
		resolveUrl,
		artifacts: ARTIFACTS,
		async stop() {
			try {
				if (cluster) await stopQueueCluster(cluster);
				else await handle.stop();
				await fakes.stop();
			} finally {
				if (cluster) keepQueueLogs(cluster);
				else if (fs.existsSync(handle.logFile)) fs.copyFileSync(handle.logFile, path.join(ARTIFACTS, 'n8n.log'));
				fs.rmSync(live.tmp, { recursive: true, force: true });
				live.tmp = null;
			}
		},
	};
}

/**
 * Copies each queue-mode process's log (and Redis's, PostgreSQL's) into .e2e/queue-logs/, then
 * deletes PostgreSQL's data folder (it lives outside the suite's temporary folder).
 */
function keepQueueLogs(cluster) {
	const dir = path.join(ARTIFACTS, 'queue-logs');
	fs.rmSync(dir, { recursive: true, force: true });
	fs.mkdirSync(dir, { recursive: true });
	for (const h of Object.values(cluster.processes || {})) {
		if (fs.existsSync(h.logFile)) fs.copyFileSync(h.logFile, path.join(dir, path.basename(h.logFile)));
	}
	for (const f of [cluster.redis?.logFile, cluster.postgres?.logFile]) {
		if (f && fs.existsSync(f)) fs.copyFileSync(f, path.join(dir, path.basename(f)));
	}
	if (cluster.postgres?.dataDir) fs.rmSync(cluster.postgres.dataDir, { recursive: true, force: true });
}

const FINISHED = new Set(['success', 'error', 'crashed', 'canceled']);

/**
 * Waits until a workflow has at least `expected` executions, all finished, and the count stays put
 * for `settleMs`; returns them (with data when asked). Fails on timeout with the count seen.
 */
async function waitForExecutions(
	api,
	workflowId,
	expected,
	{ timeoutMs = 60000, settleMs = 1500, stallMs = 30000, includeData = true } = {},
) {
	const deadline = Date.now() + timeoutMs;
	let list = [];
	let lastCount = -1;
	let lastChange = Date.now();
	while (Date.now() < deadline) {
		list = await api.executions(workflowId);
		const allFinished = list.every((e) => FINISHED.has(e.status));
		if (list.length >= expected && allFinished) {
			await sleep(settleMs);
			const again = await api.executions(workflowId, { includeData });
			if (again.length === list.length && again.every((e) => FINISHED.has(e.status))) return again;
		}
		if (list.length !== lastCount || !allFinished) {
			lastCount = list.length;
			lastChange = Date.now();
		} else if (Date.now() - lastChange > stallMs) {
			break; // nothing running and nothing new for a while: the missing ones will not come
		}
		await sleep(250);
	}
	throw new Error(
		`workflow ${workflowId}: expected ${expected} finished executions, saw ${list.length} (${expected - list.length} missing)`,
	);
}

/** The items a trigger emitted in one execution. */
function triggerItems(execution, triggerName) {
	const run = execution.data?.resultData?.runData?.[triggerName];
	if (!run) return [];
	return (run[0].data?.main?.[0] || []).map((i) => i.json);
}

module.exports = { startEnv, waitForExecutions, triggerItems, log, ARTIFACTS, QUEUE };
