// The one sanitising boundary: what each strength does to control, bidi and invisible characters.
import fc from 'fast-check';
import {describe, expect, test} from 'vitest';
import {displayLine, displayText, inertJson, sanitizeText} from '../../source/text/index.js';
import {testSeed} from '../helpers.js';

const invisible = ['\u200B', '\u200C', '\u200D', '\u00AD', '\uFEFF', '\u2060', '\u200E', '\u061C', '\u{E0041}', '\u2028', '\u3164'];

describe('sanitizeText (what parsers keep)', () => {
	test('controls become glyphs and bidi controls code points; invisible characters stay for matching to drop', () => {
		expect(sanitizeText('a\u001B[2Jb\u0007c\u009Bd\u202Ee\u2066f')).toBe(
			'a\u241B[2Jb\u2407c\u27E8U+009B\u27E9d\u27E8U+202E\u27E9e\u27E8U+2066\u27E9f',
		);
		expect(sanitizeText('Hua\u200Bwei')).toBe('Hua\u200Bwei');
	});

	test('keepLayout keeps tabs, line feeds and CRLF line ends, never a lone CR that could overwrite a line', () => {
		expect(sanitizeText('a\tb\r\nc\nd\re', {keepLayout: true})).toBe('a\tb\r\nc\nd\u240De');
		expect(sanitizeText('a\tb\r\nc', {keepLayout: false})).toBe('a b c');
	});
});

describe('displayText (what people read)', () => {
	test.each(invisible)('shows %j by its code point', character => {
		const code = character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
		expect(displayText(`x${character}y`)).toBe(`x\u27E8U+${code}\u27E9y`);
	});

	test('"Hua<ZWSP>wei" never looks like "Huawei"', () => {
		expect(displayText('Hua\u200Bwei Technologies')).toBe('Hua\u27E8U+200B\u27E9wei Technologies');
	});

	test('ordinary text of any script is unchanged', () => {
		for (const text of ['Лаборатория Касперского', '海康威视', 'Ελληνικά', 'Société Générale', 'Kaspersky Lab, AO'])
			expect(displayText(text)).toBe(text);
	});

	test('long text (checked for plainness first) is shown as its short pieces are, each on its own', () => {
		// Plain pieces, and at most one that is not: a long text is plain as a rule, and one character decides.
		const plain: fc.Arbitrary<string> = fc.constantFrom(
			'Лаборатория Касперского',
			'海康威视',
			'Société Générale',
			'Kaspersky Lab, AO',
			'\t',
			'\n',
			'"x": [1, 2]',
		);
		const odd = fc.oneof(
			fc.string({unit: 'binary', minLength: 1, maxLength: 3}),
			fc.constantFrom(...invisible, '\r', '\r\n', '\u001B[2J', '\u202E'),
		);
		fc.assert(
			fc.property(fc.array(plain, {minLength: 40, maxLength: 80}), fc.option(odd), fc.nat(), (pieces, special, at) => {
				if (special !== null) pieces.splice(at % pieces.length, 0, special);
				const long = pieces.join('x');
				expect(long.length).toBeGreaterThan(256);
				expect(displayText(long, {keepLayout: true})).toBe(pieces.map(text => displayText(text, {keepLayout: true})).join('x'));
				expect(displayText(long)).toBe(pieces.map(text => displayText(text)).join('x'));
			}),
			{seed: testSeed, numRuns: 300, endOnFailure: true},
		);
	});

	test('displayLine makes one trimmed line', () => {
		expect(displayLine('  Ada\n\tLovelace\u0007 ')).toBe('Ada Lovelace\u2407');
	});
});

describe('inertJson (what programs read)', () => {
	test('parses back to exactly the same value while the text holds nothing a terminal acts on or hides', () => {
		fc.assert(
			fc.property(fc.string({unit: 'binary'}), fc.string({unit: 'grapheme'}), (a, b) => {
				const text = inertJson({a, list: [b, a]}, 2);
				expect(JSON.parse(text)).toEqual({a, list: [b, a]});
				expect(text).not.toMatch(/[\u0000-\u0009\u000B-\u001F\u007F-\u009F\p{Cf}\p{Default_Ignorable_Code_Point}\p{Zl}\p{Zp}]/u);
			}),
			{seed: testSeed, numRuns: 300},
		);
	});

	test('long documents (checked for plainness first) too', () => {
		const plain: fc.Arbitrary<string> = fc.constantFrom('Лаборатория Касперского', '海康威视', 'Société Générale', 'tab\tand\nline');
		const odd = fc.oneof(
			fc.string({unit: 'binary', minLength: 1, maxLength: 3}),
			fc.constantFrom(...invisible, '\u007F', '\u0085', '\u202E'),
		);
		fc.assert(
			fc.property(fc.array(plain, {minLength: 20, maxLength: 80}), fc.option(odd), fc.nat(), (rows, special, at) => {
				if (special !== null) rows.splice(at % rows.length, 0, special);
				const text = inertJson({rows}, 2);
				expect(JSON.parse(text)).toEqual({rows});
				expect(text).not.toMatch(/[\u0000-\u0009\u000B-\u001F\u007F-\u009F\p{Cf}\p{Default_Ignorable_Code_Point}\p{Zl}\p{Zp}]/u);
			}),
			{seed: testSeed, numRuns: 200, endOnFailure: true},
		);
	});
});
