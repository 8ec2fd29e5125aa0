/**
 * The triggers' Filters through the real webhook(): a callback they leave out is answered with the
 * provider's success body and starts no execution; one they let through gives its item.
 */
import type { IDataObject } from 'n8n-workflow';

import { setClock } from '../../../nodes/core/clock';
import { TencentCssTrigger } from '../../../nodes/TencentCss/TencentCssTrigger.node';
import { buildCallbackRequest as cssRequest } from '../../../nodes/TencentCss/simulator';
import { TencentLiveKitTrigger } from '../../../nodes/TencentLiveKit/TencentLiveKitTrigger.node';
import { buildCallbackRequest as liveKitRequest } from '../../../nodes/TencentLiveKit/simulator';
import cssFixtures from '../../fixtures/tencent-css.json';
import liveKitFixtures from '../../fixtures/tencent-livekit.json';
import { callWebhook } from '../../harness/webhook';

const NOW = 1_780_000_000;
beforeAll(() => setClock(() => NOW * 1000));
afterAll(() => setClock(null));

describe('Tencent CSS Trigger filters', () => {
	const KEY = 'filterKey123';
	const push = (cssFixtures.events as Record<string, IDataObject>)['stream.started'];
	const send = async (filters: IDataObject, stream: IDataObject = {}) => {
		const request = cssRequest({ ...push, ...stream }, { callbackKey: KEY }, NOW);
		return await callWebhook(new TencentCssTrigger(), {
			body: request.body,
			credentials: { tencentCssCallbackApi: { callbackKey: KEY } },
			parameters: { filters },
		});
	};

	it('lets a matching stream through and leaves out the others with {"code":0} and no item', async () => {
		const name = String(push.stream_id);
		const through = await send({ streamName: `${name.slice(0, 3)}*`, streamApp: String(push.appname ?? push.app_name ?? '*') });
		expect(through.items).toHaveLength(1);
		const left = await send({ streamName: 'vip_*' });
		expect(left.items).toHaveLength(0);
		expect(left.response).toMatchObject({ status: 200, body: { code: 0 } });
		expect(left.result).toEqual({ noWebhookResponse: true });
	});

	it('a forged callback is still refused before any filter', async () => {
		const request = cssRequest(push, { callbackKey: 'another' }, NOW);
		const out = await callWebhook(new TencentCssTrigger(), {
			body: request.body,
			credentials: { tencentCssCallbackApi: { callbackKey: KEY } },
			parameters: { filters: { streamName: 'vip_*' } },
		});
		expect(out.response.status).toBe(401);
	});
});

describe('Tencent TUILiveKit Trigger room filter', () => {
	const events = liveKitFixtures.events as Record<string, IDataObject>;
	const created = events['room.created'];
	const send = async (roomId: string) => {
		const request = liveKitRequest(created, { sdkAppId: '1400000000', callbackToken: 'filterToken' }, NOW);
		return await callWebhook(new TencentLiveKitTrigger(), {
			body: request.body,
			query: request.query,
			credentials: { tencentLiveKitApi: { sdkAppId: '1400000000', callbackToken: 'filterToken' } },
			parameters: { filters: { roomId } },
		});
	};

	it('passes the room it names and acknowledges the others without an item', async () => {
		const roomId = String((created.RoomInfo as IDataObject | undefined)?.RoomId ?? created.RoomId);
		expect((await send(roomId)).items).toHaveLength(1);
		const left = await send('other_*');
		expect(left.items).toHaveLength(0);
		expect(left.response).toMatchObject({ status: 200, body: { ActionStatus: 'OK', ErrorCode: 0 } });
	});
});
