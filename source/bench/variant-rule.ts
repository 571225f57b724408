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
//     give "mkmlmk". A word's skeleton (skeleton() below) is finer: each consonant
//     in its place, folding only spellings of one sound.
//  3. Two names are variants when their words pair off, in order (or with the words
//     sorted by sound key, for "BANK VTB" / "VTB BANK"), one word with one, or one
//     with two or three adjacent words written together ("Hikvision" / "Hik Vision",
//     at most one edit apart), and the sound keys of every pair agree: at most one
//     edit in three letters of the longer key (at least one from two letters;
//     one-letter keys are equal; initials in capitals such as "VTB" are equal), and
//     at most one edit in four letters over the whole name (at least one when both
//     names' keys have four or more), neither key empty; and two single words that
//     pair have skeletons at most one edit in three letters apart, so that words of
//     one outline but other consonants ("Ahmed" / "Mahad", "Saderat" / "Export")
//     are two names. A word that pairs with
//     nothing, or only with a word of other sounds, is a translation or another name
//     ("Plant" / "Zavod", "Artur" / "Alex"), however long the rest of the name. A
//     person's name of one word is never a variant: a given name or a family name
//     alone names many people.
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

/**
 * Step 2b: a word's consonant skeleton, finer than its sound key. The sound key
 * keeps only the outline of a word ("Ahmed" and "Mahad" are both "md"); the
 * skeleton keeps each consonant and its place, folding only what romanisations
 * write for one sound: digraphs (kh, ph, sh, zh, ch, dzh…) become one letter,
 * hissing sounds (s, z, sh, zh, ch, j, soft c) are one, hard k sounds (k, q, hard
 * c) one, and b/p, f/v, d/t and l/r (which Japanese, Korean and Chinese do not
 * tell apart) one each; vowels go, and so do w and y, which an abjad writes for
 * its long vowels.
 */
export function skeleton(word: string): string {
	const folded = word
		.replace(/dzh|tsch|sch|tch|dj|sh|zh|ch/g, 's')
		.replace(/kh|gh|ph|th|dh/g, match => ({kh: 'k', gh: 'g', ph: 'f', th: 't', dh: 'd'})[match]!)
		.replace(/c(?=[eiy])/g, 's')
		.replace(/[cq]/g, 'k')
		.replace(/x/g, 'ks')
		.replace(/[zj]/g, 's')
		.replace(/p/g, 'b')
		.replace(/v/g, 'f')
		.replace(/t/g, 'd')
		.replace(/r/g, 'l')
		.replace(/[aeiouwy]/g, '');
	return folded.replace(/(.)\1+/g, '$1');
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

/**
 * Latin capitals with no vowel ("VTB", "CSSC") are initials, not a spoken word: their
 * sound key says nothing, so they pair only with themselves. (An abjad's romanised
 * "mhmd" has no vowel either, but is not written in capitals.)
 */
function initialismsOf(name: string): string[] {
	return (name.normalize('NFKC').match(/(?<![\p{L}\p{N}])[B-DF-HJ-NP-TV-XZ]{2,5}(?![\p{L}\p{N}])/gu) ?? []).map(word => word.toLowerCase());
}

/** Edits a pair of words' sound keys may differ by (step 3). */
function pairAllowance(a: string, b: string): number {
	const longer = Math.max(a.length, b.length);
	return longer <= 1 ? 0 : Math.max(1, Math.floor(longer / 3));
}

/** Two single words' skeletons agree within the edits their sound keys may differ by. */
const skeletonsPair = (a: string, b: string): boolean => editDistance(a, b) <= pairAllowance(a, b);

const unpaired = Number.POSITIVE_INFINITY;

/**
 * The fewest edits over the whole name with which the words of `a` pair off with the
 * words of `b` in order (groups of up to three adjacent words written together), or
 * `unpaired` when some word pairs with nothing that sounds like it.
 */
function pairedEdits(a: readonly string[], b: readonly string[], initialisms: ReadonlySet<string>): number {
	const joined = (words: readonly string[], from: number, count: number) => soundKey(words.slice(from, from + count).join(''));
	const best = Array.from({length: a.length + 1}, () => new Array<number>(b.length + 1).fill(unpaired));
	best[0]![0] = 0;
	const steps = [
		[1, 1],
		[1, 2],
		[2, 1],
		[1, 3],
		[3, 1],
	] as const;
	for (let i = 0; i <= a.length; i++) {
		for (let j = 0; j <= b.length; j++) {
			const sofar = best[i]![j]!;
			if (sofar === unpaired) continue;
			for (const [takeA, takeB] of steps) {
				if (i + takeA > a.length || j + takeB > b.length) continue;
				const single = takeA === 1 && takeB === 1;
				if (initialisms.has(a[i]!) || initialisms.has(b[j]!)) {
					if (single && a[i] === b[j]) best[i + 1]![j + 1] = Math.min(best[i + 1]![j + 1]!, sofar);
					continue;
				}
				const keyA = joined(a, i, takeA);
				const keyB = joined(b, j, takeB);
				const edits = editDistance(keyA, keyB);
				if (edits > (single ? pairAllowance(keyA, keyB) : Math.min(1, pairAllowance(keyA, keyB)))) continue;
				if (single && !skeletonsPair(skeleton(a[i]!), skeleton(b[j]!))) continue;
				best[i + takeA]![j + takeB] = Math.min(best[i + takeA]![j + takeB]!, sofar + edits);
			}
		}
	}
	return best[a.length]![b.length]!;
}

function wordsPairOff(a: readonly string[], b: readonly string[], initialisms: ReadonlySet<string>): boolean {
	if (a.length === 0 || b.length === 0) return false;
	const keyA = soundKey(a.join(''));
	const keyB = soundKey(b.join(''));
	if (!keyA || !keyB) return false;
	const longer = Math.max(keyA.length, keyB.length);
	const budget = Math.min(keyA.length, keyB.length) >= 4 ? Math.max(1, Math.floor(longer / 4)) : Math.floor(longer / 4);
	return pairedEdits(a, b, initialisms) <= budget;
}

/** Step 3: the same name in another spelling or script. */
export function sameNameRespelt(a: string, b: string, person: boolean): boolean {
	const wordsA = referenceWords(a, person);
	const wordsB = referenceWords(b, person);
	if (person && (wordsA.length < 2 || wordsB.length < 2)) return false;
	const initialisms = new Set([...initialismsOf(a), ...initialismsOf(b)]);
	if (wordsPairOff(wordsA, wordsB, initialisms)) return true;
	const bySound = (words: string[]) => [...words].sort((x, y) => soundKey(x).localeCompare(soundKey(y)));
	return wordsPairOff(bySound(wordsA), bySound(wordsB), initialisms);
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
