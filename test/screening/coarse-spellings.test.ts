// The coarse key (token-similarity.ts) joins two spellings of one word that the
// romanisation rules alone do not: in about as many letters. It drops vowels and
// doubled letters, so a long Latin word and a short one can share it by chance.
import {expect, test} from 'vitest';
import {defaultThreshold, scoreNames} from '../../source/screening/index.js';
import {coarseSimilarity, foldRomanisation, tokenSimilarity} from '../../source/screening/token-similarity.js';
import {abjadOrigin} from '../../source/screening/scripts.js';

test('a long word and a short one sharing the coarse key are not one word', () => {
	expect(foldRomanisation('azizsaud')).toBe(foldRomanisation('yazid'));
	expect(tokenSimilarity('azizsaud', 'yazid')).toBe(0);
	expect(tokenSimilarity('yazid', 'azizsaud')).toBe(0);
});

test('two Latin words of five letters do not meet on the coarse key alone: it keeps too few letters', () => {
	// Real: "Fair Isaac Corporation" (NYSE) met ISIS-K's "ISISK" at 0.82.
	expect(foldRomanisation('isaac')).toBe(foldRomanisation('isisk'));
	expect(tokenSimilarity('isaac', 'isisk')).toBe(0);
	expect(scoreNames('Fair Isaac Corporation', 'ISISK').score).toBeLessThan(defaultThreshold);
	// Six letters keep enough ("lizing", below).
});

test('a word with two letters or more added at its end is another word, though the fold drops a -ye', () => {
	// Real: Mobileye (Nasdaq) met the curated China Mobile at 0.84.
	expect(foldRomanisation('mobileye')).toBe(foldRomanisation('mobile'));
	expect(tokenSimilarity('mobileye', 'mobile')).toBe(0);
	expect(scoreNames('Mobileye N.V.', 'China Mobile').score).toBeLessThan(defaultThreshold);
	// Russian -ye and -ie endings still fold together.
	expect(tokenSimilarity('novyye', 'novie')).toBeGreaterThanOrEqual(0.95);
});

test('a long word written with other vowels is one word, enough for a one-word name', () => {
	expect(tokenSimilarity('hezbollah', 'hizballah')).toBeGreaterThan(coarseSimilarity);
	expect(scoreNames('Hezbollah', 'HIZBALLAH').score).toBeGreaterThanOrEqual(defaultThreshold);
	// Shorter words stay coarse evidence, a y is a consonant, and the last letters must agree.
	expect(tokenSimilarity('medtronic', 'madtronik')).toBeLessThanOrEqual(coarseSimilarity);
	expect(scoreNames('Marketify', 'MARKET FA LLC').score).toBeLessThan(defaultThreshold);
});

test('respellings of one word still meet on it', () => {
	for (const [a, b] of [
		['tekhnologii', 'technologies'],
		['lizing', 'leasing'],
		['alrowaily', 'rowaily'],
		// Doubled letters (long vowels) are a convention of their own, not letters of the word.
		['olaayyaan', 'olayan'],
	] as const) {
		expect(tokenSimilarity(a, b), `${a}/${b}`).toBeGreaterThanOrEqual(coarseSimilarity);
	}
});

test('a word romanised from an abjad may be much shorter than its Latin spelling', () => {
	expect(foldRomanisation('almuzaini')).toBe(foldRomanisation('mzyny'));
	expect(tokenSimilarity('almuzaini', 'mzyny', 0, abjadOrigin)).toBeGreaterThanOrEqual(coarseSimilarity);
});

test('two English words are two words, whatever key they share', () => {
	expect(foldRomanisation('genesis')).toBe(foldRomanisation('sense'));
	expect(tokenSimilarity('genesis', 'sense')).toBe(0);
	expect(tokenSimilarity('theme', 'time')).toBe(0);
	expect(scoreNames('Genesis Theme', 'Sense Time').score).toBeLessThan(defaultThreshold);
	// A respelling that is no English word still meets one ("lizing" is Russian for "leasing"), and an English word's forms stay one word.
	expect(tokenSimilarity('lizing', 'leasing')).toBeGreaterThanOrEqual(coarseSimilarity);
	expect(tokenSimilarity('technology', 'technologies')).toBeGreaterThanOrEqual(coarseSimilarity);
});
