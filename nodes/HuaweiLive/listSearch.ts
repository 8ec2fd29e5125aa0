/**
 * The Huawei Cloud Live node's push-domain dropdown (resource locator with list search): the
 * project's push domains that are on, from the domain query (docs/protocols/stream-control.md §2.8).
 */
import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { listDomains } from './streamOperations';

export async function searchPushDomains(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const wanted = (filter ?? '').trim().toLowerCase();
	const domains = await listDomains(this, 0, 'push', 'on');
	return {
		results: domains
			.map((d) => String(d.domain ?? ''))
			.filter((name) => name !== '' && name.toLowerCase().includes(wanted))
			.sort()
			.map((name) => ({ name, value: name })),
	};
}
