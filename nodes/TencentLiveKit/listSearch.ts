/**
 * The Tencent TUILiveKit node's room dropdown (resource locator with list search): public Live
 * rooms by view count, 20 a page with Tencent's `Next` as the page token (get_room_list,
 * docs/protocols/stream-control.md §3.2). The typed text filters the page by name or ID.
 */
import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { liveRestRequest } from './TencentLiveKitApi';

export async function searchRooms(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	const answer = await liveRestRequest(this, 'live_engine_http_srv/get_room_list', { Next: paginationToken ?? '', Count: 20 }, 0, { read: true });
	const out = (answer.Response as IDataObject | undefined) ?? {};
	const wanted = (filter ?? '').trim().toLowerCase();
	const rooms = ((out.RoomList as IDataObject[] | undefined) ?? []).filter(
		(r) => wanted === '' || `${String(r.RoomName ?? '')} ${String(r.RoomId ?? '')}`.toLowerCase().includes(wanted),
	);
	const next = String(out.Next ?? '');
	return {
		results: rooms.map((r) => ({
			name: r.RoomName && r.RoomName !== r.RoomId ? `${String(r.RoomName)} (${String(r.RoomId)})` : String(r.RoomId),
			value: String(r.RoomId),
		})),
		paginationToken: next === '' ? undefined : next,
	};
}
