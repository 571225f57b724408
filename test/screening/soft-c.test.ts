// A Western name back from Cyrillic writes its soft c with the s of С: SETELEM BANK is a
// real list entry, with the aliases CETELEM BANK LLC and СЕТЕЛЕМ БАНК ООО; Sitibank is made up.
import {expect, test} from 'vitest';
import {buildIndex, defaultThreshold, scoreNames} from '../../source/screening/index.js';
import {foldedSimilarity, tokenSimilarity} from '../../source/screening/token-similarity.js';
import {makeEntity} from './fixtures.js';
import {expectIndexAgrees} from './index-agreement.js';

test('a soft c and an s pair as one word', () => {
	expect(tokenSimilarity('cetelem', 'setelem')).toBe(foldedSimilarity);
	expect(tokenSimilarity('citibank', 'sitibank')).toBe(foldedSimilarity);
	expect(scoreNames('CETELEM BANK LLC', 'SETELEM BANK LIMITED LIABILITY COMPANY').score).toBeGreaterThanOrEqual(defaultThreshold);
});

test('not in short words, before a hard vowel, or against an English word', () => {
	expect(scoreNames('Cisco', 'SISCO').score).toBeLessThan(defaultThreshold);
	expect(tokenSimilarity('cotelem', 'sotelem')).toBeLessThan(foldedSimilarity);
	expect(scoreNames('Cinema', 'SINEMA').score).toBeLessThan(defaultThreshold);
});

test('the candidate index finds the s spelling from the c one', () => {
	const index = buildIndex([makeEntity({id: 'setelem', name: 'SETELEM BANK LIMITED LIABILITY COMPANY'})]);
	expectIndexAgrees(index, 'CETELEM BANK LLC', 'setelem');
});
