import fc from 'fast-check';
import {describe, expect, test} from 'vitest';
import {normalizeName, scoreNames} from '../../source/screening/index.js';

const normalized = (name: string, kind?: 'entity' | 'person'): string => normalizeName(name, {kind}).normalized;

describe('normalizeName', () => {
	test('folds case, strips diacritics and removes punctuation', () => {
		expect(normalized('Société Générale — Crédit, Ärzte & Co-op!')).toBe('societe generale credit arzte co op');
	});

	test.each([
		['Huawei Technologies Co., Ltd.', 'huawei technologies'],
		['Acme Inc.', 'acme'],
		['Acme Corporation', 'acme'],
		['Müller GmbH & Co. KG', 'muller'],
		['Siemens AG', 'siemens'],
		['Renault S.A.', 'renault'],
		['Fiat S.p.A.', 'fiat'],
		['Skoda Auto a.s.', 'skoda auto'],
		['Kovo s.r.o.', 'kovo'],
		['Philips N.V.', 'philips'],
		['Booking Holdings B.V.', 'booking holdings'],
		['Volvo AB', 'volvo'],
		['Nokia Oyj', 'nokia'],
		['Toshiba K.K.', 'toshiba'],
		['BHP Pty Ltd', 'bhp'],
		['Pozitiv Teknolodzhiz, AO', 'pozitiv teknolodzhiz'],
		['OOO Kaspersky Group', 'kaspersky group'],
		['PJSC Rostelecom', 'rostelecom'],
		['Aktsionernoe Obshchestvo Pozitiv Teknolodzhiz', 'pozitiv teknolodzhiz'],
		['ZAO Example', 'example'],
		['AK Example Neft OAO', 'example neft'],
		['Example Limited Liability Company', 'example'],
	])('removes the legal form from %s', (name, expected) => {
		expect(normalized(name)).toBe(expected);
	});

	test('removes Cyrillic legal forms after transliteration', () => {
		expect(normalized('ООО «Рога и копыта»')).toBe('roga i kopyta');
		expect(normalized('ПАО Сбербанк')).toBe('sberbank');
	});

	test('removes Chinese legal forms and joins the syllables of a brand', () => {
		expect(normalized('华为技术有限公司')).toBe('huawei jishu');
		expect(normalized('中兴通讯股份有限公司')).toBe('zhongxing tongxun');
		expect(normalized('中国移动通信集团有限公司')).toBe('zhongguoyidong tongxin');
	});

	test('reads traditional characters as the simplified ones: the same legal forms and descriptors go', () => {
		expect(normalized('華為技術有限公司')).toBe(normalized('华为技术有限公司'));
		expect(normalized('中華電信股份有限公司')).toBe('zhonghuadianxin');
		expect(normalized('宏碁資訊軟體有限責任公司')).toBe('hongqi zixun ruanti');
	});

	test("romanises kana without katakana's long-vowel mark, as Latin spellings write it", () => {
		expect(normalized('ソニー')).toBe('soni');
		expect(normalized('カスペルスキー')).toBe('kasuperusuki');
	});

	test('transliterates Greek', () => {
		expect(normalized('Ελληνική Εταιρεία Α.Ε.')).toBe('elliniki etaireia');
	});

	test('keeps two-letter legal forms that sit inside a name', () => {
		expect(normalized('Ling Ao Electronic Technology Co., Ltd.')).toBe('ling ao electronic technology');
		expect(normalized('Example Ak Bulak Trading')).toBe('example ak bulak trading');
	});

	test("drops Lebanon's S.A.L. written after a name, and keeps the word Sal elsewhere", () => {
		expect(normalized('LAMA FOODS INTERNATIONAL OFFSHORE S.A.L.')).toBe('lama foods international offshore');
		expect(normalized('Jammal Trust Bank SAL')).toBe('jammal trust bank');
		expect(normalized('SAL Holding S.A.L.')).toBe('sal holding');
		expect(normalized('Banco Sal Marinha')).toBe('banco sal marinha');
		expect(scoreNames('LAMA FOODS INTERNATIONAL S.A.R.L.', 'LAMA FOODS INTERNATIONAL S.A.L.').score).toBe(1);
	});

	test('drops Lithuanian, Albanian, Turkish and Vietnamese legal forms and the НК of a Russian oil company', () => {
		expect(normalized('UAB Baltic Freight')).toBe('baltic freight');
		expect(normalized('Mavi Deniz Ltd. Şti.')).toBe('mavi deniz');
		expect(normalized('Viet Phat Company TNHH')).toBe('viet phat');
		expect(normalized('Adriatik Sh.p.k.')).toBe('adriatik');
		expect(normalized('NK Rosneft')).toBe('rosneft');
		// Not Estonian OÜ: "ou" is also the Chinese surname Ou.
		expect(normalized('Wei Ou')).toBe('wei ou');
	});

	test('reads contractions of business words and ordinals in digits as the words they stand for', () => {
		expect(normalized('Dalian Shipbldg Hldgs Co.')).toBe('dalian shipbuilding holdings');
		expect(normalized('China Natl Eqpt Mfr Grp')).toBe('china national equipment manufacturer group');
		expect(scoreNames('1st Bank of Iran', 'First Bank of Iran').score).toBe(1);
		expect(scoreNames('Jinan Mgmt Svcs', 'Jinan Management Services').score).toBe(1);
	});

	test('keeps "a" as a letter of a spelled-out initialism, and drops it as an article', () => {
		expect(normalized('I A C International Inc.')).toBe('i a c international');
		expect(normalized('Bank of A Nation')).toBe('bank nation');
		expect(scoreNames('I A C International Inc.', 'IAC International').score).toBeGreaterThanOrEqual(0.8);
	});

	test('keeps a name made only of noise words rather than erasing it', () => {
		expect(normalized('The Company')).toBe('the company');
	});

	test("a person's dotted letters are initials, an organisation's one abbreviation", () => {
		expect(normalized('PUTIN, V.V.', 'person')).toBe('v v putin');
		expect(normalized('Z.T.E. Corporation')).toBe('zte');
		// Honorifics stay one word: "H.E." is no pair of initials.
		expect(normalized('H.E. Fahd Al-Rasheed', 'person')).toBe('he fahd al rasheed');
	});

	test('reorders "LAST, First" person names', () => {
		expect(normalized('LOGAN MOREY, Elvis Angus', 'person')).toBe('elvis angus logan morey');
	});

	test('does not remove legal-form lookalikes from person names', () => {
		expect(normalized('SA, Ao', 'person')).toBe('ao sa');
	});

	test('folds Russian declension so the genitive meets the brand', () => {
		expect(normalized('Лаборатория Касперского')).toBe('laboratoriya kasperskiy');
		expect(normalized('АО «Лаборатория Касперского»')).toBe('laboratoriya kasperskiy');
	});

	test('joins apostrophes and the "?" that replaced them upstream', () => {
		expect(normalized("Xi?an O'Brien")).toBe('xian obrien');
	});

	test('reads an English possessive as the word itself, whichever apostrophe it is written with', () => {
		expect(normalized("Egypt's Soldiers")).toBe('egypt soldiers');
		expect(normalized('Queen’s Example Holdings')).toBe('queen example holdings');
		// Not a possessive: an apostrophe followed by more than an s.
		expect(normalized("Ma'soud Trading")).toBe('masoud trading');
	});

	test('returns distinct tokens', () => {
		expect(normalizeName('Huawei Technologies Co., Ltd. (Huawei)').tokens).toEqual(['huawei', 'technologies']);
	});

	test('is idempotent for any text', () => {
		const alphabet = fc.constantFrom(..."abc XYZ,.&-'()éüßøЛабКсЖΩλ华为有限公司 ltd co sa ao gmbh inc of the".split(''));
		const words = fc.constantFrom(
			'Ltd',
			'Co.',
			'S.A.',
			'AO',
			'ООО',
			'and',
			'the',
			'GmbH',
			'Kaspersky',
			'Касперского',
			'有限公司',
			'sp',
			'z',
			'o',
			'Joint',
			'Stock',
			'Company',
			'A/S',
			'&',
		);
		const names = fc.oneof(
			fc.string(),
			fc.string({unit: alphabet, maxLength: 40}),
			fc.array(words, {maxLength: 8}).map(parts => parts.join(' ')),
		);
		fc.assert(
			fc.property(names, fc.constantFrom('entity' as const, 'person' as const), (name, kind) => {
				const once = normalizeName(name, {kind});
				const twice = normalizeName(once.normalized, {kind});
				// Which tokens were romanised is a fact about the original text, so only the form is compared.
				expect({normalized: twice.normalized, tokens: twice.tokens}).toEqual({normalized: once.normalized, tokens: once.tokens});
			}),
			{numRuns: 2_000, seed: 42},
		);
	});
});
