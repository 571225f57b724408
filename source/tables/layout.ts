// Fits a table to the terminal: column widths come from the whole dataset (so
// they do not jump while scrolling), columns are dropped by priority, then
// shrunk; every cell is cut to one line with "…".
import stringWidth from 'string-width';
import {displayCell, type Column, type TableRow} from './column.js';

export type LaidOutColumn<Row> = {column: Column<Row>; width: number};

/** Width of the row marker: selection glyph, mark box, space. */
export const markerWidth = 4;
const cellOverhead = 3; // one space each side plus the border after the cell

type Measure = {width: number; empty: boolean};
const measureCache = new WeakMap<readonly unknown[], Map<string, Measure>>();

/** The column's width from the whole dataset, and whether every cell is empty ("—"). */
function measure<Row>(column: Column<Row>, rows: readonly Row[]): Measure {
	let cache = measureCache.get(rows);
	if (!cache) measureCache.set(rows, (cache = new Map()));
	const cached = cache.get(column.key);
	if (cached) return cached;
	let widest = column.label.length + 1; // room for the sort arrow
	let empty = true;
	for (const row of rows) {
		const text = displayCell(column, row);
		if (text !== '—') empty = false;
		if (text.length > widest) widest = text.length;
		if (widest >= column.maxWidth && !empty) break;
	}
	const result = {width: Math.max(column.minWidth, Math.min(column.maxWidth, widest)), empty};
	cache.set(column.key, result);
	return result;
}

const naturalWidth = <Row>(column: Column<Row>, rows: readonly Row[]) => measure(column, rows).width;
/** Empty optional columns go first when space is short: they say nothing. Core columns (priority 0-1) stay, empty or not. */
const dropOrder = <Row>(column: Column<Row>, rows: readonly Row[]) =>
	column.priority >= 2 && measure(column, rows).empty ? 100 : column.priority;

export function layoutColumns<Row extends TableRow>(
	columns: readonly Column<Row>[],
	rows: readonly Row[],
	totalWidth: number,
	marker = markerWidth,
): LaidOutColumn<Row>[] {
	let laid = columns.filter(column => !column.hidden).map(column => ({column, width: naturalWidth(column, rows)}));
	const used = () => 1 + (marker ? marker + 1 : 0) + laid.reduce((sum, item) => sum + item.width + cellOverhead, 0);
	while (used() > totalWidth) {
		const droppable = laid
			.filter(item => item.column.priority > 0)
			.sort((a, b) => dropOrder(b.column, rows) - dropOrder(a.column, rows))[0];
		if (!droppable) break;
		const shrinkable = laid
			.filter(item => item.width > item.column.minWidth)
			.reduce((sum, item) => sum + item.width - item.column.minWidth, 0);
		// Shrink before dropping when shrinking alone would make it fit.
		if (used() - shrinkable <= totalWidth) break;
		laid = laid.filter(item => item !== droppable);
	}
	let excess = used() - totalWidth;
	while (excess > 0) {
		const widest = laid.filter(item => item.width > item.column.minWidth).sort((a, b) => b.width - a.width)[0];
		if (!widest) break;
		widest.width -= 1;
		excess -= 1;
	}
	// Hand spare width to the first column so the table fills the line.
	const spare = totalWidth - used();
	if (spare > 0 && laid[0]) laid[0].width = Math.min(laid[0].width + spare, Math.max(laid[0].width, naturalWidth(laid[0].column, rows)));
	return laid;
}

// Printable ASCII is one column a character: most cells, and measuring them
// with string-width on every frame was a real part of a keystroke's time.
const printableAscii = /^[\x20-\x7E]*$/;

/** One line, exactly `width` display columns: newlines and tabs become spaces, overflow ends in "…". */
export function fitText(text: string, width: number, align: 'left' | 'right' = 'left'): string {
	const flat = text.replace(/[\n\t\r]/g, ' ');
	if (printableAscii.test(flat)) {
		const visible = flat.length > width ? `${flat.slice(0, Math.max(0, width - 1))}…` : flat;
		return align === 'right' ? visible.padStart(width) : visible.padEnd(width);
	}
	let visible = flat;
	if (stringWidth(flat) > width) {
		visible = '';
		let used = 0;
		for (const character of flat) {
			const characterWidth = stringWidth(character);
			if (used + characterWidth > width - 1) break;
			visible += character;
			used += characterWidth;
		}
		visible += '…';
	}
	const padding = ' '.repeat(Math.max(0, width - stringWidth(visible)));
	return align === 'right' ? padding + visible : visible + padding;
}

export function formatRow<Row>(laid: readonly LaidOutColumn<Row>[], row: Row): string[] {
	return laid.map(({column, width}) => fitText(displayCell(column, row), width, column.align));
}
