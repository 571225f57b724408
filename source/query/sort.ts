// Sorting by one column: numbers numerically, text case-insensitively, empty last.
import type {CellValue} from './filter.js';

export type SortState = {column: string; descending: boolean};

// Made on first use: a process's first ICU object costs 15-20 ms (its data loads), and most runs sort only numbers.
let collator: Intl.Collator | undefined;

export function compareCells(left: CellValue, right: CellValue): number {
	const leftEmpty = left === null || left === '' || (Array.isArray(left) && left.length === 0);
	const rightEmpty = right === null || right === '' || (Array.isArray(right) && right.length === 0);
	if (leftEmpty || rightEmpty) return leftEmpty === rightEmpty ? 0 : leftEmpty ? 1 : -1;
	if (typeof left === 'number' && typeof right === 'number') return left - right;
	const text = (value: CellValue) => (Array.isArray(value) ? value.join(', ') : String(value));
	collator ??= new Intl.Collator('en', {sensitivity: 'base', numeric: true});
	return collator.compare(text(left), text(right));
}

const isEmptyKey = (key: CellValue) => key === null || key === '';

function computeOrder<Row>(rows: readonly Row[], value: (row: Row) => CellValue, descending: boolean): Int32Array {
	const keys = rows.map(value);
	const positions = Array.from(rows.keys());
	positions.sort((a, b) => {
		const aEmpty = isEmptyKey(keys[a]!);
		const bEmpty = isEmptyKey(keys[b]!);
		if (aEmpty !== bEmpty) return aEmpty ? 1 : -1;
		const order = compareCells(keys[a]!, keys[b]!);
		return (descending ? -order : order) || a - b;
	});
	return Int32Array.from(positions);
}

// One order per rows array and sort, kept while the rows live: a keystroke that
// widens the filter re-filters rows already in order instead of sorting again.
const orders = new WeakMap<readonly unknown[], Map<(row: never) => CellValue, {ascending?: Int32Array; descending?: Int32Array}>>();

/**
 * Positions of `rows` in a stable sort by `value`; descending reverses the order
 * but keeps empty values last. The same array comes back while rows and sort are the same.
 */
export function sortedOrder<Row>(rows: readonly Row[], value: (row: Row) => CellValue, descending: boolean): Int32Array {
	let byValue = orders.get(rows);
	if (!byValue) orders.set(rows, (byValue = new Map()));
	let cached = byValue.get(value);
	if (!cached) byValue.set(value, (cached = {}));
	const direction = descending ? 'descending' : 'ascending';
	return (cached[direction] ??= computeOrder(rows, value, descending));
}

const ranks = new WeakMap<Int32Array, Int32Array>();

/** The inverse of an order: the rank (place in the order) of each position. */
export function ranksOf(order: Int32Array): Int32Array {
	let inverse = ranks.get(order);
	if (!inverse) {
		inverse = new Int32Array(order.length);
		order.forEach((position, rank) => (inverse![position] = rank));
		ranks.set(order, inverse);
	}
	return inverse;
}
