/** Deterministic mutation fuzzing of request bodies, so a failing case can be replayed by its seed. */

/** A small seeded PRNG (mulberry32) returning numbers in [0, 1). */
export function prng(seed: number): () => number {
	let s = seed >>> 0;
	return () => {
		s = (s + 0x6d2b79f5) >>> 0;
		let x = s;
		x = Math.imul(x ^ (x >>> 15), x | 1);
		x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
		return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
	};
}

const ALPHABET = '{}[]":,0123456789abcdef-.eE \\ntfnul\u00e9\u0000';

/** `text` with 1 to `maxEdits` random single-character replacements, deletions or insertions. */
export function mutate(text: string, random: () => number, maxEdits: number): string {
	const chars = text.split('');
	const edits = 1 + Math.floor(random() * maxEdits);
	for (let e = 0; e < edits; e++) {
		const at = Math.floor(random() * chars.length);
		const op = random();
		const c = ALPHABET[Math.floor(random() * ALPHABET.length)];
		if (op < 0.4) chars[at] = c;
		else if (op < 0.7) chars.splice(at, 1);
		else chars.splice(at, 0, c);
	}
	return chars.join('');
}
