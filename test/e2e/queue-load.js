'use strict';
/**
 * The load driver of the queue-mode suite: a mix of signed, forged and filtered callbacks sent the
 * way the providers send them (a signed callback that gets no 2xx is sent again, re-signed, like a
 * provider's retry), and what n8n recorded read back from PostgreSQL, counted by marker and by the
 * items' eventId.
 *
 * n8n's public API is used by the rest of the suite; here the counts come straight from n8n's
 * tables (execution_entity, execution_data) because listing thousands of executions with their
 * data through the API costs main more than the load itself.
 */
const path = require('node:path');

const { loadEvents } = require('../../scripts/lib/providers');
const { buildRequest, runPool, sendRequest, signingTarget } = require('../../scripts/lib/sender');

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * @typedef {object} Target  a published workflow the load sends to
 * @property {object} provider
 * @property {string} url         where the provider sends (Sigma: with its ?token=)
 * @property {string} workflowId
 * @property {string} [label]
 *
 * @typedef {object} Item  one callback of the mix
 * @property {'signed'|'forged'|'filtered'} kind
 * @property {Target} target
 * @property {string} key        fixture key
 * @property {string} marker     `raw.e2e_seq` of its execution (signed only are expected to run)
 * @property {string} [mode]     sender mode of a forged callback
 */

/**
 * The mix: `signed` callbacks spread over every (target, fixture event) pair, with `forged` ones
 * (wrong key, stale, unsigned: 401) and `filtered` ones (an event the filtered workflow does not
 * select: 200, no execution) spread evenly between them.
 * @param {{ targets: Target[], filteredTargets?: Array<Target & {otherKey: string}>, signed: number, forged?: number, filtered?: number, prefix: string }} o
 * @returns {Item[]}
 */
function planMix({ targets, filteredTargets = [], signed, forged = 0, filtered = 0, prefix }) {
	const pairs = targets.flatMap((t) => Object.keys(loadEvents(t.provider)).map((key) => ({ t, key })));
	const signedItems = Array.from({ length: signed }, (_, i) => {
		const { t, key } = pairs[i % pairs.length];
		return { kind: 'signed', target: t, key, marker: `${prefix}-${i}` };
	});
	const extra = [];
	for (let i = 0; i < forged; i++) {
		const t = targets[i % targets.length];
		const modes = t.provider.timeWindow === false ? ['wrong-key', 'unsigned'] : ['wrong-key', 'stale', 'unsigned'];
		const key = Object.keys(loadEvents(t.provider))[0];
		extra.push({ kind: 'forged', target: t, key, marker: `${prefix}-forged-${i}`, mode: modes[Math.floor(i / targets.length) % modes.length] });
	}
	for (let i = 0; i < filtered && filteredTargets.length > 0; i++) {
		const t = filteredTargets[i % filteredTargets.length];
		extra.push({ kind: 'filtered', target: t, key: t.otherKey, marker: `${prefix}-filtered-${i}` });
	}
	// Interleave: one extra item after every `step` signed ones.
	const out = [];
	const step = extra.length > 0 ? Math.max(1, Math.floor(signedItems.length / extra.length)) : Infinity;
	let e = 0;
	signedItems.forEach((item, i) => {
		out.push(item);
		if ((i + 1) % step === 0 && e < extra.length) out.push(extra[e++]);
	});
	while (e < extra.length) out.push(extra[e++]);
	return out;
}

/**
 * Sends one item like its provider: signed callbacks are sent again (freshly signed, same body)
 * after any answer that is not 2xx, a timeout or a refused connection, after `retryDelayMs`,
 * doubling up to 16 s (providers wait longer, Tencent CSS a minute, which would only stretch the
 * run), until `maxAttempts` or the deadline; forged and filtered ones are sent once.
 * @returns {Promise<{ item: Item, attempts: Array<{ status?: number, error?: string, ms: number, at: number, body?: string }>, ok: boolean }>}
 */
async function sendLikeAProvider(item, { t0, timeoutMs, retryDelayMs, maxAttempts, deadline }) {
	const p = item.target.provider;
	const payload = { ...loadEvents(p)[item.key], e2e_seq: item.marker };
	const attempts = [];
	const once = item.kind !== 'signed';
	for (let attempt = 1; attempt <= maxAttempts; attempt++) {
		const { url, secrets } = signingTarget(p, item.target.url);
		const request = buildRequest(p, payload, { secrets, mode: item.mode || 'signed' });
		const at = Date.now() - t0;
		const started = Date.now();
		try {
			const res = await sendRequest(url, request, { timeoutMs });
			attempts.push({ status: res.status, ms: Date.now() - started, at, body: res.text.slice(0, 200) });
			if (once || (res.status >= 200 && res.status < 300)) break;
		} catch (error) {
			attempts.push({ error: error.name === 'TimeoutError' ? 'timeout' : error.cause?.code || error.message, ms: Date.now() - started, at });
			if (once) break;
		}
		const delay = Math.min(16000, retryDelayMs * 2 ** (attempt - 1));
		if (Date.now() + delay > deadline) break;
		await sleep(delay);
	}
	const last = attempts[attempts.length - 1];
	return { item, attempts, ok: last.status >= 200 && last.status < 300 };
}

/**
 * Sends the mix at `concurrency`; `at` holds [fraction, action] pairs run once (not awaited) when
 * that fraction of the items has been answered (e.g. a fault in the middle of the load).
 * @returns {Promise<{ results: object[], t0: number, answeredSeconds: number, actions: Promise<unknown>[] }>}
 */
async function runLoad(items, { concurrency = 50, timeoutMs = 20000, retryDelayMs = 1000, maxAttempts = 20, budgetMs = 20 * 60 * 1000, at = [] } = {}) {
	const t0 = Date.now();
	const deadline = t0 + budgetMs;
	let answered = 0;
	const pending = [...at].sort((a, b) => a[0] - b[0]);
	const actions = [];
	const tasks = items.map((item) => async () => {
		const result = await sendLikeAProvider(item, { t0, timeoutMs, retryDelayMs, maxAttempts, deadline });
		answered++;
		while (pending.length > 0 && answered >= pending[0][0] * items.length) {
			const [, action] = pending.shift();
			actions.push(Promise.resolve().then(action));
		}
		return result;
	});
	const results = await runPool(tasks, concurrency);
	const answeredSeconds = (Date.now() - t0) / 1000;
	await Promise.all(actions);
	return { results, t0, answeredSeconds, actions };
}

/** First and final answers per kind, e.g. `{ signed: { first: { 200: 4990, 503: 10 }, final: { 200: 5000 }, resent: 10 } }`. */
function summarize(results) {
	const out = {};
	const label = (a) => (a.status !== undefined ? String(a.status) : a.error);
	for (const r of results) {
		if (r.error) throw r.error;
		const s = (out[r.item.kind] ||= { sent: 0, first: {}, final: {}, resent: 0, attempts: 0 });
		s.sent++;
		s.attempts += r.attempts.length;
		const first = label(r.attempts[0]);
		const final = label(r.attempts[r.attempts.length - 1]);
		s.first[first] = (s.first[first] || 0) + 1;
		s.final[final] = (s.final[final] || 0) + 1;
		if (r.attempts.length > 1) s.resent++;
	}
	return out;
}

/** The id of the newest execution now (the counts below look only at later ones). */
async function lastExecutionId(db) {
	const { rows } = await db.query('SELECT COALESCE(MAX(id), 0)::int AS id FROM execution_entity');
	return rows[0].id;
}

/** Executions of `workflowIds` after `sinceId`, by status. */
async function statusCounts(db, workflowIds, sinceId) {
	const { rows } = await db.query(
		'SELECT status, COUNT(*)::int AS n FROM execution_entity WHERE id > $1 AND "workflowId" = ANY($2) GROUP BY status',
		[sinceId, workflowIds],
	);
	return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}

/**
 * Jobs Bull still holds (waiting, active, delayed, paused) in n8n's queue `jobs` (prefix `bull`).
 * @param {{ command: (...args: string[]) => Promise<string> }} redis
 */
async function pendingJobs(redis) {
	let n = 0;
	for (const [cmd, key] of [['LLEN', 'wait'], ['LLEN', 'active'], ['ZCARD', 'delayed'], ['LLEN', 'paused']]) {
		const reply = await redis.command(cmd, `bull:jobs:${key}`);
		n += Number(reply.replace(/^:/, '')) || 0;
	}
	return n;
}

/**
 * Waits until every signed callback ran (`expected` successes), nothing is running and Bull holds
 * no job; or, with nothing running or queued, nothing changed for `stallMs` (what is missing will
 * not come); or the timeout. An execution left "new" with no job is one n8n stored but could not
 * enqueue (it answered that callback with an error, so the provider sent it again): counted, not
 * waited for.
 * @returns {Promise<{ counts: object, seconds: number }>}
 */
async function waitSettled(db, redis, workflowIds, sinceId, { expected, t0 = Date.now(), timeoutMs = 10 * 60 * 1000, stallMs = 60000 } = {}) {
	const deadline = Date.now() + timeoutMs;
	let last = '';
	let lastChange = Date.now();
	let counts = {};
	while (Date.now() < deadline) {
		counts = await statusCounts(db, workflowIds, sinceId);
		let queued;
		try {
			queued = await pendingJobs(redis);
		} catch {
			queued = -1; // Redis is down (a fault test): not settled
		}
		const idle = (counts.running || 0) === 0 && queued === 0;
		if (idle && (counts.success || 0) >= expected) break;
		const now = JSON.stringify(counts);
		if (now !== last || !idle) {
			last = now;
			lastChange = Date.now();
		} else if (Date.now() - lastChange > stallMs) {
			break;
		}
		await sleep(500);
	}
	return { counts, seconds: (Date.now() - t0) / 1000 };
}

/** Seconds from `t0` until the last of those executions stopped (n8n's own stoppedAt). */
async function lastStoppedSeconds(db, workflowIds, sinceId, t0) {
	const { rows } = await db.query(
		'SELECT MAX("stoppedAt") AS last FROM execution_entity WHERE id > $1 AND "workflowId" = ANY($2) AND status = \'success\'',
		[sinceId, workflowIds],
	);
	return rows[0].last ? (new Date(rows[0].last).getTime() - t0) / 1000 : null;
}

/**
 * Every execution of `workflowIds` after `sinceId` with the trigger's item (n8n stores the run
 * data "flatted"; its own `flatted` parses it).
 * @returns {Promise<Array<{ id: number, workflowId: string, status: string, item: object | null }>>}
 */
async function readExecutions(db, n8nDir, workflowIds, sinceId, triggerNames) {
	const flatted = require(path.join(n8nDir, 'node_modules', 'flatted'));
	const out = [];
	let after = sinceId;
	for (;;) {
		const { rows } = await db.query(
			`SELECT e.id, e.status, e."workflowId", d.data FROM execution_entity e
			 JOIN execution_data d ON d."executionId" = e.id
			 WHERE e.id > $1 AND e."workflowId" = ANY($2) ORDER BY e.id LIMIT 500`,
			[after, workflowIds],
		);
		if (rows.length === 0) break;
		for (const row of rows) {
			let item = null;
			try {
				const data = flatted.parse(row.data);
				const run = data.resultData?.runData?.[triggerNames[row.workflowId]];
				item = run?.[0]?.data?.main?.[0]?.[0]?.json ?? null;
			} catch {
				item = null;
			}
			out.push({ id: row.id, workflowId: row.workflowId, status: row.status, item });
		}
		after = rows[rows.length - 1].id;
	}
	return out;
}

/**
 * The exact count: per signed item, how many successful executions carry its marker; by eventId,
 * how many items ran more than once. Forged and filtered markers must never appear.
 */
/**
 * Counts what ran, by marker and by eventId. With the sender's `results`, also the eventIds that ran
 * more than once although the sender delivered them once (first answer 2xx, never resent): a real
 * double run. A callback the sender resent after a non-2xx answer or a timeout may run twice, as it
 * does when a provider redelivers; those carry the same eventId (docs/scaling-out.md, "Faults").
 */
function tally(items, executions, results = null) {
	const byMarker = new Map();
	const byEventId = new Map();
	const markerOfEventId = new Map();
	const statuses = {};
	for (const e of executions) {
		statuses[e.status] = (statuses[e.status] || 0) + 1;
		if (e.status !== 'success' || !e.item) continue;
		const marker = e.item.raw?.e2e_seq;
		byMarker.set(marker, (byMarker.get(marker) || 0) + 1);
		byEventId.set(e.item.eventId, (byEventId.get(e.item.eventId) || 0) + 1);
		markerOfEventId.set(e.item.eventId, marker);
	}
	const signed = items.filter((i) => i.kind === 'signed');
	const lost = signed.filter((i) => !byMarker.has(i.marker)).map((i) => i.marker);
	const unexpected = items.filter((i) => i.kind !== 'signed' && byMarker.has(i.marker)).map((i) => i.marker);
	const duplicatedEventIds = [...byEventId].filter(([, n]) => n > 1).map(([id]) => id);
	const signedMarkers = new Set(signed.map((i) => i.marker));
	const deliveries = results ? new Map(results.map((r) => [r.item.marker, r.attempts.length])) : null;
	const doubledWithoutResend = deliveries
		? duplicatedEventIds.filter((id) => deliveries.get(markerOfEventId.get(id)) === 1)
		: duplicatedEventIds;
	return {
		signed: signed.length,
		executed: [...byMarker.keys()].filter((m) => signedMarkers.has(m)).length,
		successfulExecutions: [...byMarker].filter(([m]) => signedMarkers.has(m)).reduce((n, [, c]) => n + c, 0),
		distinctEventIds: byEventId.size,
		lost,
		duplicatedEventIds,
		doubledWithoutResend,
		unexpected,
		statuses,
	};
}

module.exports = {
	planMix,
	runLoad,
	summarize,
	lastExecutionId,
	statusCounts,
	waitSettled,
	pendingJobs,
	lastStoppedSeconds,
	readExecutions,
	tally,
	sleep,
};
