/** A tiny loopback HTTP server for the provider API fakes: raw body in, JSON out, requests recorded. */
import { createServer } from 'node:http';
import type { IncomingHttpHeaders, Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedRequest {
	method: string;
	/** Path and query exactly as received. */
	rawUrl: string;
	headers: IncomingHttpHeaders;
	body: string;
}

export interface Reply {
	status: number;
	body?: unknown;
	/** Extra answer headers (e.g. a request id). */
	headers?: Record<string, string>;
}

export interface LoopbackServer {
	url: string;
	requests: ReceivedRequest[];
	close(): Promise<void>;
}

export async function startLoopbackServer(handle: (request: ReceivedRequest) => Reply): Promise<LoopbackServer> {
	const requests: ReceivedRequest[] = [];
	const server: Server = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			const request: ReceivedRequest = {
				method: req.method ?? 'GET',
				rawUrl: req.url ?? '/',
				headers: req.headers,
				body: Buffer.concat(chunks).toString('utf8'),
			};
			requests.push(request);
			let reply: Reply;
			try {
				reply = handle(request);
			} catch (error) {
				reply = { status: 500, body: { fake_server_error: String(error) } };
			}
			res.statusCode = reply.status;
			for (const [name, value] of Object.entries(reply.headers ?? {})) res.setHeader(name, value);
			if (reply.body === undefined) {
				res.end();
				return;
			}
			res.setHeader('content-type', 'application/json');
			res.end(JSON.stringify(reply.body));
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		requests,
		close: async () =>
			await new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}
