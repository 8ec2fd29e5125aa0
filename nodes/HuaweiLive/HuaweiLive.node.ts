import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { runPerItem, unknownOperation } from '../core/execute';
import { huaweiLiveProperties } from './HuaweiLiveDescription';
import { recordCallbackOperation, streamNotificationOperation } from './HuaweiLiveOperations';
import { searchPushDomains } from './listSearch';
import { domainOperation, streamOperation } from './streamOperations';

export class HuaweiLive implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Huawei Cloud Live',
		name: 'huaweiLive',
		icon: { light: 'file:../../icons/huaweiCloud.svg', dark: 'file:../../icons/huaweiCloud.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description:
			'Act on Huawei Cloud Live streams (block, unblock, cut, list blocked and online streams) and manage stream notification and recording callback configurations',
		defaults: { name: 'Huawei Cloud Live' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'huaweiCloudApi', required: true }],
		properties: huaweiLiveProperties,
	};

	methods = {
		listSearch: { searchPushDomains },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await runPerItem(this, async (itemIndex) => {
			const resource = this.getNodeParameter('resource', itemIndex) as string;
			const operation = this.getNodeParameter('operation', itemIndex, '') as string;
			switch (resource) {
				case 'streamNotification':
					return await streamNotificationOperation(this, operation, itemIndex);
				case 'recordCallback':
					return await recordCallbackOperation(this, operation, itemIndex);
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
