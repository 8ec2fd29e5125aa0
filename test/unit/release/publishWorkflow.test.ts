/**
 * The publishing workflow (.github/workflows/publish.yml) cannot run here; this checks what can be
 * checked: it parses as YAML and holds what provenance publishing needs (docs/release.md).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { parse } from 'yaml';

const root = join(__dirname, '..', '..', '..');
const text = readFileSync(join(root, '.github', 'workflows', 'publish.yml'), 'utf8');

interface Step {
	uses?: string;
	run?: string;
	with?: Record<string, unknown>;
	env?: Record<string, string>;
}

describe('the publishing workflow', () => {
	const workflow = parse(text, { prettyErrors: true, strict: true, uniqueKeys: true }) as {
		name?: string;
		on?: Record<string, unknown>;
		jobs?: Record<string, { 'runs-on'?: string; permissions?: Record<string, string>; steps?: Step[] }>;
	};
	const job = workflow.jobs?.publish;
	const steps = job?.steps ?? [];
	const runs = steps.map((step) => step.run ?? '');

	it('parses as YAML with a name, a trigger and a publish job', () => {
		expect(typeof workflow.name).toBe('string');
		expect(Object.keys(workflow.on ?? {})).toContain('release');
		expect(typeof job?.['runs-on']).toBe('string');
	});

	it('grants the OIDC token that npm provenance needs, and only read access to the contents', () => {
		expect(job?.permissions).toEqual({ contents: 'read', 'id-token': 'write' });
	});

	it('sets up Node with the npm registry and an authentication token', () => {
		const setup = steps.find((step) => step.uses?.startsWith('actions/setup-node@'));
		expect(setup?.with?.['registry-url']).toBe('https://registry.npmjs.org');
		const publish = steps.find((step) => step.run?.includes('npm publish'));
		expect(publish?.env?.NODE_AUTH_TOKEN).toMatch(/secrets\./);
	});

	it('installs cleanly, passes the release gate, then publishes with provenance', () => {
		const install = runs.findIndex((run) => /^npm ci\b/.test(run));
		const gate = runs.findIndex((run) => run.trim() === 'npm run release:check');
		const publish = runs.findIndex((run) => run.trim() === 'npm publish --provenance --access public');
		expect(install).toBeGreaterThanOrEqual(0);
		expect(gate).toBeGreaterThan(install);
		expect(publish).toBeGreaterThan(gate);
	});

	it('the release gate it runs is the one in package.json: clean build, lint, unit tests', () => {
		const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
		const check: string = pkg.scripts['release:check'];
		expect(check).toMatch(/npm run lint/);
		expect(check).toMatch(/npm test/);
		expect(pkg.scripts.build).toMatch(/clean\.js dist/);
		expect(pkg.scripts.test).toMatch(/npm run build/);
		expect(pkg.scripts.release).toBe('npm run release:check && npm publish --provenance --access public');
		expect(pkg.scripts.prepublishOnly).toBe('npm run release:check');
	});
});
