/** Sigma Livestream as a callback provider (docs/protocols/sigma-live.md). */
import type { CallbackProvider } from '../core/provider';
import { refuse } from '../core/provider';
import { parseSigmaLiveEvent } from './events';
import { readRegistration } from './state';
import { checkUrlToken, tokenHash } from './verify';

export interface SigmaLiveSettings {
	/** The node registers its URL itself (the token hash then comes from the registration). */
	registers: boolean;
	/** SHA-256 (hex) of the URL token requests must carry; null when none is configured. */
	expectedHash: string | null;
}

/** A boolean parameter as n8n may hand it over (an expression can yield "true"/"false"); null otherwise. */
export function booleanParameter(value: unknown): boolean | null {
	if (typeof value === 'boolean') return value;
	if (value === 'true') return true;
	if (value === 'false') return false;
	return null;
}

export const sigmaLiveProvider: CallbackProvider<SigmaLiveSettings> = {
	id: 'sigma-live',
	successBody: {},
	// Sigma sends no signature and no send time: a redelivery repeats the body exactly.
	volatileKeys: [],
	credentialType: null,
	configure(inputs) {
		const registers = booleanParameter(inputs.parameter('registerWebhook', true));
		if (registers === null) {
			return { ok: false, reason: 'parameter "Register Webhook Automatically" must be true or false' };
		}
		if (registers) {
			return { ok: true, settings: { registers, expectedHash: readRegistration(inputs.staticData()).tokenHash } };
		}
		const raw = inputs.parameter('urlToken', '');
		if (raw !== undefined && raw !== null && typeof raw !== 'string') {
			return { ok: false, reason: 'parameter "URL Token" must be text' };
		}
		const token = (raw ?? '').trim();
		return { ok: true, settings: { registers, expectedHash: token === '' ? null : tokenHash(token) } };
	},
	verify(request, settings) {
		if (settings.registers && settings.expectedHash === null) {
			return refuse(
				401,
				'webhook not registered',
				'The node has no registered URL token: unpublish and publish the workflow again',
			);
		}
		const check = checkUrlToken(request.query, settings.expectedHash);
		return check.ok ? check : refuse(401, check.reason, check.logHint);
	},
	parse(request) {
		return parseSigmaLiveEvent(request.body);
	},
};
