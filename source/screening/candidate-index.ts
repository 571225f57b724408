// Candidate index: finds the list names worth scoring for a query without
// comparing it with every name. Names are split into normalised tokens; each
// distinct token is reachable through blocking keys (3-letter prefix, the 3
// letters after the first, Soundex), so a query token finds the list tokens it
// could pair with, and through them the names that contain those tokens.
import soundex from 'talisman/phonetics/soundex.js';
import type {ScreeningEntity} from '../sources/entity.js';
import {adjustForCountry, countryAgreement, countryBonus, type CountryAgreement} from './country.js';
import {normalizeName} from './normalize.js';
import {defaultThreshold, pairFloor, pairTokens, tokenSimilarity, tokenWeight} from './score.js';
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
	 * A query token whose similar list tokens occur in more names than this is
	 * skipped, but only when the names it alone could find provably score below
	 * the threshold (see skippableTokens). Keeps "technology" from fanning out to
	 * a hundred thousand names.
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

/** Blocking keys of a token. Tokens of 3 letters or fewer only ever pair with themselves (see tokenSimilarity), so they need none. */
function blockingKeys(token: string): string[] {
	if (token.length <= 3) return [];
	const keys = [`p:${token.slice(0, 3)}`, `q:${token.slice(1, 4)}`];
	if (/^[a-z]+$/.test(token)) keys.push(`s:${soundex(token)}`);
	return keys;
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

/** One query token and the list tokens it pairs with (similarity >= pairFloor), memoised as scoring asks. */
type QueryToken = {token: string; weight: number; similar: Map<number, number>; postings: number; maxListWeight: number};

function prepareQuery(index: CandidateIndex, name: string): QueryToken[] {
	return normalizeName(name).tokens.map(token => {
		const similar = new Map<number, number>();
		const exact = index.tokenIds.get(token);
		if (exact !== undefined) similar.set(exact, 1);
		for (const key of blockingKeys(token)) {
			for (const id of index.keyTokens.get(key) ?? []) {
				if (similar.has(id)) continue;
				similar.set(id, tokenSimilarity(token, index.vocabulary[id]!));
			}
		}
		let postings = 0;
		let maxListWeight = 0;
		for (const [id, similarity] of similar) {
			if (similarity < pairFloor) continue;
			postings += index.tokenNameStart[id + 1]! - index.tokenNameStart[id]!;
			maxListWeight = Math.max(maxListWeight, index.tokenWeights[id]!);
		}
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

function candidateNames(index: CandidateIndex, query: QueryToken[], threshold: number, maxPostings: number): Int32Array {
	const skipped = skippableTokens(query, threshold, maxPostings);
	const seen = new Set<number>();
	query.forEach((token, position) => {
		if (skipped.has(position)) return;
		for (const [id, similarity] of token.similar) {
			if (similarity < pairFloor) continue;
			for (let at = index.tokenNameStart[id]!; at < index.tokenNameStart[id + 1]!; at++) seen.add(index.tokenNames[at]!);
		}
	});
	return Int32Array.from(seen);
}

function scoreName(index: CandidateIndex, query: QueryToken[], queryWeights: number[], name: number): number {
	const start = index.nameTokenStart[name]!;
	const listTokens = index.nameTokens.subarray(start, index.nameTokenStart[name + 1]!);
	const listWeights = Array.from(listTokens, id => index.tokenWeights[id]!);
	return pairTokens(queryWeights, listWeights, (q, l) => {
		const token = query[q]!;
		const id = listTokens[l]!;
		let similarity = token.similar.get(id);
		if (similarity === undefined) {
			similarity = tokenSimilarity(token.token, index.vocabulary[id]!);
			token.similar.set(id, similarity);
		}
		return similarity;
	}).score;
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
export function searchIndex(index: CandidateIndex, name: string, {threshold = defaultThreshold, maxPostings = 20_000}: SearchOptions = {}): string[] {
	const query = prepareQuery(index, name);
	const entityIds = new Set<string>();
	for (const candidate of candidateNames(index, query, threshold, maxPostings)) entityIds.add(index.entities[index.nameEntity[candidate]!]!.id);
	return [...entityIds];
}

/** List entries whose best name scores at least the threshold against `name`, best first: blocking, then scoring. */
export function matchName(index: CandidateIndex, name: string, {threshold = defaultThreshold, country, maxPostings = 20_000}: SearchOptions = {}): NameMatch[] {
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
