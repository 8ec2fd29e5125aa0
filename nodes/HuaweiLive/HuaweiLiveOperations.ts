/** The Huawei Cloud Live action node's callback-configuration operations (docs/protocols/huawei-live.md, Register Automatically). */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { unknownOperation } from '../core/execute';
import { huaweiLiveApiRequest } from './HuaweiLiveApi';

const URL_FORMAT = /^https?:\/\/[^\s?#]+$/i;
const RECORD_KEY_FORMAT = /^[A-Za-z0-9]{32,}$/;
const PAGE_SIZE = 100;

function required(ctx: IExecuteFunctions, name: string, label: string, itemIndex: number): string {
	const value = String(ctx.getNodeParameter(name, itemIndex, '', { extractValue: true }) ?? '').trim();
	if (value === '') throw new NodeOperationError(ctx.getNode(), `${label} is required`, { itemIndex });
	return value;
}

function checkUrl(ctx: IExecuteFunctions, url: string, itemIndex: number): string {
	if (!URL_FORMAT.test(url)) {
		throw new NodeOperationError(
			ctx.getNode(),
			`"${url}" is not usable: Huawei wants an http:// or https:// URL without query parameters`,
			{ itemIndex },
		);
	}
	return url;
}

export async function streamNotificationOperation(ctx: IExecuteFunctions, operation: string, itemIndex: number): Promise<IDataObject> {
	if (!['set', 'get', 'delete'].includes(operation)) throw unknownOperation(ctx, 'streamNotification', operation, itemIndex);
	const domain = required(ctx, 'domain', 'Ingest Domain', itemIndex);
	const path = 'notifications/publish';
	switch (operation) {
		case 'set': {
			const fields = ctx.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
			const body: IDataObject = { url: checkUrl(ctx, required(ctx, 'url', 'Callback URL', itemIndex), itemIndex) };
			if (typeof fields.authSignKey === 'string' && fields.authSignKey !== '') {
				if (fields.authSignKey.length < 32 || fields.authSignKey.length > 128) {
					throw new NodeOperationError(ctx.getNode(), 'The signing key must be 32 to 128 characters', { itemIndex });
				}
				body.auth_sign_key = fields.authSignKey;
			}
			if (typeof fields.callBackArea === 'string') body.call_back_area = fields.callBackArea;
			const answer = await huaweiLiveApiRequest(ctx, 'PUT', path, itemIndex, { qs: { domain }, body });
			return { domain, url: body.url, call_back_area: body.call_back_area ?? null, created: answer.statusCode === 201 };
		}
		case 'get': {
			const answer = await huaweiLiveApiRequest(ctx, 'GET', path, itemIndex, { qs: { domain } });
			return { domain, ...answer.body };
		}
		case 'delete': {
			await huaweiLiveApiRequest(ctx, 'DELETE', path, itemIndex, { qs: { domain } });
			return { domain, deleted: true };
		}
	}
	throw unknownOperation(ctx, 'streamNotification', operation, itemIndex);
}

function recordKey(ctx: IExecuteFunctions, key: unknown, itemIndex: number): string | undefined {
	if (typeof key !== 'string' || key === '') return undefined;
	if (!RECORD_KEY_FORMAT.test(key)) {
		throw new NodeOperationError(ctx.getNode(), 'The recording callback key must be at least 32 letters and digits', { itemIndex });
	}
	return key;
}

export async function recordCallbackOperation(
	ctx: IExecuteFunctions,
	operation: string,
	itemIndex: number,
): Promise<IDataObject | IDataObject[]> {
	const base = 'record/callbacks';
	const byId = () => `${base}/${encodeURIComponent(required(ctx, 'configId', 'Configuration ID', itemIndex))}`;
	switch (operation) {
		case 'create': {
			const fields = ctx.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
			const events = ctx.getNodeParameter('events', itemIndex, []) as string[];
			const body: IDataObject = {
				publish_domain: required(ctx, 'publishDomain', 'Ingest Domain', itemIndex),
				app: required(ctx, 'app', 'App Name', itemIndex),
				notify_callback_url: checkUrl(ctx, required(ctx, 'callbackUrl', 'Callback URL', itemIndex), itemIndex),
			};
			if (events.length > 0) body.notify_event_subscription = events;
			if (typeof fields.signType === 'string') body.sign_type = fields.signType;
			const key = recordKey(ctx, fields.key, itemIndex);
			if (key) body.key = key;
			return (await huaweiLiveApiRequest(ctx, 'POST', base, itemIndex, { body })).body;
		}
		case 'get':
			return (await huaweiLiveApiRequest(ctx, 'GET', byId(), itemIndex)).body;
		case 'getAll': {
			const filters = ctx.getNodeParameter('filters', itemIndex, {}) as IDataObject;
			const returnAll = ctx.getNodeParameter('returnAll', itemIndex, false) as boolean;
			const limit = returnAll ? Infinity : (ctx.getNodeParameter('limit', itemIndex, 50) as number);
			const found: IDataObject[] = [];
			for (let offset = 0; found.length < limit; offset += PAGE_SIZE) {
				const qs: IDataObject = { offset, limit: PAGE_SIZE };
				if (filters.publishDomain) qs.publish_domain = filters.publishDomain;
				if (filters.app) qs.app = filters.app;
				const page = (await huaweiLiveApiRequest(ctx, 'GET', base, itemIndex, { qs })).body;
				const configs = (page.callback_config as IDataObject[] | undefined) ?? [];
				found.push(...configs);
				if (configs.length < PAGE_SIZE || offset + PAGE_SIZE >= Number(page.total ?? 0)) break;
			}
			return found.slice(0, limit);
		}
		case 'update': {
			const path = byId();
			const fields = ctx.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
			if (Object.keys(fields).length === 0) {
				throw new NodeOperationError(ctx.getNode(), 'Nothing to update: add at least one field', { itemIndex });
			}
			// The API replaces the whole configuration: start from the stored one. The key is
			// write-only, so it is sent only when given here.
			const current = (await huaweiLiveApiRequest(ctx, 'GET', path, itemIndex)).body;
			const body: IDataObject = {
				publish_domain: fields.publishDomain || current.publish_domain,
				app: fields.app || current.app,
				notify_callback_url: fields.callbackUrl ? checkUrl(ctx, String(fields.callbackUrl), itemIndex) : current.notify_callback_url,
				notify_event_subscription:
					Array.isArray(fields.events) && fields.events.length > 0 ? fields.events : current.notify_event_subscription,
				sign_type: fields.signType || current.sign_type,
			};
			const key = recordKey(ctx, fields.key, itemIndex);
			if (key) body.key = key;
			return (await huaweiLiveApiRequest(ctx, 'PUT', path, itemIndex, { body })).body;
		}
		case 'delete': {
			const id = required(ctx, 'configId', 'Configuration ID', itemIndex);
			await huaweiLiveApiRequest(ctx, 'DELETE', byId(), itemIndex);
			return { id, deleted: true };
		}
	}
	throw unknownOperation(ctx, 'recordCallback', operation, itemIndex);
}
