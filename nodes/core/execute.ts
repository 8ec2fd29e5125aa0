/**
 * The per-item loop every action node shares: one call per input item, each result paired with its
 * item, provider errors surfaced as NodeApiError/NodeOperationError, and "Continue On Fail" honoured.
 */
import type { IDataObject, IExecuteFunctions, INode, INodeExecutionData, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

export type ItemOperation = (itemIndex: number) => Promise<IDataObject | IDataObject[]>;

function asNodeError(ctx: IExecuteFunctions, error: unknown, itemIndex: number): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeApiError(ctx.getNode(), error as JsonObject, { itemIndex });
}

export async function runPerItem(ctx: IExecuteFunctions, operation: ItemOperation): Promise<INodeExecutionData[][]> {
	const items = ctx.getInputData();
	const output: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		let failure: NodeApiError | NodeOperationError | undefined;
		let result: IDataObject | IDataObject[] = {};
		try {
			result = await operation(itemIndex);
		} catch (error) {
			failure = asNodeError(ctx, error, itemIndex);
		}
		if (failure) {
			if (!ctx.continueOnFail()) throw failure;
			output.push({
				json: { error: failure.message, description: failure.description ?? null },
				pairedItem: { item: itemIndex },
			});
			continue;
		}
		for (const json of Array.isArray(result) ? result : [result]) {
			output.push({ json, pairedItem: { item: itemIndex } });
		}
	}
	return [output];
}

/** A provider's refusal as NodeApiError: message `<Provider> error <code>: <message>`. */
export function providerError(
	ctx: { getNode(): INode },
	provider: string,
	code: string,
	message: string,
	raw: IDataObject,
	itemIndex: number,
	httpCode?: number,
): NodeApiError {
	return new NodeApiError(ctx.getNode(), raw as JsonObject, {
		message: `${provider} error ${code}: ${message}`,
		description: `${provider} refused the request with code ${code}: ${message}`,
		httpCode: httpCode !== undefined ? String(httpCode) : undefined,
		itemIndex,
	});
}

/** "Return All" / "Limit" applied to a full list the provider returned in one answer. */
export function limitList<T>(ctx: IExecuteFunctions, itemIndex: number, list: T[]): T[] {
	const returnAll = ctx.getNodeParameter('returnAll', itemIndex, false) as boolean;
	if (returnAll) return list;
	const limit = ctx.getNodeParameter('limit', itemIndex, 50) as number;
	return list.slice(0, limit);
}
