/**
 * The one path every trigger's `webhook()` takes: raw body → exact JSON object → provider settings
 * → verification → parse → event filter → answer and item. Rejections and filtered events answer
 * without starting an execution, and nothing here throws into n8n.
 */
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INode,
	INodeExecutionData,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import { answerJson, CONFIGURATION_ERROR_BODY, rejectionBody } from './answers';
import { now } from './clock';
import { cachedCredentials } from './credentialCache';
import { passesFilters, readFilters } from './filters';
import { buildItem } from './item';
import type { NormalizedItem } from './item';
import { parseJsonObjectBody } from './json';
import { readNodeParameter } from './nodeParameters';
import type { CallbackProvider, CallbackRequest, TriggerInputs } from './provider';

/** The raw bytes n8n kept for the request; reads them when n8n has not yet. */
async function readRaw(ctx: IWebhookFunctions): Promise<Buffer | string | IDataObject> {
	const req = ctx.getRequestObject();
	if (req.rawBody === undefined && typeof req.readRawBody === 'function') await req.readRawBody();
	if (req.rawBody !== undefined && req.rawBody !== null) return req.rawBody;
	// No raw bytes (an unusual host): fall back to n8n's own parse of the body.
	return ctx.getBodyData();
}

/** True when `event` passes the node's "Events" selection. */
export function isSelected(event: string, selected: unknown): boolean {
	if (!Array.isArray(selected)) return true;
	return selected.length === 0 || selected.includes('*') || selected.includes(event);
}

/**
 * The node's callback credential, or null when the node has none selected. Outside test mode it
 * comes from the per-process cache (core/credentialCache.ts); "Listen for test event" always loads
 * it, so an edited credential shows at once while testing.
 */
async function callbackCredentials(
	ctx: IWebhookFunctions,
	node: INode,
	type: string | null,
): Promise<Readonly<ICredentialDataDecryptedObject> | null> {
	const selected = type === null ? undefined : node.credentials?.[type];
	if (type === null || !selected) return null;
	const load = async () => await ctx.getCredentials<ICredentialDataDecryptedObject>(type);
	const workflowId = ctx.getWorkflow().id;
	if (ctx.getMode() === 'manual' || !selected.id || !workflowId) return await load();
	return await cachedCredentials(
		{ workflowId: String(workflowId), nodeId: node.id ?? node.name, type, credentialId: selected.id },
		load,
	);
}

async function triggerInputs(ctx: IWebhookFunctions, node: INode, credentialType: string | null): Promise<TriggerInputs> {
	return {
		parameter: (name, fallback) => readNodeParameter(ctx, name, fallback),
		credentials: await callbackCredentials(ctx, node, credentialType),
		staticData: () => ctx.getWorkflowStaticData('node'),
	};
}

export async function receiveCallback<S>(
	ctx: IWebhookFunctions,
	provider: CallbackProvider<S>,
): Promise<IWebhookResponseData> {
	const nowMs = now();
	const { id } = provider;
	// One copy of the node per request (n8n copies it on every getNode()).
	const node = ctx.getNode();
	const log = (message: string) => ctx.logger.warn(`[${node.name}] ${message}`);
	try {
		const raw = await readRaw(ctx);
		const parse =
			typeof raw === 'string' || Buffer.isBuffer(raw) ? parseJsonObjectBody(raw) : { ok: true as const, body: raw };
		if (!parse.ok) {
			log(`Rejected a ${id} callback (400): ${parse.reason}`);
			return answerJson(ctx, 400, rejectionBody(400, parse.reason));
		}
		const body = parse.body;

		const configured = provider.configure(await triggerInputs(ctx, node, provider.credentialType));
		if (!configured.ok) {
			// Fail closed: nothing is checked against a setting that cannot be read. 500 makes the
			// provider retry, so the callback is not lost once the node is fixed.
			ctx.logger.error(`[${node.name}] Refused a ${id} callback: ${configured.reason}`);
			return answerJson(ctx, 500, CONFIGURATION_ERROR_BODY);
		}
		const settings = configured.settings;

		const request: CallbackRequest = {
			body,
			query: ctx.getQueryData() as IDataObject,
			headers: ctx.getHeaderData() as IDataObject,
			nowMs,
		};
		const verdict = provider.verify(request, settings);
		if (!verdict.ok) {
			log(
				`Rejected a ${id} callback (${verdict.status}): ${verdict.reason}` +
					(verdict.logHint ? `. ${verdict.logHint}` : ''),
			);
			return answerJson(ctx, verdict.status, rejectionBody(verdict.status, verdict.reason));
		}
		if (verdict.note) log(`Accepted a ${id} callback with a warning: ${verdict.note}`);

		const parsed = provider.parse(request, settings);
		if (
			!isSelected(parsed.event, readNodeParameter(ctx, 'events', ['*'])) ||
			!passesFilters(parsed, readFilters(readNodeParameter(ctx, 'filters', {})))
		) {
			// Left out by the node's Events or Filters: acknowledged, so the provider does not retry.
			return answerJson(ctx, 200, provider.successBody);
		}

		const item: NormalizedItem = buildItem(id, parsed, body, {
			authenticated: verdict.authenticated,
			receivedAt: new Date(nowMs).toISOString(),
			volatileKeys: provider.volatileKeys,
		});
		const workflowData: INodeExecutionData[][] = [[{ json: item }]];
		if (provider.answerFromWorkflow?.(request, settings, parsed)) return { workflowData };
		if (provider.answerAtOnce?.(settings)) {
			answerJson(ctx, 200, provider.successBody);
			return { workflowData, noWebhookResponse: true };
		}
		// n8n sends this body once it has stored the execution (responseData '' in the description),
		// so a callback n8n cannot store is answered 500 and retried by the provider, not lost.
		return { workflowData, webhookResponse: provider.successBody };
	} catch (error) {
		// An unexpected fault: answer 500 so that the provider retries later; never lose the event silently.
		ctx.logger.error(`[${node.name}] Could not process a ${id} callback`, {
			error: (error as Error).message,
		});
		return answerJson(ctx, 500, { error: 'internal_error' });
	}
}
