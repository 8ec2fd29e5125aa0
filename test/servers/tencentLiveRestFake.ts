/**
 * A loopback stand-in for the Tencent Chat/Live REST gateway, `v4/live_config/*`
 * (tuilivekit.md §4): checks the UserSig with its own decoder (Node's zlib + its own HMAC), answers
 * with the `{"ActionStatus","ErrorCode","ErrorInfo"}` envelope, and keeps the one callback
 * configuration and the one token configuration per SDKAppID.
 *
 * [INFERRED] for the fake: the UserSig refusal codes (70001 expired, 70009 bad signature, 70013 /
 * 70014 identifier / SDKAppID mismatch, 70403 not an admin) are Tencent Chat's public codes, not in
 * the research; 100301 from update_callback without a configuration is the research's guess.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { inflateSync } from 'node:zlib';

import { startLoopbackServer } from './http';
import type { LoopbackServer, ReceivedRequest, Reply } from './http';

export interface LiveRestFake extends LoopbackServer {
	callback: { Url: string; CallbackCommandList: string[] } | null;
	token: { Token: string; IsTokenEnable: boolean } | null;
	calls: Array<{ command: string; body: Record<string, unknown> }>;
}

/** The fake's own UserSig check. Exported to test it on the research's Node-zlib UserSig. */
export function decodeUserSig(userSig: string): Record<string, unknown> {
	const base64 = userSig.replace(/\*/g, '+').replace(/-/g, '/').replace(/_/g, '=');
	return JSON.parse(inflateSync(Buffer.from(base64, 'base64')).toString('utf8')) as Record<string, unknown>;
}

export function userSigMac(secretKey: string, doc: Record<string, unknown>): string {
	const text = `TLS.identifier:${String(doc['TLS.identifier'])}\nTLS.sdkappid:${String(doc['TLS.sdkappid'])}\nTLS.time:${String(doc['TLS.time'])}\nTLS.expire:${String(doc['TLS.expire'])}\n`;
	return createHmac('sha256', secretKey).update(text, 'utf8').digest('base64');
}

export async function startLiveRestFake(
	app: { sdkAppId: number; secretKey: string; admins: string[] },
	nowSec: () => number = () => Math.floor(Date.now() / 1000),
): Promise<LiveRestFake> {
	const state: Pick<LiveRestFake, 'callback' | 'token' | 'calls'> = { callback: null, token: null, calls: [] };
	let requestNo = 0;
	const envelope = (code: number, info: string, response?: Record<string, unknown>): Reply => ({
		status: 200,
		body: {
			ActionStatus: code === 0 ? 'OK' : 'FAIL',
			ErrorCode: code,
			ErrorInfo: info,
			RequestId: `Id-${++requestNo}`,
			...(response ? { Response: response } : {}),
		},
	});

	function authenticate(query: URLSearchParams): Reply | null {
		if (query.get('contenttype') !== 'json') return envelope(60002, 'contenttype must be json');
		const random = Number(query.get('random'));
		if (!Number.isInteger(random) || random < 0 || random > 4294967295) return envelope(60002, 'random must be a uint32');
		if (query.get('sdkappid') !== String(app.sdkAppId)) return envelope(70020, 'SDKAppID not found');
		const identifier = query.get('identifier') ?? '';
		let doc: Record<string, unknown>;
		try {
			doc = decodeUserSig(query.get('usersig') ?? '');
		} catch {
			return envelope(70003, 'UserSig is not a valid signature');
		}
		if (doc['TLS.ver'] !== '2.0') return envelope(70003, 'UserSig version');
		if (doc['TLS.sdkappid'] !== app.sdkAppId) return envelope(70014, 'UserSig SDKAppID does not match');
		if (doc['TLS.identifier'] !== identifier) return envelope(70013, 'UserSig identifier does not match');
		if (Number(doc['TLS.time']) + Number(doc['TLS.expire']) < nowSec()) return envelope(70001, 'UserSig expired');
		const expected = Buffer.from(userSigMac(app.secretKey, doc));
		const got = Buffer.from(String(doc['TLS.sig'] ?? ''));
		if (expected.length !== got.length || !timingSafeEqual(expected, got)) return envelope(70009, 'UserSig verification failed');
		if (!app.admins.includes(identifier)) return envelope(70403, 'identifier is not an App admin');
		return null;
	}

	const validConfig = (body: Record<string, unknown>) =>
		typeof body.Url === 'string' &&
		/^https?:\/\//.test(body.Url) &&
		Array.isArray(body.CallbackCommandList) &&
		body.CallbackCommandList.every((c) => typeof c === 'string');

	function dispatch(command: string, body: Record<string, unknown>): Reply {
		switch (command) {
			case 'set_callback':
				if (!validConfig(body)) return envelope(100002, 'Url and CallbackCommandList are required');
				if (state.callback) return envelope(100300, 'A callback configuration already exists; use update_callback');
				state.callback = { Url: body.Url as string, CallbackCommandList: body.CallbackCommandList as string[] };
				return envelope(0, '');
			case 'update_callback':
				if (!validConfig(body)) return envelope(100002, 'Url and CallbackCommandList are required');
				if (!state.callback) return envelope(100301, 'No callback configuration exists');
				state.callback = { Url: body.Url as string, CallbackCommandList: body.CallbackCommandList as string[] };
				return envelope(0, '');
			case 'get_callback':
				if (!state.callback) return envelope(100301, 'No callback configuration exists');
				return envelope(0, '', { ...state.callback });
			case 'delete_callback':
				state.callback = null;
				return envelope(0, '');
			case 'set_callback_token': {
				const token = body.Token;
				const enable = body.IsTokenEnable;
				if (token !== undefined && (typeof token !== 'string' || token.length < 1 || token.length > 128)) {
					return envelope(100002, 'Token must be 1 to 128 characters');
				}
				if (enable !== undefined && typeof enable !== 'boolean') return envelope(100002, 'IsTokenEnable must be a boolean');
				if (!state.token && (token === undefined || enable === undefined)) {
					return envelope(100002, 'Token and IsTokenEnable are both required the first time');
				}
				state.token = {
					Token: (token as string | undefined) ?? state.token!.Token,
					IsTokenEnable: (enable as boolean | undefined) ?? state.token!.IsTokenEnable,
				};
				return envelope(0, '');
			}
			case 'get_callback_token':
				if (!state.token) return envelope(100302, 'No token configuration exists');
				return envelope(0, '', { ...state.token });
			case 'delete_callback_token':
				// Documented errors are only 100001/100002; deleting nothing succeeds here.
				state.token = null;
				return envelope(0, '');
		}
		return envelope(60020, `unknown command ${command}`);
	}

	const server = await startLoopbackServer((req: ReceivedRequest) => {
		const [path, rawQuery = ''] = req.rawUrl.split('?');
		if (req.method !== 'POST') return { status: 405 };
		const refused = authenticate(new URLSearchParams(rawQuery));
		if (refused) return refused;
		const match = /^\/v4\/live_config\/([a-z_]+)$/.exec(path);
		if (!match) return envelope(60020, 'unknown service');
		let body: Record<string, unknown>;
		try {
			body = JSON.parse(req.body) as Record<string, unknown>;
		} catch {
			return envelope(60003, 'The request body is not valid JSON');
		}
		state.calls.push({ command: match[1], body });
		return dispatch(match[1], body);
	});
	return Object.defineProperties(server, {
		callback: { get: () => state.callback, set: (v) => (state.callback = v), enumerable: true },
		token: { get: () => state.token, set: (v) => (state.token = v), enumerable: true },
		calls: { get: () => state.calls, enumerable: true },
	}) as LiveRestFake;
}
