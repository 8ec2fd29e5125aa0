/**
 * Options fail closed (nodes/core/options.ts): an option that cannot be read refuses every callback
 * with 500 (Tencent retries after-callbacks; nothing is checked against a window that always passes),
 * logs an error and starts nothing. Window edges are exact on the node's clock.
 */
import type { IDataObject } from 'n8n-workflow';

import { setClock } from '../../../nodes/core/clock';
import { fixtures, send } from './helpers';

const NOW = 1767225600;
beforeEach(() => setClock(() => NOW * 1000 + 999));
afterEach(() => setClock(null));

const payload = fixtures['room.created'];

describe('TUILiveKit trigger: invalid options fail closed', () => {
	it.each<[string, IDataObject]>([
		['a clock skew that is not a number (an expression yielding "abc")', { options: { maxClockSkewSeconds: 'abc' } }],
		['a clock skew of 0', { options: { maxClockSkewSeconds: 0 } }],
		['a negative clock skew', { options: { maxClockSkewSeconds: -5 } }],
		['a clock skew above one day', { options: { maxClockSkewSeconds: 86401 } }],
		['a fractional clock skew', { options: { maxClockSkewSeconds: 1.5 } }],
		['an unknown Before-Callback Answer', { beforeCallbacks: 'sometimes' }],
	])('%s: 500 configuration_error, an error log, no execution', async (_what, parameters) => {
		const outcome = await send(payload, { parameters: { events: ['*'], ...parameters } });
		expect(outcome.response.status).toBe(500);
		expect(outcome.response.body).toEqual({ error: 'configuration_error' });
		expect(outcome.items).toHaveLength(0);
		expect(outcome.result.workflowData).toBeUndefined();
		expect(outcome.logs).toEqual([expect.objectContaining({ level: 'error' })]);
	});

	it('refuses even a stale forged callback with the configuration error, never accepting it', async () => {
		const outcome = await send(payload, { parameters: { events: ['*'], options: { maxClockSkewSeconds: 'abc' } }, skew: -100000 });
		expect(outcome.response.status).toBe(500);
		expect(outcome.items).toHaveLength(0);
	});

	it('reads a whole number given as text', async () => {
		const outcome = await send(payload, { parameters: { events: ['*'], options: { maxClockSkewSeconds: '120' } }, skew: -120 });
		expect(outcome.items).toHaveLength(1);
	});
});

describe('TUILiveKit trigger: the window edges, on the injected clock', () => {
	it.each([
		[undefined, 60],
		[300, 300],
	])('clock skew %s: accepts exactly %s s in the past or the future, refuses one second more', async (option, edge) => {
		const parameters = { events: ['*'], options: option === undefined ? {} : { maxClockSkewSeconds: option } };
		for (const [skew, accepted] of [
			[-edge, true],
			[edge, true],
			[-edge - 1, false],
			[edge + 1, false],
		] as const) {
			const outcome = await send(payload, { parameters, skew });
			expect([skew, outcome.items.length]).toEqual([skew, accepted ? 1 : 0]);
		}
	});
});
