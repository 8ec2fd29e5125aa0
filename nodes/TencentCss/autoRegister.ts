/**
 * "Register automatically" for the Tencent CSS Trigger (tencent-css.md §5.4): on publish, a
 * callback template `n8n_<workflowId>` with this workflow's production URL on the template fields of
 * the selected events, bound by a rule to the push domain and app; on unpublish, that rule and that
 * template are removed. One template per (domain, app): a rule pointing elsewhere is only replaced
 * when "Replace Existing Configuration" is on.
 */
import type { IDataObject, IHookFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { providerError } from '../core/execute';
import { clearRegistration, registrationMode, registrationName, saveRegistration, storedRegistration } from '../core/registration';
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

/** "All events": the fields both the international and the China API accept (§5.3). */
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

function wanted(ctx: IHookFunctions) {
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
	tencentCssApiRequest.call(ctx, action, body, 0, { tolerate });

async function ruleFor(ctx: IHookFunctions, domainName: string, appName: string): Promise<IDataObject | undefined> {
	const rules = ((await api(ctx, 'DescribeLiveCallbackRules', {})).Rules as IDataObject[] | undefined) ?? [];
	return rules.find((rule) => rule.DomainName === domainName && rule.AppName === appName);
}

/** Removes what this workflow registered: its rule (only if it still points to its template) and its template. */
async function removeOurs(ctx: IHookFunctions, registration: CssRegistration): Promise<void> {
	const rule = await ruleFor(ctx, registration.domainName, registration.appName);
	if (rule && Number(rule.TemplateId) === registration.templateId) {
		await api(ctx, 'DeleteLiveCallbackRule', { DomainName: registration.domainName, AppName: registration.appName }, NOT_FOUND);
	}
	await api(ctx, 'DeleteLiveCallbackTemplate', { TemplateId: registration.templateId }, NOT_FOUND);
	clearRegistration(ctx);
}

/** A template named like ours whose URLs all point at this workflow's production URL. */
async function isLeftoverOfThisWorkflow(ctx: IHookFunctions, templateId: number, url: string): Promise<boolean> {
	const template = (await api(ctx, 'DescribeLiveCallbackTemplate', { TemplateId: templateId }, NOT_FOUND)).Template as IDataObject | undefined;
	if (!template || template.TemplateName !== registrationName(ctx, 30)) return false;
	const urls = Object.entries(template)
		.filter(([key, value]) => key.endsWith('NotifyUrl') && typeof value === 'string' && value !== '')
		.map(([, value]) => value);
	return urls.length > 0 && urls.every((value) => value === url);
}

export async function tencentCssCheckExists(this: IHookFunctions): Promise<boolean> {
	if (registrationMode(this) !== 'production') return true;
	const registration = storedRegistration<CssRegistration>(this);
	if (!registration) return false;
	const want = wanted(this);
	const template = (await api(this, 'DescribeLiveCallbackTemplate', { TemplateId: registration.templateId }, NOT_FOUND)).Template as
		| IDataObject
		| undefined;
	const rule = await ruleFor(this, registration.domainName, registration.appName);
	const current =
		template !== undefined &&
		rule !== undefined &&
		Number(rule.TemplateId) === registration.templateId &&
		registration.domainName === want.domainName &&
		registration.appName === want.appName &&
		registration.url === want.url &&
		registration.fields.join() === want.fields.join() &&
		want.fields.filter((f) => f !== 'RecordStatusNotifyUrl' && f !== 'RecordExceptionNotifyUrl').every((f) => template[f] === want.url);
	if (current) return true;
	// Stale or partly removed: take away what is ours so that create() starts clean.
	await removeOurs(this, registration);
	return false;
}

export async function tencentCssCreate(this: IHookFunctions): Promise<boolean> {
	if (registrationMode(this) !== 'production') return true;
	const want = wanted(this);
	let existing = await ruleFor(this, want.domainName, want.appName);
	if (existing && (await isLeftoverOfThisWorkflow(this, Number(existing.TemplateId), want.url))) {
		// Ours from an earlier publish whose static data was lost: remove it and start clean.
		await removeOurs(this, { templateId: Number(existing.TemplateId), domainName: want.domainName, appName: want.appName, url: want.url, fields: [] });
		existing = undefined;
	}
	if (existing) {
		if (this.getNodeParameter('replaceExisting', false) !== true) {
			throw new NodeOperationError(
				this.getNode(),
				`Push domain "${want.domainName}" (app "${want.appName}") already uses callback template ${String(existing.TemplateId)}. Tencent holds one template per domain and app: enable "Replace Existing Configuration" to bind this workflow's template instead (the other template is kept, unbound), or remove that rule first.`,
			);
		}
		await api(this, 'DeleteLiveCallbackRule', { DomainName: want.domainName, AppName: want.appName }, NOT_FOUND);
	}
	let callbackKey = '';
	if (this.getNode().credentials?.tencentCssCallbackApi) {
		const credentials = await this.getCredentials('tencentCssCallbackApi');
		callbackKey = String(credentials.callbackKey ?? '').trim();
	}
	const body: IDataObject = {
		TemplateName: registrationName(this, 30),
		Description: `n8n workflow ${String(this.getWorkflow().id ?? '')}`.slice(0, 100),
	};
	for (const field of want.fields) body[field] = want.url;
	if (callbackKey !== '') body.CallbackKey = callbackKey;
	const created = await api(this, 'CreateLiveCallbackTemplate', body);
	const templateId = Number(created.TemplateId);
	const bound = await api(this, 'CreateLiveCallbackRule', { DomainName: want.domainName, AppName: want.appName, TemplateId: templateId }, 'all');
	const refusal = bound.Error as IDataObject | undefined;
	if (refusal) {
		// Leave no orphan template behind.
		await api(this, 'DeleteLiveCallbackTemplate', { TemplateId: templateId }, NOT_FOUND);
		throw providerError(this, 'Tencent Cloud', String(refusal.Code), String(refusal.Message ?? ''), bound, 0);
	}
	saveRegistration(this, {
		templateId,
		domainName: want.domainName,
		appName: want.appName,
		url: want.url,
		fields: want.fields,
		replacedTemplateId: existing ? Number(existing.TemplateId) : null,
	});
	return true;
}

export async function tencentCssDelete(this: IHookFunctions): Promise<boolean> {
	const registration = storedRegistration<CssRegistration>(this);
	if (!registration) return true;
	await removeOurs(this, registration);
	return true;
}
