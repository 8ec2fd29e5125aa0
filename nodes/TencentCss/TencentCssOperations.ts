/**
 * The Tencent CSS action node's callback-configuration operations: build the API body (validated against the console
 * limits, docs/protocols/tencent-css.md, Transport), call the API, shape the output items.
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { limitList, unknownOperation } from '../core/execute';
import { TEMPLATE_URL_FIELDS } from './TencentCssDescription';
import { tencentCssApiRequest } from './TencentCssApi';

const NAME_FORMAT = /^[\p{L}\p{N}_-]+$/u;
const KEY_FORMAT = /^[A-Za-z0-9]{1,32}$/;
const URL_FORMAT = /^https?:\/\/\S+$/i;

/** Console limits: name ≤ 30 characters, description ≤ 100, key ≤ 32 letters and digits. */
export function templateFieldProblems(fields: IDataObject): string[] {
	const problems: string[] = [];
	if (fields.TemplateName !== undefined) {
		const name = String(fields.TemplateName);
		if (name.length === 0) problems.push('The template name is empty');
		else if ([...name].length > 30) problems.push(`The template name has ${[...name].length} characters; the console allows at most 30`);
		else if (!NAME_FORMAT.test(name)) problems.push('The template name may contain only letters, digits, "_" and "-"');
	}
	if (fields.Description !== undefined && [...String(fields.Description)].length > 100) {
		problems.push(`The description has ${[...String(fields.Description)].length} characters; the console allows at most 100`);
	}
	if (fields.CallbackKey !== undefined && !KEY_FORMAT.test(String(fields.CallbackKey))) {
		problems.push('The callback key must be 1 to 32 letters and digits');
	}
	for (const field of Object.values(TEMPLATE_URL_FIELDS)) {
		if (fields[field] !== undefined && !URL_FORMAT.test(String(fields[field]))) {
			problems.push(`${field} must be an http:// or https:// URL`);
		}
	}
	return problems;
}

function urlFields(callbackUrl: string, events: string[]): IDataObject {
	const fields: IDataObject = {};
	for (const event of events) {
		const field = TEMPLATE_URL_FIELDS[event];
		if (field) fields[field] = callbackUrl.trim();
	}
	return fields;
}

function validTemplateId(ctx: IExecuteFunctions, value: unknown, itemIndex: number): number {
	const id = Number(value);
	if (!Number.isSafeInteger(id) || id <= 0) {
		throw new NodeOperationError(ctx.getNode(), `The template ID must be a positive integer, got "${String(value)}"`, { itemIndex });
	}
	return id;
}

function checked(ctx: IExecuteFunctions, body: IDataObject, itemIndex: number): IDataObject {
	const problems = templateFieldProblems(body);
	if (problems.length > 0) {
		throw new NodeOperationError(ctx.getNode(), problems.join('; '), { itemIndex });
	}
	return body;
}

function templateOptionals(source: IDataObject): IDataObject {
	const body: IDataObject = {};
	if (typeof source.description === 'string' && source.description !== '') body.Description = source.description;
	if (typeof source.callbackKey === 'string' && source.callbackKey !== '') body.CallbackKey = source.callbackKey;
	if (Array.isArray(source.recordExceptionLevels) && source.recordExceptionLevels.length > 0) {
		body.RecordExceptionLevels = source.recordExceptionLevels;
	}
	return body;
}

export async function callbackTemplateOperation(
	ctx: IExecuteFunctions,
	operation: string,
	itemIndex: number,
): Promise<IDataObject | IDataObject[]> {
	const call = (action: string, body: IDataObject) => tencentCssApiRequest(ctx, action, body, itemIndex);
	switch (operation) {
		case 'create': {
			const events = ctx.getNodeParameter('events', itemIndex, []) as string[];
			if (events.length === 0) {
				throw new NodeOperationError(ctx.getNode(), 'Choose at least one event: Tencent requires one callback URL or more', { itemIndex });
			}
			const body = checked(
				ctx,
				{
					TemplateName: ctx.getNodeParameter('templateName', itemIndex) as string,
					...urlFields(ctx.getNodeParameter('callbackUrl', itemIndex) as string, events),
					...templateOptionals(ctx.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject),
				},
				itemIndex,
			);
			const answer = await call('CreateLiveCallbackTemplate', body);
			return { TemplateId: answer.TemplateId, RequestId: answer.RequestId };
		}
		case 'get': {
			const TemplateId = validTemplateId(ctx, ctx.getNodeParameter('templateId', itemIndex, '', { extractValue: true }), itemIndex);
			const answer = await call('DescribeLiveCallbackTemplate', { TemplateId });
			return answer.Template as IDataObject;
		}
		case 'getAll': {
			const answer = await call('DescribeLiveCallbackTemplates', {});
			return limitList(ctx, itemIndex, (answer.Templates as IDataObject[]) ?? []);
		}
		case 'update': {
			const TemplateId = validTemplateId(ctx, ctx.getNodeParameter('templateId', itemIndex, '', { extractValue: true }), itemIndex);
			const fields = ctx.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
			const body: IDataObject = { TemplateId, ...templateOptionals(fields) };
			if (typeof fields.templateName === 'string' && fields.templateName !== '') body.TemplateName = fields.templateName;
			const chosen = (fields.events as string[] | undefined) ?? [];
			const url = typeof fields.callbackUrl === 'string' ? fields.callbackUrl : '';
			if ((url === '') !== (chosen.length === 0)) {
				throw new NodeOperationError(ctx.getNode(), 'Set "Callback URL" and "Events" together: the URL goes to the chosen events', { itemIndex });
			}
			Object.assign(body, urlFields(url, chosen));
			if (Object.keys(body).length === 1) {
				throw new NodeOperationError(ctx.getNode(), 'Nothing to update: add at least one field', { itemIndex });
			}
			const answer = await call('ModifyLiveCallbackTemplate', checked(ctx, body, itemIndex));
			return { TemplateId, updated: true, RequestId: answer.RequestId };
		}
		case 'delete': {
			const TemplateId = validTemplateId(ctx, ctx.getNodeParameter('templateId', itemIndex, '', { extractValue: true }), itemIndex);
			const answer = await call('DeleteLiveCallbackTemplate', { TemplateId });
			return { TemplateId, deleted: true, RequestId: answer.RequestId };
		}
	}
	throw unknownOperation(ctx, 'callbackTemplate', operation, itemIndex);
}

export async function callbackRuleOperation(
	ctx: IExecuteFunctions,
	operation: string,
	itemIndex: number,
): Promise<IDataObject | IDataObject[]> {
	const call = (action: string, body: IDataObject) => tencentCssApiRequest(ctx, action, body, itemIndex);
	const domainAndApp = (): IDataObject => {
		const DomainName = String(ctx.getNodeParameter('domainName', itemIndex, '', { extractValue: true }) ?? '').trim();
		const AppName = (ctx.getNodeParameter('appName', itemIndex, 'live') as string).trim();
		if (DomainName === '' || AppName === '') {
			throw new NodeOperationError(ctx.getNode(), 'Push Domain and App Name are required', { itemIndex });
		}
		return { DomainName, AppName };
	};
	switch (operation) {
		case 'create': {
			const body = { ...domainAndApp(), TemplateId: validTemplateId(ctx, ctx.getNodeParameter('templateId', itemIndex, '', { extractValue: true }), itemIndex) };
			const answer = await call('CreateLiveCallbackRule', body);
			return { ...body, created: true, RequestId: answer.RequestId };
		}
		case 'delete': {
			const body = domainAndApp();
			const answer = await call('DeleteLiveCallbackRule', body);
			return { ...body, deleted: true, RequestId: answer.RequestId };
		}
		case 'getAll': {
			const answer = await call('DescribeLiveCallbackRules', {});
			const filters = ctx.getNodeParameter('filters', itemIndex, {}) as IDataObject;
			const rules = ((answer.Rules as IDataObject[]) ?? []).filter(
				(rule) =>
					(!filters.domainName || rule.DomainName === filters.domainName) &&
					(!filters.templateId || Number(rule.TemplateId) === Number(filters.templateId)),
			);
			return limitList(ctx, itemIndex, rules);
		}
	}
	throw unknownOperation(ctx, 'callbackRule', operation, itemIndex);
}
