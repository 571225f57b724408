// The candidate index as worker threads build and share it: every typed array of
// the index and its token search lives in a SharedArrayBuffer (candidate-index.ts,
// similar-tokens.ts, entity-table.ts, name-tokens.ts), so posting these parts to a
// worker shares that memory instead of copying it. One worker builds the postings
// and weights while another builds the token search (screening-pool.ts); each
// thread then rebuilds only what JavaScript cannot share, from the shared
// vocabulary: its strings and the map of their ids. The key maps are typed arrays
// too (token-key-maps.ts), built once by a third thread, or the first when fewer.
import {statisticsOfCounts, type IndexArrays, type IndexCore} from './candidate-index.js';
import {textNames, type EntityTable} from './entity-table.js';
import type {JoinedNames} from './name-tokens.js';
import {shareStrings, sharedFloat64, sharedInt32Of, sharedString, type SharedStrings} from './shared-arrays.js';
import type {TokenSearch} from './similar-tokens.js';
import {tokenKeyMaps, type BuiltKeyMaps, type KeyMapName} from './token-key-maps.js';

/** Joined names as threads share them: the arrays as they are, the sorted vocabulary as shared strings. */
export type SharedNames = Omit<JoinedNames, 'vocabulary' | 'tokenIds'> & {vocabulary: SharedStrings};

/** The vocabulary's strings and their ids: what each thread makes of the shared vocabulary once. */
export type Vocabulary = Pick<JoinedNames, 'vocabulary' | 'tokenIds'>;

export type SharedSearch = Omit<TokenSearch, 'vocabulary' | 'keyIds'> & {keys: Float64Array; keyIdsOfKeys: Int32Array};

export type IndexParts = {
	table: EntityTable;
	names: SharedNames;
	arrays: IndexArrays;
	search: SharedSearch;
	/** The key maps one thread built for all (token-key-maps.ts); any left out are built where needed. */
	keyMaps: BuiltKeyMaps;
	/** Token counts of the extra statistics names (the curated vendors' names), and how many there were. */
	extraCounts: Array<[string, number]>;
	extraNames: number;
};

/** `tokenIds` is left out: each thread makes its own (readVocabulary). */
export function shareNames({
	vocabulary,
	tokenIds: _tokenIds,
	...arrays
}: Omit<JoinedNames, 'vocabulary' | 'tokenIds'> & {vocabulary: readonly string[]; tokenIds?: unknown}): SharedNames {
	return {...arrays, vocabulary: shareStrings(vocabulary, vocabulary.length)};
}

export function readVocabulary(shared: SharedStrings): Vocabulary {
	const vocabulary = Array.from({length: shared.starts.length - 1}, (_token, at) => sharedString(shared, at));
	return {vocabulary, tokenIds: new Map(vocabulary.map((token, id) => [token, id]))};
}

/** Joined names from their shared form, the vocabulary read once by the caller. */
export function namesOf(shared: SharedNames, {vocabulary, tokenIds}: Vocabulary): JoinedNames {
	return {...shared, vocabulary, tokenIds};
}

/** A token search built here, to be shared: its key map as two shared arrays. */
export function shareSearch({vocabulary: _vocabulary, keyIds, ...arrays}: TokenSearch): SharedSearch {
	const keys = sharedFloat64(keyIds.size);
	keys.set([...keyIds.keys()]);
	return {...arrays, keys, keyIdsOfKeys: sharedInt32Of([...keyIds.values()])};
}

/**
 * The index over shared parts, in any thread: scores exactly as assembleCore's
 * from the same names. `read`: the vocabulary, when this thread has read it already.
 */
export function attachIndex(
	parts: IndexParts,
	read: Vocabulary = readVocabulary(parts.names.vocabulary),
	/** How names are read: by default from the table's text; a thread holding the entry objects reads them there. */
	nameOf: IndexCore['nameOf'] = textNames(parts.table),
): IndexCore {
	const {vocabulary, tokenIds} = read;
	const {keys, keyIdsOfKeys, ...search} = parts.search;
	const keyIds = new Map<number, number>();
	for (let at = 0; at < keys.length; at++) keyIds.set(keys[at]!, keyIdsOfKeys[at]!);
	const extraCounts = new Map(parts.extraCounts);
	const names = namesOf(parts.names, read);
	return {
		table: parts.table,
		nameOf,
		...names,
		tokenSearch: {...search, vocabulary, keyIds},
		...parts.arrays,
		keyMaps: tokenKeyMaps(names, parts.keyMaps),
		// The statistics assembleCore made, from the same counts.
		statistics: statisticsOfCounts({tokenIds, tokenCounts: names.tokenCounts, nameEntity: names.nameEntity}, extraCounts, parts.extraNames),
		ownStatistics: true,
		extraCounts,
		extraNames: parts.extraNames,
	};
}

/**
 * The parts of an index built on one thread, for another to attach or for a file: its key maps
 * `maps` built now (as they would be on first use), the vocabulary copied into shared strings.
 */
export function indexParts(index: IndexCore, maps: readonly KeyMapName[]): IndexParts {
	const {table, vocabulary, tokenCounts, tokenLoose, nameEntity, nameAlias, nameStrict, nameTokenStart, nameTokens, nameTokenLoose} = index;
	const names = shareNames({
		vocabulary,
		tokenCounts,
		tokenLoose,
		nameEntity,
		nameAlias,
		nameStrict,
		nameTokenStart,
		nameTokens,
		nameTokenLoose,
	});
	const {tokenWeights, tokenNameStart, tokenNames, nameWeights, nameInitial, tokenReach, tokenDistinctive, hasStrict, hasInitials} = index;
	const arrays = {tokenWeights, tokenNameStart, tokenNames, nameWeights, nameInitial, tokenReach, tokenDistinctive, hasStrict, hasInitials};
	const keyMaps = Object.fromEntries(maps.map(name => [name, index.keyMaps.map(name)]));
	return {
		table,
		names,
		arrays,
		search: shareSearch(index.tokenSearch),
		keyMaps,
		extraCounts: [...index.extraCounts],
		extraNames: index.extraNames,
	};
}
