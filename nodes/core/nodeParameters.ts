/**
 * Node parameters on the request path, read without n8n's expression engine when they hold no
 * expression (docs/performance.md, "Reading parameters").
 *
 * n8n marks an expression by a string value whose first character is `=` (n8n-workflow's
 * `isExpression`). `getNodeParameter(name, fallback, { rawExpressions: true })` returns the stored
 * value (defaults included: n8n's `Workflow` fills them in) without resolving anything. When that
 * value holds no expression at any depth, resolving it would give the same value, so a copy of it
 * is used; otherwise the parameter is read again the ordinary way, so an expression still works.
 */
import type { IWebhookFunctions } from 'n8n-workflow';

/** Node parameters are shallow; a deeper value is left to n8n rather than walked further. */
const MAX_DEPTH = 16;

/** An expression, or a value too deep to walk: `getNodeParameter` resolves it. */
const DYNAMIC = Symbol('dynamic');

/** A copy of `value`, or DYNAMIC when it holds an expression (a string starting with `=`) at any depth. */
function staticCopy(value: unknown, depth: number): unknown {
	if (typeof value === 'string') return value.charAt(0) === '=' ? DYNAMIC : value;
	if (value === null || typeof value !== 'object') return value;
	if (depth >= MAX_DEPTH) return DYNAMIC;
	if (Array.isArray(value)) {
		const out: unknown[] = [];
		for (const entry of value) {
			const copy = staticCopy(entry, depth + 1);
			if (copy === DYNAMIC) return DYNAMIC;
			out.push(copy);
		}
		return out;
	}
	const out: Record<string, unknown> = {};
	for (const key of Object.keys(value)) {
		const copy = staticCopy((value as Record<string, unknown>)[key], depth + 1);
		if (copy === DYNAMIC) return DYNAMIC;
		// Own-member write: a key such as `__proto__` stays a plain member.
		Object.defineProperty(out, key, { value: copy, enumerable: true, writable: true, configurable: true });
	}
	return out;
}

/** True when `value` holds no n8n expression at any depth. */
export function holdsNoExpression(value: unknown): boolean {
	return staticCopy(value, 0) !== DYNAMIC;
}

/** The node parameter `name` as n8n resolves it, or `fallback` when it is unset. */
export function readNodeParameter(ctx: IWebhookFunctions, name: string, fallback: unknown): unknown {
	const copy = staticCopy(ctx.getNodeParameter(name, fallback, { rawExpressions: true }), 0);
	return copy === DYNAMIC ? ctx.getNodeParameter(name, fallback) : copy;
}
