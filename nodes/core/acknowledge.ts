/**
 * When n8n answers an accepted callback: once the execution is stored (default), or only once the
 * workflow has finished, so that an execution that is lost or fails answers 5xx (or never) and the
 * provider sends the callback again. docs/scaling-out.md ("Never lost: answering after the run")
 * shows why queue mode needs it and what it costs.
 *
 * n8n picks the answer path from the webhook description's `responseMode`/`responseData`, declared
 * as functions of the parameters (core/webhookFields.ts).
 */
import type { INodeParameters, INodeProperties } from 'n8n-workflow';

import { parameterResponseFields } from './webhookFields';
import type { ResponseFields } from './webhookFields';

/** Values of the `acknowledge` option (in the trigger's Options collection). */
export const ACKNOWLEDGE_WHEN_STORED = 'stored';
export const ACKNOWLEDGE_WHEN_FINISHED = 'finished';

/** The option, for the trigger's Options collection. */
export const acknowledgeOption: INodeProperties = {
	displayName: 'Answer Accepted Callbacks',
	name: 'acknowledge',
	type: 'options',
	default: ACKNOWLEDGE_WHEN_STORED,
	options: [
		{
			name: 'When Stored (Fastest)',
			value: ACKNOWLEDGE_WHEN_STORED,
			description:
				"200 with the provider's success body as soon as n8n has stored the execution. In queue mode, an execution held by a worker that crashes is lost: the provider already got 200 and does not retry.",
		},
		{
			name: 'When the Workflow Has Finished',
			value: ACKNOWLEDGE_WHEN_FINISHED,
			description:
				'200 (empty body) only after the workflow ran without error; a lost or failed execution answers 500 or times out, so the provider retries. Slower, and a retry can run the workflow twice: deduplicate on the item\'s eventId.',
		},
	],
	description:
		'When the provider gets its 200. "When the Workflow Has Finished" keeps callbacks that a crashed queue-mode worker held, at a cost in throughput; each request stays open while the workflow runs, so keep the workflow shorter than the provider\'s timeout (Tencent CSS waits 20 s).',
};

type Parameters = INodeParameters & { options?: { acknowledge?: string } };

// Self-contained (core/webhookFields.ts): no names from outside, no optional chaining.
const responseMode = (p: Parameters): string =>
	p.options && p.options.acknowledge === 'finished' ? 'lastNode' : 'onReceived';
const responseData = (p: Parameters): string =>
	p.options && p.options.acknowledge === 'finished' ? 'noData' : '';

/**
 * `responseMode` and `responseData` for the trigger's webhook description. "When Stored":
 * `onReceived` with empty `responseData`, so n8n answers with webhook()'s `webhookResponse` once
 * the execution is stored. "When the Workflow Has Finished": `lastNode` with `noData`, so n8n
 * answers 200 without a body after a successful run and 500 ("Error in workflow") after a failed
 * or lost one.
 */
export const acknowledgeWebhookFields: ResponseFields = parameterResponseFields(responseMode, responseData);
