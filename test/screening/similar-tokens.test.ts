import {describe, expect, test} from 'vitest';
import {syntheticList} from '../../source/bench/synthetic-names.js';
import {normalizeName} from '../../source/screening/normalize.js';
import {pairFloor, tokenSimilarity} from '../../source/screening/score.js';
import {buildTokenSearch, similarTokens} from '../../source/screening/similar-tokens.js';

function search(vocabulary: string[], token: string): string[] {
	const found: string[] = [];
	similarTokens(buildTokenSearch(vocabulary), token, vocabulary.indexOf(token), id => found.push(vocabulary[id]!));
	return found.sort();
}

describe('similarTokens', () => {
	test('finds words two edits apart in their first letters', () => {
		expect(tokenSimilarity('stichouk', 'shoutik')).toBeGreaterThanOrEqual(pairFloor);
		expect(search(['shoutik', 'kaspersky', 'stich'], 'stichouk')).toEqual(['shoutik']);
	});

	test('finds a word whose first letter differs', () => {
		expect(search(['kaspersky', 'laboratory'], 'caspersky')).toEqual(['kaspersky']);
	});

	test('finds exactly the tokens that exhaustive comparison pairs', () => {
		const vocabulary = [...new Set(syntheticList(3_000, 5).flatMap(entity => normalizeName(entity.name).tokens))];
		const index = buildTokenSearch(vocabulary);
		// Queries: list tokens with each letter dropped, doubled or swapped with the next, so many near misses of every kind.
		const queries = vocabulary
			.slice(0, 60)
			.flatMap(token =>
				[...token].flatMap((_letter, at) => [
					token.slice(0, at) + token.slice(at + 1),
					token.slice(0, at + 1) + token.slice(at),
					token.slice(0, at) + token.slice(at + 1, at + 2) + token[at] + token.slice(at + 2),
				]),
			);
		let pairs = 0;
		for (const query of new Set(queries)) {
			const expected = vocabulary.filter(token => token !== query && tokenSimilarity(query, token) >= pairFloor).sort();
			const found: string[] = [];
			similarTokens(index, query, vocabulary.indexOf(query), id => found.push(vocabulary[id]!));
			expect(found.sort(), query).toEqual(expected);
			pairs += expected.length;
		}
		expect(pairs).toBeGreaterThan(1_000);
	});
});
