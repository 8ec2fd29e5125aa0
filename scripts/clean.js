// Removes the folders given on the command line (a dependency-free `rimraf`).
const fs = require('node:fs');

for (const dir of process.argv.slice(2)) fs.rmSync(dir, { recursive: true, force: true });
