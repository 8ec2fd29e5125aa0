/**
 * Issue 10: `SdkAppid`, `ClientIP` and `OptPlatform`, which Tencent adds to every callback URL, reach
 * the item as `data.request` (docs/protocols/tencent-livekit.md, "Request"); `raw` stays the body.
 */
import type { IDataObject } from 'n8n-workflow';

import { setClock } from '../../../nodes/core/clock';
import { fixtures, SDK_APP_ID, send } from './helpers';

const T = 1767225600; // 2026-01-01T00:00:00Z

beforeEach(() => setClock(() => T * 1000 + 250));
afterEach(() => setClock(null));

const dataOf = (outcome: Awaited<ReturnType<typeof send>>) => outcome.items[0].data as IDataObject;

describe('TUILiveKit: the callback URL parameters in data.request', () => {
	it.each(Object.keys(fixtures))('%s carries SdkAppid, ClientIP, OptPlatform and the signed RequestTime', async (name) => {
		const outcome = await send(fixtures[name], { query: { ClientIP: '203.0.113.7', OptPlatform: 'Android' } });
		expect(outcome.items).toHaveLength(1);
		expect(dataOf(outcome).request).toEqual({
			sdkAppId: SDK_APP_ID,
			clientIp: '203.0.113.7',
			optPlatform: 'Android',
			requestTime: '2026-01-01T00:00:00.000Z',
		});
		// raw is the body exactly: the URL's parameters are not mixed into it.
		expect(outcome.items[0].raw).toEqual(fixtures[name]);
	});

	it('reads SdkAppId / sdkappid / clientip / optplatform in any case into the same places', async () => {
		const outcome = await send(fixtures['room.created'], {
			query: { SdkAppid: undefined, SdkAppId: SDK_APP_ID, ClientIP: undefined, clientip: '198.51.100.1', OptPlatform: undefined, optplatform: 'iOS' },
		});
		expect(dataOf(outcome).request).toMatchObject({ sdkAppId: SDK_APP_ID, clientIp: '198.51.100.1', optPlatform: 'iOS' });
	});

	it('reports absent ClientIP and OptPlatform (some documented samples leave them out) as null', async () => {
		const outcome = await send(fixtures['member.changed'], { query: { ClientIP: undefined, OptPlatform: '' } });
		expect(dataOf(outcome).request).toMatchObject({ clientIp: null, optPlatform: null });
	});

	it('without a callback token, requestTime is null (nothing is signed)', async () => {
		const credentials = { tencentLiveKitApi: { sdkAppId: SDK_APP_ID, callbackToken: '' } };
		const outcome = await send(fixtures['follow.added'], { credentials });
		expect(outcome.items[0].authenticated).toBe('none');
		expect(dataOf(outcome).request).toEqual({ sdkAppId: SDK_APP_ID, clientIp: '127.0.0.1', optPlatform: 'RESTAPI', requestTime: null });
	});

	it('a body member named Request does not replace the URL parameters; it stays in raw', async () => {
		const payload = { ...fixtures['room.updated'], Request: { ClientIP: '10.0.0.1' } };
		const outcome = await send(payload);
		expect(dataOf(outcome).request).toMatchObject({ clientIp: '127.0.0.1' });
		expect((outcome.items[0].raw as IDataObject).Request).toEqual({ ClientIP: '10.0.0.1' });
	});

	it('does not change eventId: a redelivery from another client IP is the same event', async () => {
		const first = await send(fixtures['room.created'], { query: { ClientIP: '203.0.113.7' } });
		const again = await send(fixtures['room.created'], { query: { ClientIP: '203.0.113.8' }, skew: -5 });
		expect(again.items[0].eventId).toBe(first.items[0].eventId);
	});
});
