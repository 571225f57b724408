// Non-Latin names: what transliteration finds by itself, and what needs the curated dataset.
import anyAscii from 'any-ascii';
import {transliterate} from 'transliteration';
import {describe, expect, test} from 'vitest';
import {
	buildIndex,
	defaultThreshold,
	matchCuratedVendors,
	matchName,
	scoreNames,
	screenInventory,
	namedVendor,
	normalizeName,
	type InventoryVendor,
} from '../../source/screening/index.js';
import {droppedLetterBlocks, droppedLetters} from '../../source/screening/scripts.js';
import {loadCslCsv, loadFactsVendors, makeEntity} from './fixtures.js';

const csl = loadCslCsv('consolidated_2022-05-16_sample.csv');
// The 2022 CSL sample predates Kaspersky's Entity List listing (2022-03 in the full list, not in the sample), so the entry is added as BIS lists it.
const kasperskyEntry = makeEntity({
	id: 'el-kaspersky',
	name: 'AO Kaspersky Lab',
	aliases: ['Kaspersky Lab'],
	countries: ['RU'],
	list: 'Entity List (EL) - Bureau of Industry and Security',
});
const index = buildIndex([...csl, kasperskyEntry]);
const curated = loadFactsVendors();

function row(name: string, aliases: string[] = []): InventoryVendor {
	return namedVendor(name, {aliases});
}

describe('Cyrillic', () => {
	test.each(['Лаборатория Касперского', 'АО «Лаборатория Касперского»'])('%s finds Kaspersky Lab by transliteration alone', name => {
		const matches = matchName(index, name);
		expect(matches[0]?.entity.id).toBe('el-kaspersky');
	});

	test('declension folding lifts the genitive above the threshold', () => {
		const folded = scoreNames('Лаборатория Касперского', 'Kaspersky Lab').score;
		const unfolded = scoreNames('Laboratoriya Kasperskogo', 'Kaspersky Lab').score;
		expect(folded).toBeGreaterThanOrEqual(defaultThreshold);
		expect(folded).toBeGreaterThan(unfolded);
	});

	test('the Russian name of Positive Technologies matches its romanised SDN entry', () => {
		expect(matchName(index, 'АО «Позитив Текнолоджиз»')[0]?.matchedName).toBe('AKTSIONERNOE OBSHCHESTVO POZITIV TEKNOLODZHIZ');
	});

	test("Kazakh's and Tatar's Ә, which transliteration drops, is read as any-ascii reads it", () => {
		expect(normalizeName('Әлихан Бөкейханов').tokens).toEqual(['alihan', 'bokeyhanov']);
		expect(scoreNames('Әлихан Бөкейханов', 'Alikhan Bokeikhanov', {kindA: 'person', kindB: 'person'}).score).toBeGreaterThanOrEqual(
			defaultThreshold,
		);
	});
});

describe('letters transliteration drops', () => {
	test('are exactly those of their blocks that any-ascii reads', () => {
		const readsAsLetters = /[a-z0-9]/i;
		for (const [from, to] of droppedLetterBlocks) {
			for (let point = from; point <= to; point++) {
				const letter = String.fromCodePoint(point);
				const dropped = /\p{L}/u.test(letter) && !readsAsLetters.test(transliterate(letter)) && readsAsLetters.test(anyAscii(letter));
				droppedLetters.lastIndex = 0;
				expect(droppedLetters.test(letter), `U+${point.toString(16)} ${letter}`).toBe(dropped);
			}
		}
	});
});

describe('Georgian', () => {
	test('capitals (Mtavruli), which transliteration drops, read as the small letters do', () => {
		expect(normalizeName('ᲡᲐᲥᲐᲠᲗᲕᲔᲚᲝ').tokens).toEqual(normalizeName('საქართველო').tokens);
		expect(normalizeName('ᲡᲐᲥᲐᲠᲗᲕᲔᲚᲝ').tokens).toEqual(['sakartvelo']);
	});
});

describe('Chinese', () => {
	test('pinyin of 华为 is spelt like the brand, so it matches by itself', () => {
		expect(matchName(index, '华为').some(match => /huawei/i.test(match.matchedName))).toBe(true);
	});

	test('the traditional characters of a company name (華為技術有限公司) find the listed Huawei entry', () => {
		expect(matchName(index, '華為技術有限公司').some(match => /huawei technologies/i.test(match.matchedName))).toBe(true);
	});

	test('pinyin of 海康威视 ("haikangweishi") does not match Hikvision by spelling', () => {
		expect(scoreNames('海康威视', 'Hikvision').score).toBeLessThan(defaultThreshold);
		expect(matchName(index, '海康威视')).toEqual([]);
	});

	test('海康威视 joins the curated vendor through its original-script alias', () => {
		expect(matchCuratedVendors({name: '海康威视', aliases: []}, curated)).toEqual(['hikvision']);
	});

	test('with the curated vendors, 海康威视 is screened as Hikvision and hits the CSL entry', () => {
		const hits = screenInventory([row('海康威视')], index, {curatedVendors: curated});
		const hit = hits.find(candidate => candidate.entry.name === 'HANGZHOU HIKVISION DIGITAL TECHNOLOGY CO., LTD.');
		expect(hit?.via).toBe('hikvision');
	});
});
