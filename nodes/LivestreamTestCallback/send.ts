/**
 * One test callback: the sample with the user's overrides, built and signed by the provider's
 * simulator, sent to the target URL with `this.helpers.httpRequest` (the body bytes exactly as
 * built), and summarized without secrets.
 */
import type { ICredentialDataDecryptedObject, IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { jsonParse, NodeOperationError } from 'n8n-workflow';

import { now } from '../core/clock';
import { isProviderId, TEST_CALLBACK_PROVIDERS } from './providers';

/** Sigma's URL token parameter (docs/protocols/sigma-live.md): redacted in the output. */
const TOKEN_PARAMETER = 'token';
const REDACTED = '[redacted]';

function fail(ctx: IExecuteFunctions, itemIndex: number, message: string, description?: string): NodeOperationError {
	return new NodeOperationError(ctx.getNode(), message, { itemIndex, description });
}

/** The overrides parameter as an object (a JSON object, as text or already parsed). */
function overridesOf(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const raw = ctx.getNodeParameter('overrides', itemIndex, '{}') as unknown;
	let value: unknown = raw;
	if (typeof raw === 'string') {
		if (raw.trim() === '') return {};
		try {
			value = JSON.parse(raw) as unknown;
		} catch {
			value = undefined;
		}
	}
	if (value === null || typeof value !== 'object' || Array.isArray(value)) {
		throw fail(ctx, itemIndex, 'Field Overrides must be a JSON object', 'For example {"StreamId": "my_stream"}.');
	}
	return value as IDataObject;
}

/** The selected credential of `type`, or null when the node has none of that type. */
async function optionalCredentials(ctx: IExecuteFunctions, type: string, itemIndex: number): Promise<ICredentialDataDecryptedObject | null> {
	if (ctx.getNode().credentials?.[type] === undefined) return null;
	return await ctx.getCredentials<ICredentialDataDecryptedObject>(type, itemIndex);
}

function targetUrl(ctx: IExecuteFunctions, itemIndex: number): URL {
	const text = String(ctx.getNodeParameter('targetUrl', itemIndex, '') ?? '').trim();
	let url: URL | null = null;
	try {
		url = new URL(text);
	} catch {
		url = null;
	}
	if (url === null || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
		throw fail(
			ctx,
			itemIndex,
			'Target URL must be an http(s) URL',
			"Paste the trigger's Test URL (or Production URL) from the trigger's panel.",
		);
	}
	return url;
}

function redactedUrl(url: URL): string {
	const copy = new URL(url.toString());
	if (copy.searchParams.has(TOKEN_PARAMETER)) copy.searchParams.set(TOKEN_PARAMETER, REDACTED);
	copy.username = '';
	copy.password = '';
	return copy.toString();
}

function parsedBody(body: unknown): unknown {
	if (typeof body !== 'string') return body;
	if (body === '') return '';
	return jsonParse(body, { fallbackValue: body });
}

export async function sendTestCallback(ctx: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const providerId = ctx.getNodeParameter('provider', itemIndex) as string;
	if (!isProviderId(providerId)) throw fail(ctx, itemIndex, `Unknown provider "${providerId}"`);
	const provider = TEST_CALLBACK_PROVIDERS[providerId];
	const event = ctx.getNodeParameter('event', itemIndex) as string;
	const sample = Object.prototype.hasOwnProperty.call(provider.samples, event) ? provider.samples[event] : undefined;
	if (sample === undefined) {
		throw fail(ctx, itemIndex, `The provider has no sample for event "${event}"`, 'Choose an event from the list.');
	}
	const url = targetUrl(ctx, itemIndex);
	const payload: IDataObject = { ...(JSON.parse(JSON.stringify(sample)) as IDataObject), ...overridesOf(ctx, itemIndex) };

	const credentials = provider.credentialType === null ? null : await optionalCredentials(ctx, provider.credentialType, itemIndex);
	let token: string | null = null;
	if (providerId === 'sigma-live') {
		const given = String(ctx.getNodeParameter('token', itemIndex, '') ?? '').trim();
		if (given !== '') {
			token = given;
			// The token given replaces one the URL carries, so the callback holds exactly one.
			url.searchParams.delete(TOKEN_PARAMETER);
		}
	}

	const sentAtMs = now();
	const request = provider.build(payload, credentials, token, Math.floor(sentAtMs / 1000));
	for (const [name, value] of Object.entries(request.query)) url.searchParams.set(name, value);

	const response = (await ctx.helpers.httpRequest({
		method: request.method,
		url: url.toString(),
		headers: request.headers,
		body: request.body,
		json: false,
		encoding: 'text',
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
	})) as { statusCode: number; body: unknown };

	// Sigma's token may also come with the pasted URL (the URL Sigma has registered).
	const signed = providerId === 'sigma-live' ? url.searchParams.has(TOKEN_PARAMETER) : provider.isSigned(request);
	return {
		status: response.statusCode,
		body: parsedBody(response.body) as IDataObject,
		sentAt: new Date(sentAtMs).toISOString(),
		request: {
			provider: providerId,
			event,
			signed,
			method: request.method,
			url: redactedUrl(url),
			headers: request.headers,
			body: jsonParse(request.body),
		},
	};
}
