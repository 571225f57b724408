import fc from 'fast-check';
import {describe, expect, test} from 'vitest';
import {defaultThreshold, scoreCandidate, scoreNames, tokenSimilarity} from '../../source/screening/index.js';
import talismanJaro from 'talisman/metrics/jaro.js';
import talismanJaroWinkler from 'talisman/metrics/jaro-winkler.js';
import {jaro, jaroWinkler} from '../../source/screening/score.js';
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

	test('short words are compared without the shared-prefix bonus', () => {
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
			{a: 'kaspersky', b: 'kaspersky', score: 1},
			{a: 'endpoint', b: null, score: 0},
			{a: 'security', b: null, score: 0},
			{a: null, b: 'laboratory', score: 0},
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

describe('jaro and jaroWinkler', () => {
	test('give exactly the scores of the talisman functions they replace', () => {
		const word = fc.string({unit: fc.constantFrom(...'abcdehikrstu'), maxLength: 14});
		fc.assert(
			fc.property(word, word, (a, b) => {
				expect(jaro(a, b)).toBe(talismanJaro(a, b));
				expect(jaroWinkler(a, b)).toBe(talismanJaroWinkler(a, b));
			}),
			{numRuns: 3_000, seed: 11},
		);
		expect(jaroWinkler('stichouk', 'shoutik')).toBe(talismanJaroWinkler('stichouk', 'shoutik'));
	});
});
