// Five-letter words fold as longer ones do (token-similarity.ts, foldMinimumLength):
// one word in two romanisations. Made-up words.
import {expect, test} from 'vitest';
import {buildIndex, defaultThreshold, matchName, scoreNames, tokenSimilarity} from '../../source/screening/index.js';
import {makeEntity} from './fixtures.js';

test('a five-letter word meets its other romanisation ("Eksor", "Exior")', () => {
	expect(tokenSimilarity('eksor', 'exior')).toBeGreaterThanOrEqual(0.95);
	expect(scoreNames('Eksor', 'Exior').score).toBeGreaterThanOrEqual(defaultThreshold);
});

test('the candidate index finds it through the fold key', () => {
	const index = buildIndex([makeEntity({id: 'exior', name: 'EXIOR OJSC'}), makeEntity({id: 'other', name: 'ELSOR TRADING'})]);
	expect(matchName(index, 'Eksor OAO').map(match => match.entity.id)).toEqual(['exior']);
});

test('a doubled letter stays a doubled letter, and four letters do not fold', () => {
	expect(scoreNames('Kanor', 'Kannor').score).toBeLessThan(defaultThreshold);
	expect(tokenSimilarity('asis', 'aziz')).toBe(0);
});
