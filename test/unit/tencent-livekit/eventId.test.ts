/**
 * Issue 10, eventId: TUILiveKit sends no event id. Where bodies can repeat for distinct events
 * (gifts: no EventTime, second-resolution GiftWater.Time), deduplication on eventId would drop real
 * events; the event table says so per event, and docs/protocols/tencent-livekit.md states the same.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { IDataObject } from 'n8n-workflow';

import { TENCENT_LIVEKIT_EVENT_TABLE } from '../../../nodes/TencentLiveKit/events';
import { fixtures, send } from './helpers';

describe('TUILiveKit eventId', () => {
	it('two distinct gifts in the same second (same sender, gift and recipients) share an eventId: dedup is unsafe for gifts', async () => {
		const first = await send(fixtures['gift.before_send']);
		const second = await send(fixtures['gift.before_send'], { skew: -1 });
		expect(first.items[0].eventId).toBe(second.items[0].eventId);
		expect(TENCENT_LIVEKIT_EVENT_TABLE.find((row) => row.event === 'gift.before_send')?.dedupSafe).toBe(false);
	});

	it('two distinct messages differ by MsgId/Random, and two member changes by EventTime', async () => {
		const msg = fixtures['message.before_send'];
		const a = await send(msg);
		const b = await send({ ...msg, MsgId: `${String(msg.MsgId)}-2`, Random: 654321 });
		expect(a.items[0].eventId).not.toBe(b.items[0].eventId);
		const m = fixtures['member.changed'];
		const c = await send(m);
		const d = await send({ ...m, EventTime: Number(m.EventTime) + 1 });
		expect(c.items[0].eventId).not.toBe(d.items[0].eventId);
	});

	it('the protocol document states the same dedup safety as the event table, for every event', () => {
		const doc = readFileSync(join(__dirname, '../../../docs/protocols/tencent-livekit.md'), 'utf8');
		const section = doc.slice(doc.indexOf('## eventId'), doc.indexOf('## Register Automatically'));
		const stated = new Map<string, boolean>();
		for (const match of section.matchAll(/^\| `([a-z_.]+)` \| (safe|\*\*no\*\*) \|/gm)) stated.set(match[1], match[2] === 'safe');
		expect(Object.fromEntries(stated)).toEqual(Object.fromEntries(TENCENT_LIVEKIT_EVENT_TABLE.map((row) => [row.event, row.dedupSafe])));
	});

	it('a redelivery (new Sign and RequestTime, another client IP) keeps the eventId', async () => {
		const payload = fixtures['recording.changed'] as IDataObject;
		const first = await send(payload);
		const retry = await send(payload, { skew: -30, query: { ClientIP: '192.0.2.9' } });
		expect(retry.items[0].eventId).toBe(first.items[0].eventId);
	});
});
