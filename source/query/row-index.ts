// What the filter searches: each row's cells joined into one line, as written and
// lower-cased, with where each cell starts. Built once per rows array (in idle
// slices by the TUI), so a keystroke at 100,000 rows is only string searches.
// Rows are joined into blocks of a few thousand: a term is found in all rows by
// a few long sequential searches instead of one search per scattered row string,
// and the index is a handful of strings and typed arrays, not objects per row
// that every garbage collection would have to walk.
import type {CellValue, FilterField} from './filter.js';

/** Rows per block: a block's text is a few hundred KB. */
const blockRows = 2048;
const cellSeparator = '\u0001';
const rowSeparator = '\u0002';

export type RowIndex = {
	fields: readonly FilterField<never>[];
	/** Rows [0, built) are indexed: whole blocks at a time. */
	built: number;
	/** Block b holds rows [b * blockRows, (b + 1) * blockRows), joined. */
	blocks: Array<{exact: string; lower: string}>;
	/** Where each row starts in its block's exact and lower-cased text. */
	exactAt: Int32Array;
	lowerAt: Int32Array;
	/** Row i's cell c starts starts[i * (fields + 1) + c] after the row's start; the last entry is the row's length plus one. */
	starts: Int32Array;
	/** Cell starts of the rows whose lower-cased text has another length (İ lower-cases to two code units). */
	lowerStarts: Map<number, Int32Array>;
};

const indexes = new WeakMap<readonly unknown[], RowIndex>();

const cellText = (value: CellValue): string => (value === null ? '' : Array.isArray(value) ? value.join('\u0000') : String(value));

function cellStarts(cells: readonly string[]): Int32Array {
	const starts = new Int32Array(cells.length + 1);
	let at = 0;
	cells.forEach((cell, index) => {
		starts[index] = at;
		at += cell.length + cellSeparator.length;
	});
	starts[cells.length] = at;
	return starts;
}

/** Row offsets of texts joined with one separator, from `first` on. */
function placeRows(at: Int32Array, first: number, texts: readonly string[]): void {
	let offset = 0;
	texts.forEach((text, index) => {
		at[first + index] = offset;
		offset += text.length + rowSeparator.length;
	});
}

function indexBlock<Row>(index: RowIndex, rows: readonly Row[]): void {
	const fields = index.fields as readonly FilterField<Row>[];
	const first = index.built;
	const cellsOfRows = rows.slice(first, first + blockRows).map(row => fields.map(field => cellText(field.value(row))));
	cellsOfRows.forEach((cells, offset) => index.starts.set(cellStarts(cells), (first + offset) * (fields.length + 1)));
	const texts = cellsOfRows.map(cells => cells.join(cellSeparator));
	// join() gives one flat string; += would leave a rope of every piece on the heap.
	const exact = texts.join(rowSeparator);
	let lower = exact.toLowerCase();
	placeRows(index.exactAt, first, texts);
	// Lower-casing only ever lengthens text (İ), so equal lengths mean equal offsets everywhere.
	if (lower.length === exact.length) index.lowerAt.set(index.exactAt.subarray(first, first + texts.length), first);
	else {
		const lowerTexts = texts.map(text => text.toLowerCase());
		lower = lowerTexts.join(rowSeparator);
		placeRows(index.lowerAt, first, lowerTexts);
		lowerTexts.forEach((text, offset) => {
			if (text.length !== texts[offset]!.length)
				index.lowerStarts.set(first + offset, cellStarts(cellsOfRows[offset]!.map(cell => cell.toLowerCase())));
		});
	}
	index.blocks.push({exact, lower: lower === exact ? exact : lower});
	index.built = first + texts.length;
}

function emptyIndex<Row>(rows: readonly Row[], fields: readonly FilterField<Row>[]): RowIndex {
	const count = rows.length;
	return {
		fields: fields as readonly FilterField<never>[],
		built: 0,
		blocks: [],
		exactAt: new Int32Array(count),
		lowerAt: new Int32Array(count),
		starts: new Int32Array(count * (fields.length + 1)),
		lowerStarts: new Map(),
	};
}

function indexOf<Row>(rows: readonly Row[], fields: readonly FilterField<Row>[]): RowIndex {
	let index = indexes.get(rows);
	if (!index || index.fields !== fields) indexes.set(rows, (index = emptyIndex(rows, fields)));
	return index;
}

/** The index of every row of `rows` for `fields`. */
export function rowIndexOf<Row>(rows: readonly Row[], fields: readonly FilterField<Row>[]): RowIndex {
	const index = indexOf(rows, fields);
	while (index.built < rows.length) indexBlock(index, rows);
	return index;
}

/** Indexes one more block ahead of the first keystroke (the TUI calls it when idle); true once every row is indexed. */
export function warmRowIndex<Row>(rows: readonly Row[], fields: readonly FilterField<Row>[]): boolean {
	const index = indexOf(rows, fields);
	if (index.built < rows.length) indexBlock(index, rows);
	return index.built >= rows.length;
}

/** Where a row's searched text is: the whole row (field -1) or one cell, as [start, end) in its block's text. */
type Span = {text: string; start: number; end: number};

function spanOf(index: RowIndex, row: number, field: number, caseSensitive: boolean): Span {
	const block = index.blocks[Math.floor(row / blockRows)]!;
	const lowered = caseSensitive || index.lowerStarts.size === 0 ? undefined : index.lowerStarts.get(row);
	const starts = lowered ?? index.starts;
	const base = lowered ? 0 : row * (index.fields.length + 1);
	const rowStart = (caseSensitive ? index.exactAt : index.lowerAt)[row]!;
	return {
		text: caseSensitive ? block.exact : block.lower,
		start: rowStart + (field === -1 ? 0 : starts[base + field]!),
		end: rowStart + starts[base + (field === -1 ? index.fields.length : field + 1)]! - cellSeparator.length,
	};
}

/** Whether row `row`'s text (field -1) or cell `field` contains `needle`. */
export function rowContains(index: RowIndex, row: number, needle: string, field: number, caseSensitive: boolean): boolean {
	if (needle === '') return true;
	const {text, start, end} = spanOf(index, row, field, caseSensitive);
	return text.substring(start, end).includes(needle);
}

/** Every row whose text (field -1) or cell `field` contains `needle`, as 1s in a byte per row: one pass through each block. */
export function rowsContaining(index: RowIndex, needle: string, field: number, caseSensitive: boolean): Uint8Array {
	const hits = new Uint8Array(index.exactAt.length);
	if (needle === '') return hits.fill(1);
	const rowAt = caseSensitive ? index.exactAt : index.lowerAt;
	index.blocks.forEach((block, number) => {
		const text = caseSensitive ? block.exact : block.lower;
		const last = Math.min(index.built, (number + 1) * blockRows) - 1;
		let row = number * blockRows;
		let at = text.indexOf(needle);
		while (at !== -1) {
			while (row < last && rowAt[row + 1]! <= at) row++;
			// A whole-row search ends where the next row starts (the common case, without spanOf).
			const {start, end} =
				field === -1
					? {start: rowAt[row]!, end: row < last ? rowAt[row + 1]! - rowSeparator.length : text.length}
					: spanOf(index, row, field, caseSensitive);
			// Before the cell: look again from the cell's start (it may find a later row).
			if (at < start) {
				at = text.indexOf(needle, start);
				continue;
			}
			// The first occurrence at or after the start decides, as in a search of the row alone.
			if (at + needle.length <= end) hits[row] = 1;
			if (row === last) break;
			at = text.indexOf(needle, rowAt[row + 1]!);
		}
	});
	return hits;
}
