// What Enter does on each view's row: a vendor's or a list entry's detail, or the
// vendors of a jurisdiction. Typed by each view's own row.
import type {AppData} from './app-data.js';
import {entryDetail, vendorDetail, type DetailState} from './detail-state.js';
import {selectedRow, type TableState} from './table-state.js';
import type {RowOf, ViewName} from './views.js';

export type Opened = {kind: 'detail'; detail: DetailState} | {kind: 'vendors'; filterText: string} | {kind: 'message'; text: string} | null;

const vendor = (data: AppData, vendorId: string): Opened => ({kind: 'detail', detail: vendorDetail(data, vendorId, 0, 0)});

const openers: {[View in ViewName]: (row: RowOf[View], data: AppData) => Opened} = {
	dashboard: () => null,
	vendors: (row, data) => vendor(data, row.id),
	queue: (row, data) => vendor(data, row.id),
	jurisdictions: row => ({kind: 'vendors', filterText: `hq:${row.id}`}),
	restrictions: (row, data) => vendor(data, row.vendorId),
	timeline: (row, data) => vendor(data, row.vendorId),
	entries: row => ({kind: 'detail', detail: entryDetail(row)}),
	// A change opens the first vendor it touches, else the list entry while it is still listed.
	changes: (row, data) => {
		const vendorId = row.vendors[0];
		if (vendorId && data.catalog.vendorById.has(vendorId)) return vendor(data, vendorId);
		const entry = data.entries.find(candidate => candidate.id === row.entryId);
		return entry ? {kind: 'detail', detail: entryDetail(entry)} : {kind: 'message', text: `${row.name} is no longer in the lists`};
	},
};

export function openSelectedRow<View extends ViewName>(view: View, table: TableState<RowOf[View]>, data: AppData): Opened {
	const row = selectedRow(table);
	return row ? openers[view](row, data) : null;
}
