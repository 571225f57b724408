// The unit of work the neighbour pool shares between threads: query tokens
// claimed one at a time from a shared counter, so a thread that starts late (a
// worker still loading its copy of the search) simply claims fewer.
import {exactTokenId, pairingTokens, type PairingTokens, type PortableTokenSearch, type TokenSearch} from './similar-tokens.js';

export type NeighbourJob = {search: PortableTokenSearch; tokens: readonly string[]; next: Int32Array};

/** A thread's findings, packed: token positions, and per position a run of ids and similarities (starts has one more entry than positions). */
export type PackedNeighbours = {positions: Int32Array; starts: Int32Array; ids: Int32Array; similarities: Float64Array};

export function findClaimed(
	search: TokenSearch,
	tokens: readonly string[],
	next: Int32Array,
	found: (position: number, pairing: PairingTokens) => void,
): void {
	for (;;) {
		const position = Atomics.add(next, 0, 1);
		if (position >= tokens.length) return;
		const token = tokens[position]!;
		found(position, pairingTokens(search, token, exactTokenId(search, token)));
	}
}

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

export function unpackNeighbours(packed: PackedNeighbours, visit: (position: number, pairing: PairingTokens) => void): void {
	packed.positions.forEach((position, at) => {
		const from = packed.starts[at]!;
		const to = packed.starts[at + 1]!;
		visit(position, {ids: packed.ids.slice(from, to), similarities: packed.similarities.slice(from, to)});
	});
}
