/** Sigma Livestream as a callback provider (docs/protocols/sigma-live.md). */
import type { CallbackProvider } from '../core/provider';
import { refuse } from '../core/provider';
import { parseSigmaLiveEvent } from './events';
import type { RegistrationState } from './registration';
import { checkUrlToken, SIGMA_LIVE_VOLATILE_KEYS } from './verify';

export interface SigmaLiveSettings {
	/** The node registers its URL itself (the token then comes from the registration). */
	registers: boolean;
	/** The URL token requests must carry; null when none is configured. */
	expectedToken: string | null;
}

export const sigmaLiveProvider: CallbackProvider<SigmaLiveSettings> = {
	id: 'sigma-live',
	successBody: {},
	volatileKeys: SIGMA_LIVE_VOLATILE_KEYS,
	credentialType: null,
	configure(inputs) {
		const registers = inputs.parameter('registerWebhook', true) !== false;
		let expectedToken: string | null;
		if (registers) {
			const token = (inputs.staticData() as RegistrationState).urlToken;
			expectedToken = typeof token === 'string' && token !== '' ? token : null;
		} else {
			const token = String(inputs.parameter('urlToken', '') ?? '').trim();
			expectedToken = token === '' ? null : token;
		}
		return { ok: true, settings: { registers, expectedToken } };
	},
	verify(request, settings) {
		if (settings.registers && settings.expectedToken === null) {
			return refuse(
				401,
				'webhook not registered',
				'The node has no registered URL token: deactivate and activate the workflow again',
			);
		}
		const check = checkUrlToken(request.query, settings.expectedToken);
		return check.ok ? check : refuse(401, check.reason, check.logHint);
	},
	parse(request) {
		return parseSigmaLiveEvent(request.body);
	},
};
