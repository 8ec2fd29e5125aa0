'use strict';
/**
 * Local stand-ins for provider APIs that a trigger calls when its workflow is published. The
 * tooling reuses the unit tests' own fakes (TypeScript, transpiled here with the project's
 * `typescript`), so there is one fake per API, not a copy per test layer.
 */
const fs = require('node:fs');
const http = require('node:http');
const Module = require('node:module');
const path = require('node:path');

const { ROOT } = require('./n8n');

const tsModules = new Map();

/**
 * Loads a TypeScript module that needs only node built-ins and sibling TypeScript modules (`./http`)
 * by transpiling it in memory; each file is loaded once.
 */
function requireTs(file) {
	if (tsModules.has(file)) return tsModules.get(file).exports;
	const ts = require('typescript');
	const source = fs.readFileSync(file, 'utf8');
	const { outputText } = ts.transpileModule(source, {
		compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
		fileName: file,
	});
	const m = new Module(file, module);
	m.filename = file;
	m.paths = Module._nodeModulePaths(path.dirname(file));
	m.require = (id) => {
		const sibling = id.startsWith('.') ? path.resolve(path.dirname(file), `${id}.ts`) : null;
		return sibling && fs.existsSync(sibling) ? requireTs(sibling) : Module.prototype.require.call(m, id);
	};
	tsModules.set(file, m);
	m._compile(outputText, file);
	return m.exports;
}

const SIGMA_FAKE = path.join(ROOT, 'test', 'servers', 'sigmaLiveApiFake.ts');

/**
 * The unit tests' fake Sigma Livestream API, listening on 127.0.0.1:`port` (0 = any free port).
 * @returns {Promise<{ fake: object, baseUrl: string, stop: () => Promise<void> }>}
 */
async function startFakeSigma({ port = 0, tokenId, tokenSecret } = {}) {
	const { FakeSigmaApi } = requireTs(SIGMA_FAKE);
	const fake = new FakeSigmaApi({ tokenId, tokenSecret });
	if (port === 0) {
		await fake.start();
	} else {
		// The fake's own start() takes a random port; dev needs a fixed one (it is in the credential).
		fake.server = http.createServer((req, res) => {
			const chunks = [];
			req.on('data', (chunk) => chunks.push(chunk));
			req.on('end', () => fake.handle(req, res, Buffer.concat(chunks).toString('utf8')));
		});
		await new Promise((resolve, reject) => {
			fake.server.once('error', reject);
			fake.server.listen(port, '127.0.0.1', resolve);
		});
	}
	return { fake, baseUrl: fake.baseUrl, stop: () => fake.stop() };
}

/** The URL registered at the fake Sigma API for a node's production URL (with its ?token=), or null. */
function sigmaRegisteredUrl(fake, productionUrl) {
	const base = (uri) => uri.split('?')[0];
	const hooks = [...fake.webhooks.values()].filter((w) => base(w.uri) === base(productionUrl));
	return hooks.length === 1 ? hooks[0].uri : null;
}

const SERVERS = path.join(ROOT, 'test', 'servers');

/**
 * "Register Automatically" against the unit tests' loopback API fakes (test/servers/): per provider,
 * how to start its fake, the n8n credentials that point the trigger at it (`data`, given the dev
 * credential data), the trigger parameters that turn registration on, and `held()`: every
 * configuration the fake holds as `{ kind, url }`. A publish must leave exactly one configuration
 * of each of `kinds` pointing at the production URL, an unpublish none.
 */
const REGISTRATION_FAKES = {
	'tencent-css': {
		kinds: ['callback template bound to push.e2e.example.com/live'],
		async start() {
			const { startTencentCssFake } = requireTs(path.join(SERVERS, 'tencentCssApiFake.ts'));
			const secretId = 'AKIDe2eRegistration0001';
			const secretKey = 'e2eRegistrationSecretKeyForTheFake';
			const fake = await startTencentCssFake({ [secretId]: secretKey });
			const URL_FIELDS = ['StreamBeginNotifyUrl', 'StreamEndNotifyUrl', 'RecordNotifyUrl', 'SnapshotNotifyUrl', 'PornCensorshipNotifyUrl'];
			return {
				fake,
				credentials: [
					{ type: 'tencentCloudApi', name: 'Tencent Cloud API (e2e: local fake)', data: { secretId, secretKey, endpoint: fake.url, sessionToken: '' } },
				],
				parameters: { registerAutomatically: true, pushDomain: 'push.e2e.example.com', appName: 'live' },
				held: () => [
					...[...fake.templates.values()].map((t) => {
						const urls = [...new Set(URL_FIELDS.map((f) => t[f]).filter(Boolean))];
						const bound = fake.rules.filter((r) => r.TemplateId === t.TemplateId).map((r) => `${r.DomainName}/${r.AppName}`);
						return { kind: `callback template bound to ${bound.join(', ') || 'nothing'}`, url: urls.join(' ') };
					}),
					...fake.rules.filter((r) => !fake.templates.has(r.TemplateId)).map((r) => ({ kind: 'rule without a template', url: '' })),
				],
				stop: () => fake.close(),
			};
		},
	},
	'tencent-livekit': {
		kinds: ['callback'],
		async start(dev) {
			const { startLiveRestFake } = requireTs(path.join(SERVERS, 'tencentLiveRestFake.ts'));
			const secretKey = 'e2eLiveKitRegistrationSecretKey01';
			const fake = await startLiveRestFake({ sdkAppId: Number(dev.sdkAppId), secretKey, admins: ['administrator'] });
			return {
				fake,
				credentials: [
					{
						type: 'tencentLiveKitApi',
						name: 'Tencent TUILiveKit (e2e: local fake REST API)',
						data: { ...dev, secretKey, adminIdentifier: 'administrator', restDomain: 'custom', customRestUrl: fake.url },
					},
				],
				parameters: { registerAutomatically: true },
				held: () => (fake.callback ? [{ kind: 'callback', url: fake.callback.Url }] : []),
				stop: () => fake.close(),
			};
		},
	},
	'huawei-live': {
		kinds: ['stream notification of push.e2e.example.com', 'recording callback of push.e2e.example.com/*'],
		async start() {
			const { startHuaweiLiveFake } = requireTs(path.join(SERVERS, 'huaweiLiveApiFake.ts'));
			const account = { accessKey: 'HWE2EREGISTRATION0001', secretKey: 'hwE2eRegistrationSecretKeyForFake', projectId: '0123456789abcdef0123456789abcdef' };
			const fake = await startHuaweiLiveFake(account);
			return {
				fake,
				credentials: [{ type: 'huaweiCloudApi', name: 'Huawei Cloud API (e2e: local fake)', data: { ...account, endpoint: fake.url } }],
				parameters: { registerAutomatically: true, ingestDomain: 'push.e2e.example.com', recordApp: '*' },
				held: () => [
					...[...fake.publish].map(([domain, c]) => ({ kind: `stream notification of ${domain}`, url: c.url })),
					...[...fake.recordCallbacks.values()].map((c) => ({ kind: `recording callback of ${c.publish_domain}/${c.app}`, url: c.notify_callback_url })),
				],
				stop: () => fake.close(),
			};
		},
	},
};

/**
 * Starts the fakes the given providers need; returns the credential data that points at them, a
 * `resolveUrl` for importExamples (Sigma: the registered URL with its token) and `stop`. With
 * `registration`, also the REGISTRATION_FAKES of the given providers, as `registration[id]`.
 */
async function startFakes(providers, { sigmaPort = 0, registration: withRegistration = false } = {}) {
	const { devCredentialData, getProvider } = require('./providers');
	const started = {};
	const credentialData = {};
	/** Per provider id: a started REGISTRATION_FAKES entry, with its `kinds`. */
	const registration = {};
	try {
		if (providers.some((p) => p.id === 'sigma-live')) {
			const dev = devCredentialData(getProvider('sigma-live'));
			started.sigma = await startFakeSigma({ port: sigmaPort, tokenId: dev.tokenId, tokenSecret: dev.tokenSecret });
			credentialData['sigma-live'] = { ...dev, baseUrl: started.sigma.baseUrl };
		}
		for (const p of withRegistration ? providers : []) {
			const spec = REGISTRATION_FAKES[p.id];
			if (!spec) continue;
			registration[p.id] = { kinds: spec.kinds, ...(await spec.start(devCredentialData(getProvider(p.id)))) };
			started[`registration:${p.id}`] = registration[p.id];
		}
	} catch (error) {
		await Promise.all(Object.values(started).map((f) => f.stop().catch(() => {})));
		throw error;
	}
	return {
		...started,
		registration,
		credentialData,
		/** n8n runs the trigger's registration after `publish` answers: wait for it (60 s at most; a bound, not a wait). */
		async resolveUrl(provider, productionUrl) {
			if (provider.id !== 'sigma-live' || !started.sigma) return productionUrl;
			for (const deadline = Date.now() + 60000; Date.now() < deadline; ) {
				const registered = sigmaRegisteredUrl(started.sigma.fake, productionUrl);
				if (registered) return registered;
				await new Promise((resolve) => setTimeout(resolve, 200));
			}
			throw new Error(`The Sigma trigger did not register ${productionUrl} at the fake Sigma API`);
		},
		async stop() {
			await Promise.all(Object.values(started).map((f) => f.stop()));
		},
	};
}

module.exports = { requireTs, startFakeSigma, startFakes, sigmaRegisteredUrl, REGISTRATION_FAKES };
