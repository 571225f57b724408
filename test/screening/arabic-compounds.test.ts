// "Servant of" (عبد) and the article of the name after it are written joined or apart
// (عبدالباسط, عبد الباسط). Made-up names throughout.
import {expect, test} from 'vitest';
import {buildIndex, defaultThreshold, matchName, normalizeName, scoreNames} from '../../source/screening/index.js';
import {makeEntity} from './fixtures.js';

test('"Abd al-" written onto its name reads as the same words as written apart', () => {
	expect(normalizeName('عبدالباسط الزنفلي').tokens).toEqual(normalizeName('عبد الباسط الزنفلي').tokens);
});

test('Allah stays whole: عبدالله is one word, as "Abdullah" is', () => {
	expect(normalizeName('عبدالله').tokens).toHaveLength(1);
});

test('a word that merely starts with the letters of عبد is not split', () => {
	expect(normalizeName('عبدان').tokens).toHaveLength(1);
});

test('the index finds the apart spelling of a person from the joined one, and the reverse', () => {
	const index = buildIndex([
		makeEntity({id: 'joined', name: 'عبدالباسط الزنفلي', type: 'person'}),
		makeEntity({id: 'apart', name: 'عبد الكافي الدرموني', type: 'person'}),
	]);
	expect(matchName(index, 'عبد الباسط الزنفلي')[0]?.entity.id).toBe('joined');
	expect(matchName(index, 'عبدالكافي الدرموني')[0]?.entity.id).toBe('apart');
});

test('the joined Arabic spelling still meets the joined Latin one', () => {
	expect(scoreNames('عبدالباسط', 'Abdulbasit').score).toBeGreaterThanOrEqual(defaultThreshold);
	expect(scoreNames('عبدالباسط الزنفلي', 'Abd al-Basit al-Zanfali').score).toBeGreaterThanOrEqual(defaultThreshold);
});
