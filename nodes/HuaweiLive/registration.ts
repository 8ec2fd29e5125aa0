/**
 * "Register automatically" for the Huawei Cloud Live Trigger (docs/protocols/huawei-live.md): on
 * publish, the ingest domain's stream notification configuration (for stream events) and a
 * recording callback configuration for the domain and app (for recording events) point at this
 * workflow's production URL, with the keys of the callback credential; on unpublish, both are
 * deleted while they still point here. Huawei holds one of each per domain (and app): a
 * configuration that points elsewhere is only taken over with "Replace Existing Configuration".
 * Snapshot callbacks live in snapshot templates with OBS settings and are not registered.
 */
import type { IDataObject, IHookFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { Registrar } from '../core/registration';
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
	huaweiLiveApiRequest(ctx, method, path, 0, options as { qs?: IDataObject; body?: IDataObject; tolerate?: number[] });

interface HuaweiWant {
	domain: string;
	app: string;
	url: string;
	stream: boolean;
	recordEvents: string[];
}

function wanted(ctx: IHookFunctions): HuaweiWant {
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

export const huaweiRegistrar: Registrar<HuaweiWant, HuaweiRegistration> = {
	want: wanted,

	async isCurrent(ctx, stored, want) {
		let current =
			stored.domain === want.domain &&
			stored.app === want.app &&
			stored.url === want.url &&
			stored.stream === want.stream &&
			stored.recordEvents.join() === want.recordEvents.join();
		if (current && want.stream) current = (await streamConfig(ctx, want.domain))?.url === want.url;
		if (current && want.recordEvents.length > 0) {
			const record = stored.recordId ? await recordConfigById(ctx, stored.recordId) : null;
			current = record?.notify_callback_url === want.url;
		}
		return current;
	},

	// Look before changing anything, so a refusal leaves the provider untouched.
	async conflicts(ctx, want) {
		const conflicts: string[] = [];
		const stream = want.stream ? await streamConfig(ctx, want.domain) : null;
		if (stream && stream.url !== want.url) conflicts.push(`its stream notifications go to ${String(stream.url)}`);
		const record = want.recordEvents.length > 0 ? await recordConfigFor(ctx, want.domain, want.app) : undefined;
		if (record && record.notify_callback_url !== want.url) {
			conflicts.push(`its recording callbacks (app "${want.app}") go to ${String(record.notify_callback_url)}`);
		}
		return conflicts;
	},

	refusal: (want, conflicts) =>
		`Ingest domain "${want.domain}" is already configured: ${conflicts.join('; ')}. Huawei holds one configuration per domain (and app): enable "Replace Existing Configuration" to point it at this workflow, or remove it first.`,

	async create(ctx, want) {
		let keys: IDataObject = {};
		if (ctx.getNode().credentials?.huaweiLiveCallbackApi) keys = await ctx.getCredentials('huaweiLiveCallbackApi');
		if (want.stream) {
			const body: IDataObject = { url: want.url };
			if (typeof keys.streamNotifyKey === 'string' && keys.streamNotifyKey !== '') body.auth_sign_key = keys.streamNotifyKey;
			await api(ctx, 'PUT', 'notifications/publish', { qs: { domain: want.domain }, body });
		}
		let recordId: string | null = null;
		if (want.recordEvents.length > 0) {
			const record = await recordConfigFor(ctx, want.domain, want.app);
			const body: IDataObject = {
				publish_domain: want.domain,
				app: want.app,
				notify_callback_url: want.url,
				notify_event_subscription: want.recordEvents,
				sign_type: typeof keys.recordSignType === 'string' && keys.recordSignType !== '' ? keys.recordSignType : 'HMACSHA256',
			};
			if (typeof keys.recordCallbackKey === 'string' && keys.recordCallbackKey !== '') body.key = keys.recordCallbackKey;
			const answer = record
				? await api(ctx, 'PUT', `record/callbacks/${encodeURIComponent(String(record.id))}`, { body })
				: await api(ctx, 'POST', 'record/callbacks', { body });
			recordId = String(record?.id ?? answer.body.id);
		}
		return { domain: want.domain, app: want.app, url: want.url, stream: want.stream, recordId, recordEvents: want.recordEvents };
	},

	/** Deletes what still points at this workflow's URL. */
	async remove(ctx, stored) {
		if (stored.stream) {
			const stream = await streamConfig(ctx, stored.domain);
			if (stream?.url === stored.url) {
				await api(ctx, 'DELETE', 'notifications/publish', { qs: { domain: stored.domain }, tolerate: NOT_FOUND });
			}
		}
		if (stored.recordId) {
			const record = await recordConfigById(ctx, stored.recordId);
			if (record?.notify_callback_url === stored.url) {
				await api(ctx, 'DELETE', `record/callbacks/${encodeURIComponent(stored.recordId)}`, { tolerate: NOT_FOUND });
			}
		}
	},
};
