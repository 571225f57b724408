// Words of post-Soviet company names that say what kind of company, or where, not
// which one: the unitary enterprise's forms and the names of the USSR and of Kyiv. Made-up names.
import {expect, test} from 'vitest';
import {buildIndex, defaultThreshold, normalizeName, scoreNames} from '../../source/screening/index.js';
import {isDistinctive} from '../../source/screening/token-weights.js';
import {makeEntity} from './fixtures.js';
import {expectIndexAgrees} from './index-agreement.js';

test('a unitary enterprise form is a legal form; a two-letter one only at either end of a name', () => {
	expect(normalizeName('UE Zelvano Oil House').tokens).toEqual(['zelvano', 'oil', 'house']);
	expect(normalizeName('FGUP Zelvano Plant').tokens).toEqual(['zelvano', 'plant']);
	expect(normalizeName('Zelvano Ue Boryu').tokens).toEqual(['zelvano', 'ue', 'boryu']);
});

test('the USSR and Kyiv name where a company is, not which one', () => {
	for (const word of ['sssr', 'ussr', 'soviet', 'kiev', 'kyiv']) expect(isDistinctive(word), word).toBe(false);
});

test('a name with such a word meets the name without it, and the index finds it', () => {
	const pairs = [
		['UE Zelvano Oil House', 'Zelvano Oil House'],
		['Zelvanobank SSSR', 'Zelvanobank'],
		['Zelvano Bank (Kyiv)', 'Zelvano Bank'],
	] as const;
	for (const [a, b] of pairs) expect(scoreNames(a, b).score, a).toBeGreaterThanOrEqual(defaultThreshold);
	const index = buildIndex(pairs.map(([, b], at) => makeEntity({id: `entry-${at}`, name: b})));
	pairs.forEach(([a], at) => expectIndexAgrees(index, a, `entry-${at}`));
});
