// Candidate index: finds the list names worth scoring for a query without
// comparing it with every name. Names are split into normalised tokens; the
// distinct tokens are searched once per query token for every token it pairs
// with (similar-tokens.ts, exhaustive by construction), and through them the
// names that contain those tokens. A name none of whose tokens pairs with the
// query scores 0, so the index finds every name exhaustive scoring would.
import type {ScreeningEntity} from '../records/index.js';
import {adjustForCountry, countryBonus, countryCode, type CountryAgreement} from './country.js';
import {entityTable, objectNames, tableCountryAgreement, type EntityTable} from './entity-table.js';
import {normalizeName, type NormalizedName} from './normalize.js';
import {nameVariants, particles, type TokenVariant} from './name-variants.js';
import {joinedWordNames, type WordNamesMemo} from './joined-list-words.js';
import {oncePer} from './once-per.js';
import {rememberIn} from './bounded-memo.js';
import {
	defaultThreshold,
	supportingSimilarity,
	pairFloor,
	pairTokens,
	pairedWeights,
	isInitialPair,
	initialSimilarity,
	scoreRules,
	scoreTokens,
	unpairedListWeight,
	unpairedPersonWeight,
	ruleFactor,
	foldJoinable,
	joinRespelt,
	type EntryKind,
} from './score.js';
import {buildTokenSearch, pairingTokens, type PairingTokens, type TokenSearch} from './similar-tokens.js';
import {
	abjadClosingFits,
	foldMinimumLength,
	foldRomanisation,
	nameRespelt,
	respeltKeys,
	tokenSimilarity,
	respeltNameSimilarity,
	zhRespellings,
} from './token-similarity.js';
import {isDistinctive, tokenWeight, type TokenStatistics} from './token-weights.js';
import {genericWordPartners} from './generic-words.js';
import {joinSlices, tokenizeEntries, type JoinedNames} from './name-tokens.js';
import {personRespelt, personRespeltKeys, personWordMinimum} from './person-names.js';
import {koreanReadings, koreanRespelt} from './korean-romanisation.js';
import {everyOrigin, latinOrigin, type Origin} from './scripts.js';
import {sharedFloat64, sharedInt32, sharedUint8, sharedUint8From} from './shared-arrays.js';
import {TokenBits} from './token-bits.js';
import {chineseKey, hasWadeGilesSpelling, wadeGilesAgreement, wadeGilesReadings} from './wade-giles.js';
import {foldKeys, looseKeysOf, queryLooseKeys, tokenKeyMaps, type TokenKeyMaps} from './token-key-maps.js';

/**
 * Everything screening reads, without the entry objects: what a worker thread
 * holds (shared-index.ts). Its typed arrays live in SharedArrayBuffers, so a
 * worker reads the very memory the index was built in.
 */
export type IndexCore = {
	/** The entries by position: kinds, countries, id groups, and (in a worker) their names. */
	readonly table: EntityTable;
	/** The name `alias` (-1: the main name) of the entry at position `entity`. */
	readonly nameOf: (entity: number, alias: number) => string;
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
	/**
	 * Per token of a name (as nameTokens): the scripts this name has it romanised from
	 * (Origin bits, 0 when Latin). Romanised is a property of a word in a name, as the scorer reads it:
	 * tokenLoose (some name has it romanised) only finds candidates and bounds their scores.
	 */
	readonly nameTokenLoose: Uint16Array;
	/** Name id -> the total weight of its tokens (scoring's unpaired-list cost needs it for every candidate). */
	readonly nameWeights: Float64Array;
	/** Name id -> 1 for a person, vessel or aircraft (the whole name must agree), else 0. */
	readonly nameStrict: Uint8Array;
	readonly hasStrict: boolean;
	/** Name id -> 1 for a person's name with an initial ("DOCKRAT, F."): any query word may pair with it. */
	readonly nameInitial: Uint8Array;
	readonly hasInitials: boolean;
	/** Token id -> the kinds of name that hold it (bits: reachesOrganisation, reachesStrict for a person's, vessel's or aircraft's, reachesInitials for one with an initial). */
	readonly tokenReach: Uint8Array;
	/** Token id -> 1 when the token identifies (not generic, not an initial). */
	readonly tokenDistinctive: Uint8Array;
	/** Token id -> the scripts some name has it romanised from (Origin bits, 0 when none). */
	readonly tokenLoose: Uint16Array;
	/** The vocabulary under its fold, Wade-Giles, sound and respelling keys (token-key-maps.ts). */
	readonly keyMaps: TokenKeyMaps;
	/** Frequencies over the names indexed (and any extra names given): the tokens' weights. */
	readonly statistics: TokenStatistics;
	/** What the statistics are made of, for a thread that rebuilds them: per token id its names, and the extra names' counts. */
	readonly tokenCounts: Int32Array;
	readonly extraCounts: ReadonlyMap<string, number>;
	readonly extraNames: number;
	/** False when the statistics are another index's (BuildOptions.statistics): the counts above do not make them. */
	readonly ownStatistics: boolean;
};

export type CandidateIndex = IndexCore & {readonly entities: readonly ScreeningEntity[]};

/** Floating-point rounding between the bound and the score must never prune a name scoring exactly the threshold. */
const boundSlack = 1e-9;

export type SearchOptions = {
	threshold?: number;
	country?: string | null;
	/**
	 * The list of names holding a neighbour of a query token may be skipped when it
	 * is longer than this, but only when the names reached through skipped lists
	 * alone provably score below the threshold (see skippedLists); so skipping never
	 * costs recall and the default, 0, skips whatever the bound allows, longest
	 * first. It keeps "technology" from fanning out to a hundred thousand names.
	 */
	maxPostings?: number;
};

/** A match by positions: the entry and the name of it that matched. */
export type IndexedMatch = {entity: number; alias: number; nameScore: number; score: number; countryAgreement: CountryAgreement};

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

export type BuildOptions = {
	/** More names counted in the token statistics (the curated vendors' names), not indexed. */
	statisticsNames?: Iterable<string>;
	/** Another index's statistics, so that a part of a list scores exactly as in the whole (incremental screening). */
	statistics?: TokenStatistics;
};

export function buildIndex(entities: readonly ScreeningEntity[], options: BuildOptions = {}): CandidateIndex {
	return {...buildCore(entityTable(entities), objectNames(entities), options), entities};
}

/** The index of the entries a table describes, their names read through `nameOf`. */
export function buildCore(table: EntityTable, nameOf: IndexCore['nameOf'], options: BuildOptions = {}): IndexCore {
	return assembleCore(table, nameOf, joinSlices([tokenizeEntries(table, nameOf, 0, table.count)]), options);
}

/** The index of a table's entries from their names, tokenised (name-tokens.ts) here or on other threads. */
export function assembleCore(table: EntityTable, nameOf: IndexCore['nameOf'], names: JoinedNames, options: BuildOptions = {}): IndexCore {
	const counted = countStatistics(names, options.statisticsNames ?? []);
	const statistics = options.statistics ?? counted.statistics;
	return {
		table,
		nameOf,
		vocabulary: names.vocabulary,
		tokenIds: names.tokenIds,
		tokenSearch: buildTokenSearch(names.vocabulary),
		nameEntity: names.nameEntity,
		nameAlias: names.nameAlias,
		nameTokenStart: names.nameTokenStart,
		nameTokens: names.nameTokens,
		nameTokenLoose: names.nameTokenLoose,
		nameStrict: names.nameStrict,
		tokenLoose: names.tokenLoose,
		tokenCounts: names.tokenCounts,
		...indexArrays(names, statistics),
		keyMaps: tokenKeyMaps(names),
		...counted,
		statistics,
		ownStatistics: options.statistics === undefined,
	};
}

/** The token statistics of the names indexed and of the extra names (BuildOptions.statisticsNames), with what they are counted from. */
export type CountedStatistics = Pick<IndexCore, 'statistics' | 'extraCounts' | 'extraNames'>;

export function countStatistics(
	names: Pick<JoinedNames, 'tokenIds' | 'tokenCounts' | 'nameEntity'>,
	statisticsNames: Iterable<string>,
): CountedStatistics {
	const extraCounts = new Map<string, number>();
	let extraNames = 0;
	for (const name of statisticsNames) {
		extraNames++;
		for (const token of normalizeName(name).tokens) extraCounts.set(token, (extraCounts.get(token) ?? 0) + 1);
	}
	return {statistics: statisticsOfCounts(names, extraCounts, extraNames), extraCounts, extraNames};
}

/** The statistics of the counts countStatistics made: how a thread attaching to a shared index rebuilds them. */
export function statisticsOfCounts(
	{tokenIds, tokenCounts, nameEntity}: Pick<JoinedNames, 'tokenIds' | 'tokenCounts' | 'nameEntity'>,
	extraCounts: ReadonlyMap<string, number>,
	extraNames: number,
): TokenStatistics {
	return {
		names: nameEntity.length + extraNames,
		frequency: token => {
			const id = tokenIds.get(token);
			return (id === undefined ? 0 : tokenCounts[id]!) + (extraCounts.get(token) ?? 0);
		},
	};
}

/**
 * What the index holds besides its names, token search and key maps: postings,
 * weights, initials, distinctive tokens, in shared memory. One thread builds
 * these while another builds the token search (screening-pool.ts).
 */
export type IndexArrays = Pick<
	IndexCore,
	| 'tokenWeights'
	| 'tokenNameStart'
	| 'tokenNames'
	| 'nameWeights'
	| 'nameInitial'
	| 'tokenReach'
	| 'tokenDistinctive'
	| 'hasStrict'
	| 'hasInitials'
>;

/** tokenReach's bits. */
const reachesOrganisation = 1;
const reachesStrict = 2;
const reachesInitials = 4;

export function indexArrays(names: JoinedNames, statistics: TokenStatistics): IndexArrays {
	const {vocabulary, tokenCounts, nameEntity, nameTokenStart, nameTokens, nameStrict} = names;
	const tokenNameStart = sharedInt32(vocabulary.length + 1);
	for (let id = 0; id < vocabulary.length; id++) tokenNameStart[id + 1] = tokenNameStart[id]! + tokenCounts[id]!;
	const fill = tokenNameStart.slice(0, vocabulary.length);
	const tokenNames = sharedInt32(nameTokens.length);
	for (let name = 0; name < nameEntity.length; name++) {
		for (let at = nameTokenStart[name]!; at < nameTokenStart[name + 1]!; at++) tokenNames[fill[nameTokens[at]!]!++] = name;
	}

	const tokenWeights = sharedFloat64(vocabulary.length);
	vocabulary.forEach((token, id) => (tokenWeights[id] = tokenWeight(token, statistics)));
	const nameWeights = sharedFloat64(nameEntity.length);
	for (let name = 0; name < nameEntity.length; name++) {
		for (let at = nameTokenStart[name]!; at < nameTokenStart[name + 1]!; at++) nameWeights[name]! += tokenWeights[nameTokens[at]!]!;
	}
	const nameInitial = sharedUint8(nameEntity.length);
	for (let name = 0; name < nameEntity.length; name++) {
		if (!nameStrict[name]) continue;
		for (let at = nameTokenStart[name]!; at < nameTokenStart[name + 1]!; at++)
			if (vocabulary[nameTokens[at]!]!.length === 1) nameInitial[name] = 1;
	}
	const tokenReach = sharedUint8(vocabulary.length);
	for (let name = 0; name < nameEntity.length; name++) {
		const reach = (nameStrict[name] ? reachesStrict : reachesOrganisation) | (nameInitial[name] ? reachesInitials : 0);
		for (let at = nameTokenStart[name]!; at < nameTokenStart[name + 1]!; at++) tokenReach[nameTokens[at]!]! |= reach;
	}
	return {
		tokenReach,
		tokenWeights,
		tokenNameStart,
		tokenNames,
		nameWeights,
		nameInitial,
		tokenDistinctive: sharedUint8From(vocabulary, token => (isDistinctive(token) ? 1 : 0)),
		hasStrict: nameStrict.includes(1),
		hasInitials: nameInitial.includes(1),
	};
}

/** One query token and the list tokens it pairs with (similarity >= pairFloor): all of them, see similarTokens. */
type QueryToken = {token: string; weight: number; loose: Origin; distinctive: boolean} & TokenNeighbours;

/** The neighbours of a token, kept compact so they can be cached across queries. */
type TokenNeighbours = {ids: Int32Array; similarities: Float64Array; maxListWeight: number};

// Inventories repeat tokens ("systems", "trading", a group's brand on every
// subsidiary); their neighbours are computed once per index. Bounded, and cleared
// when full rather than evicting one by one: simple, and a refill is cheap.
type NeighbourCache = {entries: Map<string, TokenNeighbours>; primed: number};
const neighbourCacheLimit = 50_000;

const neighbourCache = oncePer((_index: IndexCore): NeighbourCache => ({entries: new Map(), primed: 0}));

function withPostings(index: IndexCore, {ids, similarities}: PairingTokens): TokenNeighbours {
	let maxListWeight = 0;
	for (const id of ids) maxListWeight = Math.max(maxListWeight, index.tokenWeights[id]!);
	return {ids, similarities, maxListWeight};
}

/** Every script the vocabulary's words were romanised from (its tokenLoose), worked out once per index. */
const originsOf = oncePer((tokenLoose: Uint16Array): Origin => tokenLoose.reduce((origins, origin) => origins | origin, latinOrigin));

/**
 * The edit neighbours similarTokens found, plus the tokens met through fold and
 * loose keys (token-similarity.ts): every vocabulary token tokenSimilarity pairs with.
 */
function withKeyNeighbours(index: IndexCore, token: string, loose: Origin, found: PairingTokens): PairingTokens {
	const similarities = new Map<number, number>();
	found.ids.forEach((id, at) => similarities.set(id, found.similarities[at]!));
	let changed = false;
	// A word is often under several of the token's keys (its fold, German and French readings, loose keys): scored once.
	const considered = new Set<number>();
	const consider = (id: number): void => {
		if (considered.has(id)) return;
		considered.add(id);
		const similarity = tokenSimilarity(token, index.vocabulary[id]!, loose, index.tokenLoose[id]!);
		if (similarity < pairFloor || similarity <= (similarities.get(id) ?? 0)) return;
		similarities.set(id, similarity);
		changed = true;
	};
	// An edit neighbour may pair better by fold or sound (0.95 against 0.87).
	for (const id of found.ids) if (loose || index.tokenLoose[id]) consider(id);
	const {keyMaps} = index;
	if (token.length >= foldMinimumLength) {
		for (const key of foldKeys(token, loose)) for (const id of keyMaps.tokensUnder('folded', key)) consider(id);
		for (const respelt of zhRespellings(token)) for (const id of keyMaps.tokensUnder('folded', foldRomanisation(respelt))) consider(id);
		for (const id of keyMaps.tokensUnder(hasWadeGilesSpelling(token) ? 'chinese' : 'wadeGiles', chineseKey(token))) consider(id);
	}
	for (const id of wadeGilesNeighbours(index, token)) consider(id);
	for (const partner of genericWordPartners(token)) {
		const id = index.tokenIds.get(partner);
		if (id !== undefined) consider(id);
	}
	const keys = loose ? 'looseVocabulary' : 'looseKeys';
	if (!keyMaps.isEmpty(keys))
		for (const key of queryLooseKeys(token, loose, originsOf(index.tokenLoose)))
			for (const id of keyMaps.tokensUnder(keys, key)) consider(id);
	// A word respelt pairs as supporting evidence (score.ts, supportingSimilarity): it is a neighbour at its own
	// similarity, possibly 0, so that the names holding it are reached and bounded as the pair may make them.
	for (const key of token.length >= 3 ? respeltKeys(token) : []) {
		for (const id of keyMaps.tokensUnder('respelt', key)) {
			if (similarities.has(id) || !nameRespelt(token, index.vocabulary[id]!)) continue;
			similarities.set(id, tokenSimilarity(token, index.vocabulary[id]!, loose, index.tokenLoose[id]!));
			changed = true;
		}
	}
	// A Korean word in the other romanisation pairs as supporting evidence too (korean-romanisation.ts): its readings, looked up.
	for (const reading of koreanReadings(token)) {
		const id = index.tokenIds.get(reading);
		if (id === undefined || similarities.has(id) || !koreanRespelt(token, reading)) continue;
		similarities.set(id, tokenSimilarity(token, reading, loose, index.tokenLoose[id]!));
		changed = true;
	}
	const personKeys = index.hasStrict && token.length >= personWordMinimum ? personRespeltKeys(token) : [];
	for (const key of personKeys) {
		for (const id of keyMaps.tokensUnder('person', key)) {
			if (similarities.has(id) || !personRespelt(token, index.vocabulary[id]!)) continue;
			similarities.set(id, tokenSimilarity(token, index.vocabulary[id]!, loose, index.tokenLoose[id]!));
			changed = true;
		}
	}
	if (!changed) return found;
	return {ids: Int32Array.from(similarities.keys()), similarities: Float64Array.from(similarities.values())};
}

/** Vocabulary words that are `token` in the other romanisation, Wade-Giles or pinyin (wade-giles.ts); the caller checks each. */
function wadeGilesNeighbours(index: IndexCore, token: string): Int32Array {
	if (!hasWadeGilesSpelling(token)) return index.keyMaps.tokensUnder('wadeGiles', token);
	const ids = wadeGilesReadings(token).flatMap(reading => index.tokenIds.get(reading) ?? []);
	return Int32Array.from(ids);
}

function neighbours(index: IndexCore, token: string, loose: Origin): TokenNeighbours {
	const cache = neighbourCache(index);
	const key = loose ? `${token}\u0001${loose}` : token;
	const cached = cache.entries.get(key);
	if (cached) return cached;
	const found = pairingTokens(index.tokenSearch, token, index.tokenIds.get(token) ?? -1);
	const result = withPostings(index, withKeyNeighbours(index, token, loose, found));
	if (cache.entries.size >= neighbourCacheLimit + cache.primed) {
		cache.entries.clear();
		cache.primed = 0;
	}
	cache.entries.set(key, result);
	return result;
}

/** The distinct tokens of `names` whose neighbours are not cached yet: the work priming would do. */
export function uncachedTokens(index: IndexCore, names: Iterable<string>): string[] {
	const {entries} = neighbourCache(index);
	const tokens = new Set<string>();
	for (const name of names) {
		const {tokens: found, loose} = normalizeName(name);
		// Loose tokens are rare and looked up on this thread; variants' joined and split tokens are vocabulary tokens, cheap to search.
		found.forEach((token, at) => loose[at] || entries.has(token) || tokens.add(token));
	}
	return [...tokens];
}

/** A token's neighbours as matchIndexed finds them (edit neighbours, then fold and loose keys), found in one thread to prime others. */
export function searchNeighbours(index: IndexCore, token: string): PairingTokens {
	return withKeyNeighbours(index, token, latinOrigin, pairingTokens(index.tokenSearch, token, index.tokenIds.get(token) ?? -1));
}

/**
 * Stores neighbours found elsewhere (searchNeighbours in another thread). Primed
 * entries are the inventory's own tokens, so they do not count against the limit
 * that keeps lazily cached ones bounded.
 */
export function primeNeighbours(index: IndexCore, token: string, found: PairingTokens): void {
	const cache = neighbourCache(index);
	if (!cache.entries.has(token)) cache.primed++;
	cache.entries.set(token, withPostings(index, found));
}

function prepareQuery(index: IndexCore, variant: TokenVariant): QueryToken[] {
	return variant.tokens.map((token, at) => {
		const id = index.tokenIds.get(token);
		const loose = variant.loose[at] ?? latinOrigin;
		return {
			token,
			weight: id === undefined ? tokenWeight(token, index.statistics) : index.tokenWeights[id]!,
			loose,
			distinctive: isDistinctive(token),
			...neighbours(index, token, loose),
		};
	});
}

/** Some vocabulary token has the loose key `key` itself, not just its hash. */
function vocabularyHoldsLooseKey(index: IndexCore, key: string): boolean {
	return index.keyMaps.tokensUnder('looseVocabulary', key).some(id => looseKeysOf(index.vocabulary[id]!).includes(key));
}

/** Some vocabulary token is the joined word `token` respelt (the scorer's joinRespelt), found under its fold key. */
function vocabularyFoldsTo(index: IndexCore, token: string): boolean {
	if (token.length < foldMinimumLength) return false;
	const key = foldRomanisation(token);
	return index.keyMaps.tokensUnder('folded', key).some(id => joinRespelt(token, index.vocabulary[id]!));
}

/**
 * The query and its compound variants (name-variants.ts) whose new tokens the vocabulary has; two query
 * words joined also when the vocabulary has the joined word respelt by fold, as the scorer joins them (score.ts).
 */
function queryVariants(index: IndexCore, name: NormalizedName): TokenVariant[] {
	const {known, foldsTo} = vocabularyAnswers(index);
	const knownToken = (token: string, loose: Origin): boolean =>
		rememberIn(known, loose ? `${token}\u0001${loose}` : token, neighbourCacheLimit, () => vocabularyKnows(index, token, loose));
	return nameVariants(
		name,
		knownToken,
		(token, loose, run) =>
			knownToken(token, loose) ||
			(foldJoinable(run) && rememberIn(foldsTo, token, neighbourCacheLimit, () => vocabularyFoldsTo(index, token))),
	);
}

/** The vocabulary has the token, or one it agrees with by its romanisation's loose keys or a Wade-Giles reading. */
function vocabularyKnows(index: IndexCore, token: string, loose: Origin): boolean {
	return (
		index.tokenIds.has(token) ||
		(loose !== 0 && looseKeysOf(token).some(key => vocabularyHoldsLooseKey(index, key))) ||
		wadeGilesNeighbours(index, token).some(id => wadeGilesAgreement(token, index.vocabulary[id]!))
	);
}

// A name's variants ask the vocabulary about the same joins and splits for every row that shares the
// words (a brand on each subsidiary, "holding", "systems"): half the questions of a 10,000-row inventory
// were asked before. Per index, bounded as the neighbour cache is.
type VocabularyAnswers = {known: Map<string, boolean>; foldsTo: Map<string, boolean>};
const vocabularyAnswers = oncePer((_index: IndexCore): VocabularyAnswers => ({known: new Map(), foldsTo: new Map()}));

/** The neighbour lists (by position in a query token's `ids`) not followed, per query position; `mask`: the positions that have any. */
type SkippedLists = {lists: Array<Uint8Array | null>; mask: number; count: number};

/**
 * The lists of names (one per neighbour of a query token) that need not be
 * followed: a name reached only through them provably scores below the
 * threshold, so recall is unchanged. Such a name pairs each query token p at most
 * once, through one of p's skipped neighbours n (similarity s, list weight l), so
 * with θ the threshold less the country bonus and Q the query's weight:
 *  - an organisation's score reaches θ only if Σ_p [s (w_p + l) - θ l] >= θ Q
 *    (its denominator is at least Q plus the paired list weight);
 *  - a person's, vessel's or aircraft's only if Σ_p (s - θ (1 - u)) (w_p + l) >= θ u Q
 *    (unpaired words cost u = unpairedPersonWeight), and, paired through one token
 *    of a longer query, it never has its whole name: scoreRules halves it;
 * taking for each p its skipped neighbour that gives most. Lists are skipped,
 * longest first, while both sums stay below. A list holding a name with an initial
 * is always followed: an initial pairs query words that never reached the name.
 * A pair's similarity is at most the neighbour's, or that of supporting evidence.
 */
function skippedLists(index: IndexCore, query: QueryToken[], threshold: number, maxPostings: number): SkippedLists {
	const floor = threshold - countryBonus - boundSlack;
	const total = query.reduce((sum, token) => sum + token.weight, 0);
	const {tokenNameStart, tokenWeights, tokenReach} = index;
	const candidates: Array<{position: number; at: number; postings: number; organisation: number; strict: number}> = [];
	query.forEach((token, position) => {
		token.ids.forEach((id, at) => {
			const postings = tokenNameStart[id + 1]! - tokenNameStart[id]!;
			const reach = tokenReach[id]!;
			if (postings <= maxPostings || reach & reachesInitials) return;
			const similarity = Math.max(token.similarities[at]!, respeltNameSimilarity);
			const paired = token.weight + tokenWeights[id]!;
			candidates.push({
				position,
				at,
				postings,
				organisation: reach & reachesOrganisation ? similarity * paired - floor * tokenWeights[id]! : 0,
				strict: reach & reachesStrict ? (similarity - floor * (1 - unpairedPersonWeight)) * paired : 0,
			});
		});
	});
	const lists: Array<Uint8Array | null> = query.map(() => null);
	let mask = 0;
	let count = 0;
	const organisationBest = new Float64Array(query.length);
	const strictBest = new Float64Array(query.length);
	let organisationSum = 0;
	let strictSum = 0;
	let strictPositions = 0;
	// A query initial may pair a word of any person's name, whichever lists are followed: its term counts from the start.
	const initials = index.hasStrict ? queryInitials(query) : 0;
	query.forEach((token, position) => {
		if ((initials & (1 << position)) === 0) return;
		strictBest[position] = Math.max(0, (initialSimilarity - floor * (1 - unpairedPersonWeight)) * 2 * token.weight);
		strictSum += strictBest[position]!;
		strictPositions++;
	});
	for (const candidate of candidates.sort((x, y) => y.postings - x.postings)) {
		const {position, organisation, strict} = candidate;
		const organisationNext = Math.max(organisationBest[position]!, organisation);
		const organisationSumNext = organisationSum - organisationBest[position]! + organisationNext;
		if (organisationSumNext >= floor * total) continue;
		const strictNext = Math.max(strictBest[position]!, strict);
		const strictSumNext = strictSum - strictBest[position]! + strictNext;
		const strictPositionsNext = strictPositions + (strictBest[position] === 0 && strictNext > 0 ? 1 : 0);
		const strictBelow =
			strictSumNext < floor * unpairedPersonWeight * total || (strictPositionsNext <= 1 && query.length >= 2 && ruleFactor < floor);
		if (!strictBelow) continue;
		organisationBest[position] = organisationNext;
		organisationSum = organisationSumNext;
		strictBest[position] = strictNext;
		strictSum = strictSumNext;
		strictPositions = strictPositionsNext;
		(lists[position] ??= new Uint8Array(query[position]!.ids.length))[candidate.at] = 1;
		mask |= 1 << position;
		count++;
	}
	return {lists, mask, count};
}

/** The bits of the query positions that hold an initial (a one-letter word), up to the 31 positions the masks hold. */
function queryInitials(query: readonly QueryToken[]): number {
	let mask = 0;
	for (let position = 0; position < Math.min(query.length, 31); position++) if (query[position]!.token.length === 1) mask |= 1 << position;
	return mask;
}

/** Per-index scratch: stamps mark "already a candidate name" and "a neighbour token of this query" without Sets. */
type Scratch = {
	/** Per name, side by side (one cache line where two arrays took two): the stamp at 2 * name, the query tokens that reached it at 2 * name + 1. */
	nameMarks: Int32Array;
	nameGeneration: number;
	/** The names candidateNames found, reused across calls: a million postings a second make no garbage. */
	found: Int32Array;
	tokenStamp: Int32Array;
	tokenRow: Int32Array;
	tokenGeneration: number;
	/** The tokens of the skipped lists, with the bits of the query tokens whose neighbours they are. */
	skippedTokens: TokenBits;
};
const scratches = new WeakMap<IndexCore, Scratch>();

function scratchOf(index: IndexCore): Scratch {
	let scratch = scratches.get(index);
	if (!scratch) {
		scratch = {
			nameMarks: new Int32Array(index.nameEntity.length * 2),
			nameGeneration: 0,
			found: new Int32Array(1024),
			tokenStamp: new Int32Array(index.vocabulary.length),
			tokenRow: new Int32Array(index.vocabulary.length),
			tokenGeneration: 0,
			skippedTokens: new TokenBits(),
		};
		scratches.set(index, scratch);
	}
	return scratch;
}

/**
 * The names worth scoring: those on a followed list (skippedLists), less those
 * that provably score below the threshold. A name pairs only query tokens whose
 * neighbours it holds (the ones that reached it, plus those it holds on skipped
 * lists, which its own tokens tell), so with A their weight, P <= min(L, their best list
 * weights) the list weight they can pair and L the name's weight, its score is at
 * most (A + P) / (Q + P + u (L - P)): every pair's similarity is at most 1, and
 * the bound rises with P. Most names reached through one word of a three-word
 * query fall below it without being scored. The result is scratch memory, valid
 * until the next call for the same index.
 */
function candidateNames(index: IndexCore, query: QueryToken[], threshold: number, maxPostings: number): Int32Array {
	const skipped = skippedLists(index, query, threshold, maxPostings);
	const scratch = scratchOf(index);
	const generation = ++scratch.nameGeneration;
	const marks = scratch.nameMarks;
	const {tokenNameStart, tokenNames} = index;
	let found = scratch.found;
	let count = 0;
	// A mask holds one bit per query token; longer queries (rare) are not pruned.
	const bounded = query.length <= 31;
	for (let position = 0; position < query.length; position++) {
		const bit = bounded ? 1 << position : 0;
		const {ids} = query[position]!;
		const skip = skipped.lists[position];
		for (let list = 0; list < ids.length; list++) {
			if (skip?.[list]) continue;
			const id = ids[list]!;
			const end = tokenNameStart[id + 1]!;
			for (let at = tokenNameStart[id]!; at < end; at++) {
				const name = tokenNames[at]!;
				const stamp = 2 * name;
				if (marks[stamp] === generation) {
					marks[stamp + 1]! |= bit;
					continue;
				}
				marks[stamp] = generation;
				marks[stamp + 1] = bit;
				if (count === found.length) {
					const grown = new Int32Array(found.length * 2);
					grown.set(found);
					found = scratch.found = grown;
				}
				found[count++] = name;
			}
		}
	}
	if (!bounded) return found.subarray(0, count);
	const floor = threshold - countryBonus - boundSlack;
	const queryTotal = query.reduce((sum, token) => sum + token.weight, 0);
	const {nameWeights, nameInitial, nameStrict, hasInitials, hasStrict, nameTokenStart, nameTokens} = index;
	// A query initial may pair any word of a person's name with its letter: a person's name counts as reached by it.
	const initialMask = hasStrict ? queryInitials(query) : 0;
	let lastMask = -1;
	let reachedWeight = 0;
	let pairableListWeight = 0;
	const boundOf = (name: number, reachedMask: number): number => {
		const nameMask = hasStrict && nameStrict[name] ? reachedMask | initialMask : reachedMask;
		if (nameMask !== lastMask) {
			lastMask = nameMask;
			reachedWeight = 0;
			pairableListWeight = 0;
			for (let position = 0; position < query.length; position++) {
				if ((nameMask & (1 << position)) === 0) continue;
				reachedWeight += query[position]!.weight;
				// The word an initial pairs is paired only as far as the initial weighs (pairedWeights).
				pairableListWeight += query[position]!.maxListWeight + (initialMask & (1 << position) ? query[position]!.weight : 0);
			}
		}
		const listWeight = nameWeights[name]!;
		const paired = Math.min(listWeight, pairableListWeight);
		// A listed initial may pair any query word: then every query word and the whole name may pair.
		const initials = hasInitials && nameInitial[name] === 1;
		const reached = initials ? queryTotal : reachedWeight;
		const pairable = initials ? listWeight : paired;
		return hasStrict && nameStrict[name]
			? (reached + pairable) / (reached + pairable + unpairedPersonWeight * (queryTotal - reached + listWeight - pairable))
			: (reachedWeight + paired) / (queryTotal + paired + unpairedListWeight * (listWeight - paired));
	};
	// The skipped lists' tokens, each with the bits of the query tokens whose neighbour it is.
	const {skippedTokens} = scratch;
	skippedTokens.reset(skipped.count);
	skipped.lists.forEach((skip, position) => {
		const {ids} = query[position]!;
		skip?.forEach((isSkipped, list) => isSkipped && skippedTokens.add(ids[list]!, 1 << position));
	});
	let kept = 0;
	for (let at = 0; at < count; at++) {
		const name = found[at]!;
		const reachedMask = marks[2 * name + 1]!;
		// First as if the name held a neighbour of every query token with a skipped list, ...
		if (boundOf(name, reachedMask | skipped.mask) < floor) continue;
		// ... then with those its own tokens hold.
		if (skipped.mask !== 0) {
			let held = reachedMask;
			for (let token = nameTokenStart[name]!; token < nameTokenStart[name + 1]!; token++) {
				held |= skippedTokens.get(nameTokens[token]!);
			}
			if (held !== (reachedMask | skipped.mask) && boundOf(name, held) < floor) continue;
		}
		// Kept names are written over the found ones already read.
		found[kept++] = name;
	}
	return found.subarray(0, kept);
}

/**
 * Similarities of the query tokens with the list tokens scoring may meet: row
 * tokenRow[id] of `table` (one column per query token) when tokenStamp[id] is
 * `generation`, else 0. Values below pairFloor may be 0 too. A table, not a
 * function, because scoreName reads it for every token of every candidate.
 */
type Similarity = {
	table: Float64Array;
	width: number;
	generation: number;
	tokenStamp: Int32Array;
	tokenRow: Int32Array;
	/**
	 * supportingSimilarity of query token q and a list token, at 2 * (row * width + q),
	 * plus 1 against a person's name: NaN not yet asked, 0 none. A respelling of q is
	 * among q's neighbours (withKeyNeighbours), so every other cell starts at 0; the
	 * others are worked out once per query, not once per name that holds the token.
	 */
	support: Float64Array;
};

function supportOf(index: IndexCore, similarity: Similarity, token: string, q: number, id: number, kind: EntryKind): number | null {
	// An initial (one letter) supports by its first letter alone, whoever's neighbour it is.
	if (index.vocabulary[id]!.length === 1) return supportingSimilarity(token, index.vocabulary[id]!, kind);
	const cell = 2 * (similarity.tokenRow[id]! * similarity.width + q) + (kind === 'strict' ? 1 : 0);
	let known = similarity.support[cell]!;
	if (Number.isNaN(known)) {
		known = supportingSimilarity(token, index.vocabulary[id]!, kind) ?? 0;
		similarity.support[cell] = known;
	}
	return known === 0 ? null : known;
}

/**
 * The similarities the index found, as a table: a list token that is no query
 * token's neighbour pairs with none of them (similarTokens finds every pair at
 * or above the floor), so it needs no score.
 */
function neighbourSimilarity(index: IndexCore, query: QueryToken[]): Similarity {
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
	const support = new Float64Array(2 * table.length);
	query.forEach((token, q) =>
		token.ids.forEach((id, position) => {
			const cell = tokenRow[id]! * width + q;
			table[cell] = token.similarities[position]!;
			support[2 * cell] = support[2 * cell + 1] = Number.NaN;
		}),
	);
	return {table, width, generation, tokenStamp, tokenRow, support};
}

/** Every query token against every vocabulary token: the exhaustive yardstick trusts nothing the index found. */
function computedSimilarity(index: IndexCore, query: QueryToken[]): Similarity {
	const scratch = scratchOf(index);
	const generation = ++scratch.tokenGeneration;
	const {tokenStamp, tokenRow} = scratch;
	const width = query.length;
	const table = new Float64Array(index.vocabulary.length * width);
	index.vocabulary.forEach((listToken, id) => {
		tokenStamp[id] = generation;
		tokenRow[id] = id;
		query.forEach((token, q) => (table[id * width + q] = tokenSimilarity(token.token, listToken, token.loose, index.tokenLoose[id]!)));
	});
	return {table, width, generation, tokenStamp, tokenRow, support: new Float64Array(2 * table.length).fill(Number.NaN)};
}

// Scratch for scoreName: pairs (query position, list position, similarity), reused across calls.
const pairQuery = new Int32Array(1024);
const pairList = new Int32Array(1024);
const pairSimilarity = new Float64Array(1024);
const pairSupport = new Uint8Array(1024);
const pairOrder = new Int32Array(1024);

/**
 * `value`, the similarity of a query token and the list token `id` as the table holds
 * it (with the list token romanised from every script any name has it from), for the occurrence at
 * `at` of nameTokens: romanised from the scripts this name has it from, as the scorer
 * reads it. Never above `value`, so the table's values still bound a name's score.
 */
function asSpelt(index: IndexCore, token: QueryToken, id: number, at: number, value: number): number {
	if (value === 0 || index.tokenLoose[id] === index.nameTokenLoose[at]) return value;
	return tokenSimilarity(token.token, index.vocabulary[id]!, token.loose, index.nameTokenLoose[at]);
}

/** The query token and the occurrence at `at` of list token `id` close alike (abjadClosingFits), as the scorer asks before a supporting pair. */
const closesAlike = (index: IndexCore, token: QueryToken, id: number, at: number): boolean =>
	abjadClosingFits(token.token, token.loose, index.vocabulary[id]!, index.nameTokenLoose[at]!);

/**
 * The score pairTokens would give (same pairs, same order of ties, same rules),
 * without its allocations: this runs once per candidate, millions of times per screening.
 */
function scoreName(
	index: IndexCore,
	query: QueryToken[],
	queryWeights: number[],
	queryTotal: number,
	similarity: Similarity,
	name: number,
): number {
	const start = index.nameTokenStart[name]!;
	const end = index.nameTokenStart[name + 1]!;
	const listLength = end - start;
	const {nameTokens, tokenWeights, tokenDistinctive} = index;
	const {table, width, generation, tokenStamp, tokenRow} = similarity;
	const kind: EntryKind = index.nameStrict[name] ? 'strict' : 'organisation';
	if (query.length > 31 || listLength > 31 || query.length * listLength > 1024) {
		const listTokens = nameTokens.subarray(start, end);
		const supporting = new Set<number>();
		return pairTokens({
			queryWeights,
			listWeights: Array.from(listTokens, id => tokenWeights[id]!),
			queryDistinctive: query.map(token => token.distinctive),
			listDistinctive: Array.from(listTokens, id => tokenDistinctive[id] === 1),
			similarity: (q, l) => {
				const id = listTokens[l]!;
				const value = asSpelt(index, query[q]!, id, start + l, tokenStamp[id] === generation ? table[tokenRow[id]! * width + q]! : 0);
				const support =
					value < pairFloor && closesAlike(index, query[q]!, id, start + l)
						? supportingSimilarity(query[q]!.token, index.vocabulary[id]!, kind)
						: null;
				if (support === null) return value;
				supporting.add(q * listLength + l);
				return support;
			},
			supportOnly: (q, l) => supporting.has(q * listLength + l),
			queryTokenLength: q => query[q]!.token.length,
			listTokenLength: l => index.vocabulary[listTokens[l]!]!.length,
			kind,
		}).score;
	}
	let count = 0;
	const listTotal = index.nameWeights[name]!;
	// Query-major, as pairTokens builds its list, so exact ties fall the same way.
	for (let q = 0; q < query.length; q++) {
		for (let l = 0; l < listLength; l++) {
			const id = nameTokens[start + l]!;
			const neighbour = tokenStamp[id] === generation;
			let value = neighbour ? asSpelt(index, query[q]!, id, start + l, table[tokenRow[id]! * width + q]!) : 0;
			let support = 0;
			if (value < pairFloor) {
				// Respellings of a query token are among its neighbours (withKeyNeighbours): no other token needs the test.
				const supportValue = neighbour
					? supportOf(index, similarity, query[q]!.token, q, id, kind)
					: supportingSimilarity(query[q]!.token, index.vocabulary[id]!, kind, false);
				if (supportValue !== null && closesAlike(index, query[q]!, id, start + l)) [value, support] = [supportValue, 1];
			}
			if (value < pairFloor) continue;
			const listWeight = tokenWeights[id]!;
			pairQuery[count] = q;
			pairList[count] = l;
			pairSimilarity[count] = value;
			pairSupport[count] = support;
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
	let pairedQueryWeight = 0;
	let pairCount = 0;
	let distinctivePairs = 0;
	let distinctiveSimilarity = 1;
	let weakestPair = 1;
	let distinctiveLength = 0;
	let supportingPairs = 0;
	// What the totals lose to pairs of a word and another spelling of it (spellsPlainWord).
	let queryCut = 0;
	let listCut = 0;
	for (let position = 0; position < count; position++) {
		const pair = pairOrder[position]!;
		const q = pairQuery[pair]!;
		const l = pairList[pair]!;
		if (usedQuery & (1 << q) || usedList & (1 << l)) continue;
		usedQuery |= 1 << q;
		usedList |= 1 << l;
		const id = nameTokens[start + l]!;
		const value = pairSimilarity[pair]!;
		const initial = isInitialPair(query[q]!.token.length, index.vocabulary[id]!.length);
		const [queryWeight, listWeight] = pairedWeights(queryWeights[q]!, tokenWeights[id]!, initial, value);
		matched += value * (queryWeight + listWeight);
		pairedListWeight += listWeight;
		pairedQueryWeight += queryWeight;
		// Beside an initial's, only a pair spelling one plain word weighs less than its tokens (pairTokens).
		if (!initial) {
			queryCut += queryWeights[q]! - queryWeight;
			listCut += tokenWeights[id]! - listWeight;
		}
		pairCount++;
		weakestPair = Math.min(weakestPair, value);
		if (index.vocabulary[id]!.length === 1 || pairSupport[pair] === 1) supportingPairs++;
		if (pairSupport[pair] === 0 && (query[q]!.distinctive || tokenDistinctive[id])) {
			distinctivePairs++;
			distinctiveSimilarity = value;
			distinctiveLength = Math.max(distinctiveLength, query[q]!.token.length, index.vocabulary[id]!.length);
		}
	}
	const queryLeft = queryTotal - queryCut;
	const listLeft = listTotal - listCut;
	const denominator =
		kind === 'strict'
			? pairedQueryWeight + pairedListWeight + unpairedPersonWeight * (queryLeft - pairedQueryWeight + listLeft - pairedListWeight)
			: queryLeft + pairedListWeight + unpairedListWeight * (listLeft - pairedListWeight);
	const raw = denominator > 0 ? Math.min(1, matched / denominator) : 0;
	let queryDistinctiveCount = 0;
	for (const token of query) if (token.distinctive) queryDistinctiveCount++;
	let listDistinctive = false;
	for (let at = start; at < end && !listDistinctive; at++) listDistinctive = tokenDistinctive[nameTokens[at]!] === 1;
	return scoreRules(raw, {
		pairCount,
		queryCount: query.length,
		listCount: listLength,
		anyDistinctive: queryDistinctiveCount > 0 || listDistinctive,
		queryDistinctiveCount,
		distinctivePairs,
		distinctiveSimilarity,
		weakestPair,
		distinctiveLength,
		supportingPairs,
		kind,
	});
}

function bestPerEntity(
	index: IndexCore,
	query: QueryToken[],
	names: Iterable<number>,
	similarity: Similarity,
	threshold: number,
	countryOfQuery: string | null,
	best: Map<number, IndexedMatch>,
	factor = 1,
): void {
	const queryWeights = query.map(token => token.weight);
	let queryTotal = 0;
	for (const weight of queryWeights) queryTotal += weight;
	for (const name of names)
		keepBest(index, name, scoreName(index, query, queryWeights, queryTotal, similarity, name) * factor, threshold, countryOfQuery, best);
}

/** Records a name's score for its entry when it reaches the threshold once adjusted for the country, and beats the entry's best. */
function keepBest(
	index: IndexCore,
	name: number,
	nameScore: number,
	threshold: number,
	countryOfQuery: string | null,
	best: Map<number, IndexedMatch>,
): void {
	if (nameScore < threshold - countryBonus) return;
	const entity = index.nameEntity[name]!;
	const agreement = tableCountryAgreement(index.table, countryOfQuery, entity);
	const score = adjustForCountry(nameScore, agreement);
	if (score < threshold) return;
	const previous = best.get(entity);
	if (previous && previous.score >= score) return;
	best.set(entity, {entity, alias: index.nameAlias[name]!, nameScore, score, countryAgreement: agreement});
}

/** What each query word added to joinedWordMatches before, on this index (its lookup and particles never change). */
const joinedWordMemo = oncePer((_index: IndexCore): WordNamesMemo => new Map());

/**
 * The names the scorer matches by joining or splitting their own words, which no query
 * word reaches (joined-list-words.ts), scored by the scorer itself: they are few.
 */
function joinedWordMatches(
	index: IndexCore,
	normalized: NormalizedName,
	threshold: number,
	countryOfQuery: string | null,
	best: Map<number, IndexedMatch>,
): void {
	// A part meets a list word as the scorer's joins do: the same word, or by sound or consonants when either is romanised.
	const lookup = (part: string, loose: Origin): number[] => {
		const exact = index.tokenIds.get(part);
		const ids = exact === undefined ? [] : [exact];
		const keys = loose ? 'looseVocabulary' : 'looseKeys';
		if (!index.keyMaps.isEmpty(keys))
			for (const key of looseKeysOf(part, loose ? everyOrigin : originsOf(index.tokenLoose)))
				for (const id of index.keyMaps.tokensUnder(keys, key)) if (id !== exact) ids.push(id);
		return ids;
	};
	for (const name of joinedWordNames(index, normalized.tokens, normalized.loose, particles, lookup, joinedWordMemo(index))) {
		const start = index.nameTokenStart[name]!;
		const end = index.nameTokenStart[name + 1]!;
		const list = {
			tokens: Array.from(index.nameTokens.subarray(start, end), id => index.vocabulary[id]!),
			loose: Array.from(index.nameTokenLoose.subarray(start, end)),
		};
		const entryKind = index.nameStrict[name] ? 'strict' : 'organisation';
		keepBest(index, name, scoreTokens(normalized, list, {entryKind, statistics: index.statistics}).score, threshold, countryOfQuery, best);
	}
}

// Ties in list order: the same result whichever way the candidates were reached.
const bestFirst = (best: Map<number, IndexedMatch>): IndexedMatch[] =>
	[...best.values()].sort((x, y) => y.score - x.score || x.entity - y.entity);

/** A match with its entry object and the matched name's text. */
function withEntity(index: CandidateIndex, match: IndexedMatch): NameMatch {
	return {
		entity: index.entities[match.entity]!,
		matchedName: index.nameOf(match.entity, match.alias),
		nameScore: match.nameScore,
		score: match.score,
		countryAgreement: match.countryAgreement,
	};
}

/** Ids of the list entries with a name worth scoring against `name` (blocking only, no threshold on the result). */
export function searchIndex(
	index: CandidateIndex,
	name: string,
	{threshold = defaultThreshold, maxPostings = 0}: SearchOptions = {},
): string[] {
	const entityIds = new Set<string>();
	for (const variant of queryVariants(index, normalizeName(name))) {
		const query = prepareQuery(index, variant);
		for (const candidate of candidateNames(index, query, threshold / (variant.factor ?? 1), maxPostings))
			entityIds.add(index.entities[index.nameEntity[candidate]!]!.id);
	}
	return [...entityIds];
}

/** List entries whose best name scores at least the threshold against `name`, best first: blocking, then scoring. */
export function matchName(index: CandidateIndex, name: string, options: SearchOptions = {}): NameMatch[] {
	return matchIndexed(index, name, options).map(match => withEntity(index, match));
}

/** matchName by positions, for a thread that holds the index but not the entry objects. */
export function matchIndexed(
	index: IndexCore,
	name: string,
	{threshold = defaultThreshold, country, maxPostings = 0}: SearchOptions = {},
): IndexedMatch[] {
	const best = new Map<number, IndexedMatch>();
	const normalized = normalizeName(name);
	if (normalized.tokens.length === 0) return [];
	const countryOfQuery = countryCode(country);
	for (const variant of queryVariants(index, normalized)) {
		const query = prepareQuery(index, variant);
		const factor = variant.factor ?? 1;
		const candidates = candidateNames(index, query, threshold / factor, maxPostings);
		bestPerEntity(index, query, candidates, neighbourSimilarity(index, query), threshold, countryOfQuery, best, factor);
	}
	joinedWordMatches(index, normalized, threshold, countryOfQuery, best);
	return bestFirst(best);
}

/** The same as matchName but scoring every name in the index, every token similarity computed: the yardstick for the index's recall. */
export function matchNameExhaustive(
	index: CandidateIndex,
	name: string,
	{threshold = defaultThreshold, country}: SearchOptions = {},
): NameMatch[] {
	const best = new Map<number, IndexedMatch>();
	const normalized = normalizeName(name);
	if (normalized.tokens.length === 0) return [];
	const all = {
		*[Symbol.iterator]() {
			for (let name = 0; name < index.nameEntity.length; name++) yield name;
		},
	};
	const countryOfQuery = countryCode(country);
	for (const variant of queryVariants(index, normalized)) {
		const query = prepareQuery(index, variant);
		bestPerEntity(index, query, all, computedSimilarity(index, query), threshold, countryOfQuery, best, variant.factor ?? 1);
	}
	joinedWordMatches(index, normalized, threshold, countryOfQuery, best);
	return bestFirst(best).map(match => withEntity(index, match));
}
