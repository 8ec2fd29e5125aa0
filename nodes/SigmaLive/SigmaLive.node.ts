import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { runPerItem, unknownOperation } from '../core/execute';
import { channelOperation, pageAndLength } from './channelOperations';
import { sigmaLiveProperties } from './SigmaLiveDescription';
import { createWebhook, deleteWebhook, listAllWebhooks, listWebhooks, updateWebhook } from './webhookApi';

function required(ctx: IExecuteFunctions, name: string, index: number): string {
	const value = String(ctx.getNodeParameter(name, index, '') ?? '').trim();
	if (value === '') {
		throw new NodeOperationError(ctx.getNode(), `The parameter "${name}" must not be empty`, { itemIndex: index });
	}
	return value;
}

async function webhookOperation(ctx: IExecuteFunctions, operation: string, index: number): Promise<IDataObject[]> {
	switch (operation) {
		case 'create':
			return [await createWebhook(ctx, required(ctx, 'uri', index), ctx.getNodeParameter('events', index, []) as string[])];
		case 'update':
			return [
				await updateWebhook(
					ctx,
					required(ctx, 'webhookId', index),
					required(ctx, 'uri', index),
					ctx.getNodeParameter('events', index, []) as string[],
				),
			];
		case 'delete': {
			const id = required(ctx, 'webhookId', index);
			const removeEvents = ctx.getNodeParameter('removeEvents', index, []) as string[];
			const outcome = await deleteWebhook(ctx, id, removeEvents);
			if (outcome === 'not_found') {
				throw new NodeOperationError(ctx.getNode(), `Sigma has no webhook with ID "${id}"`, { itemIndex: index });
			}
			return [{ id, deleted: removeEvents.length === 0, removedEvents: removeEvents }];
		}
		case 'getAll': {
			const filters = ctx.getNodeParameter('filters', index, {}) as { events?: string[] };
			const events = filters.events ?? [];
			if (ctx.getNodeParameter('returnAll', index, false) === true) return await listAllWebhooks(ctx, events);
			const { page, length } = pageAndLength(ctx, index);
			return (await listWebhooks(ctx, page, length, events)).webhooks;
		}
	}
	throw unknownOperation(ctx, 'webhook', operation, index);
}

export class SigmaLive implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Sigma Livestream',
		name: 'sigmaLive',
		icon: { light: 'file:../../icons/sigmaLive.svg', dark: 'file:../../icons/sigmaLive.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description: 'Stop, delete, update and look up Sigma Livestream channels, and manage its webhooks',
		defaults: { name: 'Sigma Livestream' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'sigmaLiveApi', required: true }],
		properties: sigmaLiveProperties,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await runPerItem(this, async (index) => {
			const resource = this.getNodeParameter('resource', index) as string;
			const operation = this.getNodeParameter('operation', index, '') as string;
			switch (resource) {
				case 'webhook':
					return await webhookOperation(this, operation, index);
				case 'channel':
					return await channelOperation(this, operation, index);
				default:
					throw unknownOperation(this, resource, null, index);
			}
		});
	}
}
