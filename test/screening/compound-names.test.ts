// Compounds of more than two words: a name written as three or four words in one
// place and as one word in another ("Trans Avia" brands). Made-up names throughout.
import {expect, test} from 'vitest';
import {buildIndex, defaultThreshold, matchName, matchNameExhaustive, scoreNames} from '../../source/screening/index.js';
import {makeEntity} from './fixtures.js';

test('three words written as one compound meet, from either side', () => {
	expect(scoreNames('Zelvano Trans Avia', 'Zelvanotransavia Airlines').score).toBeGreaterThanOrEqual(defaultThreshold);
	expect(scoreNames('Zelvanotransavia Airlines', 'Zelvano Trans Avia').score).toBeGreaterThanOrEqual(defaultThreshold);
	expect(scoreNames('Brost Kel Mari Tek', 'Brostkelmaritek').score).toBeGreaterThanOrEqual(defaultThreshold);
});

test('a name spaced syllable by syllable is read with every join at once, in the scorer and the index', () => {
	// Hikvision's real name, spaced as pinyin syllables.
	expect(scoreNames('Hang Zhou Hik Vision', 'Hangzhou Hikvision').score).toBeGreaterThanOrEqual(defaultThreshold);
	expect(scoreNames('Hangzhou Hikvision', 'Hang Zhou Hik Vision').score).toBeGreaterThanOrEqual(defaultThreshold);
	const index = buildIndex([
		makeEntity({id: 'joined', name: 'Hangzhou Hikvision Digital Technology Co., Ltd.'}),
		makeEntity({id: 'other', name: 'Hangzhou Trading Co.'}),
	]);
	const query = 'Hang Zhou Hik Vision Digital Technology';
	expect(matchName(index, query).map(match => match.entity.id)).toEqual(['joined']);
	expect(matchName(index, query)).toEqual(matchNameExhaustive(index, query));
});

test('a compound of other words does not', () => {
	expect(scoreNames('Zelvano Trans Avia', 'Zelvanotransport Airlines').score).toBeLessThan(defaultThreshold);
});

test('the candidate index joins three query words as the scorer does', () => {
	const index = buildIndex([
		makeEntity({id: 'compound', name: 'ZELVANOTRANSAVIA AIRLINES'}),
		// "Avia" is "aviation", a generic word: a name that shares the query's distinctive word and adds one is another company.
		makeEntity({id: 'other', name: 'ZELVANO KORBIX TRADING'}),
	]);
	expect(matchName(index, 'Zelvano Trans Avia').map(match => match.entity.id)).toEqual(['compound']);
	expect(matchName(index, 'Zelvano Trans Avia')).toEqual(matchNameExhaustive(index, 'Zelvano Trans Avia'));
});

test("list words joined meet a query word by fold when one of them is the query word's own start or end, in the scorer and the index", () => {
	expect(scoreNames('BellZarvonei Technologies', 'Bel Zarvonei Technologies').score).toBeGreaterThanOrEqual(defaultThreshold);
	// Neither list word is part of the query word as it is written: not a compound respelt, two other words.
	expect(scoreNames('Belzarvonij Technologies', 'Bell Zarvonei Technologies').score).toBeLessThan(defaultThreshold);
	const index = buildIndex([
		makeEntity({id: 'apart', name: 'BEL ZARVONEI TECHNOLOGIES'}),
		makeEntity({id: 'other', name: 'ZARVONEI TRADING'}),
	]);
	expect(matchName(index, 'BellZarvonei Technologies').map(match => match.entity.id)).toEqual(['apart']);
	expect(matchName(index, 'BellZarvonei Technologies')).toEqual(matchNameExhaustive(index, 'BellZarvonei Technologies'));
});
