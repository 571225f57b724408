// Russian and Arabic names as French writes them (ou, tch, ch, j, gu, a closing -ine or -ane) and a
// Russian first е written ye or e. The spellings are the usual French and English ones; the entries
// are made up.
import {expect, test} from 'vitest';
import {buildIndex, defaultThreshold, scoreNames} from '../../source/screening/index.js';
import {foldedSimilarity, frenchReading, tokenSimilarity} from '../../source/screening/token-similarity.js';
import {makeEntity} from './fixtures.js';
import {expectIndexAgrees} from './index-agreement.js';

test.each([
	['poutine', 'putin'],
	['setchine', 'sechin'],
	['prigojine', 'prigozhin'],
	['choukri', 'shukri'],
	['ousmane', 'usman'],
	['evgueni', 'evgeni'],
	// The first е of a Russian name: ye in English spellings, e in French, German and passport ones.
	['yelena', 'elena'],
	['yevgeniy', 'evgeniy'],
])('%s is %s in French spelling', (french, english) => {
	expect(tokenSimilarity(french, english)).toBe(foldedSimilarity);
	expect(tokenSimilarity(english, french)).toBe(foldedSimilarity);
});

test('whole names in French spelling meet the list entry', () => {
	const person = {kindB: 'person'} as const;
	expect(scoreNames('Evgueni Prigojine', 'PRIGOZHIN, Yevgeniy', person).score).toBeGreaterThanOrEqual(defaultThreshold);
	expect(scoreNames('Vladimir Poutine', 'PUTIN, Vladimir', person).score).toBeGreaterThanOrEqual(defaultThreshold);
	expect(scoreNames('Igor Setchine', 'SECHIN, Igor', person).score).toBeGreaterThanOrEqual(defaultThreshold);
});

test('only a word that shows French spelling is read so: English writes ч as ch and дж as j', () => {
	expect(frenchReading('sechin')).toBeNull();
	expect(frenchReading('jamal')).toBeNull();
	expect(frenchReading('choukri')).toBe('shukri');
	// dj is the j of English (дж), and the ч of tch is English ch.
	expect(frenchReading('djoukhar')).toBe('djukhar');
	expect(frenchReading('setchine')).toBe('sechin');
});

test('the candidate index finds either spelling from the other', () => {
	const index = buildIndex([
		makeEntity({id: 'english', name: 'PRIGOZHIN, Yevgeniy Viktorovich', type: 'person'}),
		makeEntity({id: 'french', name: 'Igor Setchine', type: 'person'}),
		makeEntity({id: 'passport', name: 'Elena Ivanova', type: 'person'}),
	]);
	expectIndexAgrees(index, 'Evgueni Viktorovitch Prigojine', 'english');
	expectIndexAgrees(index, 'Igor Sechin', 'french');
	expectIndexAgrees(index, 'Yelena Ivanova', 'passport');
});
