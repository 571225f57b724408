// Name normalisation: one canonical, ASCII, lower-case form for inventory names
// and list names alike, so scoring compares identities rather than spellings.
import {abbreviations, endOnlyLegalForms, legalFormPhrases, legalFormTokens, stopWords} from './legal-forms.js';
import {latinOrigin, romaniseScripts, type Origin, type Origins} from './scripts.js';
import {editDistanceWithin} from './token-similarity.js';

export type NameKind = 'entity' | 'person';

export type NormalizedName = {
	/** Tokens joined by single spaces; feeding it back in returns the same result. */
	normalized: string;
	/** The distinct tokens of `normalized`, in order of first appearance. */
	tokens: string[];
	/** Per token: the scripts it was romanised from (scripts.ts, Origin bits; 0 is Latin): when not 0, its Latin spelling is a guess. */
	loose: Origin[];
	/** What was cut to keep the work bounded, for the explanation; usually empty. */
	notes: readonly string[];
};

/** Longest name compared, in characters: list names run to about 250; a 50 MB field is not a name. */
export const maxNameLength = 500;
/** Longest token compared: the candidate search's keys grow with a token's length. */
export const maxTokenLength = 40;
/** Most tokens compared per name. */
export const maxTokens = 24;

// Zero-width and bidi controls, soft hyphens, joiners, variation selectors, fillers:
// invisible on screen, so "Hua\u200Bwei" must compare as "Huawei".
const invisible = /\p{Cf}|\p{Variation_Selector}|[\u115F\u3164\uFFA0]|[\u180B-\u180F]|\u1160|\u034F/gu;
const invisibleTest = /\p{Cf}|\p{Variation_Selector}|[\u115F\u3164\uFFA0]|[\u180B-\u180F]|\u1160|\u034F/u;

/** The name with invisible and format characters removed (also used by callers that compare raw names). */
export function withoutInvisible(name: string): string {
	return invisibleTest.test(name) ? name.replace(invisible, '') : name;
}

// A run of single letters joined by dots or slashes is one abbreviation: S.A., s.r.o., K.K., A/S.
const dottedAbbreviation = /(?<![a-z0-9])[a-z](?:[./][a-z])+(?![a-z0-9])\.?/g;
// Honorifics written as dotted letters (His Excellency, His Royal Highness, His Highness, His Majesty, Son Excellence ...).
const honorifics: ReadonlySet<string> = new Set(['he', 'hrh', 'hh', 'hm', 'hsh', 'hih', 'se', 'sar', 'sa', 'sm']);

/** A dotted run as one word ("S.A." is sa), but a person's "V.V." as the two initials it is, unless it is an honorific ("H.E."). */
function dottedLetters(abbreviation: string, kind: NameKind): string {
	const letters = abbreviation.replace(/[./]/g, '');
	return kind === 'person' && !honorifics.has(letters) ? letters.split('').join(' ') : letters;
}

// An English possessive is the word itself: "Egypt's Soldiers" names Egypt, as "Soldiers of Egypt" does.
// Taken off Latin words before any romanising: a romanised Hebrew or Arabic letter can be an apostrophe.
const possessive = /(?<=\p{Script=Latin}{2})['’][sS](?![\p{L}\p{N}])/gu;
// An apostrophe (or the "?" that replaced one upstream, as in "Xi?an") inside a word joins it.
const inWordApostrophe = /(?<=[a-z])['’`?](?=[a-z])/g;
const asciiOnly = /^[\u0020-\u007E]*$/;
// Only these characters give the three joining rules above (and "&" -> "and") anything to do.
const joiningPunctuation = /[./'’`?&]/;
const noNotes: readonly string[] = [];

/**
 * Canonical form of a company or person name: invisible characters removed, NFKC,
 * romanised (scripts.ts), diacritics stripped, lower case, punctuation removed,
 * legal forms and stop words dropped; "LAST, First" person names become "first
 * last". Lengths are capped (maxNameLength, maxTokenLength, maxTokens). Idempotent.
 */
export function normalizeName(name: string, {kind = 'entity'}: {kind?: NameKind} = {}): NormalizedName {
	const key = kind === 'entity' ? name : `\u0000${name}`;
	const known = recent.get(key);
	if (known) return known;
	if (recent.size >= recentLimit) recent.clear();
	const normalized = normalizeUncached(name, kind);
	// Shared between callers from now on: frozen, so none can change what another reads.
	Object.freeze(normalized.tokens);
	Object.freeze(normalized.loose);
	recent.set(key, Object.freeze(normalized));
	return normalized;
}

/** normalizeName without keeping the result: for names met once, such as a list's million as its index is built (a third less work). */
export function normalizeNameOnce(name: string, {kind = 'entity'}: {kind?: NameKind} = {}): NormalizedName {
	// An index build's million names meet an empty cache: looking each up would hash it for nothing.
	if (recent.size === 0) return normalizeUncached(name, kind);
	return recent.get(kind === 'entity' ? name : `\u0000${name}`) ?? normalizeUncached(name, kind);
}

// Screening a vendor normalises each of its names six to eight times (the curated join, its
// query variants, the list search, each hit's explanation): the recent results are kept.
// Cleared when full rather than evicted one by one: the repeats come close together.
const recent = new Map<string, NormalizedName>();
const recentLimit = 20_000;

function normalizeUncached(name: string, kind: NameKind): NormalizedName {
	let notes: string[] | undefined;
	// Printable ASCII holds no invisible characters, is already in NFKC and needs no romanising: the common case skips all three.
	let ascii = asciiOnly.test(name);
	let text = ascii ? name : withoutInvisible(name);
	if (text.length > maxNameLength) {
		text = text.slice(0, maxNameLength);
		(notes ??= []).push(`name cut to its first ${maxNameLength} characters`);
	}
	if (!ascii) {
		text = text.normalize('NFKC');
		ascii = asciiOnly.test(text);
	}
	if (kind === 'person') text = reorderPersonName(text);
	if (text.includes("'") || text.includes('’')) text = text.replace(possessive, '');
	const looseWords: Origins | null = ascii ? null : new Map();
	if (looseWords) text = romaniseScripts(text, looseWords).normalize('NFD').replace(/\p{M}/gu, '');
	text = text.toLowerCase();
	if (joiningPunctuation.test(text)) {
		text = text
			.replace(dottedAbbreviation, abbreviation => dottedLetters(abbreviation, kind))
			.replace(inWordApostrophe, '')
			.replace(/&/g, ' and ');
	}
	// One pass, not split, filter and map: a million list names are normalised as an index is built.
	let words: string[] = [];
	for (const word of text.split(wordBreak)) {
		if (!word) continue;
		if (word.charCodeAt(word.length - 1) === nLetter || word.charCodeAt(word.length - 1) === eLetter) {
			const din = dinCompound(word, words);
			if (din) {
				words.push(...din);
				continue;
			}
		}
		words.push(abbreviations.get(word) ?? legalFormMisspelt(word) ?? word);
	}
	if (words.some(word => word.length > maxTokenLength)) {
		words = words.map(word => word.slice(0, maxTokenLength));
		(notes ??= []).push(`words cut to ${maxTokenLength} letters`);
	}
	let kept = dropNoiseWords(words, kind);
	if (kept.length > maxTokens) {
		kept = kept.slice(0, maxTokens);
		(notes ??= []).push(`only the first ${maxTokens} words compared`);
	}
	const tokens = distinct(kept);
	return {
		normalized: kept.join(' '),
		tokens,
		loose: looseWords ? tokens.map(token => looseWords.get(token) ?? latinOrigin) : new Array<Origin>(tokens.length).fill(latinOrigin),
		notes: notes ?? noNotes,
	};
}

const nLetter = 'n'.charCodeAt(0);
const eLetter = 'e'.charCodeAt(0);
const dinWritten = /^(?:din|deen|dine)$/;
// The article assimilated to the d of din is written with a doubled d ("uddin", "eddine"); "aldin" would also split
// Western names ("Geraldine").
const dinAssimilated = /^(?:ud|ad|ed|id)d(?:in|een|ine)$/;
const dinJoined = /^([a-z]{3,}?)(?:ud|ad|ed|id)d(?:in|een|ine)$/;
const dinArticles = new Set(['ud', 'ad', 'ed', 'id', 'ul', 'el', 'al']);

/**
 * An Arabic name of "... of the faith" (al-Din: Salah al-Din, Nasr al-Din) as Latin spellings write it, joined or
 * apart and with the article assimilated: "Salahuddin", "Salah Uddin", "Nasreddine", "Siraj ud-Din" are all
 * "salah al din", "nasr al din", "siraj al din", as the Arabic script's الدين is romanised (al dyn). The words to
 * write for `word`, or null when it is no such word; an article before a written-apart din, already in `before`,
 * becomes al there.
 */
function dinCompound(word: string, before: string[]): string[] | null {
	if (dinWritten.test(word)) {
		const article = before.length - 1;
		if (article < 1 || !dinArticles.has(before[article]!)) return null;
		before[article] = 'al';
		return ['din'];
	}
	if (before.length > 0 && dinAssimilated.test(word)) return ['al', 'din'];
	const joined = dinJoined.exec(word);
	return joined ? [joined[1]!, 'al', 'din'] : null;
}

const wordBreak = /[^a-z0-9]+/;

// The long legal forms ("limited", "company", "corporation" ...), whose typos are common in keyed-in vendor names.
const longLegalForms = [...legalFormTokens].filter(form => form.length >= 6);

/**
 * The legal form `word` is a typo of ("Limted", "Compnay", "Corportion"): one letter dropped, added, replaced
 * or two swapped, the first and last letters kept. Left as it was, the typo was a distinctive word the list
 * name, its legal form removed, could never pair: "Huawei Technologies Co Limted" scored 0.59 against Huawei.
 * A different last letter is another word ("Limiter").
 */
function legalFormMisspelt(word: string): string | undefined {
	if (word.length < 5) return undefined;
	const first = word.charCodeAt(0);
	const last = word.charCodeAt(word.length - 1);
	for (const form of longLegalForms) {
		if (form.charCodeAt(0) !== first || form.charCodeAt(form.length - 1) !== last || Math.abs(form.length - word.length) > 1) continue;
		if (form !== word && editDistanceWithin(word, form, 1) === 1) return form;
	}
	return undefined;
}

/** The words in order of first appearance, each once; a name's few words are compared directly, without a Set. */
function distinct(words: readonly string[]): string[] {
	const found: string[] = [];
	for (const word of words) if (!found.includes(word)) found.push(word);
	return found;
}

/** "LOGAN MOREY, Elvis Angus" -> "Elvis Angus LOGAN MOREY"; anything with more or fewer than one comma is left alone. */
function reorderPersonName(text: string): string {
	const parts = text.split(',');
	if (parts.length !== 2) return text;
	const [last, first] = parts.map(part => part.trim());
	return last && first ? `${first} ${last}` : text;
}

/**
 * Removes legal forms (entities only: "Ao" and "Sa" are also surnames) and stop
 * words, repeating until nothing changes so that a second pass finds nothing
 * new (idempotence). A name made only of such words ("The Company") keeps them.
 */
function dropNoiseWords(words: string[], kind: NameKind): string[] {
	let current = words;
	for (;;) {
		const next = dropOnce(current, kind);
		if (next.length === 0) return current;
		if (next.length === current.length) return next;
		current = next;
	}
}

// Phrase removal is the costly step: only the phrases opening with one of the name's words are
// tried, in their order in legalFormPhrases (removing one only takes words away, never adds one).
const phrasesByStart = new Map<string, number[]>();
legalFormPhrases.forEach((phrase, at) => phrasesByStart.set(phrase[0]!, [...(phrasesByStart.get(phrase[0]!) ?? []), at]));

function dropOnce(words: string[], kind: NameKind): string[] {
	let remaining = words;
	if (kind === 'entity') {
		let tried: number[] | undefined;
		for (const word of words) {
			const phrases = phrasesByStart.get(word);
			if (phrases) (tried ??= []).push(...phrases);
		}
		if (tried) for (const at of new Set(tried.sort((a, b) => a - b))) remaining = removePhrase(remaining, legalFormPhrases[at]!);
	}
	const last = remaining.length - 1;
	// A one-letter stop word beside another single letter is a letter of a spelled-out initialism ("I A C"), not an article.
	const spelledOut = (position: number) => remaining[position - 1]?.length === 1 || remaining[position + 1]?.length === 1;
	return remaining.filter(
		(word, position) =>
			!(stopWords.has(word) && !(word.length === 1 && spelledOut(position))) &&
			!(kind === 'entity' && isLegalForm(word, position === 0, position === last)),
	);
}

/**
 * Two-letter forms (AO, SA, AG, CO ...) are also words and name parts ("Ling Ao
 * Electronic"), so they go only from either end of a name, where legal forms sit (endOnlyLegalForms from its end);
 * the loop in dropNoiseWords peels "Co., Ltd." one end at a time.
 */
function isLegalForm(word: string, atStart: boolean, atEnd: boolean): boolean {
	if (!legalFormTokens.has(word)) return false;
	if (endOnlyLegalForms.has(word)) return atEnd;
	return atStart || atEnd || word.length > 2;
}

/** `words` without each run of `phrase`; `words` itself when it holds none. */
function removePhrase(words: string[], phrase: readonly string[]): string[] {
	const last = words.length - phrase.length;
	let found = false;
	for (let index = 0; index <= last && !found; index++) found = phraseAt(words, index, phrase);
	if (!found) return words;
	const kept: string[] = [];
	for (let index = 0; index < words.length; index++) {
		if (index <= last && phraseAt(words, index, phrase)) index += phrase.length - 1;
		else kept.push(words[index]!);
	}
	return kept;
}

function phraseAt(words: readonly string[], index: number, phrase: readonly string[]): boolean {
	for (let offset = 0; offset < phrase.length; offset++) if (words[index + offset] !== phrase[offset]) return false;
	return true;
}
