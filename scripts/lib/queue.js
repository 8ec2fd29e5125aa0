'use strict';
/**
 * n8n in queue mode on loopback, shared by `npm run dev -- --queue` and the queue-mode e2e suite:
 * PostgreSQL (scripts/lib/postgres.js) and Redis (scripts/lib/redis.js), then one main process
 * (`n8n start`: editor, API, publishing, Register Automatically), one webhook process
 * (`n8n webhook`: answers the providers' callbacks and enqueues executions) and workers
 * (`n8n worker`: run the executions). docs/scaling-out.md explains the layout and every setting.
 *
 * All processes share one N8N_USER_FOLDER, so the package installed once under `.n8n/nodes` is
 * loaded by each of them, and one N8N_ENCRYPTION_KEY, so each can decrypt the credentials.
 * Every port (each process's HTTP port and task-runner broker port, each worker's health port,
 * PostgreSQL, Redis) is a free loopback port chosen at start, unless the caller fixes one.
 */
const fs = require('node:fs');
const path = require('node:path');

const { N8nApi } = require('./api');
const { ensureN8n, freePort, installPackage, startN8n, waitReady, sleep } = require('./n8n');
const { startPostgres } = require('./postgres');
const { startRedis } = require('./redis');

/**
 * What every n8n process of the cluster gets on top of startN8n's own environment.
 *
 * N8N_EXECUTIONS_QUEUE_KEEP_LAST_COMPLETED / _FAILED: n8n 2.41 removes a finished job from Redis at
 * once (both default to 0). A job that finishes before the enqueuing process starts waiting for it
 * is then gone, its wait never ends, and that process keeps the execution as "active" for good:
 * its memory grows and every graceful stop waits the full shutdown timeout. Keeping the last jobs
 * lets that wait find the finished job. Measured in docs/scaling-out.md.
 */
const KEEP_LAST_JOBS = '1000';

/**
 * n8n settings the docs recommend for throughput (docs/performance.md, "Settings that raise
 * throughput"): without lazy acquisition every webhook request to a trigger other than n8n's own
 * Webhook node prepares an expression sandbox, which caps what a webhook process accepts.
 */
const THROUGHPUT_ENV = { N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE: 'true' };

function queueEnv({ postgres, redis, webhookUrl, extraEnv = {} }) {
	return {
		...postgres.env,
		// n8n's default pool of 2 connections per process is soon exhausted under concurrent
		// callbacks; n8n's own database health ping then cannot get a connection within its 5 s,
		// marks the database down and answers 503 to every request (seen at 50 concurrent).
		DB_POSTGRESDB_POOL_SIZE: '10',
		...redis.env,
		EXECUTIONS_MODE: 'queue',
		N8N_WEBHOOK_URL: `${webhookUrl}/`,
		N8N_EXECUTIONS_QUEUE_KEEP_LAST_COMPLETED: KEEP_LAST_JOBS,
		N8N_EXECUTIONS_QUEUE_KEEP_LAST_FAILED: KEEP_LAST_JOBS,
		N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
		QUEUE_HEALTH_CHECK_ACTIVE: 'true',
		...THROUGHPUT_ENV,
		...extraEnv,
	};
}

/** `count` distinct free loopback ports, none of them in `taken`. */
async function freePorts(count, taken = new Set()) {
	const out = [];
	while (out.length < count) {
		const port = await freePort();
		if (taken.has(port) || out.includes(port)) continue;
		out.push(port);
	}
	for (const p of out) taken.add(p);
	return out;
}

/**
 * Starts PostgreSQL, Redis, main, the webhook process and `workers` workers (in that order: main
 * creates the schema), installs the package into the shared user folder first.
 *
 * @param {object} o
 * @param {string} o.userFolder      N8N_USER_FOLDER of every n8n process (their logs go there too)
 * @param {string} o.dataDir         PostgreSQL's data folder (from postgres.js dataDirFor/tempDataDir)
 * @param {string} o.redisDir        Redis's folder
 * @param {{email: string, password: string}} o.owner
 * @param {string} o.encryptionKey
 * @param {number} [o.workers=2]
 * @param {number} [o.concurrency=5] jobs each worker runs at once
 * @param {{main?: number, webhook?: number}} [o.ports] fixed HTTP ports (dev), else free ones
 * @param {string | null} [o.apiKey]  a key to reuse when still valid
 * @param {object} [o.extraEnv]       more environment for every n8n process
 * @param {(msg: string) => void} [o.log]
 * @param {(name: string, line: string) => void} [o.onLine]  n8n's output lines, by process name
 * @param {(cluster: object) => void} [o.onStarted] called as soon as any process exists (cleanup)
 */
async function startQueueCluster(o) {
	const log = o.log || console.log;
	const started = Date.now();
	const taken = new Set();
	const cluster = {
		processes: {},
		workers: [],
		postgres: null,
		redis: null,
		timings: {},
	};
	const mark = (name, since) => (cluster.timings[name] = Number(((Date.now() - since) / 1000).toFixed(1)));
	if (o.onStarted) o.onStarted(cluster);

	const n8n = await ensureN8n({ log });
	cluster.n8n = n8n;
	let t = Date.now();
	const [pgPort, redisPort] = await freePorts(2, taken);
	cluster.postgres = await startPostgres({ dataDir: o.dataDir, port: pgPort, log, n8nDir: n8n.dir });
	mark('postgres', t);
	t = Date.now();
	cluster.redis = await startRedis({ dir: o.redisDir, port: redisPort, log });
	mark('redis', t);
	log(`PostgreSQL 127.0.0.1:${pgPort} (${cluster.timings.postgres} s), Redis 127.0.0.1:${redisPort} (${cluster.timings.redis} s)`);

	t = Date.now();
	await installPackage(o.userFolder, { log });
	mark('install', t);

	const mainPort = o.ports?.main || (await freePorts(1, taken))[0];
	taken.add(mainPort);
	const webhookPort = o.ports?.webhook || (await freePorts(1, taken))[0];
	taken.add(webhookPort);
	const webhookUrl = `http://localhost:${webhookPort}`;
	const env = queueEnv({ postgres: cluster.postgres, redis: cluster.redis, webhookUrl, extraEnv: o.extraEnv });
	const workerCount = o.workers ?? 2;
	const concurrency = o.concurrency ?? 5;

	/** Starts one n8n process of the cluster (not yet ready). */
	const spawnProcess = async (name, command, { port, commandArgs = [], extraEnv = {}, stopGraceMs } = {}) => {
		const [brokerPort, ownPort] = await freePorts(2, taken);
		const httpPort = port || ownPort;
		const handle = startN8n(n8n, {
			userFolder: o.userFolder,
			port: httpPort,
			brokerPort,
			owner: o.owner,
			encryptionKey: o.encryptionKey,
			logFile: path.join(o.userFolder, `n8n-${name}.log`),
			onLine: o.onLine ? (line) => o.onLine(name, line) : undefined,
			command,
			commandArgs,
			healthPort: command === 'worker' ? httpPort : undefined,
			stopGraceMs,
			extraEnv: {
				...env,
				...(command === 'worker' ? { QUEUE_HEALTH_CHECK_PORT: String(httpPort) } : {}),
				...extraEnv,
			},
		});
		handle.name = name;
		cluster.processes[name] = handle;
		return handle;
	};
	cluster.spawnProcess = spawnProcess;

	// All at once: whichever process takes n8n's migration lock first creates the schema, the
	// others wait for it, and their own start (loading n8n, the nodes) overlaps the migrations.
	t = Date.now();
	const main = await spawnProcess('main', 'start', { port: mainPort });
	cluster.main = main;
	const webhook = await spawnProcess('webhook', 'webhook', { port: webhookPort, stopGraceMs: 40000 });
	cluster.webhook = webhook;
	const workers = [];
	for (let i = 1; i <= workerCount; i++) {
		workers.push(await spawnProcess(`worker${i}`, 'worker', { commandArgs: [`--concurrency=${concurrency}`] }));
	}
	cluster.workers = workers;
	const ready = async (h) => {
		await waitReady(h, { timeoutMs: 300000 });
		mark(h.name, t);
	};
	await Promise.all([main, webhook, ...workers].map(ready));
	mark('n8n', t);
	log(`n8n main (port ${mainPort}), webhook process (port ${webhookPort}) and ${workerCount} worker(s) ready in ${cluster.timings.n8n} s`);

	const api = new N8nApi(`http://127.0.0.1:${mainPort}`, o.apiKey || null);
	if (!(await api.apiKeyWorks())) {
		await api.login(o.owner.email, o.owner.password);
		await api.createApiKey(`tooling ${new Date().toISOString()}`);
	}
	mark('total', started);

	Object.assign(cluster, {
		api,
		mainUrl: main.baseUrl,
		/** Where providers send callbacks: the webhook process (behind a load balancer in production). */
		webhookUrl,
		env,
		concurrency,
		/** Starts one more worker; resolves when it is ready. */
		async addWorker() {
			const name = `worker${Object.keys(cluster.processes).filter((n) => n.startsWith('worker')).length + 1}`;
			const handle = await spawnProcess(name, 'worker', { commandArgs: [`--concurrency=${concurrency}`] });
			await waitReady(handle, { timeoutMs: 180000 });
			cluster.workers.push(handle);
			return handle;
		},
		/** Stops a worker gracefully and forgets it. */
		async removeWorker(handle) {
			await handle.stop();
			cluster.workers = cluster.workers.filter((w) => w !== handle);
		},
		/**
		 * Stops the webhook process (SIGTERM, n8n's graceful shutdown) and starts a new one on the
		 * same port (with `extraEnv` on top of the cluster's); resolves with how long each part took.
		 */
		async restartWebhook({ extraEnv } = {}) {
			const old = cluster.webhook;
			const t0 = Date.now();
			await old.stop();
			const stopSeconds = (Date.now() - t0) / 1000;
			const fresh = await spawnProcess(`webhook-${Date.now()}`, 'webhook', { port: webhookPort, stopGraceMs: 40000, extraEnv });
			await waitReady(fresh, { timeoutMs: 180000 });
			cluster.webhook = fresh;
			return { stopSeconds, downSeconds: (Date.now() - t0) / 1000 };
		},
		/** Every process of the cluster that is running (for stop and cleanup). */
		live: () => Object.values(cluster.processes).filter((h) => !h.stopped),
	});
	return cluster;
}

/** Stops every n8n process, then Redis and PostgreSQL; `remove` also deletes PostgreSQL's data. */
async function stopQueueCluster(cluster, { remove = false } = {}) {
	if (!cluster) return;
	const running = Object.values(cluster.processes || {}).filter((h) => !h.stopped);
	// Webhook and workers first (they hold jobs and connections), main last.
	const rest = running.filter((h) => h.name !== 'main');
	await Promise.all(rest.map((h) => h.stop({ graceMs: 15000 }).catch(() => h.killNow())));
	if (cluster.main && !cluster.main.stopped) await cluster.main.stop().catch(() => cluster.main.killNow());
	if (cluster.redis) await cluster.redis.stop().catch(() => cluster.redis.killNow());
	if (cluster.postgres) await cluster.postgres.stop({ remove }).catch(() => cluster.postgres.killNow());
}

/** Synchronous last resort (process 'exit' handlers): SIGKILL everything the cluster started. */
function killQueueCluster(cluster) {
	if (!cluster) return;
	for (const h of Object.values(cluster.processes || {})) if (!h.stopped) h.killNow();
	if (cluster.redis && !cluster.redis.stopped) cluster.redis.killNow();
	if (cluster.postgres && !cluster.postgres.stopped) cluster.postgres.killNow();
}

/** Resident memory of a process in MiB (from /proc), or null. */
function rssMiB(pid) {
	try {
		const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
		const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
		return Number.isFinite(kb) ? Math.round(kb / 1024) : null;
	} catch {
		return null;
	}
}

module.exports = { startQueueCluster, stopQueueCluster, killQueueCluster, queueEnv, rssMiB, KEEP_LAST_JOBS, THROUGHPUT_ENV, sleep };
