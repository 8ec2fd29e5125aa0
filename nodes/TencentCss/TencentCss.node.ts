import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { runPerItem, unknownOperation } from '../core/execute';
import { searchPushDomains, searchTemplates } from './listSearch';
import { tencentCssProperties } from './TencentCssDescription';
import { callbackRuleOperation, callbackTemplateOperation } from './TencentCssOperations';
import { domainOperation, streamOperation } from './streamOperations';

export class TencentCss implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Tencent CSS',
		name: 'tencentCss',
		icon: { light: 'file:../../icons/tencentCss.svg', dark: 'file:../../icons/tencentCss.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description:
			'Act on Tencent Cloud Streaming Services (CSS) live streams (drop, forbid, resume, state, online list) and manage its callback templates and rules',
		defaults: { name: 'Tencent CSS' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'tencentCloudApi', required: true }],
		properties: tencentCssProperties,
	};

	methods = {
		listSearch: { searchPushDomains, searchTemplates },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await runPerItem(this, async (itemIndex) => {
			const resource = this.getNodeParameter('resource', itemIndex) as string;
			const operation = this.getNodeParameter('operation', itemIndex, '') as string;
			switch (resource) {
				case 'callbackTemplate':
					return await callbackTemplateOperation(this, operation, itemIndex);
				case 'callbackRule':
					return await callbackRuleOperation(this, operation, itemIndex);
				case 'stream':
					return await streamOperation(this, operation, itemIndex);
				case 'domain':
					return await domainOperation(this, operation, itemIndex);
				default:
					throw unknownOperation(this, resource, null, itemIndex);
			}
		});
	}
}
