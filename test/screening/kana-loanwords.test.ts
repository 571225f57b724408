// Katakana transcriptions of foreign names read by Hepburn's loanword table. Made-up names throughout.
import {expect, test} from 'vitest';
import {defaultThreshold, normalizeName, scoreNames} from '../../source/screening/index.js';

test.each([
	['ファルダン', 'farudan'],
	['ディモール', 'dimoru'],
	['ヴィレスコ', 'viresuko'],
	['ドゥラン', 'duran'],
	['ティセル', 'tiseru'],
])('%s reads its small vowel with the syllable before it (%s)', (kana, romaji) => {
	expect(normalizeName(kana).tokens).toEqual([romaji]);
});

test.each(['アル＝ザフラニ', 'アール・ザフラニ', 'アッ＝ザフラニ'])('the Arabic article in katakana (%s) is the particle "al"', name => {
	expect(normalizeName(name).tokens).toEqual(['al', 'zafurani']);
});

test('a katakana word that only starts like the article is not read as one', () => {
	expect(normalizeName('アルバン').tokens).toEqual(['aruban']);
});

test('a made-up Arabic name in katakana meets its Latin spelling', () => {
	expect(scoreNames('ディヤーブ・アル＝カーシミー', 'Diyab Al Kasimi').score).toBeGreaterThanOrEqual(defaultThreshold);
});
