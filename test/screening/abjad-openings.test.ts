// An abjad writes a word's opening vowel with a letter of its own (alif, hamza, ain;
// aleph, ayin), which the romanisation drops: أحمد is "hmd". How the word opened is
// kept beside its script (scripts.ts), so that a Latin word opening with a vowel does not
// meet an abjad word written opening with a consonant, nor the reverse.
import {expect, test} from 'vitest';
import {defaultThreshold, normalizeName, scoreNames} from '../../source/screening/index.js';
import {abjadOpensWithConsonant, abjadOpensWithVowel, abjadOrigin, latinOrigin} from '../../source/screening/scripts.js';
import {strongLooseSimilarity, tokenSimilarity} from '../../source/screening/token-similarity.js';
import {expectNamesMeet} from './name-pairs.js';

/** The origin of the name's last word (the first of العيسى is the article, "al"). */
const originOf = (name: string) => normalizeName(name).loose.at(-1)!;

test('the romanisation keeps how an abjad word opened', () => {
	for (const name of ['أحمد', 'إبراهيم', 'عمر', 'العيسى', 'אהרון', 'עמר']) expect(originOf(name) & abjadOpensWithVowel, name).toBeTruthy();
	for (const name of ['مبس', 'شاعرة', 'وليد', 'דוד']) expect(originOf(name) & abjadOpensWithConsonant, name).toBeTruthy();
	expect(originOf('Ahmad')).toBe(latinOrigin);
});

test('a Latin word opening with a vowel does not meet an abjad word opening with a consonant', () => {
	const consonantFirst = abjadOrigin | abjadOpensWithConsonant;
	// مبس "mbs": its consonants are in "Aimbase" in order, but an abjad would write that word's opening vowel.
	expect(tokenSimilarity('mbs', 'aimbase', consonantFirst, latinOrigin)).toBe(0);
	expect(tokenSimilarity('mbs', 'aimbase', abjadOrigin, latinOrigin)).toBe(strongLooseSimilarity);
	expect(scoreNames('Aimbase', 'مبس').score).toBeLessThan(defaultThreshold);
	// و and ي write either a consonant or a vowel: "Oualid" is a French spelling of وليد.
	expect(tokenSimilarity('wlyd', 'oualid', consonantFirst, latinOrigin)).toBeGreaterThan(0);
});

test('a Latin word opening with a consonant does not meet an abjad word opening with a vowel', () => {
	const vowelFirst = abjadOrigin | abjadOpensWithVowel;
	expect(tokenSimilarity('hmd', 'math', vowelFirst, latinOrigin)).toBe(0);
	expect(scoreNames('math.js', 'أحمد العيسى').score).toBeLessThan(defaultThreshold);
});

test('the spellings of one name still meet', () => {
	expectNamesMeet([
		['Ahmad Ismail', 'أحمد إسماعيل'],
		['Walid Omar', 'وليد عمر'],
		['Ibrahim Shaira', 'إبراهيم شاعرة'],
		['Shimon Peres', 'שמעון פרס'],
		['Ehud Olmert', 'אהוד אולמרט'],
	]);
});
