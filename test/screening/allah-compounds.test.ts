// A name ending in Allah written on ("Nasrallah", "Zikrallah") is two words in Arabic
// (نصر الله, ذكر الله), which a list romanises apart ("nsr llh"). The scorer reads the
// list's words joined; the candidate index must reach the name through the query's one
// word too. Itidal Zikrallah is a real list entry (اعتدال ذكر الله); the others are made up.
import {expect, test} from 'vitest';
import {buildIndex, defaultThreshold, matchName, scoreNames} from '../../source/screening/index.js';
import {makeEntity} from './fixtures.js';
import {expectIndexAgrees} from './index-agreement.js';

test('a Latin name written with Allah on meets the Arabic written apart', () => {
	// ذكر is "dhkr": the Latin z of Persian and Urdu speech meets it (abjad-z.test.ts), joined to الله as well.
	expect(scoreNames('Itidal Zikrallah', 'اعتدال ذكر الله', {kindB: 'person'}).score).toBeGreaterThanOrEqual(defaultThreshold);
	expect(scoreNames('Hassan Nasrallah', 'حسن نصر الله', {kindB: 'person'}).score).toBeGreaterThanOrEqual(defaultThreshold);
	// Another head is another name.
	expect(scoreNames('Hassan Fadlallah', 'حسن نصر الله', {kindB: 'person'}).score).toBeLessThan(defaultThreshold);
});

test('the candidate index reaches the name through the joined word', () => {
	const index = buildIndex([
		makeEntity({id: 'itidal', name: 'اعتدال ذكر الله', type: 'person'}),
		makeEntity({id: 'hassan', name: 'حسن نصر الله', type: 'person'}),
	]);
	expectIndexAgrees(index, 'Itidal Zikrallah', 'itidal');
	expectIndexAgrees(index, 'Hassan Nasrallah', 'hassan');
	expectIndexAgrees(index, 'Hassan Nasrullah', 'hassan');
	expect(matchName(index, 'Hassan Nasrallah').map(match => match.entity.id)).toEqual(['hassan']);
});
