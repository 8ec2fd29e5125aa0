/**
 * The one clock the triggers read. Every time window and every `receivedAt` comes from `now()`, so a
 * test can set the time (`setClock`) and a window check is deterministic.
 */
let source: () => number = () => Date.now();

/** Milliseconds since the Unix epoch. */
export function now(): number {
	return source();
}

/** Replaces the clock (tests); `setClock(null)` restores the system clock. */
export function setClock(clock: (() => number) | null): void {
	source = clock ?? (() => Date.now());
}
