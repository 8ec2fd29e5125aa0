/**
 * The trigger's webhook lifecycle (docs/protocols/sigma-live.md, "Registration"): one Sigma webhook
 * per node URL, whose URL carries the token. Workflow static data holds the webhook id, the token's
 * SHA-256 and the events (state.ts), never the token.
 *
 * - `checkExists` only reads: true when Sigma lists exactly one webhook for this node's URL, the
 *   stored one, carrying the stored token and the selected events, and static data is current.
 * - `create` reconciles: adopts a webhook already registered for this URL (its token included),
 *   updates it in place, or creates one; it removes duplicates for this URL.
 * - `remove` deletes with the documented call and confirms by listing; if Sigma still lists the
 *   webhook, the node keeps its state and logs so.
 */
import type { IHookFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { attempt } from '../core/attempt';
import { safeEqual } from '../core/digest';
import type { Registrar } from '../core/registration';
import { newUrlToken } from '../core/signatures';
import { providerEventsFor } from './events';
import { booleanParameter } from './provider';
import { forgetRegistration, readRegistration, writeRegistration } from './state';
import type { StoredRegistration } from './state';
import { isNotFound } from './transport';
import { callbackUri, tokenHash, tokenInUri, uriBase } from './verify';
import {
	createWebhook,
	eventList,
	eventParameter,
	eventsToRemoveAll,
	listAllWebhooks,
	removeWebhookEvents,
	updateWebhook,
} from './webhookApi';
import type { SigmaWebhook } from './webhookApi';

export function registersWebhook(ctx: IHookFunctions): boolean {
	const value = booleanParameter(ctx.getNodeParameter('registerWebhook', true));
	if (value === null) {
		throw new NodeOperationError(ctx.getNode(), 'Register Webhook Automatically must be true or false');
	}
	return value;
}

function nodeUrl(ctx: IHookFunctions): string {
	const url = ctx.getNodeWebhookUrl('default');
	if (!url) throw new NodeOperationError(ctx.getNode(), 'n8n did not give this node a webhook URL');
	return url;
}

function log(ctx: IHookFunctions, level: 'info' | 'warn' | 'error', message: string): void {
	ctx.logger[level](`[${ctx.getNode().name}] ${message}`);
}

/** The provider events the node subscribes to: `["all"]` or a sorted list. */
function wantedEvents(ctx: IHookFunctions): string[] {
	const selected = ctx.getNodeParameter('events', ['*']) as string[];
	return eventList(eventParameter(providerEventsFor(selected)));
}

function sameEvents(a: readonly string[], b: readonly string[]): boolean {
	return a.length === b.length && a.every((e, i) => e === b[i]);
}

function carriesToken(webhook: SigmaWebhook, hash: string | null): boolean {
	const token = tokenInUri(webhook.uri);
	return hash !== null && token !== null && safeEqual(tokenHash(token), hash);
}

/** Remote webhooks pointing at this node's URL (whatever token they carry). */
async function ourWebhooks(ctx: IHookFunctions, url: string): Promise<SigmaWebhook[]> {
	const all = await listAllWebhooks(ctx);
	return all.filter((webhook) => uriBase(webhook.uri) === url);
}

/** The documented delete for each webhook; 404 means it is gone already. */
async function deleteEach(ctx: IHookFunctions, webhooks: readonly SigmaWebhook[]): Promise<void> {
	for (const webhook of webhooks) {
		const outcome = await removeWebhookEvents(ctx, webhook.id, eventsToRemoveAll(webhook));
		if (outcome === 'not_found') log(ctx, 'info', `Sigma webhook ${webhook.id} was already gone`);
	}
}

interface SigmaWant {
	/** This node's webhook URL (production or test), without the token. */
	url: string;
	/** `["all"]` or a sorted list of provider events. */
	events: string[];
}

async function isCurrent(ctx: IHookFunctions, stored: StoredRegistration, want: SigmaWant): Promise<boolean> {
	// A first-release layout (plain-text token) is rewritten by create().
	if (stored.legacy || stored.webhookId === null || stored.tokenHash === null) return false;
	const ours = await ourWebhooks(ctx, want.url);
	if (ours.length !== 1) return false;
	const [webhook] = ours;
	return webhook.id === stored.webhookId && carriesToken(webhook, stored.tokenHash) && sameEvents(webhook.event, want.events);
}

async function create(ctx: IHookFunctions, want: SigmaWant, previous?: StoredRegistration): Promise<StoredRegistration> {
	const stored = previous ?? readRegistration({});
	const { url, events } = want;
	const ours = await ourWebhooks(ctx, url);

	const keeper =
		ours.find((w) => w.id === stored.webhookId) ??
		ours.find((w) => carriesToken(w, stored.tokenHash)) ??
		ours.find((w) => tokenInUri(w.uri) !== null) ??
		ours[0];
	const extras = ours.filter((w) => w !== keeper);
	if (extras.length > 0) {
		await deleteEach(ctx, extras);
		const left = await ourWebhooks(ctx, url);
		for (const w of extras) {
			if (left.some((l) => l.id === w.id)) {
				log(ctx, 'warn', `Sigma still lists the duplicate webhook ${w.id} for ${url} after the delete call`);
			} else {
				log(ctx, 'info', `Removed a duplicate Sigma webhook ${w.id} for ${url}`);
			}
		}
	}

	// The token Sigma already calls with is kept; a webhook without one (registered by hand) gets one.
	let token = keeper ? tokenInUri(keeper.uri) : null;
	let webhook: SigmaWebhook | null = null;
	if (keeper && token !== null && sameEvents(keeper.event, events)) {
		webhook = keeper;
		if (keeper.id !== stored.webhookId) log(ctx, 'info', `Adopted the Sigma webhook ${keeper.id} already registered for ${url}`);
	} else if (keeper) {
		token ??= newUrlToken();
		const uri = callbackUri(url, token);
		const updated = await attempt(ctx, async () => await updateWebhook(ctx, keeper.id, uri, events));
		if (updated.ok) webhook = updated.value;
		else if (isNotFound(updated.error)) log(ctx, 'warn', `Sigma webhook ${keeper.id} is gone; registering the URL again`);
		else throw updated.error;
	}
	if (webhook === null) {
		token ??= newUrlToken();
		webhook = await createWebhook(ctx, callbackUri(url, token), events);
	}
	if (webhook.id === '' || token === null) {
		throw new NodeOperationError(ctx.getNode(), 'Sigma answered the webhook creation without an id', {
			description: 'The webhook may exist without the node knowing it: check GET /v1/webhook',
		});
	}
	return { webhookId: webhook.id, tokenHash: tokenHash(token), events, legacy: false };
}

async function remove(ctx: IHookFunctions, stored: StoredRegistration): Promise<void | false> {
	const url = nodeUrl(ctx);
	const ours = await ourWebhooks(ctx, url);
	if (stored.webhookId !== null && !ours.some((w) => w.id === stored.webhookId)) {
		log(ctx, 'info', `Sigma webhook ${stored.webhookId} was already gone`);
	}
	if (ours.length === 0) return;
	await deleteEach(ctx, ours);
	const left = await ourWebhooks(ctx, url);
	if (left.length === 0) return;
	const ids = left.map((w) => w.id).join(', ');
	log(
		ctx,
		'error',
		`Sigma still lists webhook ${ids} for ${url} after the documented delete (GET /v1/webhook/{id}?event=…). ` +
			'The node keeps its registration, so the next publish adopts it and the next unpublish tries again; ' +
			'delete it in Sigma to stop its callbacks',
	);
	return false;
}

export const sigmaRegistrar: Registrar<SigmaWant, StoredRegistration> = {
	enabled: registersWebhook,
	// n8n calls the hooks for the test URL during "Listen for test event": Sigma is told at once.
	activeInTestMode: true,
	// state.ts's layout (first-release keys included). `read` always answers, with nulls when
	// nothing is stored, so `delete` also removes this URL's webhooks after static data was lost.
	storage: {
		read: (ctx) => readRegistration(ctx.getWorkflowStaticData('node')),
		write: (ctx, stored) => writeRegistration(ctx.getWorkflowStaticData('node'), stored),
		clear: (ctx) => forgetRegistration(ctx.getWorkflowStaticData('node')),
	},
	want: (ctx) => ({ url: nodeUrl(ctx), events: wantedEvents(ctx) }),
	isCurrent,
	// create() adopts this URL's webhooks (and the token they carry) instead of replacing them.
	updatesInPlace: true,
	conflicts: async () => [],
	refusal: () => 'Sigma holds any number of webhooks: nothing is in the way',
	create,
	remove,
};
