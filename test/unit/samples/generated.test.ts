/**
 * The copies of the shipped samples are current: test/fixtures/<provider>.json and
 * docs/sample-items.md are what `npm run docs:samples` generates from nodes/<Provider>/samples.ts
 * (with SAMPLES_WRITE=1 this file writes them instead of comparing).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { fixturePath, fixtureText, SAMPLE_ITEMS_PATH, sampleItemsDoc } from './copies';
import { PROVIDER_IDS } from './triggers';

const ROOT = join(__dirname, '..', '..', '..');
const WRITE = process.env.SAMPLES_WRITE === '1';

function check(relative: string, expected: string): void {
	const file = join(ROOT, relative);
	if (WRITE) {
		writeFileSync(file, expected);
		return;
	}
	let committed = '';
	try {
		committed = readFileSync(file, 'utf8');
	} catch {
		committed = '(missing)';
	}
	if (committed !== expected) throw new Error(`${relative} is out of date: run \`npm run docs:samples\` and commit the result`);
	expect(committed).toBe(expected);
}

describe('generated copies of the samples', () => {
	test.each(PROVIDER_IDS)('test/fixtures/%s.json matches the shipped samples', (provider) => {
		check(fixturePath(provider), fixtureText(provider));
	});

	test('docs/sample-items.md shows the item of every sample through the real trigger', async () => {
		const doc = await sampleItemsDoc();
		check(SAMPLE_ITEMS_PATH, doc);
	});
});
