import {describe, expect, test} from 'vitest';
import {syntheticList} from '../../source/bench/synthetic-names.js';
import {normalizeName} from '../../source/screening/normalize.js';
import {pairFloor, tokenSimilarity} from '../../source/screening/score.js';
import {buildTokenSearch, similarTokens} from '../../source/screening/similar-tokens.js';
import {editSimilarity} from '../../source/screening/token-similarity.js';

function search(vocabulary: string[], token: string): string[] {
	const found: string[] = [];
	similarTokens(buildTokenSearch(vocabulary), token, vocabulary.indexOf(token), id => found.push(vocabulary[id]!));
	return found.sort();
}

describe('similarTokens', () => {
	test('finds words two edits apart in their first letters', () => {
		expect(tokenSimilarity('kspaersky', 'kaspersky')).toBeGreaterThanOrEqual(pairFloor);
		expect(search(['kaspersky', 'kasper', 'laboratory'], 'kspaersky')).toEqual(['kaspersky']);
	});

	test('finds a word whose first letter differs', () => {
		expect(search(['kaspersky', 'laboratory'], 'caspersky')).toEqual(['kaspersky']);
	});

	test('finds every token within the edit bounds that exhaustive comparison pairs, and only tokens that pair', () => {
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
			// Tokens that pair only by folding (fold-equal, not within the edit bounds) are the index's fold map's to find.
			const withinEdits = vocabulary.filter(token => token !== query && editSimilarity(query, token) >= pairFloor);
			const found: string[] = [];
			similarTokens(index, query, vocabulary.indexOf(query), id => found.push(vocabulary[id]!));
			expect(found, query).toEqual(expect.arrayContaining(withinEdits));
			for (const token of found) expect(tokenSimilarity(query, token), `${query}~${token}`).toBeGreaterThanOrEqual(pairFloor);
			pairs += withinEdits.length;
		}
		expect(pairs).toBeGreaterThan(500);
	});

	test('digits and letters outside a-z, which share bits of the letter masks, never hide a pair', () => {
		// Words with digits and with letters beyond a-z (slots that share a mask bit), and their one- and two-edit variants.
		const words = ['route66', 'route67', 'a1b2c3d4', 'x9y8z7w6', 'h2o4life', 'münchen', 'große', 'çelikler', '7eleven', 'k8s0ps99'];
		const variants = words.flatMap(word =>
			[...word].flatMap((_letter, at) => [
				word.slice(0, at) + word.slice(at + 1),
				word.slice(0, at) + '0' + word.slice(at + 1),
				word.slice(0, at) + 'é' + word.slice(at + 1),
				word.slice(0, at) + word.slice(at + 1, at + 2) + word[at] + word.slice(at + 2),
			]),
		);
		const vocabulary = [...new Set([...words, ...variants])].sort();
		const index = buildTokenSearch(vocabulary);
		let pairs = 0;
		for (const query of vocabulary) {
			const expected = vocabulary.filter(token => token !== query && editSimilarity(query, token) >= pairFloor);
			const found: string[] = [];
			similarTokens(index, query, vocabulary.indexOf(query), id => found.push(vocabulary[id]!));
			expect(found.sort(), query).toEqual(expected.sort());
			pairs += expected.length;
		}
		expect(pairs).toBeGreaterThan(200);
	});
});
