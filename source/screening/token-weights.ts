// How much a token tells: a word found in many list names ("trading", "bank",
// "beijing") identifies less than one found in few ("hikvision"). Weights come from
// inverse document frequency over the names loaded (lists plus curated data), and
// the built-in generic words weigh little even when the lists are small.
import {isDictionaryWord} from './dictionary-words.js';
import {genericWords} from './generic-words.js';
import {titleWords} from './title-words.js';

/** Weight of a generic word: sharing one is weak evidence, missing one a small cost. */
export const genericWeight = 0.15;
/**
 * Weight of a plain dictionary word (dictionary-words.ts), however rare in the lists:
 * as little as a generic word, so that "Dolphin" against "Dolphin Trading Company"
 * (0.77) or "Cobalt" against "International Cobalt Co." is no match on that one
 * word, while two names that agree word for word still score 1. It stays a
 * distinctive word for the rules in score.ts. A title in another language ("koning",
 * "re") weighs as the English one does (title-words.ts).
 */
export const dictionaryWeight = genericWeight;
/** The least weight a non-generic word gets however common it is. */
const floorWeight = 0.3;
/** Below this many names, frequencies say nothing and every non-generic word weighs fully. */
const minimumNames = 200;

export type TokenStatistics = {
	/** Names counted. */
	readonly names: number;
	/** Names holding the token (each name counts a token once). */
	frequency(token: string): number;
};

export const noStatistics: TokenStatistics = {names: 0, frequency: () => 0};

/** Weight in (0, 1]. Single letters (initials) and two-letter tokens tell less than words. */
export function tokenWeight(token: string, statistics: TokenStatistics = noStatistics): number {
	if (genericWords.has(token)) return genericWeight;
	if ((token.length > 2 && isDictionaryWord(token)) || titleWords.has(token)) return dictionaryWeight;
	const short = token.length === 1 ? 0.3 : token.length === 2 ? 0.6 : 1;
	if (statistics.names < minimumNames) return short;
	const documents = statistics.names;
	const informativeness = Math.log((documents + 1) / (statistics.frequency(token) + 0.5)) / Math.log((documents + 1) / 1.5);
	return short * Math.max(floorWeight, Math.min(1, floorWeight + (1 - floorWeight) * informativeness));
}

/** True for a token that identifies (not a generic word, not an initial). */
export function isDistinctive(token: string): boolean {
	return token.length > 1 && !genericWords.has(token);
}
