// Name normalisation: one canonical, ASCII, lower-case form for inventory names
// and list names alike, so scoring compares identities rather than spellings.
import {transliterate} from 'transliteration';
import {abbreviations, hanDescriptors, hanLegalForms, legalFormPhrases, legalFormTokens, stopWords} from './legal-forms.js';

export type NameKind = 'entity' | 'person';

export type NormalizedName = {
	/** Tokens joined by single spaces; feeding it back in returns the same result. */
	normalized: string;
	/** The distinct tokens of `normalized`, in order of first appearance. */
	tokens: string[];
};

const hanRun = /\p{Script=Han}+/gu;
const hanLegalFormPattern = new RegExp(hanLegalForms.join('|'), 'gu');
const hanDescriptorPattern = new RegExp(`(${hanDescriptors.join('|')})`, 'u');
// Russian surnames and brand adjectives decline: «Лаборатория Касперского» is the
// genitive of Касперский. Folding the oblique endings back to the nominative
// makes it romanise to "kasperskiy", which meets "Kaspersky" (Jaro-Winkler 0.98)
// instead of "kasperskogo" (0.92, and weighted down by the length difference).
const russianAdjectiveEnding = /(\p{Script=Cyrillic}{2,}[сц]к)(?:ого|ому|им|ом|ой|ая|ую|ие|их)(?!\p{L})/giu;
// A run of single letters joined by dots or slashes is one abbreviation: S.A., s.r.o., K.K., A/S.
const dottedAbbreviation = /(?<![a-z0-9])[a-z](?:[./][a-z])+(?![a-z0-9])\.?/g;
// An apostrophe (or the "?" that replaced one upstream, as in "Xi?an") inside a word joins it.
const inWordApostrophe = /(?<=[a-z])['’`?](?=[a-z])/g;
const asciiOnly = /^[\u0020-\u007E]*$/;
// Only these characters give the three joining rules above (and "&" -> "and") anything to do.
const joiningPunctuation = /[./'’`?&]/;

/**
 * Canonical form of a company or person name: NFKC, romanised (Cyrillic, Greek and
 * Chinese via the `transliteration` library), diacritics stripped, lower case,
 * punctuation removed, legal forms and stop words dropped; "LAST, First" person
 * names become "first last". Idempotent.
 */
export function normalizeName(name: string, {kind = 'entity'}: {kind?: NameKind} = {}): NormalizedName {
	// Printable ASCII is already in NFKC and needs no romanising: the common case skips both.
	const ascii = asciiOnly.test(name);
	let text = ascii ? name : name.normalize('NFKC');
	if (kind === 'person') text = reorderPersonName(text);
	if (!ascii && !asciiOnly.test(text)) {
		text = text.replace(hanRun, run => ` ${romaniseHan(run)} `);
		text = text.replace(russianAdjectiveEnding, (_match, stem: string) => `${stem}ий`);
		text = transliterate(text).normalize('NFD').replace(/\p{M}/gu, '');
	}
	text = text.toLowerCase();
	if (joiningPunctuation.test(text)) {
		text = text
			.replace(dottedAbbreviation, abbreviation => abbreviation.replace(/[./]/g, ''))
			.replace(inWordApostrophe, '')
			.replace(/&/g, ' and ');
	}
	const words = text
		.split(/[^a-z0-9]+/)
		.filter(Boolean)
		.map(word => abbreviations.get(word) ?? word);
	const kept = dropNoiseWords(words, kind);
	const normalized = kept.join(' ');
	return {normalized, tokens: [...new Set(kept)]};
}

/** "LOGAN MOREY, Elvis Angus" -> "Elvis Angus LOGAN MOREY"; anything with more or fewer than one comma is left alone. */
function reorderPersonName(text: string): string {
	const parts = text.split(',');
	if (parts.length !== 2) return text;
	const [last, first] = parts.map(part => part.trim());
	return last && first ? `${first} ${last}` : text;
}

function romaniseHan(run: string): string {
	const withoutLegalForms = run.replace(hanLegalFormPattern, ' ');
	// Pinyin syllables of one brand belong together (华为 -> "huawei", as the brand is
	// spelt in Latin); descriptors such as 技术 become words of their own.
	return withoutLegalForms
		.split(hanDescriptorPattern)
		.flatMap(segment => segment.split(/\s+/))
		.filter(Boolean)
		.map(segment => transliterate(segment).replace(/\s+/g, '').toLowerCase())
		.join(' ');
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

// Phrase removal is the costly step; most names contain no phrase's first word and skip it.
const phraseStarts = new Set(legalFormPhrases.map(phrase => phrase[0]!));

function dropOnce(words: string[], kind: NameKind): string[] {
	let remaining = words;
	if (kind === 'entity' && words.some(word => phraseStarts.has(word))) {
		for (const phrase of legalFormPhrases) remaining = removePhrase(remaining, phrase);
	}
	const last = remaining.length - 1;
	return remaining.filter(
		(word, position) => !stopWords.has(word) && !(kind === 'entity' && isLegalForm(word, position === 0 || position === last)),
	);
}

/**
 * Two-letter forms (AO, SA, AG, CO ...) are also words and name parts ("Ling Ao
 * Electronic"), so they go only from either end of a name, where legal forms sit;
 * the loop in dropNoiseWords peels "Co., Ltd." one end at a time.
 */
function isLegalForm(word: string, atEdge: boolean): boolean {
	return legalFormTokens.has(word) && (atEdge || word.length > 2);
}

function removePhrase(words: string[], phrase: readonly string[]): string[] {
	if (words.length < phrase.length) return words;
	const result: string[] = [];
	for (let index = 0; index < words.length; index++) {
		if (phrase.every((word, offset) => words[index + offset] === word)) index += phrase.length - 1;
		else result.push(words[index]!);
	}
	return result;
}
