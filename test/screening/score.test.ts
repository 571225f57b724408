import fc from 'fast-check';
import {describe, expect, test} from 'vitest';
import {defaultThreshold, scoreCandidate, scoreNames, tokenSimilarity} from '../../source/screening/index.js';
import {editDistanceWithin} from '../../source/screening/token-similarity.js';
import {makeEntity} from './fixtures.js';

describe('scoreNames', () => {
	test('ignores word order', () => {
		expect(scoreNames('Technologies Huawei', 'Huawei Technologies Co., Ltd.').score).toBe(1);
	});

	test('a short surname does not hit a long name that starts with it', () => {
		expect(tokenSimilarity('kas', 'kaspersky')).toBe(0);
		expect(scoreNames('Kas', 'Kaspersky').score).toBe(0);
		expect(scoreNames('Kas Consulting', 'Kaspersky Lab').score).toBeLessThan(defaultThreshold);
	});

	test('short words must be equal: one letter makes another word', () => {
		expect(tokenSimilarity('smith', 'smic')).toBeLessThan(0.85);
		expect(tokenSimilarity('king', 'ling')).toBeLessThan(0.85);
	});

	test('one typo in a long word still pairs', () => {
		expect(scoreNames('Kaspresky Lab', 'Kaspersky Lab').score).toBeGreaterThanOrEqual(defaultThreshold);
	});

	test('unpaired tokens lower the score in proportion to their length', () => {
		const close = scoreNames('Huawei', 'Huawei Cloud').score;
		const far = scoreNames('Huawei', 'Huawei Cloud Johannesburg').score;
		expect(far).toBeLessThan(close);
	});

	test('explains every token, paired or not', () => {
		const {tokenScores, normalizedA, normalizedB} = scoreNames('Kaspersky Endpoint Security', 'AO Kaspersky Lab');
		expect(normalizedA).toBe('kaspersky endpoint security');
		expect(normalizedB).toBe('kaspersky laboratory');
		expect(tokenScores).toEqual([
			{a: 'kaspersky', b: 'kaspersky', score: 1, weightA: 1, weightB: 1},
			// a plain dictionary word weighs as little as a generic one
			{a: 'endpoint', b: null, score: 0, weightA: 0.15, weightB: null},
			{a: 'security', b: null, score: 0, weightA: 0.15, weightB: null},
			{a: null, b: 'laboratory', score: 0, weightA: null, weightB: 0.15},
		]);
	});

	test('scores stay within 0..1', () => {
		fc.assert(
			fc.property(fc.string(), fc.string(), (a, b) => {
				const {score} = scoreNames(a, b);
				expect(score).toBeGreaterThanOrEqual(0);
				expect(score).toBeLessThanOrEqual(1);
			}),
			{numRuns: 500, seed: 7},
		);
	});
});

describe('scoreCandidate', () => {
	const entry = makeEntity({id: 'x', name: 'Zhejiang Dahua Technology Co., Ltd.', aliases: ['Dahua'], countries: ['CN']});

	test('takes the best of the entry name and aliases', () => {
		const result = scoreCandidate({name: 'Dahua'}, entry);
		expect(result.matchedName).toBe('Dahua');
		expect(result.score).toBe(1);
	});

	test('country agreement is a small bonus and disagreement a small penalty', () => {
		const unknown = scoreCandidate({name: 'Dahua Zhejiang Security'}, entry).score;
		const agree = scoreCandidate({name: 'Dahua Zhejiang Security', country: 'China'}, entry);
		const disagree = scoreCandidate({name: 'Dahua Zhejiang Security', country: 'DE'}, entry);
		expect(agree.countryAgreement).toBe('agree');
		expect(disagree.countryAgreement).toBe('disagree');
		expect(agree.score).toBeGreaterThan(unknown);
		expect(disagree.score).toBeLessThan(unknown);
		expect(unknown - disagree.score).toBeCloseTo(0.05, 6);
	});
});

/** Optimal string alignment distance, the textbook full table: the yardstick for the bounded one. */
function osaDistance(a: string, b: string): number {
	const table = Array.from({length: a.length + 1}, (_row, i) =>
		Array.from({length: b.length + 1}, (_cell, j) => (i === 0 ? j : j === 0 ? i : 0)),
	);
	for (let i = 1; i <= a.length; i++) {
		for (let j = 1; j <= b.length; j++) {
			const cost = a[i - 1] === b[j - 1] ? 0 : 1;
			let value = Math.min(table[i - 1]![j]! + 1, table[i]![j - 1]! + 1, table[i - 1]![j - 1]! + cost);
			if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, table[i - 2]![j - 2]! + 1);
			table[i]![j] = value;
		}
	}
	return table[a.length]![b.length]!;
}

describe('editDistanceWithin', () => {
	test('is the optimal string alignment distance while within the bound, and bound + 1 beyond it', () => {
		const word = fc.string({unit: fc.constantFrom(...'abcdehikrstu'), maxLength: 14});
		fc.assert(
			fc.property(word, word, fc.integer({min: 0, max: 3}), (a, b, max) => {
				const distance = osaDistance(a, b);
				expect(editDistanceWithin(a, b, max)).toBe(distance <= max ? distance : max + 1);
			}),
			{numRuns: 3_000, seed: 11},
		);
	});
});

describe('an English plural in -ies', () => {
	test('is its singular in -y, as a romanisation variant', () => {
		expect(tokenSimilarity('zelvanies', 'zelvany')).toBe(0.95);
		expect(scoreNames('Brastovian Ammunition Industries', 'BRASTOVIAN AMMUNITION INDUSTRY').score).toBeGreaterThanOrEqual(defaultThreshold);
		expect(scoreNames('Brastovian Industries', 'BRASTOVIAN INDUSTRY GROUP').score).toBeGreaterThan(
			scoreNames('Brastovian Holdings', 'BRASTOVIAN INDUSTRY GROUP').score,
		);
	});

	test('not for a short word, nor after a vowel', () => {
		expect(tokenSimilarity('lies', 'ly')).toBe(0);
		expect(tokenSimilarity('zelvaies', 'zelvay')).toBe(0);
	});
});
