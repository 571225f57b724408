// Words that say what kind of company a name belongs to, not which one. They
// are removed (legal forms, stop words) or down-weighted (weak words) so that
// "Huawei Technologies Co., Ltd." and "HUAWEI TECHNOLOGIES COMPANY LIMITED"
// compare on the words that identify the company.

/** Single-token legal forms, as they look after normalisation (lower case, dots removed). */
export const legalFormTokens: ReadonlySet<string> = new Set([
	// English and Commonwealth
	'inc',
	'incorporated',
	'llc',
	'ltd',
	'limited',
	'co',
	'corp',
	'corporation',
	'company',
	'cos',
	'llp',
	'lp',
	'plc',
	'pty',
	'pte',
	'pvt',
	'lc',
	'pllc',
	// German, Austrian, Swiss, Dutch, Belgian
	'gmbh',
	'ag',
	'kg',
	'kgaa',
	'ug',
	'ev',
	'bv',
	'nv',
	'vof',
	'cv',
	'bvba',
	'sprl',
	// Romance languages
	'sa',
	'sas',
	'sasu',
	'sarl',
	'srl',
	'spa',
	'sl',
	'sau',
	'ltda',
	'sca',
	'scs',
	'snc',
	'sapi',
	'eireli',
	'sccl',
	// Nordic
	'ab',
	'oy',
	'oyj',
	'as',
	'asa',
	'aps',
	'hf',
	'ehf',
	// Central and Eastern Europe (Czech/Slovak s.r.o., Polish, Hungarian, Balkan)
	'sro',
	'as',
	'zrt',
	'kft',
	'nyrt',
	'ad',
	'ead',
	'ood',
	'eood',
	'dd',
	'doo',
	'dooel',
	'sp',
	'spzoo',
	// Baltic: Lithuanian UAB (not Estonian OÜ: "ou" is also the Chinese surname Ou)
	'uab',
	// Albanian shpk (sh.p.k., legalFormPhrases)
	'shpk',
	// Russian and other post-Soviet forms (not 'pat', 'ip', 'too': a first name, an initialism, an English word)
	// (Latin spelling and transliterated Cyrillic ООО, АО, ЗАО, ПАО, ОАО)
	'ooo',
	'ao',
	'zao',
	'pao',
	'oao',
	'pjsc',
	'jsc',
	'ojsc',
	'cjsc',
	'tov',
	'prat',
	// aktsionerny kommercheski bank, "joint-stock commercial bank" (АКБ)
	'akb',
	// aktsionernaya kompaniya, "joint-stock company" (АК): two letters, so only at either end of a name
	'ak',
	// neftyanaya kompaniya, "oil company" (НК, "NK Rosneft"): two letters, so only at either end of a name
	'nk',
	// unitary enterprises, state-owned (УП, РУП, ГУП, ФГУП, МУП, FSUE): Belarusian and Russian; "ue" only at either end
	'ue',
	'rup',
	'gup',
	'fgup',
	'mup',
	'fsue',
	// Asia and elsewhere
	'kk',
	'gk',
	'yk',
	'bhd',
	'sdn',
	'tbk',
	'jsc',
	'fze',
	'fzco',
	'fzc',
	'fzllc',
	'wll',
	'saog',
	'saoc',
	// Vietnamese trách nhiệm hữu hạn, "limited liability"
	'tnhh',
	// societe anonyme libanaise, Lebanon's joint-stock company (S.A.L.; endOnlyLegalForms)
	'sal',
	'ae',
	'epe',
	'ike',
	'osakeyhtio',
	'aktiebolag',
	'aktiengesellschaft',
	'kommanditgesellschaft',
	// "Company" and "limited" in Arabic, Persian and Hebrew script, as the normaliser romanises them: شركة, شركت, المحدودة
	// (its article apart), חברת, חברה
	'shrkh',
	'shrkt',
	'mhdwdh',
	'khbrt',
	'khbrh',
]);

/**
 * Legal forms that are also words or name parts ("sal" is salt and a given name) and are written
 * after the name: they go only from its end ("SAL Holding S.A.L." keeps its first word).
 */
export const endOnlyLegalForms: ReadonlySet<string> = new Set(['sal']);

/** Every sequence taking one word from each slot: the spellings of one legal form. */
function spellings(slots: readonly (readonly string[])[]): string[][] {
	return slots.reduce<string[][]>(
		(phrases, slot) => phrases.flatMap(phrase => slot.map(word => (word ? [...phrase, word] : phrase))),
		[[]],
	);
}

// Russian "(public / non-public / closed / open) joint-stock company" and "limited
// liability company" as the lists transliterate them (GOST, BGN/PCGN, passport and
// the transliteration library's forms: -oe/-oye, -oi/-oy/-oj, -yu/-iu/-ju, shch/sch).
const russianSociety = ['obshchestvo', 'obschestvo', 'obshestvo'];
const russianForms = [
	...spellings([
		['', 'publichnoe', 'nepublichnoe', 'zakrytoe', 'otkrytoe', 'zakrytoye', 'otkrytoye', 'publichnoye'],
		['aktsionernoe', 'akcionernoe', 'aktsionernoye', 'aktsionernoje'],
		russianSociety,
	]),
	...spellings([
		russianSociety,
		['s'],
		['ogranichennoi', 'ogranichennoy', 'ogranichennoj'],
		['otvetstvennostyu', 'otvetstvennostiu', 'otvetstvennostju'],
	]),
];

/**
 * Multi-token legal forms, removed as whole sequences before single tokens, longest
 * first: "publichnoe aktsionernoe obshchestvo" must go whole, not leave "publichnoe".
 */
export const legalFormPhrases: readonly (readonly string[])[] = [
	...russianForms,
	['public', 'joint', 'stock', 'company'],
	['closed', 'joint', 'stock', 'company'],
	['open', 'joint', 'stock', 'company'],
	['joint', 'stock', 'company'],
	['limited', 'liability', 'company'],
	['limited', 'liability', 'partnership'],
	['private', 'limited'],
	['public', 'limited', 'company'],
	['aktsionernoe', 'obshchestvo'],
	['publichnoe', 'aktsionernoe', 'obshchestvo'],
	['zakrytoe', 'aktsionernoe', 'obshchestvo'],
	['otkrytoe', 'aktsionernoe', 'obshchestvo'],
	['obshchestvo', 's', 'ogranichennoy', 'otvetstvennostyu'],
	['obshchestvo', 's', 'ogranichennoi', 'otvetstvennostiu'],
	['kabushiki', 'kaisha'],
	['kabushiki', 'gaisha'],
	['yugen', 'kaisha'],
	['societe', 'anonyme'],
	['sociedad', 'anonima'],
	['sociedad', 'limitada'],
	['societa', 'per', 'azioni'],
	['sp', 'z', 'o', 'o'],
	['sp', 'z', 'oo'],
	['s', 'de', 'rl'],
	['sa', 'de', 'cv'],
	// Albanian sh.p.k., its dotted letters read as "sh pk"
	['sh', 'pk'],
	// Turkish limited şirketi, as "Ltd. Şti." and written out
	['ltd', 'sti'],
	['limited', 'sirketi'],
	['co', 'ltd'],
	// المحدودة, "the limited", its article romanised apart
	['al', 'mhdwdh'],
	// "Limited liability company" and "joint-stock company" in the languages the EU
	// lists publish every name in (as the normaliser romanises them)
	['etairia', 'periorismenis', 'efthynis'],
	['etaireia', 'periorismenis', 'efthynis'],
	['anonymi', 'etaireia'],
	['anonymi', 'etairia'],
	['idiotiki', 'kefalaiouhiki', 'etaireia'],
	['idiotiki', 'kefalaiouhiki', 'etairia'],
	['tavarystva', 'z', 'abmezhavanay', 'adkaznascyu'],
	['tovaristvo', 'z', 'obmezhenoyu', 'vidpovidalnistyu'],
	['druzhestvo', 's', 'ogranichena', 'otgovornost'],
	['sociedad', 'responsabilidad', 'limitada'],
	['sociedad', 'de', 'responsabilidad', 'limitada'],
	['chuideachta', 'theoranta'],
	['spolecnost', 's', 'rucenim', 'omezenym'],
	['spolocnost', 's', 'rucenim', 'obmedzenym'],
	['societatea', 'cu', 'raspundere', 'limitata'],
	['druzba', 'z', 'omejeno', 'odgovornostjo'],
	['spolka', 'z', 'ograniczona', 'odpowiedzialnoscia'],
	['gesellschaft', 'mit', 'beschrankter', 'haftung'],
	['societe', 'responsabilite', 'limitee'],
	['societa', 'responsabilita', 'limitata'],
	['sociedade', 'limitada'],
	['besloten', 'vennootschap'],
	['naamloze', 'vennootschap'],
	['akcionernoe', 'obshchestvo'],
	['publichnoe', 'akcionernoe', 'obshchestvo'],
	['zakrytoe', 'akcionernoe', 'obshchestvo'],
	['otkrytoe', 'akcionernoe', 'obshchestvo'],
].sort((a, b) => b.length - a.length);

/** Words that carry no identity. "group" is NOT here: it is part of names such as "NSO Group", and weak words handle it. */
export const stopWords: ReadonlySet<string> = new Set([
	'the',
	'of',
	'and',
	'for',
	'a',
	'an',
	'de',
	'del',
	'la',
	'le',
	'les',
	'der',
	'die',
	'das',
	'und',
	'et',
	'y',
]);

/**
 * Descriptive words that appear in thousands of company names. They stay in the
 * normalised name (a reviewer wants to see them, and they still separate
 * "China Mobile" from "China Mobile Technology"), but count for less in scoring,
 * so sharing one is weak evidence and missing one is a small penalty.
 * The pinyin entries are the Chinese descriptors split off by the normaliser.
 */
export const weakWords: ReadonlySet<string> = new Set([
	'group',
	'holding',
	'holdings',
	'international',
	'technology',
	'technologies',
	'tech',
	'industries',
	'industry',
	'industrial',
	'trading',
	'trade',
	'services',
	'service',
	'solutions',
	'systems',
	'global',
	'enterprises',
	'enterprise',
	'network',
	'networks',
	'communications',
	'communication',
	'electronics',
	'electronic',
	'manufacturing',
	'science',
	'sciences',
	'research',
	'institute',
	'development',
	'investment',
	'engineering',
	'digital',
	'information',
	'software',
	'products',
	'partners',
	'consulting',
	// Generic trade descriptors: without these, "King Construction" scored 0.80 against
	// "Bipe Construction" because the long shared word outweighs the short distinctive one.
	'construction',
	'supplies',
	'supply',
	'logistics',
	'marketing',
	'media',
	'design',
	'energy',
	'telecom',
	'freight',
	'packaging',
	'printing',
	'catering',
	'cleaning',
	'security',
	'staffing',
	'legal',
	'accounting',
	'insurance',
	'plumbing',
	'electrical',
	'furniture',
	'textiles',
	'pharma',
	'biotech',
	'solar',
	'data',
	'cloud',
	'hosting',
	'payments',
	'travel',
	'events',
	'training',
	'translations',
	'laboratory',
	'equipment',
	'materials',
	'machinery',
	'transport',
	'shipping',
	'import',
	'export',
	'resources',
	'capital',
	'management',
	'jishu',
	'keji',
	'tongxin',
	'tongxun',
	'shuzi',
	'xinxi',
	'chanye',
	'dianzi',
	'wangluo',
	'ruanjian',
]);

/** Abbreviations folded to the word they stand for, so "SEMICONDUCTOR MFG INTL" meets "Semiconductor Manufacturing International". */
export const abbreviations: ReadonlyMap<string, string> = new Map([
	['intl', 'international'],
	['mfg', 'manufacturing'],
	// "Kaspersky Lab" vs the romanised «Лаборатория Касперского» ("laboratoriya"): a
	// 3-letter token must match exactly, so the short form is expanded.
	['lab', 'laboratory'],
	['labs', 'laboratory'],
	['laboratories', 'laboratory'],
	// Contractions of business words, written without their vowels, and ordinals in digits: no word of their
	// own, so each is always the word it stands for ("Dalian Shipbldg" is Dalian Shipbuilding).
	['natl', 'national'],
	['bldg', 'building'],
	['shipbldg', 'shipbuilding'],
	['hldg', 'holding'],
	['hldgs', 'holdings'],
	['mgmt', 'management'],
	['mktg', 'marketing'],
	['svc', 'service'],
	['svcs', 'services'],
	['engg', 'engineering'],
	['eqpt', 'equipment'],
	['govt', 'government'],
	['grp', 'group'],
	['assn', 'association'],
	['dept', 'department'],
	['mfr', 'manufacturer'],
	['mfrs', 'manufacturers'],
	['1st', 'first'],
	['2nd', 'second'],
	['3rd', 'third'],
	['4th', 'fourth'],
	['5th', 'fifth'],
]);

/**
 * Chinese and Japanese legal forms, removed from runs of Han characters before
 * romanisation (longest first). Taiwan and Hong Kong write the traditional
 * characters (有限責任公司, 集團), which romanise the same.
 */
export const hanLegalForms: readonly string[] = [
	'股份有限公司',
	'有限责任公司',
	'有限責任公司',
	'有限公司',
	'株式会社',
	'株式會社',
	'有限会社',
	'有限會社',
	'集团',
	'集團',
	'控股',
	'股份',
	'公司',
];

/**
 * Korean legal forms, removed from a name before its Hangul is romanised (longest first): written
 * before or after the name (주식회사, "stock company", 유한회사, "limited company"), or abbreviated
 * in brackets ((주), ㈜).
 */
export const hangulLegalForms: readonly string[] = ['유한책임회사', '주식회사', '유한회사', '합자회사', '합명회사', '(주)', '(유)', '㈜'];

/**
 * Chinese descriptors split off as their own (weak) words, so 华为技术 becomes "huawei
 * jishu", not "huaweijishu"; in simplified and traditional characters (華為技術 is
 * the same name), and Taiwan's own words for information and software (資訊, 軟體).
 */
/**
 * English business words as katakana and Hangul transcribe them, written onto the brand they follow
 * (カスペルスキーラボ is Kaspersky Lab, ソフトバンクグループ SoftBank Group, 화웨이코리아 Huawei Korea): split off the end
 * of a run and read as the English word itself, which the list's Latin name writes.
 */
// prettier-ignore
export const kanaDescriptors: Readonly<Record<string, string>> = {
	グループ: 'group', ホールディングス: 'holdings', テクノロジーズ: 'technologies', テクノロジー: 'technology',
	インターナショナル: 'international', システムズ: 'systems', システム: 'system', エレクトロニクス: 'electronics',
	コミュニケーションズ: 'communications', ネットワークス: 'networks', ネットワーク: 'network', ソリューションズ: 'solutions',
	ラボ: 'lab', ラボラトリー: 'laboratory', ジャパン: 'japan', コリア: 'korea', コーポレーション: 'corporation', カンパニー: 'company',
	セキュリティ: 'security', ソフトウェア: 'software', エンジニアリング: 'engineering', デジタル: 'digital', モバイル: 'mobile',
	テレコム: 'telecom',
};

// prettier-ignore
export const hangulDescriptors: Readonly<Record<string, string>> = {
	그룹: 'group', 홀딩스: 'holdings', 테크놀로지스: 'technologies', 테크놀로지: 'technology', 인터내셔널: 'international',
	시스템즈: 'systems', 시스템: 'system', 일렉트로닉스: 'electronics', 커뮤니케이션즈: 'communications', 네트웍스: 'networks',
	네트워크스: 'networks', 네트워크: 'network', 솔루션즈: 'solutions', 솔루션: 'solution', 랩: 'lab', 코리아: 'korea', 재팬: 'japan',
	코퍼레이션: 'corporation', 컴퍼니: 'company', 시큐리티: 'security', 소프트웨어: 'software', 엔지니어링: 'engineering',
	디지털: 'digital', 모바일: 'mobile', 텔레콤: 'telecom',
};

/**
 * Chinese provinces and cities that open most Chinese company names, in simplified and traditional
 * characters (北京旷视科技 is Beijing Megvii Technology, 上海禾赛 Shanghai Hesai): split off as words of
 * their own, with a 市 (city) or 省 (province) after them dropped, so that the brand stands alone, as
 * its Latin spelling writes it. Their pinyin are geographic words (generic-words.ts). 中国 stays on the
 * brand: "China" is part of names such as 中国移动, China Mobile.
 */
// prettier-ignore
export const hanPlaceNames: readonly string[] = [
	'北京', '上海', '天津', '重庆', '重慶', '深圳', '广州', '廣州', '广东', '廣東', '杭州', '浙江', '江苏', '江蘇', '南京', '苏州',
	'蘇州', '无锡', '無錫', '宁波', '寧波', '武汉', '武漢', '湖北', '湖南', '长沙', '長沙', '成都', '四川', '西安', '陕西', '陝西',
	'山东', '山東', '青岛', '青島', '大连', '大連', '哈尔滨', '哈爾濱', '合肥', '安徽', '福建', '厦门', '廈門', '东莞', '東莞', '珠海',
	'新疆', '香港', '澳门', '澳門',
];

// prettier-ignore
export const hanDescriptors: readonly string[] = [
	'技术', '技術', '科技', '通信', '通讯', '通訊', '数字', '數字', '信息', '資訊', '产业', '產業', '电子', '電子', '网络', '網絡',
	'網路', '软件', '軟件', '軟體', '创新', '創新',
];
