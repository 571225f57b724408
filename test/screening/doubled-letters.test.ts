// A geminate written twice or once ("Jabbar"/"Jabar") in a five-letter word. Made-up names throughout.
import {expect, test} from 'vitest';
import {buildIndex, defaultThreshold, matchName, scoreNames, tokenSimilarity} from '../../source/screening/index.js';
import {makeEntity} from './fixtures.js';

test('a doubled letter in a five-letter surname is the same name beside an agreeing given name', () => {
	const person = {kindA: 'person', kindB: 'person'} as const;
	expect(scoreNames('DABAR, Zuhel', 'DABBAR, Zuhel', person).score).toBeGreaterThanOrEqual(defaultThreshold);
	expect(scoreNames('DABBAR, Zuhel', 'DABAR, Zuhel', person).score).toBeGreaterThanOrEqual(defaultThreshold);
	const index = buildIndex([makeEntity({id: 'p', name: 'DABBAR, Zuhel', type: 'person'})]);
	expect(matchName(index, 'Zuhel Dabar')[0]?.entity.id).toBe('p');
});

test('a doubled letter counts more than another one-letter edit of a five-letter word', () => {
	expect(tokenSimilarity('dabar', 'dabbar')).toBeGreaterThan(tokenSimilarity('dabar', 'dabor'));
	expect(tokenSimilarity('dabar', 'dabars')).toBeLessThan(tokenSimilarity('dabar', 'dabbar'));
});

test('a one-word name resting on a doubled letter alone stays below the threshold', () => {
	expect(scoreNames('Kanor', 'Kannor').score).toBeLessThan(defaultThreshold);
});
