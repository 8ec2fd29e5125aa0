/** The request a provider sends, as the test-event sender and the tests build it. */
export interface OutgoingCallback {
	method: 'POST';
	query: Record<string, string>;
	headers: Record<string, string>;
	body: string;
}

export function jsonCallback(body: unknown, query: Record<string, string> = {}): OutgoingCallback {
	return {
		method: 'POST',
		query,
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(body),
	};
}
