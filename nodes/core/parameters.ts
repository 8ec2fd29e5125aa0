/** Node parameters every trigger shares, so they look and behave the same everywhere. */
import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

export interface EventOption {
	/** Normalized event name, e.g. `stream.started`. */
	value: string;
	/** Shown in the list, e.g. `Stream Started`. */
	name: string;
	description: string;
}

/** A trigger's subtitle in the editor: the events chosen in `eventsParameter()`. */
export const EVENTS_SUBTITLE =
	'={{ $parameter["events"].includes("*") ? "All events" : $parameter["events"].join(", ") }}';

/** The "Events" multi-select: normalized events, plus "All Events" (default) and "Unknown Events". */
export function eventsParameter(events: readonly EventOption[]): INodeProperties {
	const options: INodePropertyOptions[] = [
		{ name: 'All Events', value: '*', description: 'Every callback, including event types this node does not know yet' },
		...[...events]
			.sort((a, b) => a.name.localeCompare(b.name))
			.map((e) => ({ name: e.name, value: e.value, description: e.description })),
		{
			name: 'Unknown Events',
			value: 'unknown',
			description: 'Callbacks whose event type this node does not map (emitted with event "unknown")',
		},
	];
	return {
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		options,
		default: ['*'],
		required: true,
		description:
			'The events that start the workflow. Other events are still acknowledged to the provider, so it does not retry them.',
	};
}
