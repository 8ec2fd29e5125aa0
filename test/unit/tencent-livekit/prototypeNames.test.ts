/**
 * Issue 10: command words and member names chosen by the sender never reach inherited members of
 * the node's lookup tables, and body members with such names stay own members of `data`.
 */
import type { IDataObject } from 'n8n-workflow';

import { send } from './helpers';

const NAMES = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'];

describe('TUILiveKit: prototype-named commands and members', () => {
	it.each(NAMES)('a validly signed CallbackCommand "%s" is event "unknown"', async (name) => {
		const outcome = await send({ CallbackCommand: name, RoomId: 'r1', EventTime: 1739966441121 });
		expect(outcome.response.status).toBe(200);
		expect(outcome.items).toHaveLength(1);
		expect(outcome.items[0].event).toBe('unknown');
		expect(outcome.items[0].providerEvent).toBe(name);
		expect(typeof outcome.items[0].event).toBe('string');
	});

	it.each(NAMES)('the query command "%s" (body without one) is event "unknown"', async (name) => {
		const outcome = await send({ RoomId: 'r1' }, { query: { CallbackCommand: name } });
		expect(outcome.items[0].event).toBe('unknown');
	});

	it('is filtered out as "unknown" when only known events are selected', async () => {
		const outcome = await send({ CallbackCommand: 'constructor' }, { parameters: { events: ['room.created'] } });
		expect(outcome.items).toHaveLength(0);
		expect(outcome.response.status).toBe(200);
	});

	it('keeps body members named like Object.prototype members as own members of data, at any depth', async () => {
		const raw =
			'{"CallbackCommand":"Live.CallbackAfterUpdateRoomInfo","RoomInfo":{"RoomId":"r1","__proto__":{"polluted":1},' +
			'"constructor":"c","toString":5,"hasOwnProperty":[1]},"__proto__":"top","constructor":{"x":1},"valueOf":"v",' +
			'"EventTime":1670574414123}';
		const outcome = await send({ CallbackCommand: 'Live.CallbackAfterUpdateRoomInfo' }, { rawBody: raw });
		expect(outcome.items).toHaveLength(1);
		const data = outcome.items[0].data as IDataObject;
		const own = (o: object, k: string) => Object.getOwnPropertyDescriptor(o, k)?.value;
		expect(Object.getPrototypeOf(data)).toBe(Object.prototype);
		// camelCase drops the underscores of `__proto__` (core camelCase, as for every provider).
		expect(own(data, 'proto')).toBe('top');
		expect(own(data, 'constructor')).toEqual({ x: 1 });
		expect(own(data, 'valueOf')).toBe('v');
		const roomInfo = data.roomInfo as IDataObject;
		expect(Object.getPrototypeOf(roomInfo)).toBe(Object.prototype);
		expect(own(roomInfo, 'proto')).toEqual({ polluted: 1 });
		expect(own(roomInfo, 'constructor')).toBe('c');
		expect(own(roomInfo, 'toString')).toBe(5);
		expect(own(roomInfo, 'hasOwnProperty')).toEqual([1]);
		expect(({} as IDataObject).polluted).toBeUndefined();
		expect(outcome.items[0].room).toEqual({ id: 'r1' });
	});

	it('keeps a message rewrite copy with a __proto__ member own, in Tencent\'s spelling', async () => {
		const raw =
			'{"CallbackCommand":"Group.CallbackBeforeSendMsg","GroupId":"g","MsgBody":[{"MsgType":"TIMCustomElem",' +
			'"MsgContent":{"Data":"d","__proto__":{"x":1}}}],"EventTime":"1670574414123"}';
		const outcome = await send({ CallbackCommand: 'Group.CallbackBeforeSendMsg' }, { rawBody: raw });
		const rewrite = (((outcome.items[0].data as IDataObject).decision as IDataObject).rewrite as IDataObject);
		const content = ((rewrite.MsgBody as IDataObject[])[0].MsgContent as IDataObject);
		expect(Object.getPrototypeOf(content)).toBe(Object.prototype);
		expect(Object.getOwnPropertyDescriptor(content, '__proto__')?.value).toEqual({ x: 1 });
	});
});
