import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

/** A trimmed non-empty string credential field, or null. */
export function secretField(credentials: ICredentialDataDecryptedObject | null, field: string): string | null {
	const value = credentials?.[field];
	if (typeof value !== 'string') return null;
	const trimmed = value.trim();
	return trimmed === '' ? null : trimmed;
}
