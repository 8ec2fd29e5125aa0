/**
 * The shared helpers of core/execute.ts the stream-control operations rely on: the block end time
 * (provider format, future, ≤ 90 days), user-ID lists, chunking, and the retry of idempotent reads.
 */
import fc from 'fast-check';
import type { IExecuteFunctions, INode } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { accountList, blockEndTime, chunks, READ_ATTEMPTS, retryRead } from '../../../nodes/core/execute';

const node: INode = { id: 'n', name: 'Stream control', type: 'test', typeVersion: 1, position: [0, 0], parameters: {} };
/** Only getNode and getNodeParameter are used by these helpers. */
const ctxWith = (params: Record<string, unknown> = {}) =>
	({ getNode: () => node, getNodeParameter: (name: string, _i: number, fallback: unknown) => params[name] ?? fallback }) as unknown as IExecuteFunctions;

const NOW = Date.UTC(2026, 0, 1, 12, 0, 0);
const DAY = 86_400_000;

describe('blockEndTime', () => {
	it('any time strictly after now and at most 90 days ahead comes back as YYYY-MM-DDTHH:MM:SSZ of the same second', () => {
		fc.assert(
			fc.property(fc.integer({ min: 1000, max: 90 * DAY }), fc.constantFrom('iso', 'date', 'luxon-like', 'offset'), (ahead, form) => {
				const ms = NOW + ahead;
				const value =
					form === 'iso'
						? new Date(ms).toISOString()
						: form === 'date'
							? new Date(ms)
							: form === 'luxon-like'
								? { toMillis: () => ms }
								: new Date(ms + 8 * 3600_000).toISOString().replace('Z', '+08:00');
				const out = blockEndTime(ctxWith(), value, 0, 90, NOW)!;
				expect(out).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
				// The +08:00 form names the same instant as the others.
				expect(Date.parse(out)).toBe(Math.floor(ms / 1000) * 1000);
			}),
		);
	});

	it('empty means "provider default"; past, too far and unreadable values are refused', () => {
		expect(blockEndTime(ctxWith(), '', 0, 90, NOW)).toBeUndefined();
		expect(blockEndTime(ctxWith(), undefined, 0, 90, NOW)).toBeUndefined();
		expect(() => blockEndTime(ctxWith(), new Date(NOW).toISOString(), 0, 90, NOW)).toThrow(NodeOperationError);
		expect(() => blockEndTime(ctxWith(), new Date(NOW + 90 * DAY + 1000).toISOString(), 0, 90, NOW)).toThrow(/more than 90 days/);
		expect(() => blockEndTime(ctxWith(), 'soon', 0, 90, NOW)).toThrow(/not a date/);
		expect(blockEndTime(ctxWith(), '2026-01-02T00:00:00', 0, 90, NOW)).toBe('2026-01-02T00:00:00Z');
	});
});

describe('accountList and chunks', () => {
	it('reads comma/newline text or arrays, trims and drops duplicates', () => {
		expect(accountList(ctxWith({ a: ' u1, u2\nu1 ,,u3 ' }), 'a', 'User IDs', 0)).toEqual(['u1', 'u2', 'u3']);
		expect(accountList(ctxWith({ a: ['x', 'y', 'x'] }), 'a', 'User IDs', 0)).toEqual(['x', 'y']);
		expect(() => accountList(ctxWith({ a: ' , ' }), 'a', 'User IDs', 0)).toThrow('User IDs is empty');
	});

	it('chunks keep order and cover every element exactly once', () => {
		fc.assert(
			fc.property(fc.array(fc.integer()), fc.integer({ min: 1, max: 30 }), (list, size) => {
				const parts = chunks(list, size);
				expect(parts.flat()).toEqual(list);
				expect(parts.every((p) => p.length >= 1 && p.length <= size)).toBe(true);
			}),
		);
	});
});

describe('retryRead', () => {
	const transient = () => new NodeApiError(node, { code: 'limit' }, { message: 'rate limited' });

	it('tries a transient failure again, at most READ_ATTEMPTS times in all', async () => {
		let calls = 0;
		await expect(
			retryRead(ctxWith(), async () => {
				calls++;
				throw transient();
			}, () => true),
		).rejects.toThrow('rate limited');
		expect(calls).toBe(READ_ATTEMPTS);
	});

	it('returns the first success, and does not retry a permanent failure', async () => {
		let calls = 0;
		expect(await retryRead(ctxWith(), async () => (++calls < 2 ? Promise.reject(transient()) : 'ok'), () => true)).toBe('ok');
		expect(calls).toBe(2);
		calls = 0;
		await expect(
			retryRead(ctxWith(), async () => {
				calls++;
				throw transient();
			}, () => false),
		).rejects.toThrow(NodeApiError);
		expect(calls).toBe(1);
	});
});
