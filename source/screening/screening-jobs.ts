// What the main thread and the screening workers say to each other (screening-pool.ts,
// screening-worker.ts), and the packed form of searched neighbours.
import type {Vendor} from '../records/index.js';
import type {EntityTable} from './entity-table.js';
import type {InventoryVendor} from './inventory.js';
import type {DetachedHit} from './screen.js';
import type {NamesSlice} from './name-tokens.js';
import type {IndexArrays} from './candidate-index.js';
import type {IndexParts, SharedNames, SharedSearch} from './shared-index.js';
import type {SharedStrings} from './shared-arrays.js';
import {sharedFloat64, sharedInt32} from './shared-arrays.js';
import type {PairingTokens} from './similar-tokens.js';
import type {BuiltKeyMaps, KeyMapName} from './token-key-maps.js';

/** Given to every worker as it starts; `curatedInIndex`: the job's entries end with the curated vendors' (ScreenOptions). */
export type WorkerSetup = {curated: Vendor[]; threshold: number; curatedInIndex: boolean};

export type ToWorker =
	| {type: 'tokenize'; table: EntityTable; from: number; to: number}
	| {type: 'join'; slices: NamesSlice[]}
	| {type: 'build-arrays'; names: SharedNames; statisticsNames: string[]}
	| {type: 'build-search'; vocabulary: SharedStrings}
	| {type: 'build-keys'; names: SharedNames; maps: KeyMapName[]}
	| {type: 'attach'; parts: IndexParts}
	| {type: 'search'; tokens: string[]; next: Int32Array}
	| {type: 'prime'; neighbours: PackedNeighbours}
	| {type: 'screen'; vendors: InventoryVendor[]};

/** Every message gets one answer, in order: `done` for attach and prime. `build-arrays` and `build-keys` read the vocabulary `join` left in the same worker. */
export type FromWorker =
	| {type: 'done'}
	| {type: 'tokenized'; slice: NamesSlice}
	| {type: 'joined'; names: SharedNames}
	| {type: 'arrays-built'; arrays: IndexArrays; extraCounts: Array<[string, number]>; extraNames: number}
	| {type: 'search-built'; search: SharedSearch}
	| {type: 'keys-built'; keyMaps: BuiltKeyMaps}
	| {type: 'searched'; neighbours: PackedNeighbours}
	| {type: 'screened'; hits: DetachedHit[]}
	| {type: 'failed'; message: string};

/** Neighbours of several tokens: token positions, and per position a run of ids and similarities (starts has one more entry than positions). */
export type PackedNeighbours = {positions: Int32Array; starts: Int32Array; ids: Int32Array; similarities: Float64Array};

export function packNeighbours(found: ReadonlyArray<[number, PairingTokens]>): PackedNeighbours {
	const starts = new Int32Array(found.length + 1);
	found.forEach(([, pairing], at) => (starts[at + 1] = starts[at]! + pairing.ids.length));
	const ids = new Int32Array(starts[found.length]!);
	const similarities = new Float64Array(ids.length);
	found.forEach(([, pairing], at) => {
		ids.set(pairing.ids, starts[at]);
		similarities.set(pairing.similarities, starts[at]);
	});
	return {positions: Int32Array.from(found, ([position]) => position), starts, ids, similarities};
}

/** Several threads' findings as one, in shared memory: posted to every worker without a copy each. */
export function mergeNeighbours(packs: readonly PackedNeighbours[]): PackedNeighbours {
	const count = packs.reduce((sum, pack) => sum + pack.positions.length, 0);
	const total = packs.reduce((sum, pack) => sum + pack.ids.length, 0);
	const merged = {
		positions: sharedInt32(count),
		starts: sharedInt32(count + 1),
		ids: sharedInt32(total),
		similarities: sharedFloat64(total),
	};
	let tokens = 0;
	let values = 0;
	for (const pack of packs) {
		merged.positions.set(pack.positions, tokens);
		for (let at = 0; at < pack.positions.length; at++) merged.starts[tokens + at + 1] = values + pack.starts[at + 1]!;
		merged.ids.set(pack.ids, values);
		merged.similarities.set(pack.similarities, values);
		tokens += pack.positions.length;
		values += pack.ids.length;
	}
	return merged;
}

/** Each token's neighbours as views of the packed (shared) arrays: every worker reads the one copy. */
export function unpackNeighbours(packed: PackedNeighbours, visit: (position: number, pairing: PairingTokens) => void): void {
	packed.positions.forEach((position, at) => {
		const from = packed.starts[at]!;
		const to = packed.starts[at + 1]!;
		visit(position, {ids: packed.ids.subarray(from, to), similarities: packed.similarities.subarray(from, to)});
	});
}

/** The buffers of a slice's arrays: made by one thread and not used there again, they are transferred, not copied. */
export function sliceBuffers(slice: NamesSlice): ArrayBuffer[] {
	const arrays = [
		slice.tokenCounts,
		slice.tokenLoose,
		slice.nameEntity,
		slice.nameAlias,
		slice.nameStrict,
		slice.nameTokenEnd,
		slice.nameTokens,
		slice.nameTokenLoose,
	];
	return arrays.map(array => {
		if (!(array.buffer instanceof ArrayBuffer)) throw new Error('only unshared arrays are transferred');
		return array.buffer;
	});
}
