// A detail screen as pure state: its lines, how far it is scrolled, and which of
// a vendor's screening hits is focused (x and n act on that one).
import type {EntryRow} from '../tables/index.js';
import type {AppData} from './app-data.js';
import {entryDetailLines, vendorDetailLines, type DetailLine} from './detail-lines.js';

export type DetailState = {
	kind: 'detail';
	title: string;
	/** What `y` copies: id, tab, name. */
	copyText: string;
	lines: DetailLine[];
	scroll: number;
	/** The vendor shown, for decisions and hits; absent on a list entry's detail. */
	vendorId?: string;
	hitIds: string[];
	/** The focused hit: an index into hitIds. */
	hit: number;
};

export type DetailAction = {type: 'scrollBy'; lines: number} | {type: 'scrollTo'; line: number | 'end'};

export function detailReducer(detail: DetailState, action: DetailAction, page: number): DetailState {
	const max = Math.max(0, detail.lines.length - page);
	const wanted = action.type === 'scrollBy' ? detail.scroll + action.lines : action.line === 'end' ? max : action.line;
	return {...detail, scroll: Math.max(0, Math.min(max, wanted))};
}

/** A vendor's detail, with hit number `hit` focused, scrolled to `scroll`. */
export function vendorDetail(data: AppData, vendorId: string, hit: number, scroll: number): DetailState {
	const vendor = data.catalog.vendorById.get(vendorId);
	const hitIds = data.hitIdsOf?.(vendorId) ?? [];
	const lines = vendorDetailLines(data.catalog, vendorId, data.asOf, data.detailSections?.(vendorId, hitIds[hit]) ?? []);
	return {
		kind: 'detail',
		title: vendor?.name ?? vendorId,
		copyText: `${vendorId}\t${vendor?.name ?? ''}`,
		lines,
		scroll,
		vendorId,
		hitIds,
		hit,
	};
}

export function entryDetail(entry: EntryRow): DetailState {
	const lines = entryDetailLines(entry);
	return {kind: 'detail', title: entry.name, copyText: `${entry.id}\t${entry.name}`, lines, scroll: 0, hitIds: [], hit: 0};
}

/** The vendor's next hit focused (after the last, the first), scrolled to show it; null when there are no hits here. */
export function withNextHit(detail: DetailState, data: AppData, page: number): DetailState | null {
	if (!detail.vendorId || detail.hitIds.length === 0) return null;
	const next = vendorDetail(data, detail.vendorId, (detail.hit + 1) % detail.hitIds.length, detail.scroll);
	const focusLine = next.lines.findIndex(line => line.text.startsWith('▶ hit'));
	return focusLine >= 0 ? detailReducer(next, {type: 'scrollTo', line: focusLine}, page) : next;
}
