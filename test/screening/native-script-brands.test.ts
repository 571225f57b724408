// Brand names as Korean, Japanese, Arabic, Hebrew and Russian write them, against their Latin spelling:
// words of one or two consonants (Huawei, Dahua) read with their vowels, the s of "vision" that these
// scripts write as j, a Hebrew doubled vav and yod, and the word for "company" in each script.
import {expect, test} from 'vitest';
import {buildCatalog, embeddedDatasetName, loadEmbeddedRecords} from '../../source/records/index.js';
import {curatedFindings, defaultThreshold, normalizeName, parseInventory, scoreNames} from '../../source/screening/index.js';

test.each([
	['화웨이', 'Huawei'],
	['ファーウェイ', 'Huawei'],
	['هواوي', 'Huawei'],
	['הואוויי', 'Huawei'],
	['다화', 'Dahua'],
	['ダーファ', 'Dahua'],
	['하이크비전', 'Hikvision'],
	['ハイクビジョン', 'Hikvision'],
	['هيكفيجن', 'Hikvision'],
	['Хиквижн', 'Hikvision'],
	// Arabic writes a soft c with س.
	['تينسنت', 'Tencent'],
	['سيسكو', 'Cisco'],
	// Hangul writes the l after a stop with ㅡ (플, 클): a transcribed foreign word, kept one word.
	['아이플라이텍', 'iFlytek'],
	// Russian writes qu before a vowel as кв.
	['Квектел', 'Quectel'],
	['Квалком', 'Qualcomm'],
	// Devanagari, read as an abjad, writes the e too.
	['हुआवेई', 'Huawei'],
])('%s is %s', (native, latin) => {
	expect(scoreNames(native, latin).score).toBeGreaterThanOrEqual(defaultThreshold);
});

test.each([
	['화웨이', 'Hawaii'],
	['ファーウェイ', 'Fairway'],
	['هواوي', 'Hua'],
	['다화', 'Daewoo'],
	['하이크비전', 'Hikari'],
])('%s is not %s', (native, latin) => {
	expect(scoreNames(native, latin).score).toBeLessThan(defaultThreshold);
});

test('an inventory in other scripts joins the curated vendors through the index', () => {
	const catalog = buildCatalog([{name: embeddedDatasetName, document: loadEmbeddedRecords()}]);
	const names = ['화웨이', 'ファーウェイ', 'شركة هواوي', 'הואוויי', '다화', '하이크비전', 'Хиквижн', 'تينسنت', '아이플라이텍', 'Квектел'];
	const {vendors} = parseInventory(`name\n${names.join('\n')}\n`, 'inventory.csv');
	const joined = new Map(curatedFindings(vendors, catalog.vendors).map(hit => [hit.vendor.name, hit.entry.id]));
	expect(Object.fromEntries(joined)).toEqual({
		화웨이: 'curated:huawei',
		ファーウェイ: 'curated:huawei',
		'شركة هواوي': 'curated:huawei',
		הואוויי: 'curated:huawei',
		다화: 'curated:dahua',
		하이크비전: 'curated:hikvision',
		Хиквижн: 'curated:hikvision',
		تينسنت: 'curated:tencent',
		아이플라이텍: 'curated:iflytek',
		Квектел: 'curated:quectel',
	});
});

test('a Hebrew vav inside a word is the vowel or the v the Latin spelling writes', () => {
	for (const [hebrew, latin] of [
		['יוסף', 'Yosef'],
		['שמעון', 'Shimon'],
	])
		expect(scoreNames(hebrew, latin).score, `${hebrew} / ${latin}`).toBeGreaterThanOrEqual(defaultThreshold);
	expect(normalizeName('הואוויי').tokens).toEqual(['howy']);
});

test('"company" in Arabic and Hebrew script, and Korean legal forms, are no words of the name', () => {
	expect(normalizeName('شركة هواوي').tokens).toEqual(normalizeName('هواوي').tokens);
	expect(normalizeName('חברת הואוויי').tokens).toEqual(normalizeName('הואוויי').tokens);
	expect(normalizeName('삼성전자 주식회사').tokens).toEqual(normalizeName('삼성전자').tokens);
	expect(normalizeName('(주)삼성전자').tokens).toEqual(normalizeName('삼성전자').tokens);
	expect(normalizeName('㈜삼성전자').tokens).toEqual(normalizeName('삼성전자').tokens);
});

test('a Cyrillic word meets a Latin one strongly only with five consonants in about as many letters', () => {
	expect(scoreNames('Хиквижн', 'Hikvision').score).toBeGreaterThanOrEqual(defaultThreshold);
	// The same consonants in a much longer Latin word stay an approximate pair.
	expect(scoreNames('Хиквижн', 'Hikaviisoaon').score).toBeLessThan(defaultThreshold);
});

test.each([
	['화웨이 테크놀로지스 주식회사', 'Huawei Technologies Co., Ltd.'],
	['ファーウェイ・テクノロジーズ株式会社', 'Huawei Technologies Co., Ltd.'],
	['شركة هواوي للتكنولوجيا المحدودة', 'Huawei Technologies Co., Ltd.'],
	// 日本 (Japan, "riben") is a place, as "Japan" is.
	['華為技術日本株式会社', 'Huawei Technologies Co., Ltd.'],
])('the full name %s, its descriptor written in its script, is %s', (native, latin) => {
	const {score, tokenScores} = scoreNames(native, latin);
	expect(score).toBeGreaterThanOrEqual(defaultThreshold);
	// The script's word for "technologies" pairs with the English one, at a generic word's weight.
	const technologies = tokenScores.find(token => token.b === 'technologies');
	expect(technologies?.a).toEqual(expect.any(String));
	expect(technologies?.score).toBeGreaterThan(0);
});

test('a generic word in another script does not make two brands one', () => {
	expect(scoreNames('화웨이 테크놀로지스', 'Dahua Technologies').score).toBeLessThan(defaultThreshold);
	expect(scoreNames('شركة هواوي للتكنولوجيا', 'Hikvision Technologies').score).toBeLessThan(defaultThreshold);
});

test('a Korean name with an ㅡ syllable closed by l after no stop stays syllables apart', () => {
	// 이슬기, "Lee Seul-gi": 슬 is s, not a stop before an l.
	expect(normalizeName('이슬기').tokens).toEqual(['i', 'seul', 'gi']);
	expect(normalizeName('아이플라이텍').tokens).toEqual(['aipeulraitek']);
});

test('創新 ("innovation") is a descriptor of its own, as 技術 is', () => {
	expect(normalizeName('大疆創新').tokens).toEqual(['dajiang', 'chuangxin']);
});

test('a Chinese company name opening with its city or province joins its brand: the place is a word of its own', () => {
	expect(normalizeName('北京旷视科技有限公司').tokens).toEqual(['beijing', 'kuangshi', 'keji']);
	expect(normalizeName('深圳市大疆创新科技有限公司').tokens).toEqual(['shenzhen', 'dajiang', 'chuangxin', 'keji']);
	// A place alone stays the name, and 中国 (China) stays on the brand it names.
	expect(normalizeName('北京').tokens).toEqual(['beijing']);
	expect(normalizeName('中国移动').tokens).toEqual(['zhongguoyidong']);
	const catalog = buildCatalog([{name: embeddedDatasetName, document: loadEmbeddedRecords()}]);
	const {vendors} = parseInventory('name\n北京旷视科技有限公司\n上海禾赛科技有限公司\n', 'inventory.csv');
	expect(curatedFindings(vendors, catalog.vendors).map(hit => [hit.vendor.name, hit.entry.id])).toEqual([
		['北京旷视科技有限公司', 'curated:megvii'],
		['上海禾赛科技有限公司', 'curated:hesai'],
	]);
});

test('an English business word transcribed onto a kana or Hangul brand is read apart, as that word', () => {
	expect(normalizeName('カスペルスキーラボ').tokens).toEqual(['kasuperusuki', 'laboratory']);
	expect(normalizeName('ソフトバンクグループジャパン').tokens).toEqual(['sofutobanku', 'group', 'japan']);
	expect(normalizeName('카스퍼스키랩').tokens).toEqual(['kaseupeoseuki', 'laboratory']);
	expect(normalizeName('화웨이코리아').tokens).toEqual(['hwa', 'we', 'i', 'korea']);
	// The word alone is that word; a brand that merely ends in its sounds is not cut ("ラボ" in "コラボ" is not "lab").
	expect(normalizeName('グループ').tokens).toEqual(['group']);
	expect(normalizeName('コラボ').tokens).toEqual(['korabo']);
	expect(normalizeName('삼성그룹').tokens).toEqual(['samseong', 'group']);
	// A one-syllable word needs three syllables before it: 스크랩 is "scrap".
	expect(normalizeName('스크랩').tokens).not.toContain('laboratory');
	// 市 opening 市场 (market) stays on its word.
	expect(normalizeName('上海市场').tokens).toEqual(['shanghai', 'shichang']);
	const catalog = buildCatalog([{name: embeddedDatasetName, document: loadEmbeddedRecords()}]);
	const {vendors} = parseInventory('name\nカスペルスキーラボ\n카스퍼스키랩\n', 'inventory.csv');
	expect(curatedFindings(vendors, catalog.vendors).map(hit => [hit.vendor.name, hit.entry.id])).toEqual([
		['カスペルスキーラボ', 'curated:kaspersky'],
		['카스퍼스키랩', 'curated:kaspersky'],
	]);
});
