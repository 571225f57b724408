// A shortcut the bundle puts in front of every copy of string-width. Its
// general path segments graphemes with Intl.Segmenter and, on first use,
// compiles an emoji regex (~45 ms for \p{RGI_Emoji}): the first frame paid for
// both to measure plain table text. In text whose code points each form a
// grapheme of their own and have no emoji presentation, string-width counts
// each code point at its East Asian width (version 7: a pictograph as two), so
// that sum is its answer without either.
// test/build checks every accepted code point against the real string-width.

/** Letters, punctuation, symbols, box drawing and CJK from blocks without joining rules (no Hangul, no Indic scripts). */
const standalone = String.raw`\u0020-\u007E\u00A0-\u052F\u1E00-\u1FFF\u2010-\u2027\u2030-\u205E\u2070-\u2BFF\u3001-\u3029\u4E00-\u9FFF\uFF01-\uFF60`;
/** Never standalone text: marks join the character before them, format and control characters are not printed, emoji presentation is two columns. */
const joiningOrEmoji = String.raw`\p{M}\p{Cf}\p{Cn}\p{Cc}\p{Emoji_Presentation}`;

export type StringWidthOptions = {ambiguousIsNarrow?: boolean; countAnsiEscapeCodes?: boolean};

/** How a copy of string-width counts a pictograph without emoji presentation (▶, ⚠): version 8 by its East Asian width, 7 as an emoji (two columns). */
export type Pictographs = 'text' | 'emoji';
const pictograph = /\p{Extended_Pictographic}/u;

/** What string-width itself uses, so the shortcut counts with the same data. */
export type WidthHelpers = {
	stripAnsi: (text: string) => string;
	eastAsianWidth: (codePoint: number, options?: {ambiguousAsWide?: boolean}) => number;
};

/** The width string-width would return, or undefined when only string-width can tell. */
export function standaloneTextWidth(
	pictographs: Pictographs,
	{stripAnsi, eastAsianWidth}: WidthHelpers,
): (input: unknown, options?: StringWidthOptions) => number | undefined {
	const onlyStandalone = new RegExp(`^[[${standalone}]--[${joiningOrEmoji}]]*$`, 'v');
	return (input, options = {}) => {
		// The same defaults as string-width's own.
		const {ambiguousIsNarrow = true, countAnsiEscapeCodes = false} = options;
		if (typeof input !== 'string' || countAnsiEscapeCodes) return undefined;
		const text = input.includes('\u001B') || input.includes('\u009B') ? stripAnsi(input) : input;
		if (!onlyStandalone.test(text)) return undefined;
		const eastAsianOptions = {ambiguousAsWide: !ambiguousIsNarrow};
		const pictographsAreEmoji = pictographs === 'emoji' && pictograph.test(text);
		let width = 0;
		// Every accepted code point is in the Basic Multilingual Plane: one UTF-16 unit each.
		for (let index = 0; index < text.length; index++)
			width += pictographsAreEmoji && pictograph.test(text[index]!) ? 2 : eastAsianWidth(text.charCodeAt(index), eastAsianOptions);
		return width;
	};
}

/** Emoji, flags and joined sequences: their width is a grapheme's, which only string-width tells. */
const emojiLike = /[\p{Extended_Pictographic}\p{Regional_Indicator}\u200D]/u;
const marks = /\p{M}/u;
/** Code points a terminal gives no column of their own. */
const noColumn = /^[\p{Mn}\p{Me}\p{Cf}\p{Cc}\p{Default_Ignorable_Code_Point}]$/u;

/**
 * The width of text with combining marks as a terminal that draws code point by
 * code point (xterm, tmux, VTE: wcwidth) shows it, where string-width counts each
 * grapheme once: a Devanagari vowel sign (ा, a spacing mark) or a conjunct's second
 * consonant takes a column of its own there. Counted by graphemes, a table cell
 * holding "राजा फैसल" was three columns too wide and pushed the frame a line down.
 * Undefined for text without marks or with emoji: string-width tells those.
 */
export function markedTextWidth({
	stripAnsi,
	eastAsianWidth,
}: WidthHelpers): (input: unknown, options?: StringWidthOptions) => number | undefined {
	return (input, options = {}) => {
		const {ambiguousIsNarrow = true, countAnsiEscapeCodes = false} = options;
		if (typeof input !== 'string' || countAnsiEscapeCodes || !marks.test(input)) return undefined;
		const text = input.includes('\u001B') || input.includes('\u009B') ? stripAnsi(input) : input;
		if (emojiLike.test(text)) return undefined;
		const eastAsianOptions = {ambiguousAsWide: !ambiguousIsNarrow};
		let width = 0;
		for (const character of text) if (!noColumn.test(character)) width += eastAsianWidth(character.codePointAt(0)!, eastAsianOptions);
		return width;
	};
}
