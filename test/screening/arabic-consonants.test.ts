// An Arabic name's ق and ذ as romanisations write them: q, k or g; dh, d or a doubled d; and its closing ة
// written with an h or without. "Qadhafi", "Kadhafi", "Gaddafi" and "Qaddafi" are the usual spellings of one
// name; the entries are made up.
import {expect, test} from 'vitest';
import {buildIndex, defaultThreshold, scoreNames} from '../../source/screening/index.js';
import {arabicReadings, foldedSimilarity, tokenSimilarity} from '../../source/screening/token-similarity.js';
import {makeEntity} from './fixtures.js';
import {expectIndexAgrees} from './index-agreement.js';

test.each([
	['qadhafi', 'gaddafi'],
	['qadhafi', 'gadhafi'],
	['kadhafi', 'qaddafi'],
	['qaddafi', 'gaddafi'],
	// Persian says ق and غ alike, and writes both q or gh.
	['qalibaf', 'ghalibaf'],
	['naqdi', 'naghdi'],
	['usamah', 'usama'],
	['fatimah', 'fatima'],
])('%s is %s', (a, b) => {
	expect(tokenSimilarity(a, b)).toBe(foldedSimilarity);
	expect(tokenSimilarity(b, a)).toBe(foldedSimilarity);
});

test('only a word that writes q or dh is read so: g and k are two letters elsewhere', () => {
	expect(arabicReadings('gaddafi')).toEqual([]);
	expect(arabicReadings('kadhafi')).toEqual(['kadafi', 'gadafi', 'kadafi']);
	expect(arabicReadings('qasim')).toEqual(['qasim', 'gasim', 'ghasim']);
	// An h read from kh is said: Долгих is not Долгий.
	expect(tokenSimilarity('dolgikh', 'dolgiy')).toBe(0);
	// The other consonants still have to agree.
	expect(tokenSimilarity('qadhafi', 'gaddami')).toBe(0);
});

test('a whole name meets the list entry', () => {
	expect(scoreNames('Muammar Gaddafi', 'QADHAFI, Muammar', {kindB: 'person'}).score).toBeGreaterThanOrEqual(defaultThreshold);
	expect(scoreNames('Moammar Kadhafi', 'Muammar GADHAFI', {kindB: 'person'}).score).toBeGreaterThanOrEqual(defaultThreshold);
});

test('the candidate index finds every spelling from the others', () => {
	const index = buildIndex([
		makeEntity({id: 'q', name: 'QADHAFI, Muammar', type: 'person'}),
		makeEntity({id: 'g', name: 'Saif al-Islam GADDAFI', type: 'person'}),
		makeEntity({id: 'gh', name: 'GHALIBAF, Mohammad Bagher', type: 'person'}),
	]);
	expectIndexAgrees(index, 'Muammar Gaddafi', 'q');
	expectIndexAgrees(index, 'Muammar Kadhafi', 'q');
	expectIndexAgrees(index, 'Saif al-Islam Qadhafi', 'g');
	expectIndexAgrees(index, 'Saif al-Islam Kadhafi', 'g');
	expectIndexAgrees(index, 'Mohammad Baqer Qalibaf', 'gh');
});

test('the index finds a one-word spelling from another, with nothing else in the name to reach it', () => {
	const index = buildIndex([makeEntity({id: 'q', name: 'QADHAFI'}), makeEntity({id: 'gh', name: 'GHALIBAF'})]);
	expectIndexAgrees(index, 'Kaddafi', 'q');
	expectIndexAgrees(index, 'Gaddafi', 'q');
	expectIndexAgrees(index, 'Qalibaf', 'gh');
});
