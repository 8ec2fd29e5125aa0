/** The Tencent TUILiveKit action node's operations (docs/protocols/tencent-livekit.md, Register Automatically). */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { unknownOperation } from '../core/execute';
import { LIVE_CALLBACK_COMMANDS } from './TencentLiveKitDescription';
import { liveConfigRequest } from './TencentLiveKitApi';

const URL_FORMAT = /^https?:\/\/\S+$/i;

function configBody(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const url = String(ctx.getNodeParameter('url', itemIndex, '')).trim();
	if (!URL_FORMAT.test(url)) {
		throw new NodeOperationError(ctx.getNode(), 'The callback URL must start with http:// or https://', { itemIndex });
	}
	const commands = ctx.getNodeParameter('commands', itemIndex, []) as string[];
	if (commands.length === 0) throw new NodeOperationError(ctx.getNode(), 'Choose at least one command', { itemIndex });
	const unknown = commands.filter((c) => !LIVE_CALLBACK_COMMANDS.includes(c));
	if (unknown.length > 0) {
		throw new NodeOperationError(ctx.getNode(), `Unknown command words: ${unknown.join(', ')}`, { itemIndex });
	}
	return { Url: url, CallbackCommandList: commands };
}

export async function callbackConfigOperation(ctx: IExecuteFunctions, operation: string, itemIndex: number): Promise<IDataObject> {
	const call = (command: string, body: IDataObject) => liveConfigRequest(ctx, command, body, itemIndex);
	switch (operation) {
		case 'set':
		case 'update': {
			const body = configBody(ctx, itemIndex);
			const answer = await call(operation === 'set' ? 'set_callback' : 'update_callback', body);
			return { ...body, RequestId: answer.RequestId ?? null };
		}
		case 'get': {
			const answer = await call('get_callback', {});
			return { ...((answer.Response as IDataObject) ?? {}), RequestId: answer.RequestId ?? null };
		}
		case 'delete': {
			const answer = await call('delete_callback', {});
			return { deleted: true, RequestId: answer.RequestId ?? null };
		}
	}
	throw unknownOperation(ctx, 'callbackConfig', operation, itemIndex);
}

export async function callbackTokenOperation(ctx: IExecuteFunctions, operation: string, itemIndex: number): Promise<IDataObject> {
	const call = (command: string, body: IDataObject) => liveConfigRequest(ctx, command, body, itemIndex);
	switch (operation) {
		case 'set': {
			const token = String(ctx.getNodeParameter('token', itemIndex, ''));
			const enabled = ctx.getNodeParameter('enabled', itemIndex, true) as boolean;
			if (token.length > 128) throw new NodeOperationError(ctx.getNode(), 'The token has at most 128 characters', { itemIndex });
			const body: IDataObject = { IsTokenEnable: enabled };
			if (token !== '') body.Token = token;
			const answer = await call('set_callback_token', body);
			return { tokenSet: token !== '', IsTokenEnable: enabled, RequestId: answer.RequestId ?? null };
		}
		case 'get': {
			const answer = await call('get_callback_token', {});
			return { ...((answer.Response as IDataObject) ?? {}), RequestId: answer.RequestId ?? null };
		}
	}
	throw unknownOperation(ctx, 'callbackToken', operation, itemIndex);
}
