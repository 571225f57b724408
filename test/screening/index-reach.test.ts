// Pairs the scorer makes that the candidate index must reach through its keys, or a
// name is scored by the exhaustive yardstick and never by the index. Made-up names.
import {expect, test} from 'vitest';
import {buildIndex} from '../../source/screening/index.js';
import {hanLatinKeys, hanTranscriptionKeys} from '../../source/screening/han-transcription.js';
import {looseKeysOf} from '../../source/screening/token-key-maps.js';
import {abjadOrigin, hanOrigin, latinOrigin} from '../../source/screening/scripts.js';
import {tokenSimilarity} from '../../source/screening/token-similarity.js';
import {makeEntity} from './fixtures.js';
import {expectIndexAgrees} from './index-agreement.js';

const shareKey = (a: readonly string[], b: readonly string[]) => a.some(key => b.includes(key));

test('a word whose doubled letter an abjad writes once ("Allah", الله "llh") shares its one-consonant abjad key', () => {
	expect(tokenSimilarity('llh', 'allah', abjadOrigin, latinOrigin)).toBeGreaterThan(0);
	expect(shareKey(looseKeysOf('llh'), looseKeysOf('allah'))).toBe(true);
	// A word of one consonant up to six letters is keyed so ("hwwy", هواوي, and "Huawei"); a longer one stays unkeyed: it would gather too many.
	expect(shareKey(looseKeysOf('hwwy'), looseKeysOf('huawei'))).toBe(true);
	expect(looseKeysOf('aouliya').some(key => key.startsWith('a:') && key.length === 3)).toBe(false);
	const index = buildIndex([makeEntity({id: 'latin', name: 'Karim Jar Allah'}), makeEntity({id: 'other', name: 'Karim Jarrah Trading'})]);
	const query = 'كريم جار الله';
	expectIndexAgrees(index, query, 'latin');
});

test('a Latin c before a, o or u is read as the ç it may have been when met with a Chinese transcription', () => {
	// 费萨尔 feisaer is "Fayçal", written "Faycal" once the cedilla is gone.
	expect(tokenSimilarity('feisaer', 'faycal', hanOrigin, latinOrigin)).toBeGreaterThan(0);
	expect(shareKey(hanTranscriptionKeys('feisaer'), hanLatinKeys('faycal'))).toBe(true);
	// The hard reading stays: 卡 ka is a k.
	expect(shareKey(hanTranscriptionKeys('kamali'), hanLatinKeys('camali'))).toBe(true);
	const index = buildIndex([
		makeEntity({id: 'han', name: '费萨尔·巴达维', type: 'person'}),
		makeEntity({id: 'other', name: 'Badawi Faris', type: 'person'}),
	]);
	const query = 'Fayçal Badawi';
	expectIndexAgrees(index, query, 'han');
});

test("an abjad word's final h after its long vowel's letter (w, y) may be the feminine ending, unwritten in a transcription", () => {
	// دحدوح "dhdwh" and 达杜赫 daduhe: 赫 he its last h.
	expect(tokenSimilarity('daduhe', 'dhdwh', hanOrigin, abjadOrigin)).toBeGreaterThan(0);
	expect(shareKey(hanTranscriptionKeys('daduhe'), hanLatinKeys('dhdwh'))).toBe(true);
});
