// The candidate index's key maps: the vocabulary's tokens under the keys by which
// tokenSimilarity and the respelling rules pair words that edits do not (fold,
// Wade-Giles, sound and consonants, respellings; token-similarity.ts,
// person-names.ts). A query token looks its own keys up and checks the tokens found.
//
// A map is typed arrays, not a Map of strings: per entry a 53-bit hash of the key
// and a token id, sorted by hash. Built once, in shared memory, it is read by every
// worker thread (screening-pool.ts) instead of each thread keying the whole
// vocabulary again. A hash collision only merges two keys' tokens: the caller
// checks every token it finds (withKeyNeighbours), so it adds a check, never a pair.
// Within a key, tokens keep the order the string maps gave them (ids ascending; for
// person words, the order names first hold them), so neighbours come out in the same order.
import {uncached} from './bounded-memo.js';
import {hanLatinKeys, hanTranscriptionKeys} from './han-transcription.js';
import {abjadOrigin, alphabetOrigin, cyrillicOrigin, everyOrigin, hanOrigin, latinOrigin, type Origin} from './scripts.js';
import {greekNameReading} from './greek-romanisation.js';
import {chineseKey, hasWadeGilesSpelling, wadeGilesReadings} from './wade-giles.js';
import type {JoinedNames} from './name-tokens.js';
import {personRespeltKeys, personWordMinimum} from './person-names.js';
import {lowerBound} from './lower-bound.js';
import {sharedFloat64, sharedInt32} from './shared-arrays.js';
import {
	abjadKeys,
	abjadShortWord,
	arabicReadings,
	consonantSkeleton,
	foldMinimumLength,
	foldRomanisation,
	frenchReading,
	germanReading,
	quReading,
	looseKeyMinimum,
	loanwordKeys,
	phoneticKeys,
	respeltKeys,
	shortSkeletonLength,
	ukrainianKeys,
} from './token-similarity.js';

/** Tokens under keys: entry e has key hash hashes[e] and token ids[e], entries sorted by hash. */
export type KeyedTokens = {readonly hashes: Float64Array; readonly ids: Int32Array};

/**
 * The maps, by what a query token looks up:
 * - folded: foldRomanisation of tokens of foldMinimumLength letters or more;
 * - wadeGiles: chineseKey of those with a Wade-Giles spelling, and the pinyin words each reads as (wade-giles.ts);
 *   chinese: chineseKey of all of them (for a query token with one);
 * - looseKeys: sound and consonant keys of the loose tokens; looseVocabulary: of every token (for a loose query token, rare);
 * - respelt: respeltKeys of tokens of three letters or more (nameRespelt);
 * - person: personRespeltKeys of the words of persons', vessels' and aircraft's names (personRespelt pairs only those).
 */
export type KeyMapName = 'folded' | 'wadeGiles' | 'chinese' | 'looseKeys' | 'looseVocabulary' | 'respelt' | 'person';

/** Built maps, as threads share them. */
export type BuiltKeyMaps = Partial<Record<KeyMapName, KeyedTokens>>;

/** What the maps are made of. */
export type KeySource = Readonly<Pick<JoinedNames, 'tokenLoose' | 'nameStrict' | 'nameTokenStart' | 'nameTokens'>> & {
	readonly vocabulary: readonly string[];
};

/** An index's maps, each built on first use unless given built. */
export type TokenKeyMaps = {
	/** The tokens under `key` in map `name`, possibly with a few under another key of the same hash. */
	readonly tokensUnder: (name: KeyMapName, key: string) => Int32Array;
	/** True when map `name` holds no token. */
	readonly isEmpty: (name: KeyMapName) => boolean;
	/** Map `name` itself, built now if it was not. */
	readonly map: (name: KeyMapName) => KeyedTokens;
};

export const keyMapNames: readonly KeyMapName[] = ['folded', 'wadeGiles', 'chinese', 'looseKeys', 'looseVocabulary', 'respelt', 'person'];

/**
 * Keys under which a loose token and a token it agrees with by sound or consonants meet (see looseAgreement).
 * `origins`: the scripts of the tokens the keys are to meet. Sound and consonants meet a word from any script;
 * the other keys pair a word with one script's (an abjad's, a syllabary's, Cyrillic's), so only those scripts ask for them.
 */
export function looseKeysOf(token: string, origins: Origin = everyOrigin): string[] {
	const keys: string[] = [];
	for (const key of new Set(phoneticKeys(token))) if (key.length >= looseKeyMinimum) keys.push(`m:${key}`);
	const skeleton = consonantSkeleton(token);
	if (skeleton.length >= looseKeyMinimum || (skeleton.length > 0 && token.length <= shortSkeletonLength)) keys.push(`s:${skeleton}`);
	if (origins & abjadOrigin)
		for (const abjad of abjadKeys(token))
			if (abjad.length >= looseKeyMinimum || (abjad.length > 0 && abjadShortWord(token))) keys.push(`a:${abjad}`);
	keys.push(...loanwordKeys(token, origins));
	if (origins & cyrillicOrigin) keys.push(...ukrainianKeys(token));
	return keys;
}

/**
 * The keys a query token looks up (in looseKeys when it is Latin, looseVocabulary when
 * romanised; `loose`: its scripts): its loose keys, and the keys under which a Han
 * transcription and a Latin spelling meet (han-transcription.ts), from its own side.
 * `listOrigins`: the scripts the index's words were romanised from. A Latin token looks
 * up only the keys of those: a list with no Japanese name needs no kana readings of it.
 */
export function queryLooseKeys(token: string, loose: Origin, listOrigins: Origin = everyOrigin): string[] {
	if (loose) {
		const keys = looseKeysOf(token);
		if (loose & hanOrigin) keys.push(...hanTranscriptionKeys(token));
		return keys;
	}
	const keys = looseKeysOf(token, listOrigins);
	if (listOrigins & hanOrigin) keys.push(...hanLatinKeys(token));
	return keys;
}

/** The keys of a romanised vocabulary token (`origin`: its scripts) in looseKeys, where Latin query tokens look. */
export function romanisedTokenKeys(token: string, origin: Origin): string[] {
	const keys = looseKeysOf(token);
	if (origin & hanOrigin) keys.push(...hanTranscriptionKeys(token));
	return keys;
}

/** The keys of any vocabulary token in looseVocabulary, where romanised query tokens look. */
export function vocabularyTokenKeys(token: string): string[] {
	return [...looseKeysOf(token), ...hanLatinKeys(token)];
}

/** Calls `add` with a token id and each of its keys, in the order the map keeps within a key. */
type KeyFeed = (source: KeySource, add: (key: string, id: number) => void) => void;

function everyToken(keysOf: (token: string, id: number, source: KeySource) => readonly string[]): KeyFeed {
	return (source, add) => {
		const {vocabulary} = source;
		for (let id = 0; id < vocabulary.length; id++) for (const key of keysOf(vocabulary[id]!, id, source)) add(key, id);
	};
}

const foldable = (token: string) => token.length >= foldMinimumLength;

/**
 * A word's keys in the folded map: its fold, and its German, French, qu-as-kv and Arabic readings' when they differ;
 * a word from Greek (`origin`) also its reading as a foreign name's (greekNameReading).
 */
export function foldKeys(token: string, origin: Origin = latinOrigin): string[] {
	const keys = [foldRomanisation(token)];
	const greek = origin & alphabetOrigin ? greekNameReading(token) : null;
	for (const reading of [germanReading(token), frenchReading(token), quReading(token), ...arabicReadings(token), greek]) {
		const key = reading === null ? keys[0]! : foldRomanisation(reading);
		if (!keys.includes(key)) keys.push(key);
	}
	return keys;
}

const feeds: Record<KeyMapName, KeyFeed> = {
	// A word in German spelling also under the fold of its reading (germanReading), where the English spelling's key is; so for the others of foldKeys.
	folded: everyToken((token, id, {tokenLoose}) => (foldable(token) ? foldKeys(token, tokenLoose[id]) : [])),
	// A reading may be the coarse key itself: each key once per token.
	wadeGiles: everyToken(token =>
		hasWadeGilesSpelling(token) ? [...new Set([...(foldable(token) ? [chineseKey(token)] : []), ...wadeGilesReadings(token)])] : [],
	),
	chinese: everyToken(token => (foldable(token) ? [chineseKey(token)] : [])),
	looseKeys: everyToken((token, id, {tokenLoose}) => (tokenLoose[id] ? romanisedTokenKeys(token, tokenLoose[id]!) : [])),
	looseVocabulary: everyToken(vocabularyTokenKeys),
	// Words of one or two letters never respell.
	respelt: everyToken(token => (token.length >= 3 ? respeltKeys(token) : [])),
	// In the order names first hold the words, as the string map was filled.
	person: ({vocabulary, nameStrict, nameTokenStart, nameTokens}, add) => {
		const seen = new Uint8Array(vocabulary.length);
		for (let name = 0; name < nameStrict.length; name++) {
			if (!nameStrict[name]) continue;
			for (let at = nameTokenStart[name]!; at < nameTokenStart[name + 1]!; at++) {
				const id = nameTokens[at]!;
				if (seen[id] || vocabulary[id]!.length < personWordMinimum) continue;
				seen[id] = 1;
				for (const key of personRespeltKeys(vocabulary[id]!)) add(key, id);
			}
		}
	},
};

/**
 * A 53-bit hash of a key (two 32-bit FNV-style lanes): among a million keys the
 * chance of any collision is below one in ten thousand, and one is harmless (see above).
 */
export function keyHash(key: string): number {
	let low = 0x81_1c_9d_c5;
	let high = 0x9e_37_79_b9 ^ key.length;
	for (let at = 0; at < key.length; at++) {
		const unit = key.charCodeAt(at);
		low = Math.imul(low ^ unit, 0x01_00_01_93);
		high = Math.imul(high ^ unit, 0x5b_d1_e9_95);
		high ^= high >>> 15;
	}
	return (low >>> 0) * 0x20_00_00 + (high >>> 11);
}

/** Map `name` of `source`, in shared memory; the key functions bypass the scorer's memory (bounded-memo.ts). */
export function buildKeyMap(source: KeySource, name: KeyMapName): KeyedTokens {
	const entryHashes: number[] = [];
	const entryIds: number[] = [];
	uncached(() =>
		feeds[name](source, (key, id) => {
			entryHashes.push(keyHash(key));
			entryIds.push(id);
		}),
	);
	// By hash, then in the order fed.
	const order = Int32Array.from(entryIds, (_id, at) => at).sort((x, y) => entryHashes[x]! - entryHashes[y]! || x - y);
	const hashes = sharedFloat64(order.length);
	const ids = sharedInt32(order.length);
	order.forEach((entry, at) => {
		hashes[at] = entryHashes[entry]!;
		ids[at] = entryIds[entry]!;
	});
	return {hashes, ids};
}

/**
 * The maps worker threads share (all but looseVocabulary, which only a loose query
 * token, rare, needs), in two groups for two threads that should finish together:
 * for a million names the first takes about 0.9 s beside the postings (0.4 s), the
 * second about 0.5 s beside the token search (0.9 s).
 */
export const keyMapGroups: ReadonlyArray<readonly KeyMapName[]> = [
	['folded', 'person', 'wadeGiles'],
	['chinese', 'respelt', 'looseKeys'],
];
const sharedKeyMaps = keyMapGroups.flat();

/** Maps `names` (by default, all the shared ones), built. */
export function buildSharedKeyMaps(source: KeySource, names: readonly KeyMapName[] = sharedKeyMaps): BuiltKeyMaps {
	return Object.fromEntries(names.map(name => [name, buildKeyMap(source, name)]));
}

/** The entries of `map` whose hash is `hash`. */
function entriesOf({hashes, ids}: KeyedTokens, hash: number): Int32Array {
	const low = lowerBound(hashes.length, at => hashes[at]! < hash);
	let end = low;
	while (end < hashes.length && hashes[end] === hash) end++;
	return ids.subarray(low, end);
}

/** An index's key maps over `source`; `given`: maps built elsewhere (another thread), used as they are. */
export function tokenKeyMaps(source: KeySource, given: BuiltKeyMaps = {}): TokenKeyMaps {
	const maps: BuiltKeyMaps = {...given};
	const map = (name: KeyMapName): KeyedTokens => (maps[name] ??= buildKeyMap(source, name));
	return {
		tokensUnder: (name, key) => entriesOf(map(name), keyHash(key)),
		isEmpty: name => map(name).ids.length === 0,
		map,
	};
}
