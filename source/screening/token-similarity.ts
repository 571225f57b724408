// Token similarity: is one token a typo or a transliteration of another, or a
// different word? Jaro-Winkler cannot tell ("docker"/"dockrat" 0.89, "intel"/"inter"
// 0.92), so a pair is a variant only on evidence a reviewer would accept:
//  - few edits for the length (Damerau-Levenshtein: none up to 4 letters, one up to
//    7, two from 8), and for short words the same first letter and the same
//    Double Metaphone key ("huawey"/"huawei" yes, "intel"/"inter" and "cisco"/"cicko" no);
//  - the same spelling once the usual romanisation variants are folded together
//    (GOST, BGN/PCGN, ISO 9 and passport forms of Cyrillic: "kasperskij", "kasperskiy",
//    "kaspersky"; "shch"/"sch"/"š", "kh"/"h", "ts"/"c", "ya"/"ja"/"ia", "dzh"/"dsch"/"dj"/"j" ...), and an English
//    plural in -ies its singular in -y ("technologies", "technology");
//  - for a token romanised from another script (Arabic, Hebrew, Hangul, kana, Cyrillic,
//    Greek), whose Latin spelling is a guess: the same Double Metaphone key or the
//    same consonant skeleton ("mhmd" from محمد meets "mohammed").
import {doubleMetaphone} from 'double-metaphone';
import {sameGenericWord, genericWords} from './generic-words.js';
import {isDictionaryWord} from './dictionary-words.js';
import {boundedMemo} from './bounded-memo.js';
import {chineseKey, hasWadeGilesSpelling, wadeGilesAgreement} from './wade-giles.js';
import {particles} from './name-variants.js';
import {hanAgreement} from './han-transcription.js';
import {greekNameReading} from './greek-romanisation.js';
import {
	abjadClosesWithConsonant,
	abjadClosesWithLongVowel,
	abjadOpensWithConsonant,
	abjadOpensWithVowel,
	abjadOrigin,
	alphabetOrigin,
	cyrillicOrigin,
	hangulOrigin,
	hanOrigin,
	kanaOrigin,
	latinOrigin,
	syllabaryOrigins,
	type Origin,
} from './scripts.js';

/** Similarity of two tokens that fold to the same romanisation. */
export const foldedSimilarity = 0.95;
/**
 * Similarity of two tokens that meet only on the coarse key (foldRomanisation):
 * enough in company ("Alfa Lizing" / "Alfa Leasing"), too little for a one-word
 * name, which the one-approximate-word rule scales to 0.88 x 0.88 = 0.77.
 */
export const coarseSimilarity = 0.88;
/**
 * Similarity of a romanised token and a Latin one with the same sound or consonants:
 * just above the pair floor, so that such agreement counts only in company with other
 * words (a one-word name scaled by it falls below the threshold: "Corteva" and
 * Кардави share a Double Metaphone key).
 */
export const looseSimilarity = 0.86;
/**
 * Three consonants or more agreeing, with the sound too or for a vowelless (abjad)
 * token ("kasuperusukii" from カスペルスキー and "kaspersky", "hms" and "hamas"): enough for a one-word name.
 */
export const strongLooseSimilarity = 0.92;
/** Tokens up to this length must be equal: one edit in "intel" or "king" is another word. */
export const exactOnlyLength = 4;
/** At this length one edit is allowed, at a similarity just above the pair floor ("naser"/"nasir" in a full name, never "tauri"/"taura" alone). */
const shortWordLength = 5;
/** From this length two edits are allowed; below it one. */
const twoEditLength = 8;

/** Edits allowed between tokens whose shorter one has this length. */
export function editBound(shorterLength: number): number {
	if (shorterLength <= exactOnlyLength) return 0;
	return shorterLength < twoEditLength ? 1 : 2;
}

let rowBefore = new Int32Array(64);
let rowPrevious = new Int32Array(64);
let rowCurrent = new Int32Array(64);

/** Optimal-string-alignment distance (Damerau-Levenshtein with adjacent transpositions), or max + 1 once it exceeds max. */
export function editDistanceWithin(a: string, b: string, max: number): number {
	if (Math.abs(a.length - b.length) > max) return max + 1;
	const width = b.length + 1;
	if (width > rowCurrent.length) {
		rowBefore = new Int32Array(2 * width);
		rowPrevious = new Int32Array(2 * width);
		rowCurrent = new Int32Array(2 * width);
	}
	for (let j = 0; j < width; j++) rowPrevious[j] = j;
	for (let i = 1; i <= a.length; i++) {
		rowCurrent[0] = i;
		let rowMinimum = i;
		const ai = a.charCodeAt(i - 1);
		for (let j = 1; j < width; j++) {
			const bj = b.charCodeAt(j - 1);
			let value = Math.min(rowPrevious[j]! + 1, rowCurrent[j - 1]! + 1, rowPrevious[j - 1]! + (ai === bj ? 0 : 1));
			if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) value = Math.min(value, rowBefore[j - 2]! + 1);
			rowCurrent[j] = value;
			if (value < rowMinimum) rowMinimum = value;
		}
		if (rowMinimum > max) return max + 1;
		const spare = rowBefore;
		rowBefore = rowPrevious;
		rowPrevious = rowCurrent;
		rowCurrent = spare;
	}
	const distance = rowPrevious[b.length]!;
	return distance > max ? max + 1 : distance;
}

// Double Metaphone is the costly part of a comparison; tokens recur, so keys are kept.
const phoneticMemo = boundedMemo(token => doubleMetaphone(token));

export function phoneticKeys(token: string): readonly [string, string] {
	return phoneticMemo(token);
}

/** The two tokens share a Double Metaphone key (primary or alternate) of at least `minimum` letters. */
export function soundAlike(a: string, b: string, minimum = 1): boolean {
	const [a1, a2] = phoneticKeys(a);
	const [b1, b2] = phoneticKeys(b);
	const agree = (x: string, y: string) => x.length >= minimum && x === y;
	return agree(a1, b1) || agree(a1, b2) || agree(a2, b1) || agree(a2, b2);
}

const foldRules: ReadonlyArray<[RegExp, string]> = [
	// An English plural of a word in -y ("technologies", "industries"), first: the rules below fold the -y ending.
	[/(?<=[^aeiou])ies$/, 'y'],
	// A closing h after a vowel is not said: the ة of an Arabic name ("Usamah"/"Usama", "Fatimah"/"Fatima"). Before kh
	// becomes h: Долгих ("Dolgikh") is not Долгий.
	[/(?<=[aeiou])h$/, ''],
	// The sound of English j as Russian (дж), German and French romanisations write it: "Dzhamal", "Dschamal", "Djamal" are "Jamal".
	[/dzh|dsch|dj/g, 'j'],
	[/shch|shh|sch|szcz/g, 's'],
	[/x/g, 'ks'],
	[/tch|tsch|ch|cz|ts|tz/g, 'c'],
	[/sh|sz/g, 's'],
	[/zh/g, 'z'],
	[/kh/g, 'h'],
	[/ph/g, 'f'],
	[/ck|q/g, 'k'],
	[/w/g, 'v'],
	// я, ю, ё, е: ya/ja/ia/â, yu/ju/iu/û ...; a first "i" so is passport style's y ("Iurii" is Yuriy, "Iakov" Yakov).
	// A run, as -ия and -ие are written: "Korporatsiya" and "Korporacia", "Mashinostroyeniye" and "Mashinostroenie".
	[/^i(?=[aeou])/, 'y'],
	// A first е is ye in English spellings and e in most others ("Yelena"/"Elena", "Yevgeniy"/"Evgeni", "Yegor"/"Egor").
	[/^ye/, 'e'],
	[/(?<=.)[yji]+(?=[aeou])/g, ''],
	// -ий, -ый, -ей, -ой: iy/ij/ii/yj/yi/y ("Kasperskiy", "Kasperskij", "Kasperskii", "Kaspersky").
	[/(?:iy|ij|ii|yi|yj|yy|ei|ey|y)$/, 'i'],
	[/(.)\1+/g, '$1'],
];

const fineFoldMemo = boundedMemo(token => {
	let folded = token;
	for (const [pattern, replacement] of foldRules) folded = folded.replace(pattern, replacement);
	return folded;
});

/** One spelling for the usual romanisation variants of a token (a comparison key, never shown). */
export function fineFold(token: string): string {
	return fineFoldMemo(token);
}

// A coarser key, for two spellings of one word that romanisation rules alone do not
// join: a Russian spelling of an English word ("lizing" / "leasing", "inzhiniring" /
// "engineering", "teknolodzhiz" / "technologies", "kapital" / "capital"; a name's own
// soft c written s, "setelem" / "cetelem", is the same word: softCWrittenS) and an
// Arabic name with the article written on ("Alrowaily" / "Al-Rowaily" once the article
// is a word of its own). It is built on the fine fold
// (so two tokens that fold together always share it too): consonants taken by sound
// (c as k or s, kh as k, soft g, zh and z as s), the vowels after the first letter
// left out. Tokens meeting only on it are similar, not the same word.
const coarseRules: ReadonlyArray<[RegExp, string]> = [
	[/^(?:al|el)(?=[a-z]{5})/, ''],
	// j too: the fine fold writes дж (dzh, dsch, dj) as j, which an English soft g spells ("teknolodzhiz").
	[/dz|g(?=[eiy])|z|j/g, 's'],
	[/c(?=[eiy])/g, 's'],
	// kh (the fine fold's h) is English ch or k ("tekhnologii"); a first h stays ("herron" is not "corona").
	[/c|(?<=.)h/g, 'k'],
	[/(?<=.)[aeiouy]/g, ''],
	[/^[aeiouy]/, 'a'],
	[/(.)\1+/g, '$1'],
];
/**
 * Two spellings of one word that only the coarse key joins: the same sounds written in
 * about as many letters. A coarse key drops vowels and doubled letters, so a long Latin word
 * and a short other one can share it ("azizsaud" and "yazid" are both "asd"): no respelling.
 */
function coarseAgreement(a: string, b: string, loose: Origin): number {
	// A word romanised from another script may be much shorter (an abjad leaves its vowels out) or longer (kana add them).
	// An alphabet that writes its vowels (Cyrillic, Greek) romanises a foreign word to about its own letters: with five
	// consonants agreeing by sound, in about as many letters, it is that word as the script spells it ("Хиквижн", Hikvision).
	if (loose) return vowelAlphabetOnly(loose) && strongCoarseKey(a, b) ? strongLooseSimilarity : coarseSimilarity;
	// Two Latin words of five letters keep three or four letters of their coarse key: too few to tell a respelling from
	// another word ("Isaac" and "ISISK", ISIS-K, are both "isk").
	if (Math.min(a.length, b.length) <= shortWordLength) return 0;
	return aboutAsLong(a, b) ? coarseSimilarity : 0;
}
/** Letters two coarse spellings of one word may differ in length by ("tekhnologii", "technologies"; "alrowaily", "rowaily"). */
const coarseLengthSpread = 2;

/**
 * Two coarse spellings of one word are about as long: within coarseLengthSpread letters. Doubled letters are a
 * convention of their own (a long vowel, a geminate: "olaayyaan", "olayan"), so lengths are compared without them.
 */
function aboutAsLong(a: string, b: string): boolean {
	return Math.abs(withoutDoubledLetters(a).length - withoutDoubledLetters(b).length) <= coarseLengthSpread;
}

/** Consonants a coarse key shared with a word from an alphabet needs for the pair to be strong (coarseAgreement). */
const strongCoarseKeyLength = 5;

function strongCoarseKey(a: string, b: string): boolean {
	return foldRomanisation(a).length >= strongCoarseKeyLength && aboutAsLong(a, b);
}

/** Romanised only from alphabets that write their vowels (Cyrillic, Greek, Armenian, Georgian). */
const vowelAlphabetOnly = (origin: Origin): boolean => (origin & ~(cyrillicOrigin | alphabetOrigin)) === 0;

/** Letters a coarse key needs: fewer say too little ("dk" is both "docker" and "dakota"). */
const coarseMinimum = 3;

const coarseMemo = boundedMemo(token => {
	const fine = fineFold(token);
	let key = fine;
	for (const [pattern, replacement] of coarseRules) key = key.replace(pattern, replacement);
	return key.length < coarseMinimum ? `=${fine}` : key;
});

/**
 * The key under which the candidate index finds fold neighbours: the coarse key of
 * the fine fold when it has coarseMinimum letters, else the fine fold itself. A
 * function of the fine fold, so tokens that fold together share it.
 */
export function foldRomanisation(token: string): string {
	return coarseMemo(token);
}

/**
 * Consonants in order, the way an abjad (Arabic, Hebrew) or a syllabary's romanisation
 * agrees with a Latin spelling; a final "h" goes (ة, the Arabic feminine ending,
 * romanised "h" or "a"). In steps: kh -> h; sh, ch -> s; th -> t; dh -> d; gh -> g;
 * ph -> f; q, c -> k; v -> b; vowels, w and y dropped; a letter repeated written once;
 * a final h after another letter dropped. Each step reads the previous one's output,
 * as a chain of replacements would ("skh" -> "sh" -> "s"); written as loops, since
 * the candidate index keys its whole vocabulary by it.
 */
export function consonantSkeleton(token: string): string {
	return skeletonMemo(token);
}

// The scorer asks for the skeletons of the same tokens again and again (every pair of romanised words).
const skeletonMemo = boundedMemo(skeletonOf);

function skeletonOf(token: string): string {
	let text = token;
	for (const [first, second, replacement] of skeletonDigraphs) text = replaceDigraph(text, first, second, replacement);
	let skeleton = '';
	let last = '';
	for (let at = 0; at < text.length; at++) {
		let letter = text.charAt(at);
		if (letter === 'q' || letter === 'c') letter = 'k';
		else if (letter === 'v') letter = 'b';
		else if (skeletonDropped.includes(letter)) continue;
		if (letter !== last) skeleton += letter;
		last = letter;
	}
	return skeleton.length > 1 && skeleton.endsWith('h') ? skeleton.slice(0, -1) : skeleton;
}

const skeletonDropped = 'aeiouyw';
// First letters (any of them), second letter, replacement; applied in this order.
const skeletonDigraphs: ReadonlyArray<readonly [string, string, string]> = [
	['k', 'h', 'h'],
	['sc', 'h', 's'],
	['t', 'h', 't'],
	['d', 'h', 'd'],
	['g', 'h', 'g'],
	['p', 'h', 'f'],
];

/** Every non-overlapping `<one of first><second>`, left to right, replaced. */
function replaceDigraph(text: string, first: string, second: string, replacement: string): string {
	if (!text.includes(second)) return text;
	let result = '';
	for (let at = 0; at < text.length; at++) {
		if (at + 1 < text.length && text.charAt(at + 1) === second && first.includes(text.charAt(at))) {
			result += replacement;
			at++;
		} else result += text.charAt(at);
	}
	return result;
}

/** Wade-Giles or postal against pinyin: both tokens long enough, one with a Wade-Giles spelling, the same coarse key. */
export function chineseAgreement(a: string, b: string): boolean {
	return (
		Math.min(a.length, b.length) >= foldMinimumLength &&
		(hasWadeGilesSpelling(a) || hasWadeGilesSpelling(b)) &&
		chineseKey(a) === chineseKey(b)
	);
}

/**
 * Similarity of two spellings of one name word (nameRespelt): just above the pair
 * floor, and such a pair is supporting evidence only (score.ts): it never makes a
 * match without another distinctive word that agrees.
 */
export const respeltNameSimilarity = 0.86;

const vowels = /[aeiou]/;

/** First letters two spellings of one name may differ in: a vowel for a vowel ("Umran"/"Omran", "Eiman"/"Aiman"). */
function sameOpening(a: string, b: string): boolean {
	return a.charCodeAt(0) === b.charCodeAt(0) || (vowels.test(a.charAt(0)) && vowels.test(b.charAt(0)));
}

/** The key under which the candidate index finds a name's respellings as written. */
export function respeltKey(token: string): string {
	return `${vowels.test(token.charAt(0)) ? 'a' : token.charAt(0)}${consonantSkeleton(token)}`;
}

/**
 * An opening h before a vowel, which spellings in languages with a silent h (French, Spanish, Italian) leave
 * out of Arabic and Persian names (ح, ه): "Abib" for Habib, "Amid" for Hamid, "Assan" for Hassan.
 */
const silentOpeningH = /^h(?=[aeiou])/;

/** The keys under which the candidate index finds a name's respellings: tokens that nameRespelt joins share one. */
export function respeltKeys(token: string): string[] {
	return silentOpeningH.test(token) ? [respeltKey(token), respeltKey(token.slice(1))] : [respeltKey(token)];
}

/**
 * Two spellings of one name word, as romanisations of Arabic, Persian, Cyrillic
 * or Spanish names write it: "Nur"/"Noor", "Misr"/"Masr", "Abu"/"Abou", "Tair"/"Tayr",
 * "Asad"/"Assad", "Munir"/"Muneer", "Umran"/"Omran", "Husseini"/"Hoseyni". The edit
 * rules refuse them (no edit at all up to four letters, "intel"/"inter"); beside
 * other words that agree, the evidence is the word's whole sound instead: the same first
 * letter (or a vowel for a vowel, and then no other edit), the same consonants in
 * order, the same Double Metaphone key, and few edits (two; three from seven letters), each of three
 * letters or more; or so once an opening h one of them has and the other leaves silent is set aside
 * ("Habib"/"Abib"). Supporting evidence only (score.ts): the rest of the name must agree as well.
 */
export function nameRespelt(a: string, b: string): boolean {
	if (respeltAsWritten(a, b)) return true;
	// One of them with an opening h the other leaves silent ("Habib"/"Abib"): the rest is the word respelt, opening
	// with the same vowel ("Hassa" is not "Issa").
	if (silentOpeningH.test(a)) return a.charCodeAt(1) === b.charCodeAt(0) && respeltAsWritten(a.slice(1), b);
	return silentOpeningH.test(b) && b.charCodeAt(1) === a.charCodeAt(0) && respeltAsWritten(a, b.slice(1));
}

function respeltAsWritten(a: string, b: string): boolean {
	// Two letters are an article or a particle ("al"), not a name: "Ali" is not "al".
	if (a.length < 3 || b.length < 3 || !sameOpening(a, b) || Math.abs(a.length - b.length) > 2) return false;
	const skeleton = consonantSkeleton(a);
	// Another opening vowel is the one edit allowed then: "Omar" is "Umar", not "Amir".
	const edits = a.charCodeAt(0) !== b.charCodeAt(0) ? 1 : Math.min(a.length, b.length) >= 7 ? 3 : 2;
	// The sound last: Double Metaphone is the costly test, and the index asks it of every word sharing a respelt key.
	return skeleton !== '' && skeleton === consonantSkeleton(b) && editDistanceWithin(a, b, edits) <= edits && soundAlike(a, b);
}

/**
 * Fold keys are compared only for tokens this long: shorter words fold together too
 * easily ("pejak" folds to "peak"). Five, not six, as measured on the quality bench's
 * real names: six missed nine more real variants ("Eksar"/"Exiar", "Asis"/"Aziz") and
 * kept out no false hit.
 */
export const foldMinimumLength = 5;
/** A skeleton or sound key this short says too little (علي -> "l"). */
export const looseKeyMinimum = 2;

/** Tokens this short may meet on a one-consonant skeleton ("ly" from علي, "ali"). */
export const shortSkeletonLength = 3;

/**
 * The similarity of a token romanised from another script and `other`: by sound and consonants, else 0.
 * `looseA`/`looseB`: the scripts each was romanised from (scripts.ts; 0: Latin).
 */
export function looseAgreement(a: string, b: string, looseA: Origin = alphabetOrigin, looseB: Origin = alphabetOrigin): number {
	const skeleton = consonantSkeleton(a);
	const short = Math.max(a.length, b.length) <= shortSkeletonLength;
	// One consonant is enough only between two names ("ly" from علي, "ali"): a particle ("al") would meet every "eli" and "oil".
	if (short && skeleton.length <= 1 && (genericWords.has(a) || genericWords.has(b))) return 0;
	const sound = soundAlike(a, b, looseKeyMinimum);
	const consonants = skeleton.length >= (short ? 1 : looseKeyMinimum) && skeleton === consonantSkeleton(b);
	const vowellessA = !/[aeiou]/.test(a);
	const vowellessB = !/[aeiou]/.test(b);
	// A Cyrillic word without a vowel is an acronym, spelt, not sounded: "vtv" is not ВТБ.
	if ((vowellessA && cyrillicOnly(looseA)) || (vowellessB && cyrillicOnly(looseB))) return 0;
	// Cyrillic writes its vowels, so a Latin spelling of a Cyrillic word opens on the same vowel ("Kasperskii", "Kaspersky"); "Sabre" is not Сбер.
	if (cyrillicOnly(looseA | looseB) && (looseA === latinOrigin) !== (looseB === latinOrigin) && firstVowel(a) !== firstVowel(b)) return 0;
	// Consonants are all an abjad writes ("hms" from חמאס, "mhmd" from محمد): for a vowelless token they are the whole word.
	// Any other script writes none only in an acronym (ВТБ, "vtb"), which meets only another acronym so.
	const vowelless = (vowellessA && (looseA & abjadOrigin || vowellessB)) || (vowellessB && (looseB & abjadOrigin || vowellessA));
	// An alphabet that writes its vowels (Cyrillic, Greek) romanises to about as many letters as the Latin spelling has;
	// a Latin word two letters longer is another word that sounds alike ("subaru", "sber"). Kana and Hangul add letters, never drop them.
	const latinLonger = (looseA === latinOrigin) !== (looseB === latinOrigin) && (looseA ? b.length - a.length : a.length - b.length) >= 2;
	// An abjad leaves out letters a Latin spelling writes, never the reverse: an abjad word longer than the Latin
	// one writes letters it lacks (كريم "krym" and the acronym "CRM" sound alike; the i is not in "CRM").
	const abjadLonger =
		(looseA & abjadOrigin && looseB === latinOrigin && a.length > b.length) ||
		(looseB & abjadOrigin && looseA === latinOrigin && b.length > a.length);
	if (consonants && skeleton.length >= 3 && !abjadLonger && (vowelless || (sound && !latinLonger))) return strongLooseSimilarity;
	// Nor does it meet a Latin word of two letters by sound or consonants alone ("ghza", غازى, is not the "kz" of
	// "Kaspi.kz"); a longer one may still be that word with letters left out ("Dadu" for دحدوح, "dhdwh").
	if (abjadLonger && Math.min(a.length, b.length) <= 2) return 0;
	return sound || consonants ? looseSimilarity : 0;
}

/**
 * An English s between a vowel and "io"/"ia" said as the s of "vision" (the French j): kana, Hangul and Arabic
 * write it as they write j (ビジョン, 비전, فيجن for "vision"). Read both ways, since the s of "Asia" is both (アジア, 아시아).
 */
const sSaidAsJ = /(?<=[aeiou])s(?=i[ao])/g;

// An abjad (Arabic, Persian, Urdu, Hebrew) writes a name's consonants and its long
// vowels, as matres lectionis (و for u/o, ي for i/e), and leaves the short vowels out;
// its romanisation keeps each letter's own Latin letters, so ش is "sh" and سح is "sh"
// too ("shr" is سحر, Sahar). A Latin spelling of the name agrees with the abjad
// token when the abjad letters can be read off it in order: its consonants, each of
// its vowels either unwritten or written as its mater, a doubled consonant once (the
// unwritten shadda), and a final "h" (ة, the feminine ending) the Latin may leave out.
// The abjad token is read as written and with like letters side by side once.
// Consonants that romanisations write either way share a class: k and q (ك/ق, "Kadir"
// and "Qadir"), j and g (ج, "Jamal" and Egyptian "Gamal"), b and p, w and v (Persian و);
// a Latin g may also write ق as the Gulf says it ("Al-Hogail" for الحقيل), and
// English spellings write ذ ("dh") as "th" as they write ث ("Hutham" for حذام). Persian, Urdu and Turkish say
// ذ and ظ (both romanised "dh") as z, and write them so: "Zarif" for ظریف, "Nazir" for نذير.
// Hebrew's vav inside a word is romanised "o" (scripts.ts), the vowel o or u, or the consonant v ("Yosef"
// יוסף "yosf", "David" דוד "dod"); Arabic writes a foreign v with ف ("f": فيديو, video). The scripts of India,
// read as abjads (scripts.ts), write an e as e (हुआवेई "huaaveii", Huawei).
const abjadVowelPatterns: Readonly<Record<string, string>> = {
	a: 'a?',
	e: '[yie]?',
	i: '[yi]?',
	y: '[yi]?',
	o: '[wuo]?',
	u: '[wuo]?',
	w: '[wuvo]?',
	v: '[wuvof]?',
};
const abjadConsonantClasses: Readonly<Record<string, string>> = {c: 'k', q: 'k', g: 'j', p: 'b'};

function withoutDoubledLetters(token: string): string {
	return token.replace(/(.)\1+/g, '$1');
}

/** A regular expression matching the abjad romanisations of the Latin `token` (deduplicated letters). */
const abjadReadingMemo = boundedMemo(token => {
	const letters = withoutDoubledLetters(token);
	const positionsOf = (rule: RegExp) => new Set([...letters.matchAll(rule)].map(match => match.index));
	const saidAsJ = positionsOf(sSaidAsJ);
	const softCs = positionsOf(softCEverywhere);
	let pattern = '';
	for (let at = 0; at < letters.length; at++) {
		const letter = letters.charAt(at);
		const vowel = abjadVowelPatterns[letter];
		if (vowel) pattern += vowel;
		else if ((letter === 't' || letter === 'd') && letters.charAt(at + 1) === 'h') {
			pattern += '[td]h';
			at++;
		} else if (letter === 'z') {
			pattern += '(?:z|dh)';
		} else if (saidAsJ.has(at)) {
			// The s of "vision" (sSaidAsJ), which Arabic and Persian write with ج or ژ ("فيجن").
			pattern += '(?:s|j|zh)';
		} else if (letter === 'p' && letters.charAt(at + 1) === 'h') {
			// A Latin "ph" is f (فيليب, "Philip"), or b and h written apart.
			pattern += '(?:f|[bp]h)';
			at++;
		} else if (softCs.has(at)) {
			// A soft c is an s to the ear, and Arabic writes it with س ("تينسنت" for "Tencent").
			pattern += '[skq]';
		} else {
			const consonant = abjadConsonantClasses[letter] ?? letter;
			pattern +=
				consonant === 'k' ? '[kq]' : consonant === 'j' ? (letter === 'g' ? '[jgq]' : '[jg]') : consonant === 'b' ? '[bp]' : consonant;
		}
	}
	return new RegExp(`^${pattern}${letters.endsWith('h') ? '' : 'h?'}$`);
});

/**
 * Tokens this short, once a doubled letter is written once as an abjad writes it (the
 * unwritten shadda: "Allah" is "alah", الله "llh"), are keyed by an abjad key of one
 * consonant ("th" from طه, "Taha"; "h" from هواوي, "Huawei"): a consonant with its vowels;
 * longer words with one consonant would gather too many.
 */
const abjadShortKeyLength = 6;

/** The token is short enough for a one-consonant abjad key (see abjadShortKeyLength). */
export function abjadShortWord(token: string): boolean {
	return token.length <= abjadShortKeyLength || withoutDoubledLetters(token).length <= abjadShortKeyLength;
}

/**
 * The keys under which an abjad token and the Latin spellings abjadAgreement pairs it
 * with meet in the candidate index: the letters without vowels, matres, w, v and y,
 * consonant classes merged (dh as th), a final h dropped; a g read both as ج and as ق.
 */
export function abjadKeys(token: string): string[] {
	const spelt = withoutDoubledLetters(token).replace(/dh/g, 'th');
	const keys: string[] = [];
	// A "ph" is keyed as f too, and a "z" as the "dh" (th) of ذ and ظ (abjadReadingMemo reads both ways).
	const spellings = [spelt];
	if (spelt.includes('ph')) spellings.push(spelt.replace(/ph/g, 'f'));
	if (spelt.includes('z')) spellings.push(...spellings.map(spelling => spelling.replace(/z/g, 'th')));
	const saidAsJ = spelt.replace(sSaidAsJ, 'j');
	if (saidAsJ !== spelt) spellings.push(saidAsJ);
	const softCAsS = spelt.replace(softCEverywhere, 's');
	if (softCAsS !== spelt) spellings.push(softCAsS);
	for (const spelling of spellings) {
		const letters = spelling
			.replace(/[aeiouwyv]/g, '')
			.replace(/[cq]/g, 'k')
			.replace(/p/g, 'b');
		keys.push(abjadKeyOf(letters.replace(/g/g, 'j')));
		if (letters.includes('g')) keys.push(abjadKeyOf(letters.replace(/g/g, 'k')));
	}
	return keys;
}

function abjadKeyOf(letters: string): string {
	const key = withoutDoubledLetters(letters);
	return key.length > 1 && key.endsWith('h') ? key.slice(0, -1) : key;
}

/** Long vowels an abjad word of one or two consonants writes for its agreement to be strong. */
const writtenVowelsMinimum = 2;

/**
 * The similarity of a token romanised from an abjad and `other` read as a Latin
 * spelling of the same name (see abjadVowelPatterns): strong with three consonants
 * or more, as for the consonant skeleton, or with two long vowels or more written
 * beside one or two ("hwwy" and "Huawei"); a pair still with two ("shr" and "Sahar",
 * "th" and "Taha").
 */
export function abjadAgreement(abjad: string, other: string): number {
	if (abjad.length < 2 || other.length < 3) return 0;
	// Two like letters in an abjad word are two consonants ("bb" from بابا, "Baba") or a Latin doubled one written
	// twice by the article's assimilation ("bdllh", "Abdullah"): either reading may meet the Latin spelling.
	const reading = abjadReadingMemo(other);
	if (!reading.test(abjad) && !reading.test(withoutDoubledLetters(abjad))) return 0;
	const key = abjadKeys(abjad)[0]!;
	if (key.length >= 3) return strongLooseSimilarity;
	// A word of one or two consonants whose long vowels are written ("hwwy", هواوي, "Huawei"): the vowels the
	// Latin word has are there too, each where the Latin has it, and the abjad leaves out few letters of it.
	const writtenVowels = abjad.length - key.length;
	if (writtenVowels >= writtenVowelsMinimum && other.length - abjad.length <= 2) return strongLooseSimilarity;
	// One consonant says little: with a generic word it is no evidence at all. A name particle is the exception,
	// written as the abjad writes it ("bw", أبو, is "Abu"; "bn", بن, is "bin"); "al" is never loose (scripts.ts).
	if (key.length <= 1 && (genericWords.has(abjad) || genericWords.has(other)) && !particles.includes(other)) return 0;
	return looseSimilarity;
}

// Kana and Hangul transcribe a foreign name with the sounds they have: no l against
// r (ル, 르), no v against b (ブ, 브), Japanese f before u as h (フ "fu", ハ "ha" for
// "fa" in older loans), Korean f, b and p alike (ㅍ, ㅂ, an initial ㅂ romanised "b",
// a final "p"), as also g/k and d/t; ジ and ㅈ for both "z" and "j". Each consonant
// gets a vowel after it (カスペルスキー "kasuperusukii", 카스퍼스키 "kaseupeoseuki"),
// and Korean leaves out an r after a vowel ("Kaspersky", 카스퍼스키). A loanword key
// therefore keeps the consonants only (a doubled one once), their classes merged as
// the script merges them, and whether the word opens with a vowel; a Latin spelling
// is read with and without its r after a vowel.
type LoanwordRules = ReadonlyArray<readonly [RegExp, string]>;
const loanwordSpelling: LoanwordRules = [
	[/ph/g, 'f'],
	// Neither script has kh or gh: Arabic خ and غ are written with h and g (ハーリド, 할리드 for "Khalid").
	[/kh/g, 'h'],
	[/gh/g, 'g'],
	[/ck/g, 'k'],
	[/th/g, 't'],
	[/tch|ch/g, 'C'],
	[/sh/g, 's'],
	[/c(?=[eiy])/g, 's'],
	[/[cq]/g, 'k'],
	[/x/g, 'ks'],
	[/dz|j/g, 'z'],
	[/l/g, 'r'],
	[/v/g, 'b'],
];
const kanaSounds: LoanwordRules = [[/f/g, 'h']];
const hangulSounds: LoanwordRules = [
	[/[fbp]/g, 'b'],
	[/g/g, 'k'],
	[/d/g, 't'],
];
const rAfterVowel = /(?<=[aeiouy])r(?=[^aeiouy]|$)/g;

function loanwordKey(token: string, sounds: LoanwordRules, withoutR: boolean): string {
	let text = token;
	for (const [pattern, replacement] of loanwordSpelling) text = text.replace(pattern, replacement);
	for (const [pattern, replacement] of sounds) text = text.replace(pattern, replacement);
	if (withoutR) text = text.replace(rAfterVowel, '');
	// A word that opens with a vowel is transcribed opening with one (ア, 아): the key keeps that.
	return `${/^[aeiouwy]/.test(text) ? '_' : ''}${withoutDoubledLetters(text).replace(/[aeiouwy]/g, '')}`;
}

function loanwordKeysOf(token: string, sounds: LoanwordRules): readonly string[] {
	const readings = [...new Set([token, token.replace(sSaidAsJ, 'j')])];
	return [...new Set(readings.flatMap(reading => [loanwordKey(reading, sounds, false), loanwordKey(reading, sounds, true)]))];
}

const kanaKeysMemo = boundedMemo(token => loanwordKeysOf(token, kanaSounds));
const hangulKeysMemo = boundedMemo(token => loanwordKeysOf(token, hangulSounds));

// A word of one or two consonants ("Huawei", "Dahua") has too few for a loanword key, but its transcription
// writes every vowel: it is read whole, vowels kept. Both scripts write a Latin u before another vowel as
// the glide w (화 "hwa" for "hua", 웨 "we"), and Japanese writes h with that glide as f (ファ "fa" for
// "hua", フェ "fe" for "hue"), which its key then reads as h.
const glideU = /(?<=[^aeiou])u(?=[aeio])/g;
const kanaVowelSounds: LoanwordRules = [...kanaSounds, [/hw/g, 'h']];

function transcriptionKey(token: string, sounds: LoanwordRules): string {
	let text = token.replace(glideU, 'w');
	for (const [pattern, replacement] of loanwordSpelling) text = text.replace(pattern, replacement);
	for (const [pattern, replacement] of sounds) text = text.replace(pattern, replacement);
	return withoutDoubledLetters(text);
}

/** Letters a transcription key needs: shorter ones ("opo", "ai") are too many words. */
const transcriptionKeyMinimum = 4;

const kanaTranscriptionMemo = boundedMemo(token => transcriptionKey(token, kanaVowelSounds));
const hangulTranscriptionMemo = boundedMemo(token => transcriptionKey(token, hangulSounds));

/** The transcription keys of a token (kana `kv:`, Hangul `hv:`) long enough to pair words (see transcriptionKey). */
function transcriptionKeys(token: string, origins: Origin): string[] {
	const keys: string[] = [];
	if (origins & kanaOrigin) {
		const key = kanaTranscriptionMemo(token);
		if (key.length >= transcriptionKeyMinimum) keys.push(`kv:${key}`);
	}
	if (origins & hangulOrigin) {
		const key = hangulTranscriptionMemo(token);
		if (key.length >= transcriptionKeyMinimum) keys.push(`hv:${key}`);
	}
	return keys;
}

/**
 * The loanword keys of a token as kana (`k:`) and Hangul (`h:`) would write it, for the candidate index: tokens that
 * syllabaryAgreement pairs share one. `origins`: the syllabaries whose keys are wanted.
 */
export function loanwordKeys(token: string, origins: Origin = syllabaryOrigins): string[] {
	const keys = new Set<string>();
	if (origins & kanaOrigin) for (const key of kanaKeysMemo(token)) if (loanwordKeyLength(key) >= loanwordKeyMinimum) keys.add(`k:${key}`);
	if (origins & hangulOrigin)
		for (const key of hangulKeysMemo(token)) if (loanwordKeyLength(key) >= loanwordKeyMinimum) keys.add(`h:${key}`);
	return [...keys, ...transcriptionKeys(token, origins)];
}

/** Consonants a loanword key needs: fewer are not a name ("sr" is Sara, Sari, Siri, Sorrow). */
const loanwordKeyMinimum = 3;

function loanwordKeyLength(key: string): number {
	return key.startsWith('_') ? key.length - 1 : key.length;
}

/**
 * The similarity of a token transcribed in kana or Hangul (`origin`, scripts.ts) and
 * `other` by their loanword keys (see loanwordSpelling): strong, as for an abjad's
 * consonants, since three consonants or more agree in order; as a fold when they
 * read alike vowels and all (transcriptionKey).
 */
export function syllabaryAgreement(syllabary: string, other: string, origin: Origin): number {
	const transcribed = (memo: (token: string) => string) => {
		const key = memo(syllabary);
		return key.length >= transcriptionKeyMinimum && key === memo(other);
	};
	if ((origin & kanaOrigin && transcribed(kanaTranscriptionMemo)) || (origin & hangulOrigin && transcribed(hangulTranscriptionMemo)))
		return foldedSimilarity;
	const agree = (keysOf: (token: string) => readonly string[]): boolean => {
		const own = keysOf(syllabary);
		const others = keysOf(other);
		return own.some(key => loanwordKeyLength(key) >= loanwordKeyMinimum && others.includes(key));
	};
	return (origin & kanaOrigin && agree(kanaKeysMemo)) || (origin & hangulOrigin && agree(hangulKeysMemo)) ? strongLooseSimilarity : 0;
}

// Ukrainian and Belarusian romanise г as h ("Ihor", "Oleh", "Hryhoriy") where Russian
// has g ("Igor", "Oleg", "Grigoriy"); the romaniser reads г as g whichever language the
// name is in. A word from Cyrillic read with h for g is the same romanisation variant.
export function ukrainianReading(token: string): string {
	return token.replace(/g/g, 'h');
}

/** A token from Cyrillic and `other` fold together once its g is read as Ukrainian h. */
export function ukrainianAgreement(cyrillic: string, other: string): boolean {
	return cyrillic.includes('g') && other.includes('h') && fineFold(ukrainianReading(cyrillic)) === fineFold(other);
}

/** The key under which the candidate index finds the tokens ukrainianAgreement pairs: the fine fold of the Ukrainian reading. */
export function ukrainianKeys(token: string): string[] {
	const keys: string[] = [];
	if (token.includes('g')) keys.push(`u:${fineFold(ukrainianReading(token))}`);
	if (token.includes('h')) keys.push(`u:${fineFold(token)}`);
	return keys;
}

/**
 * 1 for equal tokens; 0.85-0.95 for a typo or a romanisation variant; 0 for different
 * words. `originA`/`originB`: the scripts the token was romanised from (scripts.ts; 0: Latin).
 */
export function tokenSimilarity(a: string, b: string, originA: Origin = latinOrigin, originB: Origin = latinOrigin): number {
	if (a === b) return 1;
	// Two forms of one generic word are named (generic-words.ts), whatever their scripts' endings.
	if (sameGenericWord(a, b)) return foldedSimilarity;
	if (!abjadClosingFits(a, originA, b, originB)) return 0;
	// A Han transcription's pinyin is a Latin spelling to the rules below; the tables' conventions come last.
	const looseA = originA & ~hanOrigin;
	const looseB = originB & ~hanOrigin;
	const shorter = Math.min(a.length, b.length);
	let similarity = editSimilarity(a, b);
	// A five-letter word and the same word with a letter doubled fold together, but stay a doubled letter ("Canon", "Cannon").
	const onlyDoubled = shorter === shortWordLength && doubledLetter(a, b);
	// Two English words are two words ("theme", "time"; "genesis", "sense"): the keys below join respellings of one name,
	// romanised or transcribed, and a typo or a spelling variant is caught by the edit and fine-fold rules.
	let english: boolean | undefined;
	const twoEnglishWords = () =>
		(english ??= originA === latinOrigin && originB === latinOrigin && isDictionaryWord(a) && isDictionaryWord(b));
	if (
		similarity < foldedSimilarity &&
		shorter >= foldMinimumLength &&
		!onlyDoubled &&
		!wordAndEnding(a, b) &&
		foldRomanisation(a) === foldRomanisation(b)
	) {
		const coarse = twoEnglishWords() ? 0 : coarseAgreement(a, b, looseA | looseB);
		similarity = Math.max(similarity, fineFold(a) === fineFold(b) ? foldedSimilarity : coarse);
	}
	if (similarity < strongLooseSimilarity && (looseA || looseB) && abjadOpeningFits(a, looseA, b, looseB)) {
		similarity = Math.max(similarity, looseAgreement(a, b, looseA, looseB));
		if (similarity < strongLooseSimilarity && looseA & abjadOrigin) similarity = Math.max(similarity, abjadAgreement(a, b));
		if (similarity < strongLooseSimilarity && looseB & abjadOrigin) similarity = Math.max(similarity, abjadAgreement(b, a));
		if (similarity < foldedSimilarity && looseA & syllabaryOrigins) similarity = Math.max(similarity, syllabaryAgreement(a, b, looseA));
		if (similarity < foldedSimilarity && looseB & syllabaryOrigins) similarity = Math.max(similarity, syllabaryAgreement(b, a, looseB));
		if (
			similarity < foldedSimilarity &&
			((looseA & cyrillicOrigin && ukrainianAgreement(a, b)) || (looseB & cyrillicOrigin && ukrainianAgreement(b, a)))
		)
			similarity = foldedSimilarity;
		if (similarity < strongLooseSimilarity && (looseA === latinOrigin) !== (looseB === latinOrigin)) {
			const [romanised, latin, origin] = looseA ? [a, b, looseA] : [b, a, looseB];
			if (vowelAlphabetOnly(origin)) similarity = Math.max(similarity, quWrittenKvAgreement(romanised, latin));
		}
	}
	if (similarity < looseSimilarity && chineseAgreement(a, b) && !twoEnglishWords()) similarity = looseSimilarity;
	// Syllable by syllable, a Wade-Giles word and its pinyin are one word in two romanisations, as Cyrillic's are.
	if (similarity < foldedSimilarity && wadeGilesAgreement(a, b) && !twoEnglishWords()) similarity = foldedSimilarity;
	if (similarity < foldedSimilarity && respellings.some(({shortest, agree}) => shorter >= shortest && agree(a, b)) && !twoEnglishWords())
		similarity = foldedSimilarity;
	if (similarity < strongLooseSimilarity && shorter >= vowelRespellingLength && vowelsRespelt(a, b) && !twoEnglishWords())
		similarity = strongLooseSimilarity;
	if (similarity < strongLooseSimilarity && (looseA | looseB) & alphabetOrigin)
		similarity = Math.max(similarity, greekNameAgreement(a, looseA, b, looseB));
	if (similarity < strongLooseSimilarity && originA & hanOrigin)
		similarity = Math.max(similarity, hanAgreement(a, b, (originB & abjadOrigin) !== 0, strongLooseSimilarity, looseSimilarity));
	if (similarity < strongLooseSimilarity && originB & hanOrigin)
		similarity = Math.max(similarity, hanAgreement(b, a, (originA & abjadOrigin) !== 0, strongLooseSimilarity, looseSimilarity));
	return similarity;
}

/**
 * A long word whose consonants (y is one: the ي of an Arabic name), in order, are the other's and whose
 * first and last letters are the same, written with other vowels: the vowels romanisations of Arabic and
 * Persian disagree on ("Hezbollah"/"Hizballah", "Khorasan"/"Khurasan"). Its coarse key alone (0.88) left a
 * one-word name below the threshold; eight letters are too many for two words to share by chance.
 */
const vowelRespellingLength = 8;

function vowelsRespelt(a: string, b: string): boolean {
	if (a.charCodeAt(0) !== b.charCodeAt(0) || a.charCodeAt(a.length - 1) !== b.charCodeAt(b.length - 1)) return false;
	const consonants = (token: string) => withoutDoubledLetters(token.replace(/[aeiou]/g, ''));
	const consonantsA = consonants(a);
	return consonantsA.length >= 3 && consonantsA === consonants(b) && Math.abs(a.length - b.length) <= 2;
}

/**
 * The one word with ж or ژ written "zh" (BGN/PCGN, most English spellings) and "j" (French, Turkish and Persian
 * ones): "Pezhman"/"Pejman", "Zhukov"/"Jukov", "Bizhan"/"Bijan". The fine fold writes zh as z (ž, Czech and
 * ISO 9's) and j as the j of English (dzh), so they never fold together. Words of five letters or more: "Zhang"
 * and "Jang" are two names.
 */
function zhWrittenJ(a: string, b: string): boolean {
	const zhInA = zhSound.test(a);
	return zhInA !== zhSound.test(b) && (zhInA ? b : a).includes('j') && foldsAsRead(a, b, zhAsJ);
}
const zhAsJ = (token: string): string | null => (zhSound.test(token) ? token.replace(zhSoundEverywhere, 'j') : null);
/** A zh that is not English j written dzh. */
const zhSound = /(?<!d)zh/;
const zhSoundEverywhere = /(?<!d)zh/g;

/**
 * The spellings under whose fold keys the candidate index finds the words zhWrittenJ pairs with `token`: its zh
 * written j, or its j written zh (each alone too, when it has several). The fine fold drops a j before a vowel
 * as a glide ("pejak" is "peak"), so the word's own key does not reach the zh spelling.
 */
export function zhRespellings(token: string): string[] {
	if (zhSound.test(token)) return [token.replace(zhSoundEverywhere, 'j')];
	const positions = [...token.matchAll(/j/g)].map(match => match.index);
	if (positions.length === 0) return [];
	const each = positions.length > 1 ? positions.map(at => `${token.slice(0, at)}zh${token.slice(at + 1)}`) : [];
	return [token.replace(/j/g, 'zh'), ...each];
}

/**
 * A Russian name as German writes it: ch for х where English writes kh, z for ц where English writes ts,
 * an opening j for the y of е, я, ю ("Chodorkowski"/"Khodorkovsky", "Jelzin"/"Yeltsin"). Read so only where the word shows
 * German spelling otherwise (sch, a w, an opening j before a vowel): English writes ч as ch. Null
 * when it does not, or the reading changes nothing.
 */
export function germanReading(token: string): string | null {
	if (!germanMarks.test(token)) return null;
	const read = token
		.replace(germanCh, 'kh')
		.replace(/z/g, 'ts')
		.replace(/^j(?=[aeiou])/, 'y');
	return read === token ? null : read;
}
const germanMarks = /sch|w|^j[aeiou]/;
/** A ch that is not the ч of tsch nor the ш of sch. */
const germanCh = /(?<![ts])ch/g;

/**
 * A Latin qu before a vowel as Russian writes it, кв ("Квектел" for "Quectel", "Квалком" for "Qualcomm"): the word
 * read with kv, or null when it has no such qu. The fold cannot write qu so itself: Spanish and French qu is k ("Marquez").
 */
export function quReading(token: string): string | null {
	return token.includes('qu') ? token.replace(quBeforeVowel, 'kv') : null;
}
const quBeforeVowel = /qu(?=[aeiouy])/g;

/** A word from an alphabet and a Latin one with qu that meet once it is read kv (quReading), as coarseAgreement weighs them. */
function quWrittenKvAgreement(romanised: string, latin: string): number {
	const read = quReading(latin);
	if (read === null || read === latin || foldRomanisation(read) !== foldRomanisation(romanised)) return 0;
	return strongCoarseKey(romanised, read) ? strongLooseSimilarity : coarseSimilarity;
}

/** The two words fold together once the one in German spelling is read so (germanReading). */
const germanSpelling = (a: string, b: string): boolean => foldsAsRead(a, b, germanReading);

/**
 * A Russian or Arabic name as French writes it: ou for у, tch for ч, ch for ш, j for ж, gu before e or i for a
 * hard г, and an e after a closing n ("Poutine"/"Putin", "Setchine"/"Sechin", "Prigojine"/"Prigozhin",
 * "Choukri"/"Shukri", "Ousmane"/"Usman", "Evgueni"/"Evgeni"). Read so only where the word shows French spelling
 * otherwise (ou, tch, gu before e or i, a closing -ine or -ane): English writes ch for ч and a j for дж. Null
 * when it does not, or the reading changes nothing.
 */
export function frenchReading(token: string): string | null {
	if (!frenchMarks.test(token)) return null;
	const read = token
		.replace(frenchCh, 'sh')
		.replace(/tch/g, 'ch')
		.replace(/ou/g, 'u')
		.replace(frenchJ, 'zh')
		.replace(/gu(?=[ei])/g, 'g')
		.replace(/(?<=[^aeiou][ai]n)e$/, '');
	return read === token ? null : read;
}
const frenchMarks = /ou|tch|gu[ei]|[^aeiou][ai]ne$/;
/** A ch that is not the ч of tch. */
const frenchCh = /(?<!t)ch/g;
/** A j that is not the j of dj (дж, ج). */
const frenchJ = /(?<!d)j/g;

/** The two words fold together once the one in French spelling is read so (frenchReading). */
const frenchSpelling = (a: string, b: string): boolean => foldsAsRead(a, b, frenchReading);

/**
 * An Arabic or Persian name's ق, غ and ذ as romanisations disagree on them: q, k, g (as the Gulf and Egypt say ق) or gh
 * (as Persian says both), and dh, d or a doubled d ("Qadhafi", "Kadhafi", "Gaddafi", "Qaddafi"; "Qalibaf",
 * "Ghalibaf"). Where a word writes q (not qu) or dh, the two words are one once both are read with one letter for
 * each sound: k for q, k, g and gh, d for dh.
 */
function arabicConsonantsRespelt(a: string, b: string): boolean {
	return (arabicMarks.test(a) || arabicMarks.test(b)) && arabicConsonantKey(a) === arabicConsonantKey(b);
}
const arabicMarks = /q(?!u)|dh/;
const arabicConsonantKey = (token: string): string => fineFold(token.replace(/dh/g, 'd').replace(/gh/g, 'g')).replace(/[gq]/g, 'k');

/**
 * The spellings under whose fold keys the candidate index finds the words arabicConsonantsRespelt pairs with
 * `token` (the fold keeps g apart from k and gh): with d for its dh, and g for its q and k as the Egyptian spelling
 * writes them, or gh for its q as the Persian one does, or with its q, which the fold reads k; none when the word
 * writes neither q nor dh.
 */
export function arabicReadings(token: string): string[] {
	if (!arabicMarks.test(token)) return [];
	const withD = token.replace(/dh/g, 'd');
	return [withD, withD.replace(/[qk]/g, 'g'), withD.replace(/q(?!u)/g, 'gh')];
}

/** One word read by `read` (null: it has no such reading) folds as the other does. */
function foldsAsRead(a: string, b: string, read: (token: string) => string | null): boolean {
	const readA = read(a);
	if (readA !== null && fineFold(readA) === fineFold(b)) return true;
	const readB = read(b);
	return readB !== null && fineFold(readB) === fineFold(a);
}

/**
 * A Western name back from Cyrillic, its soft c (before e, i, y) written with the s of С: "Setelem" is
 * Cetelem, "Sitibank" Citibank. Six letters or more ("Cisco" and "Sisco" are two names), and no English
 * word on either side ("Cinema" is no name of a company called "Sinema").
 */
function softCWrittenS(a: string, b: string): boolean {
	if ((!softC.test(a) && !softC.test(b)) || isDictionaryWord(a) || isDictionaryWord(b)) return false;
	return fineFold(a.replace(softCEverywhere, 's')) === fineFold(b.replace(softCEverywhere, 's'));
}
const softC = /c(?=[eiy])/;
const softCEverywhere = /c(?=[eiy])/g;

/**
 * Spellings of one word that no fold joins, each tried on words of at least `shortest` letters; a pair that
 * meets one is a romanisation variant, as a fold would make it.
 */
const respellings: ReadonlyArray<{shortest: number; agree: (a: string, b: string) => boolean}> = [
	{shortest: shortWordLength, agree: zhWrittenJ},
	{shortest: foldMinimumLength, agree: germanSpelling},
	{shortest: 6, agree: softCWrittenS},
	{shortest: foldMinimumLength, agree: frenchSpelling},
	{shortest: foldMinimumLength, agree: arabicConsonantsRespelt},
];

let readingGreek = false;

/**
 * A foreign name as Greek spells it meets its Latin spelling once read back (greek-romanisation.ts,
 * greekNameReading: "ombama" is "obama"), by the rules above; each Greek side is read, one at a time.
 */
function greekNameAgreement(a: string, originA: Origin, b: string, originB: Origin): number {
	if (readingGreek) return 0;
	readingGreek = true;
	try {
		const readA = originA & alphabetOrigin ? greekNameReading(a) : null;
		const readB = originB & alphabetOrigin ? greekNameReading(b) : null;
		return Math.max(
			readA === null ? 0 : tokenSimilarity(readA, b, originA, originB),
			readB === null ? 0 : tokenSimilarity(a, readB, originA, originB),
		);
	} finally {
		readingGreek = false;
	}
}

/** Romanised from Cyrillic and from no abjad. */
const cyrillicOnly = (origin: Origin): boolean => (origin & cyrillicOrigin) !== 0 && (origin & abjadOrigin) === 0;

/** A word's first vowel sound as Cyrillic's romanisations write it: y before a vowel (я, е, ю) and y for ы, и read as i. */
function firstVowel(token: string): string {
	const found = /[aeiouy]/.exec(token.replace(/y(?=[aeiou])/g, ''));
	return found ? found[0].replace('y', 'i') : '';
}

/**
 * Whether a word romanised from an abjad and a Latin word open alike (scripts.ts, abjadOpensWithVowel):
 * a Latin word opening with a vowel is not an abjad word written opening with a consonant ("Aimbase",
 * مبس), nor the reverse ("Math", أحمد "hmd"), but for the letters that write either (و "w", ي "y":
 * "Oualid" for وليد, "Yasser" for ياسر). Between two romanised words, or when the opening is not known, they may.
 */
function abjadOpeningFits(a: string, originA: Origin, b: string, originB: Origin): boolean {
	if ((originA === latinOrigin) === (originB === latinOrigin)) return true;
	const [abjad, origin, latin] = originA === latinOrigin ? [b, originB, a] : [a, originA, b];
	if (!(origin & abjadOrigin)) return true;
	const opensWithVowel = (origin & abjadOpensWithVowel) !== 0;
	const opensWithConsonant = (origin & abjadOpensWithConsonant) !== 0;
	if (!opensWithVowel && !opensWithConsonant) return true;
	if (/^[wy]/.test(latin)) return true;
	if (/^[aeiou]/.test(latin)) return opensWithVowel || /^[wy]/.test(abjad);
	return opensWithConsonant;
}

/**
 * Whether a word romanised from an abjad and a Latin word close alike (scripts.ts, abjadClosesWithConsonant):
 * a Latin word ending on a vowel other than a silent-prone e is not an abjad word written closing on a
 * consonant ("Mabisy", مبس "mbs"), and a Latin word ending on a consonant is not one written closing on a
 * long vowel ("Track", تركي "trky"). Between two romanised words, or when the closing is not known, they may.
 */
export function abjadClosingFits(a: string, originA: Origin, b: string, originB: Origin): boolean {
	if ((originA === latinOrigin) === (originB === latinOrigin)) return true;
	const [origin, latin] = originA === latinOrigin ? [originB, a] : [originA, b];
	const closing = origin & (abjadClosesWithConsonant | abjadClosesWithLongVowel);
	if (closing === abjadClosesWithConsonant) return !/[aiouy]$/.test(latin);
	if (closing === abjadClosesWithLongVowel) return /[aeiouyhw]$/.test(latin);
	return true;
}

/**
 * A five-letter word and the same word with one letter doubled ("Jabar"/"Jabbar",
 * "Hasan"/"Hassan"): romanisations write a geminate (Arabic shadda) either way.
 * Above a plain one-letter edit, but a one-word name resting on it alone still scales
 * below the threshold (0.89 x 0.89 = 0.79): "Canon" is not "Cannon" by itself.
 */
const doubledLetterSimilarity = 0.89;

/** `a` and `b` differ by one letter written twice in one and once in the other. */
function doubledLetter(a: string, b: string): boolean {
	const [shorter, longer] = a.length < b.length ? [a, b] : [b, a];
	if (longer.length !== shorter.length + 1) return false;
	for (let at = 1; at < longer.length; at++) {
		if (longer.charCodeAt(at) === longer.charCodeAt(at - 1) && longer.slice(0, at) + longer.slice(at + 1) === shorter) return true;
	}
	return false;
}

/**
 * A letter dropped, added or two swapped inside a word of five to seven letters, its first and last letters
 * kept, may change how it sounds ("Reair"/"Repair", "Industy"/"Industry", "Ahsqar"/"Ashqar"): a typo more
 * often than another word, but not always ("Being"/"Boeing"). Just above the pair floor, so it counts only
 * beside other words that agree: a name resting on it alone scales to 0.76. A letter replaced is another
 * word ("Intel"/"Inter"), and so is one added at the end ("Micro"/"Micron").
 */
const typoSimilarity = 0.87;

/** `a` and `b`, one edit apart, differ by a letter dropped or added, or two letters swapped, and not at either end. */
function insideTypo(a: string, b: string): boolean {
	if (a.charCodeAt(a.length - 1) !== b.charCodeAt(b.length - 1)) return false;
	if (a.length !== b.length) return true;
	let at = 0;
	while (a.charCodeAt(at) === b.charCodeAt(at)) at++;
	return a.charCodeAt(at) === b.charCodeAt(at + 1) && a.charCodeAt(at + 1) === b.charCodeAt(at);
}

/**
 * One word is the other with two letters or more added at the end ("Mobileye", "Mobile"): another word, though
 * the fold, dropping the y of a Russian -ye, may make them one.
 */
function wordAndEnding(a: string, b: string): boolean {
	const [shorter, longer] = a.length < b.length ? [a, b] : [b, a];
	return longer.length - shorter.length >= 2 && longer.startsWith(shorter);
}

/** The edit part of tokenSimilarity: what similarTokens must find by itself. */
export function editSimilarity(a: string, b: string): number {
	const shorter = Math.min(a.length, b.length);
	const allowed = editBound(shorter);
	if (allowed === 0) return 0;
	const distance = editDistanceWithin(a, b, allowed);
	if (distance > allowed) return 0;
	const sameStart = a.charCodeAt(0) === b.charCodeAt(0);
	const sound = soundAlike(a, b);
	if (distance === 1) {
		if (shorter === shortWordLength && sameStart && sound && doubledLetter(a, b)) return doubledLetterSimilarity;
		if (shorter < twoEditLength) {
			if (sameStart && sound) return shorter === shortWordLength ? 0.88 : 0.93;
			return sameStart && insideTypo(a, b) ? typoSimilarity : 0;
		}
		return sound ? 0.95 : sameStart ? 0.9 : 0;
	}
	return sameStart && sound ? 0.87 : 0;
}

/**
 * An upper bound of editSimilarity for two different tokens of these lengths with
 * `common` letters in common (as multisets) and a shared prefix of `prefix`
 * letters. Each edit changes the multiset by at most one letter on the longer
 * side, so at least max(la, lb) - common edits are needed. The candidate search
 * prunes with it; fold and sound matches are found through their own keys.
 */
export function tokenSimilarityBound(lengthA: number, lengthB: number, common: number, prefix: number): number {
	const shorter = Math.min(lengthA, lengthB);
	const allowed = editBound(shorter);
	if (allowed === 0) return 0;
	const edits = Math.max(lengthA, lengthB) - Math.min(common, shorter);
	if (edits > allowed) return 0;
	if (prefix === 0 && (shorter < twoEditLength || edits >= 2)) return 0;
	return 0.95;
}
