/**
 * Sigma's webhook resource (docs/protocols/sigma-live.md, "Webhook API"): create, list with paging,
 * update, and the documented delete confirmed by listing.
 * Used by the trigger's registration and by the Sigma Live action node.
 */
import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { attempt } from '../core/attempt';
import { isJsonObject, toStringOrNull } from '../core/convert';
import { SIGMA_PROVIDER_EVENTS } from './events';
import type { SigmaProviderEvent } from './events';
import { collectAllPages, isNotFound, listFrom, sigmaApiRequest } from './transport';
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
	ctx: SigmaContext,
	page: number,
	length: number,
	events: readonly string[] = [],
): Promise<WebhookPage> {
	const qs: IDataObject = { page, length };
	if (events.length > 0) qs.event = events.join(',');
	const answer = await sigmaApiRequest(ctx, 'GET', '/v1/webhook', { qs });
	const { items, total } = listFrom(answer);
	const webhooks = items.map(toWebhook).filter((w): w is SigmaWebhook => w !== null);
	return { webhooks, total, page, length };
}

/** Every webhook, all pages. */
export async function listAllWebhooks(
	ctx: SigmaContext,
	events: readonly string[] = [],
): Promise<SigmaWebhook[]> {
	return await collectAllPages(async (page, length) => {
		const result = await listWebhooks(ctx, page, length, events);
		return { items: result.webhooks, total: result.total };
	}, (webhook) => webhook.id);
}

export async function createWebhook(
	ctx: SigmaContext,
	uri: string,
	events: readonly string[],
): Promise<SigmaWebhook> {
	const answer = await sigmaApiRequest(ctx, 'POST', '/v1/webhook', {
		body: { uri, event: eventParameter(events) },
	});
	const webhook = toWebhook(answer);
	if (webhook === null) {
		return { id: '', uri, event: eventList(eventParameter(events)), ...(answer as IDataObject) };
	}
	return webhook;
}

export async function updateWebhook(
	ctx: SigmaContext,
	id: string,
	uri: string,
	events: readonly string[],
): Promise<SigmaWebhook> {
	const answer = await sigmaApiRequest(ctx, 'PUT', `/v1/webhook/${encodeURIComponent(id)}`, {
		body: { uri, event: eventParameter(events) },
	});
	return toWebhook(answer) ?? { id, uri, event: eventList(eventParameter(events)) };
}

/**
 * The events to name in the documented delete so that the whole webhook goes: the events Sigma
 * lists for it, with "all" (or an empty list) spelled out as the documented event names.
 */
export function eventsToRemoveAll(webhook: SigmaWebhook): string[] {
	return webhook.event.length === 0 || webhook.event.includes('all') ? [...SIGMA_PROVIDER_EVENTS] : [...webhook.event];
}

/**
 * The documented delete (docs/protocols/sigma-live.md, "Delete"): `GET /v1/webhook/{id}?event=a,b`
 * removes those events from the webhook. `answered` means Sigma answered 2xx, not that anything is
 * gone: callers confirm by listing. Never sent without `event` (that would be a plain read).
 */
export async function removeWebhookEvents(
	ctx: SigmaContext,
	id: string,
	events: readonly string[],
): Promise<'answered' | 'not_found'> {
	const list = [...new Set(events.map((e) => e.trim()).filter((e) => e !== ''))];
	if (list.length === 0) {
		throw new NodeOperationError(ctx.getNode(), 'No events to remove from the Sigma webhook');
	}
	const path = `/v1/webhook/${encodeURIComponent(id)}`;
	const sent = await attempt(ctx, async () => await sigmaApiRequest(ctx, 'GET', path, { qs: { event: list.join(',') } }));
	if (sent.ok) return 'answered';
	if (isNotFound(sent.error)) return 'not_found';
	throw sent.error;
}

/** The webhook with this id as Sigma lists it (all pages), or null. */
export async function findWebhook(ctx: SigmaContext, id: string): Promise<SigmaWebhook | null> {
	const all = await listAllWebhooks(ctx);
	return all.find((webhook) => webhook.id === id) ?? null;
}

export type DeleteOutcome = 'deleted' | 'not_found';

/**
 * Deletes a webhook, or only some of its events, with the documented call, then lists to confirm:
 * the webhook is gone (whole delete) or lists none of the removed events. Throws when Sigma still
 * lists them, so that nothing is reported deleted that is not.
 */
export async function deleteWebhook(
	ctx: SigmaContext,
	id: string,
	events: readonly string[] = [],
): Promise<DeleteOutcome> {
	const before = await findWebhook(ctx, id);
	if (before === null) return 'not_found';
	const whole = events.length === 0;
	const toRemove = whole ? eventsToRemoveAll(before) : [...events];
	if ((await removeWebhookEvents(ctx, id, toRemove)) === 'not_found') return 'not_found';
	const after = await findWebhook(ctx, id);
	const remains =
		after !== null && (whole || after.event.includes('all') || toRemove.some((e) => after.event.includes(e)));
	if (remains) {
		throw new NodeOperationError(ctx.getNode(), `Sigma still lists webhook "${id}" after the delete call`, {
			description: `GET /v1/webhook/${id}?event=${toRemove.join(',')} was answered with success, but the webhook list still shows ${whole ? 'the webhook' : 'those events'} (events now: ${after.event.join(',') || 'none'})`,
		});
	}
	return 'deleted';
}
