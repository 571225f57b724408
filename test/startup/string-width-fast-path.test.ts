import {createRequire} from 'node:module';
import {pathToFileURL} from 'node:url';
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import xterm from '@xterm/headless';
import {
	markedTextWidth,
	standaloneTextWidth,
	type Pictographs,
	type StringWidthOptions,
	type WidthHelpers,
} from '../../source/startup/string-width-fast-path.js';

type StringWidth = (input: unknown, options?: StringWidthOptions) => number;
type Copy = {path: string; version: string; stringWidth: StringWidth; helpers: WidthHelpers};

// The copies the bundle wraps: the one Ink, widest-line, cli-truncate and wrap-ansi import, and the project's own.
const here = createRequire(import.meta.url);
const ink = here.resolve('ink');
const importers = [ink, ...['widest-line', 'cli-truncate', 'wrap-ansi'].map(name => createRequire(ink).resolve(name)), import.meta.url];
const paths = [...new Set(importers.map(importer => createRequire(importer).resolve('string-width')))];
const copies: Copy[] = await Promise.all(
	paths.map(async path => {
		// Its helpers as it imports them, from its own folder.
		const nearby = createRequire(path);
		const load = async <Module>(specifier: string) => (await import(pathToFileURL(nearby.resolve(specifier)).href)) as Module;
		return {
			path,
			version: (nearby('./package.json') as {version: string}).version,
			stringWidth: (await load<{default: StringWidth}>(path)).default,
			helpers: {
				stripAnsi: (await load<{default: WidthHelpers['stripAnsi']}>('strip-ansi')).default,
				eastAsianWidth: (await load<WidthHelpers>('get-east-asian-width')).eastAsianWidth,
			},
		};
	}),
);
const pictographsOf = (version: string): Pictographs => (Number.parseInt(version, 10) >= 8 ? 'text' : 'emoji');
const graphemes = new Intl.Segmenter();
const bmp = Array.from({length: 0x1_00_00}, (_, codePoint) => String.fromCharCode(codePoint));

describe.each(copies)('the string-width shortcut in front of $path ($version)', copy => {
	const shortcut = standaloneTextWidth(pictographsOf(copy.version), copy.helpers);
	const accepted = bmp.filter(character => shortcut(character) !== undefined);

	it('covers the characters of a vendor table: box drawing, marks, CJK and Cyrillic names', () => {
		expect(shortcut('│ Kaspersky │ RU │ 2026-12-31 │ — · … ▼ ▲ ░ █ ✓ ✗')).toBe(
			copy.stringWidth('│ Kaspersky │ RU │ 2026-12-31 │ — · … ▼ ▲ ░ █ ✓ ✗'),
		);
		expect(shortcut('华为技术有限公司 Лаборатория Касперского')).toBe(copy.stringWidth('华为技术有限公司 Лаборатория Касперского'));
		expect(accepted.length).toBeGreaterThan(20_000);
	});

	it('agrees with string-width on every code point it accepts, with ambiguous characters narrow or wide', () => {
		const disagreements = accepted.filter(
			character =>
				shortcut(character) !== copy.stringWidth(character) ||
				shortcut(character, {ambiguousIsNarrow: false}) !== copy.stringWidth(character, {ambiguousIsNarrow: false}),
		);
		expect(disagreements.map(character => character.codePointAt(0)!.toString(16))).toEqual([]);
	});

	it('accepts only code points that are a grapheme of their own, whatever stands beside them', () => {
		const joining = accepted.filter(character => [...graphemes.segment(`a${character}${character}a`)].length !== 4);
		expect(joining.map(character => character.codePointAt(0)!.toString(16))).toEqual([]);
	});

	it('agrees with string-width on any text of accepted characters, styled or not', () => {
		const styles = ['\u001B[1m', '\u001B[22m', '\u001B[38;5;208m', '\u001B[39m', '\u001B]8;;https://example.org\u0007', '\u001B]8;;\u0007'];
		const piece = fc.oneof(fc.constantFrom(...accepted), fc.constantFrom(...styles));
		fc.assert(
			fc.property(fc.array(piece, {maxLength: 40}), pieces => {
				const text = pieces.join('');
				expect(shortcut(text)).toBe(copy.stringWidth(text));
			}),
		);
	});

	it('leaves to string-width what needs its full rules: marks, emoji, Hangul, controls, counted escapes', () => {
		for (const text of ['e\u0301', '👍', '☕', '❤️', '🇩🇪', '한글', '\u1100\u1161', 'a\tb', 'a\u200Db', 'soft\u00ADhyphen'])
			expect(shortcut(text)).toBeUndefined();
		expect(shortcut('\u001B[1mx', {countAnsiEscapeCodes: true})).toBeUndefined();
		expect(shortcut(42)).toBeUndefined();
	});
});

describe('the string-width shortcut for pictographs such as ▶ and ⚠', () => {
	const helpers = copies[0]!.helpers;
	it('counts them two columns for string-width 7, which sees emoji in them, and one for 8', () => {
		expect(standaloneTextWidth('emoji', helpers)('▶ next ⚠')).toBe(10);
		expect(standaloneTextWidth('text', helpers)('▶ next ⚠')).toBe(8);
	});
});

describe.each(copies)('text with combining marks, in front of $path ($version)', copy => {
	const marked = markedTextWidth(copy.helpers);

	/** Where a terminal drawing code point by code point (xterm.js, as tmux and xterm) leaves the cursor after the text. */
	async function terminalColumns(text: string): Promise<number> {
		const terminal = new xterm.Terminal({cols: 120, rows: 2, allowProposedApi: true});
		await new Promise<void>(resolve => terminal.write(text, resolve));
		const column = terminal.buffer.active.cursorX;
		terminal.dispose();
		return column;
	}

	it('is as wide as a terminal draws it: Devanagari vowel signs and conjuncts, Meetei Mayek, Arabic harakat, decomposed accents', async () => {
		for (const text of ['राजा फैसल', 'क्षेत्र', 'ꯃꯣꯍꯝꯃꯦꯗ', 'مُحَمَّد', 'Cafe\u0301 Zu\u0308rich', 'ന്യൂസ്'])
			expect(marked(text), text).toBe(await terminalColumns(text));
	});

	it('leaves text without marks, and emoji, to string-width', () => {
		expect(marked('Kaspersky')).toBeUndefined();
		expect(marked('👍🏽 ok\u0301')).toBeUndefined();
	});
});
