// A reviewer's choice of columns for one view: which are hidden and in what
// order the rest stand. Kept as column keys, so a choice saved by one version
// still applies when a later one adds or renames columns (unknown keys are ignored,
// new columns keep their place at the end).
import type {Column} from './column.js';

export type ColumnChoice = {order: readonly string[]; hidden: readonly string[]};

/** The columns a reviewer can show, hide or move: every column that is drawn (filter-only fields are not). */
export const choosableColumns = <Row>(columns: readonly Column<Row>[]) => columns.filter(column => !column.hidden);

/**
 * The spec's columns in the chosen order, the hidden ones marked hidden (so
 * filters on them still work); with no choice, the spec as it is.
 */
export function arrangeColumns<Row>(columns: readonly Column<Row>[], choice: ColumnChoice | undefined): readonly Column<Row>[] {
	if (!choice) return columns;
	const rank = (column: Column<Row>) => {
		const index = choice.order.indexOf(column.key);
		return index < 0 ? choice.order.length + columns.indexOf(column) : index;
	};
	const drawn = [...choosableColumns(columns)]
		.sort((a, b) => rank(a) - rank(b))
		.map(column => (choice.hidden.includes(column.key) ? {...column, hidden: true} : column));
	return [...drawn, ...columns.filter(column => column.hidden)];
}
