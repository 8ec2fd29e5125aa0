/**
 * JSON parsing for callback bodies, from the raw request bytes.
 *
 * `JSON.parse` rounds integers above 2^53 (Tencent `sequence`-like ids, TUILiveKit account ids sent
 * as bare numbers). The fast path uses `JSON.parse` when the text cannot hold such a number; otherwise
 * a small exact parser keeps every integer literal outside the safe range, and every number that
 * does not fit a double, as its decimal text (a string).
 */
import type { IDataObject } from 'n8n-workflow';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export class JsonBodyError extends Error {}

/**
 * How deeply a body (and a JSON document inside one of its strings) may nest. The providers' bodies
 * nest four levels at most; everything downstream (camelCase, eventId, n8n's own copies) recurses,
 * so a deeper body is refused with 400 before it reaches them, whichever parser reads it.
 */
export const MAX_DEPTH = 64;

/** True when `text` opens more than `max` arrays/objects inside each other (strings skipped). */
export function nestsDeeperThan(text: string, max: number): boolean {
	let depth = 0;
	let inString = false;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (inString) {
			if (c === 0x5c) i++;
			else if (c === 0x22) inString = false;
		} else if (c === 0x22) {
			inString = true;
		} else if (c === 0x7b || c === 0x5b) {
			if (++depth > max) return true;
		} else if (c === 0x7d || c === 0x5d) {
			depth--;
		}
	}
	return false;
}

// A number token that may not survive JSON.parse: 16+ digits, or an exponent.
const RISKY_NUMBER = /[:,[]\s*-?(?:\d{16,}|\d[\d.]*[eE])/;

/**
 * Texts longer than this (characters) are scanned for depth before they are parsed; shorter ones,
 * every provider's callbacks, are checked on the parsed value (cheaper: one visit per member).
 */
const DEPTH_SCAN_ABOVE = 65_536;

/** True when `value` holds arrays/objects more than `max` levels inside each other. */
export function valueNestsDeeperThan(value: JsonValue, max: number): boolean {
	if (value === null || typeof value !== 'object') return false;
	if (max <= 0) return true;
	if (Array.isArray(value)) {
		for (const member of value) if (valueNestsDeeperThan(member, max - 1)) return true;
		return false;
	}
	for (const key in value) if (valueNestsDeeperThan(value[key], max - 1)) return true;
	return false;
}

/** Parses `text` as JSON; throws JsonBodyError with a short reason when it is not JSON. */
export function parseJsonExact(text: string): JsonValue {
	// A large text is scanned before any parse, so a deeply nested one costs a scan, not a parse;
	// a smaller one is checked once, after JSON.parse or before the exact parser.
	const scannedFirst = text.length > DEPTH_SCAN_ABOVE;
	if (scannedFirst && nestsDeeperThan(text, MAX_DEPTH)) throw new JsonBodyError('body nests too deeply');
	if (!RISKY_NUMBER.test(text) && !/^\s*-?(?:\d{16,}|\d[\d.]*[eE])/.test(text)) {
		// V8's JSON.parse does not recurse (any depth parses); the depth is checked on the value,
		// which visits each member once instead of each character.
		let value: JsonValue | undefined;
		try {
			value = JSON.parse(text) as JsonValue;
		} catch {
			value = undefined;
		}
		if (value === undefined) throw new JsonBodyError('body is not valid JSON');
		if (!scannedFirst && valueNestsDeeperThan(value, MAX_DEPTH)) throw new JsonBodyError('body nests too deeply');
		return value;
	}
	// The exact parser recurses: the depth is checked on the text before it runs.
	if (!scannedFirst && nestsDeeperThan(text, MAX_DEPTH)) throw new JsonBodyError('body nests too deeply');
	return new ExactParser(text).parseDocument();
}

export type BodyParse = { ok: true; body: IDataObject } | { ok: false; reason: string };

/**
 * Decodes raw body bytes (UTF-8) and parses them as one JSON object. Refuses, with a short reason,
 * an empty body, a byte-order mark, invalid JSON, or JSON that is not an object. Never throws.
 */
export function parseJsonObjectBody(raw: Buffer | string): BodyParse {
	try {
		return { ok: true, body: parseObject(raw) };
	} catch (error) {
		return { ok: false, reason: error instanceof JsonBodyError ? error.message : 'body is not valid JSON' };
	}
}

function parseObject(raw: Buffer | string): IDataObject {
	let text: string;
	if (typeof raw === 'string') {
		text = raw;
	} else {
		if (raw.length >= 3 && raw[0] === 0xef && raw[1] === 0xbb && raw[2] === 0xbf) {
			throw new JsonBodyError('body starts with a byte-order mark');
		}
		// Decoded leniently: a stray invalid byte in a text field must not lose the callback.
		text = raw.toString('utf8');
	}
	if (text.charCodeAt(0) === 0xfeff) throw new JsonBodyError('body starts with a byte-order mark');
	if (text.trim() === '') throw new JsonBodyError('body is empty');
	const value = parseJsonExact(text);
	if (value === null || typeof value !== 'object' || Array.isArray(value)) {
		throw new JsonBodyError('body is not a JSON object');
	}
	return value as IDataObject;
}

/**
 * Parses a field that carries a JSON document inside a string (Tencent `msg`, `record_detail`,
 * `callback_ext`, `source_urls`). Returns the parsed value, or the original value unchanged when it
 * is not a string or does not parse: a callback is never dropped for a malformed inner document.
 */
export function parseJsonField(value: unknown): unknown {
	if (typeof value !== 'string') return value;
	const text = value.trim();
	if (text === '' || (text[0] !== '{' && text[0] !== '[')) return value;
	try {
		return parseJsonExact(text);
	} catch {
		return value;
	}
}

class ExactParser {
	private pos = 0;

	constructor(private readonly text: string) {}

	parseDocument(): JsonValue {
		this.skipWhitespace();
		const value = this.parseValue(0);
		this.skipWhitespace();
		if (this.pos !== this.text.length) this.fail();
		return value;
	}

	private fail(): never {
		throw new JsonBodyError('body is not valid JSON');
	}

	private skipWhitespace(): void {
		const t = this.text;
		while (this.pos < t.length) {
			const c = t.charCodeAt(this.pos);
			if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) this.pos++;
			else break;
		}
	}

	private parseValue(depth: number): JsonValue {
		if (depth > MAX_DEPTH) throw new JsonBodyError('body nests too deeply');
		const c = this.text[this.pos];
		if (c === '{') return this.parseObject(depth);
		if (c === '[') return this.parseArray(depth);
		if (c === '"') return this.parseString();
		if (c === '-' || (c >= '0' && c <= '9')) return this.parseNumber();
		if (this.text.startsWith('true', this.pos)) return this.literal(4, true);
		if (this.text.startsWith('false', this.pos)) return this.literal(5, false);
		if (this.text.startsWith('null', this.pos)) return this.literal(4, null);
		return this.fail();
	}

	private literal<T extends JsonValue>(length: number, value: T): T {
		this.pos += length;
		return value;
	}

	private parseObject(depth: number): { [key: string]: JsonValue } {
		const result: { [key: string]: JsonValue } = {};
		this.pos++;
		this.skipWhitespace();
		if (this.text[this.pos] === '}') {
			this.pos++;
			return result;
		}
		for (;;) {
			this.skipWhitespace();
			if (this.text[this.pos] !== '"') this.fail();
			const key = this.parseString();
			this.skipWhitespace();
			if (this.text[this.pos] !== ':') this.fail();
			this.pos++;
			this.skipWhitespace();
			Object.defineProperty(result, key, {
				value: this.parseValue(depth + 1),
				enumerable: true,
				writable: true,
				configurable: true,
			});
			this.skipWhitespace();
			const next = this.text[this.pos++];
			if (next === '}') return result;
			if (next !== ',') this.fail();
		}
	}

	private parseArray(depth: number): JsonValue[] {
		const result: JsonValue[] = [];
		this.pos++;
		this.skipWhitespace();
		if (this.text[this.pos] === ']') {
			this.pos++;
			return result;
		}
		for (;;) {
			this.skipWhitespace();
			result.push(this.parseValue(depth + 1));
			this.skipWhitespace();
			const next = this.text[this.pos++];
			if (next === ']') return result;
			if (next !== ',') this.fail();
		}
	}

	private parseString(): string {
		const start = this.pos;
		this.pos++;
		const t = this.text;
		for (;;) {
			if (this.pos >= t.length) this.fail();
			const c = t.charCodeAt(this.pos);
			if (c === 0x22) break;
			if (c < 0x20) this.fail();
			if (c === 0x5c) this.pos++;
			this.pos++;
		}
		this.pos++;
		let value: string | undefined;
		try {
			value = JSON.parse(t.slice(start, this.pos)) as string;
		} catch {
			value = undefined;
		}
		return value ?? this.fail();
	}

	private parseNumber(): number | string {
		const match = /^-?(?:0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(this.text.slice(this.pos, this.pos + 400));
		if (!match) this.fail();
		const literal = match[0];
		if (literal.length === 400) throw new JsonBodyError('body has an oversized number');
		this.pos += literal.length;
		const value = Number(literal);
		const isInteger = match[1] === undefined && match[2] === undefined;
		if (isInteger && !Number.isSafeInteger(value)) return literal;
		if (!Number.isFinite(value)) return literal;
		return value;
	}
}
