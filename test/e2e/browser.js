'use strict';
/**
 * The editor check: headless Debian Chromium, driven by playwright-core, logs into n8n, opens each
 * example workflow, the trigger's parameter panel and its credential form, and reports what it saw.
 * Screenshots go to .e2e/screenshots/ (git-ignored).
 */
const fs = require('node:fs');
const path = require('node:path');

const { chromium } = require('playwright-core');
const { CHROMIUM_ARGS, ensureChromium } = require('../../scripts/lib/chromium');
const { nodeType } = require('../../scripts/lib/providers');

/**
 * @returns {Promise<Array<{ provider: string, icon: { src: string, loaded: boolean } | null, canvasTypes: string[],
 *   parameters: string[], credentialFields: string[], unknownNode: boolean, screenshots: string[] }>>}
 */
async function checkEditor(env, { log = console.log } = {}) {
	const executablePath = await ensureChromium({ log });
	const shots = path.join(env.artifacts, 'screenshots');
	fs.mkdirSync(shots, { recursive: true });
	const browser = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
	const results = [];
	try {
		const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
		page.setDefaultTimeout(30000);
		await page.goto(`${env.baseUrl}/signin`);
		await page.fill('input[name=emailOrLdapLoginId]', env.owner.email);
		await page.fill('input[name=password]', env.owner.password);
		await page.click('[data-test-id=form-submit-button]');
		await page.waitForURL((u) => !u.pathname.startsWith('/signin'));

		for (const example of env.examples) {
			const p = example.provider;
			const type = nodeType(p);
			const result = { provider: p.id, icon: null, canvasTypes: [], parameters: [], credentialFields: [], unknownNode: false, credentialTestFailed: false, screenshots: [] };
			results.push(result);
			await page.goto(`${env.baseUrl}/workflow/${example.workflowId}`);
			const node = page.locator(`[data-test-id=canvas-node][data-node-type="${type}"]`);
			await node.waitFor();
			await dismissPopovers(page);
			result.canvasTypes = await page.$$eval('[data-test-id=canvas-node]', (els) => els.map((e) => e.getAttribute('data-node-type')));
			const icon = node.locator('img').first();
			if ((await icon.count()) > 0) {
				await page.waitForFunction((el) => el.complete, await icon.elementHandle());
				result.icon = await icon.evaluate((el) => ({ src: el.getAttribute('src'), loaded: el.naturalWidth > 0 }));
			}
			result.unknownNode = (await page.getByText(/install this node|node is not currently installed|unknown node/i).count()) > 0;
			const canvasShot = path.join(shots, `${p.id}-workflow.png`);
			await page.screenshot({ path: canvasShot });
			result.screenshots.push(canvasShot);

			await node.dblclick();
			const ndv = page.locator('[data-test-id=ndv]');
			await ndv.waitFor();
			await ndv.locator('[data-test-id=parameter-item]').first().waitFor();
			result.parameters = await ndv
				.locator('[data-test-id=node-parameters] [data-test-id=parameter-item], [data-test-id=parameter-item]')
				.evaluateAll((els) => [...new Set(els.map((e) => e.querySelector('label, [data-test-id=parameter-label]')?.textContent?.trim() || e.textContent.trim().slice(0, 40)))]);
			result.unknownNode ||= (await ndv.getByText(/install this node|not currently installed/i).count()) > 0;
			const ndvShot = path.join(shots, `${p.id}-parameters.png`);
			await page.screenshot({ path: ndvShot });
			result.screenshots.push(ndvShot);

			const edit = ndv.locator('[data-test-id=credential-edit-button]').first();
			if ((await edit.count()) > 0) {
				await edit.click();
				const modal = page.locator('[data-test-id=editCredential-modal], .el-dialog:visible').last();
				await modal.waitFor();
				await modal.locator('input:visible, textarea:visible').first().waitFor();
				await page.waitForTimeout(500);
				result.credentialFields = await modal
					.locator('[data-test-id=parameter-item], .n8n-input-label, label')
					.evaluateAll((els) => [...new Set(els.map((e) => e.textContent.trim()).filter(Boolean))]);
				await modal.getByText(/tested successfully|couldn.t connect/i).first().waitFor({ timeout: 10000 }).catch(() => {});
				result.credentialTestFailed = (await modal.getByText(/couldn.t connect/i).count()) > 0;
				const credShot = path.join(shots, `${p.id}-credential.png`);
				await page.screenshot({ path: credShot });
				result.screenshots.push(credShot);
				await page.keyboard.press('Escape');
			}
		}
	} finally {
		await browser.close();
	}
	return results;
}

/** Closes the onboarding popovers n8n opens over the canvas (they would hide the nodes in screenshots). */
async function dismissPopovers(page) {
	await page.waitForTimeout(800);
	for (const button of await page.locator('button[aria-label="Close this dialog"]:visible').all()) {
		await button.click().catch(() => {});
	}
	const checklistClose = page.locator('[data-test-id=suggested-actions-close]:visible');
	if ((await checklistClose.count()) > 0) await checklistClose.first().click().catch(() => {});
	await page.waitForTimeout(300);
}

module.exports = { checkEditor };
