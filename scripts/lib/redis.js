'use strict';
/**
 * A real Redis for n8n's queue mode: Debian's `redis-server` (7.0 on Debian 12), installed with
 * apt-get on first use when the machine lacks it (about 10 s after `apt-get update`; needs root),
 * started on 127.0.0.1:`port` with its data in a folder of the caller's.
 *
 * No npm package ships a Redis server that runs offline, so this is the one system package the
 * tooling installs. Persistence is on (append-only file, fsync every second): Bull keeps n8n's
 * queued jobs in Redis, and a Redis that restarts empty forgets every job it held, so callbacks
 * already answered would never run. docs/scaling-out.md shows what a restart does.
 */
const fs = require('node:fs');
const fsp = require('node:fs/promises');
const net = require('node:net');
const path = require('node:path');
const { spawn } = require('node:child_process');

const { cacheRoot, run, sleep, readTail } = require('./n8n');
const { withDirLock } = require('./lock');

function findRedisServer() {
	for (const dir of [...(process.env.PATH || '').split(path.delimiter), '/usr/bin', '/usr/local/bin', '/usr/sbin']) {
		const bin = path.join(dir, 'redis-server');
		if (dir && fs.existsSync(bin)) return bin;
	}
	return null;
}

/**
 * The `redis-server` binary, installed from Debian's packages when missing.
 * @returns {Promise<string>}
 */
async function ensureRedis({ log = console.log } = {}) {
	const found = findRedisServer();
	if (found) return found;
	if (!(typeof process.getuid === 'function' && process.getuid() === 0) || !fs.existsSync('/usr/bin/apt-get')) {
		throw new Error('redis-server is not installed; install Debian\'s package "redis-server" (apt-get install redis-server) and run again');
	}
	await fsp.mkdir(cacheRoot(), { recursive: true });
	return withDirLock(path.join(cacheRoot(), 'redis-install.lock'), async () => {
		if (findRedisServer()) return findRedisServer();
		const started = Date.now();
		const logFile = path.join(cacheRoot(), 'redis-install.log');
		log(`Installing Debian's redis-server with apt-get (log: ${logFile}) …`);
		const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
		await run('apt-get', ['update'], { env, logFile, timeoutMs: 10 * 60 * 1000 });
		await run('apt-get', ['install', '-y', '--no-install-recommends', 'redis-server'], { env, logFile, timeoutMs: 10 * 60 * 1000 });
		const bin = findRedisServer();
		if (!bin) throw new Error(`apt-get installed redis-server but it is not on PATH; see ${logFile}`);
		log(`  redis-server installed in ${Math.round((Date.now() - started) / 1000)} s`);
		return bin;
	}, { log });
}

/** One RESP command over a fresh connection; resolves with the first reply line. */
function command(port, args, { timeoutMs = 2000 } = {}) {
	return new Promise((resolve, reject) => {
		const socket = net.connect({ host: '127.0.0.1', port });
		const timer = setTimeout(() => socket.destroy(new Error('timeout')), timeoutMs);
		let data = '';
		socket.on('connect', () => {
			socket.write(`*${args.length}\r\n${args.map((a) => `$${Buffer.byteLength(a)}\r\n${a}\r\n`).join('')}`);
		});
		socket.on('data', (chunk) => {
			data += chunk.toString('utf8');
			if (data.includes('\r\n')) {
				clearTimeout(timer);
				socket.end();
				resolve(data.split('\r\n')[0]);
			}
		});
		socket.on('error', (error) => {
			clearTimeout(timer);
			reject(error);
		});
	});
}

/**
 * Starts redis-server on 127.0.0.1:`port` with its files in `dir`; `restart()` stops it and starts
 * it again on the same port and files (what an operator's restart does).
 */
async function startRedis({ dir, port, log = console.log }) {
	const bin = await ensureRedis({ log });
	await fsp.mkdir(dir, { recursive: true });
	const logFile = path.join(dir, 'redis.log');
	const args = [
		'--port', String(port),
		'--bind', '127.0.0.1',
		'--protected-mode', 'yes',
		'--dir', dir,
		'--appendonly', 'yes',
		'--appendfsync', 'everysec',
		'--save', '',
		'--daemonize', 'no',
		'--logfile', logFile,
	];
	const handle = {
		port,
		host: '127.0.0.1',
		logFile,
		env: { QUEUE_BULL_REDIS_HOST: '127.0.0.1', QUEUE_BULL_REDIS_PORT: String(port) },
		child: null,
		exited: null,
		stopped: true,
		async start() {
			const child = spawn(bin, args, { cwd: dir, detached: true, stdio: 'ignore' });
			handle.child = child;
			handle.pid = child.pid;
			handle.stopped = false;
			handle.exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve(code ?? signal)));
			let exitCode;
			handle.exited.then((c) => (exitCode = c));
			const deadline = Date.now() + 30000;
			for (;;) {
				if (exitCode !== undefined) throw new Error(`redis-server exited (${exitCode}):\n${readTail(logFile, 20)}`);
				try {
					if ((await command(port, ['PING'])) === '+PONG') return;
				} catch {
					// not listening yet
				}
				if (Date.now() > deadline) throw new Error(`redis-server did not answer PING in 30 s:\n${readTail(logFile, 20)}`);
				await sleep(100);
			}
		},
		/** SIGTERM: Redis writes its append-only file and exits. */
		async stop() {
			if (handle.stopped) return;
			handle.stopped = true;
			try {
				process.kill(handle.child.pid, 'SIGTERM');
			} catch {
				// already gone
			}
			const done = await Promise.race([handle.exited.then(() => true), sleep(10000).then(() => false)]);
			if (!done) handle.killNow();
			await handle.exited;
		},
		async restart() {
			await handle.stop();
			await handle.start();
		},
		killNow() {
			try {
				process.kill(-handle.child.pid, 'SIGKILL');
			} catch {
				// already gone
			}
		},
		command: (...a) => command(port, a),
	};
	await handle.start();
	return handle;
}

module.exports = { ensureRedis, startRedis, redisCommand: command };
