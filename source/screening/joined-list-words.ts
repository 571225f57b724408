// Spacing on the list's side: the scorer reads a list name's adjacent words joined
// ("SBER BANK" as "sberbank", "Kyrgyz Trans Avia" as "kyrgyztransavia", "Al Mzyny" as
// "almzyny") and a list word split ("Abdallah" as "Abd Allah") when the other side
// has the result (name-variants.ts). The candidate index follows the query's words,
// so it never reached such a name through the joined or split word: the query's
// "sberbank" is no word of "SBER BANK". These are the names it misses so: the names
// holding, as adjacent words, the parts of a query word cut in two or three, and the
// names holding a query word with a name particle written on, or two query words
// written as one. The caller scores them with the scorer itself, which decides.
import {abjadOrigin, type Origin} from './scripts.js';
import {holdsAsPart, joinPartMinimum} from './name-variants.js';
import {foldMinimumLength, foldRomanisation} from './token-similarity.js';
import {oncePer} from './once-per.js';

/** What the search reads of the index: token ids and the names that hold them, in compressed rows. */
export type NameRows = {
	readonly vocabulary: readonly string[];
	readonly tokenIds: ReadonlyMap<string, number>;
	readonly tokenNameStart: Int32Array;
	readonly tokenNames: Int32Array;
	readonly nameTokenStart: Int32Array;
	readonly nameTokens: Int32Array;
};

/**
 * Vocabulary ids a part of a query word may be written as on the list by sound or
 * consonants (the scorer's loose agreement), the part itself among them: a costlier
 * search than the exact one, asked only where it may pay (see joinedWordNames).
 * `loose`: the scripts the query word was romanised from (0: Latin).
 */
export type PartLookup = (part: string, loose: Origin) => readonly number[];

/** Each part of a cut word has at least this many letters: "al" and "rt" are words of their own on the lists. */
const minimumPart = 2;
/** The scorer splits a list word into parts of at least this many letters (name-variants.ts). */
const minimumSplitPart = 3;
/** The article as Latin spellings write it apart ("al-Hariri", "el-Sayed"). */
const articles = ['al', 'el'];
/** Allah as a Latin name ends on it ("-allah", "-ullah", "-ollah", "-ellah"), and as Arabic script romanises it (الله). */
const allahEnding = /[aeiou]?ll[aeiou]h$/;
const romanisedAllah = 'llh';
/** Most parts a word is cut into ("kyrgyz trans avia"). */
const maxParts = 3;
/**
 * A part met by sound or consonants only has at least this many letters: "lah" meets
 * every romanised "al". A romanised word's parts are its consonants ("bdl krym").
 */
const minimumSoundPart = 4;
const minimumRomanisedSoundPart = 3;
/**
 * Names one probe may add at most. A probe meeting more is a common name word
 * ("Abdulaziz", "Abd Allah") rather than a compound, and each name it adds is scored
 * by the scorer in full: the probe is dropped, to keep screening in its time budget.
 */
export const maxProbeNames = 64;

/** What one query word adds on its own: names holding its parts cut apart, its one-letter splits, its letters apart, its particle forms. */
export type WordNames = {
	readonly cuts: readonly number[];
	readonly splits: readonly number[];
	readonly lettered: readonly number[];
	readonly respelt: readonly number[];
	readonly particled: readonly number[];
};

/** Remembers WordNames per query word; one memory per rows, particles and lookup (the caller keeps it so). */
export type WordNamesMemo = Map<string, WordNames>;
const memoLimit = 100_000;

/**
 * Name ids that hold the parts of a query word as adjacent words, or a query word
 * with a particle written on, or two query words as one word. A superset of what
 * the scorer's list-side joins and splits can match: the caller scores each.
 * `memo`: what each word added before, for searches over the same rows, particles and lookup.
 */
export function joinedWordNames(
	rows: NameRows,
	tokens: readonly string[],
	loose: readonly Origin[],
	particles: readonly string[],
	lookup: PartLookup,
	memo?: WordNamesMemo,
): Set<number> {
	const words = tokens.map((token, at) => {
		// A Latin word (most) is its own key: no word holds U+0001.
		const key = loose[at] ? `${token}\u0001${loose[at]}` : token;
		let found = memo?.get(key);
		if (!found) {
			found = wordNames(rows, token, loose[at]!, particles, lookup);
			if (memo && memo.size >= memoLimit) memo.clear();
			memo?.set(key, found);
		}
		return found;
	});
	// In the order the names were always added: every word's cuts, then every word's splits, then per word its particle forms and pairs.
	const names = new Set<number>();
	for (const {cuts} of words) for (const name of cuts) names.add(name);
	for (const {splits} of words) for (const name of splits) names.add(name);
	for (const {lettered} of words) for (const name of lettered) names.add(name);
	for (const {respelt} of words) for (const name of respelt) names.add(name);
	tokens.forEach((token, at) => {
		for (const name of words[at]!.particled) names.add(name);
		if (token.length < minimumSplitPart) return;
		tokens.forEach((other, otherAt) => otherAt === at || other.length < minimumSplitPart || holding(rows, token + other, names));
	});
	return names;
}

/** The names one query word adds, each probe's capped as addAll caps it. */
function wordNames(rows: NameRows, token: string, looseWord: Origin, particles: readonly string[], lookup: PartLookup): WordNames {
	const parts = new Map<string, readonly number[]>();
	const none: readonly number[] = [];
	const idsOf = (part: string, sounds: boolean): readonly number[] => {
		if (!sounds) {
			const id = rows.tokenIds.get(part);
			return id === undefined ? none : [id];
		}
		let ids = parts.get(part);
		if (!ids) {
			ids = lookup(part, looseWord);
			parts.set(part, ids);
		}
		return ids;
	};
	// The cuts share their parts: each part's exact ids are looked up once, by where it starts and ends.
	const width = token.length + 1;
	const exactParts: Array<readonly number[] | undefined> = [];
	const partIds = (start: number, end: number, sounds: boolean): readonly number[] =>
		sounds ? idsOf(token.slice(start, end), true) : (exactParts[start * width + end] ??= idsOf(token.slice(start, end), false));
	const cuts: number[] = [];
	for (const cutAt of cutsOf(token.length)) {
		const sequence: Array<readonly number[]> = [];
		for (let part = 0, start = 0; part <= cutAt.length; part++) {
			const end = part < cutAt.length ? cutAt[part]! : token.length;
			// A romanised word's parts are guesses throughout ("bdl krym" for "Abdul Karim"); a Latin word's are the
			// list's words themselves, but for a name after a particle ("Almuzaini"), which a list may romanise ("Al Mzyny").
			const afterParticle = part === 1 && cutAt.length === 1 && particles.includes(token.slice(0, cutAt[0]));
			const sounds = looseWord ? end - start >= minimumRomanisedSoundPart : afterParticle && end - start >= minimumSoundPart;
			const ids = partIds(start, end, sounds);
			if (ids.length === 0) break;
			sequence.push(ids);
			start = end;
		}
		if (sequence.length === cutAt.length + 1) addCapped(cuts, adjacentNames(rows, sequence));
	}
	// An abjad writes the article onto the name, its alif unwritten (אלחרירי, "lkhryry"); a list may write it apart ("al hariri").
	if (looseWord & abjadOrigin && token.startsWith('l') && token.length > minimumRomanisedSoundPart) {
		const rest = idsOf(token.slice(1), true);
		for (const article of articles) {
			const articleIds = idsOf(article, false);
			if (articleIds.length > 0 && rest.length > 0) addCapped(cuts, adjacentNames(rows, [articleIds, rest]));
		}
	}
	// A name ending in Allah written on ("Nasrallah", "Fazlullah") is two words in Arabic (نصر الله), which a list
	// romanises apart ("nsr llh"); the scorer joins them. The head is met by sound or consonants, Allah as written.
	const allah = looseWord ? null : allahEnding.exec(token);
	if (allah && allah.index >= minimumRomanisedSoundPart) {
		const headIds = idsOf(token.slice(0, allah.index), true);
		const allahIds = idsOf(romanisedAllah, false);
		if (headIds.length > 0 && allahIds.length > 0) addCapped(cuts, adjacentNames(rows, [headIds, allahIds]));
	}
	// A list name may write a one-letter part apart ("ISIS-K", "T-Platforms" as "T Platforms"); the scorer joins it.
	const splits: number[] = [];
	if (!looseWord && token.length >= minimumSplitPart + 1)
		for (const [head, tail] of [
			[token.slice(0, -1), token.slice(-1)],
			[token.slice(0, 1), token.slice(1)],
		] as const) {
			const headIds = idsOf(head, false);
			const tailIds = idsOf(tail, false);
			if (headIds.length > 0 && tailIds.length > 0) addCapped(splits, adjacentNames(rows, [headIds, tailIds]));
		}
	// A list name may spell a short word letter by letter ("I A C" for "IAC", "Z T E"); the scorer joins such runs.
	const lettered = !looseWord && token.length <= maxLetterRun ? (letterRuns(rows).get(token) ?? none) : none;
	// As the scorer splits a list word: a particle and a rest of three letters or more.
	const particledNames = new Set<number>();
	if (token.length >= minimumSplitPart)
		for (const id of particleWords(rows, particles).get(token) ?? []) holding(rows, rows.vocabulary[id]!, particledNames);
	return {
		cuts,
		splits,
		lettered: lettered.length <= maxProbeNames ? lettered : none,
		respelt: looseWord ? none : respeltJoins(rows, token),
		particled: [...particledNames],
	};
}

/**
 * The names writing `token` as two words that fold to it, one of them its own start or
 * end as written ("Bel Huawei" for "BellHuawei"), as the scorer joins them (score.ts):
 * found from the names holding that part, unless it is a common word.
 */
function respeltJoins(rows: NameRows, token: string): number[] {
	const found: number[] = [];
	if (token.length < Math.max(foldMinimumLength, 2 * joinPartMinimum)) return found;
	// Most words have no part that is a list word: the fold is worked out only for those that do.
	let key: string | undefined;
	for (let cut = joinPartMinimum; cut <= token.length - joinPartMinimum; cut++) {
		for (const [part, after] of [
			[token.slice(0, cut), true],
			[token.slice(cut), false],
		] as const) {
			const id = rows.tokenIds.get(part);
			if (id === undefined || rows.tokenNameStart[id + 1]! - rows.tokenNameStart[id]! > maxProbeNames) continue;
			const names: number[] = [];
			for (let posting = rows.tokenNameStart[id]!; posting < rows.tokenNameStart[id + 1]!; posting++) {
				const name = rows.tokenNames[posting]!;
				const first = rows.nameTokenStart[name]!;
				const end = rows.nameTokenStart[name + 1]!;
				for (let at = first; at < end; at++) {
					const other = after ? at + 1 : at - 1;
					if (rows.nameTokens[at] !== id || other < first || other >= end) continue;
					const word = rows.vocabulary[rows.nameTokens[other]!]!;
					const joined = after ? part + word : word + part;
					key ??= foldRomanisation(token);
					if (joined.length < foldMinimumLength || foldRomanisation(joined) !== key) continue;
					if (!holdsAsPart(token, after ? part : word, after ? word : part)) continue;
					names.push(name);
					break;
				}
			}
			addCapped(found, names);
		}
	}
	return found;
}

/** Adds the names holding `word`, unless it is in more than a probe's worth (a common word). */
function holding(rows: NameRows, word: string, names: Set<number>): void {
	const id = rows.tokenIds.get(word);
	if (id === undefined || rows.tokenNameStart[id + 1]! - rows.tokenNameStart[id]! > maxProbeNames) return;
	for (let at = rows.tokenNameStart[id]!; at < rows.tokenNameStart[id + 1]!; at++) names.add(rows.tokenNames[at]!);
}

/** The scorer joins two to four adjacent words (name-variants.ts): a run of letters spells a word of as many letters. */
const maxLetterRun = 4;

/**
 * The names holding two to maxLetterRun adjacent one-letter words, by the word each such
 * run spells ("i a c": "ia", "ac", "iac"); built on first use, in one pass over the names.
 * A map by the joined run, not a search through the letters' postings: one-letter
 * words (initials) are in a good share of the lists' names.
 */
const letterRuns = oncePer((rows: NameRows): Map<string, number[]> => {
	const runs = new Map<string, number[]>();
	const {vocabulary, nameTokenStart, nameTokens} = rows;
	const oneLetter = Uint8Array.from(vocabulary, token => (token.length === 1 ? 1 : 0));
	for (let name = 0; name + 1 < nameTokenStart.length; name++) {
		const end = nameTokenStart[name + 1]!;
		for (let start = nameTokenStart[name]!; start + 1 < end; start++) {
			if (!oneLetter[nameTokens[start]!]) continue;
			let spelt = vocabulary[nameTokens[start]!]!;
			for (let at = start + 1; at < end && at - start < maxLetterRun && oneLetter[nameTokens[at]!]; at++) {
				spelt += vocabulary[nameTokens[at]!]!;
				const names = runs.get(spelt);
				if (!names) runs.set(spelt, [name]);
				else if (names.at(-1) !== name) names.push(name);
			}
		}
	}
	return runs;
});

const particleWordsOf = new WeakMap<NameRows, Map<string, number[]>>();

/** The vocabulary's words that are a particle written onto a rest of minimumSplitPart letters or more, by that rest; built on first use. */
function particleWords(rows: NameRows, particles: readonly string[]): Map<string, number[]> {
	const known = particleWordsOf.get(rows);
	if (known) return known;
	const words = new Map<string, number[]>();
	rows.vocabulary.forEach((token, id) => {
		for (const particle of particles) {
			if (token.length - particle.length < minimumSplitPart || !token.startsWith(particle)) continue;
			const rest = token.slice(particle.length);
			const ids = words.get(rest);
			if (ids) ids.push(id);
			else words.set(rest, [id]);
		}
	});
	particleWordsOf.set(rows, words);
	return words;
}

const cutsByLength = new Map<number, number[][]>();

/** Every way to cut a word of this length into two to maxParts parts of minimumPart letters or more, as the positions cut at. */
function cutsOf(length: number): number[][] {
	const known = cutsByLength.get(length);
	if (known) return known;
	const found: number[][] = [];
	const extend = (cuts: number[], from: number): void => {
		for (let cut = from + minimumPart; cut <= length - minimumPart; cut++) {
			const next = [...cuts, cut];
			found.push(next);
			if (next.length + 1 < maxParts) extend(next, cut);
		}
	};
	extend([], 0);
	cutsByLength.set(length, found);
	return found;
}

/** A probe's names, unless it met more than maxProbeNames (a common word). */
function addCapped(names: number[], found: readonly number[]): void {
	if (found.length <= maxProbeNames) names.push(...found);
}

/**
 * The names holding a token of sequence[0], then one of sequence[1] ... as adjacent
 * words. It walks the postings of the part with the fewest names (a part "al" is in
 * most Arabic names, "mzyny" in a few) and checks the neighbours there; it stops past
 * maxProbeNames, a probe that addAll drops.
 */
function adjacentNames(rows: NameRows, sequence: ReadonlyArray<readonly number[]>): number[] {
	const postings = (ids: readonly number[]) => ids.reduce((sum, id) => sum + rows.tokenNameStart[id + 1]! - rows.tokenNameStart[id]!, 0);
	let rarest = 0;
	for (let at = 1; at < sequence.length; at++) if (postings(sequence[at]!) < postings(sequence[rarest]!)) rarest = at;
	const sets = sequence.map(ids => new Set(ids));
	const found: number[] = [];
	for (const id of sequence[rarest]!) {
		for (let posting = rows.tokenNameStart[id]!; posting < rows.tokenNameStart[id + 1]!; posting++) {
			const name = rows.tokenNames[posting]!;
			const first = rows.nameTokenStart[name]!;
			const end = rows.nameTokenStart[name + 1]!;
			for (let at = first; at < end; at++) {
				if (rows.nameTokens[at] !== id) continue;
				const start = at - rarest;
				if (start < first || start + sequence.length > end) continue;
				if (sets.every((set, offset) => set.has(rows.nameTokens[start + offset]!))) {
					found.push(name);
					if (found.length > maxProbeNames) return found;
					break;
				}
			}
		}
	}
	return found;
}
