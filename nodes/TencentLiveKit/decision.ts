/**
 * The two "before" callbacks whose answer changes what Tencent does, and the answers a workflow can
 * give to them (docs/protocols/tencent-livekit.md, "Answers"). Every other command is informational.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { setOwn } from '../core/convert';
import { parameterResponseFields } from '../core/webhookFields';
import type { ResponseFields } from '../core/webhookFields';

/** Tencent's own success body; before-callback answers change only ErrorCode/ErrorInfo (and a rewrite). */
export const TENCENT_LIVEKIT_SUCCESS_BODY = { ActionStatus: 'OK', ErrorCode: 0, ErrorInfo: '' };

export const GIFT_BEFORE_SEND = 'Live.CallbackBeforeSendGift';
export const MESSAGE_BEFORE_SEND = 'Group.CallbackBeforeSendMsg';

/** The members of a message that an allowing answer may replace, in Tencent's spelling. */
export const REWRITABLE_FIELDS = ['MsgBody', 'CloudCustomData'] as const;

/** How the node answers before-callbacks (the values are n8n webhook response modes). */
export type BeforeCallbackAnswer = 'onReceived' | 'responseNode' | 'lastNode';
export const BEFORE_CALLBACK_ANSWERS: readonly BeforeCallbackAnswer[] = ['onReceived', 'responseNode', 'lastNode'];

export function isBeforeCallback(command: string): boolean {
	return command === GIFT_BEFORE_SEND || command === MESSAGE_BEFORE_SEND;
}

function answer(errorCode: number, errorInfo = ''): IDataObject {
	return { ...TENCENT_LIVEKIT_SUCCESS_BODY, ErrorCode: errorCode, ErrorInfo: errorInfo };
}

/** A deep copy of a JSON value that keeps every member name as sent (`__proto__` included). */
function copyJson(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(copyJson);
	if (value === null || typeof value !== 'object') return value;
	const out: IDataObject = {};
	for (const [key, inner] of Object.entries(value as IDataObject)) setOwn(out, key, copyJson(inner));
	return out;
}

/**
 * An allowing answer that carries the message's own `MsgBody` and `CloudCustomData` exactly as
 * Tencent sent them (its PascalCase element shape, not the camelCase copy in `data`): a workflow
 * edits this copy and answers with it.
 */
function rewriteAnswer(body: IDataObject): IDataObject {
	const rewrite = answer(0);
	for (const field of REWRITABLE_FIELDS) {
		if (Object.prototype.hasOwnProperty.call(body, field)) setOwn(rewrite, field, copyJson(body[field]));
	}
	return rewrite;
}

/**
 * What the item of a before-callback carries in `data.decision`: whether Tencent is waiting for the
 * workflow's answer, and the answer bodies to send back (unchanged, or with `ErrorInfo` filled in;
 * for a message also `rewrite`, the original content to edit).
 */
export function beforeCallbackDecision(command: string, workflowDecides: boolean, body: IDataObject): IDataObject {
	const isMessage = command === MESSAGE_BEFORE_SEND;
	const decision: IDataObject = {
		awaited: workflowDecides,
		allow: answer(0),
		reject: answer(1),
		clientErrorCodes: isMessage ? { min: 10100, max: 10200 } : { min: 102100, max: 102200 },
		onTimeout: isMessage ? 'delivered' : 'blocked unless Live.CallbackBeforeCallBackNotBlock is configured',
	};
	if (isMessage) {
		decision.drop = answer(2);
		decision.rewrite = rewriteAnswer(body);
		decision.rewritableFields = [...REWRITABLE_FIELDS];
	}
	return decision;
}

type AnswerParameters = INodeParameters & { beforeCallbacks?: string };

// Self-contained (core/webhookFields.ts): no names from outside, no optional chaining.
const responseMode = (p: AnswerParameters): string => p.beforeCallbacks || 'onReceived';
const responseData = (p: AnswerParameters): string => (p.beforeCallbacks === 'lastNode' ? 'firstEntryJson' : '');

/**
 * The trigger's webhook `responseMode`/`responseData`. "Allow Immediately" (default): n8n answers
 * with webhook()'s `webhookResponse` once the execution is stored (responseData empty). In the
 * workflow modes, before-callbacks wait for the workflow (the last node's first item, or a Respond
 * to Webhook node) and every other callback is answered by the node itself at once.
 */
export const beforeCallbackWebhookFields: ResponseFields = parameterResponseFields(responseMode, responseData);
