// An opening h that French, Spanish and Italian spellings of Arabic and Persian names
// leave silent: OFAC lists "SOUSSOU, Habib" with the alias "ABIB, Soussou"
// (test/fixtures/ofac-sdn-csv/static_slice_alt.csv). The word without its h is a
// respelling, supporting evidence beside the rest of the name as any respelling is.
import {expect, test} from 'vitest';
import {buildIndex, defaultThreshold, scoreNames} from '../../source/screening/index.js';
import {nameRespelt} from '../../source/screening/token-similarity.js';
import {makeEntity} from './fixtures.js';
import {expectIndexAgrees} from './index-agreement.js';

const person = (a: string, b: string) => scoreNames(a, b, {kindA: 'person', kindB: 'person'}).score;

test.each([
	['habib', 'abib'],
	['hamid', 'amid'],
	['hassan', 'asan'],
])('%s and %s are one name, its opening h left silent', (a, b) => {
	expect(nameRespelt(a, b)).toBe(true);
	expect(nameRespelt(b, a)).toBe(true);
});

test.each([
	// Another vowel after the h is another name.
	['hassa', 'issa'],
	['hamid', 'omid'],
	// Only an opening h before a vowel is silent.
	['hrabi', 'rabi'],
])('%s and %s are not', (a, b) => {
	expect(nameRespelt(a, b)).toBe(false);
	expect(nameRespelt(b, a)).toBe(false);
});

test('the alias without the h meets the listed name, and the index finds it; alone it is no match', () => {
	expect(person('ABIB, Soussou', 'SOUSSOU, Habib')).toBeGreaterThanOrEqual(defaultThreshold);
	expect(person('ABIB, Zelvani', 'SOUSSOU, Habib')).toBeLessThan(defaultThreshold);
	expect(person('Abib', 'HABIB')).toBeLessThan(defaultThreshold);
	const index = buildIndex([
		makeEntity({id: 'soussou', name: 'SOUSSOU, Habib', type: 'person'}),
		makeEntity({id: 'other', name: 'SAIDOU, Habib', type: 'person'}),
	]);
	expectIndexAgrees(index, 'ABIB, Soussou', 'soussou');
	expectIndexAgrees(index, 'Soussou Abib', 'soussou');
});
