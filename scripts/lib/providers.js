'use strict';
/**
 * The one table the tooling (sender, dev, end-to-end suite) knows providers from. Adding a provider
 * is one entry here plus its example workflow (`examples/<id>.json`) and, in the package, a samples
 * module (`nodes/<P>/samples.ts` exporting `SAMPLE_EVENTS`, the documented payloads the Livestream
 * Test Callback node also sends) and a simulator module exporting
 * `buildCallbackRequest(payload, secrets | null, nowSec, options?)`.
 *
 * A provider is *available* when its compiled simulator and samples modules exist, so the tooling
 * picks up each trigger as soon as it is built. The events come from the compiled samples (the one
 * source); `test/fixtures/<id>.json` is a generated copy for the unit tests (`npm run docs:samples`).
 */
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..');

/**
 * @typedef {object} CredentialField
 * @property {string} field   credential property (also the key in `secrets`)
 * @property {string} flag    sender flag, without the leading `--`
 * @property {string} dev     value used by `npm run dev`, the e2e suite and the sender by default
 * @property {boolean} [secret] false for fields that are not secrets (not altered by --wrong-key)
 *
 * @typedef {object} Provider
 * @property {string} id              provider id of docs/events.md
 * @property {string} label
 * @property {string} node            node name (type = `<package>.<node>`)
 * @property {string} triggerName     the trigger node's default name in workflows
 * @property {string} simulator       compiled simulator module (`buildCallbackRequest`: what the provider sends), relative to the repo
 *   (the compiled samples module, `samples.js`, sits beside it)
 * @property {{ type: string, name: string, fields: CredentialField[] }} credential
 * @property {object} success         the body the provider must get back with 200
 * @property {string} webhookId       fixed webhookId of the example workflow (stable dev URL)
 * @property {Array<{field: string, flag: string, urlQuery?: string}>} [callbackSecrets] what signs a
 *   callback when it is not the credential (Sigma: the URL token); `urlQuery` = read from the URL
 * @property {boolean} [timeWindow] false when callbacks carry no time (no stale case)
 * @property {(secrets: object) => object | null} [unsignedSecrets] what `--unsigned` passes to
 *   buildCallbackRequest (default null); e.g. TUILiveKit keeps the app id, drops the token
 */

/** @type {Provider[]} */
const PROVIDERS = [
	{
		id: 'tencent-css',
		label: 'Tencent CSS',
		node: 'tencentCssTrigger',
		triggerName: 'Tencent CSS Trigger',
		simulator: 'dist/nodes/TencentCss/simulator.js',
		credential: {
			type: 'tencentCssCallbackApi',
			name: 'Tencent CSS callback key (dev)',
			fields: [{ field: 'callbackKey', flag: 'callback-key', dev: 'devCallbackKey2026' }],
		},
		success: { code: 0 },
		webhookId: '6f1c2a80-7e1d-4c55-9a3e-1c55c0a1e001',
	},
	{
		id: 'tencent-livekit',
		label: 'Tencent TUILiveKit',
		node: 'tencentLiveKitTrigger',
		triggerName: 'Tencent TUILiveKit Trigger',
		simulator: 'dist/nodes/TencentLiveKit/simulator.js',
		credential: {
			type: 'tencentLiveKitApi',
			name: 'Tencent TUILiveKit (dev)',
			fields: [
				{ field: 'sdkAppId', flag: 'sdk-app-id', dev: '1400000001', secret: false },
				{ field: 'callbackToken', flag: 'callback-token', dev: 'devCallbackToken2026' },
			],
		},
		success: { ActionStatus: 'OK', ErrorCode: 0, ErrorInfo: '' },
		webhookId: '6f1c2a80-7e1d-4c55-9a3e-1c55c0a1e002',
		// Unsigned = the app id in the URL but no token: the node answers "missing signature".
		unsignedSecrets: (secrets) => ({ sdkAppId: secrets.sdkAppId }),
	},
	{
		id: 'huawei-live',
		label: 'Huawei Cloud Live',
		node: 'huaweiLiveTrigger',
		triggerName: 'Huawei Cloud Live Trigger',
		simulator: 'dist/nodes/HuaweiLive/simulator.js',
		credential: {
			type: 'huaweiLiveCallbackApi',
			name: 'Huawei Cloud Live callback keys (dev)',
			fields: [
				{ field: 'streamNotifyKey', flag: 'stream-notify-key', dev: 'dev-stream-notify-key-0123456789' },
				{ field: 'recordCallbackKey', flag: 'record-callback-key', dev: 'dev-record-callback-key-01234567' },
				{ field: 'snapshotKey', flag: 'snapshot-key', dev: 'dev-snapshot-key-012345678901234' },
				{ field: 'recordSignType', flag: 'record-sign-type', dev: 'HMACSHA256', secret: false },
			],
		},
		success: { status: 1, result: 'success' },
		webhookId: '6f1c2a80-7e1d-4c55-9a3e-1c55c0a1e003',
	},
	{
		id: 'sigma-live',
		label: 'Sigma Livestream',
		node: 'sigmaLiveTrigger',
		triggerName: 'Sigma Livestream Trigger',
		simulator: 'dist/nodes/SigmaLive/simulator.js',
		credential: {
			type: 'sigmaLiveApi',
			name: 'Sigma Livestream API (dev: local fake)',
			// The API the trigger registers its URL with: dev and e2e run a local fake of it.
			fields: [
				{ field: 'baseUrl', flag: 'base-url', dev: 'http://127.0.0.1:5680', secret: false },
				{ field: 'tokenId', flag: 'token-id', dev: 'dev-token-id', secret: false },
				{ field: 'tokenSecret', flag: 'token-secret', dev: 'dev-token-secret', secret: false },
			],
		},
		// Sigma signs nothing: the node registers its URL with a secret `?token=`, which is the
		// callback secret (taken from --token, or from the registered URL given as --url).
		callbackSecrets: [{ field: 'token', flag: 'token', urlQuery: 'token' }],
		timeWindow: false,
		success: {},
		webhookId: '6f1c2a80-7e1d-4c55-9a3e-1c55c0a1e004',
	},
];

const fixturePath = (p) => path.join(ROOT, 'test', 'fixtures', `${p.id}.json`);
const examplePath = (p) => path.join(ROOT, 'examples', `${p.id}.json`);

/** The compiled module exporting `buildCallbackRequest`. */

/** The compiled module exporting `SAMPLE_EVENTS` (beside the simulator). */
const samplesPath = (p) => path.join(ROOT, path.dirname(p.simulator), 'samples.js');

function isAvailable(p) {
	return fs.existsSync(path.join(ROOT, p.simulator)) && fs.existsSync(samplesPath(p));
}

/** Providers whose trigger and samples are built (dist/). */
function availableProviders() {
	return PROVIDERS.filter(isAvailable);
}

function getProvider(id) {
	const p = PROVIDERS.find((x) => x.id === id);
	if (!p) throw new Error(`Unknown provider "${id}". Known: ${PROVIDERS.map((x) => x.id).join(', ')}`);
	return p;
}

/** `{ eventKey: payload }` from the compiled samples (`#…` marks a variant of one event): fresh copies. */
function loadEvents(p) {
	const file = samplesPath(p);
	if (!fs.existsSync(file)) throw new Error(`${path.relative(ROOT, file)} is missing: run \`npm run build\` first`);
	return JSON.parse(JSON.stringify(require(file).SAMPLE_EVENTS));
}

/** The normalized event a fixture key stands for (`recording.failed#record_error` → `recording.failed`). */
const eventOfKey = (key) => key.split('#')[0];

function loadHelpers(p) {
	const file = path.join(ROOT, p.simulator);
	if (!fs.existsSync(file)) throw new Error(`${p.simulator} is missing: run \`npm run build\` first`);
	const helpers = require(file);
	if (typeof helpers.buildCallbackRequest !== 'function') {
		throw new Error(`${p.simulator} does not export buildCallbackRequest`);
	}
	return helpers;
}

/** The dev credential data `{ field: value }` of a provider. */
function devCredentialData(p) {
	return Object.fromEntries(p.credential.fields.map((f) => [f.field, f.dev]));
}

function nodeType(p) {
	return `${require(path.join(ROOT, 'package.json')).name}.${p.node}`;
}

module.exports = {
	PROVIDERS,
	availableProviders,
	getProvider,
	loadEvents,
	eventOfKey,
	loadHelpers,
	devCredentialData,
	nodeType,
	examplePath,
	fixturePath,
};
