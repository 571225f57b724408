// Which of an entry's names are variants of each other: the same name in another
// spelling or script, as opposed to a translation ("Central Bank of Iran" / "Bank
// Markazi Iran"), an acronym, a shorter or fuller name ("Faisal" / "Faisal bin
// Abdullah"), a title or a former name. The lists do not say (except OFAC's and
// OpenSanctions' types, typed-names.ts), so this rule decides, the same way for
// every pair of every entry, and on purpose with nothing of the matcher in it: its
// own romanisation (any-ascii, one library for every script), its own word lists
// and its own coarse sound key. A matcher change can never move a name in or out.
//
// The rule, in full:
//  1. Reference form: NFKC; the Arabic article ال written onto a word dropped;
//     any-ascii, lower case; a person's "LAST, First"
//     becomes "First LAST"; words are runs of letters and digits; the words of
//     `ignoredWords` go (legal forms, titles and honorifics, connectors and name
//     particles: they are not what makes two names one).
//  2. Sound key of a word: letters in Soundex-like classes (b p f v; c g j k q s x z;
//     d t; l r, which Japanese, Korean and Chinese do not tell apart; m n), adjacent
//     letters of one class written once, vowels and h, w, y dropped (an abjad writes
//     no vowels, "kh" and "k" are one sound). "Inzhiniring" and "Engineering" both
//     give "mkmlmk".
//  3. Two names are variants when the sound keys of their words, concatenated in
//     order (or with the words sorted, for "BANK VTB" / "VTB BANK"), differ by at most
//     one edit in four letters of the longer key (at least one when both have four
//     or more), and neither key is empty. A person's name of one word is never a
//     variant: a given name or a family name alone names many people.
//  4. An acronym is a one-word name of two to eight letters written in capitals that
//     spells the initials of the other name's words (connectors and legal forms left
//     out, or every word kept).
import anyAscii from 'any-ascii';

// prettier-ignore
const ignoredWords = new Set([
	// legal forms (the commonest in the lists, in English and transliterated)
	'inc', 'ltd', 'llc', 'llp', 'lp', 'plc', 'co', 'corp', 'corporation', 'company', 'limited', 'liability', 'gmbh', 'ag', 'sa',
	'sarl', 'srl', 'spa', 'bv', 'nv', 'pte', 'pvt', 'pty', 'jsc', 'ojsc', 'cjsc', 'pjsc', 'oao', 'zao', 'ooo', 'pao', 'ao', 'tov',
	'joint', 'stock', 'open', 'closed', 'public', 'private', 'obshchestvo', 'obschestvo', 'aktsionernoe', 'otkrytoe', 'zakrytoe',
	'publichnoe', 'ogranichennoi', 'ogranichennoy', 'otvetstvennostyu',
	// titles and honorifics
	'mr', 'mrs', 'ms', 'dr', 'sir', 'prince', 'princess', 'king', 'queen', 'sheikh', 'shaikh', 'sheik', 'hrh', 'he', 'his', 'her',
	'royal', 'highness', 'excellency', 'emir', 'amir', 'general', 'colonel',
	// connectors and name particles
	'of', 'the', 'and', 'for', 'a', 'an', 'de', 'del', 'la', 'le', 'los', 'das', 'der', 'van', 'von', 'al', 'el', 'bin', 'ibn',
	'bint', 'ben', 'ul',
]);

const arabicArticle = /(^|[^\p{Script=Arabic}])ال(?=\p{Script=Arabic}{2})/gu;

const connectors = new Set(['of', 'the', 'and', 'for', 'de', 'del', 'la', 'le', 'los', 'das', 'der']);

/** Step 1: the words of a name in the rule's own reference form. */
export function referenceWords(name: string, person: boolean): string[] {
	let text = anyAscii(name.normalize('NFKC').replace(arabicArticle, '$1')).toLowerCase();
	const parts = text.split(',');
	if (person && parts.length === 2 && parts[0]!.trim() && parts[1]!.trim()) text = `${parts[1]} ${parts[0]}`;
	return text.split(/[^a-z0-9]+/).filter(word => word && !ignoredWords.has(word));
}

/** Two names with one reference form are one name to the evaluation (it keeps the first). */
export function referenceKey(name: string, person: boolean): string {
	return referenceWords(name, person).join(' ');
}

const soundClass: Record<string, string> = {b: 'b', p: 'b', f: 'b', v: 'b', d: 'd', t: 'd', l: 'l', r: 'l', m: 'm', n: 'm'};
for (const letter of 'cgjkqsxz') soundClass[letter] = 'k';

/** Step 2: a word's coarse sound key. */
export function soundKey(word: string): string {
	let key = '';
	let previous = '';
	for (const letter of word) {
		const sound = /[0-9]/.test(letter) ? letter : (soundClass[letter] ?? '');
		// Any other letter separates two of one class ("amin": m, n; "mhmd", an abjad's "Muhammad": m, m).
		if (sound && sound !== previous) key += sound;
		previous = sound;
	}
	return key;
}

function editDistance(a: string, b: string): number {
	let row = Array.from({length: b.length + 1}, (_, at) => at);
	for (let i = 1; i <= a.length; i++) {
		const next = [i];
		for (let j = 1; j <= b.length; j++) next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
		row = next;
	}
	return row[b.length]!;
}

function keysAgree(a: string, b: string): boolean {
	if (!a || !b) return false;
	const longer = Math.max(a.length, b.length);
	const allowed = Math.min(a.length, b.length) >= 4 ? Math.max(1, Math.floor(longer / 4)) : Math.floor(longer / 4);
	return editDistance(a, b) <= allowed;
}

/** Step 3: the same name in another spelling or script. */
export function sameNameRespelt(a: string, b: string, person: boolean): boolean {
	const keysA = referenceWords(a, person).map(soundKey);
	const keysB = referenceWords(b, person).map(soundKey);
	if (person && (keysA.length < 2 || keysB.length < 2)) return false;
	if (keysAgree(keysA.join(''), keysB.join(''))) return true;
	return keysAgree([...keysA].sort().join(''), [...keysB].sort().join(''));
}

/** Step 4: `short` is an acronym of `long`. */
export function isAcronymOf(short: string, long: string): boolean {
	const trimmed = short.trim().replace(/\./g, '');
	if (!/^[A-Z]{2,8}$/.test(trimmed)) return false;
	const words = anyAscii(long)
		.toLowerCase()
		.split(/[^a-z0-9]+/)
		.filter(Boolean);
	const initials = (kept: string[]) => kept.map(word => word[0]).join('');
	const acronym = trimmed.toLowerCase();
	return (
		initials(words) === acronym ||
		initials(words.filter(word => !connectors.has(word))) === acronym ||
		initials(words.filter(word => !ignoredWords.has(word))) === acronym
	);
}
