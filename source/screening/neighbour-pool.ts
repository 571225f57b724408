// Finding a query token's similar list tokens is most of the work of screening a
// large inventory against a large list, and each token is independent: before
// screening, the inventory's tokens are shared out between this thread and
// worker threads that hold a copy of the token search, and the results primed
// into the index's neighbour cache. Scoring stays on this thread and reads the
// cache, so results are the same with any number of threads.
import {existsSync} from 'node:fs';
import {availableParallelism} from 'node:os';
import {Worker} from 'node:worker_threads';
import {primeNeighbours, uncachedTokens, type CandidateIndex} from './candidate-index.js';
import {findClaimed, unpackNeighbours, type NeighbourJob, type PackedNeighbours} from './neighbour-jobs.js';
import {portableTokenSearch, type PairingTokens} from './similar-tokens.js';

export type PoolOptions = {
	/** The worker script; by default the bundled dist/screening-worker.js, and none (one thread) when running from source. */
	workerUrl?: URL | null;
	/** Threads in all, this one included; by default the machine's cores, at most 4. */
	threads?: number;
	/** Query tokens x vocabulary tokens below which one thread does it all: starting a worker and copying the search costs more than it saves. */
	minimumWork?: number;
	/** False leaves the searching to the workers, for a caller whose thread must stay responsive (a TUI). */
	workOnThisThread?: boolean;
};

const workerFile = 'screening-worker.js';

/** The bundle places this module in dist/ or dist/chunks/ and the worker entry in dist/. */
export function bundledWorker(): URL | null {
	for (const relative of [`./${workerFile}`, `../${workerFile}`]) {
		const url = new URL(relative, import.meta.url);
		if (existsSync(url)) return url;
	}
	return null;
}

export type PoolReport = {tokens: number; threads: number; searchedByWorkers: number};

/** Caches the neighbours of every token of `names`; reports how many tokens were searched, by how many threads, and how many by workers. */
export async function primeNeighbourCache(
	index: CandidateIndex,
	names: Iterable<string>,
	{
		workerUrl = bundledWorker(),
		threads = Math.min(availableParallelism(), 4),
		minimumWork = 20_000_000,
		workOnThisThread = true,
	}: PoolOptions = {},
): Promise<PoolReport> {
	const tokens = uncachedTokens(index, names);
	const workers = workerUrl && tokens.length * index.vocabulary.length >= minimumWork ? Math.max(workOnThisThread ? 0 : 1, threads - 1) : 0;
	const searchesHere = workOnThisThread || workers === 0;
	const next = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
	const prime = (position: number, pairing: PairingTokens): void => primeNeighbours(index, tokens[position]!, pairing);
	let running: Array<Promise<PackedNeighbours | null>> = [];
	if (workers > 0) {
		const job: NeighbourJob = {search: portableTokenSearch(index.tokenSearch), tokens, next};
		running = Array.from({length: workers}, () => runWorker(workerUrl!, job));
	}
	if (searchesHere) findClaimed(index.tokenSearch, tokens, next, prime);
	// A worker that failed leaves its claimed tokens uncached; matchName then finds them itself.
	let searchedByWorkers = 0;
	for (const packed of await Promise.all(running)) {
		if (!packed) continue;
		searchedByWorkers += packed.positions.length;
		unpackNeighbours(packed, prime);
	}
	return {tokens: tokens.length, threads: workers + (searchesHere ? 1 : 0), searchedByWorkers};
}

function runWorker(url: URL, job: NeighbourJob): Promise<PackedNeighbours | null> {
	return new Promise(resolve => {
		const worker = new Worker(url, {workerData: job});
		worker.once('message', (packed: PackedNeighbours) => resolve(packed));
		worker.once('error', () => resolve(null));
		worker.once('exit', () => resolve(null));
	});
}
