/**
 * `responseMode` and `responseData` of a trigger's webhook description as functions of the node's
 * parameters. n8n evaluates both for every request. Declared with n8n-workflow's native resolvers
 * where the host has them (n8n 2.40 and 2.41 do), n8n reads them from the parameters without its
 * expression engine (so with N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE a callback takes no sandbox before
 * its execution: docs/performance.md). Older hosts evaluate the same functions as template strings.
 *
 * The functions must be self-contained arrow functions: their source text is also the expression an
 * n8n without native resolvers evaluates, so they may name nothing outside themselves (no imports,
 * no constants, no optional chaining, which TypeScript would compile into an outer helper variable).
 */
import type { INodeParameters, IWebhookDescription } from 'n8n-workflow';
import { fromFunction, webhookDescriptionFields } from 'n8n-workflow';

export type ResponseFields = Pick<IWebhookDescription, 'responseMode' | 'responseData'>;

/** n8n-workflow's own template format for a function of the parameters (`fromFunction`). */
const template = <P>(fn: (p: P) => string): string => `={{(${String(fn)})($parameter)}}`;

export function parameterResponseFields<P extends INodeParameters>(
	responseMode: (p: P) => string,
	responseData: (p: P) => string,
): ResponseFields {
	return typeof webhookDescriptionFields === 'function' && typeof fromFunction === 'function'
		? webhookDescriptionFields({ responseMode: fromFunction(responseMode), responseData: fromFunction(responseData) })
		: { responseMode: template(responseMode), responseData: template(responseData) };
}
