// ж (Russian) and ژ (Persian) are "zh" in BGN/PCGN and most English spellings, "j" in
// French, Turkish and Persian ones. PEJAK and PEZHAK are aliases of one real list entry
// (the Kurdistan Free Life Party); the persons are made up.
import {expect, test} from 'vitest';
import {buildIndex, defaultThreshold, scoreNames} from '../../source/screening/index.js';
import {foldedSimilarity, tokenSimilarity, zhRespellings} from '../../source/screening/token-similarity.js';
import {makeEntity} from './fixtures.js';
import {expectIndexAgrees} from './index-agreement.js';

test('a zh and a j written for one sound pair as one word', () => {
	expect(tokenSimilarity('pejak', 'pezhak')).toBe(foldedSimilarity);
	expect(tokenSimilarity('pezhman', 'pejman')).toBe(foldedSimilarity);
	expect(scoreNames('PEJAK', 'PEZHAK').score).toBeGreaterThanOrEqual(defaultThreshold);
	expect(scoreNames('Bijan Zanganeh', 'ZANGANEH, Bizhan', {kindB: 'person'}).score).toBeGreaterThanOrEqual(defaultThreshold);
});

test('not between short words, nor for the j of English written dzh', () => {
	// "Zhang" and "Jang" are two names (Chinese and Korean).
	expect(tokenSimilarity('jang', 'zhang')).toBe(0);
	expect(scoreNames('Jang Wei', 'ZHANG, Wei', {kindB: 'person'}).score).toBeLessThan(defaultThreshold);
	// Джамал is "Dzhamal", Жамал "Zhamal": two names, which share no more than a coarse key.
	expect(tokenSimilarity('dzhamal', 'zhamal')).toBeLessThan(foldedSimilarity);
});

test('the index looks each word up under its other spelling', () => {
	expect(zhRespellings('pezhak')).toEqual(['pejak']);
	expect(zhRespellings('pejak')).toEqual(['pezhak']);
	expect(zhRespellings('jajak')).toEqual(['zhazhak', 'zhajak', 'jazhak']);
	expect(zhRespellings('dzhamal')).toEqual([]);
	expect(zhRespellings('ivanov')).toEqual([]);
});

test('the candidate index finds either spelling from the other', () => {
	const index = buildIndex([
		makeEntity({id: 'pjak', name: 'FREE LIFE PARTY OF KURDISTAN', aliases: ['PEZHAK']}),
		makeEntity({id: 'bijan', name: 'ZANGANEH, Bijan', type: 'person'}),
	]);
	expectIndexAgrees(index, 'PEJAK', 'pjak');
	expectIndexAgrees(index, 'Bizhan Zanganeh', 'bijan');
});
