// Generic words as company names abbreviate them (generic-words.ts). Made-up names.
import {expect, test} from 'vitest';
import {defaultThreshold, scoreNames, tokenSimilarity} from '../../source/screening/index.js';

const score = (a: string, b: string) => scoreNames(a, b).score;

test.each([
	['Lanhe Tech', 'Lanhe Technologies'],
	['Lanhe Electronics Tech Group', 'Lanhe Electronics Technology Group Corporation'],
	["Nat'l Lanhe Oil Co", 'National Lanhe Oil Company'],
	['Lanhe Hldgs', 'Lanhe Holdings Ltd'],
	['Lanhe Engg Svcs', 'Lanhe Engineering Services'],
])('"%s" meets "%s"', (a, b) => {
	expect(score(a, b)).toBeGreaterThanOrEqual(defaultThreshold);
	expect(score(b, a)).toBeGreaterThanOrEqual(defaultThreshold);
});

test('an abbreviation meets only the words it stands for', () => {
	expect(tokenSimilarity('tech', 'technologies')).toBeGreaterThanOrEqual(0.95);
	expect(tokenSimilarity('tech', 'telecom')).toBe(0);
	expect(tokenSimilarity('natl', 'natural')).toBe(0);
});

test('an abbreviated generic word never makes a distinctive word agree', () => {
	expect(score('Lanhe Tech', 'Boryu Technologies')).toBeLessThan(defaultThreshold);
});

test('a short form is still read by its letters where they join a name ("Dahua Tech", "Dahuatech")', () => {
	expect(score('Lanhe Tech', 'Lanhetech')).toBeGreaterThanOrEqual(defaultThreshold);
});
