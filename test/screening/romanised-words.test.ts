// Romanised is a property of a word in one name: a word that one entry writes in
// Cyrillic and another in Latin is a guess only where it was romanised. The index
// and the scorer read it the same way. Made-up names throughout.
import {expect, test} from 'vitest';
import {buildIndex, matchName, matchNameExhaustive, scoreCandidate} from '../../source/screening/index.js';
import {makeEntity} from './fixtures.js';

const entries = [
	makeEntity({id: 'cyrillic', name: 'Зелвани'}),
	makeEntity({id: 'latin', name: 'ZELVANI BROST'}),
	makeEntity({id: 'person', name: 'ZELVANI, Brost', type: 'person'}),
];
const index = buildIndex(entries);

test('a word romanised in one entry is a guess there only: the index scores every entry as the scorer does', () => {
	// "zelboon" meets the romanised "zelvani" by its consonants (and its first vowel, which Cyrillic writes), not the Latin one.
	for (const query of ['Zelboon Brost', 'Zelboon', 'Brost Zelboon Trading']) {
		const matches = matchName(index, query, {threshold: 0.2});
		expect(matches.length).toBeGreaterThan(0);
		for (const match of matches) expect(match.nameScore).toBeCloseTo(scoreCandidate({name: query}, match.entity).score, 9);
		expect(matches).toEqual(matchNameExhaustive(index, query, {threshold: 0.2}));
	}
});

test('the romanised word still meets a Latin spelling by its consonants', () => {
	const cyrillic = matchName(index, 'Zelboon', {threshold: 0.2}).find(match => match.entity.id === 'cyrillic');
	const latin = matchName(index, 'Zelboon', {threshold: 0.2}).find(match => match.entity.id === 'latin');
	expect(cyrillic?.score ?? 0).toBeGreaterThan(latin?.score ?? 0);
});
