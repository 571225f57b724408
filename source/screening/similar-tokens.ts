// Similar-token search: every vocabulary token whose tokenSimilarity with a query
// token reaches pairFloor, found without comparing the query with the whole
// vocabulary. Both filters reject only pairs whose tokenSimilarityBound (score.ts)
// is below the floor, so the search misses nothing tokenSimilarity would pair:
//  - tokens that share the query's first three letters are few: they sit in one
//    range of the sorted vocabulary, scanned whole;
//  - tokens that share at most two get at most a small Winkler bonus, so they
//    need most of their letters in common (6 of 8, 8 of 10 ...). A prefix filter
//    finds them (Bayardo, Ma and Srikant, "Scaling up all pairs similarity
//    search", 2007, with the r-element variant): if two letter multisets share
//    at least α letters, then, in one global order with rare letters first, their
//    r rarest common letters lie within the first |x| - α + r letters of each.
//    So each token is indexed under every r-subset of that prefix (r = 4), and a
//    query probes its own; a token sharing no such quadruple cannot reach the floor.
// Every candidate is then held to the bound with its real letter counts and
// shared prefix before the exact score is computed.
import {pairFloor} from './score.js';
import {lowerBound} from './lower-bound.js';
import {editSimilarity, tokenSimilarityBound} from './token-similarity.js';
import {sharedInt32, sharedInt32Of, sharedUint32, sharedUint8} from './shared-arrays.js';

/** Histogram slots: a-z, 0-9 (all a normalised token holds) and one for anything else; merging letters into a slot only raises the common count, so bounds stay bounds. */
const slots = 37;
/** Counts saturate at 255 in the histograms; tokens longer than this skip the count check. */
const countedLength = 255;
/** The bound and the exact score round differently; this margin keeps a pair at exactly the floor. */
const slack = 1e-9;
const winklerMaxPrefix = 4;
/** Tokens sharing this many first letters are scanned; those sharing fewer go through the prefix filter. */
const scannedPrefix = 3;
/** Common letters per index key: longer keys, shorter postings, more keys per token. */
const keySize = 4;

/**
 * A token's first four code units, one byte each (255 for anything above, 0 past
 * the end): compared without touching the strings, which are scattered over the
 * heap. Clamping can only make two heads look more alike, never less.
 */
function headOf(token: string): number {
	let head = 0;
	for (let at = 0; at < winklerMaxPrefix; at++) head = head * 256 + (at < token.length ? Math.min(token.charCodeAt(at), 255) : 0);
	return head;
}

function slotOf(code: number): number {
	if (code >= 97 && code <= 122) return code - 97;
	if (code >= 48 && code <= 57) return code - 22;
	return 36;
}

/**
 * A slot's bit in a token's letter mask: one bit per letter, the digits and the rest
 * sharing the last six. A shared bit can only hide a missing slot, never invent one,
 * so the common count the masks allow is still an upper bound.
 */
const maskBitOf = (slot: number): number => (slot < 26 ? slot : 26 + ((slot - 26) % 6));

export type TokenSearch = {
	readonly vocabulary: readonly string[];
	readonly lengths: Int32Array;
	/** Letter counts, `slots` per token. */
	readonly histograms: Uint8Array;
	/** Per token, the bits (maskBitOf) of the slots it holds: a first check, a ninth of the histograms' memory. */
	readonly masks: Uint32Array;
	readonly heads: Uint32Array;
	/** Token ids in code-unit order of the tokens, and their heads in that order, for prefix ranges. */
	readonly sorted: Int32Array;
	readonly sortedHeads: Uint32Array;
	readonly maxLength: number;
	/** An element is the k-th occurrence of a letter: id k * slots + slot. Rank in the global order, rare first. */
	readonly elementRank: Int32Array;
	/** Key (r elements of a token's indexed prefix) -> its postings: token id and the prefix position of the key's last element. */
	readonly keyIds: ReadonlyMap<number, number>;
	readonly keyStart: Int32Array;
	readonly postingToken: Int32Array;
	readonly postingLast: Int32Array;
	/** Tokens too short for a key; checked for every query token. */
	readonly unkeyed: Int32Array;
};

// The least number of common letters two tokens of these lengths, sharing fewer
// than `scannedPrefix` first letters, need to reach the floor (Infinity: they
// cannot); and its minimum over every partner length, which sizes the prefixes.
const commonNeeded = new Map<number, number>();

function minCommon(lengthA: number, lengthB: number): number {
	const key = lengthA * 65_536 + lengthB;
	let needed = commonNeeded.get(key);
	if (needed === undefined) {
		needed = Number.POSITIVE_INFINITY;
		for (let common = 1; common <= Math.min(lengthA, lengthB); common++) {
			if (tokenSimilarityBound(lengthA, lengthB, common, scannedPrefix - 1) >= pairFloor - slack) {
				needed = common;
				break;
			}
		}
		commonNeeded.set(key, needed);
	}
	return needed;
}

const anyPartnerNeeded = new Map<number, number>();

/** min over partner lengths of minCommon; the bound is 0 once the length ratio is far below fullLengthRatio, so 4x the length is plenty. */
function minCommonAnyPartner(length: number): number {
	let needed = anyPartnerNeeded.get(length);
	if (needed === undefined) {
		needed = Number.POSITIVE_INFINITY;
		for (let partner = 1; partner <= 4 * length + 8; partner++)
			needed = Math.min(needed, minCommon(length, partner), minCommon(partner, length));
		anyPartnerNeeded.set(length, needed);
	}
	return needed;
}

/** Elements of a token (k-th occurrence of each letter), in the global order. */
function orderedElements(token: string, elementRank: Int32Array): number[] {
	const seen = new Int32Array(slots);
	const elements: number[] = [];
	for (let at = 0; at < token.length; at++) {
		const slot = slotOf(token.charCodeAt(at));
		elements.push(seen[slot]!++ * slots + slot);
	}
	// Elements the vocabulary lacks sort after all others; any total order works, rarity only speeds the search.
	const rank = (element: number): number => (element < elementRank.length ? elementRank[element]! : elementRank.length + element);
	return elements.sort((x, y) => rank(x) - rank(y));
}

/**
 * Every keySize-subset of elements[0 .. prefix), in order, appended to `keys`
 * with the position of its last element in `lasts`. Elements are below `base`.
 * Keys are exact while base ** keySize is a safe integer, else hashed: a hash
 * collision only merges two keys' postings, adding candidates the bound then checks.
 */
function prefixKeys(elements: readonly number[], prefix: number, base: number, keys: number[], lasts: number[]): void {
	const exact = base ** keySize < Number.MAX_SAFE_INTEGER;
	const combine = (key: number, element: number): number =>
		exact ? key * base + element : (Math.imul(key, 0x9e_37_79_b1) ^ element) >>> 0;
	for (let first = 0; first < prefix; first++) {
		const one = elements[first]!;
		for (let second = first + 1; second < prefix; second++) {
			const two = combine(one, elements[second]!);
			for (let third = second + 1; third < prefix; third++) {
				const three = combine(two, elements[third]!);
				for (let fourth = third + 1; fourth < prefix; fourth++) {
					keys.push(combine(three, elements[fourth]!));
					lasts.push(fourth);
				}
			}
		}
	}
}

export function buildTokenSearch(vocabulary: readonly string[]): TokenSearch {
	const count = vocabulary.length;
	// Shared memory: worker threads read the search where it was built (shared-index.ts).
	const lengths = sharedInt32(count);
	const histograms = sharedUint8(count * slots);
	const masks = sharedUint32(count);
	let maxLength = 0;
	let maxOccurrences = 1;
	for (let id = 0; id < count; id++) {
		const token = vocabulary[id]!;
		lengths[id] = token.length;
		maxLength = Math.max(maxLength, token.length);
		const base = id * slots;
		for (let at = 0; at < token.length; at++) {
			const slot = slotOf(token.charCodeAt(at));
			masks[id]! |= 1 << maskBitOf(slot);
			const cell = base + slot;
			if (histograms[cell]! < 255) histograms[cell]!++;
			maxOccurrences = Math.max(maxOccurrences, histograms[cell]!);
		}
	}
	if (maxLength > countedLength) maxOccurrences = maxLength;
	const heads = sharedUint32(count);
	vocabulary.forEach((token, id) => (heads[id] = headOf(token)));
	const sorted = sharedInt32Of([...vocabulary.keys()]).sort((x, y) =>
		vocabulary[x]! < vocabulary[y]! ? -1 : vocabulary[x]! > vocabulary[y]! ? 1 : 0,
	);

	const elementCount = maxOccurrences * slots;
	const frequency = new Int32Array(elementCount);
	const noRank = new Int32Array(0);
	const tokenElements: number[][] = Array.from({length: count});
	for (let id = 0; id < count; id++) {
		const elements = orderedElements(vocabulary[id]!, noRank);
		tokenElements[id] = elements;
		for (const element of elements) frequency[element]!++;
	}
	const order = Array.from({length: elementCount}, (_element, element) => element).sort((x, y) => frequency[x]! - frequency[y]! || x - y);
	const elementRank = sharedInt32(elementCount);
	order.forEach((element, rank) => (elementRank[element] = rank));

	// Two passes over every token's keys: count postings per key, then fill them.
	const keyIds = new Map<number, number>();
	const keyCounts: number[] = [];
	// A token that may pair with fewer than keySize letters in common has no key: every query checks it.
	const unkeyed: number[] = [];
	const eachTokenKey = (visit: (id: number, key: number, last: number) => void): void => {
		for (let id = 0; id < count; id++) {
			const elements = tokenElements[id]!;
			const needed = minCommonAnyPartner(elements.length);
			if (!Number.isFinite(needed)) continue;
			if (needed < keySize) {
				if (visit === countKey) unkeyed.push(id);
				continue;
			}
			// Fresh arrays, not emptied ones: setting an array's length is a runtime call, slower than a small allocation.
			const keys: number[] = [];
			const lasts: number[] = [];
			prefixKeys(elements, Math.min(elements.length, elements.length - needed + keySize), elementCount, keys, lasts);
			for (let at = 0; at < keys.length; at++) visit(id, keys[at]!, lasts[at]!);
		}
	};
	for (let id = 0; id < count; id++) tokenElements[id]!.sort((x, y) => elementRank[x]! - elementRank[y]!);
	const countKey = (_id: number, key: number): void => {
		const keyId = keyIds.get(key);
		if (keyId === undefined) {
			keyIds.set(key, keyCounts.length);
			keyCounts.push(1);
		} else keyCounts[keyId]!++;
	};
	eachTokenKey(countKey);
	const keyStart = sharedInt32(keyCounts.length + 1);
	for (let keyId = 0; keyId < keyCounts.length; keyId++) keyStart[keyId + 1] = keyStart[keyId]! + keyCounts[keyId]!;
	const postingToken = sharedInt32(keyStart[keyCounts.length]!);
	const postingLast = sharedInt32(postingToken.length);
	const cursor = keyStart.slice(0, keyCounts.length);
	eachTokenKey((id, key, last) => {
		const at = cursor[keyIds.get(key)!]!++;
		postingToken[at] = id;
		postingLast[at] = last;
	});
	const sortedHeads = sharedUint32(count);
	sorted.forEach((id, at) => (sortedHeads[at] = heads[id]!));
	return {
		vocabulary,
		lengths,
		histograms,
		masks,
		heads,
		sorted,
		sortedHeads,
		maxLength,
		elementRank,
		keyIds,
		keyStart,
		postingToken,
		postingLast,
		unkeyed: sharedInt32Of(unkeyed),
	};
}

// Per-search scratch: a stamp per token marks "already checked for this query token".
const scratches = new WeakMap<TokenSearch, {stamp: Int32Array; generation: number}>();

/**
 * Calls `visit` with every vocabulary token but `token` itself (id `self`, -1 if absent)
 * whose editSimilarity with it is at least pairFloor. Tokens that pair by folding or
 * by sound are the candidate index's to add (withKeyNeighbours).
 */
export function similarTokens(search: TokenSearch, token: string, self: number, visit: (id: number, similarity: number) => void): void {
	const length = token.length;
	if (length === 0) return;
	let scratch = scratches.get(search);
	if (!scratch) {
		scratch = {stamp: new Int32Array(search.vocabulary.length), generation: 0};
		scratches.set(search, scratch);
	}
	const generation = ++scratch.generation;
	const {stamp} = scratch;
	const {vocabulary, lengths, histograms, masks, heads, sorted, sortedHeads} = search;
	if (self >= 0) stamp[self] = generation;
	const head = headOf(token);

	const counts = new Uint8Array(slots);
	const present: number[] = [];
	// Per mask bit, the query's letters under it: those a token lacks are letters the two cannot share.
	const bitCounts = new Int32Array(32);
	let mask = 0;
	for (let at = 0; at < length; at++) {
		const slot = slotOf(token.charCodeAt(at));
		if (counts[slot] === 0) present.push(slot);
		if (counts[slot]! < 255) counts[slot]!++;
		mask |= 1 << maskBitOf(slot);
		bitCounts[maskBitOf(slot)]!++;
	}
	// Per other token's length: 1 when some pair of these lengths may reach the floor (all letters common, the longest prefix).
	const lengthFits = new Uint8Array(search.maxLength + 1);
	for (let otherLength = 1; otherLength <= search.maxLength; otherLength++)
		lengthFits[otherLength] =
			tokenSimilarityBound(length, otherLength, Math.min(length, otherLength), winklerMaxPrefix) >= pairFloor - slack ? 1 : 0;

	const check = (id: number): void => {
		stamp[id] = generation;
		const otherLength = lengths[id]!;
		if (lengthFits[otherLength] === 0) return;
		const difference = (head ^ heads[id]!) >>> 0;
		const prefix = Math.min(difference === 0 ? winklerMaxPrefix : Math.clz32(difference) >> 3, length, otherLength);
		// The letters the masks allow in common first; the histograms (nine times the memory) only for tokens that pass.
		let allowed = length;
		for (let missing = mask & ~masks[id]!; missing !== 0; missing &= missing - 1)
			allowed -= bitCounts[31 - Math.clz32(missing & -missing)]!;
		if (tokenSimilarityBound(length, otherLength, allowed, prefix) < pairFloor - slack) return;
		let common = Math.min(length, otherLength);
		if (length <= countedLength && otherLength <= countedLength) {
			common = 0;
			const base = id * slots;
			for (const slot of present) common += Math.min(counts[slot]!, histograms[base + slot]!);
		}
		if (tokenSimilarityBound(length, otherLength, common, prefix) < pairFloor - slack) return;
		const similarity = editSimilarity(token, vocabulary[id]!);
		if (similarity >= pairFloor) visit(id, similarity);
	};

	// Sharing the first scannedPrefix letters: one range of the sorted vocabulary.
	if (length >= scannedPrefix) {
		// Heads keep the code-unit order of the tokens, so tokens sharing the first letters are one run of sortedHeads.
		const drop = 256 ** (winklerMaxPrefix - scannedPrefix);
		const wanted = Math.floor(head / drop);
		const low = lowerBound(sorted.length, at => Math.floor(sortedHeads[at]! / drop) < wanted);
		for (let at = low; at < sorted.length && Math.floor(sortedHeads[at]! / drop) === wanted; at++)
			if (stamp[sorted[at]!] !== generation) check(sorted[at]!);
	}

	// Sharing fewer: probe the keys of the query's prefix.
	const needed = minCommonAnyPartner(length);
	if (!Number.isFinite(needed)) return;
	const elements = orderedElements(token, search.elementRank);
	const known = elements.findIndex(element => element >= search.elementRank.length);
	const usable = known < 0 ? elements.length : known;
	for (const id of search.unkeyed) if (stamp[id] !== generation) check(id);
	// Per partner length, the last prefix position (of the query, of the partner) a shared key may end at; -1: no partner of that length.
	const queryLast = new Int32Array(search.maxLength + 1).fill(-1);
	const otherLast = new Int32Array(search.maxLength + 1).fill(-1);
	for (let otherLength = 1; otherLength <= search.maxLength; otherLength++) {
		const common = minCommon(length, otherLength);
		if (!Number.isFinite(common)) continue;
		queryLast[otherLength] = length - common + keySize - 1;
		otherLast[otherLength] = otherLength - common + keySize - 1;
	}
	const keys: number[] = [];
	const lasts: number[] = [];
	prefixKeys(elements, Math.min(usable, length - needed + keySize), search.elementRank.length, keys, lasts);
	const {keyIds, keyStart, postingToken, postingLast} = search;
	for (let position = 0; position < keys.length; position++) {
		const keyId = keyIds.get(keys[position]!);
		if (keyId === undefined) continue;
		const last = lasts[position]!;
		const end = keyStart[keyId + 1]!;
		for (let at = keyStart[keyId]!; at < end; at++) {
			const id = postingToken[at]!;
			if (stamp[id] === generation) continue;
			const otherLength = lengths[id]!;
			if (last > queryLast[otherLength]! || postingLast[at]! > otherLast[otherLength]!) continue;
			check(id);
		}
	}
}

/**
 * A TokenSearch as a worker can receive it cheaply: the vocabulary as one string
 * (tokens hold only a-z and 0-9, so a newline separates them) and the key map as
 * two arrays; structured cloning copies strings and map entries one by one.
 */
export type PortableTokenSearch = Omit<TokenSearch, 'vocabulary' | 'keyIds'> & {
	vocabularyText: string;
	keys: Float64Array;
	keyIdsOfKeys: Int32Array;
};

export function portableTokenSearch(search: TokenSearch): PortableTokenSearch {
	const {vocabulary, keyIds, ...arrays} = search;
	return {
		...arrays,
		vocabularyText: vocabulary.join('\n'),
		keys: Float64Array.from(keyIds.keys()),
		keyIdsOfKeys: Int32Array.from(keyIds.values()),
	};
}

export function restoreTokenSearch(portable: PortableTokenSearch): TokenSearch {
	const {vocabularyText, keys, keyIdsOfKeys, ...arrays} = portable;
	const keyIds = new Map<number, number>();
	for (let at = 0; at < keys.length; at++) keyIds.set(keys[at]!, keyIdsOfKeys[at]!);
	return {...arrays, vocabulary: vocabularyText === '' ? [] : vocabularyText.split('\n'), keyIds};
}

export type PairingTokens = {ids: Int32Array; similarities: Float64Array};

/** The vocabulary tokens `token` pairs with: itself first (id `exact`, -1 if absent) with similarity 1, then every similar token. */
export function pairingTokens(search: TokenSearch, token: string, exact: number): PairingTokens {
	const ids: number[] = [];
	const similarities: number[] = [];
	if (exact >= 0) {
		ids.push(exact);
		similarities.push(1);
	}
	similarTokens(search, token, exact, (id, similarity) => {
		ids.push(id);
		similarities.push(similarity);
	});
	return {ids: Int32Array.from(ids), similarities: Float64Array.from(similarities)};
}

/** Id of `token` in the (sorted) vocabulary, or -1: a binary search, for a worker that has no token map. */
export function exactTokenId(search: TokenSearch, token: string): number {
	const {vocabulary} = search;
	const at = lowerBound(vocabulary.length, position => vocabulary[position]! < token);
	return vocabulary[at] === token ? at : -1;
}
