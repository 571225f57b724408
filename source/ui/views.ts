// The views and the rows each one shows. Each view's table is typed by its own
// row type, so the code that opens a timeline row or charts its dates needs no casts.
import {
	changeTable,
	entryTable,
	jurisdictionRows,
	jurisdictionTable,
	queueRows,
	queueTable,
	ruleRows,
	ruleTable,
	type ViewName,
	restrictionRows,
	restrictionTable,
	timelineRows,
	timelineTable,
	vendorRows,
	vendorTable,
	type ChangeRow,
	type EntryRow,
	type JurisdictionRow,
	type RestrictionRow,
	type RuleRow,
	type TableRow,
	type TableSpec,
	type TimelineRow,
	type VendorRow,
} from '../tables/index.js';
import {arrangeColumns, type ColumnChoice} from '../tables/index.js';
import type {AppData} from './app-data.js';
import {exposureOf, findingsOf} from './exposure.js';
import type {Preferences} from './preferences.js';
import type {TableState} from './table-state.js';

export {viewNames, type ViewName} from '../tables/index.js';

export type RowOf = {
	// The dashboard draws charts, not rows; it has a table so every view shares one state shape.
	dashboard: TableRow;
	vendors: VendorRow;
	jurisdictions: JurisdictionRow;
	restrictions: RestrictionRow;
	entries: EntryRow;
	changes: ChangeRow;
	queue: VendorRow;
	timeline: TimelineRow;
	rules: RuleRow;
};
export type ViewTables = {[View in ViewName]: TableState<RowOf[View]>};
export type ViewSpecs = {[View in ViewName]: TableSpec<RowOf[View]>};

export const tableSpecs: ViewSpecs = {
	dashboard: {name: 'Dashboard', columns: [], defaultSort: null},
	vendors: vendorTable,
	jurisdictions: jurisdictionTable,
	restrictions: restrictionTable,
	entries: entryTable,
	changes: changeTable,
	// The queue keeps its own order (severity, then date) until the reviewer sorts it, and says why each vendor is in it.
	queue: queueTable,
	timeline: timelineTable,
	rules: ruleTable,
};

// The Vendors and Queue views share one set of row objects (and so their filter
// haystacks): at 100,000 vendors a second copy is real memory and garbage.
const vendorRowsCache = new WeakMap<AppData, VendorRow[]>();
function vendorRowsOf(data: AppData): VendorRow[] {
	let rows = vendorRowsCache.get(data);
	if (!rows) vendorRowsCache.set(data, (rows = vendorRows(data.catalog, data.asOf, data.decisionOf, data.hitsOf, findingsOf(data))));
	return rows;
}

const rowSources: {[View in ViewName]: (data: AppData) => readonly RowOf[View][]} = {
	dashboard: () => [],
	vendors: vendorRowsOf,
	jurisdictions: data => jurisdictionRows(data.catalog, data.asOf),
	restrictions: data => restrictionRows(data.catalog, data.asOf),
	entries: data => data.entries,
	changes: data => data.changes ?? [],
	queue: data => queueRows(vendorRowsOf(data)),
	timeline: data => timelineRows(data.catalog, data.asOf),
	rules: data => ruleRows(data.catalog, data.asOf, exposureOf(data)),
};

export const rowsFor = <View extends ViewName>(view: View, data: AppData): readonly RowOf[View][] => rowSources[view](data);

const openingRows: {[View in ViewName]?: (rows: readonly RowOf[View][]) => string | null} = {
	// The timeline opens on the next milestone to come, not on the oldest one.
	timeline: rows => [...rows].sort((a, b) => (a.date < b.date ? -1 : 1)).find(row => row.days >= 0)?.id ?? null,
};

/** The row a view opens on, or null for its first row. */
export const openingRowId = <View extends ViewName>(view: View, rows: readonly RowOf[View][]): string | null =>
	openingRows[view]?.(rows) ?? null;

/** A view's table with its spec, under one row type: what a component that draws any view's table takes. */
export const viewTable = <View extends ViewName>(
	tables: ViewTables,
	view: View,
): {table: TableState<RowOf[View]>; spec: TableSpec<RowOf[View]>} => ({
	table: tables[view],
	spec: tableSpecs[view],
});

// The arranged spec of each view, kept while its choice (replaced only when the reviewer applies one) stays the same.
const arrangedSpecs: {[View in ViewName]?: {choice: ColumnChoice; spec: TableSpec<RowOf[View]>}} = {};

/**
 * A view's spec with its columns as the reviewer arranged them (order, hidden):
 * what is drawn and what `s` steps through. Filtering and sorting keep reading
 * the spec's own columns, so the filter index built for them stays valid.
 */
export function shownSpec<View extends ViewName>(preferences: Preferences, view: View): TableSpec<RowOf[View]> {
	const choice = preferences.columns[view];
	if (!choice) return tableSpecs[view];
	const cached: {choice: ColumnChoice; spec: TableSpec<RowOf[View]>} | undefined = arrangedSpecs[view];
	if (cached?.choice === choice) return cached.spec;
	const spec = {...tableSpecs[view], columns: arrangeColumns(tableSpecs[view].columns, choice)};
	const entry: {[V in ViewName]?: {choice: ColumnChoice; spec: TableSpec<RowOf[V]>}} = {[view]: {choice, spec}};
	Object.assign(arrangedSpecs, entry);
	return spec;
}
