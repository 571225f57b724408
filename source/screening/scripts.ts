// Romanising names in other scripts, each with a maintained library that knows it:
// Han through `transliteration` (pinyin, one brand's syllables kept together),
// Hangul through `es-hangul` (Revised Romanisation), kana through `wanakana`
// (Hepburn), Arabic through `any-ascii`, Hebrew, Cyrillic, Greek and the rest
// through `transliteration`. Words romanised from an alphabet other than Latin or
// Han are "loose": their Latin spelling is one guess among several, so scoring lets
// them meet a Latin word by sound or consonants (token-similarity.ts). Each such word
// also records the script it came from (Origin): a syllabary's transcription of a
// foreign name and an abjad's vowelless spelling agree with Latin in different ways.
import anyAscii from 'any-ascii';
import {romanize as romaniseHangul} from 'es-hangul';
import {transliterate} from 'transliteration';
import {toRomaji} from 'wanakana';
import {withGreekDigraphs} from './greek-romanisation.js';
import {isHanTranscription, transcriptionReadings} from './han-transcription.js';
import {hangulDescriptors, hangulLegalForms, hanDescriptors, hanLegalForms, hanPlaceNames, kanaDescriptors} from './legal-forms.js';

/**
 * The scripts a word was romanised from, as bits (a word met in several names may
 * come from several): 0 is a Latin (or Han) word, whose spelling is not a guess.
 */
export type Origin = number;
export const latinOrigin: Origin = 0;
/** Cyrillic: an alphabet that writes its vowels, romanised by several systems. */
export const cyrillicOrigin: Origin = 1;
/** Greek, Armenian, Georgian: alphabets that write their vowels. */
export const alphabetOrigin: Origin = 2;
/** Japanese kana: a syllabary, which writes a foreign name with a vowel after each consonant. */
export const kanaOrigin: Origin = 4;
/** Korean Hangul: syllable blocks, which write a foreign name with "eu" after a lone consonant. */
export const hangulOrigin: Origin = 8;
/** Kana and Hangul: syllabaries, which write a foreign word's vowels and a vowel after each of its consonants. */
export const syllabaryOrigins = kanaOrigin | hangulOrigin;
/** Arabic, Persian, Urdu, Hebrew: abjads, which write consonants and long vowels only. */
export const abjadOrigin: Origin = 16;
/** Han characters read for their sound, as Chinese transcribes a foreign name (han-transcription.ts): a vowel after each consonant. */
export const hanOrigin: Origin = 32;
/** Every script a word may be romanised from. */
export const everyOrigin: Origin = cyrillicOrigin | alphabetOrigin | kanaOrigin | hangulOrigin | abjadOrigin | hanOrigin;
/**
 * With abjadOrigin, how the abjad word opened. An abjad writes a word's opening vowel with a letter of
 * its own (alif, hamza or ain; Hebrew aleph or ayin: أحمد "Ahmad", עמר "Omer"), which the romanisation
 * drops ("hmd"), and a word it writes opening with a consonant opens with that consonant in Latin too.
 * A word met both ways carries both bits.
 */
export const abjadOpensWithVowel: Origin = 64;
export const abjadOpensWithConsonant: Origin = 128;
/** The letters an abjad word opens with when it opens with a vowel. */
const abjadVowelCarriers = /^[\u0621-\u0623\u0625\u0627\u0639\u0671\u05D0\u05E2]/u;
/** How an abjad word opens, as its romanisation cannot tell. */
const abjadOpening = (word: string): Origin => (abjadVowelCarriers.test(word) ? abjadOpensWithVowel : abjadOpensWithConsonant);
/**
 * With abjadOrigin, how an Arabic-script word closed, which its romanisation cannot tell either (a final
 * alif is dropped: رضا is "rd", Reza). Arabic writes a name's final vowel: a long one with alif, ya or alif
 * maqsura (موسى "Musa", علي "Ali"), a short one mostly with ta marbuta or ha (أسامة "Osama", طه "Taha").
 * A word closing on a long vowel carries abjadClosesWithLongVowel; on a consonant, abjadClosesWithConsonant;
 * on a letter that may write either or that Latin spellings often leave out (waw, ta marbuta, ha, ain, hamza,
 * hah: "Dadu" for الدحدوح), both. Hebrew's words are left unmarked: its endings inflect ("הסעודית", Saudi).
 */
export const abjadClosesWithConsonant: Origin = 256;
export const abjadClosesWithLongVowel: Origin = 512;
const abjadLongVowelClose = /[\u0627\u0622\u0623\u0625\u0649\u064A\u06CC\u06D2\u06D0]$/u;
const abjadEitherClose = /[\u0621\u0624\u0626\u0629\u062D\u0639\u0647\u0648\u06C1\u06C3\u06D5]$/u;
const abjadClosing = (word: string): Origin =>
	abjadLongVowelClose.test(word)
		? abjadClosesWithLongVowel
		: abjadEitherClose.test(word)
			? abjadClosesWithConsonant | abjadClosesWithLongVowel
			: abjadClosesWithConsonant;

/** Romanised words (lower case) and the scripts each came from. */
export type Origins = Map<string, Origin>;

const hanRun = /\p{Script=Han}+/gu;
const hanLegalFormPattern = new RegExp(hanLegalForms.join('|'), 'gu');
const hangulLegalFormPattern = new RegExp(hangulLegalForms.map(form => form.replace(/[()]/g, '\\$&')).join('|'), 'gu');
const hanDescriptorPattern = new RegExp(`(${hanDescriptors.join('|')})`, 'u');
const hanPlacePrefix = new RegExp(`^(${hanPlaceNames.join('|')})(?:[市省](?![场場政]))?(?=\\p{Script=Han})`, 'u');
const hangulRun = /\p{Script=Hangul}+/gu;
const hangulLetter = /\p{Script=Hangul}/u;
const kanaRun = /[\p{Script=Hiragana}\p{Script=Katakana}\u30FC]+/gu;
// Katakana's long-vowel mark (ー) doubles a vowel in Hepburn ("ソニー" -> "sonii"); the
// Latin spellings of the names and brands it transcribes do not write it ("Sony",
// "Kaspersky", as "Tokyo" drops Tōkyō's macrons).
const longVowelMark = /\u30FC/g;
// Katakana spells foreign sounds with a small vowel after a syllable (ファ "fa", ディ "di",
// ヴィ "vi"); `wanakana` reads the two kana one by one ("fua", "dei"). Hepburn's table
// for loanwords reads them as one sound, as the Latin spellings of the names write it.
const loanwordKana: Readonly<Record<string, string>> = {
	ファ: 'fa',
	フィ: 'fi',
	フェ: 'fe',
	フォ: 'fo',
	フュ: 'fyu',
	ティ: 'ti',
	ディ: 'di',
	トゥ: 'tu',
	ドゥ: 'du',
	テュ: 'tyu',
	デュ: 'dyu',
	ヴァ: 'va',
	ヴィ: 'vi',
	ヴェ: 've',
	ヴォ: 'vo',
	ヴ: 'vu',
	ウィ: 'wi',
	ウェ: 'we',
	ウォ: 'wo',
	シェ: 'she',
	ジェ: 'je',
	チェ: 'che',
	ツァ: 'tsa',
	ツィ: 'tsi',
	ツェ: 'tse',
	ツォ: 'tso',
	スィ: 'si',
	ズィ: 'zi',
	イェ: 'ye',
	クァ: 'kwa',
	グァ: 'gwa',
};
const loanwordKanaPattern = new RegExp(
	Object.keys(loanwordKana)
		.sort((a, b) => b.length - a.length)
		.join('|'),
	'gu',
);
// Japanese writes the Arabic article of an Arabic name as a word of its own (アル＝サウード,
// アール・サウード, assimilated アッ＝サウード): the particle "al", as for Arabic and Hebrew.
const kanaArabicArticle = /^ア[ルッ]$/u;

/** A pattern of the descriptors (`words`' keys) a run ends with, longest first. */
const endingOneOf = (words: Readonly<Record<string, string>>): RegExp =>
	new RegExp(
		`(?:${Object.keys(words)
			.sort((a, b) => b.length - a.length)
			.join('|')})$`,
		'u',
	);
const kanaDescriptorEnding = endingOneOf(kanaDescriptors);
const hangulDescriptorEnding = endingOneOf(hangulDescriptors);
// What is left before a descriptor is a brand of three kana or two Hangul syllables at least: "コラボ" (collab) ends in the
// sounds of ラボ but is one word.
const kanaStemMinimum = 3;
const hangulStemMinimum = 2;

/**
 * `run` romanised by `romanise`, less the transcribed English words it ends with (kanaDescriptors,
 * hangulDescriptors), which follow it as those English words.
 */
function withDescriptorsApart(
	run: string,
	ending: RegExp,
	words: Readonly<Record<string, string>>,
	stemMinimum: number,
	romanise: (stem: string) => string,
): string {
	const english: string[] = [];
	let stem = run;
	for (let found = ending.exec(stem); found; found = ending.exec(stem)) {
		// A run that is the word alone is the word; otherwise the brand before it keeps its length.
		// A one-syllable word (랩) needs a longer brand before it: 스크랩 is "scrap", 스트랩 "strap".
		const needed = Math.max(stemMinimum, 4 - [...found[0]].length);
		if (found.index > 0 && [...stem.slice(0, found.index)].length < needed) break;
		english.unshift(words[found[0]]!);
		stem = stem.slice(0, found.index);
	}
	return english.length === 0 ? romanise(run) : `${stem ? romanise(stem) : ''} ${english.join(' ')}`;
}

function romaniseKana(run: string, loose: Origins): string {
	return withDescriptorsApart(run, kanaDescriptorEnding, kanaDescriptors, kanaStemMinimum, stem => romaniseKanaWord(stem, loose));
}

function romaniseKanaWord(run: string, loose: Origins): string {
	const withoutLongVowels = run.replace(longVowelMark, '');
	if (kanaArabicArticle.test(withoutLongVowels)) return 'al';
	return remember(toRomaji(withoutLongVowels.replace(loanwordKanaPattern, digraph => loanwordKana[digraph] ?? digraph)), loose, kanaOrigin);
}

const arabicRun = /\p{Script=Arabic}+/gu;
const hebrewRun = /\p{Script=Hebrew}+/gu;
const cyrillicRun = /\p{Script=Cyrillic}+/gu;
const otherRun = /[\p{Script=Greek}\p{Script=Armenian}\p{Script=Georgian}]+/gu;
// The scripts of India and Sri Lanka write a consonant with an inherent vowel that `transliteration`
// leaves out, as it leaves out a short vowel an abjad does not write ("सलमान" is "slmaan", Salman): their
// words are loose as an abjad's are, and open with a vowel exactly when the romanisation does, since these
// scripts write an opening vowel with a letter of its own.
const brahmicRun =
	/[\p{Script=Devanagari}\p{Script=Bengali}\p{Script=Gurmukhi}\p{Script=Gujarati}\p{Script=Oriya}\p{Script=Tamil}\p{Script=Telugu}\p{Script=Kannada}\p{Script=Malayalam}\p{Script=Sinhala}]+/gu;
// Devanagari writes the sounds of Arabic and Persian names with a dot (nukta) under a consonant of its own
// (ज़ z, फ़ f, क़ q: "अज़ीज़" Aziz), which `transliteration` reads as the plain consonant and an apostrophe ("aj'iij'").
const nuktaConsonant = /([\u0915\u0916\u0917\u091C\u0921\u0922\u092B\u092F])\u093C|[\u0958-\u095F]/gu;
const nuktaSounds: Readonly<Record<string, string>> = {
	'\u0915': 'q', // क़
	'\u0916': 'kh', // ख़
	'\u0917': 'gh', // ग़
	'\u091C': 'z', // ज़
	'\u0921': 'r', // ड़
	'\u0922': 'rh', // ढ़
	'\u092B': 'f', // फ़
	'\u092F': 'y', // य़
};
// U+0958 to U+095F are the same letters composed, in this order.
const nuktaBases = Object.keys(nuktaSounds);

function romaniseBrahmic(run: string, loose: Origins): string {
	const withNukta = run.replace(
		nuktaConsonant,
		(composed, base?: string) => nuktaSounds[base ?? nuktaBases[composed.charCodeAt(0) - 0x958]!]!,
	);
	// फ and ഫ, "ph", write the f of the names these scripts borrow ("यूसुफ", Yusuf) as often as their own ph.
	const romanised = transliterate(withDroppedLetters(withNukta)).replace(/ph/g, 'f');
	return remember(romanised, loose, abjadOrigin, /^[aeiou]/i.test(romanised) ? abjadOpensWithVowel : abjadOpensWithConsonant);
}

// `transliteration` has no table for some letters of the scripts it reads: it drops Malayalam's chillu
// letters, which end a syllable on a consonant ("അൻവർ", Anwar, became "av"; "ബിൻ ലാദൻ", bin Laden, "bi
// laad"), Kazakh's and Tatar's Ә ("Әлихан" became "@likhan") and Georgian capitals (Mtavruli). Such a
// letter is read by `any-ascii`. These are every such letter of the Greek, Cyrillic, Armenian, Georgian and
// Indian blocks, listed here rather than found at run time (15-25 ms); test/screening/scripts.test.ts
// finds them again from both libraries, so an update of either that changes them fails it.
export const droppedLetterBlocks: ReadonlyArray<readonly [number, number]> = [
	[0x3_70, 0x5_8f], // Greek, Cyrillic and its supplement, Armenian
	[0x9_00, 0xd_ff], // Devanagari to Malayalam
	[0x10_a0, 0x10_ff], // Georgian
	[0x1c_90, 0x1c_bf], // Georgian capitals
];
export const droppedLetters =
	/[\u0370-\u0373\u0376\u0377\u037A-\u037D\u037F\u03D8\u03D9\u03F4\u03F5\u03F7-\u03FF\u048A\u048B\u04C0\u04C5\u04C6\u04C9\u04CA\u04CD-\u04CF\u04D8-\u04DB\u04F6\u04F7\u04FA-\u0525\u0528-\u052F\u0560\u0588\u0904\u0972-\u097C\u097E\u097F\u09CE\u09FC\u0A8C\u0AE1\u0AF9\u0B35\u0B71\u0BB6\u0BD0\u0C34\u0C58-\u0C5A\u0C5D\u0C80\u0CDD\u0CF1\u0CF2\u0D04\u0D29\u0D3A\u0D4E\u0D54-\u0D56\u0D5F\u0D7A-\u0D7F\u10C7\u10CD\u10F7\u10F9\u10FC\u10FD\u10FF\u1C90-\u1CB7\u1CB9\u1CBD\u1CBF]/gu;

function withDroppedLetters(run: string): string {
	return run.replace(droppedLetters, letter => anyAscii(letter));
}

// Russian surnames and brand adjectives decline: «Лаборатория Касперского» is the
// genitive of Касперский. Folding the oblique endings back to the nominative
// makes it romanise to "kasperskiy", which meets "Kaspersky".
const russianAdjectiveEnding = /(\p{Script=Cyrillic}{2,}[сц]к)(?:ого|ому|им|ом|ой|ая|ую|ие|их)(?!\p{L})/giu;

/**
 * Words of `romanised` (lower case, split as the normaliser splits) go into `loose`, from `origin`, the
 * first also with `opening` (abjadOpening), the last with `closing` (abjadClosing). Alphabetic runs stay in place ("Α.Ε." is still one abbreviation).
 */
function remember(romanised: string, loose: Origins, origin: Origin, opening: Origin = latinOrigin, closing: Origin = latinOrigin): string {
	// Split as the normaliser will: an apostrophe inside a word joins it ("hm's" from חמאס is "hms").
	const words = romanised
		.toLowerCase()
		.replace(/(?<=[a-z])['’`?](?=[a-z])/g, '')
		.split(/[^a-z0-9]+/)
		.filter(Boolean);
	words.forEach((word, at) => {
		const edges = (at === 0 ? opening : latinOrigin) | (at === words.length - 1 ? closing : latinOrigin);
		loose.set(word, (loose.get(word) ?? latinOrigin) | origin | edges);
	});
	return romanised;
}

// Arabic harakat and Hebrew points (vowels, shadda, sukun, dagesh, cantillation): names are compared
// unvocalised, as they are mostly written, and a mark between two letters would cut the word's run in two.
const abjadVowelMarks = /[\u064B-\u065F\u0670\u0591-\u05BD\u05BF\u05C1\u05C2\u05C4\u05C5\u05C7]/gu;

/** Text with every non-Latin run romanised; the words that came from loose scripts are added to `loose` with their origin. */
export function romaniseScripts(text: string, loose: Origins): string {
	// A name is written all in Korean or all transcribed: one transcribed word ("아지즈") marks its other words ("압둘라") as transcribed too.
	const foreignName = hangulLetter.test(text) && (text.match(hangulRun) ?? []).some(transcribesForeignWord);
	return transliterate(
		withIso9Letters(text)
			.replace(hangulLegalFormPattern, ' ')
			.replace(abjadVowelMarks, '')
			.replace(hanRun, run => ` ${romaniseHan(run, loose)} `)
			.replace(
				hangulRun,
				run =>
					` ${withDescriptorsApart(run, hangulDescriptorEnding, hangulDescriptors, hangulStemMinimum, stem =>
						remember(romaniseSyllables(stem, foreignName), loose, hangulOrigin),
					)} `,
			)
			.replace(kanaRun, run => ` ${romaniseKana(run, loose)} `)
			.replace(arabicRun, run => ` ${romaniseArabic(run, loose)} `)
			.replace(hebrewRun, run => ` ${romaniseHebrew(run, loose)} `)
			.replace(russianAdjectiveEnding, (_match, stem: string) => `${stem}ий`)
			.replace(cyrillicRun, run => remember(transliterate(withDroppedLetters(run)), loose, cyrillicOrigin))
			.replace(otherRun, run => remember(transliterate(withDroppedLetters(withGreekDigraphs(run))), loose, alphabetOrigin))
			.replace(brahmicRun, run => ` ${romaniseBrahmic(run, loose)} `)
			.replace(otherLetters, romaniseUnknownRun),
	);
}

// ISO 9 (and GOST 7.79 A) write Russian's я, ю, є as â, û, ê: with the accent taken off, "Âkovlev" and
// "Ûrij" lost the y every other system writes (Yakovlev, Yuriy). Only a word's first letter needs it: further
// in, the fold drops a y before a vowel (token-similarity.ts), and Romance words keep their â, û, ê there
// ("Câmara"). The hard and soft signs written as primes (ʺ, ʹ) are no word breaks ("Obʺedinennaâ").
const iso9IotatedVowel = /(?<![\p{L}\p{N}])[âûêÂÛÊ]/gu;
const iso9Iotated: Record<string, string> = {â: 'ya', û: 'yu', ê: 'ye', Â: 'Ya', Û: 'Yu', Ê: 'Ye'};
const iso9Sign = /(?<=\p{L})[\u02B9\u02BA](?=\p{L})/gu;

function withIso9Letters(text: string): string {
	return text.replace(iso9IotatedVowel, vowel => iso9Iotated[vowel]!).replace(iso9Sign, '');
}

// Every other script is left to `transliteration`, which reads most (Devanagari, Thai, Ethiopic, Malayalam ...)
// but has no table for some (Meetei Mayek, Javanese, Buginese, N'Ko, Tifinagh): it drops their letters, and a
// name written in one becomes no word at all (ꯃꯣꯍꯝꯃꯦꯗ ꯕꯤꯟ ꯁꯜꯃꯥꯟ, "Mohammed bin Salman", matched nothing). Such a
// run is read by `any-ascii`, which has them ("mohmmed bin slman").
const otherLetters = /[^\p{Script=Latin}\p{Script=Common}\p{Script=Inherited}]+/gu;
const romanLetter = /[a-z0-9]/i;

function romaniseUnknownRun(run: string): string {
	return romanLetter.test(transliterate(run)) ? run : ` ${anyAscii(run)} `;
}

// The Arabic article is written onto its word (الفيصل, "al-Faisal"), and the Latin
// spellings mostly write it apart ("Al Faisal", "al-Faisal") or leave it out: it
// becomes a word of its own, "al", a particle that weighs little (generic-words.ts)
// and is spelt one way, so it is not loose (a loose "al" would meet "Eli" and "oil"
// by its one consonant). Allah (الله) keeps its letters: "Abdullah", "Allah".
const arabicArticle = /^ال(?=\p{Script=Arabic}{2})(?!له$)/u;

// "Servant of" (عبد) and the article of the name after it are written as one word or
// apart (عبدالرحمن, عبد الرحمن; "Abdulrahman", "Abd al-Rahman"); apart, both forms read
// the same words. Allah stays whole (عبدالله as عبد الله, both meeting "Abdullah").
const servantOf = 'عبد';
const servantOfJoined = /^عبد(?=ال\p{Script=Arabic}{2})(?!الله$)/u;

function romaniseArabic(run: string, loose: Origins): string {
	if (servantOfJoined.test(run)) return `${romaniseArabic(servantOf, loose)} ${romaniseArabic(run.slice(servantOf.length), loose)}`;
	const article = arabicArticle.test(run);
	const word = article ? run.slice(2) : run;
	const romanised = anyAscii(word);
	// A word an abjad writes with one letter (و "and", a clitic) romanises to one consonant: no name, and no initial either.
	if (/^[^a-z0-9]*[a-z][^a-z0-9]*$/i.test(romanised)) return article ? 'al' : '';
	return `${article ? 'al ' : ''}${remember(romanised, loose, abjadOrigin, abjadOpening(word), abjadClosing(word))}`;
}

/**
 * Hebrew, unpointed as names are written: `transliteration` reads its letters
 * hard, as names are spelt in Latin (פ "p" as in "Peres", ב "b" as in "Bank"), but
 * reads vav (ו) as "v" everywhere. Inside a word vav mostly writes the vowel o or
 * u ("Shimon" שמעון, "Hapoalim" הפועלים), so there it is read "o"; a word's first
 * vav stays "v", and a doubled one is "w".
 */
const innerVav = /(?<=\p{Script=Hebrew})(?<!ו)ו(?!ו)/gu;

function romaniseHebrew(run: string, loose: Origins): string {
	// Hebrew writes the Arabic article of an Arabic name as אל ("אל-קרדאוי"): the particle "al", as for Arabic.
	if (run === 'אל') return 'al';
	// Final pe (ף) is always "f" ("Yosef" יוסף); `transliteration` reads it "p" like pe. A doubled vav writes
	// the consonant w or v and a doubled yod the y of a diphthong ("הואוויי", Huawei): one letter each, as Latin has.
	const romanised = transliterate(run.replace(innerVav, 'o').replace(/ף/gu, 'f').replace(/וו/gu, 'w').replace(/יי/gu, 'y'));
	// One letter is a clitic (ו "and", ה "the"), no name and no initial.
	return romanised.replace(/[^a-z0-9]/gi, '').length <= 1 ? '' : remember(romanised, loose, abjadOrigin, abjadOpening(run));
}

/**
 * Hangul one syllable at a time: Korean writes a name as one word (김정은, 삼성전자)
 * where Latin spells it in parts ("Kim Jong Un") or as a brand ("Samsung"); the
 * syllables meet either through the compound joins of name-variants.ts. A foreign
 * name transcribed in Hangul is one word in Latin too, and its syllables may be too
 * many for the joins: it stays one word, its syllables romanised one by one as
 * above ("kaseupeoseuki"), and so do the other words of a name one such word is in
 * (`foreignName`): "압둘라 아지즈" is "apdulra ajijeu", as "Abdullah Aziz" is two words.
 */
function romaniseSyllables(run: string, foreignName: boolean): string {
	return [...run].map(syllable => romaniseHangul(syllable)).join(foreignName || transcribesForeignWord(run) ? '' : ' ');
}

const firstSyllable = 0xac00;
const lastSyllable = 0xd7a3;
const finals = 28;
const vowels = 21;
const vowelEu = 18;
const initialSilent = 11;

/**
 * Hangul writes a consonant a foreign word has without a vowel as a syllable of its
 * own with the vowel ㅡ ("eu"): 스, 르, 드 in 카스퍼스키, "Kaspersky". Korean names
 * and words do not have such an open ㅡ syllable after their first, so one marks a
 * transcribed foreign word. So does a stop before an l (pl, kl, bl, tl: 플, 클, 블,
 * 틀 in 아이플라이텍, "iFlytek"), written with ㅡ and the l as its final: Korean
 * words have few such syllables, and names none.
 */
function transcribesForeignWord(run: string): boolean {
	return [...run].slice(1).some(syllable => {
		const code = syllable.charCodeAt(0);
		if (code < firstSyllable || code > lastSyllable) return false;
		const offset = code - firstSyllable;
		const initial = Math.floor(offset / (vowels * finals));
		if (Math.floor(offset / finals) % vowels !== vowelEu) return false;
		const final = offset % finals;
		return (final === 0 && initial !== initialSilent) || (final === finalL && stopsBeforeL.includes(initial));
	});
}
const finalL = 8;
/** ㅂ, ㅋ, ㅌ, ㅍ as initials (b, k, t, p): the stops a foreign word has before an l. */
const stopsBeforeL: readonly number[] = [7, 15, 16, 17];

function romaniseHan(run: string, loose: Origins): string {
	const withoutLegalForms = run.replace(hanLegalFormPattern, ' ');
	// Pinyin syllables of one brand belong together (华为 -> "huawei", as the brand is
	// spelt in Latin); descriptors such as 技术 and an opening place (北京) become words of their own. A foreign
	// name's transcription (穆罕默德, "Muhammad") is read by the transcription tables.
	return withoutLegalForms
		.split(hanDescriptorPattern)
		.flatMap(segment => segment.replace(hanPlacePrefix, '$1 ').split(/\s+/))
		.filter(Boolean)
		.map(segment =>
			isHanTranscription(segment)
				? remember(pinyinOf([...segment].map(character => transcriptionReadings[character] ?? character).join('')), loose, hanOrigin)
				: pinyinOf(segment),
		)
		.join(' ');
}

function pinyinOf(segment: string): string {
	return transliterate(segment).replace(/\s+/g, '').toLowerCase();
}
