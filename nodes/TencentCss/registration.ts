/**
 * "Register automatically" for the Tencent CSS Trigger (docs/protocols/tencent-css.md): on publish, a
 * callback template `n8n_<workflowId>` with this workflow's production URL on the template fields of
 * the selected events, bound by a rule to the push domain and app; on unpublish, that rule and that
 * template are removed. One template per (domain, app): a rule pointing elsewhere is only replaced
 * when "Replace Existing Configuration" is on.
 */
import type { IDataObject, IHookFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { providerError } from '../core/execute';
import { registrationName } from '../core/registration';
import type { Registrar } from '../core/registration';
import { tencentCssApiRequest } from './TencentCssApi';

/** Template URL fields per trigger event. Relay, monitoring, quality and AI events are configured elsewhere. */
const EVENT_FIELDS: Record<string, string[]> = {
	'stream.started': ['StreamBeginNotifyUrl'],
	'stream.stopped': ['StreamEndNotifyUrl'],
	'stream.push_error': ['PushExceptionNotifyUrl'],
	'recording.started': ['RecordStatusNotifyUrl'],
	'recording.paused': ['RecordStatusNotifyUrl'],
	'recording.resumed': ['RecordStatusNotifyUrl'],
	'recording.ended': ['RecordStatusNotifyUrl'],
	'recording.completed': ['RecordNotifyUrl'],
	'recording.failed': ['RecordExceptionNotifyUrl', 'RecordStatusNotifyUrl'],
	'snapshot.created': ['SnapshotNotifyUrl'],
	'moderation.image': ['PornCensorshipNotifyUrl'],
	'moderation.audio': ['AudioAuditNotifyUrl'],
};

/** "All events": the fields both the international and the China API accept. */
const ALL_EVENTS_FIELDS = [
	'StreamBeginNotifyUrl',
	'StreamEndNotifyUrl',
	'RecordNotifyUrl',
	'SnapshotNotifyUrl',
	'PornCensorshipNotifyUrl',
	'PushExceptionNotifyUrl',
];

const NOT_FOUND = ['InternalError.ConfNotFound', 'InternalError.NotFound', 'FailedOperation.NotFound', 'InternalError.RuleNotFound'];

interface CssRegistration extends IDataObject {
	templateId: number;
	domainName: string;
	appName: string;
	url: string;
	fields: string[];
}

export function templateFieldsFor(events: string[]): string[] {
	if (events.includes('*')) return [...ALL_EVENTS_FIELDS];
	return [...new Set(events.flatMap((event) => EVENT_FIELDS[event] ?? []))].sort();
}

interface CssWant {
	domainName: string;
	appName: string;
	fields: string[];
	url: string;
}

function wanted(ctx: IHookFunctions): CssWant {
	const domainName = String(ctx.getNodeParameter('pushDomain', '')).trim();
	const appName = String(ctx.getNodeParameter('appName', 'live')).trim() || 'live';
	if (domainName === '') throw new NodeOperationError(ctx.getNode(), '"Register Automatically" needs the push domain');
	const fields = templateFieldsFor(ctx.getNodeParameter('events', ['*']) as string[]);
	if (fields.length === 0) {
		throw new NodeOperationError(
			ctx.getNode(),
			'None of the selected events is configured through a callback template (relay, monitoring, quality and AI callbacks are set up in the console): nothing to register',
		);
	}
	const url = ctx.getNodeWebhookUrl('default') ?? '';
	return { domainName, appName, fields, url };
}

const api = (ctx: IHookFunctions, action: string, body: IDataObject, tolerate?: string[] | 'all') =>
	tencentCssApiRequest(ctx, action, body, 0, { tolerate });

async function ruleFor(ctx: IHookFunctions, domainName: string, appName: string): Promise<IDataObject | undefined> {
	const rules = ((await api(ctx, 'DescribeLiveCallbackRules', {})).Rules as IDataObject[] | undefined) ?? [];
	return rules.find((rule) => rule.DomainName === domainName && rule.AppName === appName);
}

async function templateById(ctx: IHookFunctions, templateId: number): Promise<IDataObject | undefined> {
	return (await api(ctx, 'DescribeLiveCallbackTemplate', { TemplateId: templateId }, NOT_FOUND)).Template as
		| IDataObject
		| undefined;
}

/** A template named like ours whose URLs all point at this workflow's production URL. */
async function isLeftoverOfThisWorkflow(ctx: IHookFunctions, templateId: number, url: string): Promise<boolean> {
	const template = await templateById(ctx, templateId);
	if (!template || template.TemplateName !== registrationName(ctx, 30)) return false;
	const urls = Object.entries(template)
		.filter(([key, value]) => key.endsWith('NotifyUrl') && typeof value === 'string' && value !== '')
		.map(([, value]) => value);
	return urls.length > 0 && urls.every((value) => value === url);
}

export const tencentCssRegistrar: Registrar<CssWant, CssRegistration> = {
	want: wanted,

	async isCurrent(ctx, stored, want) {
		if (
			stored.domainName !== want.domainName ||
			stored.appName !== want.appName ||
			stored.url !== want.url ||
			stored.fields.join() !== want.fields.join()
		) {
			return false;
		}
		const template = await templateById(ctx, stored.templateId);
		const rule = await ruleFor(ctx, stored.domainName, stored.appName);
		return (
			template !== undefined &&
			rule !== undefined &&
			Number(rule.TemplateId) === stored.templateId &&
			want.fields
				.filter((f) => f !== 'RecordStatusNotifyUrl' && f !== 'RecordExceptionNotifyUrl')
				.every((f) => template[f] === want.url)
		);
	},

	async findLeftover(ctx, want) {
		const rule = await ruleFor(ctx, want.domainName, want.appName);
		if (!rule || !(await isLeftoverOfThisWorkflow(ctx, Number(rule.TemplateId), want.url))) return undefined;
		return { templateId: Number(rule.TemplateId), domainName: want.domainName, appName: want.appName, url: want.url, fields: [] };
	},

	async conflicts(ctx, want) {
		const rule = await ruleFor(ctx, want.domainName, want.appName);
		return rule ? [`Push domain "${want.domainName}" (app "${want.appName}") already uses callback template ${String(rule.TemplateId)}`] : [];
	},

	refusal: (_want, conflicts) =>
		`${conflicts.join('; ')}. Tencent holds one template per domain and app: enable "Replace Existing Configuration" to bind this workflow's template instead (the other template is kept, unbound), or remove that rule first.`,

	async create(ctx, want) {
		const existing = await ruleFor(ctx, want.domainName, want.appName);
		if (existing) await api(ctx, 'DeleteLiveCallbackRule', { DomainName: want.domainName, AppName: want.appName }, NOT_FOUND);
		let callbackKey = '';
		if (ctx.getNode().credentials?.tencentCssCallbackApi) {
			const credentials = await ctx.getCredentials('tencentCssCallbackApi');
			callbackKey = String(credentials.callbackKey ?? '').trim();
		}
		const body: IDataObject = {
			TemplateName: registrationName(ctx, 30),
			Description: `n8n workflow ${String(ctx.getWorkflow().id ?? '')}`.slice(0, 100),
		};
		for (const field of want.fields) body[field] = want.url;
		if (callbackKey !== '') body.CallbackKey = callbackKey;
		const created = await api(ctx, 'CreateLiveCallbackTemplate', body);
		const templateId = Number(created.TemplateId);
		const bound = await api(ctx, 'CreateLiveCallbackRule', { DomainName: want.domainName, AppName: want.appName, TemplateId: templateId }, 'all');
		const refusal = bound.Error as IDataObject | undefined;
		if (refusal) {
			// Leave no orphan template behind.
			await api(ctx, 'DeleteLiveCallbackTemplate', { TemplateId: templateId }, NOT_FOUND);
			throw providerError(ctx, 'Tencent Cloud', String(refusal.Code), String(refusal.Message ?? ''), bound, 0);
		}
		return {
			templateId,
			domainName: want.domainName,
			appName: want.appName,
			url: want.url,
			fields: want.fields,
			replacedTemplateId: existing ? Number(existing.TemplateId) : null,
		};
	},

	/** Its rule (only while it still points to its template) and its template. */
	async remove(ctx, stored) {
		const rule = await ruleFor(ctx, stored.domainName, stored.appName);
		if (rule && Number(rule.TemplateId) === stored.templateId) {
			await api(ctx, 'DeleteLiveCallbackRule', { DomainName: stored.domainName, AppName: stored.appName }, NOT_FOUND);
		}
		await api(ctx, 'DeleteLiveCallbackTemplate', { TemplateId: stored.templateId }, NOT_FOUND);
	},
};
