// ذ and ظ romanise "dh", and Persian, Urdu and Turkish say and write them z: Javad Zarif's
// ظریف, Zakir Naik's ذاكر (real names), and made-up names around them.
import {expect, test} from 'vitest';
import {buildIndex, defaultThreshold, scoreNames} from '../../source/screening/index.js';
import {tokenSimilarity} from '../../source/screening/token-similarity.js';
import {abjadOrigin} from '../../source/screening/scripts.js';
import {makeEntity} from './fixtures.js';
import {expectIndexAgrees} from './index-agreement.js';

test("a Latin z reads an abjad word's dh", () => {
	expect(tokenSimilarity('dhryf', 'zarif', abjadOrigin)).toBeGreaterThanOrEqual(0.92);
	expect(scoreNames('محمد جواد ظریف', 'ZARIF, Mohammad Javad', {kindB: 'person'}).score).toBeGreaterThanOrEqual(defaultThreshold);
	expect(scoreNames('ذاكر نايك', 'Zakir Naik', {kindB: 'person'}).score).toBeGreaterThanOrEqual(defaultThreshold);
	// Another consonant is still another word.
	expect(tokenSimilarity('dhryf', 'sarif', abjadOrigin)).toBe(0);
});

test('the index finds the Latin spelling from the abjad one, and the reverse', () => {
	const index = buildIndex([
		makeEntity({id: 'latin', name: 'ZARIF, Mohammad Javad', type: 'person'}),
		makeEntity({id: 'abjad', name: 'ظفر حسين', type: 'person'}),
	]);
	expectIndexAgrees(index, 'محمد جواد ظریف', 'latin');
	expectIndexAgrees(index, 'Zafar Hussain', 'abjad');
});
