// What the filter searches: each row's cells joined into one flat string, as
// written and lower-cased, with where each cell starts. Built once per rows array
// (in idle slices by the TUI), so a keystroke at 100,000 rows is only string
// searches; kept in a few flat arrays rather than objects per row, so it adds
// little to the heap that every garbage collection has to walk.
import type {CellValue, FilterField} from './filter.js';

export type RowIndex = {
	fields: readonly FilterField<never>[];
	/** Rows [0, built) are indexed. */
	built: number;
	exact: string[];
	/** The same string as `exact` when lower-casing changes nothing. */
	lower: string[];
	/** Row i's cell c starts at starts[i * (fields + 1) + c]; the last entry is one past the end (after a separator). */
	starts: Int32Array;
	/** Cell starts of the rows whose lower-cased text has another length (İ lower-cases to two code units). */
	lowerStarts: Map<number, Int32Array>;
};

const separator = '\u0001';
const indexes = new WeakMap<readonly unknown[], RowIndex>();

const cellText = (value: CellValue): string => (value === null ? '' : Array.isArray(value) ? value.join('\u0000') : String(value));

function cellStarts(cells: readonly string[]): Int32Array {
	const starts = new Int32Array(cells.length + 1);
	let at = 0;
	cells.forEach((cell, index) => {
		starts[index] = at;
		at += cell.length + separator.length;
	});
	starts[cells.length] = at;
	return starts;
}

function indexRow<Row>(index: RowIndex, row: Row, position: number): void {
	const fields = index.fields as readonly FilterField<Row>[];
	const cells = fields.map(field => cellText(field.value(row)));
	// join() gives one flat string; += would leave a rope of every piece on the heap.
	const exact = cells.join(separator);
	const lower = exact.toLowerCase();
	index.exact[position] = exact;
	index.lower[position] = lower === exact ? exact : lower;
	index.starts.set(cellStarts(cells), position * (fields.length + 1));
	// Lower-casing only ever lengthens text (İ), so equal lengths mean equal cell spans.
	if (lower.length !== exact.length) index.lowerStarts.set(position, cellStarts(cells.map(cell => cell.toLowerCase())));
}

/** The index of `rows` for `fields`, indexed up to row `upTo` (all rows by default). */
export function rowIndexOf<Row>(rows: readonly Row[], fields: readonly FilterField<Row>[], upTo = rows.length): RowIndex {
	let index = indexes.get(rows);
	if (!index || index.fields !== fields) {
		const count = rows.length;
		index = {fields: fields as readonly FilterField<never>[], built: 0, exact: new Array<string>(count), lower: new Array<string>(count), starts: new Int32Array(count * (fields.length + 1)), lowerStarts: new Map()};
		indexes.set(rows, index);
	}
	const end = Math.min(upTo, rows.length);
	while (index.built < end) {
		indexRow(index, rows[index.built]!, index.built);
		index.built += 1;
	}
	return index;
}

/** Indexes rows up to `upTo` ahead of the first keystroke (the TUI calls it when idle, a slice at a time). */
export function warmRowIndex<Row>(rows: readonly Row[], fields: readonly FilterField<Row>[], upTo: number): void {
	rowIndexOf(rows, fields, upTo);
}
