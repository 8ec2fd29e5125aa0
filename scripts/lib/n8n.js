'use strict';
/**
 * A real n8n for this package, shared by `npm run dev` and `npm run test:e2e` (one implementation):
 *
 * - installs the pinned n8n (scripts/n8n-version.json) into a cache outside the clone, and Node 24
 *   from the npm registry when the machine's Node is older (n8n 2.36+ needs Node 24);
 * - packs the built package and installs the tarball as a real community package under
 *   `<user folder>/.n8n/nodes`, so node types are `n8n-nodes-livestream-callbacks.<name>`;
 * - starts n8n on loopback with SQLite, the owner created from environment variables, and stops
 *   its whole process group (n8n and its task runner).
 *
 * Facts learned on this machine, kept here rather than in someone's head:
 * - `npm install n8n@2.41.3` fails (a dependency version is missing from the registry); 2.41.1
 *   installs with `--ignore-scripts` (no install step may download a prebuilt binary here).
 * - The only native module n8n needs to start is sqlite3: `npm rebuild sqlite3 --build-from-source`
 *   run by Node 24 with `--nodedir` pointing at the Node 24 package's headers (about 1 minute).
 * - `N8N_INSTANCE_OWNER_MANAGED_BY_ENV=true` + email + a bcrypt hash creates (and on every start
 *   overwrites) the owner: no clicks, no setup request.
 * - The task runner is a child process started with `node` from PATH: Node 24's folder goes first.
 * - n8n listens on N8N_PORT and its task broker on N8N_RUNNERS_BROKER_PORT (default 5679): both
 *   are set so that several instances can run side by side.
 */
const fs = require('node:fs');
const fsp = require('node:fs/promises');
const os = require('node:os');
const path = require('node:path');
const net = require('node:net');
const { spawn } = require('node:child_process');
const { isAlive, withDirLock } = require('./lock');

const ROOT = path.resolve(__dirname, '..', '..');
const PINS = require('../n8n-version.json');
const PACKAGE_NAME = require(path.join(ROOT, 'package.json')).name;

function cacheRoot() {
	if (process.env.LIVESTREAM_N8N_CACHE) return path.resolve(process.env.LIVESTREAM_N8N_CACHE);
	const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
	return path.join(base, 'n8n-nodes-livestream-callbacks');
}

/**
 * npm settings passed on to the npm runs below: where and how to reach the registry. Every other
 * `npm_*` variable that `npm run` exports is dropped (the project's ignore-scripts, nodedir, …).
 */
const KEPT_NPM_CONFIG = /^npm_config_(cache|registry|@.*:registry|.*proxy|cafile|ca|strict_ssl|userconfig|globalconfig|fetch_.*|maxsockets|prefer_offline|offline)$/i;

/** The environment without npm's `npm_*` variables, but for those registry settings. */
function cleanEnv(extra = {}) {
	const env = {};
	for (const [key, value] of Object.entries(process.env)) {
		if (/^npm_/i.test(key) && !KEPT_NPM_CONFIG.test(key)) continue;
		env[key] = value;
	}
	return { ...env, ...extra };
}

/** Runs a command; resolves on exit code 0, rejects with the output's tail otherwise. */
function run(command, args, { cwd, env, logFile, timeoutMs = 30 * 60 * 1000 } = {}) {
	return new Promise((resolve, reject) => {
		const out = logFile ? fs.openSync(logFile, 'a') : 'ignore';
		if (logFile) fs.writeSync(out, `\n$ ${command} ${args.join(' ')}\n`);
		const child = spawn(command, args, { cwd, env: env || cleanEnv(), stdio: ['ignore', out, out] });
		const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
		child.on('error', (error) => {
			clearTimeout(timer);
			reject(error);
		});
		child.on('exit', (code, signal) => {
			clearTimeout(timer);
			if (logFile) fs.closeSync(out);
			if (code === 0) return resolve();
			const tail = logFile ? readTail(logFile, 40) : '';
			reject(new Error(`${command} ${args.join(' ')} failed (${signal || code})${tail ? `:\n${tail}` : ''}`));
		});
	});
}

function readTail(file, lines) {
	try {
		return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
	} catch {
		return '';
	}
}

/** The npm CLI script of the npm running us (so that Node 24 can run it for native builds). */
function npmCli() {
	const candidates = [
		process.env.npm_execpath,
		path.join(path.dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'bin', 'npm-cli.js'),
	];
	for (const dir of (process.env.PATH || '').split(path.delimiter)) {
		const bin = path.join(dir, 'npm');
		if (fs.existsSync(bin)) candidates.push(path.join(path.dirname(fs.realpathSync(bin)), 'npm-cli.js'));
	}
	const found = candidates.find((c) => c && /npm-cli\.js$/.test(c) && fs.existsSync(c));
	if (!found) throw new Error('Cannot find npm-cli.js of the installed npm');
	return found;
}

/** Serializes cache installs across processes (scripts/lib/lock.js). */
const withLock = (name, fn) => withDirLock(path.join(cacheRoot(), `${name}.lock`), fn);

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function nodeArchPackage() {
	const arch = { x64: 'x64', arm64: 'arm64' }[process.arch];
	if (process.platform !== 'linux' || !arch) {
		throw new Error(`No Node 24 package for ${process.platform}/${process.arch}: install Node >= 24 and run again`);
	}
	return `node-linux-${arch}`;
}

/**
 * Node >= 24: the running one when it is new enough, else the pinned `node-linux-<arch>` registry
 * package (official binary plus headers) installed into the cache.
 * @returns {Promise<{bin: string, binDir: string, nodedir: string | null}>}
 */
async function ensureNode({ log = console.log } = {}) {
	const major = Number(process.versions.node.split('.')[0]);
	if (major >= 24 && !process.env.LIVESTREAM_FORCE_CACHED_NODE) {
		return { bin: process.execPath, binDir: path.dirname(process.execPath), nodedir: null };
	}
	const pkg = nodeArchPackage();
	const dir = path.join(cacheRoot(), `node-${PINS.node}`);
	const home = path.join(dir, 'node_modules', pkg);
	const result = { bin: path.join(home, 'bin', 'node'), binDir: path.join(home, 'bin'), nodedir: home };
	if (fs.existsSync(path.join(dir, '.ready'))) return result;
	await withLock(`node-${PINS.node}`, async () => {
		if (fs.existsSync(path.join(dir, '.ready'))) return;
		log(`Installing Node ${PINS.node} (${pkg}) from the npm registry into ${dir} …`);
		const tmp = `${dir}.tmp-${process.pid}`;
		await fsp.rm(tmp, { recursive: true, force: true });
		await fsp.mkdir(tmp, { recursive: true });
		await fsp.writeFile(path.join(tmp, 'package.json'), '{"name":"node-cache","private":true}\n');
		await run('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error', `${pkg}@${PINS.node}`], {
			cwd: tmp,
			logFile: path.join(tmp, 'install.log'),
		});
		await fsp.rm(dir, { recursive: true, force: true });
		await fsp.rename(tmp, dir);
		await fsp.writeFile(path.join(dir, '.ready'), new Date().toISOString());
	});
	return result;
}

/** The n8n version to run: the pin, or LIVESTREAM_N8N_VERSION (e.g. the oldest supported one). */
function n8nVersion() {
	return process.env.LIVESTREAM_N8N_VERSION || PINS.n8n;
}

/**
 * The pinned n8n (or LIVESTREAM_N8N_VERSION) in the cache, installed on first use (about 5 minutes
 * here, then reused).
 * @returns {Promise<{dir: string, n8nBin: string, node: {bin: string, binDir: string, nodedir: string | null}}>}
 */
async function ensureN8n({ log = console.log } = {}) {
	const version = n8nVersion();
	const node = await ensureNode({ log });
	const dir = path.join(cacheRoot(), `n8n-${version}`);
	const result = { dir, n8nBin: path.join(dir, 'node_modules', 'n8n', 'bin', 'n8n'), node };
	if (fs.existsSync(path.join(dir, '.ready'))) return result;
	await withLock(`n8n-${version}`, async () => {
		if (fs.existsSync(path.join(dir, '.ready'))) return;
		const started = Date.now();
		const tmp = `${dir}.tmp-${process.pid}`;
		const logFile = path.join(cacheRoot(), `n8n-${version}.install.log`);
		log(`Installing n8n ${version} into ${dir} (first run only, about 5 minutes; log: ${logFile}) …`);
		await fsp.rm(tmp, { recursive: true, force: true });
		await fsp.mkdir(tmp, { recursive: true });
		await fsp.writeFile(logFile, '');
		await fsp.writeFile(path.join(tmp, 'package.json'), '{"name":"n8n-cache","private":true}\n');
		await run(
			'npm',
			['install', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error', `n8n@${version}`],
			{ cwd: tmp, logFile },
		);
		log(`  n8n installed in ${Math.round((Date.now() - started) / 1000)} s; building sqlite3 for Node ${PINS.node} …`);
		const nodedirArgs = node.nodedir ? [`--nodedir=${node.nodedir}`] : [];
		await run(
			node.bin,
			[npmCli(), 'rebuild', 'sqlite3', '--build-from-source', '--ignore-scripts=false', '--loglevel=error', ...nodedirArgs],
			{
				cwd: tmp,
				logFile,
				env: cleanEnv({
					PATH: `${node.binDir}${path.delimiter}${process.env.PATH}`,
					...(node.nodedir ? { npm_config_nodedir: node.nodedir } : {}),
				}),
			},
		);
		await fsp.rm(dir, { recursive: true, force: true });
		await fsp.rename(tmp, dir);
		await fsp.writeFile(path.join(dir, '.ready'), new Date().toISOString());
		log(`  n8n ${version} ready in the cache after ${Math.round((Date.now() - started) / 1000)} s`);
	});
	return result;
}

/** A TCP port free on 127.0.0.1 right now. */
function freePort() {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address();
			server.close(() => resolve(port));
		});
	});
}

function portIsFree(port) {
	return new Promise((resolve) => {
		const server = net.createServer();
		server.once('error', () => resolve(false));
		server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
	});
}

/** bcrypt hash for N8N_INSTANCE_OWNER_PASSWORD_HASH, with the bcryptjs that n8n itself ships. */
function bcryptHash(n8n, password) {
	const bcrypt = require(path.join(n8n.dir, 'node_modules', 'bcryptjs'));
	return bcrypt.hashSync(password, 10);
}

/**
 * `npm pack` of the built package (dist/ must exist), then `npm install <tarball>` in
 * `<userFolder>/.n8n/nodes`, where n8n looks for installed community packages.
 */
async function installPackage(userFolder, { log = console.log } = {}) {
	if (!fs.existsSync(path.join(ROOT, 'dist'))) throw new Error('dist/ is missing: run `npm run build` first');
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	const packDir = await fsp.mkdtemp(path.join(os.tmpdir(), 'lsc-pack-'));
	try {
		const logFile = path.join(packDir, 'npm.log');
		await run('npm', ['pack', '--ignore-scripts', '--loglevel=error', '--pack-destination', packDir], {
			cwd: ROOT,
			logFile,
		});
		const tarball = (await fsp.readdir(packDir)).find((f) => f.endsWith('.tgz'));
		if (!tarball) throw new Error('npm pack produced no tarball');
		await fsp.mkdir(nodesDir, { recursive: true });
		const manifest = path.join(nodesDir, 'package.json');
		if (!fs.existsSync(manifest)) {
			await fsp.writeFile(manifest, '{"name":"installed-nodes","private":true,"dependencies":{}}\n');
		}
		// A reinstall of the same version must pick up the new build.
		await fsp.rm(path.join(nodesDir, 'node_modules', PACKAGE_NAME), { recursive: true, force: true });
		const stable = path.join(nodesDir, `${PACKAGE_NAME}.tgz`);
		await fsp.copyFile(path.join(packDir, tarball), stable);
		await run(
			'npm',
			['install', '--ignore-scripts', '--omit=peer', '--omit=dev', '--no-audit', '--no-fund', '--loglevel=error', stable],
			{ cwd: nodesDir, logFile },
		);
		log(`Installed ${tarball} as a community package in ${nodesDir}`);
	} finally {
		await fsp.rm(packDir, { recursive: true, force: true });
	}
}

/** Lines n8n prints because this machine is offline (it calls n8n's own services): not news. */
const OFFLINE_NOISE = /ENOTFOUND|EAI_AGAIN|api\.n8n\.io|Strapi API|A system task run failed|license SDK/;

/**
 * Starts n8n in its own process group: `n8n start` by default, or with `command` another process
 * type of queue mode (`webhook`, `worker` with `commandArgs` such as `--concurrency=5`). Output
 * goes to `logFile`, and to `onLine` when given. `healthPort` is where a worker answers
 * /healthz/readiness (its QUEUE_HEALTH_CHECK_PORT); the others answer on `port`.
 * `stopGraceMs`: how long stop() lets n8n shut down gracefully before SIGKILL.
 * @returns {{ pid: number, baseUrl: string, port: number, exited: Promise<number|null>, stop: () => Promise<void>, logFile: string }}
 */
function startN8n(
	n8n,
	{ userFolder, port, brokerPort, owner, encryptionKey, logFile, onLine, extraEnv = {}, command = 'start', commandArgs = [], healthPort, stopGraceMs = 20000 },
) {
	const env = cleanEnv({
		PATH: `${n8n.node.binDir}${path.delimiter}${process.env.PATH}`,
		N8N_USER_FOLDER: userFolder,
		N8N_PORT: String(port),
		N8N_HOST: 'localhost',
		N8N_PROTOCOL: 'http',
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_EDITOR_BASE_URL: `http://localhost:${port}/`,
		N8N_WEBHOOK_URL: `http://localhost:${port}/`,
		N8N_RUNNERS_BROKER_PORT: String(brokerPort),
		N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
		DB_TYPE: 'sqlite',
		N8N_ENCRYPTION_KEY: encryptionKey,
		N8N_SECURE_COOKIE: 'false',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_DISABLED_MODULES: 'mcp-registry',
		N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
		N8N_UNVERIFIED_PACKAGES_ENABLED: 'true',
		N8N_RUNNERS_TASK_TIMEOUT: '300',
		N8N_INSTANCE_OWNER_MANAGED_BY_ENV: 'true',
		N8N_INSTANCE_OWNER_EMAIL: owner.email,
		N8N_INSTANCE_OWNER_FIRST_NAME: owner.firstName || 'Dev',
		N8N_INSTANCE_OWNER_LAST_NAME: owner.lastName || 'Owner',
		N8N_INSTANCE_OWNER_PASSWORD_HASH: bcryptHash(n8n, owner.password),
		...extraEnv,
	});
	fs.mkdirSync(userFolder, { recursive: true });
	const log = fs.openSync(logFile, 'a');
	const child = spawn(n8n.node.bin, [n8n.n8nBin, command, ...commandArgs], {
		cwd: userFolder,
		env,
		detached: true, // own process group: n8n and its task runner stop together
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let dropping = false;
	const forward = (chunk) => {
		fs.writeSync(log, chunk);
		if (!onLine) return;
		for (const line of chunk.toString('utf8').split('\n')) {
			if (line.trim() === '') continue;
			if (OFFLINE_NOISE.test(line)) {
				dropping = true;
				continue;
			}
			if (dropping && /^\s+at |^\s*$|^Error: /.test(line)) continue;
			dropping = false;
			onLine(line);
		}
	};
	child.stdout.on('data', forward);
	child.stderr.on('data', forward);
	const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve(code ?? signal)));
	exited.then(() => fs.closeSync(log));
	const handle = {
		pid: child.pid,
		command,
		port,
		baseUrl: `http://localhost:${port}`,
		healthUrl: `http://127.0.0.1:${healthPort || port}/healthz/readiness`,
		logFile,
		exited,
		stopped: false,
		async stop({ graceMs = stopGraceMs } = {}) {
			if (handle.stopped) return;
			handle.stopped = true;
			signalGroup(child.pid, 'SIGTERM');
			const done = await Promise.race([exited.then(() => true), sleep(graceMs).then(() => false)]);
			if (!done) signalGroup(child.pid, 'SIGKILL');
			// The task runner shares the group; make sure nothing of it outlives n8n.
			await sleep(300);
			signalGroup(child.pid, 'SIGKILL');
			await exited;
		},
		/** Synchronous last resort for process 'exit' handlers. */
		killNow() {
			signalGroup(child.pid, 'SIGKILL');
		},
	};
	return handle;
}

function signalGroup(pid, signal) {
	try {
		process.kill(-pid, signal);
	} catch (error) {
		if (error.code !== 'ESRCH') throw error;
	}
}

/** Waits until n8n answers readiness and the owner can log in; fails early when n8n exits. */
async function waitReady(handle, { timeoutMs = 180000 } = {}) {
	const deadline = Date.now() + timeoutMs;
	let exitCode;
	handle.exited.then((code) => (exitCode = code));
	while (Date.now() < deadline) {
		if (exitCode !== undefined) {
			throw new Error(`n8n exited (${exitCode}) while starting:\n${readTail(handle.logFile, 40)}`);
		}
		try {
			const res = await fetch(handle.healthUrl || `${handle.baseUrl}/healthz/readiness`);
			if (res.ok) return;
		} catch {
			// not listening yet
		}
		await sleep(500);
	}
	throw new Error(`n8n did not become ready in ${timeoutMs / 1000} s:\n${readTail(handle.logFile, 40)}`);
}

module.exports = {
	ROOT,
	signalGroup,
	isAlive,
	PINS,
	PACKAGE_NAME,
	cacheRoot,
	cleanEnv,
	run,
	ensureNode,
	ensureN8n,
	n8nVersion,
	freePort,
	portIsFree,
	installPackage,
	startN8n,
	waitReady,
	sleep,
	readTail,
};
