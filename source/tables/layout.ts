// Fits a table to the terminal, giving room by importance. Which columns show
// depends on the width and the columns' own minimums, never on the values, so
// no column appears or vanishes because one value changed (a decision, a hit).
// Widths then come from the whole dataset (so they do not jump while scrolling
// or filtering), and the name column takes whatever the line has left.
import stringWidth from 'string-width';
import {displayCell, type Column, type TableRow} from './column.js';

export type LaidOutColumn<Row> = {column: Column<Row>; width: number};

/** Width of the row marker: selection glyph, mark box, space. */
export const markerWidth = 4;
const cellOverhead = 3; // one space each side plus the border after the cell
/** Values are measured up to this many columns: wider ones are cut anyway, and at 100,000 rows the walk stops early. */
const measureCeiling = 120;

type Measure = {widest: number; empty: boolean};
const measureCache = new WeakMap<readonly unknown[], Map<string, Measure>>();

// Printable ASCII is one column a character: most cells, and measuring them
// with string-width on every frame was a real part of a keystroke's time.
const printableAscii = /^[\x20-\x7E]*$/;
const displayWidth = (text: string) => (printableAscii.test(text) ? text.length : stringWidth(text));

/** The column's widest cell over the whole dataset (the heading and its sort arrow included), and whether every cell is empty ("—"). */
function measure<Row>(column: Column<Row>, rows: readonly Row[]): Measure {
	let cache = measureCache.get(rows);
	if (!cache) measureCache.set(rows, (cache = new Map()));
	const cached = cache.get(column.key);
	if (cached) return cached;
	let widest = displayWidth(column.label) + 1;
	let empty = true;
	for (const row of rows) {
		const text = displayCell(column, row);
		if (text !== '—') empty = false;
		// A character is at most two columns wide: only a long enough text can be the widest.
		if (text.length * 2 > widest) widest = Math.max(widest, displayWidth(text));
		if (widest >= measureCeiling && !empty) break;
	}
	const result = {widest: Math.min(widest, measureCeiling), empty};
	cache.set(column.key, result);
	return result;
}

/** The most important first; among equals, the leftmost. */
const byImportance = <Row>(columns: readonly Column<Row>[]) =>
	columns.map((column, index) => ({column, index})).sort((a, b) => a.column.priority - b.column.priority || a.index - b.index);

/**
 * The columns that fit in `totalWidth` and their widths. Columns are dropped,
 * least important first (never priority 0 nor the growing column), until every
 * one left fits at its minimum; the room left goes to the name column up to its
 * comfortable width, then to the others by importance, then to values still
 * cut, and what remains to the name column, so the table fills the line.
 */
export function layoutColumns<Row extends TableRow>(
	columns: readonly Column<Row>[],
	rows: readonly Row[],
	totalWidth: number,
	marker = markerWidth,
): LaidOutColumn<Row>[] {
	const candidates = columns.filter(column => !column.hidden && !(column.dropWhenEmpty && measure(column, rows).empty));
	const grow = candidates.find(column => column.grow) ?? candidates[0];
	let shown = candidates;
	const minimum = () => 1 + (marker ? marker + 1 : 0) + shown.reduce((sum, column) => sum + column.minWidth + cellOverhead, 0);
	while (minimum() > totalWidth) {
		const droppable = byImportance(shown.filter(column => column.priority > 0 && column !== grow)).at(-1);
		if (!droppable) break;
		shown = shown.filter(column => column !== droppable.column);
	}
	const widths = new Map(shown.map(column => [column, column.minWidth]));
	let spare = totalWidth - minimum();
	const give = (column: Column<Row>, upTo: number) => {
		const added = Math.max(0, Math.min(spare, upTo - widths.get(column)!));
		widths.set(column, widths.get(column)! + added);
		spare -= added;
	};
	const natural = (column: Column<Row>) => Math.max(column.minWidth, measure(column, rows).widest);
	const comfortable = (column: Column<Row>) => Math.min(column.maxWidth, natural(column));
	const important = byImportance(shown).map(item => item.column);
	if (grow && widths.has(grow)) give(grow, comfortable(grow));
	for (const column of important) give(column, comfortable(column));
	if (grow && widths.has(grow)) give(grow, natural(grow));
	for (const column of important) give(column, natural(column));
	if (grow && widths.has(grow)) give(grow, Number.POSITIVE_INFINITY);
	return shown.map(column => ({column, width: widths.get(column)!}));
}

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
