/**
 * The trigger's webhook lifecycle (n8n-conventions.md §2.2): one remote webhook per node URL, its
 * id and URL token in the node's static data. `checkExists` trusts the remote list, not static
 * data alone, so restarts, re-activations and lost static data neither duplicate nor orphan hooks.
 */
import type { IDataObject, IHookFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { attempt } from '../core/attempt';
import { newUrlToken } from '../core/signatures';
import { providerEventsFor } from './events';
import { callbackUri, tokenInUri, uriBase } from './verify';
import { isNotFound } from './transport';
import {
	createWebhook,
	deleteWebhook,
	eventList,
	eventParameter,
	listAllWebhooks,
	updateWebhook,
} from './webhookApi';
import type { SigmaWebhook } from './webhookApi';

/** What the node keeps in `getWorkflowStaticData('node')`. */
export interface RegistrationState extends IDataObject {
	webhookId?: string;
	webhookUri?: string;
	urlToken?: string;
	webhookEvents?: string[];
}

export function registersWebhook(ctx: IHookFunctions): boolean {
	return ctx.getNodeParameter('registerWebhook', true) !== false;
}

function state(ctx: IHookFunctions): RegistrationState {
	return ctx.getWorkflowStaticData('node') as RegistrationState;
}

function nodeUrl(ctx: IHookFunctions): string {
	const url = ctx.getNodeWebhookUrl('default');
	if (!url) throw new NodeOperationError(ctx.getNode(), 'n8n did not give this node a webhook URL');
	return url;
}

/** The provider events the node subscribes to: `["all"]` or a sorted list. */
function wantedEvents(ctx: IHookFunctions): string[] {
	const selected = ctx.getNodeParameter('events', ['*']) as string[];
	return eventList(eventParameter(providerEventsFor(selected)));
}

function sameEvents(a: readonly string[], b: readonly string[]): boolean {
	return a.length === b.length && a.every((e, i) => e === b[i]);
}

function forget(data: RegistrationState): void {
	delete data.webhookId;
	delete data.webhookUri;
	delete data.urlToken;
	delete data.webhookEvents;
}

/** Remote webhooks pointing at this node's URL (whatever token they carry). */
async function ourWebhooks(ctx: IHookFunctions, url: string): Promise<SigmaWebhook[]> {
	const all = await listAllWebhooks.call(ctx);
	return all.filter((webhook) => uriBase(webhook.uri) === url);
}

export async function checkExists(this: IHookFunctions): Promise<boolean> {
	if (!registersWebhook(this)) return true;
	const data = state(this);
	const url = nodeUrl(this);
	const ours = await ourWebhooks(this, url);

	const keeper =
		ours.find((w) => data.webhookId !== undefined && w.id === data.webhookId) ??
		ours.find((w) => data.urlToken !== undefined && tokenInUri(w.uri) === data.urlToken) ??
		ours[0];
	for (const extra of ours) {
		if (extra === keeper) continue;
		await deleteWebhook.call(this, extra.id);
		this.logger.info(`[${this.getNode().name}] Removed a duplicate Sigma webhook ${extra.id} for ${url}`);
	}
	if (keeper === undefined) {
		forget(data);
		return false;
	}

	const token = tokenInUri(keeper.uri);
	data.webhookId = keeper.id;
	if (token === null) {
		// Registered without a token (by hand?): create() updates it with one.
		delete data.urlToken;
		return false;
	}
	data.urlToken = token;
	data.webhookUri = keeper.uri;
	data.webhookEvents = keeper.event;
	// Another event selection: create() updates the webhook in place.
	return sameEvents(keeper.event, wantedEvents(this));
}

export async function create(this: IHookFunctions): Promise<boolean> {
	if (!registersWebhook(this)) return true;
	const data = state(this);
	const token = typeof data.urlToken === 'string' && data.urlToken !== '' ? data.urlToken : newUrlToken();
	const uri = callbackUri(nodeUrl(this), token);
	const events = wantedEvents(this);

	let webhook: SigmaWebhook | null = null;
	if (typeof data.webhookId === 'string' && data.webhookId !== '') {
		const id = data.webhookId;
		const updated = await attempt(this, async () => await updateWebhook.call(this, id, uri, events));
		if (updated.ok) webhook = updated.value;
		else if (isNotFound(updated.error)) {
			this.logger.warn(`[${this.getNode().name}] Sigma webhook ${id} is gone; registering the URL again`);
		} else throw updated.error;
	}
	webhook ??= await createWebhook.call(this, uri, events);
	if (webhook.id === '') {
		throw new NodeOperationError(this.getNode(), 'Sigma answered the webhook creation without an id', {
			description: 'The webhook may exist without the node knowing it: check GET /v1/webhook',
		});
	}
	data.webhookId = webhook.id;
	data.webhookUri = uri;
	data.urlToken = token;
	data.webhookEvents = events;
	return true;
}

export async function remove(this: IHookFunctions): Promise<boolean> {
	if (!registersWebhook(this)) return true;
	const data = state(this);
	const ids =
		typeof data.webhookId === 'string' && data.webhookId !== ''
			? [data.webhookId]
			: (await ourWebhooks(this, nodeUrl(this))).map((w) => w.id);
	for (const id of ids) {
		const outcome = await deleteWebhook.call(this, id);
		if (outcome === 'not_found') {
			this.logger.info(`[${this.getNode().name}] Sigma webhook ${id} was already gone`);
		}
	}
	forget(data);
	return true;
}
