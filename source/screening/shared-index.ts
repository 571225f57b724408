// The candidate index as worker threads share it: every typed array of the index
// and its token search already lives in a SharedArrayBuffer (candidate-index.ts,
// similar-tokens.ts, entity-table.ts), so posting these parts to a worker shares
// that memory instead of copying it. A worker rebuilds only what JavaScript cannot
// share, from the shared vocabulary: its strings and the maps keyed by them.
import {tokenKeyMaps, type IndexCore} from './candidate-index.js';
import {textNames, type EntityTable} from './entity-table.js';
import {shareStrings, sharedFloat64, sharedInt32Of, sharedString, type SharedStrings} from './shared-arrays.js';
import type {TokenSearch} from './similar-tokens.js';

type SharedArrays = Pick<
	IndexCore,
	| 'tokenWeights'
	| 'tokenNameStart'
	| 'tokenNames'
	| 'nameEntity'
	| 'nameAlias'
	| 'nameTokenStart'
	| 'nameTokens'
	| 'nameTokenLoose'
	| 'nameWeights'
	| 'nameStrict'
	| 'nameInitial'
	| 'tokenDistinctive'
	| 'tokenLoose'
	| 'tokenCounts'
>;

type SearchArrays = Omit<TokenSearch, 'vocabulary' | 'keyIds'>;

export type IndexParts = {
	table: EntityTable;
	vocabulary: SharedStrings;
	arrays: SharedArrays;
	search: SearchArrays & {keys: Float64Array; keyIdsOfKeys: Int32Array};
	hasStrict: boolean;
	hasInitials: boolean;
	/** Token counts of the extra statistics names (the curated vendors' names), and how many there were. */
	extraCounts: Array<[string, number]>;
	extraNames: number;
};

/** The parts of an index built with its own statistics and a table holding the names (entityTable's withText). */
export function shareIndex(index: IndexCore): IndexParts {
	if (!index.table.names) throw new Error('a shared index needs its entries’ names in the table (entityTable withText)');
	if (!index.ownStatistics) throw new Error('an index weighed with another index’s statistics cannot be shared');
	const {vocabulary, keyIds, ...search} = index.tokenSearch;
	const keys = sharedFloat64(keyIds.size);
	const keyIdsOfKeys = sharedInt32Of([...keyIds.values()]);
	keys.set([...keyIds.keys()]);
	return {
		table: index.table,
		vocabulary: shareStrings(vocabulary, vocabulary.length),
		arrays: {
			tokenWeights: index.tokenWeights,
			tokenNameStart: index.tokenNameStart,
			tokenNames: index.tokenNames,
			nameEntity: index.nameEntity,
			nameAlias: index.nameAlias,
			nameTokenStart: index.nameTokenStart,
			nameTokens: index.nameTokens,
			nameTokenLoose: index.nameTokenLoose,
			nameWeights: index.nameWeights,
			nameStrict: index.nameStrict,
			nameInitial: index.nameInitial,
			tokenDistinctive: index.tokenDistinctive,
			tokenLoose: index.tokenLoose,
			tokenCounts: index.tokenCounts,
		},
		search: {...search, keys, keyIdsOfKeys},
		hasStrict: index.hasStrict,
		hasInitials: index.hasInitials,
		extraCounts: [...index.extraCounts],
		extraNames: index.extraNames,
	};
}

/** The index over shared parts, in another thread: scores exactly as the index they were taken from. */
export function attachIndex(parts: IndexParts): IndexCore {
	const vocabulary = Array.from({length: parts.vocabulary.starts.length - 1}, (_token, at) => sharedString(parts.vocabulary, at));
	const tokenIds = new Map(vocabulary.map((token, id) => [token, id]));
	const {keys, keyIdsOfKeys, ...search} = parts.search;
	const keyIds = new Map<number, number>();
	for (let at = 0; at < keys.length; at++) keyIds.set(keys[at]!, keyIdsOfKeys[at]!);
	const extraCounts = new Map(parts.extraCounts);
	const {tokenCounts} = parts.arrays;
	return {
		table: parts.table,
		nameOf: textNames(parts.table),
		vocabulary,
		tokenIds,
		tokenSearch: {...search, vocabulary, keyIds},
		...parts.arrays,
		hasStrict: parts.hasStrict,
		hasInitials: parts.hasInitials,
		...tokenKeyMaps(vocabulary, parts.arrays.tokenLoose),
		// The statistics buildCore made, from the same counts.
		statistics: {
			names: parts.arrays.nameEntity.length + parts.extraNames,
			frequency: token => {
				const id = tokenIds.get(token);
				return (id === undefined ? 0 : tokenCounts[id]!) + (extraCounts.get(token) ?? 0);
			},
		},
		ownStatistics: true,
		extraCounts,
		extraNames: parts.extraNames,
	};
}
