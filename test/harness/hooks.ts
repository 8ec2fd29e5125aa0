/**
 * n8n's trigger lifecycle on top of `runHook` (hook.ts, n8n-core's real HookContext): publish
 * (`checkExists`, then `create` only if it answered false), unpublish (`delete`) and "Listen for
 * test event" (mode `manual`, the test URL, separate empty static data). Static data persists in
 * `setup.staticData` across calls, as n8n saves it.
 */
import type { IDataObject, INodeType } from 'n8n-workflow';

import { runHook, WEBHOOK_BASE_URL } from './hook';
import type { Logged, NodeSetup } from './hook';

export type { Logged };

export type HookSetup = Omit<NodeSetup, 'nodeType'> & { parameters: IDataObject; staticData: IDataObject };

export const PRODUCTION_URL = `${WEBHOOK_BASE_URL}/webhook-1/webhook`;

/** What n8n does on publish. Returns whether `create` ran. */
export async function publish(nodeType: INodeType, setup: HookSetup, logs: Logged[] = []): Promise<boolean> {
	const exists = await runHook({ nodeType, ...setup }, 'checkExists');
	logs.push(...exists.logs);
	if (exists.result) return false;
	logs.push(...(await runHook({ nodeType, ...setup }, 'create')).logs);
	return true;
}

/** What n8n does on unpublish. */
export async function unpublish(nodeType: INodeType, setup: HookSetup, logs: Logged[] = []): Promise<void> {
	logs.push(...(await runHook({ nodeType, ...setup }, 'delete')).logs);
}

/** What n8n does for "Listen for test event" and when the listener stops. */
export async function listenForTestEvent(nodeType: INodeType, setup: HookSetup, logs: Logged[] = []): Promise<void> {
	const test = { nodeType, ...setup, staticData: {} };
	const exists = await runHook(test, 'checkExists', { isTest: true, activation: 'manual' });
	logs.push(...exists.logs);
	if (!exists.result) logs.push(...(await runHook(test, 'create', { isTest: true, activation: 'manual' })).logs);
	logs.push(...(await runHook(test, 'delete', { isTest: true, activation: 'manual' })).logs);
}
