/**
 * Loads the built package the way n8n does (n8n-core's PackageDirectoryLoader reading package.json's
 * `n8n` section and dist/), and checks the conventions n8n and its community scanner rely on.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { PackageDirectoryLoader } from 'n8n-core';

const root = join(__dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

describe('the package as n8n loads it', () => {
	it('declares what a community package must', () => {
		expect(pkg.name).toBe('n8n-nodes-livestream-callbacks');
		expect(pkg.keywords).toContain('n8n-community-node-package');
		expect(pkg.license).toBe('MIT');
		expect(pkg.files).toEqual(['dist', 'examples', 'CHANGELOG.md']);
		expect(pkg.dependencies ?? {}).toEqual({});
		expect(pkg.peerDependencies).toEqual({ 'n8n-workflow': '*' });
		expect(pkg.n8n.n8nNodesApiVersion).toBe(1);
		for (const file of [...pkg.n8n.nodes, ...pkg.n8n.credentials]) {
			expect(file).toMatch(/^dist\/.+\.js$/);
			expect(existsSync(join(root, file))).toBe(true);
		}
	});

	it('loads every node and credential declared in package.json, with icons and codex', async () => {
		const loader = new PackageDirectoryLoader(root);
		await loader.loadAll();
		const nodeNames = pkg.n8n.nodes.map((f: string) => f.replace(/^.*\/(\w+)\.node\.js$/, '$1'));
		const loadedNodes = Object.keys(loader.nodeTypes);
		expect(loadedNodes.sort()).toEqual(
			nodeNames.map((n: string) => n[0].toLowerCase() + n.slice(1)).sort(),
		);
		expect(Object.keys(loader.credentialTypes)).toHaveLength(pkg.n8n.credentials.length);

		// n8n registers the types as `<package name>.<node name>`.
		expect(loader.packageName).toBe('n8n-nodes-livestream-callbacks');
		for (const description of loader.types.nodes) {
			const iconUrl = description.iconUrl as { light: string; dark: string };
			expect(iconUrl.light).not.toBe(iconUrl.dark);
			for (const url of [iconUrl.light, iconUrl.dark]) {
				expect(existsSync(join(root, url.replace(/^icons\/n8n-nodes-livestream-callbacks\//, '')))).toBe(true);
			}
			expect(description.codex?.categories?.length).toBeGreaterThan(0);
		}
		for (const credential of loader.types.credentials) {
			const iconUrl = credential.iconUrl as { light: string; dark: string } | undefined;
			expect(iconUrl).toBeDefined();
			expect(existsSync(join(root, iconUrl!.light.replace(/^icons\/n8n-nodes-livestream-callbacks\//, '')))).toBe(true);
		}
	});
});

describe('the shipped example workflows', () => {
	const dir = join(root, 'examples');
	const files = readdirSync(dir).filter((f) => f.endsWith('.json'));

	it('use only this package\'s declared nodes, at versions they have', async () => {
		expect(files.length).toBeGreaterThanOrEqual(10);
		const loader = new PackageDirectoryLoader(root);
		await loader.loadAll();
		let checked = 0;
		for (const file of files) {
			const workflow = JSON.parse(readFileSync(join(dir, file), 'utf8'));
			expect(Array.isArray(workflow.nodes)).toBe(true);
			const names = new Set(workflow.nodes.map((n: { name: string }) => n.name));
			for (const from of Object.keys(workflow.connections ?? {})) expect(names.has(from)).toBe(true);
			for (const node of workflow.nodes) {
				const [owner, type] = String(node.type).split('.');
				if (owner !== 'n8n-nodes-livestream-callbacks') continue;
				const loaded = loader.nodeTypes[type];
				expect(loaded).toBeDefined();
				const version = (loaded.type.description as { version: number | number[] }).version;
				expect(Array.isArray(version) ? version : [version]).toContain(node.typeVersion);
				checked++;
			}
		}
		expect(checked).toBeGreaterThanOrEqual(files.length);
	});
});
