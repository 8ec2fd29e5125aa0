/**
 * "Register automatically" for the Tencent TUILiveKit Trigger (tuilivekit.md §4, §6.12): on
 * publish, the SDKAppID's one callback configuration is set to this workflow's production URL with
 * the command words of the selected events, and the credential's callback token is set and enabled;
 * on unpublish, the configuration is deleted (only while it still points here) and the token this
 * workflow enabled is disabled again. A configuration that points elsewhere is only replaced when
 * "Replace Existing Configuration" is on.
 */
import type { IDataObject, IHookFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { clearRegistration, registrationMode, saveRegistration, storedRegistration } from '../core/registration';
import { eventOfCommand } from './events';
import { LIVE_CALLBACK_COMMANDS } from './TencentLiveKitDescription';
import { liveConfigRequest } from './TencentLiveKitApi';

const NO_CALLBACK = 100301;
const NO_TOKEN = 100302;

interface LiveKitRegistration extends IDataObject {
	url: string;
	commands: string[];
	token: string | null;
}

/** Command words for the selected trigger events; "All Events" = every callback command (not the NotBlock flag). */
export function commandsFor(events: string[]): string[] {
	const all = LIVE_CALLBACK_COMMANDS.filter((c) => c !== 'Live.CallbackBeforeCallBackNotBlock');
	if (events.includes('*')) return all;
	return all.filter((command) => { const event = eventOfCommand(command); return event !== undefined && events.includes(event); });
}

const call = (ctx: IHookFunctions, command: string, body: IDataObject = {}, tolerate: number[] = []) =>
	liveConfigRequest.call(ctx, command, body, 0, tolerate);

async function currentConfig(ctx: IHookFunctions): Promise<IDataObject | null> {
	const answer = await call(ctx, 'get_callback', {}, [NO_CALLBACK]);
	return Number(answer.ErrorCode) === NO_CALLBACK ? null : ((answer.Response as IDataObject) ?? null);
}

async function wanted(ctx: IHookFunctions) {
	const commands = commandsFor(ctx.getNodeParameter('events', ['*']) as string[]);
	if (commands.length === 0) throw new NodeOperationError(ctx.getNode(), 'None of the selected events has a callback command: nothing to register');
	const credentials = await ctx.getCredentials('tencentLiveKitApi');
	const token = String(credentials.callbackToken ?? '');
	return { url: ctx.getNodeWebhookUrl('default') ?? '', commands, token: token === '' ? null : token };
}

const sameList = (a: unknown, b: string[]) => Array.isArray(a) && [...a].sort().join() === [...b].sort().join();

export async function liveKitCheckExists(this: IHookFunctions): Promise<boolean> {
	if (registrationMode(this) !== 'production') return true;
	const registration = storedRegistration<LiveKitRegistration>(this);
	if (!registration) return false;
	const want = await wanted(this);
	const config = await currentConfig(this);
	if (!config || config.Url !== registration.url) {
		// Deleted or taken over meanwhile: nothing of ours is left to manage.
		clearRegistration(this);
		return false;
	}
	return config.Url === want.url && sameList(config.CallbackCommandList, want.commands) && registration.token === want.token;
}

export async function liveKitCreate(this: IHookFunctions): Promise<boolean> {
	if (registrationMode(this) !== 'production') return true;
	const want = await wanted(this);
	const config = await currentConfig(this);
	const ours = storedRegistration<LiveKitRegistration>(this);
	const body = { Url: want.url, CallbackCommandList: want.commands };
	if (!config) {
		await call(this, 'set_callback', body);
	} else {
		const foreign = config.Url !== want.url && config.Url !== ours?.url;
		if (foreign && this.getNodeParameter('replaceExisting', false) !== true) {
			throw new NodeOperationError(
				this.getNode(),
				`SDKAppID already sends its callbacks to ${String(config.Url)} (${((config.CallbackCommandList as string[]) ?? []).length} commands). TUILiveKit holds one callback configuration per SDKAppID: enable "Replace Existing Configuration" to point it at this workflow, or delete that configuration first.`,
			);
		}
		await call(this, 'update_callback', body);
	}
	if (want.token) await call(this, 'set_callback_token', { Token: want.token, IsTokenEnable: true });
	saveRegistration(this, { url: want.url, commands: want.commands, token: want.token });
	return true;
}

export async function liveKitDelete(this: IHookFunctions): Promise<boolean> {
	const registration = storedRegistration<LiveKitRegistration>(this);
	if (!registration) return true;
	const config = await currentConfig(this);
	if (config && config.Url === registration.url) await call(this, 'delete_callback');
	if (registration.token) {
		const answer = await call(this, 'get_callback_token', {}, [NO_TOKEN]);
		const token = answer.Response as IDataObject | undefined;
		if (token?.Token === registration.token && token.IsTokenEnable === true) {
			await call(this, 'set_callback_token', { IsTokenEnable: false });
		}
	}
	clearRegistration(this);
	return true;
}
