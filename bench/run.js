// Throughput and memory of the Tencent CSS trigger's real webhook() (built dist/, inside n8n-core's
// WebhookContext), beside a floor that does only JSON.parse plus one MD5 of the same bytes.
// Run with `npm run bench`. Prints figures; asserts nothing.
const crypto = require('node:crypto');
const { WebhookContext } = require('n8n-core');
const { Workflow } = require('n8n-workflow');

const { TencentCssTrigger } = require('../dist/nodes/TencentCss/TencentCssTrigger.node');
const { buildCallbackRequest } = require('../dist/nodes/TencentCss/simulator');
const fixtures = require('../test/fixtures/tencent-css.json');

const KEY = 'adasda131312';
// The fastest MD5 this Node has (the same one-shot hashing the package uses when available).
const md5 = crypto.hash ? (s) => crypto.hash('md5', s, 'hex') : (s) => crypto.createHash('md5').update(s).digest('hex');

// The few IWebhookFunctions members the triggers call, without n8n-core's per-call copying and
// validation: separates the package's own cost from the host's.
function makeLeanContext(rawBody) {
	const nodeType = new TencentCssTrigger();
	const node = { name: 'Tencent CSS Trigger', parameters: { events: ['*'], options: {} }, credentials: { tencentCssCallbackApi: { id: '1', name: 'key' } } };
	const res = { status() { return res; }, json() { return res; } };
	const request = { rawBody, headers: {}, query: {} };
	const quiet = { warn() {}, error() {}, info() {}, debug() {} };
	const ctx = {
		logger: quiet,
		getNode: () => node,
		getWorkflow: () => ({ id: 'wf', name: 'bench', active: true }),
		getMode: () => 'webhook',
		getNodeParameter: (name, fallback) => node.parameters[name] ?? fallback,
		getCredentials: async () => ({ callbackKey: KEY }),
		getRequestObject: () => request,
		getResponseObject: () => res,
		getQueryData: () => request.query,
		getHeaderData: () => request.headers,
		getBodyData: () => ({}),
	};
	return { ctx, nodeType };
}
const DURATION_MS = Number(process.env.BENCH_MS ?? 3000);

function makeContext(rawBody) {
	const nodeType = new TencentCssTrigger();
	const node = {
		id: 'n', name: 'Tencent CSS Trigger', type: 'n8n-nodes-livestream-callbacks.tencentCssTrigger',
		typeVersion: 1, position: [0, 0], parameters: { events: ['*'], options: {} }, webhookId: 'w',
		credentials: { tencentCssCallbackApi: { id: '1', name: 'key' } },
	};
	const nodeTypes = { getByName: () => nodeType, getByNameAndVersion: () => nodeType, getKnownTypes: () => ({}) };
	const workflow = new Workflow({ id: 'wf', nodes: [node], connections: {}, active: true, nodeTypes, staticData: {} });
	const request = { method: 'POST', headers: { 'content-type': 'application/json' }, query: {}, params: {}, body: {}, rawBody };
	const res = { status() { return res; }, json() { return res; }, send() { return res; }, end() { return res; } };
	const additionalData = {
		httpRequest: request, httpResponse: res,
		credentialsHelper: { getDecrypted: async () => ({ callbackKey: KEY }), isCredentialUsableByNode: () => true, getParentTypes: () => [] },
	};
	const webhookData = { httpMethod: 'POST', node: node.name, path: 'webhook', webhookDescription: nodeType.description.webhooks[0], workflowId: 'wf', workflowExecuteAdditionalData: additionalData, webhookId: 'w' };
	const ctx = new WebhookContext(workflow, node, additionalData, 'webhook', webhookData, [], null);
	const quiet = { warn() {}, error() {}, info() {}, debug() {} };
	Object.defineProperty(ctx, 'logger', { value: quiet });
	return { ctx, nodeType };
}

async function measure(label, fn) {
	for (let i = 0; i < 2000; i++) await fn(); // warm-up
	let count = 0;
	const start = process.hrtime.bigint();
	const deadline = start + BigInt(DURATION_MS) * 1000000n;
	while (process.hrtime.bigint() < deadline) {
		for (let i = 0; i < 500; i++) await fn();
		count += 500;
	}
	const seconds = Number(process.hrtime.bigint() - start) / 1e9;
	const rate = count / seconds;
	console.log(`${label.padEnd(44)} ${Math.round(rate).toLocaleString('en-US').padStart(10)} events/s`);
	return rate;
}

async function main() {
	const nowSec = Math.floor(Date.now() / 1000);
	const results = {};
	for (const key of ['stream.started', 'recording.completed']) {
		const raw = Buffer.from(buildCallbackRequest(fixtures.events[key], { callbackKey: KEY }, nowSec).body);
		const { ctx, nodeType } = makeContext(raw);
		const floor = await measure(`floor: JSON.parse + MD5 (${key})`, async () => {
			const body = JSON.parse(raw.toString('utf8'));
			md5(KEY + String(body.t));
		});
		let emitted = 0;
		const node = await measure(`webhook() Tencent CSS (${key})`, async () => {
			const out = await nodeType.webhook.call(ctx);
			emitted += out.workflowData[0].length;
		});
		const lean = makeLeanContext(raw);
		const bare = await measure(`webhook() Tencent CSS, lean context (${key})`, async () => {
			const out = await lean.nodeType.webhook.call(lean.ctx);
			emitted += out.workflowData[0].length;
		});
		if (emitted === 0) throw new Error('webhook() emitted nothing');
		results[key] = { floor, node, ratio: floor / node, leanContext: bare, leanRatio: floor / bare };
		console.log(`${'ratio floor/webhook (n8n-core context)'.padEnd(44)} ${(floor / node).toFixed(2).padStart(10)}`);
		console.log(`${'ratio floor/webhook (lean context)'.padEnd(44)} ${(floor / bare).toFixed(2).padStart(10)}\n`);
	}

	// Heap before/after 200,000 events (items are dropped, as n8n hands them to an execution).
	const raw = Buffer.from(buildCallbackRequest(fixtures.events['stream.started'], { callbackKey: KEY }, nowSec).body);
	const { ctx, nodeType } = makeContext(raw);
	for (let i = 0; i < 5000; i++) await nodeType.webhook.call(ctx);
	global.gc?.();
	const before = process.memoryUsage().heapUsed;
	for (let i = 0; i < 200000; i++) await nodeType.webhook.call(ctx);
	global.gc?.();
	const after = process.memoryUsage().heapUsed;
	const mib = (n) => (n / 1048576).toFixed(1);
	console.log(`heap before ${mib(before)} MiB, after 200,000 events ${mib(after)} MiB (delta ${mib(after - before)} MiB${global.gc ? '' : ', no --expose-gc'})`);
	console.log(JSON.stringify({ results, heap: { beforeBytes: before, afterBytes: after } }));
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
