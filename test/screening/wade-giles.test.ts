// Wade-Giles against pinyin, syllable by syllable (wade-giles.ts). Made-up company
// names throughout, built from textbook syllable pairs (hsin/xin, chung/zhong, tung/dong).
import {describe, expect, test} from 'vitest';
import {buildIndex, defaultThreshold, matchName, namedVendor, scoreNames, screenInventory} from '../../source/screening/index.js';
import {isPinyinWord} from '../../source/screening/pinyin.js';
import {wadeGilesReadings} from '../../source/screening/wade-giles.js';
import {makeEntity} from './fixtures.js';

const score = (a: string, b: string) => scoreNames(a, b).score;

describe('a Wade-Giles word reads as the pinyin words it stands for', () => {
	test.each([
		['hsing', ['xing']],
		['chung', ['zhong', 'chong']],
		['tzu', ['zi', 'ci']],
		['shih', ['shi']],
		['erh', ['er']],
	])('%s reads as %j', (word, readings) => {
		expect([...wadeGilesReadings(word)].sort()).toEqual([...readings].sort());
	});

	test('syllables of one word are read one by one', () => {
		expect(wadeGilesReadings('hsintung')).toContain('xindong');
		expect(wadeGilesReadings('kaohsiung')).toContain('gaoxiong');
	});

	test('a word that may be pinyin itself, or is no Chinese at all, has no readings', () => {
		for (const word of ['chang', 'xinhua', 'docker', 'intel', 'kaspersky', 'hikvision']) expect(wadeGilesReadings(word)).toEqual([]);
		expect(isPinyinWord('zhongxing')).toBe(true);
		expect(isPinyinWord('hsing')).toBe(false);
	});
});

describe('scoring', () => {
	test('a name in Wade-Giles meets its pinyin, spaced or joined', () => {
		expect(score('Hsin Tung Precision', 'Xin Dong Precision')).toBeGreaterThanOrEqual(defaultThreshold);
		expect(score('Hsin Tung Precision', 'Xindong Precision')).toBeGreaterThanOrEqual(defaultThreshold);
		expect(score('Xin Dong Precision', 'Hsintung Precision')).toBeGreaterThanOrEqual(defaultThreshold);
		expect(score('Chunghsing Optics', 'Zhongxing Optics')).toBeGreaterThanOrEqual(defaultThreshold);
	});

	test('a one-word name in Wade-Giles meets its pinyin as a romanisation variant, not as a guess', () => {
		expect(score('Hsintung', 'Xindong')).toBeGreaterThanOrEqual(defaultThreshold);
	});

	test('only the readings count: another syllable is another name', () => {
		expect(score('Hsin Tung Precision', 'Xiang Dong Precision')).toBeLessThan(defaultThreshold);
		expect(score('Chunghsing Optics', 'Zhangxing Optics')).toBeLessThan(defaultThreshold);
		expect(score('Hsintung', 'Xintang')).toBeLessThan(defaultThreshold);
	});

	test('older postal spellings of Chinese places are place names, as their pinyin are', () => {
		expect(score('Chungking Lanhe Industrial', 'Chongqing Lanhe Industrial')).toBeGreaterThanOrEqual(defaultThreshold);
		expect(score('Peking Lanhe Electronics', 'Beijing Lanhe Electronics')).toBeGreaterThanOrEqual(defaultThreshold);
	});
});

describe('screening finds them through the candidate index', () => {
	test('an inventory row in Wade-Giles hits a list entry in pinyin', () => {
		const entries = [
			makeEntity({id: 'xd', name: 'XINDONG PRECISION MACHINERY CO., LTD.'}),
			makeEntity({id: 'other', name: 'XIANGDONG TOOLS'}),
		];
		expect(screenInventory([namedVendor('Hsin Tung Precision Machinery')], entries).map(hit => hit.entry.id)).toEqual(['xd']);
	});

	test('an inventory row in pinyin hits a list entry in Wade-Giles', () => {
		const index = buildIndex([
			makeEntity({id: 'ch', name: 'CHUNG HSING OPTICS CORP.'}),
			makeEntity({id: 'other', name: 'XIANGDONG OPTICS'}),
		]);
		expect(matchName(index, 'Zhongxing Optics').map(match => match.entity.id)).toEqual(['ch']);
		expect(matchName(index, 'Zhong Xing Optics').map(match => match.entity.id)).toEqual(['ch']);
	});
});
