// A table as plain text, drawn as strings (no Ink): what `list` prints. The same
// box lines and column layout as the TUI's table, so a script's output and the
// screen agree, at a fraction of the cost for 10,000 rows.
import type {TableRow, TableSpec} from './column.js';
import {fitText, formatRow, layoutColumns} from './layout.js';

/** Every row under a heading, in box-drawing lines, the columns laid out for `width`. */
export function renderTableText<Row extends TableRow>(spec: TableSpec<Row>, rows: readonly Row[], width: number): string {
	const laid = layoutColumns(spec.columns, rows, width, 0);
	const rule = (left: string, middle: string, right: string) =>
		left + laid.map(({width: cell}) => '─'.repeat(cell + 2)).join(middle) + right;
	const line = (cells: readonly string[]) => `│${cells.map(cell => ` ${cell} `).join('│')}│`;
	const lines = [
		rule('┌', '┬', '┐'),
		line(laid.map(({column, width: cell}) => fitText(column.label, cell))),
		rule('├', '┼', '┤'),
		...rows.map(row => line(formatRow(laid, row))),
		rule('└', '┴', '┘'),
	];
	return lines.join('\n');
}
