import type { ICredentialDataDecryptedObject, IWebhookFunctions } from 'n8n-workflow';

/**
 * The node's credential of type `type`, or null when the node has none selected (the credential
 * is optional on the triggers: without it callbacks are accepted as `authenticated: "none"`).
 */
export async function optionalCredentials(
	ctx: IWebhookFunctions,
	type: string,
): Promise<ICredentialDataDecryptedObject | null> {
	if (!ctx.getNode().credentials?.[type]) return null;
	return await ctx.getCredentials<ICredentialDataDecryptedObject>(type);
}

/** A trimmed non-empty string credential field, or null. */
export function secretField(credentials: ICredentialDataDecryptedObject | null, field: string): string | null {
	const value = credentials?.[field];
	if (typeof value !== 'string') return null;
	const trimmed = value.trim();
	return trimmed === '' ? null : trimmed;
}
