// A detail's lines wrapped to the screen's width: words move to the next row,
// a word wider than the row (a URL) is broken across rows rather than cut, and
// continuation rows are indented under their line's text.
import stringWidth from 'string-width';
import type {DetailLine} from './detail-lines.js';

/** One screen row of a detail: part of logical line `line`. */
export type DetailRow = {text: string; line: number};
export type WrappedDetail = {rows: DetailRow[]; /** The first row of each logical line. */ firstRow: number[]};

// Made on first use: a process's first ICU object costs 15-20 ms, and the first frame wraps no detail.
let segmenter: Intl.Segmenter | undefined;
const printableAscii = /^[\x20-\x7E]*$/;
const widthOf = (text: string) => (printableAscii.test(text) ? text.length : stringWidth(text));

/** The longest start of `word` that fits in `width` columns (one grapheme at least), on grapheme boundaries, and the rest. */
function splitAt(word: string, width: number): [string, string] {
	let piece = '';
	segmenter ??= new Intl.Segmenter(undefined, {granularity: 'grapheme'});
	for (const {segment, index} of segmenter.segment(word)) {
		if (piece && widthOf(piece + segment) > width) return [piece, word.slice(index)];
		piece += segment;
	}
	return [piece, ''];
}

/** `text` as rows of at most `width` columns; nothing is cut. */
export function wrapText(text: string, width: number): string[] {
	const flat = text.replace(/[\t\r\n]/g, ' ');
	if (width < 4 || widthOf(flat) <= width) return [flat];
	const indent = /^ */.exec(flat)![0];
	// Continuation rows start under the text after a line's bullet or label, within reason.
	const hanging = indent.length + 2 <= width / 2 ? `${indent}  ` : '';
	const rows: string[] = [];
	let row = indent;
	let rowHasWord = false;
	// Words with the spaces before each, so spacing inside a row is kept as written.
	for (const [, gap, word] of flat.slice(indent.length).matchAll(/( *)([^ ]+)/g)) {
		const joined = rowHasWord ? `${row}${gap}${word}` : `${row}${word}`;
		if (widthOf(joined) <= width) {
			row = joined;
			rowHasWord = true;
			continue;
		}
		if (rowHasWord) rows.push(row);
		let prefix = rows.length === 0 && !rowHasWord ? indent : hanging;
		let rest = word!;
		// A word wider than a row (a URL) is broken across rows, each after the hanging indent.
		while (widthOf(prefix + rest) > width) {
			const [piece, remainder] = splitAt(rest, Math.max(1, width - widthOf(prefix)));
			rows.push(prefix + piece);
			prefix = hanging;
			rest = remainder;
		}
		row = prefix + rest;
		rowHasWord = true;
	}
	rows.push(row);
	return rows;
}

const wrapCache = new WeakMap<readonly DetailLine[], Map<number, WrappedDetail>>();

/** Every line of a detail wrapped to `width`, remembered per lines and width (a frame and a keystroke ask for the same). */
export function wrapDetail(lines: readonly DetailLine[], width: number): WrappedDetail {
	let byWidth = wrapCache.get(lines);
	if (!byWidth) wrapCache.set(lines, (byWidth = new Map()));
	const cached = byWidth.get(width);
	if (cached) return cached;
	const rows: DetailRow[] = [];
	const firstRow: number[] = [];
	lines.forEach((line, index) => {
		firstRow.push(rows.length);
		for (const text of wrapText(line.text, width)) rows.push({text, line: index});
	});
	const wrapped = {rows, firstRow};
	byWidth.set(width, wrapped);
	return wrapped;
}
