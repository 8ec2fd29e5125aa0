import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { runPerItem } from '../core/execute';
import { huaweiLiveProperties } from './HuaweiLiveDescription';
import { recordCallbackOperation, streamNotificationOperation } from './HuaweiLiveOperations';

export class HuaweiLive implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Huawei Cloud Live',
		name: 'huaweiLive',
		icon: { light: 'file:../../icons/huaweiCloud.svg', dark: 'file:../../icons/huaweiCloud.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description: 'Manage Huawei Cloud Live stream notification and recording callback configurations',
		defaults: { name: 'Huawei Cloud Live' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'huaweiCloudApi', required: true }],
		properties: huaweiLiveProperties,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await runPerItem(this, async (itemIndex) => {
			const resource = this.getNodeParameter('resource', itemIndex) as string;
			const operation = this.getNodeParameter('operation', itemIndex) as string;
			return resource === 'recordCallback'
				? await recordCallbackOperation(this, operation, itemIndex)
				: await streamNotificationOperation(this, operation, itemIndex);
		});
	}
}
