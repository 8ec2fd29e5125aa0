import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { runPerItem } from '../core/execute';
import { tencentCssProperties } from './TencentCssDescription';
import { callbackRuleOperation, callbackTemplateOperation } from './TencentCssOperations';

export class TencentCss implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Tencent CSS',
		name: 'tencentCss',
		icon: { light: 'file:../../icons/tencentCss.svg', dark: 'file:../../icons/tencentCss.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description: 'Manage Tencent Cloud Streaming Services (CSS) callback templates and the rules that bind them to push domains',
		defaults: { name: 'Tencent CSS' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'tencentCloudApi', required: true }],
		properties: tencentCssProperties,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await runPerItem(this, async (itemIndex) => {
			const resource = this.getNodeParameter('resource', itemIndex) as string;
			const operation = this.getNodeParameter('operation', itemIndex) as string;
			return resource === 'callbackRule'
				? await callbackRuleOperation(this, operation, itemIndex)
				: await callbackTemplateOperation(this, operation, itemIndex);
		});
	}
}
