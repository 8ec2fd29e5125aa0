/**
 * Helpers for credentials whose `authenticate` function signs the exact request n8n sends
 * (Tencent Cloud API 3.0, Tencent Chat/Live REST, Huawei APIG). They turn n8n's request options
 * into the target URL and the body bytes, so the signature covers exactly what goes on the wire.
 */
import { createHash } from 'node:crypto';
import type { IDataObject, IHttpRequestOptions } from 'n8n-workflow';

/** Lower-case hex SHA-256 of a UTF-8 string. */
export function sha256Hex(text: string): string {
	return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** RFC 3986 percent-encoding (unreserved `A–Z a–z 0–9 - _ . ~` kept, upper-case hex). */
export function rfc3986(value: string): string {
	return encodeURIComponent(value).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
}

/** The absolute URL a request goes to: `url` alone, or `url` resolved against `baseURL`. */
export function requestTarget(options: IHttpRequestOptions, fallbackBase?: string): URL {
	const base = options.baseURL ?? fallbackBase;
	if (/^https?:\/\//i.test(options.url)) return new URL(options.url);
	if (!base) return new URL(options.url);
	const joined = base.replace(/\/+$/, '') + '/' + options.url.replace(/^\/+/, '');
	return new URL(joined);
}

/**
 * Moves `options.qs` into the URL's query (RFC 3986 encoded, in insertion order), so what is signed
 * and what is sent are the same bytes. Returns the final URL and clears `qs`/`baseURL` on `options`.
 */
export function pinTarget(options: IHttpRequestOptions, fallbackBase?: string): URL {
	const target = requestTarget(options, fallbackBase);
	const extra = Object.entries((options.qs ?? {}) as IDataObject).filter(([, v]) => v !== undefined && v !== null);
	if (extra.length > 0) {
		const own = target.search.replace(/^\?/, '');
		const added = extra.map(([k, v]) => `${rfc3986(k)}=${rfc3986(String(v))}`).join('&');
		target.search = own ? `${own}&${added}` : added;
	}
	delete options.qs;
	delete options.baseURL;
	options.url = target.toString();
	return target;
}

/**
 * The exact body text sent: a string stays as it is, an object is serialized once with
 * JSON.stringify and put back as that string. `undefined` for no body.
 */
export function pinJsonBody(options: IHttpRequestOptions): string | undefined {
	const body = options.body;
	if (body === undefined || body === null) return undefined;
	const text = typeof body === 'string' ? body : JSON.stringify(body);
	options.body = text;
	return text;
}

/** Decoded query pairs of a URL, in order (for canonical query strings). */
export function queryPairs(url: URL): Array<[string, string]> {
	return [...url.searchParams.entries()];
}

/** Sets a header, replacing any existing one whose name differs only in case. */
export function setHeader(options: IHttpRequestOptions, name: string, value: string): void {
	const headers = (options.headers ?? {}) as IDataObject;
	for (const key of Object.keys(headers)) {
		if (key.toLowerCase() === name.toLowerCase()) delete headers[key];
	}
	headers[name] = value;
	options.headers = headers;
}

/** A header's value (case-insensitive name), or undefined. */
export function getHeader(options: IHttpRequestOptions, name: string): string | undefined {
	const headers = (options.headers ?? {}) as IDataObject;
	for (const [key, value] of Object.entries(headers)) {
		if (key.toLowerCase() === name.toLowerCase() && value !== undefined && value !== null) return String(value);
	}
	return undefined;
}
