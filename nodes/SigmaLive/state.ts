/**
 * What the trigger keeps in workflow static data (docs/protocols/sigma-live.md, "Static data").
 * Static data is stored unencrypted and travels with workflow exports, so it never holds the URL
 * token: only its SHA-256, the Sigma webhook id and the events registered. The token itself lives
 * in the URL registered with Sigma.
 *
 * The first release kept `urlToken` (the token in plain text) and `webhookUri` (the URL with the
 * token). Both are still read, so published workflows keep working, and are dropped the next time
 * the registration is written (every activation and every n8n start).
 */
import type { IDataObject } from 'n8n-workflow';

import { tokenHash } from './verify';

export interface RegistrationState extends IDataObject {
	webhookId?: string;
	/** Lower-case hex SHA-256 of the URL token. */
	urlTokenHash?: string;
	webhookEvents?: string[];
}

/** Keys of the first release, read and then removed. */
const LEGACY_KEYS = ['urlToken', 'webhookUri'] as const;

const SHA256_HEX = /^[0-9a-f]{64}$/;

export interface StoredRegistration extends IDataObject {
	webhookId: string | null;
	/** SHA-256 (hex) of the token the registered URL carries, or null when none is known. */
	tokenHash: string | null;
	events: string[] | null;
	/** True when the data still has a first-release key (a plain-text token): it needs rewriting. */
	legacy: boolean;
}

function ownString(data: IDataObject, key: string): string | null {
	if (!Object.prototype.hasOwnProperty.call(data, key)) return null;
	const value = data[key];
	return typeof value === 'string' && value !== '' ? value : null;
}

/** Reads the registration, in the current or the first-release layout. Never throws. */
export function readRegistration(data: IDataObject): StoredRegistration {
	const hash = ownString(data, 'urlTokenHash');
	const legacyToken = ownString(data, 'urlToken');
	const events = Object.prototype.hasOwnProperty.call(data, 'webhookEvents') ? data.webhookEvents : undefined;
	return {
		webhookId: ownString(data, 'webhookId'),
		tokenHash:
			hash !== null && SHA256_HEX.test(hash) ? hash : legacyToken !== null ? tokenHash(legacyToken) : null,
		events: Array.isArray(events) && events.every((e) => typeof e === 'string') ? (events as string[]) : null,
		legacy: LEGACY_KEYS.some((key) => Object.prototype.hasOwnProperty.call(data, key)),
	};
}

/**
 * Writes the registration in the current layout, dropping the first-release keys. A null field
 * (nothing known) leaves its key absent, which reads back as null.
 */
export function writeRegistration(
	data: IDataObject,
	registration: Pick<StoredRegistration, 'webhookId' | 'tokenHash' | 'events'>,
): void {
	for (const key of LEGACY_KEYS) delete data[key];
	const state = data as RegistrationState;
	const values = { webhookId: registration.webhookId, urlTokenHash: registration.tokenHash, webhookEvents: registration.events };
	for (const [key, value] of Object.entries(values)) {
		if (value === null) delete state[key];
		else state[key] = value;
	}
}

/** Forgets the registration (both layouts). */
export function forgetRegistration(data: IDataObject): void {
	for (const key of ['webhookId', 'urlTokenHash', 'webhookEvents', ...LEGACY_KEYS]) delete data[key];
}
