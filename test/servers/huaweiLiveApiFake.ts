/**
 * A loopback stand-in for the Huawei Cloud Live management API (docs/protocols/huawei-live.md, Register Automatically): checks APIG
 * SDK-HMAC-SHA256 with its own implementation (not the package's signer), answers errors with
 * Huawei's `{"error_code","error_msg"}` shape, keeps stream-notification configs (one per ingest
 * domain) and recording callback configs (one per domain + app), and keys are write-only.
 *
 * [INFERRED] for the fake: APIG's refusal is modelled as HTTP 401 `APIGW.0301`; "not found" and
 * "already exists" use HTTP 404 / 400 with the documented `LIVE.100011001` code, whose real
 * values are not documented (docs/protocols/stream-control.md §2.1).
 *
 * Stream control (docs/protocols/stream-control.md §2): keeps domains, online streams and blocks.
 * Documented rules enforced: required body/query fields and their lengths, `stream_name` not `*`,
 * `resume_time` in UTC `yyyy-mm-ddThh:mm:ssZ`, in the future, at most 90 days ahead, 7 days when
 * omitted; a block cuts the push and refuses new ones until it ends; success answers are 204
 * without a body; zero-based `page` and `size` 1–100 for the block list, `offset`/`limit` 1–100
 * and `stream` only with `app` for the online list; every answer carries `X-Request-Id`.
 * [inferred] for the fake: a second Create answers 400 `LIVE.103011018` (resource exists); Update
 * or Delete of a stream that is not blocked answer 400 `LIVE.100011001`; block-once of a stream
 * that is not live answers 204.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

import { startLoopbackServer } from './http';
import type { LoopbackServer, ReceivedRequest, Reply } from './http';

const enc = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

/** The fake's own APIG computation from the raw request. Exported to check it against Huawei's published example. */
export function expectedApigSignature(args: {
	method: string;
	rawUrl: string;
	headers: Record<string, string | string[] | undefined>;
	signedHeaders: string[];
	body: string;
	secretKey: string;
}): string {
	const [rawPath, rawQuery = ''] = args.rawUrl.split('?');
	let uri = rawPath
		.split('/')
		.map((seg) => enc(decodeURIComponent(seg)))
		.join('/');
	if (!uri.endsWith('/')) uri += '/';
	const query = rawQuery
		.split('&')
		.filter((p) => p !== '')
		.map((pair) => {
			const [k, v = ''] = pair.split('=');
			return `${enc(decodeURIComponent(k))}=${enc(decodeURIComponent(v))}`;
		})
		.sort()
		.join('&');
	const headerLines = args.signedHeaders
		.map((h) => {
			const v = args.headers[h];
			return `${h}:${String(Array.isArray(v) ? v.join(',') : (v ?? '')).trim()}\n`;
		})
		.join('');
	const canonical = [args.method, uri, query, headerLines, args.signedHeaders.join(';'), sha256(args.body)].join('\n');
	const date = String(args.headers['x-sdk-date'] ?? '');
	return createHmac('sha256', args.secretKey).update(`SDK-HMAC-SHA256\n${date}\n${sha256(canonical)}`, 'utf8').digest('hex');
}

const AUTHORIZATION = /^SDK-HMAC-SHA256 Access=([^,\s]+), SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})$/;

export interface PublishConfig {
	url: string;
	auth_sign_key?: string;
	call_back_area?: string;
}

export interface RecordCallbackConfig {
	id: string;
	publish_domain: string;
	app: string;
	notify_callback_url: string;
	notify_event_subscription: string[];
	sign_type: string;
	key?: string;
	create_time: string;
	update_time: string;
}

export interface FakeHuaweiDomain {
	domain: string;
	domain_type: 'push' | 'pull';
	status: 'on' | 'off' | 'configuring';
	region: string;
	create_time: string;
	related_domain?: string;
}

export interface FakeHuaweiOnline {
	publish_domain: string;
	app: string;
	stream: string;
	video_codec: string;
	audio_codec: string;
	resolution: string;
	client_ip: string;
	start_time: string;
}

export interface FakeHuaweiBlock {
	domain: string;
	app_name: string;
	stream_name: string;
	resume_time: string;
}

export interface HuaweiLiveFake extends LoopbackServer {
	publish: Map<string, PublishConfig>;
	recordCallbacks: Map<string, RecordCallbackConfig>;
	domains: FakeHuaweiDomain[];
	/** Streams being pushed now, by `domain/app/stream`. */
	online: Map<string, FakeHuaweiOnline>;
	/** Blocks in force, by `domain/app/stream`. */
	blocks: Map<string, FakeHuaweiBlock>;
	/** A publisher starts pushing; false when the stream is blocked (the push is refused). */
	push(domain: string, app: string, stream: string): boolean;
	/** The next request to `method path` (path after the project) answers this instead. */
	failNext(method: string, path: string, status: number, code: string, msg: string): void;
	/** Requests that passed the signature check: method, path and parsed body. */
	calls: Array<{ method: string; path: string; query: Record<string, string>; body: unknown }>;
}

const RECORD_EVENTS = new Set(['RECORD_NEW_FILE_START', 'RECORD_FILE_COMPLETE', 'RECORD_OVER', 'RECORD_FAILED']);

export async function startHuaweiLiveFake(
	account: { accessKey: string; secretKey: string; projectId: string },
	nowMs: () => number = () => Date.now(),
): Promise<HuaweiLiveFake> {
	const publish = new Map<string, PublishConfig>();
	const recordCallbacks = new Map<string, RecordCallbackConfig>();
	const domains: FakeHuaweiDomain[] = [];
	const online = new Map<string, FakeHuaweiOnline>();
	const blocks = new Map<string, FakeHuaweiBlock>();
	const failures = new Map<string, Reply>();
	let requestNo = 0;
	const calls: HuaweiLiveFake['calls'] = [];
	let nextId = 1;

	const error = (status: number, code: string, msg: string): Reply => ({ status, body: { error_code: code, error_msg: msg } });
	const illegal = (msg: string, status = 400) => error(status, 'LIVE.100011001', `Request Illegal: ${msg}`);

	function authenticate(req: ReceivedRequest): Reply | null {
		const match = AUTHORIZATION.exec(String(req.headers.authorization ?? ''));
		if (!match) return error(401, 'APIGW.0301', 'Incorrect IAM authentication information: Authorization header malformed');
		const [, access, signedList, signature] = match;
		if (access !== account.accessKey) return error(401, 'APIGW.0301', 'Incorrect IAM authentication information: ak not exist');
		const signed = signedList.split(';');
		if (!signed.includes('x-sdk-date')) return error(401, 'APIGW.0301', 'Incorrect IAM authentication information: x-sdk-date not signed');
		if (!signed.includes('x-project-id') || req.headers['x-project-id'] !== account.projectId) {
			return error(401, 'APIGW.0301', 'Incorrect IAM authentication information: X-Project-Id missing, unsigned or wrong');
		}
		const date = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(String(req.headers['x-sdk-date'] ?? ''));
		if (!date) return error(401, 'APIGW.0301', 'Incorrect IAM authentication information: bad X-Sdk-Date');
		const at = Date.UTC(+date[1], +date[2] - 1, +date[3], +date[4], +date[5], +date[6]);
		if (Math.abs(nowMs() - at) > 15 * 60_000) return error(401, 'APIGW.0301', 'Incorrect IAM authentication information: request expired');
		const expected = expectedApigSignature({ method: req.method, rawUrl: req.rawUrl, headers: req.headers, signedHeaders: signed, body: req.body, secretKey: account.secretKey });
		if (!timingSafeEqual(Buffer.from(expected), Buffer.from(signature))) {
			return error(401, 'APIGW.0301', 'Incorrect IAM authentication information: verify aksk signature fail');
		}
		return null;
	}

	const stamp = () => new Date(nowMs()).toISOString().replace(/\.\d{3}Z$/, 'Z');
	const shown = (c: RecordCallbackConfig) => {
		const { key: _writeOnly, ...rest } = c;
		return rest;
	};

	function recordBody(body: Record<string, unknown>): Reply | Omit<RecordCallbackConfig, 'id' | 'create_time' | 'update_time'> {
		const domain = typeof body.publish_domain === 'string' ? body.publish_domain : '';
		const app = typeof body.app === 'string' ? body.app : '';
		if (!domain || !app) return illegal('publish_domain and app are required');
		const events = (body.notify_event_subscription as string[] | undefined) ?? ['RECORD_FILE_COMPLETE'];
		if (!Array.isArray(events) || events.some((e) => !RECORD_EVENTS.has(e))) return illegal('notify_event_subscription');
		const signType = (body.sign_type as string | undefined) ?? 'HMACSHA256';
		if (!['MD5', 'HMACSHA256'].includes(signType)) return illegal('sign_type');
		const url = typeof body.notify_callback_url === 'string' ? body.notify_callback_url : '';
		if (url !== '' && !/^https?:\/\//.test(url)) return illegal('notify_callback_url');
		return { publish_domain: domain, app, notify_callback_url: url, notify_event_subscription: events, sign_type: signType, key: body.key as string | undefined };
	}

	function dispatch(method: string, rest: string, query: Record<string, string>, body: Record<string, unknown>): Reply {
		if (rest === 'notifications/publish') {
			const domain = query.domain ?? '';
			if (!domain) return illegal('domain is required');
			if (method === 'PUT') {
				if (typeof body.url !== 'string' || !/^https?:\/\//.test(body.url)) return illegal('url is required');
				if (body.auth_sign_key !== undefined && !/^.{32,128}$/.test(String(body.auth_sign_key))) return illegal('auth_sign_key must be 32 to 128 characters');
				if (body.call_back_area !== undefined && !['mainland_china', 'outside_mainland_china'].includes(String(body.call_back_area))) {
					return illegal('call_back_area');
				}
				const existed = publish.has(domain);
				publish.set(domain, { url: body.url, auth_sign_key: body.auth_sign_key as string | undefined, call_back_area: body.call_back_area as string | undefined });
				return { status: existed ? 200 : 201 };
			}
			if (method === 'GET') {
				const config = publish.get(domain);
				if (!config) return illegal('no stream notification configuration for this domain', 404);
				return { status: 200, body: { url: config.url, auth_sign_key: config.auth_sign_key ?? '', call_back_area: config.call_back_area ?? '' } };
			}
			if (method === 'DELETE') {
				if (!publish.delete(domain)) return illegal('no stream notification configuration for this domain', 404);
				return { status: 204 };
			}
		}
		if (rest === 'record/callbacks') {
			if (method === 'POST') {
				const parsed = recordBody(body);
				if ('status' in parsed) return parsed;
				if ([...recordCallbacks.values()].some((c) => c.publish_domain === parsed.publish_domain && c.app === parsed.app)) {
					return illegal('a recording callback already exists for this domain and app');
				}
				const config: RecordCallbackConfig = { id: `rc-${nextId++}`, ...parsed, create_time: stamp(), update_time: stamp() };
				recordCallbacks.set(config.id, config);
				return { status: 201, body: shown(config) };
			}
			if (method === 'GET') {
				const all = [...recordCallbacks.values()].filter(
					(c) => (!query.publish_domain || c.publish_domain === query.publish_domain) && (!query.app || c.app === query.app),
				);
				const offset = Number(query.offset ?? 0);
				const limit = Number(query.limit ?? 10);
				return { status: 200, body: { total: all.length, callback_config: all.slice(offset, offset + limit).map(shown) } };
			}
		}
		const byId = /^record\/callbacks\/([^/]+)$/.exec(rest);
		if (byId) {
			const config = recordCallbacks.get(byId[1]);
			if (!config) return illegal('record callback config not found', 404);
			if (method === 'GET') return { status: 200, body: shown(config) };
			if (method === 'DELETE') {
				recordCallbacks.delete(config.id);
				return { status: 204 };
			}
			if (method === 'PUT') {
				const parsed = recordBody(body);
				if ('status' in parsed) return parsed;
				const updated: RecordCallbackConfig = { ...config, ...parsed, key: parsed.key ?? config.key, update_time: stamp() };
				recordCallbacks.set(config.id, updated);
				return { status: 200, body: shown(updated) };
			}
		}
		const streamReply = streamDispatch(method, rest, query, body);
		if (streamReply) return streamReply;
		return error(404, 'APIGW.0101', 'The API does not exist or has not been published in the environment');
	}

	const DAY_MS = 86_400_000;
	const streamKey = (domain: string, app: string, stream: string) => `${domain}/${app}/${stream}`;
	const isoSeconds = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

	/** A block still in force (ended ones are dropped). */
	function activeBlock(key: string): FakeHuaweiBlock | undefined {
		const block = blocks.get(key);
		if (block && Date.parse(block.resume_time) <= nowMs()) {
			blocks.delete(key);
			return undefined;
		}
		return block;
	}

	function text(value: unknown, field: string, max: number): string | Reply {
		if (typeof value !== 'string' || value.length < 1) return illegal(`${field} is required`);
		if (value.length > max) return illegal(`${field} is longer than ${max} characters`);
		return value;
	}

	function streamFields(source: Record<string, unknown>): { domain: string; app_name: string; stream_name: string } | Reply {
		const domain = text(source.domain, 'domain', 255);
		if (typeof domain !== 'string') return domain;
		const app = text(source.app_name, 'app_name', 128);
		if (typeof app !== 'string') return app;
		const stream = text(source.stream_name, 'stream_name', 512);
		if (typeof stream !== 'string') return stream;
		if (stream === '*') return illegal('stream_name must not be *');
		return { domain, app_name: app, stream_name: stream };
	}

	function blockBody(body: Record<string, unknown>, allowed: string[]): FakeHuaweiBlock | Reply {
		const extra = Object.keys(body).find((k) => !allowed.includes(k));
		if (extra) return illegal(`unknown field ${extra}`);
		const fields = streamFields(body);
		if ('status' in fields) return fields;
		let resumeMs = nowMs() + 7 * DAY_MS;
		if (body.resume_time !== undefined) {
			const value = String(body.resume_time);
			if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/.test(value) || Number.isNaN(Date.parse(value))) return illegal('resume_time format');
			resumeMs = Date.parse(value);
			if (resumeMs <= nowMs()) return illegal('resume_time must be later than now');
			if (resumeMs > nowMs() + 90 * DAY_MS) return illegal('resume_time is more than 90 days ahead');
		}
		return { ...fields, resume_time: isoSeconds(resumeMs) };
	}

	function integer(query: Record<string, string>, field: string, min: number, max: number, fallback: number): number | Reply {
		if (query[field] === undefined) return fallback;
		const value = Number(query[field]);
		if (!Number.isInteger(value) || value < min || value > max) return illegal(`${field} must be an integer from ${min} to ${max}`);
		return value;
	}

	function cut(domain: string, app: string, stream: string): boolean {
		return online.delete(streamKey(domain, app, stream));
	}

	function streamDispatch(method: string, rest: string, query: Record<string, string>, body: Record<string, unknown>): Reply | null {
		if (rest === 'stream/blocks') {
			if (method === 'POST' || method === 'PUT') {
				const block = blockBody(body, ['domain', 'app_name', 'stream_name', 'resume_time']);
				if ('status' in block) return block;
				const key = streamKey(block.domain, block.app_name, block.stream_name);
				const existing = activeBlock(key);
				if (method === 'POST' && existing) return error(400, 'LIVE.103011018', 'The resource already exists');
				if (method === 'PUT' && !existing) return illegal('the stream is not blocked');
				blocks.set(key, block);
				cut(block.domain, block.app_name, block.stream_name);
				return { status: 204 };
			}
			if (method === 'DELETE') {
				const fields = streamFields(query);
				if ('status' in fields) return fields;
				const key = streamKey(fields.domain, fields.app_name, fields.stream_name);
				if (!activeBlock(key)) return illegal('the stream is not blocked');
				blocks.delete(key);
				return { status: 204 };
			}
			if (method === 'GET') {
				const domain = text(query.domain, 'domain', 255);
				if (typeof domain !== 'string') return domain;
				const page = integer(query, 'page', 0, 1_000_000, 0);
				if (typeof page !== 'number') return page;
				const size = integer(query, 'size', 1, 100, 10);
				if (typeof size !== 'number') return size;
				const all = [...blocks.keys()]
					.map((key) => activeBlock(key))
					.filter((b): b is FakeHuaweiBlock => b !== undefined)
					.filter((b) => b.domain === domain && (!query.app_name || b.app_name === query.app_name) && (!query.stream_name || b.stream_name === query.stream_name));
				return {
					status: 200,
					body: { total: all.length, blocks: all.slice(page * size, (page + 1) * size).map(({ app_name, stream_name, resume_time }) => ({ app_name, stream_name, resume_time })) },
				};
			}
		}
		if (rest === 'stream/block-once' && method === 'POST') {
			const extra = Object.keys(body).find((k) => !['domain', 'app_name', 'stream_name'].includes(k));
			if (extra) return illegal(`unknown field ${extra}`);
			const fields = streamFields(body);
			if ('status' in fields) return fields;
			cut(fields.domain, fields.app_name, fields.stream_name);
			return { status: 204 };
		}
		if (rest === 'realtime/streams' && method === 'GET') {
			const domain = text(query.publish_domain, 'publish_domain', 255);
			if (typeof domain !== 'string') return illegal('Invalid request parameter: publish_domain');
			if (query.stream && !query.app) return illegal('stream needs app');
			const offset = integer(query, 'offset', 0, 1_000_000, 0);
			if (typeof offset !== 'number') return offset;
			const limit = integer(query, 'limit', 1, 100, 10);
			if (typeof limit !== 'number') return limit;
			const all = [...online.values()].filter(
				(s) => s.publish_domain === domain && (!query.app || s.app === query.app) && (!query.stream || s.stream === query.stream),
			);
			return {
				status: 200,
				body: {
					total_page: Math.ceil(all.length / limit),
					total_num: all.length,
					offset,
					limit,
					request_id: `hw-req-${requestNo}`,
					streams: all.slice(offset, offset + limit),
				},
			};
		}
		if (rest === 'domain' && method === 'GET') {
			const all = domains.filter((d) => !query.domain || d.domain === query.domain);
			return { status: 200, body: { total: all.length, domain_info: all.map((d) => ({ ...d })) } };
		}
		return null;
	}

	const server = await startLoopbackServer((req) => {
		const reply = answer(req);
		return { ...reply, headers: { ...(reply.headers ?? {}), 'X-Request-Id': `hw-req-${++requestNo}` } };
	});

	function answer(req: ReceivedRequest): Reply {
		const refused = authenticate(req);
		if (refused) return refused;
		const [path, rawQuery = ''] = req.rawUrl.split('?');
		const prefix = `/v1/${account.projectId}/`;
		if (!path.startsWith(prefix)) return error(403, 'APIGW.0302', 'The project in the path does not match the signed project');
		const query = Object.fromEntries(new URLSearchParams(rawQuery).entries());
		let body: Record<string, unknown> = {};
		if (req.body !== '') {
			try {
				body = JSON.parse(req.body) as Record<string, unknown>;
			} catch {
				return illegal('body is not JSON');
			}
		}
		const rest = path.slice(prefix.length);
		const planned = failures.get(`${req.method} ${rest}`);
		if (planned) {
			failures.delete(`${req.method} ${rest}`);
			return planned;
		}
		calls.push({ method: req.method, path: rest, query, body: req.body === '' ? undefined : body });
		return dispatch(req.method, rest, query, body);
	}
	return Object.assign(server, {
		publish,
		recordCallbacks,
		calls,
		domains,
		online,
		blocks,
		push: (domain: string, app: string, stream: string) => {
			if (activeBlock(streamKey(domain, app, stream))) return false;
			online.set(streamKey(domain, app, stream), {
				publish_domain: domain,
				app,
				stream,
				video_codec: 'H264',
				audio_codec: 'AAC',
				resolution: '1280x720',
				client_ip: '203.0.113.7',
				start_time: isoSeconds(nowMs()),
			});
			return true;
		},
		failNext: (method: string, path: string, status: number, code: string, msg: string) =>
			failures.set(`${method} ${path}`, error(status, code, msg)),
	});
}
