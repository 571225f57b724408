// Russian names as German writes them: ch for х, z for ц, w for в, an opening j for
// the y of е, я, ю ("Chodorkowski", "Jelzin"). The spellings are the usual German
// ones; the entries are made up.
import {expect, test} from 'vitest';
import {buildIndex, defaultThreshold, scoreNames} from '../../source/screening/index.js';
import {foldedSimilarity, germanReading, tokenSimilarity} from '../../source/screening/token-similarity.js';
import {makeEntity} from './fixtures.js';
import {expectIndexAgrees} from './index-agreement.js';

test('a word in German spelling meets the English one', () => {
	expect(tokenSimilarity('chodorkowski', 'khodorkovsky')).toBe(foldedSimilarity);
	expect(tokenSimilarity('jelzin', 'yeltsin')).toBe(foldedSimilarity);
	expect(tokenSimilarity('jakowlew', 'yakovlev')).toBe(foldedSimilarity);
	expect(scoreNames('Michail Chodorkowski', 'KHODORKOVSKY, Mikhail', {kindB: 'person'}).score).toBeGreaterThanOrEqual(defaultThreshold);
});

test('only a word that shows German spelling is read so: English writes ч as ch', () => {
	expect(germanReading('chernov')).toBeNull();
	expect(tokenSimilarity('chernov', 'khernov')).toBe(0);
	// tsch and sch are ч and ш, not х.
	expect(germanReading('tschernow')).toBeNull();
	expect(germanReading('chodorkowski')).toBe('khodorkowski');
});

test('the candidate index finds either spelling from the other', () => {
	const index = buildIndex([
		makeEntity({id: 'english', name: 'KHODORKOVSKY, Mikhail', type: 'person'}),
		makeEntity({id: 'german', name: 'Boris Jelzin', type: 'person'}),
	]);
	expectIndexAgrees(index, 'Michail Chodorkowski', 'english');
	expectIndexAgrees(index, 'Boris Yeltsin', 'german');
});
