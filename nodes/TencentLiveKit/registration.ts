/**
 * "Register automatically" for the Tencent TUILiveKit Trigger (docs/protocols/tencent-livekit.md,
 * "Register Automatically"): on publish, the SDKAppID's one callback configuration is set to this
 * workflow's production URL with the command words of the selected events, and the credential's
 * callback token is set and enabled; on unpublish, the configuration is deleted (only while it still
 * points here) and the token is put back exactly as it was before this node changed it.
 *
 * The token is a secret, and static data is stored unencrypted and travels with exports: only an
 * HMAC of it (keyed with the app's SecretKey) and what Tencent held before are remembered.
 * Configurations or tokens someone else set are only replaced when "Replace Existing Configuration"
 * is on; a replaced token cannot be restored (its value is never stored), so unpublishing deletes ours.
 */
import type { IDataObject, IHookFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { hmacSha256Hex, safeEqual } from '../core/digest';
import { saveRegistration, storedRegistration } from '../core/registration';
import type { Registrar } from '../core/registration';
import { eventOfCommand } from './events';
import { LIVE_CALLBACK_COMMANDS } from './TencentLiveKitDescription';
import { liveConfigRequest } from './TencentLiveKitApi';

const NO_CALLBACK = 100301;
const NO_TOKEN = 100302;

/**
 * What Tencent held before this node first changed the token, i.e. what unpublishing restores:
 * `none` (no token configuration: deleted again), `disabled` (this token, disabled: disabled again),
 * `enabled` (this token, already enabled: left alone), `replaced` (another token, replaced by
 * choice: cannot be restored, ours is deleted).
 */
export type TokenPrior = 'none' | 'disabled' | 'enabled' | 'replaced';

export interface TokenRecord extends IDataObject {
	/** `tokenFingerprint()` of the token this node set: recognises it, reveals nothing without the SecretKey. */
	fingerprint: string;
	prior: TokenPrior;
}

interface LiveKitRegistration extends IDataObject {
	url: string;
	commands: string[];
	token: TokenRecord | null;
}

interface TokenState {
	Token: string;
	IsTokenEnable: boolean;
}

/** HMAC-SHA256 of the token under the app's SecretKey (a secret that static data never holds). */
export function tokenFingerprint(secretKey: string, token: string): string {
	return hmacSha256Hex(secretKey, `tencent-livekit callback token\n${token}`);
}

/** Command words for the selected trigger events; "All Events" = every callback command (not the NotBlock flag). */
export function commandsFor(events: string[]): string[] {
	const all = LIVE_CALLBACK_COMMANDS.filter((c) => c !== 'Live.CallbackBeforeCallBackNotBlock');
	if (events.includes('*')) return all;
	return all.filter((command) => {
		const event = eventOfCommand(command);
		return event !== undefined && events.includes(event);
	});
}

const call = (ctx: IHookFunctions, command: string, body: IDataObject = {}, tolerate: number[] = []) =>
	liveConfigRequest(ctx, command, body, 0, tolerate);

async function currentConfig(ctx: IHookFunctions): Promise<IDataObject | null> {
	const answer = await call(ctx, 'get_callback', {}, [NO_CALLBACK]);
	return Number(answer.ErrorCode) === NO_CALLBACK ? null : ((answer.Response as IDataObject) ?? null);
}

async function currentToken(ctx: IHookFunctions): Promise<TokenState | null> {
	const answer = await call(ctx, 'get_callback_token', {}, [NO_TOKEN]);
	if (Number(answer.ErrorCode) === NO_TOKEN) return null;
	const token = (answer.Response as IDataObject | undefined) ?? {};
	return { Token: typeof token.Token === 'string' ? token.Token : '', IsTokenEnable: token.IsTokenEnable === true };
}

async function secretKeyOf(ctx: IHookFunctions): Promise<string> {
	const credentials = await ctx.getCredentials('tencentLiveKitApi');
	return String(credentials.secretKey ?? '').trim();
}

async function wanted(ctx: IHookFunctions) {
	const commands = commandsFor(ctx.getNodeParameter('events', ['*']) as string[]);
	if (commands.length === 0) throw new NodeOperationError(ctx.getNode(), 'None of the selected events has a callback command: nothing to register');
	const credentials = await ctx.getCredentials('tencentLiveKitApi');
	const token = String(credentials.callbackToken ?? '');
	return {
		url: ctx.getNodeWebhookUrl('default') ?? '',
		commands,
		token: token === '' ? null : token,
		secretKey: String(credentials.secretKey ?? '').trim(),
	};
}

/**
 * This node's registration from static data. An earlier version stored the token itself there: it is
 * replaced by its fingerprint at once (its unpublish disabled the token, so `prior` is `disabled`).
 */
function ourRegistration(ctx: IHookFunctions, secretKey: string): LiveKitRegistration | undefined {
	const stored = storedRegistration<IDataObject>(ctx);
	if (!stored) return undefined;
	if (typeof stored.token === 'string') {
		const token: TokenRecord = { fingerprint: tokenFingerprint(secretKey, stored.token), prior: 'disabled' };
		const migrated = { ...stored, token } as LiveKitRegistration;
		saveRegistration(ctx, migrated);
		return migrated;
	}
	const token = stored.token as TokenRecord | null | undefined;
	return { ...(stored as LiveKitRegistration), token: token && typeof token.fingerprint === 'string' ? token : null };
}

const sameList = (a: unknown, b: string[]) => Array.isArray(a) && [...a].sort().join() === [...b].sort().join();
const isToken = (secretKey: string, state: TokenState | null, fingerprint: string) =>
	state !== null && safeEqual(tokenFingerprint(secretKey, state.Token), fingerprint);

/**
 * Puts the token back as it was before this node changed it, if Tencent still holds the token this
 * node set and the callback configuration is not someone else's (it would serve their URL then).
 */
async function restoreToken(ctx: IHookFunctions, record: TokenRecord, secretKey: string, configForeign: boolean): Promise<void> {
	const current = await currentToken(ctx);
	const name = ctx.getNode().name;
	if (!isToken(secretKey, current, record.fingerprint)) {
		ctx.logger.info(`${name}: the callback token at Tencent is no longer the one this workflow set; it is left unchanged`);
		return;
	}
	if (configForeign) {
		ctx.logger.info(`${name}: the callback configuration now points elsewhere; its callback token is left unchanged`);
		return;
	}
	if (record.prior === 'none' || record.prior === 'replaced') await call(ctx, 'delete_callback_token');
	else if (record.prior === 'disabled' && current!.IsTokenEnable) await call(ctx, 'set_callback_token', { IsTokenEnable: false });
}

/**
 * Decides what to do with the token before anything is written (a refusal then changes nothing);
 * returns the record to keep and the write to make after the callback configuration is set.
 */
async function planToken(
	ctx: IHookFunctions,
	want: Awaited<ReturnType<typeof wanted>>,
	record: TokenRecord | null,
	replace: boolean,
	configForeign: boolean,
): Promise<{ record: TokenRecord | null; apply: () => Promise<unknown> }> {
	if (want.token === null) {
		// No token wanted (any more): undo what this node set before.
		return { record: null, apply: async () => record && (await restoreToken(ctx, record, want.secretKey, configForeign)) };
	}
	const current = await currentToken(ctx);
	const wantPrint = tokenFingerprint(want.secretKey, want.token);
	const same = isToken(want.secretKey, current, wantPrint);
	const stillOurs = record !== null && isToken(want.secretKey, current, record.fingerprint);
	if (current !== null && !same && !stillOurs && !replace) {
		throw new NodeOperationError(
			ctx.getNode(),
			`SDKAppID already has another callback token (${current.IsTokenEnable ? 'enabled' : 'disabled'}). Put that token in the credential, or enable "Replace Existing Configuration" to replace it (unpublishing cannot restore a replaced token: its value is never stored).`,
		);
	}
	let prior: TokenPrior;
	if (stillOurs && record.prior !== 'enabled') prior = record.prior;
	else if (current === null) prior = 'none';
	else if (same) prior = current.IsTokenEnable ? 'enabled' : 'disabled';
	else prior = 'replaced';
	let change: IDataObject | null = null;
	if (!same) change = { Token: want.token, IsTokenEnable: true };
	else if (!current!.IsTokenEnable) change = { IsTokenEnable: true };
	return {
		record: { fingerprint: wantPrint, prior },
		apply: async () => change && (await call(ctx, 'set_callback_token', change)),
	};
}

type LiveKitWant = Awaited<ReturnType<typeof wanted>>;

/**
 * The callback configuration as read at the start of one `create` hook call (conflicts() and
 * create() run in the same call, before any write): read once per call.
 */
const configAtStart = new WeakMap<IHookFunctions, Promise<IDataObject | null>>();
function configSeenBefore(ctx: IHookFunctions): Promise<IDataObject | null> {
	let config = configAtStart.get(ctx);
	if (!config) {
		config = currentConfig(ctx);
		configAtStart.set(ctx, config);
	}
	return config;
}

export const liveKitRegistrar: Registrar<LiveKitWant, LiveKitRegistration> = {
	want: wanted,
	// The token record says what Tencent held before this node changed the token: removing a stale
	// registration first would restore and forget it, so create() updates in place.
	updatesInPlace: true,

	async isCurrent(ctx, stored, want) {
		const registration = ourRegistration(ctx, want.secretKey) ?? stored;
		const config = await currentConfig(ctx);
		if (!config || config.Url !== registration.url || config.Url !== want.url) return false;
		if (!sameList(config.CallbackCommandList, want.commands)) return false;
		if (want.token === null) return registration.token === null;
		const wantPrint = tokenFingerprint(want.secretKey, want.token);
		if (!registration.token || !safeEqual(registration.token.fingerprint, wantPrint)) return false;
		const token = await currentToken(ctx);
		return isToken(want.secretKey, token, wantPrint) && token!.IsTokenEnable;
	},

	async conflicts(ctx, want, previous) {
		const ours = previous ? ourRegistration(ctx, want.secretKey) : undefined;
		const config = await configSeenBefore(ctx);
		if (config === null || config.Url === want.url || config.Url === ours?.url) return [];
		return [`SDKAppID already sends its callbacks to ${String(config.Url)} (${((config.CallbackCommandList as string[]) ?? []).length} commands)`];
	},

	refusal: (_want, conflicts) =>
		`${conflicts.join('; ')}. TUILiveKit holds one callback configuration per SDKAppID: enable "Replace Existing Configuration" to point it at this workflow, or delete that configuration first.`,

	async create(ctx, want, previous) {
		const ours = previous ? ourRegistration(ctx, want.secretKey) : undefined;
		const replace = ctx.getNodeParameter('replaceExisting', false) === true;
		// Read once, by conflicts(), before anything is written.
		const config = await configSeenBefore(ctx);
		// Planned before anything is written: a token conflict refuses with nothing changed.
		const token = await planToken(ctx, want, ours?.token ?? null, replace, false);
		const body = { Url: want.url, CallbackCommandList: want.commands };
		if (!config) await call(ctx, 'set_callback', body);
		else if (config.Url !== want.url || !sameList(config.CallbackCommandList, want.commands)) await call(ctx, 'update_callback', body);
		await token.apply();
		return { url: want.url, commands: want.commands, token: token.record };
	},

	async remove(ctx, stored) {
		const secretKey = await secretKeyOf(ctx);
		const registration = ourRegistration(ctx, secretKey) ?? stored;
		const config = await currentConfig(ctx);
		const ours = config !== null && config.Url === registration.url;
		if (ours) await call(ctx, 'delete_callback');
		if (registration.token) await restoreToken(ctx, registration.token, secretKey, config !== null && !ours);
	},
};
