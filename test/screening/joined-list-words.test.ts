// Spacing on the list's side: a list name whose words the scorer joins ("Brasto
// Vikel" as "brastovikel") or splits is found by the candidate index too, though no
// query word reaches it. Made-up names throughout.
import {expect, test} from 'vitest';
import {buildIndex, defaultThreshold, matchName, matchNameExhaustive, scoreNames} from '../../source/screening/index.js';
import {joinedWordNames, maxProbeNames, type NameRows} from '../../source/screening/joined-list-words.js';
import {makeEntity} from './fixtures.js';

const index = buildIndex([
	makeEntity({id: 'two-words', name: 'BRASTO VIKEL'}),
	makeEntity({id: 'three-words', name: 'ZELVANO TRANS AVIA'}),
	makeEntity({id: 'other', name: 'BRASTO TRADING'}),
]);
const ids = (query: string) => matchName(index, query).map(match => match.entity.id);

test('a list name written in two or three words is found from the query word that joins them', () => {
	expect(scoreNames('Brastovikel Holdings', 'BRASTO VIKEL').score).toBeGreaterThanOrEqual(defaultThreshold);
	expect(ids('Brastovikel Holdings')).toEqual(['two-words']);
	expect(ids('Zelvanotransavia Airlines')).toEqual(['three-words']);
});

test('as exhaustive scoring finds it', () => {
	for (const query of ['Brastovikel Holdings', 'Zelvanotransavia Airlines', 'Brastovikov', 'Brasto Vikel'])
		expect(matchName(index, query)).toEqual(matchNameExhaustive(index, query));
});

test('a word that only begins like the joined words finds nothing', () => {
	expect(ids('Brastovikov')).toEqual([]);
	expect(ids('Zelvanotransport Airlines')).toEqual([]);
});

// The rows of names made of the given words, for the search alone.
function rowsOf(names: readonly string[][]): NameRows {
	const vocabulary = [...new Set(names.flat())];
	const tokenIds = new Map(vocabulary.map((token, id) => [token, id]));
	const nameTokenStart = Int32Array.from([0, ...names.map((_name, at) => names.slice(0, at + 1).flat().length)]);
	const nameTokens = Int32Array.from(names.flat(), token => tokenIds.get(token)!);
	const holders = vocabulary.map((_token, id) => names.flatMap((name, at) => (name.some(token => tokenIds.get(token) === id) ? [at] : [])));
	const tokenNameStart = Int32Array.from([0, ...holders.map((_holders, id) => holders.slice(0, id + 1).flat().length)]);
	return {vocabulary, tokenIds, tokenNameStart, tokenNames: Int32Array.from(holders.flat()), nameTokenStart, nameTokens};
}

test('the search finds adjacent parts in order, a particle written on, and two query words written as one', () => {
	const rows = rowsOf([['brasto', 'vikel'], ['vikel', 'brasto'], ['brasto', 'kel', 'vikel'], ['abdzelvan', 'karim'], ['karimzelvan']]);
	const exact = (part: string) => (rows.tokenIds.has(part) ? [rows.tokenIds.get(part)!] : []);
	const search = (tokens: string[]) =>
		[
			...joinedWordNames(
				rows,
				tokens,
				tokens.map(() => 0),
				['abd', 'al'],
				exact,
			),
		].sort();
	expect(search(['brastovikel'])).toEqual([0]);
	expect(search(['zelvan'])).toEqual([3]);
	expect(search(['zelvan', 'karim'])).toEqual([3, 4]);
});

test('a probe meeting more names than the cap is a common word, not followed', () => {
	const names = (count: number) => Array.from({length: count}, (_name, at) => ['brasto', 'vikel', `x${at}`]);
	const found = (rows: NameRows) => {
		const exact = (part: string) => (rows.tokenIds.has(part) ? [rows.tokenIds.get(part)!] : []);
		return joinedWordNames(rows, ['brastovikel'], [0], [], exact).size;
	};
	expect(found(rowsOf(names(maxProbeNames)))).toBe(maxProbeNames);
	expect(found(rowsOf(names(maxProbeNames + 1)))).toBe(0);
});

test('a list name writing a one-letter part apart is found from the word that joins it, as exhaustive scoring finds it', () => {
	const lettered = buildIndex([makeEntity({id: 'suffix', name: 'VORQAN-K'}), makeEntity({id: 'prefix', name: 'T-ZELMOR'})]);
	for (const [query, id] of [
		['Vorqank', 'suffix'],
		['Tzelmor', 'prefix'],
	] as const) {
		expect(matchName(lettered, query)[0]?.entity.id).toBe(id);
		expect(matchName(lettered, query)).toEqual(matchNameExhaustive(lettered, query));
	}
});

test('a list name spelling a short word letter by letter ("I A C") is found from the word, as exhaustive scoring finds it', () => {
	const spelt = buildIndex([
		makeEntity({id: 'letters', name: 'Q V Z Marrowind Inc.'}),
		makeEntity({id: 'two-letters', name: 'X J Bexhill'}),
		makeEntity({id: 'word', name: 'QVZ Trading'}),
	]);
	expect(scoreNames('QVZ Marrowind', 'Q V Z Marrowind Inc.').score).toBeGreaterThanOrEqual(defaultThreshold);
	for (const [query, id] of [
		['QVZ Marrowind', 'letters'],
		['XJ Bexhill', 'two-letters'],
	] as const) {
		expect(matchName(spelt, query).map(match => match.entity.id)).toContain(id);
		expect(matchName(spelt, query)).toEqual(matchNameExhaustive(spelt, query));
	}
	// Letters that are not adjacent, or in another order, spell nothing.
	expect(matchName(spelt, 'QZV Marrowind').map(match => match.entity.id)).not.toContain('letters');
});

test('an abjad word with the article written on ("אלזרקבי") finds the list name writing it apart ("al-Zarkavi"), as exhaustive scoring does', () => {
	const apart = buildIndex([
		makeEntity({id: 'article', name: 'Tamir al-Zarkavi', type: 'person'}),
		makeEntity({id: 'other', name: 'Tamir Zarkovsky', type: 'person'}),
	]);
	for (const query of ['תמיר אלזרקבי', 'נדים אלזרקבי תמיר']) {
		expect(scoreNames(query, 'Tamir al-Zarkavi').score).toBeGreaterThan(0);
		expect(matchName(apart, query)).toEqual(matchNameExhaustive(apart, query));
	}
	expect(matchName(apart, 'תמיר אלזרקבי').map(match => match.entity.id)).toEqual(['article']);
});
