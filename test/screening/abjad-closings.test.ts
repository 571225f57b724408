// Arabic writes a name's final vowel (موسى "Musa", علي "Ali", أسامة "Osama") and the
// romanisation drops some of those letters (رضا is "rd"). How the word closed is kept
// beside its script (scripts.ts), so that a Latin word ending on a vowel does not meet
// an Arabic word closing on a consonant, nor a Latin word ending on a consonant one
// closing on a long vowel. The unlisted names below are real brands that met real
// list entries this way.
import {expect, test} from 'vitest';
import {buildIndex, defaultThreshold, matchName, normalizeName, scoreNames} from '../../source/screening/index.js';
import {abjadClosesWithConsonant, abjadClosesWithLongVowel, abjadOrigin, latinOrigin} from '../../source/screening/scripts.js';
import {tokenSimilarity} from '../../source/screening/token-similarity.js';
import {makeEntity} from './fixtures.js';
import {expectIndexAgrees} from './index-agreement.js';
import {expectNamesMeet} from './name-pairs.js';

const closingOf = (word: string) => normalizeName(word).loose.at(-1)! & (abjadClosesWithConsonant | abjadClosesWithLongVowel);

test('the romanisation keeps how an Arabic word closed', () => {
	for (const word of ['مبس', 'دوج', 'عبد', 'حماس']) expect(closingOf(word), word).toBe(abjadClosesWithConsonant);
	for (const word of ['رضا', 'موسى', 'علي', 'تركي', 'ملی']) expect(closingOf(word), word).toBe(abjadClosesWithLongVowel);
	// Letters that write a vowel or a consonant, or that Latin spellings leave out, say nothing.
	for (const word of ['أسامة', 'طه', 'أبو', 'ربيع', 'الدحدوح'])
		expect(closingOf(word), word).toBe(abjadClosesWithConsonant | abjadClosesWithLongVowel);
	// Hebrew endings inflect ("הסעודית", Saudi): its words are not marked.
	expect(closingOf('הסעודית')).toBe(latinOrigin);
});

test('a Latin word ending on a vowel does not meet an Arabic word closing on a consonant', () => {
	const consonantLast = abjadOrigin | abjadClosesWithConsonant;
	expect(tokenSimilarity('mbs', 'mabisy', consonantLast, latinOrigin)).toBe(0);
	expect(tokenSimilarity('mbs', 'mabisy', abjadOrigin, latinOrigin)).toBeGreaterThan(0);
	// An e may be silent ("Dodge", دودج), so it says nothing.
	expect(tokenSimilarity('dwdj', 'dodge', consonantLast, latinOrigin)).toBeGreaterThan(0);
	expect(scoreNames('Mabisy', 'مبس', {kindB: 'person'}).score).toBeLessThan(defaultThreshold);
	expect(scoreNames('Digi Power X', 'بيار دوج', {kindB: 'person'}).score).toBeLessThan(defaultThreshold);
});

test('a Latin word ending on a consonant does not meet an Arabic word closing on a long vowel', () => {
	const longVowelLast = abjadOrigin | abjadClosesWithLongVowel;
	expect(tokenSimilarity('trky', 'track', longVowelLast, latinOrigin)).toBe(0);
	expect(tokenSimilarity('trky', 'turki', longVowelLast, latinOrigin)).toBeGreaterThan(0);
	// Not even as supporting evidence, which a respelt person's word may be.
	expect(scoreNames('Toggl Track', 'تركي الدخيل', {kindB: 'person'}).score).toBeLessThan(defaultThreshold);
});

test('the spellings of one name still meet', () => {
	expectNamesMeet(
		[
			['Turki al-Dakhil', 'تركي الدخيل'],
			['Musa Ali', 'موسى علي'],
			['Osama bin Laden', 'أسامة بن لادن'],
			['Hamas', 'حماس'],
			['Vael Al Dadu', 'وائل الدحدوح'],
			['Sara Benaichouba', 'سارة بن عيشوبة'],
		],
		{kindB: 'person'},
	);
});

test('the candidate index scores each name as it closed, as the scorer does', () => {
	const index = buildIndex([
		makeEntity({id: 'turki', name: 'تركي الدخيل', type: 'person'}),
		makeEntity({id: 'bayar', name: 'بيار دوج', type: 'person'}),
	]);
	expectIndexAgrees(index, 'Turki al-Dakhil', 'turki');
	expect(matchName(index, 'Toggl Track')).toEqual([]);
	expect(matchName(index, 'Digi Power X')).toEqual([]);
	expectIndexAgrees(index, 'Toggl Track');
});
