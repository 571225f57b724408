// Korean names in two romanisations, syllable by syllable. North Korean and older
// South Korean names are written in McCune-Reischauer ("Chang Myong-Chin", "Chong",
// "Pak"), current South Korean ones and many list entries in the Revised Romanization
// ("Jang Myeong-Jin", "Jeong", "Bak"). The two systems write one syllable in fixed, known
// ways: MR writes the plain stops as k, t, p, ch where RR writes g, d, b, j (MR's
// aspirated k', t', p', ch' lose their apostrophe and look the same as the plain ones),
// MR's ŏ and ŭ lose their breve and read as o and u where RR writes eo and eu, and MR
// writes 시 "shi" where RR writes "si". So a word read as Korean syllables has a few
// spellings in the other system (its readings), and two words meet when one is a
// reading of the other.
//
// Such a word is also often an English or a Chinese word ("tan", "dan"), so a pair is
// supporting evidence only (score.ts, supportingSimilarity): it never makes a match
// without a distinctive word that agrees, as a name respelt does.
import {boundedMemo} from './bounded-memo.js';

// Per syllable part, the spellings one sound has in the two systems: each member of a
// set reads as every member of it. The sets are disjoint, so "a is a reading of b" is
// symmetric. Doubled (tense) consonants are written alike in both and stand for themselves.
const initialSets: ReadonlyArray<readonly string[]> = [
	['g', 'k'],
	['d', 't'],
	['b', 'p'],
	['j', 'ch'],
	['s', 'sh'],
	['kk'],
	['tt'],
	['pp'],
	['ss'],
	['jj'],
	['n'],
	['m'],
	['r'],
	['l'],
	['h'],
	[''],
];
const vowelSets: ReadonlyArray<readonly string[]> = [
	['o', 'eo'],
	['u', 'eu'],
	['yo', 'yeo'],
	['wo', 'weo'],
	['a'],
	['ae'],
	['ya'],
	['yae'],
	['e'],
	['ye'],
	['wa'],
	['wae'],
	['oe'],
	['we'],
	['wi'],
	['yu'],
	['ui'],
	['i'],
];
const finals: readonly string[] = ['', 'k', 'n', 't', 'l', 'm', 'p', 'ng'];

const spellingsOf = (sets: ReadonlyArray<readonly string[]>): ReadonlyMap<string, readonly string[]> =>
	new Map(sets.flatMap(set => set.map(member => [member, set] as const)));
const initialSpellings = spellingsOf(initialSets);
const vowelSpellings = spellingsOf(vowelSets);
const longestPart = 3;

/** Readings of a word at most: a word that could stand for more is no clear Korean word. */
const maxReadings = 32;
/** Letters a word needs: "ko" and "to" say too little. */
export const koreanWordMinimum = 3;

/**
 * The spellings of `word` in either romanisation, read as Korean syllables (initial,
 * vowel, final), the word itself among them; empty when it cannot be read so or has more
 * than maxReadings spellings.
 */
export const koreanReadings: (word: string) => readonly string[] = boundedMemo((word: string): readonly string[] => {
	if (word.length < koreanWordMinimum || !/^[a-z]+$/.test(word)) return [];
	// Every spelling of the word's first `at` letters.
	const prefixes: Array<Set<string> | undefined> = [new Set([''])];
	for (let at = 0; at < word.length; at++) {
		const before = prefixes[at];
		if (!before) continue;
		for (let initialLength = 0; initialLength <= longestPart && at + initialLength < word.length; initialLength++) {
			const initials = initialSpellings.get(word.slice(at, at + initialLength));
			if (!initials) continue;
			for (let vowelLength = 1; vowelLength <= longestPart; vowelLength++) {
				const vowelEnd = at + initialLength + vowelLength;
				if (vowelEnd > word.length) break;
				const vowels = vowelSpellings.get(word.slice(at + initialLength, vowelEnd));
				if (!vowels) continue;
				for (const final of finals) {
					const end = vowelEnd + final.length;
					if (end > word.length || word.slice(vowelEnd, end) !== final) continue;
					const after = (prefixes[end] ??= new Set());
					for (const prefix of before)
						for (const initial of initials) for (const vowel of vowels) after.add(prefix + initial + vowel + final);
					if (after.size > maxReadings) return [];
				}
			}
		}
	}
	return [...(prefixes[word.length] ?? [])];
});

/** `a` and `b` are one Korean word in the two romanisations: each a reading of the other (so the candidate index, which looks a query word's readings up, finds every pair). */
export function koreanRespelt(a: string, b: string): boolean {
	return a !== b && Math.abs(a.length - b.length) <= 2 && koreanReadings(a).includes(b) && koreanReadings(b).includes(a);
}
