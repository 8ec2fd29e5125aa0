'use strict';
/**
 * Reads a V8 `.cpuprofile` (written by `node --cpu-prof`) and summarizes a time window of it: the
 * functions with the most self time, the most inclusive time (time with the function on the stack),
 * and self time per package. Timestamps are V8's monotonic microseconds, which on Linux are the same
 * clock as `process.hrtime` in every process, so a window measured by the bench selects the samples
 * n8n took while that row was sent.
 */
const fs = require('node:fs');
const path = require('node:path');

/** `name (file:line)` of a call frame, with the file shortened to its package-relative path. */
function frameName(callFrame) {
	const name = callFrame.functionName || '(anonymous)';
	if (!callFrame.url) return name;
	return `${name} ${shortUrl(callFrame.url)}:${callFrame.lineNumber + 1}`;
}

function shortUrl(url) {
	const file = url.replace(/^file:\/\//, '');
	const at = file.lastIndexOf('node_modules/');
	if (at >= 0) return file.slice(at + 'node_modules/'.length);
	if (file.startsWith('node:')) return file;
	return path.basename(file);
}

/** The package a frame belongs to (`n8n-core`, `@n8n/expression-runtime`, `node:internal`, …). */
function packageOf(callFrame) {
	const file = (callFrame.url || '').replace(/^file:\/\//, '');
	if (!file) return callFrame.functionName.startsWith('(') ? callFrame.functionName : '(native)';
	if (file.startsWith('node:')) return 'node (built-in)';
	const at = file.lastIndexOf('node_modules/');
	if (at < 0) return '(other)';
	const parts = file.slice(at + 'node_modules/'.length).split('/');
	return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
}

function load(file) {
	const profile = JSON.parse(fs.readFileSync(file, 'utf8'));
	const byId = new Map(profile.nodes.map((n) => [n.id, n]));
	const parent = new Map();
	for (const n of profile.nodes) for (const c of n.children || []) parent.set(c, n.id);
	// Sample i was taken at startTime + sum(timeDeltas[0..i]).
	const times = new Array(profile.samples.length);
	let t = profile.startTime;
	for (let i = 0; i < profile.samples.length; i++) {
		t += profile.timeDeltas[i];
		times[i] = t;
	}
	return { profile, byId, parent, times };
}

/**
 * Summary of the samples in [fromUs, toUs] (all samples when omitted).
 * @returns {{ samples: number, ms: number, idlePct: number, self: Array<[string, number]>, total: Array<[string, number]>, packages: Array<[string, number]> }}
 */
function summarize(loaded, { fromUs = -Infinity, toUs = Infinity, top = 15 } = {}) {
	const { profile, byId, parent, times } = loaded;
	const self = new Map();
	const total = new Map();
	const packages = new Map();
	const packagesOnStack = new Map();
	let weight = 0;
	let idle = 0;
	for (let i = 0; i < profile.samples.length; i++) {
		if (times[i] < fromUs || times[i] > toUs) continue;
		// The time until the next sample is what this sample stands for.
		const dt = i + 1 < profile.samples.length ? profile.timeDeltas[i + 1] : 0;
		weight += dt;
		const leaf = byId.get(profile.samples[i]);
		if (leaf.callFrame.functionName === '(idle)') {
			idle += dt;
			continue;
		}
		const leafName = frameName(leaf.callFrame);
		self.set(leafName, (self.get(leafName) || 0) + dt);
		const pkg = packageOf(leaf.callFrame);
		packages.set(pkg, (packages.get(pkg) || 0) + dt);
		const seen = new Set();
		const seenPackages = new Set();
		for (let id = leaf.id; id !== undefined; id = parent.get(id)) {
			const frame = byId.get(id).callFrame;
			const onStack = packageOf(frame);
			if (!seenPackages.has(onStack)) {
				seenPackages.add(onStack);
				packagesOnStack.set(onStack, (packagesOnStack.get(onStack) || 0) + dt);
			}
			const name = frameName(frame);
			if (seen.has(name)) continue;
			seen.add(name);
			total.set(name, (total.get(name) || 0) + dt);
		}
	}
	const busy = weight - idle;
	const ranked = (map) =>
		[...map]
			.filter(([name]) => !/^\((root|program)\)/.test(name) || map === self)
			.sort((a, b) => b[1] - a[1])
			.slice(0, top)
			.map(([name, us]) => [name, busy > 0 ? (100 * us) / busy : 0]);
	return {
		samples: profile.samples.filter((_, i) => times[i] >= fromUs && times[i] <= toUs).length,
		ms: weight / 1000,
		busyMs: busy / 1000,
		idlePct: weight > 0 ? (100 * idle) / weight : 0,
		self: ranked(self),
		total: ranked(total),
		packages: ranked(packages),
		/** Share of busy time with a frame of the package anywhere on the stack (what it calls included). */
		onStack: (name) => (busy > 0 ? (100 * (packagesOnStack.get(name) || 0)) / busy : 0),
		/** Share of busy time spent in the package's own functions. */
		selfOf: (name) => (busy > 0 ? (100 * (packages.get(name) || 0)) / busy : 0),
	};
}

/** Text lines for a summary: percentages are of the busy (non-idle) time in the window. */
function format(summary, { title = '' } = {}) {
	const lines = [];
	const pct = (v) => `${v.toFixed(1).padStart(5)} %`;
	lines.push(`${title}busy ${summary.busyMs.toFixed(0)} ms of ${summary.ms.toFixed(0)} ms (idle ${summary.idlePct.toFixed(0)} %)`);
	if (summary.ownPackage) {
		lines.push(`  ${summary.ownPackage}: ${summary.ownSelf.toFixed(1)} % self, ${summary.ownOnStack.toFixed(1)} % on the stack (with what it calls in n8n)`);
	}
	lines.push('  self time by package:');
	for (const [name, v] of summary.packages.slice(0, 8)) lines.push(`    ${pct(v)}  ${name}`);
	lines.push('  top frames by self time:');
	for (const [name, v] of summary.self) lines.push(`    ${pct(v)}  ${name}`);
	lines.push('  top frames by inclusive time:');
	for (const [name, v] of summary.total) lines.push(`    ${pct(v)}  ${name}`);
	return lines;
}

module.exports = { load, summarize, format, frameName, packageOf };
