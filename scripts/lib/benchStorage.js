'use strict';
/**
 * What n8n stored per execution, read from its SQLite file after it stopped: the average size of an
 * execution's data (`execution_data.data`, the serialized run) per workflow. Read with n8n's own
 * sqlite3 module, run by n8n's Node (the module is built for it).
 */
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const QUERY = `
const sqlite3 = require(require.resolve('sqlite3', { paths: [process.cwd()] }));
const db = new sqlite3.Database(process.argv[1], sqlite3.OPEN_READONLY);
db.all(
  'SELECT e.workflowId AS workflowId, COUNT(*) AS executions, AVG(LENGTH(d.data)) AS avgBytes, ' +
  'AVG(LENGTH(d.workflowData)) AS avgWorkflowBytes FROM execution_entity e ' +
  'JOIN execution_data d ON d.executionId = e.id GROUP BY e.workflowId',
  (error, rows) => {
    if (error) { console.error(error.message); process.exit(1); }
    console.log(JSON.stringify(rows));
    db.close();
  },
);`;

/**
 * @param {{ dir: string, node: { bin: string } }} n8n  from ensureN8n()
 * @param {string} userFolder  N8N_USER_FOLDER of the stopped instance
 * @returns {Map<string, { executions: number, avgBytes: number, avgWorkflowBytes: number }>}
 */
function storedSizes(n8n, userFolder) {
	const file = path.join(userFolder, '.n8n', 'database.sqlite');
	const out = spawnSync(n8n.node.bin, ['-e', QUERY, file], { cwd: path.join(n8n.dir, 'node_modules', 'n8n'), encoding: 'utf8' });
	if (out.status !== 0) throw new Error(`reading ${file} failed: ${out.stderr}`);
	return new Map(JSON.parse(out.stdout).map((r) => [String(r.workflowId), r]));
}

module.exports = { storedSizes };
