// Name scoring: how much two normalised names look like the same party, 0..1.
// Tokens pair one to one (word order does not matter) when tokenSimilarity says
// they are the same word, a typo or a romanisation of it; each token weighs what it
// tells (token-weights.ts); tokens left unpaired cost their weight. Three rules
// keep the score honest (see scoreRules):
//  - a match needs the distinctive words to agree: agreement on generic words alone
//    ("China ... Americas") halves the score;
//  - a name that rests on one distinctive word agreeing only approximately is scaled
//    by that word's similarity, so a one-word name needs stronger evidence;
//  - a person, vessel or aircraft needs (nearly) the whole name: two words paired when
//    the listed name has two or more, a near-exact pair when it has one.
import {normalizeName, type NameKind, type NormalizedName} from './normalize.js';
import {holdsAsPart, joinPartMinimum, nameVariants, particles, type TokenVariant} from './name-variants.js';
import {genericWeight, isDistinctive, noStatistics, tokenWeight, type TokenStatistics} from './token-weights.js';
import {
	editSimilarity,
	fineFold,
	foldMinimumLength,
	foldRomanisation,
	abjadClosingFits,
	nameRespelt,
	respeltNameSimilarity,
	tokenSimilarity,
} from './token-similarity.js';
import {wadeGilesAgreement} from './wade-giles.js';
import {personRespelt} from './person-names.js';
import {koreanRespelt} from './korean-romanisation.js';
import type {Origin} from './scripts.js';

export {tokenSimilarity} from './token-similarity.js';

/**
 * Default match threshold. What a score means is documented in the README
 * ("What a score means"); `npm run bench` measures precision and recall at it on
 * real names (test/fixtures/names).
 */
export const defaultThreshold = 0.8;

/** Token pairs less similar than this count as unpaired (one edit in a short word is 0.93; two in a long one 0.87). */
export const pairFloor = 0.85;
/** Unpaired list tokens cost a little less than unpaired query tokens: list names carry places and subsidiaries an inventory row rarely repeats. */
export const unpairedListWeight = 0.6;
/**
 * Against a person, vessel or aircraft, unpaired words on either side cost this much:
 * one name has given names, patronymics and titles the other omits. The whole-name
 * rule (two words paired) guards these entries instead.
 */
export const unpairedPersonWeight = 0.3;

/** Factor for a match on generic words only, and for a person/vessel/aircraft entry not matched as a whole. */
export const ruleFactor = 0.5;
/**
 * An initial and a name with that first letter ("F." and "Frank"), in a person's name only: a listed initial
 * and a query name, or a query initial ("K. Malofeyev") and a listed name.
 */
export const initialSimilarity = 0.9;

/** One token is a single letter, the other a longer word: the pair tells a letter, not the word. */
export function isInitialPair(queryLength: number, listLength: number): boolean {
	return (listLength === 1) !== (queryLength === 1) && queryLength > 0 && listLength > 0;
}

function initialAgreement(queryToken: string, listToken: string): boolean {
	return isInitialPair(queryToken.length, listToken.length) && queryToken.charCodeAt(0) === listToken.charCodeAt(0);
}

/**
 * Two tokens that are not a variant of each other may still pair as supporting
 * evidence: a name word respelt (nameRespelt: "Nur"/"Noor", "Misr"/"Masr"), a Korean word in
 * the other romanisation (koreanRespelt: "Chang"/"Jang", "Myong"/"Myeong"), and,
 * against a person, vessel or aircraft, a word romanised by another system
 * (personRespelt: "Yevgeniy"/"Evgeny", "Sadegh"/"Sadiq") and a listed initial and a
 * word with its first letter. Such a pair is no distinctive word agreeing and never makes a person's
 * whole name (scoreRules): another word must agree. Null when the tokens do not
 * pair this way; `mayBeRespelt` false skips the respelling test (the candidate
 * index knows the tokens that pass it).
 */
export function supportingSimilarity(queryToken: string, listToken: string, kind: EntryKind, mayBeRespelt = true): number | null {
	if (kind === 'strict' && initialAgreement(queryToken, listToken)) return initialSimilarity;
	if (!mayBeRespelt) return null;
	return nameRespelt(queryToken, listToken) ||
		koreanRespelt(queryToken, listToken) ||
		(kind === 'strict' && personRespelt(queryToken, listToken))
		? respeltNameSimilarity
		: null;
}

/** A pair this similar is a near-exact agreement (for persons, vessels and aircraft). */
const nearExact = 0.9;

export type EntryKind = 'organisation' | 'strict';

export type TokenScore = {
	a: string | null;
	b: string | null;
	score: number;
	/** How much each side's token weighs (null when that side has none). */
	weightA: number | null;
	weightB: number | null;
};

export type NameScore = {
	score: number;
	/** Paired tokens first (best first), then unpaired ones with score 0. */
	tokenScores: TokenScore[];
	normalizedA: string;
	normalizedB: string;
	/** Rules applied and limits reached, in words. */
	notes: string[];
};

export type Pair = [queryIndex: number, listIndex: number, similarity: number];

export type PairingInput = {
	queryWeights: ArrayLike<number>;
	listWeights: ArrayLike<number>;
	queryDistinctive: ArrayLike<boolean>;
	listDistinctive: ArrayLike<boolean>;
	similarity: (queryIndex: number, listIndex: number) => number;
	queryTokenLength: (queryIndex: number) => number;
	listTokenLength: (listIndex: number) => number;
	/** The pair is supporting evidence only (supportingSimilarity); one-letter list tokens always are. */
	supportOnly?: (queryIndex: number, listIndex: number) => boolean;
	kind: EntryKind;
};

export type Pairing = {score: number; pairs: Pair[]; rules: string[]};

/**
 * The weights a pair counts with: its tokens' own, but for a word met by an initial on the other side, which
 * is paired only as far as the lighter of the two weighs (an initial tells a letter, not the word), and for
 * another spelling of a generic or plain dictionary word (spellsPlainWord), which weighs what that word
 * weighs outright, in the totals too.
 */
export function pairedWeights(queryWeight: number, listWeight: number, initialPair: boolean, similarity: number): [number, number] {
	if (!initialPair && !spellsPlainWord(queryWeight, listWeight, similarity)) return [queryWeight, listWeight];
	const shared = Math.min(queryWeight, listWeight);
	return [shared, shared];
}

/**
 * Two spellings of one word, one of them a generic or plain dictionary word (genericWeight): the other tells no
 * more than it does ("Systema" is the generic "system", "Barilliance" the word "brilliance"), however rare the
 * spelling. The totals count both tokens at the lighter weight (pairedWeights). Between two names' own words,
 * weighed by their frequency in the lists, an unseen spelling keeps its weight.
 */
export function spellsPlainWord(queryWeight: number, listWeight: number, similarity: number): boolean {
	return similarity < 1 && Math.min(queryWeight, listWeight) <= genericWeight && queryWeight !== listWeight;
}

/**
 * Best one-to-one pairing (greedy on similarity, then weight: optimal for the few
 * tokens a name has in practice) and its score:
 *   sum(similarity * (wq + wl)) over pairs / (all wq + paired wl + 0.6 * unpaired wl),
 * a word paired with a listed initial counting as paired only at the initial's weight;
 * then the rules above.
 */
export function pairTokens(input: PairingInput): Pairing {
	const {queryWeights, listWeights, similarity} = input;
	const candidates: Pair[] = [];
	for (let q = 0; q < queryWeights.length; q++) {
		for (let l = 0; l < listWeights.length; l++) {
			const value = similarity(q, l);
			if (value >= pairFloor) candidates.push([q, l, value]);
		}
	}
	candidates.sort((x, y) => y[2] - x[2] || queryWeights[y[0]]! + listWeights[y[1]]! - queryWeights[x[0]]! - listWeights[x[1]]!);
	const usedQuery = new Set<number>();
	const usedList = new Set<number>();
	const pairs: Pair[] = [];
	let matched = 0;
	let pairedListWeight = 0;
	let pairedQueryWeight = 0;
	let queryTotal = 0;
	let listTotal = 0;
	for (const candidate of candidates) {
		const [q, l, value] = candidate;
		if (usedQuery.has(q) || usedList.has(l)) continue;
		usedQuery.add(q);
		usedList.add(l);
		pairs.push(candidate);
		const initial = isInitialPair(input.queryTokenLength(q), input.listTokenLength(l));
		const [queryWeight, listWeight] = pairedWeights(queryWeights[q]!, listWeights[l]!, initial, value);
		matched += value * (queryWeight + listWeight);
		pairedListWeight += listWeight;
		pairedQueryWeight += queryWeight;
		// Beside an initial's, the only pair that weighs less than its tokens is another spelling of a plain word: its totals lose as much.
		if (!initial) {
			queryTotal -= queryWeights[q]! - queryWeight;
			listTotal -= listWeights[l]! - listWeight;
		}
	}
	for (let q = 0; q < queryWeights.length; q++) queryTotal += queryWeights[q]!;
	for (let l = 0; l < listWeights.length; l++) listTotal += listWeights[l]!;
	const denominator =
		input.kind === 'strict'
			? pairedQueryWeight + pairedListWeight + unpairedPersonWeight * (queryTotal - pairedQueryWeight + listTotal - pairedListWeight)
			: queryTotal + pairedListWeight + unpairedListWeight * (listTotal - pairedListWeight);
	const raw = denominator > 0 ? Math.min(1, matched / denominator) : 0;
	const rules: string[] = [];
	return {score: scoreRules(raw, summarise(pairs, input), rules), pairs, rules};
}

/** What the rules need to know about a pairing; the candidate index fills it without building pairs. */
export type PairingSummary = {
	pairCount: number;
	queryCount: number;
	listCount: number;
	/** Either side has a distinctive token. */
	anyDistinctive: boolean;
	queryDistinctiveCount: number;
	/** Pairs with a distinctive token on either side, and the similarity of the last of them. */
	distinctivePairs: number;
	distinctiveSimilarity: number;
	weakestPair: number;
	/** The longest word of the pairs with a distinctive token (0 for none): "QQ", "PT" and a lone "MSP" tell little (shortEvidence). */
	distinctiveLength: number;
	/** Pairs with a one-letter list token (an initial) or a name respelt: they never make a person's name on their own. */
	supportingPairs: number;
	kind: EntryKind;
};

/**
 * The distinctive words that agree are too short to tell the names apart from others': one or two letters
 * ("QQ Logistics" and "QQ"), with other words unpaired on either side; or a three-letter word that is the only
 * word agreeing while each name says more that the other does not ("MSP Recovery" and "MSP Bank"). Three
 * letters are a name's whole when the other side says nothing more ("VTB" and "VTB Bank"), and count beside
 * other agreeing words ("VTB Bank (Kiev)").
 */
function shortEvidence({distinctivePairs, distinctiveLength, pairCount, queryCount, listCount}: PairingSummary): string | null {
	if (distinctivePairs === 0) return null;
	if (distinctiveLength <= 2)
		return pairCount < queryCount || pairCount < listCount ? 'only a one- or two-letter word agrees and other words do not' : null;
	return distinctiveLength === 3 && pairCount === 1 && queryCount > 1 && listCount > 1
		? 'only a three-letter word agrees, and each name has words the other lacks'
		: null;
}

/** The three rules of this module's header, applied to a raw weighted score; `rules` collects them in words. */
export function scoreRules(raw: number, summary: PairingSummary, rules?: string[]): number {
	let score = raw;
	const short = shortEvidence(summary);
	if (summary.anyDistinctive && summary.distinctivePairs === 0) {
		score *= ruleFactor;
		rules?.push('no distinctive word agrees: score halved');
	} else if (short) {
		score *= ruleFactor;
		rules?.push(`${short}: score halved`);
	} else if (summary.distinctivePairs === 1 && summary.distinctiveSimilarity < 1 && summary.queryDistinctiveCount <= 1) {
		score *= summary.distinctiveSimilarity;
		rules?.push(`the name rests on one word that agrees only approximately: score x ${summary.distinctiveSimilarity.toFixed(2)}`);
	}
	if (summary.kind === 'strict') {
		const {pairCount, queryCount, listCount, weakestPair} = summary;
		// A one-word listed name ("Ali") is met only by that word alone, near-exactly: not by "AliExpress" or "Ali Trading".
		const wholeName =
			pairCount > summary.supportingPairs &&
			(listCount >= 2 ? pairCount >= 2 : pairCount === 1 && queryCount === 1 && weakestPair >= nearExact);
		if (!wholeName) {
			score *= ruleFactor;
			rules?.push('a person, vessel or aircraft needs the whole name to agree: score halved');
		}
	}
	// Sums of weights in another order differ in the last bits; a score of exactly 0.8 must meet a threshold of 0.8.
	return Math.round(score * 1e9) / 1e9;
}

function summarise(pairs: readonly Pair[], input: Omit<PairingInput, 'similarity'>): PairingSummary {
	const {queryDistinctive, listDistinctive} = input;
	let distinctivePairs = 0;
	let distinctiveSimilarity = 1;
	let weakestPair = 1;
	let distinctiveLength = 0;
	let supportingPairs = 0;
	for (const [q, l, value] of pairs) {
		weakestPair = Math.min(weakestPair, value);
		const supportOnly = input.supportOnly?.(q, l) === true;
		if (input.listTokenLength(l) === 1 || supportOnly) supportingPairs++;
		// Supporting evidence is no distinctive word agreeing: another one must.
		if (!supportOnly && (queryDistinctive[q] || listDistinctive[l])) {
			distinctivePairs++;
			distinctiveSimilarity = value;
			distinctiveLength = Math.max(distinctiveLength, input.queryTokenLength(q), input.listTokenLength(l));
		}
	}
	const queryDistinctiveCount = countTrue(queryDistinctive);
	return {
		pairCount: pairs.length,
		queryCount: input.queryWeights.length,
		listCount: input.listWeights.length,
		anyDistinctive: queryDistinctiveCount > 0 || countTrue(listDistinctive) > 0,
		queryDistinctiveCount,
		distinctivePairs,
		distinctiveSimilarity,
		weakestPair,
		distinctiveLength,
		supportingPairs,
		kind: input.kind,
	};
}

function countTrue(values: ArrayLike<boolean>): number {
	let count = 0;
	for (let at = 0; at < values.length; at++) if (values[at]) count++;
	return count;
}

export type ScoreOptions = {kindA?: NameKind; kindB?: NameKind; entryKind?: EntryKind; statistics?: TokenStatistics};

type Side = {tokens: readonly string[]; loose: readonly Origin[]};

/** Scores already-normalised tokens, `query` the inventory side, trying the compound variants of each side. */
export function scoreTokens(
	query: Side,
	list: Side,
	{entryKind = 'organisation', statistics = noStatistics}: Pick<ScoreOptions, 'entryKind' | 'statistics'> = {},
): {score: number; tokenScores: TokenScore[]; rules: string[]} {
	const listVocabulary = new Set(list.tokens);
	const queryVocabulary = new Set(query.tokens);
	let best: {score: number; tokenScores: TokenScore[]; rules: string[]} | undefined;
	const attempt = (q: TokenVariant, l: TokenVariant): void => {
		const result = scoreSides(q, l, entryKind, statistics);
		const variant = q.change ? q : l;
		if (variant.change && variant.factor !== undefined) {
			result.score *= variant.factor;
			result.rules.push(`${variant.change}: score x ${variant.factor.toFixed(2)}`);
		}
		if (!best || result.score > best.score) best = result;
	};
	// A word meets a word of the other side romanised from another script (or is one itself) when the two agree by
	// the rules that pair them in scoring: the candidate index makes such joins and splits when its vocabulary has the
	// word or shares a loose key with it (candidate-index.ts, vocabularyKnows) and scores them so, and an explanation
	// must reach the same score ("Ali AlQarni" is "al qarni" beside علي القرني, "al qrny"). Two Latin words must be
	// the same: a Latin join respelt is joinRespelt's, below.
	const knownTo = ({tokens, loose: origins}: Side, vocabulary: Set<string>, listHolds: (token: string) => boolean = () => false) => {
		return (token: string, loose: Origin) =>
			vocabulary.has(token) ||
			listHolds(token) ||
			tokens.some(
				(other, at) =>
					((loose !== 0 || origins[at] !== 0) && tokenSimilarity(token, other, loose, origins[at]) > 0) || wadeGilesAgreement(token, other),
			);
	};
	// Two query words joined may meet a list word respelt by fold ("Bel Huawei" / "BellHuawei", "Hosein Pur" /
	// "Hosseinpour", "Abed Allah" / "Abdullah"): the candidate index looks the joined word up by its fold key
	// (candidate-index.ts, queryVariants; one key per pair of query words, no CPU cost measurable on the screening
	// bench). Two list words joined may meet a query word so too where one of them
	// is the query word's own start or end as written: the candidate index reaches them through that part
	// (joined-list-words.ts, respeltJoins).
	// A query word joined or split is known too when the lists hold the new word, as the candidate index's vocabulary does
	// (queryVariants): "Abuturab" is "Abu Turab" beside "ABU TORAB", since other entries write "Turab".
	const knownToQuery = knownTo(list, listVocabulary, token => statistics.frequency(token) > 0);
	const queryVariants = nameVariants(
		query,
		knownToQuery,
		(token, loose, run) => knownToQuery(token, loose) || (foldJoinable(run) && list.tokens.some(word => joinRespelt(token, word))),
	);
	const knownToList = knownTo(query, queryVocabulary);
	const listVariants = nameVariants(
		list,
		knownToList,
		(token, loose, run) =>
			knownToList(token, loose) ||
			(run.length === 2 && query.tokens.some(word => holdsAsPart(word, run[0]!, run[1]!) && foldsTo(token, word))),
	);
	for (const variant of queryVariants) attempt(variant, listVariants[0]!);
	for (const variant of listVariants.slice(1)) attempt(queryVariants[0]!, variant);
	return best!;
}

/**
 * Two query words whose join may meet a list word respelt (joinRespelt): each of three letters or more, as a
 * split's parts are (a preposition, "da Arabia" / "dl'Arabia", is another word, not part of a compound); not a
 * name particle and its name ("Abd al", "Al Aziz"): nameVariants joins those as an abjad writes them.
 */
export function foldJoinable(run: readonly string[]): boolean {
	return run.length === 2 && run.every(word => word.length >= joinPartMinimum) && !particles.includes(run[0]!);
}

/**
 * Two query words joined (`joined`) and a list word are one word respelt: the same fold key, and the same
 * spelling once folded or few edits apart. The fold key alone is not enough for a join: a long joined word
 * keeps few consonants in its coarse key ("aziz saud" and "yazid" share "asd").
 */
export function joinRespelt(joined: string, word: string): boolean {
	return foldsTo(joined, word) && (fineFold(joined) === fineFold(word) || editSimilarity(joined, word) >= pairFloor);
}

/** `token` and `word` are one word respelt by fold (token-similarity.ts, foldRomanisation). */
function foldsTo(token: string, word: string): boolean {
	return token.length >= foldMinimumLength && word.length >= foldMinimumLength && foldRomanisation(token) === foldRomanisation(word);
}

function scoreSides(query: TokenVariant, list: TokenVariant, kind: EntryKind, statistics: TokenStatistics) {
	const queryWeights = query.tokens.map(token => tokenWeight(token, statistics));
	const listWeights = list.tokens.map(token => tokenWeight(token, statistics));
	const supporting = new Set<number>();
	const {score, pairs, rules} = pairTokens({
		queryWeights,
		listWeights,
		queryDistinctive: query.tokens.map(isDistinctive),
		listDistinctive: list.tokens.map(isDistinctive),
		similarity: (q, l) => {
			const [a, b] = [query.tokens[q]!, list.tokens[l]!];
			const similarity = tokenSimilarity(a, b, query.loose[q], list.loose[l]);
			const support =
				similarity < pairFloor && abjadClosingFits(a, query.loose[q]!, b, list.loose[l]!) ? supportingSimilarity(a, b, kind) : null;
			if (support === null) return similarity;
			supporting.add(q * list.tokens.length + l);
			return support;
		},
		queryTokenLength: q => query.tokens[q]!.length,
		listTokenLength: l => list.tokens[l]!.length,
		supportOnly: (q, l) => supporting.has(q * list.tokens.length + l),
		kind,
	});
	const weight = (value: number) => round(value);
	const tokenScores: TokenScore[] = pairs.map(([q, l, value]) => {
		// Another spelling of a plain word shows the weight it counted with, and says why.
		const initial = isInitialPair(query.tokens[q]!.length, list.tokens[l]!.length);
		const [pairedA, pairedB] = pairedWeights(queryWeights[q]!, listWeights[l]!, initial, value);
		const plain = !initial && (pairedA !== queryWeights[q] || pairedB !== listWeights[l]);
		const [weightA, weightB] = plain ? [pairedA, pairedB] : [queryWeights[q]!, listWeights[l]!];
		if (plain) rules.push(`"${query.tokens[q]}" and "${list.tokens[l]}" spell one plain word: it weighs ${weight(weightA)} on both sides`);
		return {a: query.tokens[q]!, b: list.tokens[l]!, score: round(value), weightA: weight(weightA), weightB: weight(weightB)};
	});
	const pairedQuery = new Set(pairs.map(pair => pair[0]));
	const pairedList = new Set(pairs.map(pair => pair[1]));
	query.tokens.forEach(
		(token, index) =>
			pairedQuery.has(index) || tokenScores.push({a: token, b: null, score: 0, weightA: weight(queryWeights[index]!), weightB: null}),
	);
	list.tokens.forEach(
		(token, index) =>
			pairedList.has(index) || tokenScores.push({a: null, b: token, score: 0, weightA: null, weightB: weight(listWeights[index]!)}),
	);
	return {score, tokenScores, rules};
}

/**
 * Scores two names, `a` the name being screened and `b` the list name (the score is
 * slightly asymmetric: see pairTokens). `entryKind` 'strict' for persons, vessels and aircraft.
 */
export function scoreNames(a: string, b: string, {kindA, kindB, entryKind, statistics}: ScoreOptions = {}): NameScore {
	const normalizedA = normalizeName(a, {kind: kindA});
	const normalizedB = normalizeName(b, {kind: kindB});
	return scoreNormalized(normalizedA, normalizedB, {entryKind: entryKind ?? (kindB === 'person' ? 'strict' : 'organisation'), statistics});
}

export function scoreNormalized(
	a: NormalizedName,
	b: NormalizedName,
	options: Pick<ScoreOptions, 'entryKind' | 'statistics'> = {},
): NameScore {
	const {score, tokenScores, rules} = scoreTokens(a, b, options);
	return {score, tokenScores, normalizedA: a.normalized, normalizedB: b.normalized, notes: [...a.notes, ...b.notes, ...rules]};
}

export function round(value: number): number {
	return Math.round(value * 10_000) / 10_000;
}
