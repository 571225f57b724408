// Korean names in McCune-Reischauer and in the Revised Romanization. Made-up names,
// but for the systems' textbook syllables.
import {expect, test} from 'vitest';
import {buildIndex, defaultThreshold, matchName, scoreNames} from '../../source/screening/index.js';
import {koreanReadings, koreanRespelt} from '../../source/screening/korean-romanisation.js';
import {makeEntity} from './fixtures.js';
import {expectIndexAgrees} from './index-agreement.js';

test('a syllable reads as its spellings in both systems: MR k, t, p, ch, o, u, shi as RR g, d, b, j, eo, eu, si', () => {
	expect(koreanReadings('chang')).toEqual(expect.arrayContaining(['chang', 'jang']));
	expect(koreanReadings('myong')).toEqual(expect.arrayContaining(['myong', 'myeong']));
	expect(koreanRespelt('chin', 'jin')).toBe(true);
	expect(koreanRespelt('pak', 'bak')).toBe(true);
	expect(koreanRespelt('chong', 'jeong')).toBe(true);
	expect(koreanRespelt('shin', 'sin')).toBe(true);
	// A word that is no run of Korean syllables has no reading; two different syllables are not one.
	expect(koreanReadings('technology')).toEqual([]);
	expect(koreanRespelt('chang', 'jong')).toBe(false);
	expect(koreanRespelt('kim', 'kin')).toBe(false);
});

test('a Korean name in the other romanisation matches beside a word that agrees, and the index finds it', () => {
	const mr = 'Chang Hyon-Chin';
	const rr = 'Jang Hyon-Jin';
	expect(scoreNames(mr, rr).score).toBeGreaterThanOrEqual(defaultThreshold);
	expect(scoreNames(rr, mr).score).toBeGreaterThanOrEqual(defaultThreshold);
	const index = buildIndex([
		makeEntity({id: 'rr', name: rr}),
		makeEntity({id: 'other', name: 'Jang Sol-Bin'}),
		makeEntity({id: 'person', name: 'Chang Ho-Jin', type: 'person'}),
	]);
	for (const query of [mr, 'Jang Hyon-Chin', 'Chang Sol-Pin']) {
		expectIndexAgrees(index, query);
	}
	expect(matchName(index, mr).map(match => match.entity.id)).toContain('rr');
});

test('a Korean respelling is supporting evidence only: it never makes a match without a distinctive word that agrees', () => {
	// "Tan" and "Dan" are one Korean syllable in two systems, and two other words in English.
	expect(koreanRespelt('tan', 'dan')).toBe(true);
	expect(scoreNames('Tan', 'Dan').score).toBeLessThan(defaultThreshold);
	expect(scoreNames('Tan Trading', 'Dan Trading').score).toBeLessThan(defaultThreshold);
	expect(scoreNames('Chang Pong', 'Jang Bong').score).toBeLessThan(defaultThreshold);
});
