/**
 * What `npm pack` puts in the tarball is exactly what gets published: the built dist/ plus
 * examples/*.json (import-ready workflows), package.json, README.md, LICENSE and CHANGELOG.md; no TypeScript sources, tests, scripts or
 * caches. (`npm run test:e2e` installs this same tarball into a real n8n.) Runs after the build
 * that `npm test` does first.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..', '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

function packedFiles(): string[] {
	const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
	const result = spawnSync(npm, ['pack', '--dry-run', '--json', '--ignore-scripts'], {
		cwd: root,
		encoding: 'utf8',
		maxBuffer: 64 * 1024 * 1024,
	});
	if (result.status !== 0) throw new Error(`npm pack failed: ${result.stderr}`);
	const [report] = JSON.parse(result.stdout) as Array<{ files: Array<{ path: string }> }>;
	return report.files.map((file) => file.path).sort();
}

describe('the packed tarball', () => {
	const files = packedFiles();
	const topLevel = files.filter((file) => !file.startsWith('dist/') && !file.startsWith('examples/'));

	it('holds dist/, the example workflows and, beside them, only package.json, README.md, LICENSE and CHANGELOG.md', () => {
		expect(topLevel).toEqual(['CHANGELOG.md', 'LICENSE', 'README.md', 'package.json']);
		expect(files.length).toBeGreaterThan(topLevel.length);
		const examples = files.filter((file) => file.startsWith('examples/'));
		expect(examples.length).toBeGreaterThan(0);
		for (const file of examples) expect(file).toMatch(/^examples\/[a-z0-9-]+\.json$/);
	});

	it('holds no TypeScript sources, tests, build info or caches', () => {
		for (const file of files) {
			expect(file).not.toMatch(/(?<!\.d)\.ts$/);
			expect(file).not.toMatch(/(^|\/)(test|tests|__tests__|scripts|bench|\.cache|node_modules)\//);
			expect(file).not.toMatch(/\.(test|spec)\.[jt]s$/);
			expect(file).not.toMatch(/\.tsbuildinfo$/);
		}
		const kinds = new Set(files.filter((file) => file.startsWith('dist/')).map((file) => file.replace(/^.*?((\.d)?\.[a-z]+(\.map)?)$/, '$1')));
		expect([...kinds].sort()).toEqual(['.d.ts', '.js', '.js.map', '.json', '.svg']);
	});

	it('holds every node and credential that package.json declares, with their icons', () => {
		for (const file of [...pkg.n8n.nodes, ...pkg.n8n.credentials]) expect(files).toContain(file);
		expect(files.filter((file) => file.endsWith('.svg')).length).toBeGreaterThan(0);
		expect(files.filter((file) => file.endsWith('.node.json'))).toHaveLength(pkg.n8n.nodes.length);
	});
});
