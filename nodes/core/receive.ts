/**
 * The one path every trigger's `webhook()` takes: raw body → exact JSON object → provider check and
 * parse → event filter → answer and item. Rejections and filtered events answer without starting an
 * execution, and nothing here throws into n8n.
 */
import type {
	IDataObject,
	INodeExecutionData,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import { answerJson, rejectionBody, SUCCESS_BODIES } from './answers';
import type { ProviderId, RejectionStatus } from './answers';
import { buildItem } from './item';
import type { Authenticated, NormalizedItem, ParsedEvent } from './item';
import { parseJsonObjectBody } from './json';

/** What a provider module sees of one request. */
export interface CallbackRequest {
	body: IDataObject;
	query: IDataObject;
	headers: IDataObject;
	nowMs: number;
}

export type Verdict =
	| {
			accept: true;
			authenticated: Authenticated;
			parsed: ParsedEvent;
			answerFromWorkflow?: boolean;
			/** Logged as a warning although the callback is accepted (e.g. a signature checked in report-only mode). */
			note?: string;
	  }
	| { accept: false; status: RejectionStatus; reason: string; logHint?: string };

export interface ProviderHandler {
	provider: ProviderId;
	/** Body members a redelivery may change (signature, send time): left out of `eventId`. */
	volatileKeys: readonly string[];
	handle(request: CallbackRequest): Promise<Verdict> | Verdict;
}

export function reject(status: RejectionStatus, reason: string, logHint?: string): Verdict {
	return { accept: false, status, reason, logHint };
}

/** The raw bytes n8n kept for the request; reads them when n8n has not yet. */
async function readRaw(ctx: IWebhookFunctions): Promise<Buffer | string | IDataObject> {
	const req = ctx.getRequestObject();
	if (req.rawBody === undefined && typeof req.readRawBody === 'function') await req.readRawBody();
	if (req.rawBody !== undefined && req.rawBody !== null) return req.rawBody;
	// No raw bytes (an unusual host): fall back to n8n's own parse of the body.
	return ctx.getBodyData();
}

/** True when `event` passes the node's "Events" selection. */
export function isSelected(event: string, selected: readonly string[]): boolean {
	return selected.length === 0 || selected.includes('*') || selected.includes(event);
}

export async function receiveCallback(
	ctx: IWebhookFunctions,
	handler: ProviderHandler,
): Promise<IWebhookResponseData> {
	const nowMs = Date.now();
	const { provider } = handler;
	const log = (message: string) => ctx.logger.warn(`[${ctx.getNode().name}] ${message}`);
	try {
		const raw = await readRaw(ctx);
		const parse =
			typeof raw === 'string' || Buffer.isBuffer(raw) ? parseJsonObjectBody(raw) : { ok: true as const, body: raw };
		if (!parse.ok) {
			log(`Rejected a ${provider} callback (400): ${parse.reason}`);
			return answerJson(ctx, 400, rejectionBody(400, parse.reason));
		}
		const body = parse.body;

		const request: CallbackRequest = {
			body,
			query: ctx.getQueryData() as IDataObject,
			headers: ctx.getHeaderData() as IDataObject,
			nowMs,
		};
		const verdict = await handler.handle(request);
		if (!verdict.accept) {
			log(
				`Rejected a ${provider} callback (${verdict.status}): ${verdict.reason}` +
					(verdict.logHint ? `. ${verdict.logHint}` : ''),
			);
			return answerJson(ctx, verdict.status, rejectionBody(verdict.status, verdict.reason));
		}

		if (verdict.note) log(`Accepted a ${provider} callback with a warning: ${verdict.note}`);

		const selected = ctx.getNodeParameter('events', ['*']) as string[];
		if (!isSelected(verdict.parsed.event, selected)) {
			return answerJson(ctx, 200, SUCCESS_BODIES[provider]);
		}

		const item: NormalizedItem = buildItem(provider, verdict.parsed, body, {
			authenticated: verdict.authenticated,
			receivedAt: new Date(nowMs).toISOString(),
			volatileKeys: handler.volatileKeys,
		});
		const workflowData: INodeExecutionData[][] = [[{ json: item }]];
		if (verdict.answerFromWorkflow) return { workflowData };
		answerJson(ctx, 200, SUCCESS_BODIES[provider]);
		return { workflowData, noWebhookResponse: true };
	} catch (error) {
		// An unexpected fault: answer 500 so that the provider retries later; never lose the event silently.
		ctx.logger.error(`[${ctx.getNode().name}] Could not process a ${provider} callback`, {
			error: (error as Error).message,
		});
		return answerJson(ctx, 500, { error: 'internal_error' });
	}
}
