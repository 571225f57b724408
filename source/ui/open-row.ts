// What Enter does on each view's row: a vendor's, a list entry's or a class rule's detail (a
// restriction's or a milestone's vendor opened at that restriction), or the
// vendors of a jurisdiction. Typed by each view's own row.
import type {AppData} from './app-data.js';
import {entryDetail, ruleDetail, vendorDetail, type DetailState, type Viewport} from './detail-state.js';
import {selectedRow, type TableState} from './table-state.js';
import type {RowOf, ViewName} from './views.js';

export type Opened = {kind: 'detail'; detail: DetailState} | {kind: 'vendors'; filterText: string} | {kind: 'message'; text: string} | null;

const vendor = (data: AppData, vendorId: string, viewport: Viewport, anchor?: string): Opened => ({
	kind: 'detail',
	detail: vendorDetail(data, vendorId, {anchor}, viewport),
});

const openers: {[View in ViewName]: (row: RowOf[View], data: AppData, viewport: Viewport) => Opened} = {
	dashboard: () => null,
	vendors: (row, data, viewport) => vendor(data, row.id, viewport),
	queue: (row, data, viewport) => vendor(data, row.id, viewport),
	jurisdictions: row => ({kind: 'vendors', filterText: `hq:${row.id}`}),
	restrictions: (row, data, viewport) => vendor(data, row.vendorId, viewport, row.id),
	timeline: (row, data, viewport) => vendor(data, row.vendorId, viewport, row.restrictionId),
	entries: (row, _data, viewport) => ({kind: 'detail', detail: entryDetail(row, viewport)}),
	rules: (row, data, viewport) => ({kind: 'detail', detail: ruleDetail(data, row.id, viewport)}),
	// A change opens the first vendor it touches, else the list entry while it is still listed.
	changes: (row, data, viewport) => {
		const vendorId = row.vendors[0];
		if (vendorId && data.catalog.vendorById.has(vendorId)) return vendor(data, vendorId, viewport);
		const entry = data.entries.find(candidate => candidate.id === row.entryId);
		return entry
			? {kind: 'detail', detail: entryDetail(entry, viewport)}
			: {kind: 'message', text: `${row.name} is no longer in the lists`};
	},
};

export function openSelectedRow<View extends ViewName>(
	view: View,
	table: TableState<RowOf[View]>,
	data: AppData,
	viewport: Viewport,
): Opened {
	const row = selectedRow(table);
	return row ? openers[view](row, data, viewport) : null;
}
