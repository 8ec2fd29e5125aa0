import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { runPerItem, unknownOperation } from '../core/execute';
import { searchRooms } from './listSearch';
import { memberOperation, messageOperation, roomOperation, seatOperation } from './roomOperations';
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
		description:
			'Moderate TUILiveKit (TRTC Live) rooms (destroy, update, ban, mute, kick off seat, send messages) and manage the webhook: callback URL, command list and callback token',
		defaults: { name: 'Tencent TUILiveKit' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'tencentLiveKitApi', required: true }],
		properties: tencentLiveKitProperties,
	};

	methods = {
		listSearch: { searchRooms },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await runPerItem(this, async (itemIndex) => {
			const resource = this.getNodeParameter('resource', itemIndex) as string;
			const operation = this.getNodeParameter('operation', itemIndex, '') as string;
			switch (resource) {
				case 'callbackConfig':
					return await callbackConfigOperation(this, operation, itemIndex);
				case 'callbackToken':
					return await callbackTokenOperation(this, operation, itemIndex);
				case 'room':
					return await roomOperation(this, operation, itemIndex);
				case 'member':
					return await memberOperation(this, operation, itemIndex);
				case 'seat':
					return await seatOperation(this, operation, itemIndex);
				case 'message':
					return await messageOperation(this, operation, itemIndex);
				default:
					throw unknownOperation(this, resource, null, itemIndex);
			}
		});
	}
}
