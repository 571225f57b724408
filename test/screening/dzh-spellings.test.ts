// The sound of English j in the romanisations of Russian (дж "dzh"), German ("dsch")
// and French ("dj"): one sound, so one spelling to the fold. Made-up names.
import {expect, test} from 'vitest';
import {buildIndex, defaultThreshold, scoreNames} from '../../source/screening/index.js';
import {fineFold, foldedSimilarity, tokenSimilarity} from '../../source/screening/token-similarity.js';
import {makeEntity} from './fixtures.js';
import {expectIndexAgrees} from './index-agreement.js';

test('dzh, dsch and dj fold to j', () => {
	for (const spelling of ['dzhumbarov', 'dschumbarov', 'djumbarov']) {
		expect(fineFold(spelling)).toBe(fineFold('jumbarov'));
		expect(tokenSimilarity(spelling, 'jumbarov')).toBeGreaterThanOrEqual(foldedSimilarity);
	}
	// Another consonant stays another word.
	expect(tokenSimilarity('dzhumbarov', 'zumbarov')).toBeLessThan(foldedSimilarity);
});

test('a person written so is found from the English spelling, and the index finds it', () => {
	expect(scoreNames('Dzhumbar Koridavi', 'Jumbar Koridavi').score).toBeGreaterThanOrEqual(defaultThreshold);
	const index = buildIndex([
		makeEntity({id: 'english', name: 'KORIDAVI, Jumbar', type: 'person'}),
		makeEntity({id: 'other', name: 'Koridavi Trading'}),
	]);
	for (const query of ['Dzhumbar Koridavi', 'Dschumbar Koridavi', 'Djumbar Koridavi']) {
		expectIndexAgrees(index, query, 'english');
	}
});

test('a Russian spelling of an English word with a soft g still meets it by the coarse key ("teknolodzhiz")', () => {
	expect(tokenSimilarity('teknolodzhiz', 'technologies')).toBeGreaterThanOrEqual(0.85);
});
