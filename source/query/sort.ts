// Sorting by one column: numbers numerically, text case-insensitively, empty last.
import type {CellValue} from './filter.js';

export type SortState = {column: string; descending: boolean};

const collator = new Intl.Collator('en', {sensitivity: 'base', numeric: true});

export function compareCells(left: CellValue, right: CellValue): number {
	const leftEmpty = left === null || left === '' || (Array.isArray(left) && left.length === 0);
	const rightEmpty = right === null || right === '' || (Array.isArray(right) && right.length === 0);
	if (leftEmpty || rightEmpty) return leftEmpty === rightEmpty ? 0 : leftEmpty ? 1 : -1;
	if (typeof left === 'number' && typeof right === 'number') return left - right;
	const text = (value: CellValue) => (Array.isArray(value) ? value.join(', ') : String(value));
	return collator.compare(text(left), text(right));
}

/** A stable sort; descending reverses the order but keeps empty values last. */
export function sortRows<Row>(rows: readonly Row[], value: (row: Row) => CellValue, descending: boolean): Row[] {
	const keyed = rows.map((row, index) => ({row, index, key: value(row)}));
	keyed.sort((a, b) => {
		const aEmpty = a.key === null || a.key === '';
		const bEmpty = b.key === null || b.key === '';
		if (aEmpty !== bEmpty) return aEmpty ? 1 : -1;
		const order = compareCells(a.key, b.key);
		return (descending ? -order : order) || a.index - b.index;
	});
	return keyed.map(item => item.row);
}
