// Fits a table to the terminal: column widths come from the whole dataset (so
// they do not jump while scrolling), columns are dropped by priority, then
// shrunk; every cell is cut to one line with "…".
import stringWidth from 'string-width';
import {displayCell, type Column, type TableRow} from './column.js';

export type LaidOutColumn<Row> = {column: Column<Row>; width: number};

/** Width of the row marker: selection glyph, mark box, space. */
export const markerWidth = 4;
const cellOverhead = 3; // one space each side plus the border after the cell

const naturalWidthCache = new WeakMap<readonly unknown[], Map<string, number>>();

function naturalWidth<Row>(column: Column<Row>, rows: readonly Row[]): number {
	let cache = naturalWidthCache.get(rows);
	if (!cache) naturalWidthCache.set(rows, (cache = new Map()));
	const cached = cache.get(column.key);
	if (cached !== undefined) return cached;
	let widest = column.label.length + 1; // room for the sort arrow
	for (const row of rows) {
		const length = displayCell(column, row).length;
		if (length > widest) widest = length;
		if (widest >= column.maxWidth) break;
	}
	const width = Math.max(column.minWidth, Math.min(column.maxWidth, widest));
	cache.set(column.key, width);
	return width;
}

export function layoutColumns<Row extends TableRow>(columns: readonly Column<Row>[], rows: readonly Row[], totalWidth: number, marker = markerWidth): LaidOutColumn<Row>[] {
	let laid = columns.filter(column => !column.hidden).map(column => ({column, width: naturalWidth(column, rows)}));
	const used = () => 1 + (marker ? marker + 1 : 0) + laid.reduce((sum, item) => sum + item.width + cellOverhead, 0);
	while (used() > totalWidth) {
		const droppable = laid.filter(item => item.column.priority > 0).sort((a, b) => b.column.priority - a.column.priority)[0];
		if (!droppable) break;
		const shrinkable = laid.filter(item => item.width > item.column.minWidth).reduce((sum, item) => sum + item.width - item.column.minWidth, 0);
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

/** One line, exactly `width` display columns: newlines and tabs become spaces, overflow ends in "…". */
export function fitText(text: string, width: number, align: 'left' | 'right' = 'left'): string {
	const flat = text.replace(/[\n\t\r]/g, ' ');
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
