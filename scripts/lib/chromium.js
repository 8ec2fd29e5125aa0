'use strict';
/**
 * Debian's Chromium for the editor check (a browser download by a test tool is impossible here).
 * Installed with apt-get when missing and we are root; otherwise the caller is told how.
 */
const fs = require('node:fs');
const { run } = require('./n8n');

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** The flags this machine needs: headless, as root, and no calls to Google's services. */
const CHROMIUM_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run',
];

async function ensureChromium({ log = console.log } = {}) {
	if (fs.existsSync(CHROMIUM)) return CHROMIUM;
	if (typeof process.getuid !== 'function' || process.getuid() !== 0) {
		throw new Error(`${CHROMIUM} is missing: install Debian's chromium (sudo apt-get install chromium) or set CHROMIUM_PATH`);
	}
	const started = Date.now();
	log('Installing Debian chromium with apt-get …');
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	await run('apt-get', ['update'], { env, timeoutMs: 10 * 60 * 1000 });
	await run('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], { env, timeoutMs: 20 * 60 * 1000 });
	log(`  chromium installed in ${Math.round((Date.now() - started) / 1000)} s`);
	return CHROMIUM;
}

module.exports = { CHROMIUM, CHROMIUM_ARGS, ensureChromium };
