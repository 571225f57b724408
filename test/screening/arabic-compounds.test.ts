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

test('"... al-Din" joined or apart, with its article assimilated, is one spelling: Salahuddin is Salah al-Din', () => {
	for (const name of ['Salahuddin', 'Salah Uddin', 'Salah ud-Din', 'Salah-ud-Deen', 'Salaheddine', 'Salah al-Din'])
		expect(normalizeName(name).tokens, name).toEqual(['salah', 'al', 'din']);
	// A head of three letters at least, and din as a word of its own only after an article: Aladdin, Reddin stay.
	expect(normalizeName('Aladdin').tokens).toEqual(['aladdin']);
	expect(normalizeName('Reddin').tokens).toEqual(['reddin']);
	// Only the doubled d of an assimilated article joins: Geraldine is no name of al-Din.
	expect(normalizeName('Geraldine Smith').tokens).toEqual(['geraldine', 'smith']);
	expect(scoreNames('Ala Eddin', 'Alaeddin').score).toBeGreaterThanOrEqual(defaultThreshold);
	expect(normalizeName('Ud Din').tokens).toEqual(['ud', 'din']);
	expect(scoreNames('Sirajuddin Haqqani', 'HAQQANI, Siraj al-Din', {kindB: 'person'}).score).toBeGreaterThanOrEqual(defaultThreshold);
});

test('the index finds the joined spelling of an al-Din name from the one apart, and the reverse', () => {
	const index = buildIndex([
		makeEntity({id: 'apart', name: 'HAQQANI, Siraj al-Din', type: 'person'}),
		makeEntity({id: 'joined', name: 'Nasreddine KHALIL', type: 'person'}),
	]);
	expect(matchName(index, 'Sirajuddin Haqqani')[0]?.entity.id).toBe('apart');
	expect(matchName(index, 'Nasr al-Din Khalil')[0]?.entity.id).toBe('joined');
});
