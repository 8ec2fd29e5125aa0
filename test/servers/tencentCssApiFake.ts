/**
 * A loopback stand-in for the Tencent CSS API (live.tencentcloudapi.com, 2018-08-01): checks
 * TC3-HMAC-SHA256 with its own implementation (not the package's signer), answers with Tencent's
 * envelope (`{"Response":{...,"RequestId"}}`, errors with HTTP 200 and `Response.Error.{Code,Message}`).
 *
 * Callback configuration: keeps templates and rules and enforces the documented rules (≤ 50
 * templates, a bound template cannot be deleted, one template per (domain, app)).
 *
 * Stream control (docs/protocols/stream-control.md §1): keeps domains, online streams and
 * forbidden stream names. Documented rules enforced: required inputs, unknown parameters refused,
 * Drop of a stream that is not live succeeds, a Forbid matches the stream name alone, cuts the push
 * and lasts 7 days by default and at most 90, ResumeTime in UTC `YYYY-MM-DDTHH:MM:SSZ`, Reason
 * ≤ 2048 bytes, a forbidden name cannot push, page sizes 10–100 (the international limit).
 * [inferred] for the fake: a second Forbid replaces the resume time; Resume of a stream that is
 * not forbidden succeeds; DescribeLiveDomains answers ResourceNotFound.EmptyData when nothing matches.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

import { startLoopbackServer } from './http';
import type { LoopbackServer, ReceivedRequest, Reply } from './http';

export interface FakeTemplate {
	TemplateId: number;
	TemplateName: string;
	Description: string;
	StreamBeginNotifyUrl: string;
	StreamEndNotifyUrl: string;
	RecordNotifyUrl: string;
	SnapshotNotifyUrl: string;
	PornCensorshipNotifyUrl: string;
	CallbackKey: string;
	StreamMixNotifyUrl: string;
	PushExceptionNotifyUrl: string | null;
	AudioAuditNotifyUrl: string | null;
	RecordExceptionNotifyUrl?: string;
	RecordExceptionLevels?: string[];
	/** Settable but not returned by Describe (docs/protocols/tencent-css.md, Transport). */
	RecordStatusNotifyUrl?: string;
}

export interface FakeRule {
	CreateTime: string;
	UpdateTime: string;
	TemplateId: number;
	DomainName: string;
	AppName: string;
}

const sha256 = (text: string | Buffer) => createHash('sha256').update(text).digest('hex');
const mac = (key: Buffer | string, text: string) => createHmac('sha256', key).update(text, 'utf8').digest();

/** The fake's own TC3 computation, from the raw request as received. Exported to check it against the published vectors. */
export function expectedTc3Signature(args: {
	method: string;
	canonicalQuery: string;
	headers: Record<string, string | string[] | undefined>;
	signedHeaders: string[];
	body: string;
	timestamp: string;
	date: string;
	service: string;
	secretKey: string;
}): string {
	let canonicalHeaders = '';
	for (const name of args.signedHeaders) {
		const value = args.headers[name];
		canonicalHeaders += `${name}:${String(Array.isArray(value) ? value.join(',') : (value ?? '')).trim().toLowerCase()}\n`;
	}
	const canonical = `${args.method}\n/\n${args.canonicalQuery}\n${canonicalHeaders}\n${args.signedHeaders.join(';')}\n${sha256(args.body)}`;
	const scope = `${args.date}/${args.service}/tc3_request`;
	const toSign = `TC3-HMAC-SHA256\n${args.timestamp}\n${scope}\n${sha256(canonical)}`;
	const kDate = mac(`TC3${args.secretKey}`, args.date);
	const kService = mac(kDate, args.service);
	const kSigning = mac(kService, 'tc3_request');
	return createHmac('sha256', kSigning).update(toSign, 'utf8').digest('hex');
}

const AUTHORIZATION = /^TC3-HMAC-SHA256 Credential=([^/]+)\/(\d{4}-\d{2}-\d{2})\/([a-z0-9-]+)\/tc3_request, SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})$/;

export interface FakeDomain {
	Name: string;
	/** 0 push, 1 playback. */
	Type: number;
	/** 0 disabled, 1 enabled. */
	Status: number;
	CreateTime: string;
}

export interface FakeOnlineStream {
	DomainName: string;
	AppName: string;
	StreamName: string;
	PublishTime: string;
}

export interface FakeForbid {
	StreamName: string;
	DomainName: string;
	AppName: string;
	ResumeTime: string;
	Reason: string;
	CreateTime: string;
}

export interface TencentCssFake extends LoopbackServer {
	templates: Map<number, FakeTemplate>;
	rules: FakeRule[];
	domains: FakeDomain[];
	/** Streams being pushed now, by `domain/app/name`. */
	online: Map<string, FakeOnlineStream>;
	/** Forbidden stream names (a Forbid matches the name alone, §1.4). */
	forbidden: Map<string, FakeForbid>;
	/** A publisher starts pushing; false when the name is forbidden (the push is refused). */
	push(domain: string, app: string, name: string): boolean;
	/** Actions that passed the signature check, in order. */
	actions: Array<{ action: string; body: Record<string, unknown> }>;
	/** Makes the next call of `action` fail with this Tencent error. */
	failNext(action: string, code: string, message: string): void;
}

export async function startTencentCssFake(secrets: Record<string, string>, nowSec: () => number = () => Math.floor(Date.now() / 1000)): Promise<TencentCssFake> {
	const templates = new Map<number, FakeTemplate>();
	const rules: FakeRule[] = [];
	const domains: FakeDomain[] = [];
	const online = new Map<string, FakeOnlineStream>();
	const forbidden = new Map<string, FakeForbid>();
	const actions: TencentCssFake['actions'] = [];
	const failures = new Map<string, { code: string; message: string }>();
	let nextId = 1000;
	let requestNo = 0;

	const ok = (payload: Record<string, unknown> = {}): Reply => ({
		status: 200,
		body: { Response: { ...payload, RequestId: `req-${++requestNo}` } },
	});
	const fail = (code: string, message: string): Reply => ({
		status: 200,
		body: { Response: { Error: { Code: code, Message: message }, RequestId: `req-${++requestNo}` } },
	});

	function authenticate(req: ReceivedRequest): Reply | null {
		const match = AUTHORIZATION.exec(String(req.headers.authorization ?? ''));
		if (!match) return fail('AuthFailure.SignatureFailure', 'The Authorization header is missing or malformed.');
		const [, secretId, date, service, signedList, signature] = match;
		const secretKey = secrets[secretId];
		if (secretKey === undefined) return fail('AuthFailure.SecretIdNotFound', 'The SecretId is not found.');
		const signedHeaders = signedList.split(';');
		if (!signedHeaders.includes('content-type') || !signedHeaders.includes('host')) {
			return fail('AuthFailure.SignatureFailure', 'content-type and host must be signed.');
		}
		const timestamp = String(req.headers['x-tc-timestamp'] ?? '');
		if (!/^\d+$/.test(timestamp) || Math.abs(nowSec() - Number(timestamp)) > 300) {
			return fail('AuthFailure.SignatureExpire', 'The signature expired (X-TC-Timestamp is more than 5 minutes off).');
		}
		if (new Date(Number(timestamp) * 1000).toISOString().slice(0, 10) !== date) {
			return fail('AuthFailure.SignatureFailure', 'The credential date does not match X-TC-Timestamp.');
		}
		const [, query = ''] = req.rawUrl.split('?');
		const expected = expectedTc3Signature({
			method: req.method,
			canonicalQuery: req.method === 'GET' ? query : '',
			headers: req.headers,
			signedHeaders,
			body: req.body,
			timestamp,
			date,
			service,
			secretKey,
		});
		if (!timingSafeEqual(Buffer.from(expected), Buffer.from(signature))) {
			return fail('AuthFailure.SignatureFailure', 'The provided credentials could not be validated.');
		}
		return null;
	}

	const now = () => new Date(nowSec() * 1000 + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');
	const str = (v: unknown) => (typeof v === 'string' ? v : '');
	const URL_FIELDS = [
		'StreamBeginNotifyUrl',
		'StreamEndNotifyUrl',
		'RecordNotifyUrl',
		'SnapshotNotifyUrl',
		'PornCensorshipNotifyUrl',
		'PushExceptionNotifyUrl',
		'AudioAuditNotifyUrl',
		'RecordExceptionNotifyUrl',
		'RecordStatusNotifyUrl',
	] as const;
	const KNOWN_TEMPLATE_FIELDS = new Set<string>(['TemplateId', 'TemplateName', 'Description', 'CallbackKey', 'RecordExceptionLevels', 'StreamMixNotifyUrl', ...URL_FIELDS]);

	function templateId(body: Record<string, unknown>): number | Reply {
		if (body.TemplateId === undefined) return fail('MissingParameter', 'TemplateId is required.');
		if (typeof body.TemplateId !== 'number' || !Number.isInteger(body.TemplateId)) {
			return fail('InvalidParameterValue', 'TemplateId must be an integer.');
		}
		return body.TemplateId;
	}

	function applyFields(template: FakeTemplate, body: Record<string, unknown>): Reply | null {
		for (const key of Object.keys(body)) {
			if (!KNOWN_TEMPLATE_FIELDS.has(key)) return fail('UnknownParameter', `The parameter ${key} is not recognized.`);
		}
		for (const field of URL_FIELDS) {
			if (body[field] === undefined) continue;
			const value = str(body[field]);
			if (value !== '' && !/^https?:\/\//.test(value)) return fail('InvalidParameter.UrlNotSafe', `${field} is not a valid URL.`);
			(template as unknown as Record<string, unknown>)[field] = value;
		}
		if (body.TemplateName !== undefined) template.TemplateName = str(body.TemplateName);
		if (body.Description !== undefined) template.Description = str(body.Description);
		if (body.CallbackKey !== undefined) template.CallbackKey = str(body.CallbackKey);
		if (body.RecordExceptionLevels !== undefined) template.RecordExceptionLevels = body.RecordExceptionLevels as string[];
		return null;
	}

	function describe(template: FakeTemplate): Record<string, unknown> {
		const { RecordStatusNotifyUrl: _hidden, ...shown } = template;
		return { ...shown };
	}

	function dispatch(action: string, body: Record<string, unknown>): Reply {
		switch (action) {
			case 'CreateLiveCallbackTemplate': {
				if (typeof body.TemplateName !== 'string' || body.TemplateName === '') return fail('MissingParameter', 'TemplateName is required.');
				if (!/^[\p{L}\p{N}_-]{1,255}$/u.test(body.TemplateName)) return fail('InvalidParameter.ArgsNotMatch', 'Wrong template name.');
				if (templates.size >= 50) return fail('InternalError.ConfOutLimit', 'The template count limit is exceeded.');
				const template: FakeTemplate = {
					TemplateId: nextId++,
					TemplateName: '',
					Description: '',
					StreamBeginNotifyUrl: '',
					StreamEndNotifyUrl: '',
					RecordNotifyUrl: '',
					SnapshotNotifyUrl: '',
					PornCensorshipNotifyUrl: '',
					CallbackKey: '',
					StreamMixNotifyUrl: '',
					PushExceptionNotifyUrl: null,
					AudioAuditNotifyUrl: null,
				};
				const refused = applyFields(template, body);
				if (refused) return refused;
				if (!URL_FIELDS.some((f) => str((template as unknown as Record<string, unknown>)[f]) !== '')) {
					return fail('InvalidParameter', 'At least one callback URL is required.');
				}
				templates.set(template.TemplateId, template);
				return ok({ TemplateId: template.TemplateId });
			}
			case 'ModifyLiveCallbackTemplate': {
				const id = templateId(body);
				if (typeof id !== 'number') return id;
				const template = templates.get(id);
				if (!template) return fail('InternalError.ConfNotFound', 'The template does not exist.');
				const copy = { ...template };
				const refused = applyFields(copy, body);
				if (refused) return refused;
				templates.set(id, copy);
				return ok();
			}
			case 'DeleteLiveCallbackTemplate': {
				const id = templateId(body);
				if (typeof id !== 'number') return id;
				if (!templates.has(id)) return fail('InternalError.ConfNotFound', 'The template does not exist.');
				if (rules.some((r) => r.TemplateId === id)) return fail('FailedOperation.ConfInUsed', 'The template is in use by a rule.');
				templates.delete(id);
				return ok();
			}
			case 'DescribeLiveCallbackTemplate': {
				const id = templateId(body);
				if (typeof id !== 'number') return id;
				const template = templates.get(id);
				if (!template) return fail('InternalError.ConfNotFound', 'The template does not exist.');
				return ok({ Template: describe(template) });
			}
			case 'DescribeLiveCallbackTemplates':
				return ok({ Templates: [...templates.values()].map(describe) });
			case 'CreateLiveCallbackRule': {
				const domain = str(body.DomainName);
				const app = str(body.AppName);
				if (!domain || !app) return fail('MissingParameter', 'DomainName and AppName are required.');
				if (!/^[a-z0-9.-]+$/i.test(domain)) return fail('InvalidParameter.DomainFormatError', 'The domain format is wrong.');
				const id = templateId(body);
				if (typeof id !== 'number') return id;
				if (!templates.has(id)) return fail('InvalidParameter.ConfNotFound', 'The template does not exist.');
				if (rules.some((r) => r.DomainName === domain && r.AppName === app)) {
					return fail('InternalError.RuleAlreadyExist', 'A rule is already configured for this domain and app.');
				}
				rules.push({ CreateTime: now(), UpdateTime: now(), TemplateId: id, DomainName: domain, AppName: app });
				return ok();
			}
			case 'DeleteLiveCallbackRule': {
				const domain = str(body.DomainName);
				const app = str(body.AppName);
				if (!domain || !app) return fail('MissingParameter', 'DomainName and AppName are required.');
				const index = rules.findIndex((r) => r.DomainName === domain && r.AppName === app);
				if (index < 0) return fail('FailedOperation.NotFound', 'No rule found.');
				rules.splice(index, 1);
				return ok();
			}
			case 'DescribeLiveCallbackRules':
				return ok({ Rules: rules.map((r) => ({ ...r })) });
			default:
				return streamDispatch(action, body);
		}
	}

	const isoSeconds = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
	const STREAM_FIELDS = ['DomainName', 'AppName', 'StreamName'];
	const KNOWN_STREAM_PARAMS: Record<string, string[]> = {
		DropLiveStream: STREAM_FIELDS,
		ForbidLiveStream: [...STREAM_FIELDS, 'ResumeTime', 'Reason'],
		ResumeLiveStream: STREAM_FIELDS,
		DescribeLiveStreamState: STREAM_FIELDS,
		DescribeLiveStreamOnlineList: [...STREAM_FIELDS, 'PageNum', 'PageSize'],
		DescribeLiveDomains: ['DomainStatus', 'DomainType', 'PageSize', 'PageNum', 'IsDelayLive', 'DomainPrefix', 'PlayType'],
	};

	function unknownParameter(action: string, body: Record<string, unknown>): Reply | null {
		const known = KNOWN_STREAM_PARAMS[action];
		const extra = Object.keys(body).find((k) => !known.includes(k));
		return extra ? fail('UnknownParameter', `The parameter ${extra} is not recognized.`) : null;
	}

	function streamOf(body: Record<string, unknown>): { DomainName: string; AppName: string; StreamName: string } | Reply {
		for (const field of STREAM_FIELDS) {
			if (body[field] === undefined) return fail('MissingParameter', `The parameter ${field} is missing.`);
			if (typeof body[field] !== 'string' || body[field] === '') return fail('InvalidParameterValue', `${field} must be a non-empty string.`);
		}
		return { DomainName: body.DomainName as string, AppName: body.AppName as string, StreamName: body.StreamName as string };
	}

	/** A forbid still in force (expired ones are dropped). */
	function activeForbid(name: string): FakeForbid | undefined {
		const entry = forbidden.get(name);
		if (entry && Date.parse(entry.ResumeTime) <= nowSec() * 1000) {
			forbidden.delete(name);
			return undefined;
		}
		return entry;
	}

	function integerIn(body: Record<string, unknown>, field: string, min: number, max: number, fallback: number): number | Reply {
		const value = body[field];
		if (value === undefined) return fallback;
		if (typeof value !== 'number' || !Number.isInteger(value)) return fail('InvalidParameter', `${field} must be an integer.`);
		if (value < min || value > max) return fail('InvalidParameterValue', `${field} must be between ${min} and ${max}.`);
		return value;
	}

	function page<T>(list: T[], pageNum: number, pageSize: number) {
		return { items: list.slice((pageNum - 1) * pageSize, pageNum * pageSize), totalPage: Math.ceil(list.length / pageSize) };
	}

	function streamDispatch(action: string, body: Record<string, unknown>): Reply {
		if (!KNOWN_STREAM_PARAMS[action]) return fail('InvalidAction', `The action ${action} does not exist.`);
		const refused = unknownParameter(action, body);
		if (refused) return refused;
		switch (action) {
			case 'DropLiveStream': {
				const stream = streamOf(body);
				if ('status' in stream) return stream;
				// Documented: succeeds whether or not the stream is live.
				online.delete(`${stream.DomainName}/${stream.AppName}/${stream.StreamName}`);
				return ok();
			}
			case 'ForbidLiveStream': {
				const stream = streamOf(body);
				if ('status' in stream) return stream;
				const nowMs = nowSec() * 1000;
				let resumeMs = nowMs + 7 * 86_400_000;
				if (body.ResumeTime !== undefined) {
					const text = String(body.ResumeTime);
					if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/.test(text) || Number.isNaN(Date.parse(text))) {
						return fail('InvalidParameterValue', 'ResumeTime must be UTC YYYY-MM-DDTHH:MM:SSZ.');
					}
					resumeMs = Date.parse(text);
					if (resumeMs <= nowMs) return fail('InvalidParameterValue', 'ResumeTime must be in the future.');
					if (resumeMs > nowMs + 90 * 86_400_000) return fail('InvalidParameterValue', 'A stream can be forbidden for at most 90 days.');
				}
				const reason = body.Reason === undefined ? '' : String(body.Reason);
				if (Buffer.byteLength(reason, 'utf8') > 2048) return fail('InvalidParameterValue', 'Reason is longer than 2048 bytes.');
				forbidden.set(stream.StreamName, { ...stream, ResumeTime: isoSeconds(resumeMs), Reason: reason, CreateTime: isoSeconds(nowMs) });
				// The block matches the name alone and cuts the ongoing push.
				for (const [key, s] of online) if (s.StreamName === stream.StreamName) online.delete(key);
				return ok();
			}
			case 'ResumeLiveStream': {
				const stream = streamOf(body);
				if ('status' in stream) return stream;
				forbidden.delete(stream.StreamName);
				return ok();
			}
			case 'DescribeLiveStreamState': {
				const stream = streamOf(body);
				if ('status' in stream) return stream;
				if (activeForbid(stream.StreamName)) return ok({ StreamState: 'forbid' });
				return ok({ StreamState: online.has(`${stream.DomainName}/${stream.AppName}/${stream.StreamName}`) ? 'active' : 'inactive' });
			}
			case 'DescribeLiveStreamOnlineList': {
				const pageNum = integerIn(body, 'PageNum', 1, 1_000_000, 1);
				if (typeof pageNum !== 'number') return pageNum;
				const pageSize = integerIn(body, 'PageSize', 10, 100, 10);
				if (typeof pageSize !== 'number') return pageSize;
				const all = [...online.values()].filter((s) => STREAM_FIELDS.every((f) => body[f] === undefined || body[f] === s[f as keyof FakeOnlineStream]));
				const { items, totalPage } = page(all, pageNum, pageSize);
				return ok({
					OnlineInfo: items.map((s) => ({
						StreamName: s.StreamName,
						AppName: s.AppName,
						DomainName: s.DomainName,
						PublishTimeList: [{ PublishTime: s.PublishTime }],
						PushToDelay: 0,
					})),
					TotalNum: all.length,
					TotalPage: totalPage,
					PageNum: pageNum,
					PageSize: pageSize,
				});
			}
			case 'DescribeLiveDomains': {
				const pageNum = integerIn(body, 'PageNum', 1, 100000, 1);
				if (typeof pageNum !== 'number') return pageNum;
				const pageSize = integerIn(body, 'PageSize', 10, 100, 10);
				if (typeof pageSize !== 'number') return pageSize;
				for (const field of ['DomainType', 'DomainStatus']) {
					const v = integerIn(body, field, 0, 1, 0);
					if (typeof v !== 'number') return v;
				}
				const all = domains.filter(
					(d) =>
						(body.DomainType === undefined || d.Type === body.DomainType) &&
						(body.DomainStatus === undefined || d.Status === body.DomainStatus) &&
						(typeof body.DomainPrefix !== 'string' || d.Name.startsWith(body.DomainPrefix)),
				);
				if (all.length === 0) return fail('ResourceNotFound.EmptyData', 'No data.');
				return ok({ AllCount: all.length, DomainList: page(all, pageNum, pageSize).items.map((d) => ({ ...d })), CreateLimitCount: 100 });
			}
		}
		return fail('InvalidAction', `The action ${action} does not exist.`);
	}

	const server = await startLoopbackServer((req) => {
		if (req.method !== 'POST' || req.rawUrl !== '/') return fail('UnsupportedProtocol', 'POST / only.');
		if (req.headers['x-tc-version'] !== '2018-08-01') return fail('NoSuchVersion', 'X-TC-Version must be 2018-08-01.');
		const refused = authenticate(req);
		if (refused) return refused;
		const action = String(req.headers['x-tc-action'] ?? '');
		let body: Record<string, unknown>;
		try {
			body = JSON.parse(req.body) as Record<string, unknown>;
		} catch {
			return fail('InvalidParameter', 'The body is not JSON.');
		}
		const planned = failures.get(action);
		if (planned) {
			failures.delete(action);
			return fail(planned.code, planned.message);
		}
		actions.push({ action, body });
		return dispatch(action, body);
	});
	return Object.assign(server, {
		templates,
		rules,
		domains,
		online,
		forbidden,
		push: (domain: string, app: string, name: string) => {
			if (activeForbid(name)) return false;
			online.set(`${domain}/${app}/${name}`, { DomainName: domain, AppName: app, StreamName: name, PublishTime: isoSeconds(nowSec() * 1000) });
			return true;
		},
		actions,
		failNext: (action: string, code: string, message: string) => failures.set(action, { code, message }),
	});
}
