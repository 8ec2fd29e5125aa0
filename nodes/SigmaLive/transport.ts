/**
 * The one request helper both Sigma nodes use (docs/protocols/sigma-live.md, "Webhook API"): HTTP
 * Basic through n8n's authenticated request helper, the `{ ec, data, msg }` envelope unwrapped (bare
 * bodies accepted, `ec != 0` is an error even on HTTP 200), and failures as NodeApiError carrying
 * Sigma's `msg`.
 */
import type {
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { isJsonObject, toNumber } from '../core/convert';

export const SIGMA_CREDENTIAL_TYPE = 'sigmaLiveApi';

export type SigmaContext = IHookFunctions | IExecuteFunctions | ILoadOptionsFunctions;

export interface SigmaRequest {
	qs?: IDataObject;
	body?: IDataObject;
}

/** The base URL without trailing slashes; http and https only. */
export function normalizeBaseUrl(value: unknown): string | null {
	if (typeof value !== 'string') return null;
	const trimmed = value.trim().replace(/\/+$/, '');
	return /^https?:\/\/[^\s/]+/i.test(trimmed) ? trimmed : null;
}

/** True for a `{ ec, ... }` envelope (ec a number or numeric string). */
export function isEnvelope(value: unknown): value is IDataObject {
	return isJsonObject(value) && value.ec !== undefined && value.ec !== null && Number.isFinite(Number(value.ec));
}

/** A failed request's HTTP status and body, whatever layer of n8n wrapped it. */
export function failureDetails(error: unknown): { status: number | null; body: unknown } {
	const e = error as {
		httpCode?: string | null;
		response?: { status?: number; data?: unknown; body?: unknown };
		cause?: { response?: { status?: number; data?: unknown; body?: unknown }; status?: number };
		status?: number;
	};
	const response = e?.cause?.response ?? e?.response;
	const status = Number(response?.status ?? e?.cause?.status ?? e?.httpCode ?? e?.status);
	return {
		status: Number.isFinite(status) && status > 0 ? status : null,
		body: response?.data ?? response?.body,
	};
}

/** Sigma's `msg` in an answer body (JSON object or JSON text), or null. */
export function sigmaMessage(body: unknown): string | null {
	let value = body;
	if (typeof body === 'string') {
		try {
			value = JSON.parse(body);
		} catch {
			return body.trim() === '' ? null : body.trim().slice(0, 300);
		}
	}
	if (isJsonObject(value) && typeof value.msg === 'string' && value.msg !== '') return value.msg;
	if (isJsonObject(value) && typeof value.message === 'string' && value.message !== '') return value.message;
	return null;
}

/** The error a caller sees: Sigma's `msg` when there is one, the HTTP status otherwise. */
export function sigmaApiError(
	ctx: SigmaContext,
	error: unknown,
	what: string,
): NodeApiError {
	const { status, body } = failureDetails(error);
	const msg = sigmaMessage(body);
	const statusText = status === null ? 'no HTTP answer' : `HTTP ${status}`;
	const message = msg ? `Sigma API: ${msg} (${statusText})` : `Sigma API request failed (${statusText})`;
	const cause = (error as Error | undefined)?.message;
	return new NodeApiError(ctx.getNode(), (isJsonObject(body) ? body : { message: cause ?? statusText }) as JsonObject, {
		message,
		description: `${what}${cause && !msg ? `: ${cause}` : ''}`,
		httpCode: status === null ? undefined : String(status),
	});
}

/**
 * Sends one request to the Sigma API server of the node's credential and returns the unwrapped
 * `data` (or the bare body when the server sends no envelope).
 */
export async function sigmaApiRequest(
	ctx: SigmaContext,
	method: IHttpRequestMethods,
	path: string,
	request: SigmaRequest = {},
): Promise<unknown> {
	const credentials = await ctx.getCredentials(SIGMA_CREDENTIAL_TYPE);
	const baseUrl = normalizeBaseUrl(credentials.baseUrl);
	const what = `${method} ${path}`;
	if (baseUrl === null) {
		throw new NodeApiError(ctx.getNode(), { message: 'invalid base URL' } as JsonObject, {
			message: 'The Sigma credential needs a Base URL starting with http:// or https://',
		});
	}
	const options: IHttpRequestOptions = { method, url: `${baseUrl}${path}`, json: true };
	if (request.qs && Object.keys(request.qs).length > 0) options.qs = request.qs;
	if (request.body !== undefined) options.body = request.body;

	let response: unknown;
	try {
		response = await ctx.helpers.httpRequestWithAuthentication.call(ctx, SIGMA_CREDENTIAL_TYPE, options);
	} catch (error) {
		throw sigmaApiError(ctx, error, what);
	}
	if (typeof response === 'string' && response.trim() !== '') {
		try {
			response = JSON.parse(response);
		} catch {
			return response;
		}
	}
	if (isEnvelope(response)) {
		if (Number(response.ec) !== 0) {
			throw new NodeApiError(ctx.getNode(), response as JsonObject, {
				message: `Sigma API: ${sigmaMessage(response) ?? `error code ${String(response.ec)}`} (ec ${String(response.ec)})`,
				description: what,
			});
		}
		return response.data ?? {};
	}
	return response ?? {};
}

/** True when `error` (thrown by sigmaApiRequest) is an HTTP 404. */
export function isNotFound(error: unknown): boolean {
	return failureDetails(error).status === 404;
}

/** The API's page size limit (`length` 1–100). */
export const MAX_PAGE_LENGTH = 100;
/** A bound on return-all paging, so a server that ignores `page` cannot loop us forever. */
export const MAX_PAGES = 1000;

/** A list answer: `{ data: [...], total, length, page }`, or a bare array from a server that sends one. */
export function listFrom(value: unknown): { items: unknown[]; total: number | null } {
	if (Array.isArray(value)) return { items: value, total: null };
	if (isJsonObject(value)) {
		for (const key of ['data', 'items', 'results']) {
			if (Array.isArray(value[key])) return { items: value[key] as unknown[], total: toNumber(value.total) };
		}
	}
	return { items: [], total: null };
}

/**
 * Every item of a paged list: pages of MAX_PAGE_LENGTH from page 0 until a short page, a page
 * adding nothing new (by `key`), the reported total, or MAX_PAGES.
 */
export async function collectAllPages<T>(
	fetchPage: (page: number, length: number) => Promise<{ items: T[]; total: number | null }>,
	key: (item: T) => string,
): Promise<T[]> {
	const all: T[] = [];
	const seen = new Set<string>();
	for (let page = 0; page < MAX_PAGES; page++) {
		const { items, total } = await fetchPage(page, MAX_PAGE_LENGTH);
		let added = 0;
		for (const item of items) {
			const id = key(item);
			if (seen.has(id)) continue;
			seen.add(id);
			all.push(item);
			added++;
		}
		if (items.length < MAX_PAGE_LENGTH || added === 0) break;
		if (total !== null && all.length >= total) break;
	}
	return all;
}
