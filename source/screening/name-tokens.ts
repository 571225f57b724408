// The first and costliest step of building the candidate index: every list name
// normalised and split into tokens. It is done per slice of the entries, so that
// worker threads can each take slices (screening-pool.ts), and the slices are then
// joined into one set of names over one sorted vocabulary. Joined in entry order,
// the names are the same, in the same order, however the entries were sliced, so
// the index built from them is identical on any number of threads.
import {kindPerson, kindStrict, type EntityTable} from './entity-table.js';
import {normalizeNameOnce, type NormalizedName} from './normalize.js';
import {namesMatchedAlone} from './person-names.js';
import {sharedInt32, sharedUint8, sharedUint16} from './shared-arrays.js';

/** The indexed names of a slice of the entries, their tokens numbered in the slice's own vocabulary. */
export type NamesSlice = {
	/** The slice's distinct tokens, in order of first appearance; a token's slice id is its position. */
	vocabulary: string[];
	/** Per slice token: how many of the slice's names hold it. */
	tokenCounts: Int32Array;
	/** Per slice token: the scripts some name has it romanised from (Origin bits), 0 when none. */
	tokenLoose: Uint16Array;
	/** Per name: its entry's position, its alias (-1: the main name), 1 when the whole name must agree. */
	nameEntity: Int32Array;
	nameAlias: Int32Array;
	nameStrict: Uint8Array;
	/** Per name: where its tokens end in nameTokens (they start where the previous name's end). */
	nameTokenEnd: Int32Array;
	nameTokens: Int32Array;
	/** Per name token (as nameTokens): the scripts this name has it romanised from (Origin bits), 0 when Latin. */
	nameTokenLoose: Uint16Array;
};

/** A typed array that doubles when full: millions of names without millions of boxed numbers for the collector. */
class GrowingInt32 {
	values = new Int32Array(1024);
	length = 0;

	push(value: number): void {
		if (this.length === this.values.length) {
			const grown = new Int32Array(this.values.length * 2);
			grown.set(this.values);
			this.values = grown;
		}
		this.values[this.length++] = value;
	}

	/** The values pushed, in a buffer of their own (posted between threads, it is transferred). */
	done(): Int32Array {
		return this.values.slice(0, this.length);
	}
}

/** The names of entries from .. to (exclusive), as the candidate index indexes them. */
export function tokenizeEntries(
	table: EntityTable,
	nameOf: (entity: number, alias: number) => string,
	from: number,
	to: number,
): NamesSlice {
	const ids = new Map<string, number>();
	const vocabulary: string[] = [];
	const counts = new GrowingInt32();
	const loose = new GrowingInt32();
	const nameEntity = new GrowingInt32();
	const nameAlias = new GrowingInt32();
	const nameStrict = new GrowingInt32();
	const nameTokenEnd = new GrowingInt32();
	const nameTokens = new GrowingInt32();
	const nameTokenLoose = new GrowingInt32();
	const addName = (name: NormalizedName, entity: number, alias: number): void => {
		if (name.tokens.length === 0) return;
		name.tokens.forEach((token, position) => {
			let id = ids.get(token);
			if (id === undefined) {
				id = vocabulary.length;
				ids.set(token, id);
				vocabulary.push(token);
				counts.push(0);
				loose.push(0);
			}
			nameTokens.push(id);
			nameTokenLoose.push(name.loose[position]!);
			counts.values[id]!++;
			loose.values[id]! |= name.loose[position]!;
		});
		nameEntity.push(entity);
		nameAlias.push(alias);
		nameStrict.push(table.kinds[entity]! & kindStrict ? 1 : 0);
		nameTokenEnd.push(nameTokens.length);
	};
	for (let entity = from; entity < to; entity++) {
		const count = table.nameStart[entity + 1]! - table.nameStart[entity]!;
		if ((table.kinds[entity]! & kindPerson) === 0) {
			for (let alias = -1; alias < count - 1; alias++) addName(normalizeNameOnce(nameOf(entity, alias)), entity, alias);
			continue;
		}
		const names = Array.from({length: count}, (_name, at) => normalizeNameOnce(nameOf(entity, at - 1), {kind: 'person'}));
		// A person's given or family name published alone is not indexed: it never raises a match by itself (person-names.ts).
		const alone = namesMatchedAlone(
			names.map(name => name.tokens),
			true,
		);
		names.forEach((name, at) => alone[at] && addName(name, entity, at - 1));
	}
	return {
		vocabulary,
		tokenCounts: counts.done(),
		tokenLoose: Uint16Array.from(loose.done()),
		nameEntity: nameEntity.done(),
		nameAlias: nameAlias.done(),
		nameStrict: Uint8Array.from(nameStrict.done()),
		nameTokenEnd: nameTokenEnd.done(),
		nameTokens: nameTokens.done(),
		nameTokenLoose: Uint16Array.from(nameTokenLoose.done()),
	};
}

/** Slices joined in entry order, over their sorted joint vocabulary: the names, token counts and loose flags, in shared memory. */
export type JoinedNames = {
	/** Distinct tokens, sorted: similar tokens, which a query token checks together, then sit together in memory. */
	vocabulary: string[];
	tokenIds: Map<string, number>;
	tokenCounts: Int32Array;
	tokenLoose: Uint16Array;
	nameEntity: Int32Array;
	nameAlias: Int32Array;
	nameStrict: Uint8Array;
	nameTokenStart: Int32Array;
	nameTokens: Int32Array;
	nameTokenLoose: Uint16Array;
};

/** The slices of consecutive entry ranges, given in entry order, as one. */
export function joinSlices(slices: readonly NamesSlice[]): JoinedNames {
	// Each slice token looked up once: numbered in order of first appearance across the slices, then renumbered in sorted order.
	const firstIds = new Map<string, number>();
	const firstOfSlice = slices.map(slice =>
		Int32Array.from(slice.vocabulary, token => {
			let id = firstIds.get(token);
			if (id === undefined) firstIds.set(token, (id = firstIds.size));
			return id;
		}),
	);
	const firstSeen = [...firstIds.keys()];
	const vocabulary = [...firstSeen].sort();
	const tokenIds = new Map(vocabulary.map((token, id) => [token, id]));
	const sortedOfFirst = Int32Array.from(firstSeen, token => tokenIds.get(token)!);
	const names = slices.reduce((sum, slice) => sum + slice.nameEntity.length, 0);
	const tokens = slices.reduce((sum, slice) => sum + slice.nameTokens.length, 0);
	const joined: JoinedNames = {
		vocabulary,
		tokenIds,
		tokenCounts: sharedInt32(vocabulary.length),
		tokenLoose: sharedUint16(vocabulary.length),
		nameEntity: sharedInt32(names),
		nameAlias: sharedInt32(names),
		nameStrict: sharedUint8(names),
		nameTokenStart: sharedInt32(names + 1),
		nameTokens: sharedInt32(tokens),
		nameTokenLoose: sharedUint16(tokens),
	};
	let nameAt = 0;
	let tokenAt = 0;
	slices.forEach((slice, at) => {
		const renumber = firstOfSlice[at]!.map(first => sortedOfFirst[first]!);
		renumber.forEach((id, local) => {
			joined.tokenCounts[id]! += slice.tokenCounts[local]!;
			joined.tokenLoose[id]! |= slice.tokenLoose[local]!;
		});
		joined.nameEntity.set(slice.nameEntity, nameAt);
		joined.nameAlias.set(slice.nameAlias, nameAt);
		joined.nameStrict.set(slice.nameStrict, nameAt);
		for (let name = 0; name < slice.nameTokenEnd.length; name++)
			joined.nameTokenStart[nameAt + name + 1] = tokenAt + slice.nameTokenEnd[name]!;
		for (let at = 0; at < slice.nameTokens.length; at++) joined.nameTokens[tokenAt + at] = renumber[slice.nameTokens[at]!]!;
		joined.nameTokenLoose.set(slice.nameTokenLoose, tokenAt);
		nameAt += slice.nameEntity.length;
		tokenAt += slice.nameTokens.length;
	});
	return joined;
}

/** Entry ranges for `count` slices of about equal size: [from, to) each, in order. */
export function entryRanges(entries: number, count: number): Array<[number, number]> {
	const slices = Math.max(1, Math.min(count, entries));
	return Array.from({length: slices}, (_range, at) => [Math.floor((entries * at) / slices), Math.floor((entries * (at + 1)) / slices)]);
}
