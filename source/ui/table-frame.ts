// What the table screen draws, computed from state: only the visible window of rows.
import {formatRow, layoutColumns, markerWidth} from '../tables/index.js';
import type {DenseColumn, DenseRow} from './components/dense-table.js';
import {pageSize, tableSpecs, type AppState} from './state.js';

export const selectionGlyph = '▶';

export function tableFrame(state: AppState): {columns: DenseColumn[]; rows: DenseRow[]; empty: boolean} {
	const table = state.tables[state.view];
	const spec = tableSpecs[state.view];
	const laid = layoutColumns(spec.columns, table.rows, state.size.columns);
	const columns = laid.map(({column, width}) => {
		const arrow = table.sort?.column === column.key ? (table.sort.descending ? '▼' : '▲') : '';
		return {key: column.key, label: `${column.label}${arrow}`.slice(0, width), width, align: column.align ?? 'left'};
	});
	const window = table.result.slice(table.top, table.top + pageSize(state));
	const rows = window.map((row, offset) => {
		const selected = table.top + offset === table.cursor;
		const marker = `${selected ? selectionGlyph : ' '}${table.marks.has(row.id) ? '[x]' : '   '}`.padEnd(markerWidth);
		return {key: row.id, marker, cells: formatRow(laid, row), selected};
	});
	return {columns, rows, empty: table.result.count === 0};
}
