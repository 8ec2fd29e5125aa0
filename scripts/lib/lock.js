'use strict';
/**
 * One lock for the installs the scripts share between processes (n8n, PostgreSQL, Redis): a
 * directory created atomically, holding the owner's pid. A lock whose owner is gone is taken over,
 * so a killed install never blocks the next run.
 */
const fsp = require('node:fs/promises');
const path = require('node:path');

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function isAlive(pid) {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return error.code === 'EPERM';
	}
}

/** Runs `fn` while holding the lock directory `lockDir` (its parent is created); returns its result. */
async function withDirLock(lockDir, fn, { log = console.log } = {}) {
	await fsp.mkdir(path.dirname(lockDir), { recursive: true });
	for (let waited = 0; ; waited += 1000) {
		try {
			await fsp.mkdir(lockDir);
			await fsp.writeFile(path.join(lockDir, 'pid'), String(process.pid));
			break;
		} catch (error) {
			if (error.code !== 'EEXIST') throw error;
			const pid = Number(await fsp.readFile(path.join(lockDir, 'pid'), 'utf8').catch(() => '0'));
			// No pid yet: the owner is between mkdir and writeFile; give it a moment before taking over.
			if ((!pid && waited >= 5000) || (pid && !isAlive(pid))) {
				await fsp.rm(lockDir, { recursive: true, force: true });
				continue;
			}
			if (waited % 30000 === 0) log(`Waiting for another install (${pid ? `pid ${pid}` : 'starting'}) to finish…`);
			await sleep(1000);
		}
	}
	try {
		return await fn();
	} finally {
		await fsp.rm(lockDir, { recursive: true, force: true });
	}
}

module.exports = { isAlive, withDirLock };
