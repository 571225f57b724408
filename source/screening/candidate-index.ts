// Candidate index: finds the list names worth scoring for a query without
// comparing it with every name. Names are split into normalised tokens; the
// distinct tokens are searched once per query token for every token it pairs
// with (similar-tokens.ts, exhaustive by construction), and through them the
// names that contain those tokens. A name none of whose tokens pairs with the
// query scores 0, so the index finds every name exhaustive scoring would.
import type {ScreeningEntity} from '../records/index.js';
import {adjustForCountry, countryAgreement, countryBonus, type CountryAgreement} from './country.js';
import {normalizeName} from './normalize.js';
import {defaultThreshold, pairFloor, pairTokens, tokenSimilarity, tokenWeight, unpairedListWeight} from './score.js';
import {entityKind} from './score-candidate.js';
import {buildTokenSearch, pairingTokens, type PairingTokens, type TokenSearch} from './similar-tokens.js';

export type CandidateIndex = {
	readonly entities: readonly ScreeningEntity[];
	/** Distinct normalised tokens; a token's id is its position. */
	readonly vocabulary: readonly string[];
	readonly tokenIds: ReadonlyMap<string, number>;
	readonly tokenWeights: Float64Array;
	/** Finds the vocabulary tokens a query token pairs with. */
	readonly tokenSearch: TokenSearch;
	/** Token id -> name ids (compressed rows: names of token t are tokenNames[tokenNameStart[t] .. tokenNameStart[t+1]]). */
	readonly tokenNameStart: Int32Array;
	readonly tokenNames: Int32Array;
	/** Name id -> its entity's position in `entities`, and -1 for the main name or the alias position. */
	readonly nameEntity: Int32Array;
	readonly nameAlias: Int32Array;
	/** Name id -> its token ids, compressed rows as above. */
	readonly nameTokenStart: Int32Array;
	readonly nameTokens: Int32Array;
	/** Name id -> the total weight of its tokens (scoring's unpaired-list cost needs it for every candidate). */
	readonly nameWeights: Float64Array;
};

/** Floating-point rounding between the bound and the score must never prune a name scoring exactly the threshold. */
const boundSlack = 1e-9;

export type SearchOptions = {
	threshold?: number;
	country?: string | null;
	/**
	 * A query token whose similar list tokens occur in more names than this may be
	 * skipped, but only when the names it alone could find provably score below
	 * the threshold (see skippableTokens); so skipping never costs recall and the
	 * default, 0, skips whatever the bound allows, most frequent first. It keeps
	 * "technology" from fanning out to a hundred thousand names.
	 */
	maxPostings?: number;
};

export type NameMatch = {
	entity: ScreeningEntity;
	/** The entity's name or alias that matched. */
	matchedName: string;
	/** Name score before the country adjustment. */
	nameScore: number;
	/** Final score: name score adjusted for country agreement. */
	score: number;
	countryAgreement: CountryAgreement;
};

export function buildIndex(entities: readonly ScreeningEntity[]): CandidateIndex {
	const firstIds = new Map<string, number>();
	const firstSeen: string[] = [];
	const nameEntity: number[] = [];
	const nameAlias: number[] = [];
	const nameTokenStart: number[] = [0];
	const nameTokens: number[] = [];
	const tokenCounts: number[] = [];
	const addName = (name: string, kind: ReturnType<typeof entityKind>, entityIndex: number, alias: number): void => {
		const {tokens} = normalizeName(name, {kind});
		if (tokens.length === 0) return;
		for (const token of tokens) {
			let id = firstIds.get(token);
			if (id === undefined) {
				id = firstSeen.length;
				firstIds.set(token, id);
				firstSeen.push(token);
				tokenCounts.push(0);
			}
			nameTokens.push(id);
			tokenCounts[id]!++;
		}
		nameEntity.push(entityIndex);
		nameAlias.push(alias);
		nameTokenStart.push(nameTokens.length);
	};
	for (let entityIndex = 0; entityIndex < entities.length; entityIndex++) {
		const entity = entities[entityIndex]!;
		const kind = entityKind(entity);
		addName(entity.name, kind, entityIndex, -1);
		for (let alias = 0; alias < entity.aliases.length; alias++) addName(entity.aliases[alias]!, kind, entityIndex, alias);
	}

	// Token ids in sorted order: similar tokens, which a query token checks together, then sit together in memory.
	const vocabulary = [...firstSeen].sort();
	const tokenIds = new Map(vocabulary.map((token, id) => [token, id]));
	const renumber = Int32Array.from(firstSeen, token => tokenIds.get(token)!);
	for (let at = 0; at < nameTokens.length; at++) nameTokens[at] = renumber[nameTokens[at]!]!;
	const tokenNameStart = new Int32Array(vocabulary.length + 1);
	for (let id = 0; id < vocabulary.length; id++)
		tokenNameStart[id + 1] = tokenNameStart[id]! + tokenCounts[firstIds.get(vocabulary[id]!)!]!;
	const fill = tokenNameStart.slice(0, vocabulary.length);
	const tokenNames = new Int32Array(nameTokens.length);
	for (let name = 0; name < nameEntity.length; name++) {
		for (let at = nameTokenStart[name]!; at < nameTokenStart[name + 1]!; at++) tokenNames[fill[nameTokens[at]!]!++] = name;
	}

	const tokenWeights = Float64Array.from(vocabulary, tokenWeight);
	const nameWeights = new Float64Array(nameEntity.length);
	for (let name = 0; name < nameEntity.length; name++) {
		for (let at = nameTokenStart[name]!; at < nameTokenStart[name + 1]!; at++) nameWeights[name]! += tokenWeights[nameTokens[at]!]!;
	}

	return {
		entities,
		vocabulary,
		tokenIds,
		tokenWeights,
		tokenSearch: buildTokenSearch(vocabulary),
		tokenNameStart,
		tokenNames,
		nameEntity: Int32Array.from(nameEntity),
		nameAlias: Int32Array.from(nameAlias),
		nameTokenStart: Int32Array.from(nameTokenStart),
		nameTokens: Int32Array.from(nameTokens),
		nameWeights,
	};
}

/** One query token and the list tokens it pairs with (similarity >= pairFloor): all of them, see similarTokens. */
type QueryToken = {token: string; weight: number} & TokenNeighbours;

/** The neighbours of a token, kept compact so they can be cached across queries. */
type TokenNeighbours = {ids: Int32Array; similarities: Float64Array; postings: number; maxListWeight: number};

// Inventories repeat tokens ("systems", "trading", a group's brand on every
// subsidiary); their neighbours are computed once per index. Bounded, and cleared
// when full rather than evicting one by one: simple, and a refill is cheap.
type NeighbourCache = {entries: Map<string, TokenNeighbours>; primed: number};
const neighbourCaches = new WeakMap<CandidateIndex, NeighbourCache>();
const neighbourCacheLimit = 50_000;

function neighbourCache(index: CandidateIndex): NeighbourCache {
	let cache = neighbourCaches.get(index);
	if (!cache) {
		cache = {entries: new Map(), primed: 0};
		neighbourCaches.set(index, cache);
	}
	return cache;
}

function withPostings(index: CandidateIndex, {ids, similarities}: PairingTokens): TokenNeighbours {
	let postings = 0;
	let maxListWeight = 0;
	for (const id of ids) {
		postings += index.tokenNameStart[id + 1]! - index.tokenNameStart[id]!;
		maxListWeight = Math.max(maxListWeight, index.tokenWeights[id]!);
	}
	return {ids, similarities, postings, maxListWeight};
}

function neighbours(index: CandidateIndex, token: string): TokenNeighbours {
	const cache = neighbourCache(index);
	const cached = cache.entries.get(token);
	if (cached) return cached;
	const result = withPostings(index, pairingTokens(index.tokenSearch, token, index.tokenIds.get(token) ?? -1));
	if (cache.entries.size >= neighbourCacheLimit + cache.primed) {
		cache.entries.clear();
		cache.primed = 0;
	}
	cache.entries.set(token, result);
	return result;
}

/** The distinct tokens of `names` whose neighbours are not cached yet: the work priming would do. */
export function uncachedTokens(index: CandidateIndex, names: Iterable<string>): string[] {
	const {entries} = neighbourCache(index);
	const tokens = new Set<string>();
	for (const name of names) for (const token of normalizeName(name).tokens) if (!entries.has(token)) tokens.add(token);
	return [...tokens];
}

/**
 * Stores neighbours found elsewhere (a worker, see neighbour-pool.ts). Primed
 * entries are the inventory's own tokens, so they do not count against the limit
 * that keeps lazily cached ones bounded.
 */
export function primeNeighbours(index: CandidateIndex, token: string, found: PairingTokens): void {
	const cache = neighbourCache(index);
	if (!cache.entries.has(token)) cache.primed++;
	cache.entries.set(token, withPostings(index, found));
}

function prepareQuery(index: CandidateIndex, name: string): QueryToken[] {
	return normalizeName(name).tokens.map(token => ({token, weight: tokenWeight(token), ...neighbours(index, token)}));
}

/**
 * Query tokens that need not be followed. A name reached only through skipped
 * tokens pairs with nothing else of the query, so its score is at most
 * (skipped query weight + their best list weights) / (query weight + those list weights);
 * tokens are skipped, most frequent first, only while that bound (plus the
 * country bonus) stays below the threshold. Recall is therefore unchanged.
 */
function skippableTokens(query: QueryToken[], threshold: number, maxPostings: number): Set<number> {
	const skipped = new Set<number>();
	const total = query.reduce((sum, token) => sum + token.weight, 0);
	const order = query.map((_token, position) => position).sort((x, y) => query[y]!.postings - query[x]!.postings);
	let skippedQuery = 0;
	let skippedList = 0;
	for (const position of order) {
		const token = query[position]!;
		if (token.postings <= maxPostings || skipped.size === query.length - 1) break;
		const bound = (skippedQuery + token.weight + skippedList + token.maxListWeight) / (total + skippedList + token.maxListWeight);
		if (bound + countryBonus >= threshold) break;
		skipped.add(position);
		skippedQuery += token.weight;
		skippedList += token.maxListWeight;
	}
	return skipped;
}

/** Per-index scratch: stamps mark "already a candidate name" and "a neighbour token of this query" without Sets. */
type Scratch = {
	nameStamp: Int32Array;
	nameMask: Int32Array;
	nameGeneration: number;
	tokenStamp: Int32Array;
	tokenRow: Int32Array;
	tokenGeneration: number;
};
const scratches = new WeakMap<CandidateIndex, Scratch>();

function scratchOf(index: CandidateIndex): Scratch {
	let scratch = scratches.get(index);
	if (!scratch) {
		scratch = {
			nameStamp: new Int32Array(index.nameEntity.length),
			nameMask: new Int32Array(index.nameEntity.length),
			nameGeneration: 0,
			tokenStamp: new Int32Array(index.vocabulary.length),
			tokenRow: new Int32Array(index.vocabulary.length),
			tokenGeneration: 0,
		};
		scratches.set(index, scratch);
	}
	return scratch;
}

/**
 * The names worth scoring: those holding a neighbour of a followed query token,
 * less those that provably score below the threshold. A name pairs only query
 * tokens whose neighbours it holds (the ones that reached it, plus any skipped
 * token, which might), so with A their weight, P <= min(L, their best list
 * weights) the list weight they can pair and L the name's weight, its score is at
 * most (A + P) / (Q + P + u (L - P)): every pair's similarity is at most 1, and
 * the bound rises with P. Most names reached through one word of a three-word
 * query fall below it without being scored.
 */
function candidateNames(index: CandidateIndex, query: QueryToken[], threshold: number, maxPostings: number): Int32Array {
	const skipped = skippableTokens(query, threshold, maxPostings);
	const scratch = scratchOf(index);
	const generation = ++scratch.nameGeneration;
	const {nameStamp: stamp, nameMask: mask} = scratch;
	const found: number[] = [];
	// A mask holds one bit per query token; longer queries (rare) are not pruned.
	const bounded = query.length <= 31;
	let skippedMask = 0;
	for (const position of skipped) skippedMask |= 1 << position;
	query.forEach((token, position) => {
		if (skipped.has(position)) return;
		const bit = bounded ? 1 << position : 0;
		for (const id of token.ids) {
			for (let at = index.tokenNameStart[id]!; at < index.tokenNameStart[id + 1]!; at++) {
				const name = index.tokenNames[at]!;
				if (stamp[name] === generation) {
					mask[name]! |= bit;
					continue;
				}
				stamp[name] = generation;
				mask[name] = bit | skippedMask;
				found.push(name);
			}
		}
	});
	if (!bounded) return Int32Array.from(found);
	const floor = threshold - countryBonus - boundSlack;
	const queryTotal = query.reduce((sum, token) => sum + token.weight, 0);
	const kept = new Int32Array(found.length);
	let count = 0;
	let lastMask = -1;
	let reachedWeight = 0;
	let pairableListWeight = 0;
	for (const name of found) {
		const nameMask = mask[name]!;
		if (nameMask !== lastMask) {
			lastMask = nameMask;
			reachedWeight = 0;
			pairableListWeight = 0;
			for (let position = 0; position < query.length; position++) {
				if ((nameMask & (1 << position)) === 0) continue;
				reachedWeight += query[position]!.weight;
				pairableListWeight += query[position]!.maxListWeight;
			}
		}
		const listWeight = index.nameWeights[name]!;
		const paired = Math.min(listWeight, pairableListWeight);
		if ((reachedWeight + paired) / (queryTotal + paired + unpairedListWeight * (listWeight - paired)) >= floor) kept[count++] = name;
	}
	return kept.subarray(0, count);
}

/**
 * Similarities of the query tokens with the list tokens scoring may meet: row
 * tokenRow[id] of `table` (one column per query token) when tokenStamp[id] is
 * `generation`, else 0. Values below pairFloor may be 0 too. A table, not a
 * function, because scoreName reads it for every token of every candidate.
 */
type Similarity = {table: Float64Array; width: number; generation: number; tokenStamp: Int32Array; tokenRow: Int32Array};

/**
 * The similarities the index found, as a table: a list token that is no query
 * token's neighbour pairs with none of them (similarTokens finds every pair at
 * or above the floor), so it needs no score.
 */
function neighbourSimilarity(index: CandidateIndex, query: QueryToken[]): Similarity {
	const scratch = scratchOf(index);
	const generation = ++scratch.tokenGeneration;
	const {tokenStamp, tokenRow} = scratch;
	const width = query.length;
	let rows = 0;
	for (const token of query) {
		for (const id of token.ids) {
			if (tokenStamp[id] === generation) continue;
			tokenStamp[id] = generation;
			tokenRow[id] = rows++;
		}
	}
	const table = new Float64Array(rows * width);
	query.forEach((token, q) => token.ids.forEach((id, position) => (table[tokenRow[id]! * width + q] = token.similarities[position]!)));
	return {table, width, generation, tokenStamp, tokenRow};
}

/** Every query token against every vocabulary token: the exhaustive yardstick trusts nothing the index found. */
function computedSimilarity(index: CandidateIndex, query: QueryToken[]): Similarity {
	const scratch = scratchOf(index);
	const generation = ++scratch.tokenGeneration;
	const {tokenStamp, tokenRow} = scratch;
	const width = query.length;
	const table = new Float64Array(index.vocabulary.length * width);
	index.vocabulary.forEach((listToken, id) => {
		tokenStamp[id] = generation;
		tokenRow[id] = id;
		query.forEach((token, q) => (table[id * width + q] = tokenSimilarity(token.token, listToken)));
	});
	return {table, width, generation, tokenStamp, tokenRow};
}

// Scratch for scoreName: pairs (query position, list position, similarity), reused across calls.
const pairQuery = new Int32Array(1024);
const pairList = new Int32Array(1024);
const pairSimilarity = new Float64Array(1024);
const pairOrder = new Int32Array(1024);

/**
 * The score pairTokens would give (same pairs, same order of ties), without its
 * allocations: this runs once per candidate, millions of times per screening.
 */
function scoreName(
	index: CandidateIndex,
	query: QueryToken[],
	queryWeights: number[],
	queryTotal: number,
	similarity: Similarity,
	name: number,
): number {
	const start = index.nameTokenStart[name]!;
	const end = index.nameTokenStart[name + 1]!;
	const listLength = end - start;
	const {nameTokens, tokenWeights} = index;
	const {table, width, generation, tokenStamp, tokenRow} = similarity;
	const similarityOf = (q: number, id: number): number => (tokenStamp[id] === generation ? table[tokenRow[id]! * width + q]! : 0);
	if (query.length > 31 || listLength > 31 || query.length * listLength > 1024) {
		const listTokens = nameTokens.subarray(start, end);
		return pairTokens(
			queryWeights,
			Array.from(listTokens, id => tokenWeights[id]!),
			(q, l) => similarityOf(q, listTokens[l]!),
		).score;
	}
	let count = 0;
	const listTotal = index.nameWeights[name]!;
	// Query-major, as pairTokens builds its list, so exact ties fall the same way.
	for (let q = 0; q < query.length; q++) {
		for (let l = 0; l < listLength; l++) {
			const id = nameTokens[start + l]!;
			if (tokenStamp[id] !== generation) continue;
			const value = table[tokenRow[id]! * width + q]!;
			if (value < pairFloor) continue;
			const listWeight = tokenWeights[id]!;
			pairQuery[count] = q;
			pairList[count] = l;
			pairSimilarity[count] = value;
			// Insertion sort: similarity descending, then paired weight descending (as pairTokens sorts).
			let at = count++;
			const weight = queryWeights[q]! + listWeight;
			while (at > 0) {
				const previous = pairOrder[at - 1]!;
				const previousWeight = queryWeights[pairQuery[previous]!]! + tokenWeights[nameTokens[start + pairList[previous]!]!]!;
				if (pairSimilarity[previous]! > value || (pairSimilarity[previous] === value && previousWeight >= weight)) break;
				pairOrder[at] = previous;
				at--;
			}
			pairOrder[at] = count - 1;
		}
	}
	let usedQuery = 0;
	let usedList = 0;
	let matched = 0;
	let pairedListWeight = 0;
	for (let position = 0; position < count; position++) {
		const pair = pairOrder[position]!;
		const q = pairQuery[pair]!;
		const l = pairList[pair]!;
		if (usedQuery & (1 << q) || usedList & (1 << l)) continue;
		usedQuery |= 1 << q;
		usedList |= 1 << l;
		const listWeight = tokenWeights[nameTokens[start + l]!]!;
		matched += pairSimilarity[pair]! * (queryWeights[q]! + listWeight);
		pairedListWeight += listWeight;
	}
	const denominator = queryTotal + pairedListWeight + unpairedListWeight * (listTotal - pairedListWeight);
	return denominator > 0 ? Math.min(1, matched / denominator) : 0;
}

function bestPerEntity(
	index: CandidateIndex,
	query: QueryToken[],
	names: Iterable<number>,
	similarity: Similarity,
	threshold: number,
	country: string | null | undefined,
): NameMatch[] {
	const queryWeights = query.map(token => token.weight);
	let queryTotal = 0;
	for (const weight of queryWeights) queryTotal += weight;
	const best = new Map<number, NameMatch>();
	const floor = threshold - countryBonus;
	for (const name of names) {
		const nameScore = scoreName(index, query, queryWeights, queryTotal, similarity, name);
		if (nameScore < floor) continue;
		const entityIndex = index.nameEntity[name]!;
		const entity = index.entities[entityIndex]!;
		const agreement = countryAgreement(country, entity.countries);
		const score = adjustForCountry(nameScore, agreement);
		if (score < threshold) continue;
		const previous = best.get(entityIndex);
		if (previous && previous.score >= score) continue;
		const alias = index.nameAlias[name]!;
		best.set(entityIndex, {
			entity,
			matchedName: alias < 0 ? entity.name : entity.aliases[alias]!,
			nameScore,
			score,
			countryAgreement: agreement,
		});
	}
	return [...best.values()].sort((x, y) => y.score - x.score);
}

/** Ids of the list entries with a name worth scoring against `name` (blocking only, no threshold on the result). */
export function searchIndex(
	index: CandidateIndex,
	name: string,
	{threshold = defaultThreshold, maxPostings = 0}: SearchOptions = {},
): string[] {
	const query = prepareQuery(index, name);
	const entityIds = new Set<string>();
	for (const candidate of candidateNames(index, query, threshold, maxPostings))
		entityIds.add(index.entities[index.nameEntity[candidate]!]!.id);
	return [...entityIds];
}

/** List entries whose best name scores at least the threshold against `name`, best first: blocking, then scoring. */
export function matchName(
	index: CandidateIndex,
	name: string,
	{threshold = defaultThreshold, country, maxPostings = 0}: SearchOptions = {},
): NameMatch[] {
	const query = prepareQuery(index, name);
	if (query.length === 0) return [];
	const candidates = candidateNames(index, query, threshold, maxPostings);
	return bestPerEntity(index, query, candidates, neighbourSimilarity(index, query), threshold, country);
}

/** The same as matchName but scoring every name in the index, every token similarity computed: the yardstick for the index's recall. */
export function matchNameExhaustive(
	index: CandidateIndex,
	name: string,
	{threshold = defaultThreshold, country}: SearchOptions = {},
): NameMatch[] {
	const query = prepareQuery(index, name);
	if (query.length === 0) return [];
	const all = {
		*[Symbol.iterator]() {
			for (let name = 0; name < index.nameEntity.length; name++) yield name;
		},
	};
	return bestPerEntity(index, query, all, computedSimilarity(index, query), threshold, country);
}
