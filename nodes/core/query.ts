/** Query-string access shared by the triggers whose providers sign or describe a callback in the URL. */
import type { IDataObject } from 'n8n-workflow';

/**
 * The value of the first of `names` present in `query`, matching names case-insensitively
 * (`SdkAppid` = `SdkAppId` = `sdkappid`). A repeated parameter yields its first value. Returns
 * null when none is present or the value is not a string.
 */
export function queryParam(query: IDataObject, ...names: string[]): string | null {
	const wanted = names.map((name) => name.toLowerCase());
	for (const name of wanted) {
		for (const [key, value] of Object.entries(query)) {
			if (key.toLowerCase() !== name) continue;
			const first = Array.isArray(value) ? value[0] : value;
			if (typeof first === 'string') return first;
		}
	}
	return null;
}
