/**
 * A small per-process cache of decrypted callback credentials, so that a callback does not make n8n
 * read, decrypt and resolve the credential again (docs/performance.md, "Credentials").
 *
 * - Keyed by workflow, node and credential (type and id): every node's first load goes through
 *   n8n's own checks, and a node switched to another credential misses the cache at once.
 * - An entry expires `CREDENTIAL_TTL_MS` after it was loaded: a credential edited in n8n (a rotated
 *   key) takes effect within that time. Failed loads are not kept.
 * - At most `CREDENTIAL_CACHE_SIZE` entries; the least recently used one goes first, and expired
 *   ones are dropped whenever an entry is added.
 * - It lives in this process's memory only, never in workflow static data. Time comes from
 *   `core/clock.ts`; there is no timer.
 */
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { now } from './clock';

export const CREDENTIAL_TTL_MS = 30_000;
export const CREDENTIAL_CACHE_SIZE = 32;

export interface CredentialKey {
	workflowId: string;
	nodeId: string;
	type: string;
	credentialId: string;
}

interface Entry {
	expiresAt: number;
	data: Promise<Readonly<ICredentialDataDecryptedObject>>;
}

const entries = new Map<string, Entry>();

/** The four ids, each prefixed with its length, so that distinct keys never share a text. */
function keyText(key: CredentialKey): string {
	const { workflowId, nodeId, type, credentialId } = key;
	return `${workflowId.length}:${workflowId}${nodeId.length}:${nodeId}${type.length}:${type}${credentialId.length}:${credentialId}`;
}

function dropExpired(at: number): void {
	for (const [text, entry] of entries) if (entry.expiresAt <= at) entries.delete(text);
}

/**
 * The credential for `key`: from the cache while its entry is fresh, else from `load` (concurrent
 * callers share one load). The result is frozen: it is shared by every callback until it expires.
 */
export async function cachedCredentials(
	key: CredentialKey,
	load: () => Promise<ICredentialDataDecryptedObject>,
): Promise<Readonly<ICredentialDataDecryptedObject>> {
	const at = now();
	const text = keyText(key);
	const hit = entries.get(text);
	if (hit !== undefined && hit.expiresAt > at) {
		// Most recently used last, so the first key is the one to evict.
		entries.delete(text);
		entries.set(text, hit);
		return await hit.data;
	}
	dropExpired(at);
	const entry: Entry = { expiresAt: at + CREDENTIAL_TTL_MS, data: load().then((data) => Object.freeze({ ...data })) };
	entries.delete(text);
	entries.set(text, entry);
	while (entries.size > CREDENTIAL_CACHE_SIZE) entries.delete(entries.keys().next().value as string);
	// A failed load is forgotten (before any caller sees the failure); the caller gets the error.
	entry.data.catch(() => {
		if (entries.get(text) === entry) entries.delete(text);
	});
	return await entry.data;
}

/** How many entries the cache holds (tests). */
export function credentialCacheSize(): number {
	return entries.size;
}

/** Empties the cache (tests). */
export function clearCredentialCache(): void {
	entries.clear();
}
