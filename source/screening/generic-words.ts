// Words that say what kind of company a name belongs to, or where it is, but not
// which one: "technology", "international", "americas", "beijing", and their
// transliterations ("tekhnologii", "keji"). Frequency over the loaded lists finds
// most of them too (token-weights.ts), but a small list or a single comparison
// (`vendor-risk match`) has no statistics, so the common ones are named here.
// They stay in the normalised name and still count, at a fraction of a distinctive word.
import {weakWords} from './legal-forms.js';
import {russianCognates} from './russian-generic-words.js';

// prettier-ignore
const business = [
	// English
	'group', 'groups', 'holding', 'holdings', 'international', 'intl', 'global', 'worldwide', 'world', 'universal', 'general',
	'national', 'united', 'union', 'federal', 'federation', 'central', 'state', 'public', 'joint', 'stock', 'new', 'first', 'one',
	'technology', 'technologies', 'tech', 'techs', 'science', 'sciences', 'scientific', 'research', 'institute', 'academy',
	'university', 'college', 'center', 'centre', 'laboratory', 'development', 'innovation', 'innovations', 'advanced',
	'industry', 'industries', 'industrial', 'manufacturing', 'manufacturer', 'factory', 'works', 'plant', 'production',
	'trading', 'trade', 'traders', 'commerce', 'commercial', 'import', 'export', 'exports', 'imports', 'supply', 'supplies',
	'services', 'service', 'solutions', 'solution', 'systems', 'system', 'products', 'product', 'partners', 'associates',
	'consulting', 'consultants', 'management', 'enterprises', 'enterprise', 'ventures', 'venture', 'capital', 'investment',
	'investments', 'finance', 'financial', 'bank', 'banking', 'insurance', 'fund', 'trust', 'securities', 'assets', 'equity',
	'funds', 'asset', 'lending', 'loans', 'leasing', 'mortgage', 'brokerage', 'wealth',
	'network', 'networks', 'communications', 'communication', 'telecom', 'telecommunications', 'telecommunication', 'mobile',
	'wireless', 'cellular', 'electronics', 'electronic', 'electric', 'electrical', 'digital', 'information', 'data',
	'software', 'computer', 'computers', 'computing', 'internet', 'online', 'media', 'cloud', 'semiconductor', 'semiconductors',
	'devices', 'device', 'equipment', 'machinery', 'machine', 'machines', 'materials', 'material', 'instruments', 'components',
	'engineering', 'construction', 'design', 'energy', 'power', 'oil', 'gas', 'petroleum', 'chemical', 'chemicals', 'metals',
	'mining', 'steel', 'shipping', 'marine', 'maritime', 'shipbuilding', 'aviation', 'aerospace', 'airlines', 'air', 'logistics',
	'transport', 'transportation', 'freight', 'express', 'resources', 'medical', 'pharmaceutical', 'pharmaceuticals', 'pharma',
	'health', 'healthcare', 'biotech', 'security', 'defense', 'defence', 'motors', 'automotive', 'auto', 'agency', 'office',
	'bureau', 'department', 'ministry', 'organization', 'organisation', 'association', 'foundation', 'council', 'committee',
	'company', 'companies', 'firm', 'brands', 'store', 'stores', 'shop', 'market', 'markets', 'retail', 'foods', 'food',
	'marketing', 'logistic', 'projects', 'project', 'real', 'estate', 'properties', 'property', 'realty', 'hotel', 'hotels',
	'news', 'press', 'publishing', 'broadcasting', 'television', 'radio', 'studio', 'studios', 'entertainment', 'games',
	'banco', 'banca', 'banque', 'bancorp', 'credit', 'exchange', 'payment', 'payments', 'labs', 'lab', 'offshore',
	// Russian and Ukrainian, transliterated
	'gruppa', 'kompaniya', 'kompaniia', 'mezhdunarodnaya', 'mezhdunarodnyi', 'tekhnologii', 'tekhnologiya', 'tekhnolodzhiz',
	'torgovyi', 'torgovaya', 'torgovyy', 'promyshlennaya', 'promyshlennyi', 'zavod', 'kombinat', 'obedinenie', 'obyedineniye',
	'nauchno', 'issledovatelskii', 'issledovatelskiy', 'institut', 'tsentr', 'tsentralnyi', 'federalnoe', 'gosudarstvennoe',
	'unitarnoe', 'predpriyatie', 'predpriyatiye', 'bank', 'investitsionnaya', 'energo', 'neft', 'gaz', 'telekom', 'sistemy',
	'servis', 'trading', 'rossiiskaya', 'rossiyskaya', 'russkaya', 'moskovskii', 'moskovskiy', 'natsionalnyi', 'obshchestvo',
	// Chinese (pinyin), split off by the normaliser
	'jishu', 'keji', 'tongxin', 'tongxun', 'shuzi', 'xinxi', 'chanye', 'dianzi', 'wangluo', 'ruanjian', 'youxian', 'gongsi',
	'jituan', 'konggu', 'guoji', 'maoyi', 'gufen', 'zixun', 'ruanti', 'wanglu', 'zhongguo', 'zhonghua', 'yidong', 'dianxin', 'liantong', 'kexue', 'yanjiu',
	'yanjiusuo', 'gongye', 'shiye', 'fazhan', 'touzi', 'jinrong', 'yinhang', 'nengyuan', 'zhineng', 'zhizao', 'chuangxin',
	// Persian and Arabic, transliterated
	'sherkat', 'sharikat', 'sanaye', 'sanaat', 'tejarat', 'bazargani', 'mohandesi', 'markaz', 'muassasat', 'moassese',
	'bonyad', 'shirkat',
	// Arabic مؤسسة ("establishment"), as the normaliser romanises it; the generic words of other scripts that have an
	// English counterpart are transcribedCognates
	'mussh',
	// Prepositions the lists keep inside names ("General in the War on Terrorism", "Bank for Trade in Asia"): the normaliser drops
	// only "of", "the", "and", "for"; the others join words, they name nothing
	'in', 'on', 'at', 'to', 'by', 'with', 'from', 'en', 'et', 'und', 'im', 'fur', 'pour', 'per', 'por', 'po', 'za', 'pri',
	// Particles of personal names: they join a name, they do not identify one
	'al', 'el', 'ul', 'ad', 'ud', 'bin', 'ben', 'ibn', 'bint', 'ould', 'abu', 'abou', 'abd', 'abdel', 'abdul', 'van', 'von', 'da',
	'di', 'dos', 'du',
	// German, French, Spanish, Italian, Portuguese
	'gesellschaft', 'handel', 'handels', 'technik', 'industrie', 'technologie', 'technologien', 'internationale', 'groupe',
	'societe', 'compagnie', 'entreprise', 'industria', 'industrias', 'tecnologia', 'tecnologias', 'internacional', 'grupo',
	'comercial', 'servicios', 'sistemas', 'compania', 'empresa', 'gruppo', 'societa', 'nazionale', 'nacional',
];

// prettier-ignore
const geographic = [
	// Regions and directions
	'america', 'americas', 'american', 'asia', 'asian', 'pacific', 'europe', 'european', 'euro', 'africa', 'african', 'atlantic',
	'middle', 'east', 'eastern', 'west', 'western', 'north', 'northern', 'south', 'southern', 'far', 'gulf', 'arab', 'arabian',
	'latin', 'nordic', 'baltic', 'caspian', 'oriental', 'overseas', 'continental', 'greater', 'region', 'regional', 'city',
	// Countries and their adjectives, in the lists' main languages
	'china', 'chinese', 'prc', 'russia', 'russian', 'rossii', 'rossiya', 'ussr', 'sssr', 'soviet', 'iran', 'iranian', 'persian', 'korea', 'korean',
	'dprk', 'syria', 'syrian', 'iraq', 'iraqi', 'cuba', 'cuban', 'venezuela', 'belarus', 'belarusian', 'ukraine', 'ukrainian',
	'usa', 'us', 'uk', 'britain', 'british', 'england', 'canada', 'canadian', 'germany', 'german', 'france', 'french', 'japan',
	'japanese', 'india', 'indian', 'pakistan', 'turkey', 'turkish', 'emirates', 'uae', 'dubai', 'israel', 'israeli', 'lebanon',
	'hong', 'kong', 'hk', 'macau', 'macao', 'taiwan', 'singapore', 'malaysia', 'thailand', 'vietnam', 'indonesia',
	'afghanistan', 'yemen', 'libya', 'sudan', 'myanmar', 'burma', 'kazakhstan', 'uzbekistan', 'armenia', 'georgia', 'cyprus',
	'netherlands', 'holland', 'dutch', 'swiss', 'switzerland', 'italy', 'italian', 'spain', 'spanish', 'mexico', 'brazil',
	'australia', 'australian', 'pakistani', 'afghan', 'yemeni', 'libyan', 'sudanese', 'lebanese', 'saudi', 'emirati', 'qatari',
	'kuwaiti', 'bahraini', 'omani', 'jordanian', 'egypt', 'egyptian', 'palestinian', 'palestine', 'kazakh', 'uzbek', 'tajik',
	'kyrgyz', 'turkmen', 'azerbaijani', 'armenian', 'georgian', 'moldovan', 'serbian', 'bulgarian', 'romanian', 'polish',
	'venezuelan', 'nicaraguan', 'colombian', 'mexican', 'brazilian', 'burmese', 'vietnamese', 'malaysian', 'indonesian',
	'thai', 'singaporean', 'taiwanese', 'somali', 'eritrean', 'ethiopian', 'nigerian', 'malian', 'zimbabwean', 'congolese',
	// Countries and places in pinyin, as a Chinese or Japanese name writes them in characters (日本, 美国, 香港)
	'riben', 'meiguo', 'yingguo', 'deguo', 'faguo', 'hanguo', 'eluosi', 'xianggang', 'aomen', 'xinjiapo', 'nihon', 'nippon',
	// Cities and provinces that name many listed companies
	'beijing', 'shanghai', 'shenzhen', 'guangzhou', 'guangdong', 'hangzhou', 'zhejiang', 'jiangsu', 'nanjing', 'wuhan', 'hubei',
	'tianjin', 'chengdu', 'sichuan', 'chongqing', 'xian', 'shaanxi', 'shandong', 'qingdao', 'dalian', 'harbin', 'changsha',
	'hunan', 'hefei', 'anhui', 'fujian', 'xiamen', 'suzhou', 'wuxi', 'ningbo', 'dongguan', 'zhuhai', 'xinjiang', 'tibet',
	'moscow', 'moskva', 'petersburg', 'sankt', 'saint', 'st', 'novosibirsk', 'yekaterinburg', 'kazan', 'crimea', 'sevastopol',
	'minsk', 'kiev', 'kyiv', 'tehran', 'teheran', 'isfahan', 'mashhad', 'tabriz', 'shiraz', 'damascus', 'aleppo', 'baghdad', 'beirut',
	'pyongyang', 'havana', 'caracas', 'karachi', 'lahore', 'istanbul', 'ankara', 'abu', 'dhabi', 'sharjah', 'doha', 'london',
	'new', 'york', 'california', 'texas', 'delaware', 'berlin', 'paris', 'tokyo', 'osaka', 'seoul',
	// The same Chinese places in their postal and Wade-Giles spellings, still in older and Taiwanese names
	'peking', 'peiching', 'nanking', 'chungking', 'tientsin', 'tsingtao', 'canton', 'kwangtung', 'kwangchow', 'hangchow',
	'chekiang', 'kiangsu', 'hupeh', 'szechwan', 'szechuan', 'shantung', 'shensi', 'fukien', 'amoy', 'soochow', 'sinkiang',
	'anhwei',
];

// Generic words as company names abbreviate them ("Positive Tech", "Natl Iranian Oil",
// "ABC Hldgs"). Not expanded when a name is normalised, as "intl" and "mfg" are
// (legal-forms.ts): "Dahua Tech" must still meet "Dahuatech" by its letters. Short
// forms that are also words of their own ("eng") are left out; "dev" is also a given name, but a name's
// own words are exact on both sides, and the short forms are generic (below), so "Dev" meets "Development"
// only beside other words that agree.
// prettier-ignore
const abbreviated: ReadonlyArray<readonly [readonly string[], readonly string[]]> = [
	[['tech', 'techs'], ['technology', 'technologies', 'technical', 'technik', 'technologie', 'tecnologia']],
	[['natl'], ['national', 'nationale', 'nacional', 'nazionale']],
	[['svc', 'svcs'], ['service', 'services']],
	[['sys'], ['system', 'systems']],
	[['grp'], ['group', 'groups']],
	[['hldg', 'hldgs'], ['holding', 'holdings']],
	[['mgmt', 'mgt'], ['management']],
	[['univ'], ['university']],
	[['inst'], ['institute', 'institution']],
	[['assn', 'assoc'], ['association', 'associates']],
	[['elec'], ['electronics', 'electronic', 'electric', 'electrical']],
	[['engg', 'engr'], ['engineering']],
	[['inds', 'indus'], ['industries', 'industry', 'industrial']],
	[['comm', 'comms'], ['communications', 'communication']],
	[['telecom', 'telecoms'], ['telecommunications', 'telecommunication']],
	[['pharm', 'pharma'], ['pharmaceutical', 'pharmaceuticals']],
	[['chem'], ['chemical', 'chemicals']],
	[['sci'], ['science', 'sciences', 'scientific']],
	[['govt'], ['government']],
	[['dept'], ['department']],
	[['bros'], ['brothers']],
	[['dev', 'devt', 'devel'], ['development', 'developments']],
];

// One generic word in two languages or two renderings: the lists translate "narodny", "populaire" and "sha'bi" as
// "people's" or "popular", write "money changers" and "money exchangers", and name a capital in English or its own
// language (Moscow and Moskva, declined, are russian-generic-words.ts's).
// prettier-ignore
const sameMeaning: ReadonlyArray<readonly string[]> = [
	['people', 'peoples', 'popular'],
	['changer', 'changers', 'exchanger', 'exchangers'],
	['belgrade', 'beograd'], ['warsaw', 'warszawa'], ['prague', 'praha'], ['vienna', 'wien'], ['bucharest', 'bucuresti'],
	['kishinev', 'chisinau'], ['tashkent', 'toshkent'], ['kiev', 'kyiv'],
];

// Generic words as Chinese, Arabic, Persian and Hebrew write them, as the normaliser romanises them (Chinese
// descriptors in pinyin, an abjad's consonants and written long vowels with the article apart), each beside the English
// words it is written for: 技术, تكنولوجيا, للتكنولوجيا ("for technology"), טכנולוגיות are "technology". Kana and Hangul
// write these words as transcriptions, which the normaliser reads as the English words themselves (kanaDescriptors,
// hangulDescriptors in legal-forms.ts).
// prettier-ignore
const transcribedCognates: ReadonlyArray<readonly [readonly string[], readonly string[]]> = [
	[['technology', 'technologies'], ['jishu', 'keji', 'tknwlwjy', 'lltknwlwjy', 'tqnyh', 'tknologyot']],
	[['group', 'groups'], ['jituan', 'mjmwh', 'grwh']],
	[['international'], ['guoji', 'dwlyh']],
	[['holding', 'holdings'], ['konggu', 'qbdh']],
	[['electronics'], ['dianzi']],
	[['communications'], ['tongxin', 'tongxun', 'lltslt']],
	[['networks'], ['wangluo', 'wanglu']],
	[['bank'], ['yinhang', 'bnk', 'msrf']],
	[['commercial', 'trading'], ['tjryh', 'lltjrh']],
	[['industrial'], ['snyh']],
	[['global'], ['lmyh']],
];

/** Every generic word, as it looks after normalisation; includes the older weak-word list, the Russian forms of generic words, the words of one meaning and the short forms. */
export const genericWords: ReadonlySet<string> = new Set([
	...business,
	...geographic,
	...weakWords,
	...russianCognates.flatMap(([, forms]) => forms),
	...transcribedCognates.flatMap(([, forms]) => forms),
	// The words of one meaning (the capitals in both languages among them) are generic each.
	...sameMeaning.flat(),
	// A short form tells what its word does: "Foo Grp" and "Bar Group" share no distinctive word. But "pharm",
	// which is also a spelling of "farm" ("Rau Pharm" for Rau Farm, a real alias).
	...abbreviated.flatMap(([shortForms]) => shortForms.filter(form => form !== 'pharm')),
]);

/** A generic word without its English ending: "trade", "trading" and "traders" are one word, as are "industry" and "industrial". */
function genericStem(word: string): string {
	return word.replace(/(?:ing|ers|er|ies|ial|al|es|s|e|y)$/, '');
}

const partnersByWord = new Map<string, Set<string>>();
const link = (from: string, to: string) => partnersByWord.set(from, (partnersByWord.get(from) ?? new Set()).add(to));
/** Every word of `some` pairs with every word of `others` (a word not with itself). */
const partnerEach = (some: readonly string[], others: readonly string[]) => {
	for (const a of some)
		for (const b of others) {
			if (a === b) continue;
			link(a, b);
			link(b, a);
		}
};
for (const [shortForms, fullForms] of abbreviated) partnerEach(shortForms, fullForms);
for (const words of sameMeaning) partnerEach(words, words);
// A Russian form meets the English word it is written for, not the other forms: those the romanisation folds meet already.
for (const [english, forms] of [...russianCognates, ...transcribedCognates]) partnerEach(english, forms);
const byStem = new Map<string, string[]>();
for (const word of genericWords) {
	const stem = genericStem(word);
	if (stem.length >= 4) byStem.set(stem, [...(byStem.get(stem) ?? []), word]);
}
for (const words of byStem.values()) partnerEach(words, words);

/** The words sameGenericWord pairs `word` with (for the candidate index, which must reach every pair the scorer makes). */
export function genericWordPartners(word: string): Iterable<string> {
	return partnersByWord.get(word) ?? [];
}

/**
 * Two forms of one generic word: a generic word and its usual abbreviation ("tech",
 * "technologies"), a Russian form and the English word it is written for
 * ("kommercheskiy", "commercial"; russian-generic-words.ts), two words of one meaning
 * ("people's", "popular"; "Beograd", "Belgrade"), or two generic words with one stem of
 * four letters or more ("trade", "trading").
 */
export function sameGenericWord(a: string, b: string): boolean {
	return partnersByWord.get(a)?.has(b) === true;
}
