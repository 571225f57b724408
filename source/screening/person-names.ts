// A person's list entry may publish a part of the person's name alone as one of
// its names: a given or a family name ("Charles", "Müller" beside "Charles
// Müller"). Such a word is shared by many people and many companies; it points at
// the entry only beside the rest of the name. So a person's one-word name that is
// a word of a fuller name of the same entry is not matched on alone: the fuller
// name still is, and a query must agree with it (a person's whole name must).
import {editDistanceWithin, fineFold, ukrainianAgreement, ukrainianKeys, ukrainianReading} from './token-similarity.js';
import {boundedMemo} from './bounded-memo.js';
import {isDictionaryWord} from './dictionary-words.js';

/**
 * Per name of one entry (its tokens, normalised as a person's when it is one):
 * true when the name may raise a match by itself. Only a person's one-word name
 * found among the words of another of its names is false; an entry's only name,
 * or a one-word name no fuller name contains, is always kept.
 */
export function namesMatchedAlone(names: readonly (readonly string[])[], person: boolean): boolean[] {
	if (!person) return names.map(() => true);
	const fullerWords = new Set<string>();
	for (const tokens of names) if (tokens.length > 1) for (const token of tokens) fullerWords.add(token);
	return names.map(tokens => tokens.length !== 1 || !fullerWords.has(tokens[0]!));
}

// A person's name word romanised by two systems: Cyrillic-origin "Yevgeniy"/"Evgeny",
// "Aleksandr"/"Alexander"; Arabic- and Persian-origin "Sadegh"/"Sadiq",
// "Jeheisha"/"Jheisheh"; Thai or Turkish "Chanjira"/"Chanchira", "Birecikli"/"Berejikli".
// The systems differ in a known set of letters, so both spellings are first brought
// to one (personSpelling), and what is left must be the same consonants in order and
// few edits apart. Persons only, and supporting evidence only (score.ts): the rest of
// the name must agree as well.

/**
 * One spelling for the letters romanisation systems write differently, built on the
 * fine fold (x as ks, ch/ts/tch as c, sh/sch as s, zh as z, kh as h, w as v, y/j/i before
 * a vowel, -iy/-ij/-y endings, doubled letters):
 *  - an opening y or i before a vowel is the vowel's glide (Е, Ю, Я: "Yevgeniy", "Evgeny", "Ievgen");
 *  - j, dj and dz are one sound, the c of ch (ج, Turkish c, Thai จ: "Chanjira", "Chanchira");
 *  - g, gh, q and k are one (ق and غ are written q, k, g or gh: "Sadiq", "Sadegh");
 *  - an h after t, d or g marks that letter (th, dh, gh), never a sound of its own.
 */
export function personSpelling(token: string): string {
	return spellings(token);
}

// Scoring asks for the same words' spellings again and again; kept as the fold keeps its keys.
const spellings = boundedMemo(spell);

function spell(token: string): string {
	// Held as "J" through the fold, which reads a j before a vowel as the glide of я or ю ("Chanjara" is
	// not "Chanara") and a c before an h as ch ("Jhaysha" keeps its h).
	return fineFold(token.replace(/d[jz]|j/g, 'J'))
		.replace(/J/g, 'c')
		.replace(/^[yi](?=[aeiou])/, '')
		.replace(/[gq]/g, 'k')
		.replace(/(?<=[tdk])h/g, '')
		.replace(/(.)\1+/g, '$1');
}

/** The consonants of a person spelling in order, after a mark for a vowel opening: the key the candidate index finds respellings by. */
export function personRespeltKey(token: string): string {
	return respeltKeys(token);
}

const respeltKeys = boundedMemo(token => {
	const spelling = personSpelling(token);
	const consonants = spelling.replace(/[aeiouy]/g, '').replace(/(?<=.)h$/, '');
	return /^[aeiouy]/.test(spelling) ? `a${consonants}` : consonants;
});

/**
 * The keys under which the candidate index finds a person word's romanisations (personRespelt): its respelt
 * key, its Ukrainian reading's (`u:`), and, with a g, the respelt key of its Ukrainian reading ("Grigoriy"
 * under the key of "Hryhoriy").
 */
export function personRespeltKeys(token: string): string[] {
	const keys = [personRespeltKey(token), ...ukrainianKeys(token)];
	if (token.includes('g')) keys.push(personRespeltKey(ukrainianReading(token)));
	return keys;
}

/** Words shorter than this are left to nameRespelt: a short word's consonants are too few to tell names apart. */
export const personWordMinimum = 4;
/** Letters two romanisations differ in length by at most ("Yevgeniy"/"Evgeny", "Oleksandr"/"Olexander"): a bound the edits would set anyway, checked first. */
const maxLengthDifference = 3;
/** Consonants a key needs: "hr" or "mr" are too many names. */
const personKeyMinimum = 3;

/**
 * Two romanisations of one word of a person's name: each at least four letters, and
 * either the Ukrainian and the Russian reading of one Cyrillic name (г as h or g:
 * "Serhiy"/"Sergey", "Ihor"/"Igor", "Oleh"/"Oleg", however either was romanised), or the
 * same person spelling consonants in order (three or more) and, once both are brought
 * to one spelling, vowels that differ in at most two edits (three from seven letters),
 * so "Hasan" is not "Husein". The two readings of г and the other romanisation's vowels
 * may come together: "Hryhoriy"/"Grigory", "Tyahnybok"/"Tyagnibok".
 */
export function personRespelt(a: string, b: string): boolean {
	if (a.length < personWordMinimum || b.length < personWordMinimum || Math.abs(a.length - b.length) > maxLengthDifference) return false;
	if (ukrainianAgreement(a, b) || ukrainianAgreement(b, a)) return true;
	if (spelledAlike(a, b)) return true;
	// Both readings and other vowels at once reach far: not for an English word ("Legal" is no "Lehel").
	if (isDictionaryWord(a) || isDictionaryWord(b)) return false;
	return (
		(a.includes('g') && b.includes('h') && spelledAlike(ukrainianReading(a), b)) ||
		(b.includes('g') && a.includes('h') && spelledAlike(a, ukrainianReading(b)))
	);
}

/** The same person spelling consonants in order, three or more, and vowels a few edits apart (personRespelt). */
function spelledAlike(a: string, b: string): boolean {
	const key = personRespeltKey(a);
	if (key.replace(/^a/, '').length < personKeyMinimum || key !== personRespeltKey(b)) return false;
	const [spellingA, spellingB] = [personSpelling(a), personSpelling(b)];
	const edits = Math.min(spellingA.length, spellingB.length) >= 7 ? 3 : 2;
	return editDistanceWithin(spellingA, spellingB, edits) <= edits;
}
