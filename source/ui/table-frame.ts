// What the table screen draws, computed from one table's state: only the visible
// window of rows, the line above the table (the timeline's chart) and the empty hint.
import {fitText, formatRow, layoutColumns, markerWidth, monthlyChart, type TableRow, type TableSpec} from '../tables/index.js';
import type {AppData} from './app-data.js';
import type {DenseColumn, DenseRow} from './components/dense-table.js';
import {reachSummary} from './exposure.js';
import type {TableState} from './table-state.js';
import type {ViewName, ViewTables} from './views.js';

export const selectionGlyph = '▶';

export function tableFrame<Row extends TableRow>(
	table: TableState<Row>,
	spec: TableSpec<Row>,
	width: number,
	page: number,
): {columns: DenseColumn[]; rows: DenseRow[]; empty: boolean} {
	const laid = layoutColumns(spec.columns, table.rows, width);
	const columns = laid.map(({column, width: columnWidth}) => {
		const arrow = table.sort?.column === column.key ? (table.sort.descending ? '▼' : '▲') : '';
		// The arrow stays when the label is cut: "Designa…▲".
		const label = arrow ? `${fitText(column.label, columnWidth - 1).trimEnd()}${arrow}` : fitText(column.label, columnWidth).trimEnd();
		return {key: column.key, label, width: columnWidth, align: column.align ?? 'left'};
	});
	const window = table.result.slice(table.top, table.top + page);
	const rows = window.map((row, offset) => {
		const selected = table.top + offset === table.cursor;
		const marker = `${selected ? selectionGlyph : ' '}${table.marks.has(row.id) ? '[x]' : '   '}`.padEnd(markerWidth);
		return {key: row.id, marker, cells: formatRow(laid, row), selected};
	});
	return {columns, rows, empty: table.result.count === 0};
}

/** The line a view draws above its table (the timeline's months of milestones, what the rules were applied to), or null. */
export function lineAboveTable(tables: ViewTables, view: ViewName, width: number, data: AppData): string | null {
	if (view === 'rules') return fitText(reachSummary(data), width - 1);
	if (view !== 'timeline') return null;
	const dates = tables.timeline.result.rows.map(row => row.date);
	return fitText(monthlyChart(dates, width - 1), width - 1);
}

const emptyHints: Partial<Record<ViewName, string>> = {
	changes: 'No changes: the lists are as they were at the previous fetch (or fewer than two fetches so far).',
	queue: 'Nothing to review: every restricted vendor has a current decision.',
	entries: 'No list entries yet. Add a source: vendor-risk sources add URL|PATH, then vendor-risk fetch (or start with --source FILE).',
};

/** What an empty table says: why the filter found nothing, or what fills this view. */
export const emptyHint = (view: ViewName, filterText: string) =>
	filterText ? `No rows match "${filterText}". Esc clears the filter.` : (emptyHints[view] ?? 'No rows.');
