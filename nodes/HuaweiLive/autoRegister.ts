/**
 * "Register automatically" for the Huawei Cloud Live Trigger (huawei-live.md §3.1–3.2): on
 * publish, the ingest domain's stream notification configuration (for stream events) and a
 * recording callback configuration for the domain and app (for recording events) point at this
 * workflow's production URL, with the keys of the callback credential; on unpublish, both are
 * deleted while they still point here. Huawei holds one of each per domain (and app): a
 * configuration that points elsewhere is only taken over with "Replace Existing Configuration".
 * Snapshot callbacks live in snapshot templates with OBS settings and are not registered.
 */
import type { IDataObject, IHookFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { clearRegistration, registrationMode, saveRegistration, storedRegistration } from '../core/registration';
import { huaweiLiveApiRequest } from './HuaweiLiveApi';

const RECORD_EVENTS: Record<string, string> = {
	'recording.file_started': 'RECORD_NEW_FILE_START',
	'recording.completed': 'RECORD_FILE_COMPLETE',
	'recording.ended': 'RECORD_OVER',
	'recording.failed': 'RECORD_FAILED',
};
const STREAM_EVENTS = ['stream.started', 'stream.stopped'];
const NOT_FOUND = [404];

interface HuaweiRegistration extends IDataObject {
	domain: string;
	app: string;
	url: string;
	stream: boolean;
	recordId: string | null;
	recordEvents: string[];
}

export function huaweiPlanFor(events: string[]): { stream: boolean; recordEvents: string[] } {
	const all = events.includes('*');
	return {
		stream: all || events.some((e) => STREAM_EVENTS.includes(e)),
		recordEvents: Object.entries(RECORD_EVENTS)
			.filter(([event]) => all || events.includes(event))
			.map(([, subscription]) => subscription),
	};
}

const api = (ctx: IHookFunctions, method: 'GET' | 'PUT' | 'POST' | 'DELETE', path: string, options: IDataObject = {}) =>
	huaweiLiveApiRequest.call(ctx, method, path, 0, options as { qs?: IDataObject; body?: IDataObject; tolerate?: number[] });

function wanted(ctx: IHookFunctions) {
	const domain = String(ctx.getNodeParameter('ingestDomain', '')).trim();
	if (domain === '') throw new NodeOperationError(ctx.getNode(), '"Register Automatically" needs the ingest domain');
	const app = String(ctx.getNodeParameter('recordApp', '*')).trim() || '*';
	const plan = huaweiPlanFor(ctx.getNodeParameter('events', ['*']) as string[]);
	if (!plan.stream && plan.recordEvents.length === 0) {
		throw new NodeOperationError(
			ctx.getNode(),
			'None of the selected events can be registered (snapshot callbacks are part of a snapshot template with OBS settings): nothing to register',
		);
	}
	return { domain, app, url: ctx.getNodeWebhookUrl('default') ?? '', ...plan };
}

async function streamConfig(ctx: IHookFunctions, domain: string): Promise<IDataObject | null> {
	const answer = await api(ctx, 'GET', 'notifications/publish', { qs: { domain }, tolerate: NOT_FOUND });
	return answer.statusCode === 404 || !answer.body.url ? null : answer.body;
}

async function recordConfigFor(ctx: IHookFunctions, domain: string, app: string): Promise<IDataObject | undefined> {
	const answer = await api(ctx, 'GET', 'record/callbacks', { qs: { publish_domain: domain, app, offset: 0, limit: 100 } });
	return ((answer.body.callback_config as IDataObject[] | undefined) ?? []).find((c) => c.publish_domain === domain && c.app === app);
}

async function recordConfigById(ctx: IHookFunctions, id: string): Promise<IDataObject | null> {
	const answer = await api(ctx, 'GET', `record/callbacks/${encodeURIComponent(id)}`, { tolerate: NOT_FOUND });
	return answer.statusCode === 404 ? null : answer.body;
}

/** Deletes what still points at this workflow's URL. */
async function removeOurs(ctx: IHookFunctions, registration: HuaweiRegistration): Promise<void> {
	if (registration.stream) {
		const stream = await streamConfig(ctx, registration.domain);
		if (stream?.url === registration.url) {
			await api(ctx, 'DELETE', 'notifications/publish', { qs: { domain: registration.domain }, tolerate: NOT_FOUND });
		}
	}
	if (registration.recordId) {
		const record = await recordConfigById(ctx, registration.recordId);
		if (record?.notify_callback_url === registration.url) {
			await api(ctx, 'DELETE', `record/callbacks/${encodeURIComponent(registration.recordId)}`, { tolerate: NOT_FOUND });
		}
	}
	clearRegistration(ctx);
}

export async function huaweiCheckExists(this: IHookFunctions): Promise<boolean> {
	if (registrationMode(this) !== 'production') return true;
	const registration = storedRegistration<HuaweiRegistration>(this);
	if (!registration) return false;
	const want = wanted(this);
	let current =
		registration.domain === want.domain &&
		registration.app === want.app &&
		registration.url === want.url &&
		registration.stream === want.stream &&
		registration.recordEvents.join() === want.recordEvents.join();
	if (current && want.stream) current = (await streamConfig(this, want.domain))?.url === want.url;
	if (current && want.recordEvents.length > 0) {
		const record = registration.recordId ? await recordConfigById(this, registration.recordId) : null;
		current = record?.notify_callback_url === want.url;
	}
	if (current) return true;
	await removeOurs(this, registration);
	return false;
}

export async function huaweiCreate(this: IHookFunctions): Promise<boolean> {
	if (registrationMode(this) !== 'production') return true;
	const want = wanted(this);
	const replace = this.getNodeParameter('replaceExisting', false) === true;
	// Look before changing anything, so a refusal leaves the provider untouched.
	const stream = want.stream ? await streamConfig(this, want.domain) : null;
	const record = want.recordEvents.length > 0 ? await recordConfigFor(this, want.domain, want.app) : undefined;
	const conflicts: string[] = [];
	if (stream && stream.url !== want.url) conflicts.push(`its stream notifications go to ${String(stream.url)}`);
	if (record && record.notify_callback_url !== want.url) {
		conflicts.push(`its recording callbacks (app "${want.app}") go to ${String(record.notify_callback_url)}`);
	}
	if (conflicts.length > 0 && !replace) {
		throw new NodeOperationError(
			this.getNode(),
			`Ingest domain "${want.domain}" is already configured: ${conflicts.join('; ')}. Huawei holds one configuration per domain (and app): enable "Replace Existing Configuration" to point it at this workflow, or remove it first.`,
		);
	}
	let keys: IDataObject = {};
	if (this.getNode().credentials?.huaweiLiveCallbackApi) keys = await this.getCredentials('huaweiLiveCallbackApi');
	if (want.stream) {
		const body: IDataObject = { url: want.url };
		if (typeof keys.streamNotifyKey === 'string' && keys.streamNotifyKey !== '') body.auth_sign_key = keys.streamNotifyKey;
		await api(this, 'PUT', 'notifications/publish', { qs: { domain: want.domain }, body });
	}
	let recordId: string | null = null;
	if (want.recordEvents.length > 0) {
		const body: IDataObject = {
			publish_domain: want.domain,
			app: want.app,
			notify_callback_url: want.url,
			notify_event_subscription: want.recordEvents,
			sign_type: typeof keys.recordSignType === 'string' && keys.recordSignType !== '' ? keys.recordSignType : 'HMACSHA256',
		};
		if (typeof keys.recordCallbackKey === 'string' && keys.recordCallbackKey !== '') body.key = keys.recordCallbackKey;
		const answer = record
			? await api(this, 'PUT', `record/callbacks/${encodeURIComponent(String(record.id))}`, { body })
			: await api(this, 'POST', 'record/callbacks', { body });
		recordId = String(record?.id ?? answer.body.id);
	}
	saveRegistration(this, { domain: want.domain, app: want.app, url: want.url, stream: want.stream, recordId, recordEvents: want.recordEvents });
	return true;
}

export async function huaweiDelete(this: IHookFunctions): Promise<boolean> {
	const registration = storedRegistration<HuaweiRegistration>(this);
	if (!registration) return true;
	await removeOurs(this, registration);
	return true;
}
