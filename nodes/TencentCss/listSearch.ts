/**
 * The Tencent CSS node's dropdowns (resource locators with list search): enabled push domains
 * (DescribeLiveDomains) and callback templates (DescribeLiveCallbackTemplates),
 * docs/protocols/stream-control.md §1.9–1.10. Both lists come whole, so the filter is applied here.
 */
import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { tencentCssApiRequest } from './TencentCssApi';
import { listDomains } from './streamOperations';

const matches = (filter: string | undefined, ...texts: string[]) =>
	!filter || texts.some((t) => t.toLowerCase().includes(filter.trim().toLowerCase()));

export async function searchPushDomains(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const call = async (body: IDataObject) =>
		await tencentCssApiRequest(this, 'DescribeLiveDomains', body, 0, { read: true, tolerate: ['ResourceNotFound.EmptyData'] });
	const domains = await listDomains(call, { DomainType: 0, DomainStatus: 1 });
	return {
		results: domains
			.map((d) => String(d.Name ?? ''))
			.filter((name) => name !== '' && matches(filter, name))
			.sort()
			.map((name) => ({ name, value: name })),
	};
}

export async function searchTemplates(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const answer = await tencentCssApiRequest(this, 'DescribeLiveCallbackTemplates', {}, 0, { read: true });
	const templates = (answer.Templates as IDataObject[] | undefined) ?? [];
	return {
		results: templates
			.filter((t) => matches(filter, String(t.TemplateName ?? ''), String(t.TemplateId ?? ''), String(t.Description ?? '')))
			.map((t) => ({
				name: `${String(t.TemplateName ?? '(no name)')} (${String(t.TemplateId)})`,
				value: String(t.TemplateId),
				description: typeof t.Description === 'string' && t.Description !== '' ? t.Description : undefined,
			})),
	};
}
