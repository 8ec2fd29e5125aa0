import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { runPerItem } from '../core/execute';
import { tencentLiveKitProperties } from './TencentLiveKitDescription';
import { callbackConfigOperation, callbackTokenOperation } from './TencentLiveKitOperations';

export class TencentLiveKit implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Tencent TUILiveKit',
		name: 'tencentLiveKit',
		icon: { light: 'file:../../icons/tencentLiveKit.svg', dark: 'file:../../icons/tencentLiveKit.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description: 'Manage the TUILiveKit (TRTC Live) webhook: callback URL, command list and callback token',
		defaults: { name: 'Tencent TUILiveKit' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'tencentLiveKitApi', required: true }],
		properties: tencentLiveKitProperties,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await runPerItem(this, async (itemIndex) => {
			const resource = this.getNodeParameter('resource', itemIndex) as string;
			const operation = this.getNodeParameter('operation', itemIndex) as string;
			return resource === 'callbackToken'
				? await callbackTokenOperation(this, operation, itemIndex)
				: await callbackConfigOperation(this, operation, itemIndex);
		});
	}
}
