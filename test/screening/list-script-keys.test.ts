// A Latin query word looks up only the keys of the scripts the lists were written in
// (token-key-maps.ts queryLooseKeys): a kana reading of it can only meet a word
// from kana. The index must still find every pair the scorer makes, whichever
// scripts a list holds. Made-up names throughout.
import {expect, test} from 'vitest';
import {buildIndex, matchName, matchNameExhaustive} from '../../source/screening/index.js';
import {queryLooseKeys} from '../../source/screening/token-key-maps.js';
import {abjadOrigin, cyrillicOrigin, everyOrigin, hangulOrigin, kanaOrigin, latinOrigin} from '../../source/screening/scripts.js';
import {makeEntity} from './fixtures.js';

const kinds = (keys: readonly string[]) => new Set(keys.map(key => key.slice(0, key.indexOf(':'))));

test('a Latin word asks for the kana, Hangul and abjad keys only of lists that hold those scripts', () => {
	const cyrillicOnly = kinds(queryLooseKeys('mardanov', latinOrigin, cyrillicOrigin));
	expect(cyrillicOnly.has('m')).toBe(true);
	expect(['k', 'h', 'a'].filter(kind => cyrillicOnly.has(kind))).toEqual([]);
	expect(kinds(queryLooseKeys('mardanov', latinOrigin, kanaOrigin)).has('k')).toBe(true);
	expect(kinds(queryLooseKeys('mardanov', latinOrigin, hangulOrigin)).has('h')).toBe(true);
	expect(kinds(queryLooseKeys('mardanov', latinOrigin, abjadOrigin)).has('a')).toBe(true);
	expect(queryLooseKeys('mardanov', latinOrigin)).toEqual(queryLooseKeys('mardanov', latinOrigin, everyOrigin));
});

test('a romanised query word asks for every kind of key, whatever the lists hold', () => {
	expect(kinds(queryLooseKeys('mardanov', cyrillicOrigin, latinOrigin))).toEqual(kinds(queryLooseKeys('mardanov', cyrillicOrigin)));
});

test.each([
	['kana', [makeEntity({id: 'kana', name: 'ディヤーブ・アル＝カーシミー'})], 'Diyab Al Kasimi'],
	['Hangul', [makeEntity({id: 'hangul', name: '파르단 홀딩스'})], 'Fardan Holdings'],
	['Arabic', [makeEntity({id: 'arabic', name: 'شركة فردان'})], 'Fardan Company'],
	['Cyrillic', [makeEntity({id: 'cyrillic', name: 'Фарданов Холдинг'})], 'Fardanov Holding'],
])('a list written in %s is searched by the index as the scorer scores it', (_script, scripted, query) => {
	// With Latin names beside it, and with only a Cyrillic name beside it: the keys asked for differ.
	for (const entries of [
		[...scripted, makeEntity({id: 'latin', name: 'FARDAN TRADING'})],
		[...scripted, makeEntity({id: 'other', name: 'Зелвани'})],
	]) {
		const index = buildIndex(entries);
		const matches = matchName(index, query, {threshold: 0.5});
		expect(matches.some(match => match.entity.id === scripted[0]!.id)).toBe(true);
		expect(matches).toEqual(matchNameExhaustive(index, query, {threshold: 0.5}));
	}
});
