// Candidate index: finds the list names worth scoring for a query without
// comparing it with every name. Names are split into normalised tokens; each
// distinct token is reachable through blocking keys (one-edit neighbourhood of
// its first five letters, Soundex), so a query token finds the list tokens it
// could pair with, and through them the names that contain those tokens.
import soundex from 'talisman/phonetics/soundex.js';
import type {ScreeningEntity} from '../sources/entity.js';
import {adjustForCountry, countryAgreement, countryBonus, type CountryAgreement} from './country.js';
import {normalizeName} from './normalize.js';
import {defaultThreshold, pairFloor, pairTokens, tokenSimilarity, tokenWeight, unpairedListWeight} from './score.js';
import {entityKind} from './score-candidate.js';

export type CandidateIndex = {
	readonly entities: readonly ScreeningEntity[];
	/** Distinct normalised tokens; a token's id is its position. */
	readonly vocabulary: readonly string[];
	readonly tokenIds: ReadonlyMap<string, number>;
	readonly tokenWeights: Float64Array;
	/** Blocking key -> ids of the tokens that have it. */
	readonly keyTokens: ReadonlyMap<string, Int32Array>;
	/** Token id -> name ids (compressed rows: names of token t are tokenNames[tokenNameStart[t] .. tokenNameStart[t+1]]). */
	readonly tokenNameStart: Int32Array;
	readonly tokenNames: Int32Array;
	/** Name id -> its entity's position in `entities`, and -1 for the main name or the alias position. */
	readonly nameEntity: Int32Array;
	readonly nameAlias: Int32Array;
	/** Name id -> its token ids, compressed rows as above. */
	readonly nameTokenStart: Int32Array;
	readonly nameTokens: Int32Array;
};

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

/**
 * Blocking keys of a token: its first five letters and each way of deleting one of
 * them (a deletion neighbourhood, as SymSpell uses), so two tokens meet when
 * they differ by at most one edit in their first five letters, whatever follows;
 * plus Soundex for sound-alike spellings. 3-letter prefixes were tried first:
 * on a million names each key then led to ~1,000 tokens to compare, and the
 * query side, not scoring, dominated the time.
 * Tokens of 3 letters or fewer only ever pair with themselves (see
 * tokenSimilarity), so they need no keys.
 */
function blockingKeys(token: string): string[] {
	if (token.length <= 3) return [];
	const head = token.slice(0, 5);
	const keys = new Set([`d:${head}`]);
	for (let position = 0; position < head.length; position++) keys.add(`d:${head.slice(0, position)}${head.slice(position + 1)}`);
	if (/^[a-z]+$/.test(token)) keys.add(`s:${soundex(token)}`);
	return [...keys];
}

export function buildIndex(entities: readonly ScreeningEntity[]): CandidateIndex {
	const tokenIds = new Map<string, number>();
	const vocabulary: string[] = [];
	const nameEntity: number[] = [];
	const nameAlias: number[] = [];
	const nameTokenStart: number[] = [0];
	const nameTokens: number[] = [];
	const tokenCounts: number[] = [];
	entities.forEach((entity, entityIndex) => {
		const kind = entityKind(entity);
		const names = [entity.name, ...entity.aliases];
		names.forEach((name, aliasIndex) => {
			const {tokens} = normalizeName(name, {kind});
			if (tokens.length === 0) return;
			for (const token of tokens) {
				let id = tokenIds.get(token);
				if (id === undefined) {
					id = vocabulary.length;
					tokenIds.set(token, id);
					vocabulary.push(token);
					tokenCounts.push(0);
				}
				nameTokens.push(id);
				tokenCounts[id]!++;
			}
			nameEntity.push(entityIndex);
			nameAlias.push(aliasIndex - 1);
			nameTokenStart.push(nameTokens.length);
		});
	});

	const tokenNameStart = new Int32Array(vocabulary.length + 1);
	for (let id = 0; id < vocabulary.length; id++) tokenNameStart[id + 1] = tokenNameStart[id]! + tokenCounts[id]!;
	const fill = tokenNameStart.slice(0, vocabulary.length);
	const tokenNames = new Int32Array(nameTokens.length);
	for (let name = 0; name < nameEntity.length; name++) {
		for (let at = nameTokenStart[name]!; at < nameTokenStart[name + 1]!; at++) tokenNames[fill[nameTokens[at]!]!++] = name;
	}

	const keyLists = new Map<string, number[]>();
	vocabulary.forEach((token, id) => {
		for (const key of blockingKeys(token)) {
			const list = keyLists.get(key);
			if (list) list.push(id);
			else keyLists.set(key, [id]);
		}
	});
	const keyTokens = new Map<string, Int32Array>();
	for (const [key, list] of keyLists) keyTokens.set(key, Int32Array.from(list));

	return {
		entities,
		vocabulary,
		tokenIds,
		tokenWeights: Float64Array.from(vocabulary, tokenWeight),
		keyTokens,
		tokenNameStart,
		tokenNames,
		nameEntity: Int32Array.from(nameEntity),
		nameAlias: Int32Array.from(nameAlias),
		nameTokenStart: Int32Array.from(nameTokenStart),
		nameTokens: Int32Array.from(nameTokens),
	};
}

/** One query token and the list tokens it pairs with (similarity >= pairFloor), memoised further as scoring asks. */
type QueryToken = {token: string; weight: number; similar: Map<number, number>; postings: number; maxListWeight: number};

/** What blocking finds for a token, kept compact so it can be cached across queries. */
type TokenNeighbours = {ids: Int32Array; similarities: Float64Array; postings: number; maxListWeight: number};

// Inventories repeat tokens ("systems", "trading", a group's brand on every
// subsidiary); their neighbours are computed once per index. Bounded, and cleared
// when full rather than evicting one by one: simple, and a refill is cheap.
const neighbourCaches = new WeakMap<CandidateIndex, Map<string, TokenNeighbours>>();
const neighbourCacheLimit = 50_000;

function neighbours(index: CandidateIndex, token: string): TokenNeighbours {
	let cache = neighbourCaches.get(index);
	if (!cache) {
		cache = new Map();
		neighbourCaches.set(index, cache);
	}
	const cached = cache.get(token);
	if (cached) return cached;
	const found = new Map<number, number>();
	const exact = index.tokenIds.get(token);
	if (exact !== undefined) found.set(exact, 1);
	for (const key of blockingKeys(token)) {
		for (const id of index.keyTokens.get(key) ?? []) {
			if (found.has(id)) continue;
			found.set(id, tokenSimilarity(token, index.vocabulary[id]!));
		}
	}
	const ids: number[] = [];
	const similarities: number[] = [];
	let postings = 0;
	let maxListWeight = 0;
	for (const [id, similarity] of found) {
		if (similarity < pairFloor) continue;
		ids.push(id);
		similarities.push(similarity);
		postings += index.tokenNameStart[id + 1]! - index.tokenNameStart[id]!;
		maxListWeight = Math.max(maxListWeight, index.tokenWeights[id]!);
	}
	const result = {ids: Int32Array.from(ids), similarities: Float64Array.from(similarities), postings, maxListWeight};
	if (cache.size >= neighbourCacheLimit) cache.clear();
	cache.set(token, result);
	return result;
}

function prepareQuery(index: CandidateIndex, name: string): QueryToken[] {
	return normalizeName(name).tokens.map(token => {
		const {ids, similarities, postings, maxListWeight} = neighbours(index, token);
		const similar = new Map<number, number>();
		for (let position = 0; position < ids.length; position++) similar.set(ids[position]!, similarities[position]!);
		return {token, weight: tokenWeight(token), similar, postings, maxListWeight};
	});
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

// Per-index scratch: a stamp per name marks "already a candidate for this query" without a Set.
const stamps = new WeakMap<CandidateIndex, {stamp: Int32Array; generation: number}>();

function candidateNames(index: CandidateIndex, query: QueryToken[], threshold: number, maxPostings: number): Int32Array {
	const skipped = skippableTokens(query, threshold, maxPostings);
	let scratch = stamps.get(index);
	if (!scratch) {
		scratch = {stamp: new Int32Array(index.nameEntity.length), generation: 0};
		stamps.set(index, scratch);
	}
	const generation = ++scratch.generation;
	const {stamp} = scratch;
	const found: number[] = [];
	query.forEach((token, position) => {
		if (skipped.has(position)) return;
		for (const [id, similarity] of token.similar) {
			if (similarity < pairFloor) continue;
			for (let at = index.tokenNameStart[id]!; at < index.tokenNameStart[id + 1]!; at++) {
				const name = index.tokenNames[at]!;
				if (stamp[name] === generation) continue;
				stamp[name] = generation;
				found.push(name);
			}
		}
	});
	return Int32Array.from(found);
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
function scoreName(index: CandidateIndex, query: QueryToken[], queryWeights: number[], name: number): number {
	const start = index.nameTokenStart[name]!;
	const end = index.nameTokenStart[name + 1]!;
	const listLength = end - start;
	if (query.length > 31 || listLength > 31 || query.length * listLength > 1024) {
		const listTokens = index.nameTokens.subarray(start, end);
		return pairTokens(queryWeights, Array.from(listTokens, id => index.tokenWeights[id]!), (q, l) => similarityOf(index, query[q]!, listTokens[l]!)).score;
	}
	let count = 0;
	for (let q = 0; q < query.length; q++) {
		for (let l = 0; l < listLength; l++) {
			const value = similarityOf(index, query[q]!, index.nameTokens[start + l]!);
			if (value < pairFloor) continue;
			pairQuery[count] = q;
			pairList[count] = l;
			pairSimilarity[count] = value;
			// Insertion sort: similarity descending, then paired weight descending (as pairTokens sorts).
			let at = count++;
			const weight = queryWeights[q]! + index.tokenWeights[index.nameTokens[start + l]!]!;
			while (at > 0) {
				const previous = pairOrder[at - 1]!;
				const previousWeight = queryWeights[pairQuery[previous]!]! + index.tokenWeights[index.nameTokens[start + pairList[previous]!]!]!;
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
		const listWeight = index.tokenWeights[index.nameTokens[start + l]!]!;
		matched += pairSimilarity[pair]! * (queryWeights[q]! + listWeight);
		pairedListWeight += listWeight;
	}
	let queryTotal = 0;
	let listTotal = 0;
	for (const weight of queryWeights) queryTotal += weight;
	for (let at = start; at < end; at++) listTotal += index.tokenWeights[index.nameTokens[at]!]!;
	const denominator = queryTotal + pairedListWeight + unpairedListWeight * (listTotal - pairedListWeight);
	return denominator > 0 ? Math.min(1, matched / denominator) : 0;
}

function similarityOf(index: CandidateIndex, token: QueryToken, id: number): number {
	let similarity = token.similar.get(id);
	if (similarity === undefined) {
		similarity = tokenSimilarity(token.token, index.vocabulary[id]!);
		token.similar.set(id, similarity);
	}
	return similarity;
}

function bestPerEntity(index: CandidateIndex, query: QueryToken[], names: Iterable<number>, threshold: number, country: string | null | undefined): NameMatch[] {
	const queryWeights = query.map(token => token.weight);
	const best = new Map<number, NameMatch>();
	const floor = threshold - countryBonus;
	for (const name of names) {
		const nameScore = scoreName(index, query, queryWeights, name);
		if (nameScore < floor) continue;
		const entityIndex = index.nameEntity[name]!;
		const entity = index.entities[entityIndex]!;
		const agreement = countryAgreement(country, entity.countries);
		const score = adjustForCountry(nameScore, agreement);
		if (score < threshold) continue;
		const previous = best.get(entityIndex);
		if (previous && previous.score >= score) continue;
		const alias = index.nameAlias[name]!;
		best.set(entityIndex, {entity, matchedName: alias < 0 ? entity.name : entity.aliases[alias]!, nameScore, score, countryAgreement: agreement});
	}
	return [...best.values()].sort((x, y) => y.score - x.score);
}

/** Ids of the list entries with a name worth scoring against `name` (blocking only, no threshold on the result). */
export function searchIndex(index: CandidateIndex, name: string, {threshold = defaultThreshold, maxPostings = 0}: SearchOptions = {}): string[] {
	const query = prepareQuery(index, name);
	const entityIds = new Set<string>();
	for (const candidate of candidateNames(index, query, threshold, maxPostings)) entityIds.add(index.entities[index.nameEntity[candidate]!]!.id);
	return [...entityIds];
}

/** List entries whose best name scores at least the threshold against `name`, best first: blocking, then scoring. */
export function matchName(index: CandidateIndex, name: string, {threshold = defaultThreshold, country, maxPostings = 0}: SearchOptions = {}): NameMatch[] {
	const query = prepareQuery(index, name);
	if (query.length === 0) return [];
	return bestPerEntity(index, query, candidateNames(index, query, threshold, maxPostings), threshold, country);
}

/** The same as matchName but scoring every name in the index: the yardstick for the index's recall. */
export function matchNameExhaustive(index: CandidateIndex, name: string, {threshold = defaultThreshold, country}: SearchOptions = {}): NameMatch[] {
	const query = prepareQuery(index, name);
	if (query.length === 0) return [];
	const all = {
		*[Symbol.iterator]() {
			for (let name = 0; name < index.nameEntity.length; name++) yield name;
		},
	};
	return bestPerEntity(index, query, all, threshold, country);
}
