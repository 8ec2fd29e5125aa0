'use strict';
/**
 * `npm run docs:samples`: regenerates the copies of the shipped samples (nodes/<Provider>/samples.ts)
 * — test/fixtures/<provider>.json and docs/sample-items.md — by running the jest file that otherwise
 * checks them (test/unit/samples/generated.test.ts) in write mode, so the items in the docs come from
 * each trigger's real webhook().
 */
const { spawnSync } = require('node:child_process');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const result = spawnSync(process.execPath, [require.resolve('jest/bin/jest'), 'test/unit/samples/generated.test.ts'], {
	cwd: ROOT,
	stdio: 'inherit',
	env: { ...process.env, SAMPLES_WRITE: '1' },
});
process.exit(result.status ?? 1);
