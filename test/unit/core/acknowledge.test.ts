/**
 * "Answer Accepted Callbacks" (nodes/core/acknowledge.ts): the response mode and data n8n reads
 * from each trigger's webhook description, resolved natively (n8n 2.40+, no expression engine) and
 * through the expression engine (older hosts, or a trigger whose parameters hold an expression):
 * both must agree for every value of the option.
 */
import type { IDataObject, INode, INodeType, Workflow } from 'n8n-workflow';
import { resolveWebhookDescriptionField } from 'n8n-workflow';

import { HuaweiLiveTrigger } from '../../../nodes/HuaweiLive/HuaweiLiveTrigger.node';
import { SigmaLiveTrigger } from '../../../nodes/SigmaLive/SigmaLiveTrigger.node';
import { TencentCssTrigger } from '../../../nodes/TencentCss/TencentCssTrigger.node';
import { acknowledgeOption, acknowledgeWebhookFields } from '../../../nodes/core/acknowledge';
import { buildNodeContext } from '../../harness/context';

const triggers: Array<[string, INodeType]> = [
	['Tencent CSS', new TencentCssTrigger()],
	['Huawei Cloud Live', new HuaweiLiveTrigger()],
	['Sigma Livestream', new SigmaLiveTrigger()],
];

const cases: Array<[string, IDataObject, string, string]> = [
	['no options', {}, 'onReceived', ''],
	['empty options', { options: {} }, 'onReceived', ''],
	['when stored', { options: { acknowledge: 'stored' } }, 'onReceived', ''],
	['when the workflow has finished', { options: { acknowledge: 'finished' } }, 'lastNode', 'noData'],
];

function nodeFor(trigger: INodeType, parameters: IDataObject): { workflow: Workflow; node: INode } {
	const { workflow, node } = buildNodeContext({ nodeType: trigger, parameters });
	return { workflow, node: workflow.getNode(node.name)! };
}

describe.each(triggers)('%s Trigger: when accepted callbacks are answered', (_label, trigger) => {
	const description = trigger.description.webhooks![0];

	it('declares the option in its Options collection and the shared webhook fields', () => {
		const options = trigger.description.properties.find((p) => p.name === 'options');
		expect(options?.type).toBe('collection');
		expect(options?.options).toContain(acknowledgeOption);
		expect(description.responseMode).toBe(acknowledgeWebhookFields.responseMode);
		expect(description.responseData).toBe(acknowledgeWebhookFields.responseData);
	});

	it.each(cases)('%s: natively and through the expression engine alike', (_case, parameters, mode, data) => {
		const { workflow, node } = nodeFor(trigger, parameters);
		for (const [field, expected, fallback] of [
			['responseMode', mode, 'onReceived'],
			['responseData', data, 'firstEntryJson'],
		] as const) {
			const native = resolveWebhookDescriptionField(node, description, field);
			expect(native).toEqual({ resolved: true, value: expected });
			const viaEngine = workflow.expression.getSimpleParameterValue(
				node,
				description[field] as string,
				'webhook',
				{},
				undefined,
				fallback,
			);
			expect(viaEngine).toBe(expected);
		}
	});

	it('falls back to the engine when a parameter holds an expression', () => {
		const { node } = nodeFor(trigger, { events: '={{ ["*"] }}', options: { acknowledge: 'finished' } });
		expect(resolveWebhookDescriptionField(node, description, 'responseMode')).toEqual({ resolved: false });
	});
});
