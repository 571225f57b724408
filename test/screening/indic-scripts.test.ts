// The scripts of India and Sri Lanka (scripts.ts): `transliteration` reads them without
// the vowel each consonant carries ("सलमान" is "slmaan"), so their words are compared as
// an abjad's are; Malayalam's chillu letters and Devanagari's nukta consonants are read
// before it, since it drops the first and reads the second as a plain consonant.
import {expect, test} from 'vitest';
import {buildIndex, defaultThreshold, normalizeName, scoreNames} from '../../source/screening/index.js';
import {abjadOpensWithConsonant, abjadOpensWithVowel, abjadOrigin} from '../../source/screening/scripts.js';
import {makeEntity} from './fixtures.js';
import {expectIndexAgrees} from './index-agreement.js';

const tokensOf = (name: string) => normalizeName(name).tokens;
const person = (a: string, b: string) => scoreNames(a, b, {kindA: 'person', kindB: 'person'}).score;

test("Malayalam's chillu letters keep their consonants", () => {
	// അൻവർ (Anwar) and ബിൻ ലാദൻ (bin Laden) lost every chillu: "av", "bi laad".
	expect(tokensOf('അൻവർ')).toEqual(['anvr']);
	expect(tokensOf('ബിൻ ലാദൻ')).toEqual(['bin', 'laadn']);
	expect(tokensOf('സൽമാൻ')).toEqual(['slmaan']);
});

test("Devanagari's nukta consonants are the sounds they write", () => {
	// Composed (U+095B) and as a letter with its nukta (U+091C U+093C) alike.
	expect(tokensOf('\u095B\u093E\u0915\u093F\u0930')).toEqual(['zaakir']);
	expect(tokensOf('\u091C\u093C\u093E\u0915\u093F\u0930')).toEqual(['zaakir']);
	expect(tokensOf('फ़ैसल')).toEqual(['faisl']);
	expect(tokensOf('क़ादिर')).toEqual(['qaadir']);
});

test('their words are loose, opening with a vowel as the romanisation does', () => {
	const {loose} = normalizeName('अब्दुल सलमान');
	expect(loose[0]! & abjadOrigin && loose[0]! & abjadOpensWithVowel).toBeTruthy();
	expect(loose[1]! & abjadOrigin && loose[1]! & abjadOpensWithConsonant).toBeTruthy();
});

test.each([
	['सलमान', 'Salman'],
	['സൽമാൻ', 'Salman'],
	['ഒസാമ ബിൻ ലാദൻ', 'Osama bin Laden'],
	['ज़ाकिर नाइक', 'Zakir Naik'],
	['फ़ैसल', 'Faisal'],
	// फ written without its nukta, as it often is, still reads f in a borrowed name.
	['यूसुफ पठान', 'Yusuf Pathan'],
])('"%s" meets "%s"', (native, latin) => {
	expect(person(native, latin)).toBeGreaterThanOrEqual(defaultThreshold);
	expect(person(latin, native)).toBeGreaterThanOrEqual(defaultThreshold);
});

test('other names stay apart', () => {
	expect(person('सलमान', 'Selim')).toBeLessThan(defaultThreshold);
	expect(person('ഒസാമ ബിൻ ലാദൻ', 'Osama bin Mahfouz')).toBeLessThan(defaultThreshold);
	expect(person('ज़ाकिर नाइक', 'Zakir Husain')).toBeLessThan(defaultThreshold);
});

test('the index finds what these pairs score, and a Latin "ph" meets an abjad f', () => {
	const index = buildIndex([
		makeEntity({id: 'laden', name: 'ഒസാമ ബിൻ ലാദൻ', type: 'person'}),
		makeEntity({id: 'naik', name: 'ज़ाकिर नाइक', type: 'person'}),
		makeEntity({id: 'morris', name: 'فيليب موريس', type: 'person'}),
		makeEntity({id: 'other', name: 'Osama Mahfouz', type: 'person'}),
	]);
	expectIndexAgrees(index, 'Osama bin Laden', 'laden');
	expectIndexAgrees(index, 'Zakir Naik', 'naik');
	expectIndexAgrees(index, 'Philip Morris', 'morris');
});
