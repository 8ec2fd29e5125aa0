/**
 * Parameters read on the request path: a value without an expression is taken as stored (no
 * resolution), an expression is still resolved by n8n, and both give what getNodeParameter gives.
 * Everything runs in n8n-core's real WebhookContext with n8n-workflow's real expression resolution.
 */
import type { IDataObject, IGetNodeParameterOptions } from 'n8n-workflow';
import * as workflowPackage from 'n8n-workflow';

import { setClock } from '../../../nodes/core/clock';
import { holdsNoExpression, readNodeParameter } from '../../../nodes/core/nodeParameters';
import { TencentCssTrigger } from '../../../nodes/TencentCss/TencentCssTrigger.node';
import { tencentCssSign } from '../../../nodes/TencentCss/verify';
import fixtures from '../../fixtures/tencent-css.json';
import { callWebhook, webhookContext } from '../../harness/webhook';

afterEach(() => setClock(null));

/** A real WebhookContext on the Tencent CSS trigger, recording which getNodeParameter calls resolve. */
function context(parameters: IDataObject) {
	const { ctx } = webhookContext(new TencentCssTrigger(), { parameters, body: '{}' });
	const resolved: string[] = [];
	const original = ctx.getNodeParameter.bind(ctx) as (n: string, f?: unknown, o?: IGetNodeParameterOptions) => unknown;
	Object.defineProperty(ctx, 'getNodeParameter', {
		value: (name: string, fallback?: unknown, options?: IGetNodeParameterOptions) => {
			if (!options?.rawExpressions) resolved.push(name);
			return original(name, fallback, options);
		},
	});
	return { ctx, resolved };
}

describe('readNodeParameter', () => {
	it('takes values without an expression as stored, equal to what getNodeParameter resolves', () => {
		const parameters = { events: ['stream.started', 'stream.stopped'], options: { expiryGraceSeconds: 60, unsignedEventTypes: [314] } };
		const { ctx, resolved } = context(parameters);
		for (const [name, fallback] of [['events', ['*']], ['options', {}], ['registerAutomatically', false], ['missing', 'fallback']] as const) {
			expect(readNodeParameter(ctx, name, fallback)).toEqual(ctx.getNodeParameter(name, fallback));
		}
		resolved.length = 0;
		readNodeParameter(ctx, 'events', ['*']);
		readNodeParameter(ctx, 'options', {});
		expect(resolved).toEqual([]);
	});

	it('sees the defaults n8n fills in for parameters the workflow does not set', () => {
		const { ctx } = context({});
		expect(readNodeParameter(ctx, 'events', ['fallback'])).toEqual(['*']);
		expect(readNodeParameter(ctx, 'registerAutomatically', 'fallback')).toBe(false);
		expect(readNodeParameter(ctx, 'options', 'fallback')).toEqual({});
	});

	it('resolves an expression through n8n, at any depth', () => {
		const { ctx, resolved } = context({
			events: '={{ ["stream." + "started"] }}',
			options: { expiryGraceSeconds: '={{ 6 * 10 }}', maxAheadSeconds: 30 },
		});
		expect(readNodeParameter(ctx, 'events', ['*'])).toEqual(['stream.started']);
		expect(readNodeParameter(ctx, 'options', {})).toEqual({ expiryGraceSeconds: 60, maxAheadSeconds: 30 });
		expect(resolved).toEqual(['events', 'options']);
	});

	it('hands out a copy: changing it leaves the stored parameter alone', () => {
		const { ctx } = context({ events: ['stream.started'], options: { unsignedEventTypes: [314] } });
		const options = readNodeParameter(ctx, 'options', {}) as { unsignedEventTypes: number[] };
		options.unsignedEventTypes.push(328);
		expect(readNodeParameter(ctx, 'options', {})).toEqual({ unsignedEventTypes: [314] });
	});
});

describe('holdsNoExpression agrees with n8n-workflow', () => {
	const values: unknown[] = [
		'plain',
		'=',
		'={{ 1 }}',
		' ={{ 1 }}',
		'a=b',
		'',
		42,
		true,
		null,
		[],
		['a', 'b'],
		['a', '={{ 1 }}'],
		{},
		{ a: 1, b: { c: ['x'] } },
		{ a: 1, b: { c: ['=x'] } },
	];

	it.each(values.map((v) => [JSON.stringify(v), v]))('%s', (_label, value) => {
		const { isExpression } = workflowPackage as unknown as { isExpression: (v: unknown) => boolean };
		if (typeof value === 'string') expect(holdsNoExpression(value)).toBe(!isExpression(value));
		const areStatic = (workflowPackage as unknown as { nodeParametersAreStatic?: (node: { parameters: unknown }) => boolean })
			.nodeParametersAreStatic;
		if (areStatic) expect(holdsNoExpression(value)).toBe(areStatic({ parameters: { value } }));
	});

	it('leaves values nested beyond any node parameter to n8n', () => {
		let deep: unknown = 'x';
		for (let i = 0; i < 40; i++) deep = [deep];
		expect(holdsNoExpression(deep)).toBe(false);
	});
});

describe('an expression in a trigger parameter still works', () => {
	const KEY = 'adasda131312';
	const push = (fixtures.events as Record<string, IDataObject>)['stream.started'];
	const nowSec = 1_800_000_000;
	// t lies 20 minutes in the past: accepted only with a grace window of at least 1200 seconds.
	const body = JSON.stringify({ ...push, t: nowSec - 1200, sign: tencentCssSign(KEY, nowSec - 1200) });
	const credentials = { tencentCssCallbackApi: { callbackKey: KEY } };

	it('the expiry grace as an expression decides like the same number written as a value', async () => {
		setClock(() => nowSec * 1000);
		const answers = [];
		for (const expiryGraceSeconds of [1200, '={{ 20 * 60 }}', 600, '={{ 10 * 60 }}']) {
			const out = await callWebhook(new TencentCssTrigger(), { body, credentials, parameters: { options: { expiryGraceSeconds } } });
			answers.push(out.response.status);
		}
		expect(answers).toEqual([200, 200, 401, 401]);
	});

	it('the Events selection as an expression filters like the list itself', async () => {
		setClock(() => nowSec * 1000);
		const fresh = JSON.stringify({ ...push, t: nowSec + 600, sign: tencentCssSign(KEY, nowSec + 600) });
		const counts = [];
		for (const events of [['stream.stopped'], '={{ ["stream.stopped"] }}', ['stream.started'], '={{ ["stream.started"] }}']) {
			const out = await callWebhook(new TencentCssTrigger(), { body: fresh, credentials, parameters: { events } });
			counts.push(out.items.length);
		}
		expect(counts).toEqual([0, 0, 1, 1]);
	});
});
