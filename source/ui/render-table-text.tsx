// The same ink-table text the TUI shows, rendered once for `list` (no input, no window, no marker column).
import React from 'react';
import {renderToString} from 'ink';
import {formatRow, layoutColumns, type TableRow, type TableSpec} from '../tables/index.js';
import {DenseTable} from './components/dense-table.js';

export function renderTableText<Row extends TableRow>(spec: TableSpec<Row>, rows: readonly Row[], width: number): string {
	const laid = layoutColumns(spec.columns, rows, width, 0);
	const columns = laid.map(({column, width: columnWidth}) => ({
		key: column.key,
		label: column.label.slice(0, columnWidth),
		width: columnWidth,
		align: column.align ?? 'left',
	}));
	const denseRows = rows.map(row => ({key: row.id, marker: '', cells: formatRow(laid, row), selected: false}));
	return renderToString(<DenseTable data={[]} columns={columns} rows={denseRows} markerWidth={0} />, {columns: width + 10});
}
