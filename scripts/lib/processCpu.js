'use strict';
/**
 * CPU time used so far by every process of a process group (n8n and its task runner), read from
 * /proc: user + system time, in milliseconds. Linux only; null elsewhere. Less sensitive than a rate
 * to other work on a shared machine, since it counts only n8n's own processes.
 */
const fs = require('node:fs');

const TICKS_PER_SECOND = 100;

function groupCpuMs(pgid) {
	let entries;
	try {
		entries = fs.readdirSync('/proc');
	} catch {
		return null;
	}
	let ticks = 0;
	for (const entry of entries) {
		if (!/^\d+$/.test(entry)) continue;
		let stat;
		try {
			stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
		} catch {
			continue; // exited meanwhile
		}
		// Fields after the parenthesized command name: state ppid pgrp … utime(14) stime(15).
		const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		if (Number(fields[2]) !== pgid) continue;
		ticks += Number(fields[11]) + Number(fields[12]);
	}
	return (ticks * 1000) / TICKS_PER_SECOND;
}

module.exports = { groupCpuMs };
