// Chinese writes a foreign name (an Arab's, a Russian's, an English one) with a
// fixed set of characters read for their sound: the Xinhua transliteration tables.
// Mandarin syllables are a consonant and a vowel, so a consonant the name has without
// a vowel gets a syllable of its own with a filler vowel (卜 bu, 德 de, 特 te, 勒 le,
// 斯 si, 赫 he, 姆 mu), a final l or r is 尔 er, m or n before another consonant is the
// nasal ending of the syllable before (罕 han in 穆罕默德, "Muhammad"), and Mandarin's
// consonants stand for several Latin ones (no voiced stops: 特 te for d as for t; 齐 qi
// for zi, 吉 ji for gi, 希 xi for hi and shi). A word written only in such characters is
// a transcription (scripts.ts marks it hanOrigin), and its pinyin is compared with a
// Latin (or other romanised) spelling by those conventions: the consonants it stands
// for in order, every vowel optional, a Latin h before a consonant or at the end
// unwritten. Chinese names of Chinese people and companies use other characters.
import {boundedMemo} from './bounded-memo.js';
import {pinyinSyllables, type Syllable} from './pinyin.js';

// The characters of the Xinhua tables for the common syllables, simplified then traditional;
// characters as common in Chinese names and words as in transcriptions (林, 金, 山, 明, 华 ...) are left out.
const transcriptionCharacters = new Set(
	[
		'阿埃艾爱安昂奥巴拜班邦鲍贝本比彼宾滨波博伯布卜查察采岑茨楚达戴代岱丹当道德登迪蒂底地丁杜敦顿多厄恩尔',
		'法菲斐费芬夫弗福伏盖甘冈戈格哥根贡古瓜圭哈海亥罕韩杭豪赫黑亨侯胡怀霍基吉加嘉贾杰捷津喀卡凯坎康考柯科',
		'克肯库奎昆拉莱赖兰朗劳勒雷蕾里理利莉列隆鲁路伦罗洛吕马玛迈麦曼芒梅门蒙米密摩莫默墨姆穆慕纳娜奈南瑙内',
		'嫩尼妮涅纽努诺欧帕潘庞佩彭皮珀普齐奇契恰乔切钦丘琼热茹若瑞萨撒塞赛桑瑟森沙莎尚绍舍什斯苏素索塔泰坦特',
		'提廷图托瓦旺威韦维温翁沃乌伍西希锡夏肖谢辛欣休雅亚扬延耶伊易义因尤优犹于约扎泽詹兹佐祖赞藏曾卓',
		'愛奧貝賓濱達頓爾費蓋岡貢韓賈傑凱庫萊賴蘭勞羅呂馬瑪邁麥門納內紐諾歐龐齊喬欽瓊熱薩賽紹蘇圖維韋溫烏錫',
		'謝亞揚義優猶約澤贊茲裏裡鮑魯倫蒂',
	].join(''),
);

/** Characters the tables read otherwise than the romaniser does (卡 "ka", not "qia"). */
export const transcriptionReadings: Readonly<Record<string, string>> = {
	卡: 'ka',
	喀: 'ka',
	娜: 'na',
	藏: 'zang',
	曾: 'zeng',
};

/** A Han word of two characters or more, every one from the transcription tables. */
export function isHanTranscription(word: string): boolean {
	const characters = [...word];
	return characters.length >= 2 && characters.every(character => transcriptionCharacters.has(character));
}

const anyVowels = '[aeiouwy]*';
// The Latin letters each pinyin initial stands for in a transcription (Xinhua tables): no voiced stops,
// so b, d, g write b/p, d/t, g/k alike; j, q, x are the palatal syllables ji, qi, xi, which write
// gi/ji/ki, zi/ki/chi and si/shi/hi; y and w are glides (伊 yi writes i, 乌 wu writes u).
const initialLetters: Readonly<Record<string, string>> = {
	b: '(?:b|p)',
	p: '(?:p|b)',
	m: 'm',
	f: '(?:f|ph|v)',
	d: '(?:d|t|th|dh)',
	t: '(?:t|d|th|dh)',
	n: 'n',
	l: '(?:l|r)',
	r: '(?:r|l|j|zh)',
	g: '(?:g|gh|k|q|c)',
	k: '(?:k|q|c|ck|kh|g)',
	h: '(?:h|kh)',
	j: '(?:j|dj|g|gh|k|q|z|dh|zh)',
	q: '(?:k|q|c|ch|g|j|z|ts|tz|dh)',
	x: '(?:s|sh|h|kh|x|z|ch|th)',
	zh: '(?:j|zh|z|g|dj|ch)',
	ch: '(?:ch|c|k|j|sh|ts)',
	sh: '(?:sh|s|ch|z|th)',
	z: '(?:z|s|ts|tz|dz|c|th|dh|zh|j)',
	c: '(?:c|ts|tz|z|ch|k|s)',
	s: '(?:s|z|th|ts|sh|c|x)',
	y: '(?:y|i|j)?',
	w: '(?:w|v|u|o)?',
	'': '',
};
const glides = new Set(['', 'y', 'w']);

// A consonant the name has without a vowel is written with a filler vowel: e after any consonant
// (德 de, 勒 le, 赫 he), u after a labial or velar (卜 bu, 夫 fu, 姆 mu, 克 ku), i after a sibilant (斯 si, 兹 zi),
// and for an h also a (哈 ha).
function isFiller({initial, final}: Syllable): boolean {
	if (glides.has(initial)) return false;
	// Arabic ḥ and kh before a consonant are written 哈 ha as often as 赫 he ("Ahmad", 艾哈迈德).
	if (initial === 'h') return final === 'a' || final === 'e';
	if (final === 'e') return true;
	if (final === 'u') return 'bpfmkgh'.includes(initial);
	return final === 'i' && ['s', 'z', 'c', 'sh', 'zh', 'ch', 'r'].includes(initial);
}

// The tables choose a syllable by its vowel too: one with a writes a Latin a, or the e that spellings of
// Arabic names write for the same vowel ("Ahmad", "Ahmed"); 奥 ao is o or au. An abjad's spelling, which
// leaves short vowels unwritten, is read with every vowel optional; a Latin word without vowels ("CRM") is not.
const aFinal = /^(?:a|ai|an|ang|ia|ian|iang|ua|uai|uan|uang)$/;

function syllablePattern(syllable: Syllable, vocalised: boolean, next: Syllable | undefined): string {
	const {initial, final} = syllable;
	// 尔 er is a final l or r; a nasal ending is a Latin m or n, or before m or n one doubled nasal the next syllable writes (罕默 "hamm").
	if (final === 'er') return `${anyVowels}[lr]`;
	const nasal = final.endsWith('ng') ? '(?:ng|n|m)' : final.endsWith('n') ? '[nm]' : '';
	const coda = nasal && (next?.initial === 'm' || next?.initial === 'n') ? `${nasal}?` : nasal;
	const vowels = !vocalised || isFiller(syllable) ? anyVowels : aFinal.test(final) ? '[iouwy]*[ae][aeiouwy]*' : '[aeiouwy]+';
	// A Latin h after the vowel (before a consonant, or at the end: "Dahdouh", "Abdullah") may go unwritten.
	return `${initialLetters[initial] ?? initial}${vowels}${coda}h?`;
}

/** Consonants of a transcription that its Latin spelling must have: every initial but the glides, and 尔 er. */
function consonantCount(syllables: readonly Syllable[]): number {
	return syllables.filter(({initial, final}) => !glides.has(initial) || final === 'er').length;
}

const readingMemo = boundedMemo(token => {
	const syllables = pinyinSyllables(token);
	if (!syllables) return null;
	const pattern = (vocalised: boolean) =>
		new RegExp(`^${syllables.map((syllable, at) => syllablePattern(syllable, vocalised, syllables[at + 1])).join('')}$`);
	return {vocalised: pattern(true), vowelless: pattern(false), consonants: consonantCount(syllables)};
});

/**
 * The similarity of a Han transcription's pinyin `han` and `other` (a Latin spelling,
 * or another script's romanisation) read by the tables' conventions: strong with three
 * consonants or more, as for the other scripts; a pair with two ("shate" and "Saud").
 * `vowelless`: `other` is an abjad's spelling, which leaves short vowels unwritten.
 */
export function hanAgreement(han: string, other: string, vowelless: boolean, strong: number, pair: number): number {
	const reading = readingMemo(han);
	if (!reading || reading.consonants < 2 || other.length < 3) return 0;
	const spelling = other.replace(/(.)\1+/g, '$1');
	if (!(vowelless ? reading.vowelless : reading.vocalised).test(spelling)) return 0;
	return reading.consonants >= 3 ? strong : pair;
}

// Keys under which the candidate index finds the words hanAgreement pairs: the consonant
// classes the tables keep apart (b/p, f, d/t, l/r, m/n, the sibilants and affricates, the
// velars), h and the glides left out, a nasal before a consonant or at the end (the
// syllable's nasal ending) left out too. A transcription's pinyin gives each reading of
// its ambiguous syllables (ji, qi as a sibilant or k; xi as s or h; mu, nu as a lone m, n).
const pinyinClasses: Readonly<Record<string, readonly string[]>> = {
	b: ['b'],
	p: ['b'],
	f: ['f'],
	d: ['t'],
	t: ['t'],
	l: ['l'],
	r: ['l'],
	m: ['n'],
	n: ['n'],
	s: ['s'],
	sh: ['s'],
	z: ['s'],
	zh: ['s'],
	c: ['s'],
	ch: ['s'],
	g: ['k'],
	k: ['k'],
	j: ['s', 'k'],
	q: ['s', 'k'],
	x: ['s', ''],
};
/** Classes a key needs: one consonant is every other name. */
const hanKeyMinimum = 2;
/** Readings kept per transcription: its ambiguous syllables multiply them. */
const maxReadings = 16;

/** The keys of a Han transcription's pinyin (`c:` and its consonant classes), or none when it is not pinyin. */
export function hanTranscriptionKeys(han: string): string[] {
	const syllables = pinyinSyllables(han);
	if (!syllables) return [];
	let readings = [''];
	for (const [at, {initial, final}] of syllables.entries()) {
		const lone = (initial === 'm' || initial === 'n') && final === 'u';
		// 赫 he is an h without a vowel: at the end it is the name's last letter ("Sheikh"); inside, an h the Latin may leave out ("Fahd").
		const loneH = initial === 'h' && final === 'e' ? (at === syllables.length - 1 ? ['h'] : ['h', '']) : undefined;
		const classes = final === 'er' ? ['l'] : lone ? ['n', ''] : (loneH ?? pinyinClasses[initial] ?? ['']);
		readings = readings.flatMap(reading => classes.map(letter => reading + letter)).slice(0, maxReadings);
	}
	const keys = [...new Set(readings)].filter(reading => reading.length >= hanKeyMinimum).map(reading => `c:${reading}`);
	if (syllables[0]!.initial === 'h') keys.push(...openingHKeys(readings));
	return keys;
}

/**
 * The keys leave h out, so a transcription of two consonants, one an opening h (韓薩 "hansa" and Hamza, 哈德 and
 * Hadi), has a key of one class, too short: such a word is also keyed by its classes after a mark for the opening h
 * (its Latin spelling opens with h or kh), which hanAgreement still checks as a pair.
 */
function openingHKeys(readings: readonly string[]): string[] {
	return [...new Set(readings)].filter(reading => reading.length === hanKeyMinimum - 1).map(reading => `c:H${reading}`);
}

const latinDigraphs: ReadonlyArray<readonly [RegExp, string]> = [
	[/sch|tch|ch|sh|zh|ts|tz|dz/g, 'S'],
	[/kh/g, 'h'],
	[/gh|ck|q/g, 'k'],
	[/ph/g, 'f'],
	[/th|dh/g, 't'],
	[/c(?=[eiy])/g, 'S'],
	[/c/g, 'k'],
	[/x/g, 'kS'],
];
const latinClasses: Readonly<Record<string, string>> = {
	b: 'b',
	p: 'b',
	f: 'f',
	d: 't',
	t: 't',
	l: 'l',
	r: 'l',
	s: 's',
	z: 's',
	j: 's',
	S: 's',
	k: 'k',
	g: 'k',
};

/** The key of a Latin spelling as a Han transcription would write it (see hanTranscriptionKeys), or none when too short. */
export function hanLatinKeys(token: string): string[] {
	return latinKeyMemo(token);
}

/** A c that a cedilla may have marked soft: before a, o or u ("Fayçal", "Gonçalves"). */
const cedillaC = /c(?=[aou])/g;
const hasCedillaC = /c(?=[aou])/;

const latinKeyMemo = boundedMemo(token => {
	const deduplicated = token.replace(/(.)\1+/g, '$1');
	const keys = latinKeysOf(deduplicated);
	// A ç loses its cedilla in normalisation and then reads as k: read it both ways ("Fayçal", 费萨尔 feisaer).
	if (hasCedillaC.test(deduplicated)) keys.push(...latinKeysOf(deduplicated.replace(cedillaC, 'S')));
	return [...new Set(keys)];
});

function latinKeysOf(spelling: string): string[] {
	let text = spelling;
	for (const [pattern, replacement] of latinDigraphs) text = text.replace(pattern, replacement);
	let key = '';
	for (let at = 0; at < text.length; at++) {
		const letter = text.charAt(at);
		if (letter === 'm' || letter === 'n') key += /[aeiouy]/.test(text.charAt(at + 1)) ? 'n' : '';
		else key += latinClasses[letter] ?? '';
	}
	// A final h (or kh) after a vowel is 赫 he, or unwritten as the Arabic feminine ending is ("Abdullah", 阿卜杜拉);
	// after w or y too, which an abjad's romanisation writes for its long vowels (دحدوح "dhdwh").
	const keys = /[aeiouwy]h$/.test(text) ? [`${key}h`, key] : [key];
	const found = keys.filter(reading => reading.length >= hanKeyMinimum).map(reading => `c:${reading}`);
	if (text.startsWith('h')) found.push(...openingHKeys(keys));
	return found;
}
