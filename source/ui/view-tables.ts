// Every view's table at once: built when first shown, reloaded with new data,
// refitted to the terminal. Each helper is generic in the view, so a view's table
// and its spec keep the same row type without casts.
import type {AppData} from './app-data.js';
import {pageSize, type Size} from './layout.js';
import {builtTable, tableReducer, unbuiltTable, type TableAction, type TableFrame} from './table-state.js';
import {openingRowId, rowsFor, tableSpecs, viewNames, type RowOf, type ViewName, type ViewTables} from './views.js';

export const frameOf = <View extends ViewName>(view: View, size: Size): TableFrame<RowOf[View]> => ({
	columns: tableSpecs[view].columns,
	page: pageSize({size, view}),
});

export function withTableAction<View extends ViewName>(
	tables: ViewTables,
	view: View,
	action: TableAction<RowOf[View]>,
	size: Size,
): ViewTables {
	return {...tables, [view]: tableReducer(tables[view], action, frameOf(view, size))};
}

/** The tables with `view`'s built from `data`, if it was not yet. */
export function withViewBuilt<View extends ViewName>(tables: ViewTables, view: View, data: AppData, size: Size): ViewTables {
	if (tables[view].built) return tables;
	const rows = rowsFor(view, data);
	const opening = {sort: tableSpecs[view].defaultSort, selectedId: openingRowId(view, rows)};
	return {...tables, [view]: builtTable(rows, opening, frameOf(view, size))};
}

export const unbuiltTables = (): ViewTables => ({
	dashboard: unbuiltTable(tableSpecs.dashboard.defaultSort),
	vendors: unbuiltTable(tableSpecs.vendors.defaultSort),
	jurisdictions: unbuiltTable(tableSpecs.jurisdictions.defaultSort),
	restrictions: unbuiltTable(tableSpecs.restrictions.defaultSort),
	entries: unbuiltTable(tableSpecs.entries.defaultSort),
	changes: unbuiltTable(tableSpecs.changes.defaultSort),
	queue: unbuiltTable(tableSpecs.queue.defaultSort),
	timeline: unbuiltTable(tableSpecs.timeline.defaultSort),
	rules: unbuiltTable(tableSpecs.rules.defaultSort),
});

/** New data in every built table, each keeping its filter, sort, selection and marks; unbuilt ones wait to be opened. */
export function reloadedTables(tables: ViewTables, data: AppData, size: Size): ViewTables {
	const reload = <View extends ViewName>(current: ViewTables, view: View) =>
		current[view].built ? withTableAction(current, view, {type: 'rows', rows: rowsFor(view, data)}, size) : current;
	return viewNames.reduce(reload, tables);
}

/** Every table's window refitted after the terminal changed size. */
export const refittedTables = (tables: ViewTables, size: Size): ViewTables =>
	viewNames.reduce((current, view) => withTableAction(current, view, {type: 'fit'}, size), tables);
