// Recall on real list fixtures: the curated vendors that are listed are found
// under every name the reference facts give them; ordinary companies are not.
import {describe, expect, test} from 'vitest';
import {buildIndex, defaultThreshold, matchName, namedVendor, screenInventory, type InventoryVendor} from '../../source/screening/index.js';
import {controlCompanyNames} from '../../source/bench/synthetic-names.js';
import {loadCslCsv, loadFactsVendors, loadOfacCsv} from './fixtures.js';

const csl = loadCslCsv('consolidated_2022-05-16_sample.csv');
const ofac = [...loadOfacCsv('static_slice_sdn.csv', 'static_slice_alt.csv'), ...loadOfacCsv('ofactest_sdn.csv', 'ofactest_alt.csv')];
const cslIndex = buildIndex(csl);
const ofacIndex = buildIndex(ofac);
const curated = loadFactsVendors();

function row(name: string): InventoryVendor {
	return namedVendor(name);
}

function allNames(vendorId: string): string[] {
	const vendor = curated.find(candidate => candidate.id === vendorId)!;
	return [
		...new Set(
			[vendor.name, ...vendor.aliases, ...vendor.entities.flatMap(entity => [entity.name, entity.originalScript ?? ''])].filter(Boolean),
		),
	];
}

// The curated vendors whose own legal entity is in the 2022 CSL sample, and that entry.
// China Telecom/Unicom (Americas) are not here: the sample lists their parents, not them.
const listedInCsl: Record<string, RegExp> = {
	huawei: /^(HUAWEI TECHNOLOGIES CO\., LTD\.|Huawei Technologies Co\., Ltd\. \(Huawei\))$/,
	hikvision: /^HANGZHOU HIKVISION DIGITAL TECHNOLOGY CO\., LTD\.$/,
	dji: /^(DJI|SZ DJI TECHNOLOGY CO\., LTD\.)$/,
	smic: /^(SEMICONDUCTOR MANUFACTURING INTERNATIONAL CORPORATION|Semiconductor Manufacturing International Corporation \(SMIC\))$/,
	iflytek: /^IFLYTEK$/,
	megvii: /^MEGVII TECHNOLOGY LIMITED$/,
	'china-mobile': /^CHINA MOBILE LIMITED$/,
	'positive-technologies': /^AKTSIONERNOE OBSHCHESTVO POZITIV TEKNOLODZHIZ$/,
};

describe('curated vendors listed in the CSL sample', () => {
	for (const [vendorId, entry] of Object.entries(listedInCsl)) {
		test.each(allNames(vendorId))(`${vendorId} is found under "%s" (with the curated join)`, name => {
			const hits = screenInventory([row(name)], cslIndex, {curatedVendors: curated});
			expect(hits.map(hit => hit.entry.name)).toContainEqual(expect.stringMatching(entry));
		});
	}

	// Without the curated dataset: names that spell the listed entity itself. Left out
	// on purpose: original-script names other than 华为 and the Russian ones, "PT",
	// "Face++", "CMI USA", affiliates and other legal entities of the group.
	const directly: Record<string, string[]> = {
		huawei: ['Huawei', '华为', 'Huawei Technologies Company', 'Huawei Technologies Co., Ltd.'],
		hikvision: ['Hikvision', 'HIKVISION', 'Hangzhou Hikvision Digital Technology Co., Ltd.'],
		dji: ['DJI', 'Da-Jiang Innovations', 'SZ DJI Technology Co., Ltd.'],
		smic: ['SMIC', 'Semiconductor Manufacturing International Corporation'],
		iflytek: ['iFlytek', 'IFLYTEK', 'iFlytek Co., Ltd.'],
		megvii: ['Megvii', 'Megvii Technology Limited'],
		'china-mobile': ['China Mobile', 'China Mobile Limited', 'China Mobile USA'],
		'positive-technologies': [
			'Positive Technologies',
			'Pozitiv Teknolodzhiz, AO',
			'JSC Positive Technologies',
			'АО «Позитив Текнолоджиз»',
			'Aktsionernoe Obshchestvo Pozitiv Teknolodzhiz (JSC Positive Technologies)',
		],
	};
	for (const [vendorId, names] of Object.entries(directly)) {
		test.each(names)(`${vendorId} is found under "%s" by name alone`, name => {
			const hits = screenInventory([row(name)], cslIndex);
			expect(hits.map(hit => hit.entry.name)).toContainEqual(expect.stringMatching(listedInCsl[vendorId]!));
		});
	}
});

describe('OFAC SDN fixtures', () => {
	test('hold none of the curated technology vendors (so vendor recall there is vacuous)', () => {
		for (const vendor of curated) {
			for (const name of allNames(vendor.id))
				expect(
					matchName(ofacIndex, name).map(match => match.matchedName),
					`${vendor.id}: ${name}`,
				).toEqual([]);
		}
	});

	test('every SDN entry is found under its own name and each alias', () => {
		let missed: string[] = [];
		for (const entity of ofac) {
			for (const name of [entity.name, ...entity.aliases]) {
				if (!matchName(ofacIndex, name).some(match => match.entity.id === entity.id)) missed = [...missed, name];
			}
		}
		expect(missed).toEqual([]);
	});
});

describe('control inventory of ordinary companies', () => {
	// 1,200 "<Surname> [& <Surname>] <industry word> <legal form>" names from the word lists in
	// source/screening/generate.ts (seed 1): companies that are on no list.
	const control = controlCompanyNames(1_200);

	test('at most 1% hit the CSL sample', () => {
		const hits = control.filter(name => matchName(cslIndex, name).length > 0);
		expect(hits.length / control.length).toBeLessThanOrEqual(0.01);
	});

	test('at most 1% hit the OFAC SDN fixtures', () => {
		const hits = control.filter(name => matchName(ofacIndex, name).length > 0);
		expect(hits.length / control.length).toBeLessThanOrEqual(0.01);
	});

	test('the default threshold is the one these measurements were taken at', () => {
		expect(defaultThreshold).toBe(0.8);
	});
});
