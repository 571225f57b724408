// Chinese transcriptions of foreign names, read by the Xinhua tables' conventions. Made-up names throughout.
import {expect, test} from 'vitest';
import {buildIndex, defaultThreshold, matchName, normalizeName, scoreNames} from '../../source/screening/index.js';
import {abjadOrigin, hanOrigin, latinOrigin} from '../../source/screening/scripts.js';
import {looseSimilarity, strongLooseSimilarity, tokenSimilarity} from '../../source/screening/token-similarity.js';
import {makeEntity} from './fixtures.js';
import {expectIndexAgrees} from './index-agreement.js';

test('a word written only in transcription characters is a transcription; a Chinese name or brand is not', () => {
	const name = normalizeName('纳迪尔·萨勒塔尼');
	expect(name.tokens).toEqual(['nadier', 'saletani']);
	expect(name.loose).toEqual([hanOrigin, hanOrigin]);
	// 有, 明 and 华 are not read for their sound: a Chinese name, and its pinyin is its Latin spelling.
	expect(normalizeName('林有明').loose).toEqual([latinOrigin]);
	expect(normalizeName('华康').loose).toEqual([latinOrigin]);
	// The tables read 卡 as "ka"; in a Chinese word it is "qia".
	expect(normalizeName('卡萨姆').tokens).toEqual(['kasamu']);
});

test('a transcription meets the Latin spelling with its filler vowels, 尔 as l or r, and b, d, g as p, t, k too', () => {
	// 杜卜拉赫: "Dubrakh", 卜 bu the b without a vowel, 拉 la its r, 赫 he the final kh.
	expect(tokenSimilarity('dubulahe', 'dubrakh', hanOrigin, latinOrigin)).toBe(strongLooseSimilarity);
	// 费杜尔: "Fadul", 尔 er its final l.
	expect(tokenSimilarity('feiduer', 'fadul', hanOrigin, latinOrigin)).toBe(strongLooseSimilarity);
	// 卡齐兹: "Kaziz", 齐 qi for zi, 兹 zi the final z.
	expect(tokenSimilarity('kaqizi', 'kaziz', hanOrigin, latinOrigin)).toBe(strongLooseSimilarity);
	// 布特: "Bud", 特 te for a final d; two consonants are a pair only.
	expect(tokenSimilarity('bute', 'bud', hanOrigin, latinOrigin)).toBe(looseSimilarity);
	// The same pinyin read as a Latin word is not so read.
	for (const [han, latin] of [
		['dubulahe', 'dubrakh'],
		['feiduer', 'fadul'],
		['kaqizi', 'kaziz'],
		['bute', 'bud'],
	])
		expect(tokenSimilarity(han!, latin!, latinOrigin, latinOrigin)).toBe(0);
});

test('a nasal ending stands for a Latin m or n, and a Latin h before a consonant may go unwritten or be written 哈 ha', () => {
	// 扎哈迪: "Zahdi", 哈 ha the h before d.
	expect(tokenSimilarity('zhahadi', 'zahdi', hanOrigin, latinOrigin)).toBe(strongLooseSimilarity);
	// 韩萨勒: "Hamzal", 韩 han the "ham" before z.
	expect(tokenSimilarity('hansale', 'hamzal', hanOrigin, latinOrigin)).toBe(strongLooseSimilarity);
	// 达杜赫: "Dahduh", the first h unwritten, the last 赫 he.
	expect(tokenSimilarity('daduhe', 'dahduh', hanOrigin, latinOrigin)).toBe(strongLooseSimilarity);
});

test("a syllable's own vowel must be written: a Latin word with other vowels or none is another word", () => {
	// 拉 la writes "ra", not "ru"; 杜卜拉赫 is not "Dobrukh".
	expect(tokenSimilarity('dubulahe', 'dobrukh', hanOrigin, latinOrigin)).toBe(0);
	// 纳迪尔 is not "Ndir": 纳 na has a vowel the Latin word does not.
	expect(tokenSimilarity('nadier', 'ndir', hanOrigin, latinOrigin)).toBe(0);
	// An abjad's spelling writes no short vowels: دبراخ, "dbrakh", meets 杜卜拉赫; a Latin word without vowels is an acronym.
	expect(tokenSimilarity('dubulahe', 'dbrakh', hanOrigin, abjadOrigin)).toBe(strongLooseSimilarity);
	expect(tokenSimilarity('dubulahe', 'dbrkh', hanOrigin, latinOrigin)).toBe(0);
	// A nasal ending writes a nasal: 班达尔 is "Bandar", not "Bedar".
	expect(tokenSimilarity('bandaer', 'bandar', hanOrigin, latinOrigin)).toBeGreaterThanOrEqual(strongLooseSimilarity);
	expect(tokenSimilarity('bandaer', 'bedar', hanOrigin, latinOrigin)).toBe(0);
});

test('a person written in Chinese characters is found from the Latin spelling, and the reverse', () => {
	expect(scoreNames('纳迪尔·萨勒塔尼', 'Nadir Saltani', {kindA: 'person', kindB: 'person'}).score).toBeGreaterThanOrEqual(defaultThreshold);
	expect(scoreNames('纳迪尔·萨勒塔尼', 'Nadia Sultana', {kindA: 'person', kindB: 'person'}).score).toBeLessThan(defaultThreshold);
	const index = buildIndex([
		makeEntity({id: 'han', name: '纳迪尔·萨勒塔尼', type: 'person'}),
		makeEntity({id: 'latin', name: 'Nadir Saltani', type: 'person'}),
	]);
	expect(matchName(index, 'Nadir Saltani').map(match => match.entity.id)).toContain('han');
	expect(matchName(index, '纳迪尔·萨勒塔尼').map(match => match.entity.id)).toContain('latin');
});

test('a transcription of two consonants, one an opening h, is found by the index as the scorer pairs it', () => {
	// 韓薩·達杜赫 is Hamza al-Dahdouh in OpenSanctions' Saudi Wikidata PEPs (test/fixtures/opensanctions-ftm): 韓薩 "hansa" has
	// one consonant class besides its h, and reached the name through "daduhe" alone, below the bound.
	const query = '韓薩·達杜赫';
	const index = buildIndex([
		makeEntity({id: 'latin', name: 'Hamza Dahdouh', type: 'person'}),
		makeEntity({id: 'arabic', name: 'حمزة الدحدوح', type: 'person'}),
		makeEntity({id: 'other', name: 'Wael Dahdouh', type: 'person'}),
	]);
	expect(scoreNames(query, 'Hamza Dahdouh', {kindB: 'person'}).score).toBeGreaterThanOrEqual(defaultThreshold);
	expect(matchName(index, query).map(match => match.entity.id)).toEqual(['latin', 'arabic']);
	expectIndexAgrees(index, query);
});
