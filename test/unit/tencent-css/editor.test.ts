/**
 * What the editor shows: the Events options come from the one event table, and a notice appears
 * (by n8n's own displayOptions rules) whenever the selected events may arrive unsigned.
 */
import type { INode, INodeProperties } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { EVENT_TYPES, TENCENT_CSS_EVENTS, UNSIGNED_EVENTS, UNSIGNED_EVENT_TYPES } from '../../../nodes/TencentCss/events';
import { TencentCssTrigger } from '../../../nodes/TencentCss/TencentCssTrigger.node';

const description = new TencentCssTrigger().description;
const property = (name: string) => description.properties.find((p) => p.name === name) as INodeProperties;
const notice = property('unsignedEventsNotice');
const unsignedOption = (property('options').options as INodeProperties[]).find((o) => o.name === 'unsignedEventTypes')!;

function noticeShown(events: string[]): boolean {
	const node = { typeVersion: 1 } as INode;
	return NodeHelpers.displayParameter({ events }, notice, node, description);
}

describe('Tencent CSS Trigger: editor', () => {
	it('lists each normalized event once, with the event types that produce it', () => {
		const values = TENCENT_CSS_EVENTS.map((e) => e.value);
		expect(new Set(values).size).toBe(values.length);
		const events = property('events').options as Array<{ value: string; description: string }>;
		expect(events.map((o) => o.value).sort()).toEqual(['*', ...values, 'unknown'].sort());
		const failed = TENCENT_CSS_EVENTS.find((e) => e.value === 'recording.failed')!;
		expect(failed.description).toContain('event_type 341');
		expect(failed.description).toContain('record_event record_start_failed');
		expect(failed.description).toContain('record_event record_error');
		for (const e of TENCENT_CSS_EVENTS) expect(e.name).not.toBe(e.value);
	});

	it('marks exactly the events of unsigned types in their descriptions', () => {
		for (const e of TENCENT_CSS_EVENTS) {
			expect(e.description.includes('Accept Unsigned Event Types')).toBe(UNSIGNED_EVENTS.includes(e.value));
		}
		expect([...UNSIGNED_EVENTS].sort()).toEqual(
			[
				'ai.highlight', 'ai.summary', 'moderation.audio', 'monitor.alert', 'quality.check', 'quality.score', 'quality.threshold',
				'relay.alarm', 'relay.exited', 'relay.file_finished', 'relay.file_started', 'relay.started',
			].sort(),
		);
	});

	it('shows the notice when All Events or any event that may arrive unsigned is selected', () => {
		expect(noticeShown(['*'])).toBe(true);
		for (const event of UNSIGNED_EVENTS) {
			expect(noticeShown([event])).toBe(true);
			expect(noticeShown(['stream.started', event])).toBe(true);
		}
	});

	it('hides the notice when every selected event is signed', () => {
		const signed = TENCENT_CSS_EVENTS.map((e) => e.value).filter((v) => !UNSIGNED_EVENTS.includes(v));
		expect(signed.length).toBeGreaterThan(5);
		for (const event of signed) expect(noticeShown([event])).toBe(false);
		expect(noticeShown(signed)).toBe(false);
		expect(noticeShown(['unknown'])).toBe(false);
	});

	it('names every unsigned type in the notice and the option, and offers exactly those types', () => {
		expect(notice.type).toBe('notice');
		expect(notice.displayName).toContain('Options › Accept Unsigned Event Types');
		for (const type of UNSIGNED_EVENT_TYPES) {
			expect(notice.displayName).toContain(String(type));
			expect(unsignedOption.description).toContain(String(type));
		}
		expect(unsignedOption.displayName).toBe('Accept Unsigned Event Types');
		expect(unsignedOption.default).toEqual([]);
		const offered = (unsignedOption.options as Array<{ name: string; value: number }>).map((o) => o.value);
		expect(offered.sort((a, b) => a - b)).toEqual([...UNSIGNED_EVENT_TYPES]);
		for (const type of offered) expect(EVENT_TYPES.get(type)?.signature).not.toBe('signed');
	});
});
