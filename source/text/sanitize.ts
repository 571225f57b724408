// The one sanitising boundary for text from outside (sources, inventories, records
// files, arguments, settings, git config) and for everything the app prints, stores
// or exports. Nothing from outside may move the cursor, clear the screen, set the
// clipboard (OSC 52), reorder text, or hide a character from the person reading it.
//
// Two strengths:
// - sanitizeText: control characters become visible glyphs and bidi controls become
//   ⟨U+202E⟩. What parsers keep: invisible characters stay as they are, because
//   matching must see (and drop) them, not a visible stand-in.
// - displayText: also shows every invisible or format character (zero-width space,
//   joiners, soft hyphen, byte-order mark, tag characters, line separators) as
//   ⟨U+200B⟩, so "Hua<U+200B>wei" never looks like "Huawei". What every display,
//   message, stored free text and human-readable export uses.
// inertJson writes JSON in which the same characters are \u escapes: lossless for a
// program, inert and visible in a terminal.
const escapeGlyph = '\u241B'; // ␛
const deleteGlyph = '\u2421'; // ␡

/** "⟨U+200B⟩": a character shown by its code point. */
export function codePointLabel(character: string): string {
	return `\u27E8U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}\u27E9`;
}

function neutralise(character: string, keepLayout: boolean): string {
	if (character === '\r\n') return keepLayout ? character : ' ';
	const code = character.codePointAt(0)!;
	if (code === 0x1b) return escapeGlyph;
	if (code === 0x09 || code === 0x0a) return keepLayout ? character : ' ';
	if (code < 0x20) return String.fromCodePoint(0x2400 + code); // ␀ … ␟ control pictures
	if (code === 0x7f) return deleteGlyph;
	return codePointLabel(character); // C1, bidi overrides/isolates
}

// A CR directly before a LF is a line end (CSV, Windows text); any other CR could overwrite a line.
// C0, DEL, C1, bidi embeddings/overrides (202A–202E) and isolates (2066–2069).
const unsafe = /\r\n|[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/gu;
// Characters that draw nothing or break lines unseen: format characters (Cf: zero-width
// space and joiners, soft hyphen, bidi marks, BOM, tag characters), the rest of Unicode's
// default-ignorable set (variation selectors, Hangul fillers, combining grapheme joiner),
// and the line and paragraph separators.
const invisible = /[\p{Cf}\p{Default_Ignorable_Code_Point}\p{Zl}\p{Zp}]/gu;

/** Neutralises control characters and bidi controls; tabs and line ends survive when keepLayout is true. */
export function sanitizeText(value: string, {keepLayout = false}: {keepLayout?: boolean} = {}): string {
	return value.replace(unsafe, character => neutralise(character, keepLayout));
}

/** sanitizeText, and every invisible or format character shown as ⟨U+XXXX⟩: for whatever a person reads. */
export function displayText(value: string, {keepLayout = false}: {keepLayout?: boolean} = {}): string {
	if (keepLayout && isPlainText(value)) return value;
	return sanitizeText(value, {keepLayout}).replace(invisible, codePointLabel);
}

// Long text (a JSON export, 5 MB for 10,000 vendors) is plain as a rule: one pass over its code units, against a
// table of every unit the expressions here could replace, lets it through unchanged, four times faster than they
// search it. The table is made of those expressions (built on first use), surrogates counting as suspect.
const plainCheckFrom = 256;
let suspectUnits: Uint8Array | undefined;

/** True when `value` is long and holds no code unit the expressions here act on, tabs and line feeds aside. */
function isPlainText(value: string): boolean {
	if (value.length < plainCheckFrom) return false;
	if (!suspectUnits) {
		suspectUnits = new Uint8Array(0x1_00_00).fill(1, 0xd8_00, 0xe0_00);
		let everyUnit = '';
		for (let from = 0; from < 0x1_00_00; from += 0x1_00)
			if (suspectUnits[from] === 0) everyUnit += String.fromCharCode(...Array.from({length: 0x1_00}, (_, at) => from + at));
		for (const expression of [unsafe, invisible, jsonUnsafe])
			for (const {index} of everyUnit.matchAll(expression)) suspectUnits[everyUnit.charCodeAt(index)] = 1;
		suspectUnits[0x09] = suspectUnits[0x0a] = 0;
	}
	// Runs of printable ASCII, tabs and line feeds (most of any text) are skipped by a regular expression, compiled to
	// machine code from the first call; only the units between them are looked up, one by one.
	otherThanPlainAscii.lastIndex = 0;
	for (let run = otherThanPlainAscii.exec(value); run; run = otherThanPlainAscii.exec(value))
		for (let at = run.index; at < run.index + run[0].length; at++) if (suspectUnits[value.charCodeAt(at)] === 1) return false;
	return true;
}

const otherThanPlainAscii = /[^\t\n\x20-\x7E]+/g;

/** displayText on one line: every run of blanks one space, trimmed (names, reasons, echoes). */
export function displayLine(value: string): string {
	return displayText(value).replace(/\s+/g, ' ').trim();
}

/** Deep-sanitises every string in a parsed JSON-like value (keys included). */
export function sanitizeDeep<T>(value: T): T {
	if (typeof value === 'string') return sanitizeText(value, {keepLayout: true}) as T;
	if (Array.isArray(value)) return value.map(item => sanitizeDeep(item)) as T;
	if (value && typeof value === 'object') {
		const result: Record<string, unknown> = {};
		for (const [key, item] of Object.entries(value)) result[sanitizeText(key)] = sanitizeDeep(item);
		return result as T;
	}
	return value;
}

// Everything JSON.stringify leaves raw that a terminal would act on or hide.
const jsonUnsafe = /[\u007F-\u009F\u202A-\u202E\u2066-\u2069\p{Cf}\p{Default_Ignorable_Code_Point}\p{Zl}\p{Zp}]/gu;

const unicodeEscape = (unit: number) => `\\u${unit.toString(16).padStart(4, '0')}`;

/**
 * JSON.stringify, with DEL, C1, bidi, invisible and separator characters written as \u
 * escapes (JSON.stringify already escapes C0). They occur only inside strings, so the
 * text parses to exactly the same value.
 */
export function inertJson(value: unknown, space?: number | string): string {
	const text = JSON.stringify(value, null, space) ?? 'null';
	if (isPlainText(text)) return text;
	return text.replace(jsonUnsafe, character => {
		let escaped = '';
		for (let index = 0; index < character.length; index++) escaped += unicodeEscape(character.charCodeAt(index));
		return escaped;
	});
}
