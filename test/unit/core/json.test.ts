import { parseJsonExact, parseJsonField, parseJsonObjectBody } from '../../../nodes/core/json';

describe('exact JSON body parsing', () => {
	it('keeps integers above 2^53 exactly, as strings, and leaves safe numbers as numbers', () => {
		const parsed = parseJsonObjectBody(
			Buffer.from('{"id": 144115188075855872123, "n": -9007199254740993, "ok": 9007199254740991, "f": 1.5e3, "s": "2210464508206756938"}'),
		);
		expect(parsed).toEqual({
			ok: true,
			body: { id: '144115188075855872123', n: '-9007199254740993', ok: 9007199254740991, f: 1500, s: '2210464508206756938' },
		});
	});

	it('keeps numbers that overflow a double as their text', () => {
		expect(parseJsonExact('{"big": 1e400}')).toEqual({ big: '1e400' });
	});

	it('parses nested documents on the exact path like JSON.parse', () => {
		const text = '{"a":[1,{"b":"x\\"y\\u00e9"},true,false,null],"c":{"d":12345678901234567890}, "e": "\\n"}';
		expect(parseJsonExact(text)).toEqual({ a: [1, { b: 'x"yé' }, true, false, null], c: { d: '12345678901234567890' }, e: '\n' });
	});

	it('does not let "__proto__" keys touch the prototype', () => {
		const parsed = parseJsonObjectBody('{"__proto__": {"polluted": 1}, "x": 12345678901234567890}');
		expect(parsed.ok).toBe(true);
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
	});

	it.each([
		['', 'body is empty'],
		['   ', 'body is empty'],
		['[1,2]', 'body is not a JSON object'],
		['"text"', 'body is not a JSON object'],
		['null', 'body is not a JSON object'],
		['{"a":1', 'body is not valid JSON'],
		['{"a":12345678901234567890', 'body is not valid JSON'],
		['{"a":1} x', 'body is not valid JSON'],
		['\ufeff{"a":1}', 'body starts with a byte-order mark'],
	])('refuses %j: %s', (text, reason) => {
		expect(parseJsonObjectBody(text)).toEqual({ ok: false, reason });
	});

	it('refuses a UTF-8 byte-order mark in raw bytes', () => {
		const raw = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"a":1}')]);
		expect(parseJsonObjectBody(raw)).toEqual({ ok: false, reason: 'body starts with a byte-order mark' });
	});

	it('refuses absurd nesting instead of overflowing the stack', () => {
		const deep = `{"a":${'['.repeat(5000)}12345678901234567890${']'.repeat(5000)}}`;
		expect(parseJsonObjectBody(deep)).toEqual({ ok: false, reason: 'body nests too deeply' });
	});

	it('parses JSON-in-string fields and keeps what does not parse', () => {
		expect(parseJsonField('{"video_codec":"h264"}')).toEqual({ video_codec: 'h264' });
		expect(parseJsonField('["http://a/b.m3u8"]\n')).toEqual(['http://a/b.m3u8']);
		expect(parseJsonField('{broken')).toBe('{broken');
		expect(parseJsonField('plain text')).toBe('plain text');
		expect(parseJsonField(42)).toBe(42);
	});
});
