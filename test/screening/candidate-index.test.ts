import {describe, expect, test} from 'vitest';
import {buildIndex, matchName, matchNameExhaustive, searchIndex} from '../../source/screening/index.js';
import {syntheticInventory, syntheticList} from '../../source/bench/synthetic-names.js';
import {loadCslCsv, loadOfacCsv, makeEntity} from './fixtures.js';

describe('candidate index', () => {
	test('finds entries through a typo in the first letters of a word', () => {
		const index = buildIndex([makeEntity({id: 'k', name: 'Kaspersky Lab'}), makeEntity({id: 'h', name: 'Huawei Technologies'})]);
		expect(searchIndex(index, 'Caspersky Lab')).toContain('k');
		expect(searchIndex(index, 'Hauwei')).toContain('h');
	});

	test('does not return entries that share nothing with the query', () => {
		const index = buildIndex([makeEntity({id: 'k', name: 'Kaspersky Lab'}), makeEntity({id: 'h', name: 'Huawei Technologies'})]);
		expect(searchIndex(index, 'Zebra Imaging')).toEqual([]);
	});

	test('leaves out names that share one word of a longer query, which cannot reach the threshold', () => {
		const index = buildIndex([
			makeEntity({id: 'one-word', name: 'Zorvanek Quadrant'}),
			makeEntity({id: 'all-words', name: 'Zorvanek Bexhill Marrowind'}),
		]);
		const query = 'Zorvanek Bexhill Marrowind';
		// "one-word" shares a word, so it scores above 0 (0.44) ...
		expect(matchNameExhaustive(index, query, {threshold: 0.4}).map(match => match.entity.id)).toContain('one-word');
		// ... but its bound, (8 + 8) / (24 + 8 + 0.5 x 8), is below the threshold: it is not even scored.
		expect(searchIndex(index, query)).toEqual(['all-words']);
		expect(searchIndex(index, query, {threshold: 0.4}).sort()).toEqual(['all-words', 'one-word']);
	});

	test('finds everything exhaustive scoring finds, while scoring a fraction of the names', () => {
		const list = syntheticList(8_000, 3);
		const index = buildIndex(list);
		// Exhaustive scoring of the 8,000 names is nearly all of this test's time. 100 queries (30 of them planted
		// names, respelt) still make 185 matches to find, well over the floor below; the list stays at 8,000 so
		// that its frequent words are as frequent as the candidate bound is about. The rule tests check the index
		// against the yardstick on their own names (index-agreement.ts).
		const queries = syntheticInventory(list, 100, {seed: 5, plantedShare: 0.3});
		let relevant = 0;
		let retrieved = 0;
		let candidates = 0;
		for (const query of queries) {
			const expected = matchNameExhaustive(index, query).map(match => match.entity.id);
			const found = new Set(matchName(index, query).map(match => match.entity.id));
			relevant += expected.length;
			retrieved += expected.filter(id => found.has(id)).length;
			candidates += searchIndex(index, query).length;
		}
		expect(relevant).toBeGreaterThan(50);
		expect(retrieved).toBe(relevant);
		expect(candidates / queries.length).toBeLessThan(list.length / 10);
	}, 60_000);

	test('a frequent word is not followed when it cannot make a match, nor held for names that lack it', () => {
		const index = buildIndex([
			makeEntity({id: 'exact', name: 'Zorvanek Trading'}),
			makeEntity({id: 'brand-only', name: 'Zorvanek Quadrant Marrowind'}),
			...Array.from({length: 40}, (_unused, at) => makeEntity({id: `filler-${at}`, name: `Filler${at} Trading`})),
		]);
		// "trading" reaches 41 names and is skipped; the one name it shares with the brand is still found ...
		expect(matchName(index, 'Zorvanek Trading').map(match => match.entity.id)).toEqual(['exact']);
		// ... and the brand's other name, which lacks "trading", is not scored as if it held it.
		expect(searchIndex(index, 'Zorvanek Trading')).toEqual(['exact']);
	});

	test('a listed initial is reached through the word it stands beside, however frequent', () => {
		const index = buildIndex([
			makeEntity({id: 'person', name: 'KOWALCZYK, J.', type: 'person'}),
			...Array.from({length: 40}, (_unused, at) => makeEntity({id: `filler-${at}`, name: `Filler${at} Kowalczyk Ltd`})),
		]);
		// "Jan" is no word of the list: only "kowalczyk" reaches the person, whose "J." pairs "Jan".
		expect(matchNameExhaustive(index, 'Jan Kowalczyk').map(match => match.entity.id)).toEqual(['person']);
		expect(matchName(index, 'Jan Kowalczyk').map(match => match.entity.id)).toEqual(['person']);
	});

	test("a query initial reaches a listed person's name through the word it stands beside, however frequent", () => {
		const index = buildIndex([
			makeEntity({id: 'person', name: 'KOWALCZYK, Jan', type: 'person'}),
			...Array.from({length: 40}, (_unused, at) => makeEntity({id: `filler-${at}`, name: `KOWALCZYK, Filler${at}`, type: 'person'})),
		]);
		// Only "kowalczyk" reaches the person, and its "Jan" pairs the query's "J.": the surname alone is no whole name.
		expect(matchNameExhaustive(index, 'J. Kowalczyk').map(match => match.entity.id)).toEqual(['person']);
		expect(matchName(index, 'J. Kowalczyk').map(match => match.entity.id)).toEqual(['person']);
	});

	test('on real lists (persons, initials, vessels, aliases) finds everything exhaustive scoring finds', () => {
		const entries = [
			...loadCslCsv('consolidated_2022-05-16_sample.csv'),
			...loadOfacCsv('static_slice_sdn.csv', 'static_slice_alt.csv'),
			...loadOfacCsv('ofactest_sdn.csv', 'ofactest_alt.csv'),
		];
		const index = buildIndex(entries);
		// Each tenth entry's name as listed, less its first word, and with a generic word added.
		const queries = entries
			.filter((_entry, at) => at % 10 === 0)
			.flatMap(({name}) => [name, name.split(' ').slice(1).join(' '), `${name} Trading`, initialled(name)])
			.filter(query => query.trim() !== '');
		let relevant = 0;
		for (const [at, query] of queries.entries()) {
			// The yardstick at 0.8 is its result at 0.6 cut at 0.8 (an entry's best name is the same whichever
			// threshold it passes), so every name is scored once per query, not once per threshold; every
			// tenth query is still scored at 0.8 itself, to show the cut is the yardstick.
			const atLowest = matchNameExhaustive(index, query, {threshold: 0.6});
			for (const threshold of [0.6, 0.8]) {
				const expected = atLowest.filter(match => match.score >= threshold).map(match => match.entity.id);
				if (at % 10 === 0 && threshold !== 0.6)
					expect(
						matchNameExhaustive(index, query, {threshold}).map(match => match.entity.id),
						query,
					).toEqual(expected);
				relevant += expected.length;
				expect(
					matchName(index, query, {threshold}).map(match => match.entity.id),
					query,
				).toEqual(expected);
			}
		}
		expect(relevant).toBeGreaterThan(queries.length);
	}, 120_000);
});

/** "LAST, Given Names" as "G. N. LAST"; other names as they are. */
function initialled(name: string): string {
	const [last, given] = name.split(',', 2).map(part => part.trim());
	if (!given) return name;
	return `${given
		.split(/\s+/)
		.map(word => `${word[0]}.`)
		.join(' ')} ${last}`;
}
