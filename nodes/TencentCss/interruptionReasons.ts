/**
 * Readable reasons for Tencent CSS interruption codes (`errcode`, optional `sub_errcode`), from the
 * Stream Interruption Records table (docs/protocols/tencent-css.md, "Interruption reasons"). Logic keys on the codes only:
 * `errmsg` text varies between English, Chinese and legacy strings.
 */
export interface InterruptionReason {
	text: string;
	category:
		| 'client'
		| 'internal'
		| 'protocol'
		| 'idle'
		| 'network'
		| 'access'
		| 'third-party-auth'
		| 'operator'
		| 'unknown';
}

const CLIENT = 'The push client stopped the stream';
const INTERNAL = 'CSS internal error';
const UNKNOWN = 'Unknown reason';

const BY_CODE: Record<number, InterruptionReason> = {
	0: { text: UNKNOWN, category: 'unknown' },
	1: { text: CLIENT, category: 'client' },
	2: { text: CLIENT, category: 'client' },
	3: { text: CLIENT, category: 'client' },
	4: { text: CLIENT, category: 'client' },
	5: { text: INTERNAL, category: 'internal' },
	6: { text: 'Malformed RTMP content', category: 'protocol' },
	7: { text: 'A single RTMP frame was larger than allowed', category: 'protocol' },
	8: { text: 'The system disconnected a push that sent no data for a long time', category: 'idle' },
	9: { text: INTERNAL, category: 'internal' },
	10: { text: 'The proxy layer received an interruption command', category: 'internal' },
	11: { text: INTERNAL, category: 'internal' },
	19: { text: 'Third-party (customer) authentication failed', category: 'third-party-auth' },
	20: { text: 'The system disconnected a push that sent no data for a long time', category: 'idle' },
	23: { text: 'Malformed RTMP content', category: 'protocol' },
	24: { text: INTERNAL, category: 'internal' },
	33: { text: 'Malformed RTMP AMF data', category: 'protocol' },
	35: { text: CLIENT, category: 'client' },
	37: { text: 'The stream was dropped because nobody was playing it', category: 'unknown' },
	38: { text: INTERNAL, category: 'internal' },
	39: { text: 'The pushed frame rate or size exceeds the system maximum', category: 'protocol' },
};

const ACCESS: Record<number, string> = {
	200: 'Could not resolve the customer for the push URL',
	201: 'CSS service suspended',
	202: 'Service suspended for overdue payment',
	203: 'Service forcibly suspended',
	300: 'Pushing to a bare IP address is not allowed',
	301: 'Push domain not recognised',
	302: 'Push domain invalid',
	303: 'Push domain disabled',
	304: 'Push AppName disabled',
	305: 'Stream name is banned',
	306: 'Channel mode, but the push channel was not created',
	307: 'Channel mode, but the push channel is closed',
	308: 'Illegal characters in the stream name',
	309: 'Illegal characters in the AppName',
	400: 'Client IP is on the blocklist',
	401: 'Client IP is not on the allowlist',
	500: 'Push URL lacks the expiry (txTime) parameter',
	501: 'Push URL expired',
	502: 'Push URL lacks the auth (txSecret) parameter',
	503: 'Push authentication failed',
	600: 'Maximum concurrent pushes exceeded',
	601: 'Maximum pushes for this stream name exceeded',
	602: 'Priority lower than an existing push of the same stream',
};

const OPERATOR: Record<number, string> = {
	100: 'The drop-stream API was called',
	101: 'The forbid-stream API was called',
	102: 'A new push of the same stream replaced this one',
	103: 'A new push replaced this one, which had no data',
};

export function interruptionReason(errcode: number | null, subErrcode: number | null): InterruptionReason {
	if (errcode === null) return { text: UNKNOWN, category: 'unknown' };
	if (errcode >= 12 && errcode <= 17) return { text: 'Network error on the push link', category: 'network' };
	if (errcode === 18) {
		if (subErrcode !== null && subErrcode >= 100 && subErrcode <= 104) return { text: INTERNAL, category: 'internal' };
		const text = subErrcode === null ? undefined : ACCESS[subErrcode];
		return { text: text ?? 'Push refused by access, authentication or billing checks', category: 'access' };
	}
	if (errcode === 21) {
		const text = subErrcode === null ? undefined : OPERATOR[subErrcode];
		return { text: text ?? 'Stopped by an operator action', category: 'operator' };
	}
	if ((errcode >= 25 && errcode <= 32) || errcode === 22 || errcode === 34 || errcode === 36) {
		return { text: UNKNOWN, category: 'unknown' };
	}
	return BY_CODE[errcode] ?? { text: `Unknown reason (code ${errcode}); open a ticket with Tencent`, category: 'unknown' };
}
