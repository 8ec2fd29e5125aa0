/**
 * The two "before" callbacks whose answer changes what Tencent does (research §1.3, §3.2 #14, #16),
 * and the answers a workflow can give to them. Every other command is informational.
 */
import type { IDataObject } from 'n8n-workflow';

import { TENCENT_LIVEKIT_SUCCESS_BODY } from './provider';

export const GIFT_BEFORE_SEND = 'Live.CallbackBeforeSendGift';
export const MESSAGE_BEFORE_SEND = 'Group.CallbackBeforeSendMsg';

/** How the node answers before-callbacks (the values are n8n webhook response modes). */
export type BeforeCallbackAnswer = 'onReceived' | 'responseNode' | 'lastNode';
export const BEFORE_CALLBACK_ANSWERS: readonly BeforeCallbackAnswer[] = ['onReceived', 'responseNode', 'lastNode'];

export function isBeforeCallback(command: string): boolean {
	return command === GIFT_BEFORE_SEND || command === MESSAGE_BEFORE_SEND;
}

function answer(errorCode: number, errorInfo = ''): IDataObject {
	return { ...TENCENT_LIVEKIT_SUCCESS_BODY, ErrorCode: errorCode, ErrorInfo: errorInfo };
}

/**
 * What the item of a before-callback carries in `data.decision`: whether Tencent is waiting for the
 * workflow's answer, and the answer bodies to send back (unchanged, or with `ErrorInfo` filled in).
 */
export function beforeCallbackDecision(command: string, workflowDecides: boolean): IDataObject {
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
		decision.rewritableFields = ['MsgBody', 'CloudCustomData'];
	}
	return decision;
}
