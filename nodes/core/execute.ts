/**
 * The per-item loop every action node shares: one call per input item, each result paired with its
 * item, provider errors surfaced as NodeApiError/NodeOperationError (with the item's index), and
 * "Continue On Fail" honoured. Also the helpers the operations share: the error for an unknown
 * resource or operation, the provider-refusal error with a hint, and the retry of idempotent reads
 * (docs/protocols/stream-control.md §5).
 */
import type { IDataObject, IExecuteFunctions, INode, INodeExecutionData, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError, sleep } from 'n8n-workflow';

import { attempt } from './attempt';

export type ItemOperation = (itemIndex: number) => Promise<IDataObject | IDataObject[]>;

function asNodeError(ctx: IExecuteFunctions, error: unknown, itemIndex: number): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		if (error.context && error.context.itemIndex === undefined) error.context.itemIndex = itemIndex;
		return error;
	}
	return new NodeOperationError(ctx.getNode(), error as Error, { itemIndex });
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
			const json: IDataObject = { error: failure.message };
			if (typeof failure.description === 'string' && failure.description !== '') json.description = failure.description;
			output.push({ json, pairedItem: { item: itemIndex } });
			continue;
		}
		for (const json of Array.isArray(result) ? result : [result]) {
			output.push({ json, pairedItem: { item: itemIndex } });
		}
	}
	return [output];
}

/**
 * The end of every resource/operation dispatch: a value the node does not know (a workflow from a
 * newer version, a typo in an expression) fails clearly instead of running some other operation.
 */
export function unknownOperation(ctx: { getNode(): INode }, resource: string, operation: string | null, itemIndex: number): NodeOperationError {
	const what = operation === null ? `resource "${resource}"` : `operation "${operation}" of resource "${resource}"`;
	return new NodeOperationError(ctx.getNode(), `This node does not support the ${what}`, {
		itemIndex,
		description: 'Choose a resource and operation from the lists; the value may come from a newer version of the node.',
	});
}

/**
 * A provider's refusal as NodeApiError: message `<Provider> error <code>: <message>`; the
 * description repeats it and adds `hint` (what to do about the common refusals) when given.
 */
export function providerError(
	ctx: { getNode(): INode },
	provider: string,
	code: string,
	message: string,
	raw: IDataObject,
	itemIndex: number,
	httpCode?: number,
	hint?: string,
): NodeApiError {
	const refused = `${provider} refused the request with code ${code}: ${message}`;
	const error = new NodeApiError(ctx.getNode(), raw as JsonObject, {
		message: `${provider} error ${code}: ${message}`,
		description: hint ? `${refused}. ${hint}` : refused,
		httpCode: httpCode !== undefined ? String(httpCode) : undefined,
		itemIndex,
	});
	error.context.providerCode = code;
	return error;
}

/** How many times an idempotent read is tried in all, and the pause before the second try. */
export const READ_ATTEMPTS = 3;
export const READ_RETRY_PAUSE_MS = 400;

/**
 * Runs an idempotent read, trying again (after a short, growing pause) while `isTransient` says the
 * failure is a rate limit or a passing back-end fault. Writes never go through here.
 */
export async function retryRead<T>(
	ctx: { getNode(): INode },
	read: () => Promise<T>,
	isTransient: (error: unknown) => boolean,
): Promise<T> {
	for (let tries = 1; ; tries++) {
		const outcome = await attempt(ctx, read);
		if (outcome.ok) return outcome.value;
		if (tries >= READ_ATTEMPTS || !isTransient(outcome.error)) throw outcome.error;
		await sleep(READ_RETRY_PAUSE_MS * tries);
	}
}

/** The provider code a `providerError` carries, or null for any other error. */
export function providerCode(error: unknown): string | null {
	if (!(error instanceof NodeApiError)) return null;
	const code = error.context?.providerCode;
	return typeof code === 'string' ? code : null;
}

/** "Return All" / "Limit" applied to a full list the provider returned in one answer. */
export function limitList<T>(ctx: IExecuteFunctions, itemIndex: number, list: T[]): T[] {
	const returnAll = ctx.getNodeParameter('returnAll', itemIndex, false) as boolean;
	if (returnAll) return list;
	const limit = ctx.getNodeParameter('limit', itemIndex, 50) as number;
	return list.slice(0, limit);
}

/** The number of results a paged "Get Many" wants: Infinity with Return All, else Limit. */
export function wantedCount(ctx: IExecuteFunctions, itemIndex: number): number {
	if (ctx.getNodeParameter('returnAll', itemIndex, false) as boolean) return Infinity;
	const limit = Number(ctx.getNodeParameter('limit', itemIndex, 50));
	return Number.isFinite(limit) && limit >= 1 ? Math.floor(limit) : 50;
}

/** A required text parameter, trimmed; a clear error names it when it is empty. */
export function requiredText(ctx: IExecuteFunctions, name: string, label: string, itemIndex: number, hint = ''): string {
	const raw = ctx.getNodeParameter(name, itemIndex, '', { extractValue: true }) as unknown;
	const value = raw === undefined || raw === null ? '' : String(raw).trim();
	if (value === '') {
		throw new NodeOperationError(ctx.getNode(), `${label} is empty`, {
			itemIndex,
			description: hint || `Set "${label}", or feed the node an item that carries it.`,
		});
	}
	return value;
}

const DAY_MS = 86_400_000;
const HAS_ZONE = /(?:Z|[+-]\d{2}:?\d{2})$/i;

/**
 * A block's end time as providers want it, `YYYY-MM-DDTHH:MM:SSZ` (UTC), from an ISO text (no zone
 * = UTC), a Date or a Luxon DateTime; undefined when empty. It must lie in the future and at most
 * `maxDays` ahead (both providers: 90 days, docs/protocols/stream-control.md §1.4, §2.2).
 */
export function blockEndTime(ctx: IExecuteFunctions, value: unknown, itemIndex: number, maxDays = 90, now = Date.now()): string | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	let ms = NaN;
	if (value instanceof Date) ms = value.getTime();
	else if (typeof value === 'object' && typeof (value as { toMillis?: unknown }).toMillis === 'function') {
		ms = (value as { toMillis(): number }).toMillis();
	} else if (typeof value === 'string') {
		const text = value.trim();
		ms = Date.parse(HAS_ZONE.test(text) ? text : `${text}Z`);
	}
	if (!Number.isFinite(ms)) {
		throw new NodeOperationError(ctx.getNode(), `"${String(value)}" is not a date and time`, {
			itemIndex,
			description: 'Use an ISO 8601 time such as 2026-01-08T00:00:00Z, or an expression like {{ $now.plus(1, "day") }}.',
		});
	}
	if (ms <= now) {
		throw new NodeOperationError(ctx.getNode(), `The resume time ${new Date(ms).toISOString()} is not in the future`, { itemIndex });
	}
	if (ms > now + maxDays * DAY_MS) {
		throw new NodeOperationError(ctx.getNode(), `The resume time ${new Date(ms).toISOString()} is more than ${maxDays} days ahead`, {
			itemIndex,
			description: `The provider blocks a stream for at most ${maxDays} days.`,
		});
	}
	return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Account ids from a comma/newline-separated text or an array (expressions may give either), deduplicated. */
export function accountList(ctx: IExecuteFunctions, name: string, label: string, itemIndex: number): string[] {
	const raw = ctx.getNodeParameter(name, itemIndex, '') as unknown;
	const parts = Array.isArray(raw) ? raw.map((v) => String(v)) : String(raw ?? '').split(/[,\n]/);
	const accounts = [...new Set(parts.map((p) => p.trim()).filter((p) => p !== ''))];
	if (accounts.length === 0) {
		throw new NodeOperationError(ctx.getNode(), `${label} is empty`, { itemIndex, description: 'Give one user ID, or several separated by commas.' });
	}
	return accounts;
}

/** `list` cut into pieces of at most `size`. */
export function chunks<T>(list: T[], size: number): T[][] {
	const out: T[][] = [];
	for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
	return out;
}
