// A one-line text field as pure state: value, cursor and horizontal scroll. The
// filter box, the hit-disposition reason and the decision form's text fields all
// edit through it, so every text entry in the TUI moves and deletes the same way.
import stringWidth from 'string-width';

/** `cursor` and `offset` (the first character shown) are string indexes on grapheme boundaries. */
export type TextField = {value: string; cursor: number; offset: number};

export const textEdits = [
	'cursorLeft',
	'cursorRight',
	'cursorHome',
	'cursorEnd',
	'deleteBackward',
	'deleteForward',
	'deleteWordBackward',
	'clearText',
] as const;
export type TextEdit = (typeof textEdits)[number];

export type TextFieldAction = {type: TextEdit} | {type: 'insert'; text: string};

/** `width` is the columns the field is drawn in (its cursor included); `maxLength` caps the value in characters. */
export type TextFieldLimits = {width: number; maxLength?: number};

/** A field holding `value`, its cursor at the end. */
export const textField = (value = ''): TextField => ({value, cursor: value.length, offset: 0});

// Made on first use: a process's first ICU object costs 15-20 ms, and the first frame edits no field.
let segmenter: Intl.Segmenter | undefined;
const segmentsOf = (text: string) => (segmenter ??= new Intl.Segmenter(undefined, {granularity: 'grapheme'})).segment(text);
/** The value's graphemes (where each starts, how many columns it takes), so a cursor never lands inside an emoji or a letter with its accent. */
const graphemesOf = (value: string) => [...segmentsOf(value)].map(({index, segment}) => ({index, width: stringWidth(segment)}));

function before(value: string, index: number): number {
	let previous = 0;
	for (const grapheme of graphemesOf(value)) {
		if (grapheme.index >= index) break;
		previous = grapheme.index;
	}
	return previous;
}
const after = (value: string, index: number) => graphemesOf(value).find(grapheme => grapheme.index > index)?.index ?? value.length;

// One line: line breaks and tabs become spaces (a pasted paragraph stays readable);
// other control characters could move the terminal's cursor, so they are dropped.
const typeable = (text: string) => text.replace(/[\r\n\t]/g, ' ').replace(/[\u0000-\u001F\u007F-\u009F]/g, '');

/** Where a word delete stops: back over spaces, then back over the word (spaces delimit, as a shell's Ctrl-W). */
function wordStart(value: string, cursor: number): number {
	let start = cursor;
	while (start > 0 && value[start - 1] === ' ') start--;
	while (start > 0 && value[start - 1] !== ' ') start--;
	return start;
}

function splice(field: TextField, from: number, to: number, text = ''): TextField {
	return {...field, value: field.value.slice(0, from) + text + field.value.slice(to), cursor: from + text.length};
}

function insert(field: TextField, text: string, maxLength: number | undefined): TextField {
	let typed = typeable(text);
	if (maxLength !== undefined) {
		const room = Math.max(0, maxLength - graphemesOf(field.value).length);
		typed = [...segmentsOf(typed)]
			.slice(0, room)
			.map(segment => segment.segment)
			.join('');
	}
	return typed ? splice(field, field.cursor, field.cursor, typed) : field;
}

function edit(field: TextField, action: TextFieldAction, maxLength: number | undefined): TextField {
	const {value, cursor} = field;
	switch (action.type) {
		case 'insert':
			return insert(field, action.text, maxLength);
		case 'cursorLeft':
			return {...field, cursor: before(value, cursor)};
		case 'cursorRight':
			return {...field, cursor: after(value, cursor)};
		case 'cursorHome':
			return {...field, cursor: 0};
		case 'cursorEnd':
			return {...field, cursor: value.length};
		case 'deleteBackward':
			return splice(field, before(value, cursor), cursor);
		case 'deleteForward':
			return splice(field, cursor, after(value, cursor));
		case 'deleteWordBackward':
			return splice(field, wordStart(value, cursor), cursor);
		case 'clearText':
			return textField();
	}
}

/**
 * The offset that shows the cursor in `width` columns (one of them the cursor's
 * own), moving the view as little as it can; text left of the view is pulled back
 * in when the rest would leave the field's end empty.
 */
function scrolled(field: TextField, width: number): TextField {
	const room = Math.max(1, width) - 1;
	const graphemes = graphemesOf(field.value);
	const columnsFrom = (first: number, end: number) =>
		graphemes.slice(first).reduce((sum, grapheme) => (grapheme.index < end ? sum + grapheme.width : sum), 0);
	let first = graphemes.findIndex(grapheme => grapheme.index >= Math.min(field.offset, field.cursor));
	if (first < 0) first = graphemes.length;
	let shown = columnsFrom(first, field.cursor);
	while (shown > room) shown -= graphemes[first++]!.width;
	let rest = columnsFrom(first, field.value.length);
	while (first > 0 && rest + graphemes[first - 1]!.width <= room) rest += graphemes[--first]!.width;
	const offset = graphemes[first]?.index ?? field.value.length;
	return offset === field.offset ? field : {...field, offset};
}

export function textFieldReducer(field: TextField, action: TextFieldAction, limits: TextFieldLimits): TextField {
	return scrolled(edit(field, action, limits.maxLength), limits.width);
}

/** What the field shows in `width` columns: the text either side of the cursor. */
export function visibleText(field: TextField, width: number): {beforeCursor: string; afterCursor: string} {
	const {value, cursor, offset} = scrolled(field, width);
	const beforeCursor = value.slice(offset, cursor);
	let room = Math.max(1, width) - 1 - stringWidth(beforeCursor);
	const graphemes = graphemesOf(value);
	let end = cursor;
	for (const [position, grapheme] of graphemes.entries()) {
		if (grapheme.index < cursor) continue;
		room -= grapheme.width;
		if (room < 0) break;
		end = graphemes[position + 1]?.index ?? value.length;
	}
	return {beforeCursor, afterCursor: value.slice(cursor, end)};
}

/** A thin bar, not a block: readable without colour, and it does not hide the character under the cursor. */
export const cursorGlyph = '▏';

/** The field as drawn in `width` columns: its visible text with the cursor glyph where the cursor is. */
export function fieldText(field: TextField, width: number): string {
	const {beforeCursor, afterCursor} = visibleText(field, width);
	return `${beforeCursor}${cursorGlyph}${afterCursor}`;
}
