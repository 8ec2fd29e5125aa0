/**
 * Sigma's webhook resource (research peers.md A2): create, list with paging, update, delete.
 * Used by the trigger's registration and by the Sigma Live action node.
 */
import type { IDataObject } from 'n8n-workflow';

import { attempt } from '../core/attempt';
import { isJsonObject, toStringOrNull } from '../core/convert';
import { SIGMA_PROVIDER_EVENTS } from './events';
import type { SigmaProviderEvent } from './events';
import { collectAllPages, isMethodUnsupported, isNotFound, listFrom, sigmaApiRequest } from './transport';
import type { SigmaContext } from './transport';

export { SIGMA_PROVIDER_EVENTS };
export type { SigmaProviderEvent };

export interface SigmaWebhook extends IDataObject {
	id: string;
	uri: string;
	event: string[];
}

export interface WebhookPage {
	webhooks: SigmaWebhook[];
	total: number | null;
	page: number;
	length: number;
}

/** The `event` value Sigma takes: `all`, or a comma-separated list. Empty means all. */
export function eventParameter(events: readonly string[]): string {
	const list = [...new Set(events.map((e) => e.trim()).filter((e) => e !== ''))];
	return list.length === 0 || list.includes('all') ? 'all' : list.join(',');
}

/** The events a webhook carries, as a sorted list (`["all"]` for all). */
export function eventList(value: unknown): string[] {
	const raw = Array.isArray(value) ? value.map(String) : typeof value === 'string' ? value.split(',') : [];
	const list = [...new Set(raw.map((e) => e.trim()).filter((e) => e !== ''))].sort();
	const coversAll =
		list.includes('all') || SIGMA_PROVIDER_EVENTS.every((event) => list.includes(event));
	return coversAll ? ['all'] : list;
}

export function toWebhook(value: unknown): SigmaWebhook | null {
	if (!isJsonObject(value)) return null;
	const object = value;
	const id = toStringOrNull(object.id ?? object._id);
	if (id === null) return null;
	return { ...object, id, uri: String(object.uri ?? object.url ?? ''), event: eventList(object.event) };
}

export async function listWebhooks(
	this: SigmaContext,
	page: number,
	length: number,
	events: readonly string[] = [],
): Promise<WebhookPage> {
	const qs: IDataObject = { page, length };
	if (events.length > 0) qs.event = events.join(',');
	const answer = await sigmaApiRequest.call(this, 'GET', '/v1/webhook', { qs });
	const { items, total } = listFrom(answer);
	const webhooks = items.map(toWebhook).filter((w): w is SigmaWebhook => w !== null);
	return { webhooks, total, page, length };
}

/** Every webhook, all pages. */
export async function listAllWebhooks(
	this: SigmaContext,
	events: readonly string[] = [],
): Promise<SigmaWebhook[]> {
	return await collectAllPages(async (page, length) => {
		const result = await listWebhooks.call(this, page, length, events);
		return { items: result.webhooks, total: result.total };
	}, (webhook) => webhook.id);
}

export async function createWebhook(
	this: SigmaContext,
	uri: string,
	events: readonly string[],
): Promise<SigmaWebhook> {
	const answer = await sigmaApiRequest.call(this, 'POST', '/v1/webhook', {
		body: { uri, event: eventParameter(events) },
	});
	const webhook = toWebhook(answer);
	if (webhook === null) {
		return { id: '', uri, event: eventList(eventParameter(events)), ...(answer as IDataObject) };
	}
	return webhook;
}

export async function updateWebhook(
	this: SigmaContext,
	id: string,
	uri: string,
	events: readonly string[],
): Promise<SigmaWebhook> {
	const answer = await sigmaApiRequest.call(this, 'PUT', `/v1/webhook/${encodeURIComponent(id)}`, {
		body: { uri, event: eventParameter(events) },
	});
	return toWebhook(answer) ?? { id, uri, event: eventList(eventParameter(events)) };
}

export type DeleteOutcome = 'deleted' | 'not_found';

/**
 * Deletes a webhook, or only some of its events. Tries `DELETE /v1/webhook/{id}`; when the server
 * does not offer that verb (404/405/501), uses the documented `GET /v1/webhook/{id}?event=…`.
 * A 404 on the documented route means the webhook is already gone.
 */
export async function deleteWebhook(
	this: SigmaContext,
	id: string,
	events: readonly string[] = [],
): Promise<DeleteOutcome> {
	const path = `/v1/webhook/${encodeURIComponent(id)}`;
	const qs: IDataObject = events.length > 0 ? { event: events.join(',') } : {};
	const viaDelete = await attempt(this, async () => await sigmaApiRequest.call(this, 'DELETE', path, { qs }));
	if (viaDelete.ok) return 'deleted';
	if (!isMethodUnsupported(viaDelete.error)) throw viaDelete.error;
	const viaGet = await attempt(this, async () => await sigmaApiRequest.call(this, 'GET', path, { qs }));
	if (viaGet.ok) return 'deleted';
	if (isNotFound(viaGet.error)) return 'not_found';
	throw viaGet.error;
}
