import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { attempt } from '../core/attempt';
import { getChannel, listAllChannels, listChannels } from './channelApi';
import { sigmaLiveProperties } from './SigmaLiveDescription';
import {
	createWebhook,
	deleteWebhook,
	listAllWebhooks,
	listWebhooks,
	updateWebhook,
} from './webhookApi';
import { MAX_PAGE_LENGTH } from './transport';

function requiredString(ctx: IExecuteFunctions, name: string, index: number): string {
	const value = String(ctx.getNodeParameter(name, index, '') ?? '').trim();
	if (value === '') {
		throw new NodeOperationError(ctx.getNode(), `The parameter "${name}" must not be empty`, { itemIndex: index });
	}
	return value;
}

function pageAndLength(ctx: IExecuteFunctions, index: number): { page: number; length: number } {
	const page = Math.max(0, Math.floor(Number(ctx.getNodeParameter('page', index, 0))));
	const length = Math.floor(Number(ctx.getNodeParameter('length', index, 50)));
	if (!Number.isFinite(length) || length < 1 || length > MAX_PAGE_LENGTH) {
		throw new NodeOperationError(ctx.getNode(), `Limit must be between 1 and ${MAX_PAGE_LENGTH}`, {
			itemIndex: index,
		});
	}
	return { page: Number.isFinite(page) ? page : 0, length };
}

async function runOperation(
	ctx: IExecuteFunctions,
	resource: string,
	operation: string,
	index: number,
): Promise<IDataObject[]> {
	const returnAll = () => ctx.getNodeParameter('returnAll', index, false) === true;
	if (resource === 'webhook') {
		switch (operation) {
			case 'create':
				return [
					await createWebhook.call(
						ctx,
						requiredString(ctx, 'uri', index),
						ctx.getNodeParameter('events', index, []) as string[],
					),
				];
			case 'update':
				return [
					await updateWebhook.call(
						ctx,
						requiredString(ctx, 'webhookId', index),
						requiredString(ctx, 'uri', index),
						ctx.getNodeParameter('events', index, []) as string[],
					),
				];
			case 'delete': {
				const id = requiredString(ctx, 'webhookId', index);
				const removeEvents = ctx.getNodeParameter('removeEvents', index, []) as string[];
				const outcome = await deleteWebhook.call(ctx, id, removeEvents);
				if (outcome === 'not_found') {
					throw new NodeOperationError(ctx.getNode(), `Sigma has no webhook with ID "${id}"`, {
						itemIndex: index,
					});
				}
				return [{ id, deleted: removeEvents.length === 0, removedEvents: removeEvents }];
			}
			case 'getAll': {
				const filters = ctx.getNodeParameter('filters', index, {}) as { events?: string[] };
				const events = filters.events ?? [];
				if (returnAll()) return await listAllWebhooks.call(ctx, events);
				const { page, length } = pageAndLength(ctx, index);
				return (await listWebhooks.call(ctx, page, length, events)).webhooks;
			}
		}
	}
	if (resource === 'channel') {
		switch (operation) {
			case 'get':
				return [await getChannel.call(ctx, requiredString(ctx, 'channelId', index))];
			case 'getAll': {
				if (returnAll()) return await listAllChannels.call(ctx);
				const { page, length } = pageAndLength(ctx, index);
				return (await listChannels.call(ctx, page, length)).channels;
			}
		}
	}
	throw new NodeOperationError(ctx.getNode(), `Unsupported operation "${operation}" on "${resource}"`, {
		itemIndex: index,
	});
}

export class SigmaLive implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Sigma Livestream',
		name: 'sigmaLive',
		icon: { light: 'file:../../icons/sigmaLive.svg', dark: 'file:../../icons/sigmaLive.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description: 'Manage Sigma Livestream webhooks and look up live channels',
		defaults: { name: 'Sigma Livestream' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'sigmaLiveApi', required: true }],
		properties: sigmaLiveProperties,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const output: INodeExecutionData[] = [];
		for (let index = 0; index < items.length; index++) {
			const resource = this.getNodeParameter('resource', index) as string;
			const operation = this.getNodeParameter('operation', index) as string;
			const outcome = await attempt(this, async () => await runOperation(this, resource, operation, index));
			if (outcome.ok) {
				for (const json of outcome.value) output.push({ json, pairedItem: { item: index } });
				continue;
			}
			if (!this.continueOnFail()) {
				outcome.error.context.itemIndex = index;
				throw outcome.error;
			}
			output.push({ json: { error: outcome.error.message }, pairedItem: { item: index } });
		}
		return [output];
	}
}
