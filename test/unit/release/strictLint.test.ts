/**
 * n8n's node CLI strict mode (`n8n.strict: true`): the CLI's ESLint config is used unchanged.
 * `n8n-node lint` checks that by comparing eslint.config.mjs with its template; this package keeps
 * the community scanner's rule set in eslint.config.mjs, so the CLI's config lives in
 * eslint.n8n-node.config.mjs and `npm run lint` runs both (docs/release.md). This is the same check.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..', '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const normalized = (text: string) => text.replace(/\s+/g, ' ').trim();

describe("n8n's node CLI rules in strict mode", () => {
	it('package.json asks for strict mode and has no main entry', () => {
		expect(pkg.n8n.strict).toBe(true);
		expect(pkg.main).toBeUndefined();
		expect(pkg.engines.node).toMatch(/^>=\d+/);
	});

	it("eslint.n8n-node.config.mjs is the CLI's default config, unchanged", () => {
		// The CLI's package exports only ./eslint; its template sits beside the compiled config.
		const cliRoot = join(require.resolve('@n8n/node-cli/eslint'), '..', '..', '..');
		const template = readFileSync(join(cliRoot, 'dist/template/templates/shared/default/eslint.config.mjs'), 'utf8');
		const ours = readFileSync(join(root, 'eslint.n8n-node.config.mjs'), 'utf8');
		expect(normalized(ours)).toBe(normalized(template));
	});

	it('npm run lint runs the scanner rule set and the CLI config, with inline disables ignored', () => {
		const lint: string = pkg.scripts.lint;
		const runs = lint.split('&&').map((part) => part.trim());
		expect(runs).toEqual([
			'eslint --no-inline-config package.json nodes credentials',
			'eslint --no-inline-config -c eslint.n8n-node.config.mjs package.json nodes credentials',
		]);
	});
});
