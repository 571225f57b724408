// Typos a vendor list keyed in by hand holds: a letter dropped, added or two swapped inside
// a word, and a misspelt legal form. The list names are real (the CSL sample's and Huawei's).
import {expect, test} from 'vitest';
import {buildIndex, defaultThreshold, scoreNames} from '../../source/screening/index.js';
import {normalizeName} from '../../source/screening/normalize.js';
import {pairFloor} from '../../source/screening/score.js';
import {tokenSimilarity} from '../../source/screening/token-similarity.js';
import {makeEntity} from './fixtures.js';
import {expectIndexAgrees} from './index-agreement.js';

const score = (a: string, b: string) => scoreNames(a, b).score;

test('a letter dropped, added or two swapped inside a word of five to seven letters pairs, just above the floor', () => {
	for (const [a, b] of [
		['reair', 'repair'],
		['industy', 'industry'],
		['ahsqar', 'ashqar'],
	]) {
		const similarity = tokenSimilarity(a!, b!);
		expect(similarity, `${a}/${b}`).toBeGreaterThanOrEqual(pairFloor);
		expect(similarity, `${a}/${b}`).toBeLessThan(0.88);
	}
	// A letter replaced, or one added at the end, is another word.
	expect(tokenSimilarity('intel', 'inter')).toBe(0);
	expect(tokenSimilarity('micro', 'micron')).toBe(0);
});

test('such a typo counts beside words that agree, never alone', () => {
	expect(score('140 Reair Plant JSC', '140 Repair Plant JSC')).toBeGreaterThanOrEqual(defaultThreshold);
	expect(score('AECC South Industy Co. Ltd', 'AECC South Industry Co. Ltd')).toBeGreaterThanOrEqual(defaultThreshold);
	expect(score('Reair', 'Repair')).toBeLessThan(defaultThreshold);
	const index = buildIndex([makeEntity({id: 'plant', name: '140 Repair Plant JSC'}), makeEntity({id: 'other', name: 'Repair Services'})]);
	expectIndexAgrees(index, '140 Reair Plant JSC', 'plant');
});

test('a misspelt legal form is that legal form', () => {
	expect(normalizeName('Huawei Technologies Co Limted').normalized).toBe('huawei technologies');
	for (const [a, b] of [
		['Huawei Technologies Co Limted', 'HUAWEI TECHNOLOGIES CO., LTD.'],
		['Hikvision Digital Technology Compnay', 'Hangzhou Hikvision Digital Technology Co., Ltd.'],
		['Rostec State Corportion', 'Rostec'],
		['BM Bank Public Joint Stock Compeny', 'BM BANK PUBLIC JOINT STOCK COMPANY'],
	]) {
		expect(score(a!, b!), a).toBeGreaterThanOrEqual(defaultThreshold);
	}
	// A word with another last letter is a word of its own.
	expect(normalizeName('Limiter Systems').normalized).toBe('limiter systems');
});
