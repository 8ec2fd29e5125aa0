/**
 * Calls the Tencent Chat/Live REST API (`v4/{service}/{command}`) through the `tencentLiveKitApi`
 * credential, which adds the UserSig query. A failure (ErrorCode ≠ 0) becomes NodeApiError with
 * the code, Tencent's ErrorInfo and a hint (docs/protocols/stream-control.md §3.1), except an
 * ErrorCode listed in `tolerate`: that answer is returned. `read: true` marks an idempotent read,
 * tried again on rate limits and internal errors.
 */
import type { IDataObject, IExecuteFunctions, IHookFunctions, ILoadOptionsFunctions } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { providerCode, providerError, retryRead } from '../core/execute';

export type LiveRestContext = IExecuteFunctions | IHookFunctions | ILoadOptionsFunctions;

const RATE_LIMITS = new Set(['60007', '60011', '60018', '60019', '70050']);

export function isTransientLiveError(error: unknown): boolean {
	if (!(error instanceof NodeApiError)) return false;
	const code = providerCode(error);
	if (code !== null) return code === '100001' || RATE_LIMITS.has(code);
	const status = Number(error.httpCode);
	return !Number.isFinite(status) || status === 429 || status >= 500;
}

/** What to do about the refusals a moderation flow meets (§3.1). */
export function liveRestHint(code: string): string | undefined {
	if (RATE_LIMITS.has(code)) return 'Tencent limits how often the REST API may be called: try again in a moment, or slow the workflow down';
	switch (code) {
		case '100004':
			return 'The room does not exist or was dissolved: check the room ID';
		case '100005':
			return 'The user is not a member of the room';
		case '100006':
			return 'Permission denied, or the room is not a Live room';
		case '100002':
			return 'Invalid parameter: check the room ID, the user IDs and the values (for Kick Off Seat: the user must hold a seat)';
		case '100001':
			return 'Tencent had an internal error: try again';
		case '60010':
		case '70403':
			return 'Permission denied: the credential\'s Admin Identifier must be an App admin account';
		case '70001':
			return 'The UserSig expired: check the n8n server clock';
		case '70003':
		case '70009':
			return 'The UserSig does not verify: check the SecretKey and SDKAppID of the credential';
		case '70013':
		case '70014':
		case '70016':
		case '70020':
			return 'Check the SDKAppID and the REST region of the credential';
	}
	if (/^1002\d\d$/.test(code)) return 'The seat cannot be changed that way (locked, full, occupied or co-hosting not allowed)';
	return undefined;
}

export async function liveRestRequest(
	ctx: LiveRestContext,
	path: string,
	body: IDataObject,
	itemIndex: number,
	options: { tolerate?: number[]; read?: boolean } = {},
): Promise<IDataObject> {
	const once = async (): Promise<IDataObject> => {
		const answer = (await ctx.helpers.httpRequestWithAuthentication.call(ctx, 'tencentLiveKitApi', {
			method: 'POST',
			url: `/v4/${path}`,
			body,
			json: true,
		})) as IDataObject;
		const code = Number(answer?.ErrorCode ?? -1);
		if (options.tolerate?.includes(code)) return answer;
		if (answer?.ActionStatus !== 'OK' || code !== 0) {
			const shown = String(answer?.ErrorCode ?? 'unknown');
			throw providerError(ctx, 'Tencent TUILiveKit', shown, String(answer?.ErrorInfo ?? ''), answer ?? {}, itemIndex, undefined, liveRestHint(shown));
		}
		return answer;
	};
	return options.read ? await retryRead(ctx, once, isTransientLiveError) : await once();
}

/** `v4/live_config/*`, the callback configuration (docs/protocols/tencent-livekit.md, Register Automatically). */
export async function liveConfigRequest(
	ctx: LiveRestContext,
	command: string,
	body: IDataObject,
	itemIndex: number,
	tolerate: number[] = [],
): Promise<IDataObject> {
	return await liveRestRequest(ctx, `live_config/${command}`, body, itemIndex, { tolerate });
}
