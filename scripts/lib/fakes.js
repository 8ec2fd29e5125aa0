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

/** Loads a self-contained TypeScript module (node built-ins only) by transpiling it in memory. */
function requireTs(file) {
	const ts = require('typescript');
	const source = fs.readFileSync(file, 'utf8');
	const { outputText } = ts.transpileModule(source, {
		compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
		fileName: file,
	});
	const m = new Module(file, module);
	m.filename = file;
	m.paths = Module._nodeModulePaths(path.dirname(file));
	m._compile(outputText, file);
	return m.exports;
}

const SIGMA_FAKE = path.join(ROOT, 'test', 'unit', 'sigma-live', 'fakeSigmaApi.ts');

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

/**
 * Starts the fakes the given providers need; returns the credential data that points at them, a
 * `resolveUrl` for importExamples (Sigma: the registered URL with its token) and `stop`.
 */
async function startFakes(providers, { sigmaPort = 0 } = {}) {
	const started = {};
	const credentialData = {};
	if (providers.some((p) => p.id === 'sigma-live')) {
		const { devCredentialData, getProvider } = require('./providers');
		const dev = devCredentialData(getProvider('sigma-live'));
		started.sigma = await startFakeSigma({ port: sigmaPort, tokenId: dev.tokenId, tokenSecret: dev.tokenSecret });
		credentialData['sigma-live'] = { ...dev, baseUrl: started.sigma.baseUrl };
	}
	return {
		...started,
		credentialData,
		/** n8n runs the trigger's registration after `publish` answers: wait for it (15 s at most). */
		async resolveUrl(provider, productionUrl) {
			if (provider.id !== 'sigma-live' || !started.sigma) return productionUrl;
			for (const deadline = Date.now() + 15000; Date.now() < deadline; ) {
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

module.exports = { requireTs, startFakeSigma, startFakes, sigmaRegisteredUrl };
