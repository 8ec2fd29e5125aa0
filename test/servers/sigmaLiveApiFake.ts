/**
 * A small Sigma Livestream API server on 127.0.0.1 (a random port) that behaves like the documented
 * API (docs/protocols/sigma-live.md, "Webhook API"): HTTP Basic checked on every request, the
 * `{ ec, data, msg }` envelope (or bare bodies), webhook create / list (page ≥ 0, length 1–100,
 * event filter) / update, channel get and list, 404 on unknown ids, and its state kept across
 * requests.
 *
 * Delete is only what the document shows: `GET /v1/webhook/{id}?event=a,b` removes those events,
 * and the webhook once none is left. `DELETE` is not offered (405), and a `GET /v1/webhook/{id}`
 * without `event` deletes nothing: it answers the webhook, as a read would. `deletesNothing` makes
 * the documented call answer `{}` and change nothing (a server where it does not delete).
 *
 * Channel stop and update (docs/protocols/stream-control.md): `DELETE /livestream/live/{id}?delete=false|true`
 * ends the channel (status `ended`, no more pushes) or deletes it, `PUT /livestream/live/{id}` changes
 * name, description, catchup and tags (a comma text). [inferred] for the fake: the answers are `{}` /
 * the updated channel in the envelope, `delete` must be "true" or "false", an unknown field answers 422.
 */
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export const ALL_EVENTS = ['channel_live', 'channel_stop', 'channel_ended'];

export interface StoredWebhook {
	id: string;
	uri: string;
	event: string[];
}

export interface FakeSigmaOptions {
	tokenId?: string;
	tokenSecret?: string;
	/** false: successful answers are bare objects, as the webhook page's examples show. */
	envelope?: boolean;
	/** The documented delete answers `{}` but removes nothing. */
	deletesNothing?: boolean;
	channels?: Array<Record<string, unknown>>;
}

export interface LoggedRequest {
	method: string;
	path: string;
	query: Record<string, string>;
	body: unknown;
	authorized: boolean;
}

export class FakeSigmaApi {
	readonly webhooks = new Map<string, StoredWebhook>();
	readonly channels = new Map<string, Record<string, unknown>>();
	readonly requests: LoggedRequest[] = [];
	/**
	 * The next request (the next one `when` accepts, if given) answers this status and Sigma
	 * `ec`/`msg` instead of doing its work.
	 */
	failNext: { status: number; ec: number; msg: string; when?: (request: LoggedRequest) => boolean } | null = null;
	private server: Server | null = null;
	private nextId = 1;
	private readonly options: Required<Omit<FakeSigmaOptions, 'channels'>>;

	constructor(options: FakeSigmaOptions = {}) {
		this.options = {
			tokenId: options.tokenId ?? 'live-token-id',
			tokenSecret: options.tokenSecret ?? 'live-token-secret',
			envelope: options.envelope ?? true,
			deletesNothing: options.deletesNothing ?? false,
		};
		for (const channel of options.channels ?? []) this.channels.set(String(channel.id), channel);
	}

	get baseUrl(): string {
		const address = this.server?.address() as AddressInfo | null;
		if (!address) throw new Error('fake Sigma API not started');
		return `http://127.0.0.1:${address.port}`;
	}

	get credentials() {
		return { baseUrl: this.baseUrl, tokenId: this.options.tokenId, tokenSecret: this.options.tokenSecret };
	}

	/** Adds a webhook as if created earlier (by hand or by another activation). */
	seed(uri: string, event: string[] = ALL_EVENTS): StoredWebhook {
		const webhook = { id: `wh_${this.nextId++}`, uri, event };
		this.webhooks.set(webhook.id, webhook);
		return webhook;
	}

	async start(): Promise<void> {
		this.server = createServer((req, res) => {
			const chunks: Buffer[] = [];
			req.on('data', (chunk: Buffer) => chunks.push(chunk));
			req.on('end', () => this.handle(req, res, Buffer.concat(chunks).toString('utf8')));
		});
		await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
	}

	async stop(): Promise<void> {
		const server = this.server;
		if (!server) return;
		server.closeAllConnections();
		await new Promise<void>((resolve) => server.close(() => resolve()));
		this.server = null;
	}

	private send(res: ServerResponse, status: number, data: unknown): void {
		const body = this.options.envelope ? { ec: 0, data, msg: '' } : data;
		res.writeHead(status, { 'content-type': 'application/json' });
		res.end(JSON.stringify(body));
	}

	private fail(res: ServerResponse, status: number, ec: number, msg: string): void {
		res.writeHead(status, { 'content-type': 'application/json' });
		res.end(JSON.stringify({ ec, data: null, msg }));
	}

	private authorized(req: IncomingMessage): boolean {
		const expected = Buffer.from(`${this.options.tokenId}:${this.options.tokenSecret}`).toString('base64');
		return req.headers.authorization === `Basic ${expected}`;
	}

	private handle(req: IncomingMessage, res: ServerResponse, rawBody: string): void {
		const url = new URL(req.url ?? '/', 'http://127.0.0.1');
		const query = Object.fromEntries(url.searchParams.entries());
		let body: unknown = undefined;
		if (rawBody !== '') {
			try {
				body = JSON.parse(rawBody);
			} catch {
				return this.fail(res, 400, 400, 'Invalid JSON');
			}
		}
		const method = req.method ?? 'GET';
		const authorized = this.authorized(req);
		const logged: LoggedRequest = { method, path: url.pathname, query, body, authorized };
		this.requests.push(logged);
		if (!authorized) return this.fail(res, 401, 401, 'Unauthorized');
		if (this.failNext && (this.failNext.when === undefined || this.failNext.when(logged))) {
			const { status, ec, msg } = this.failNext;
			this.failNext = null;
			return this.fail(res, status, ec, msg);
		}

		const parts = url.pathname.split('/').filter((p) => p !== '');
		if (parts[0] === 'v1' && parts[1] === 'webhook') return this.webhookRoute(method, parts[2], query, body, res);
		if (parts[0] === 'livestream' && parts[1] === 'live' && parts.length <= 3 && method === 'GET') {
			return this.channelRoute(parts[2], query, res);
		}
		if (parts[0] === 'livestream' && parts[1] === 'live' && parts.length === 3 && (method === 'DELETE' || method === 'PUT')) {
			return this.channelChange(method, decodeURIComponent(parts[2]), query, body, res);
		}
		return this.fail(res, 404, 404, 'Not found');
	}

	private parseEvents(value: unknown): string[] | null {
		if (typeof value !== 'string' || value.trim() === '') return null;
		if (value === 'all') return [...ALL_EVENTS];
		const list = value.split(',').map((e) => e.trim());
		return list.every((e) => ALL_EVENTS.includes(e)) ? list : null;
	}

	private paging(query: Record<string, string>): { page: number; length: number } | null {
		const page = query.page === undefined ? 0 : Number(query.page);
		const length = query.length === undefined ? 10 : Number(query.length);
		if (!Number.isInteger(page) || page < 0 || !Number.isInteger(length) || length < 1 || length > 100) return null;
		return { page, length };
	}

	private webhookRoute(
		method: string,
		id: string | undefined,
		query: Record<string, string>,
		body: unknown,
		res: ServerResponse,
	): void {
		const input = (body ?? {}) as { uri?: unknown; event?: unknown };
		if (id === undefined) {
			if (method === 'POST') {
				const events = this.parseEvents(input.event);
				if (typeof input.uri !== 'string' || !/^https?:\/\//.test(input.uri) || events === null) {
					return this.fail(res, 422, 422, 'Wrong param');
				}
				const webhook = this.seed(input.uri, events);
				return this.send(res, 201, webhook);
			}
			if (method === 'GET') {
				const paging = this.paging(query);
				if (paging === null) return this.fail(res, 422, 422, 'Wrong param');
				const filter = query.event ? this.parseEvents(query.event) : null;
				if (query.event && filter === null) return this.fail(res, 422, 422, 'Wrong param');
				const all = [...this.webhooks.values()].filter(
					(w) => filter === null || w.event.some((e) => filter.includes(e)),
				);
				const data = all.slice(paging.page * paging.length, (paging.page + 1) * paging.length);
				return this.send(res, 200, { data, total: all.length, length: paging.length, page: paging.page });
			}
			return this.fail(res, 405, 405, 'Method not allowed');
		}

		const webhook = this.webhooks.get(id);
		if (method === 'DELETE') return this.fail(res, 405, 405, 'Method not allowed');
		if (!webhook && (method === 'GET' || method === 'PUT')) return this.fail(res, 404, 404, 'Webhook not found');
		if (method === 'PUT') {
			const events = this.parseEvents(input.event);
			if (typeof input.uri !== 'string' || !/^https?:\/\//.test(input.uri) || events === null) {
				return this.fail(res, 422, 422, 'Wrong param');
			}
			webhook!.uri = input.uri;
			webhook!.event = events;
			return this.send(res, 200, webhook);
		}
		if (method === 'GET') {
			// Without `event` this is not the documented delete: nothing is removed.
			if (query.event === undefined) return this.send(res, 200, webhook);
			const remove = this.parseEvents(query.event);
			if (remove === null) return this.fail(res, 422, 422, 'Wrong param');
			if (!this.options.deletesNothing) {
				webhook!.event = webhook!.event.filter((e) => !remove.includes(e));
				if (webhook!.event.length === 0) this.webhooks.delete(id!);
			}
			return this.send(res, 200, {});
		}
		return this.fail(res, 405, 405, 'Method not allowed');
	}

	/** Whether an encoder could push to the channel now (it exists and has not ended). */
	canPush(id: string): boolean {
		const channel = this.channels.get(id);
		return channel !== undefined && channel.status !== 'ended';
	}

	private channelChange(method: string, id: string, query: Record<string, string>, body: unknown, res: ServerResponse): void {
		const channel = this.channels.get(id);
		if (!channel) return this.fail(res, 404, 404, 'Channel not found');
		if (method === 'DELETE') {
			if (query.delete !== undefined && !['true', 'false'].includes(query.delete)) return this.fail(res, 422, 422, 'Wrong param');
			if (query.delete === 'true') {
				this.channels.delete(id);
			} else if (channel.status !== 'ended') {
				channel.status = 'ended';
				channel.stopTime = new Date().toISOString();
			}
			return this.send(res, 200, {});
		}
		const input = (body ?? {}) as Record<string, unknown>;
		const allowed: Record<string, string> = { name: 'string', description: 'string', catchup: 'boolean', tags: 'string' };
		for (const [key, value] of Object.entries(input)) {
			if (allowed[key] === undefined || typeof value !== allowed[key]) return this.fail(res, 422, 422, 'Wrong param');
		}
		for (const key of ['name', 'description', 'catchup'] as const) if (input[key] !== undefined) channel[key] = input[key];
		if (typeof input.tags === 'string') channel.tags = input.tags.split(',').filter((t) => t !== '');
		return this.send(res, 200, channel);
	}

	private channelRoute(id: string | undefined, query: Record<string, string>, res: ServerResponse): void {
		if (id !== undefined) {
			const channel = this.channels.get(id);
			if (!channel) return this.fail(res, 404, 404, 'Channel not found');
			return this.send(res, 200, channel);
		}
		const paging = this.paging(query);
		if (paging === null) return this.fail(res, 422, 422, 'Wrong param');
		const all = [...this.channels.values()];
		const data = all.slice(paging.page * paging.length, (paging.page + 1) * paging.length);
		return this.send(res, 200, { data, total: all.length, length: paging.length, page: paging.page });
	}
}
