/**
 * Runs an async step and settles it into a value or an n8n error, so callers can branch on a
 * failure (404 = already gone, 405 = try the other verb) and rethrow it as it is, outside a
 * catch block. Errors that are not NodeApiError/NodeOperationError are wrapped in the latter.
 */
import type { INode } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

export type Settled<T> = { ok: true; value: T } | { ok: false; error: NodeApiError | NodeOperationError };

export async function attempt<T>(ctx: { getNode(): INode }, step: () => Promise<T>): Promise<Settled<T>> {
	try {
		return { ok: true, value: await step() };
	} catch (error) {
		if (error instanceof NodeApiError || error instanceof NodeOperationError) return { ok: false, error };
		return { ok: false, error: new NodeOperationError(ctx.getNode(), error as Error) };
	}
}
