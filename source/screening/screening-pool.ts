// Screening an inventory on every core. The list names are tokenised in slices on
// every worker thread; one worker joins them, then the candidate index is built in
// shared memory on two or three at once (the postings and weights, the token search,
// the key maps) and every worker attaches to it (shared-index.ts), or they
// attach to the index a run kept (index-file.ts) and build nothing; the
// inventory's words are searched once, shared out between all of them; then the
// inventory is screened in slices, each worker taking the next slice when it is
// free. Each vendor is screened on its own (screenVendors), so the hits are the
// same on any number of threads, in inventory order. This thread only hands out
// work and gathers hits, so a terminal UI stays responsive while it runs.
import {existsSync} from 'node:fs';
import {availableParallelism} from 'node:os';
import {Worker, type ResourceLimits} from 'node:worker_threads';
import type {ScreeningEntity, Vendor} from '../records/index.js';
import {buildIndex, type CandidateIndex} from './candidate-index.js';
import {entityTable, fillGroups} from './entity-table.js';
import type {InventoryVendor} from './inventory.js';
import {entryRanges} from './name-tokens.js';
import {normalizeName} from './normalize.js';
import {curatedIndexEntries} from './curated-join.js';
import {attachEntry, screenVendors, type DetachedHit, type ScreeningHit} from './screen.js';
import type {IndexParts} from './shared-index.js';
import {indexOfParts} from './index-file.js';
import {mergeNeighbours, sliceBuffers, type FromWorker, type ToWorker, type WorkerSetup} from './screening-jobs.js';
import {sharedInt32} from './shared-arrays.js';
import {keyMapGroups, type BuiltKeyMaps} from './token-key-maps.js';

export type ScreeningJob = {
	vendors: readonly InventoryVendor[];
	entries: readonly ScreeningEntity[];
	curated: readonly Vendor[];
	threshold: number;
	/** More names counted in the token weights, not screened (the curated vendors' names). */
	statisticsNames: readonly string[];
	/** The entries end with curatedIndexEntries(curated): rows join them in the list screening's own search (ScreenOptions). */
	curatedInIndex?: boolean;
};

/**
 * The job as the product screens an inventory: the list entries and, after them, the curated
 * vendors' (curatedIndexEntries), so that each row's names are searched once for its list hits and
 * its curated joins (issue 20); the curated names weigh in the statistics as entries of the index.
 */
export function screeningJob({
	vendors,
	entries,
	curated,
	threshold,
}: Pick<ScreeningJob, 'vendors' | 'entries' | 'curated' | 'threshold'>): ScreeningJob {
	return {vendors, entries: [...entries, ...curatedIndexEntries(curated)], curated, threshold, statisticsNames: [], curatedInIndex: true};
}

/** Where a screening is: indexing the lists, searching the inventory's words, screening vendors (joins and list hits together). */
export type ScreeningProgress = {
	stage: 'indexing' | 'searching' | 'screening';
	done: number;
	total: number;
	/** Worker threads doing it; 0 when this thread does it all. */
	threads: number;
};

export type PoolOptions = {
	/** Worker threads; 0 screens on this thread. By default the machine's cores, at most 4. */
	workers?: number;
	/** The worker script; by default the bundled dist/screening-worker.js, and none (this thread) when running from source. */
	workerUrl?: URL | null;
	/**
	 * Vendors from which workers are worth it. Below, this thread does it all: measured on
	 * 2 cores, 1,000 vendors against 50,000 entries took 3.3 s with workers (starting them,
	 * building and sharing the index) and about 1 s here; screening work grows with the
	 * vendors, the fixed costs do not.
	 */
	minimumVendors?: number;
	/**
	 * The index of the job's entries as a run kept it (index-file.ts, without the names' text): the
	 * workers attach to it instead of building it.
	 */
	kept?: IndexParts;
	onProgress?: (progress: ScreeningProgress) => void;
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

export const defaultWorkers = () => Math.min(availableParallelism(), 4);

/** Every vendor's curated joins and list hits, vendors in inventory order; on worker threads when the work is worth it. */
export async function screenAll(job: ScreeningJob, options: PoolOptions = {}): Promise<ScreeningHit[]> {
	const {workers = defaultWorkers(), workerUrl = bundledWorker(), minimumVendors = 2_000} = options;
	const worthIt = job.vendors.length > 1 && job.vendors.length >= minimumVendors;
	if (workers > 0 && workerUrl && worthIt) {
		try {
			return await screenInWorkers(job, workerUrl, workers, options);
		} catch {
			// A worker that failed costs time, not results: this thread screens everything.
		}
	}
	return screenHere(job, options, options.kept && indexOfParts(options.kept, job.entries));
}

/** The same screening on this thread alone; `index`, when given, is the one screenAll would build of the job's entries. */
export function screenHere(job: ScreeningJob, options: Pick<PoolOptions, 'onProgress'> = {}, prebuilt?: CandidateIndex): ScreeningHit[] {
	const screenOptions = {threshold: job.threshold, curatedVendors: job.curated, curatedInIndex: job.curatedInIndex};
	options.onProgress?.({stage: 'indexing', done: 0, total: 1, threads: 0});
	const index = prebuilt ?? buildIndex(job.entries, {statisticsNames: job.statisticsNames});
	options.onProgress?.({stage: 'screening', done: 0, total: job.vendors.length, threads: 0});
	const hits = screenVendors(job.vendors, index, screenOptions).map(hit => attachEntry(hit, job.entries));
	options.onProgress?.({stage: 'screening', done: job.vendors.length, total: job.vendors.length, threads: 0});
	return hits;
}

async function screenInWorkers(job: ScreeningJob, url: URL, count: number, options: PoolOptions): Promise<ScreeningHit[]> {
	const setup: WorkerSetup = {curated: [...job.curated], threshold: job.threshold, curatedInIndex: job.curatedInIndex ?? false};
	const limits = workerLimits(job.entries.length);
	const workers = Array.from({length: count}, () => new ScreeningWorker(url, setup, limits));
	const report: Report = progress => options.onProgress?.({...progress, threads: count});
	const attach = attacher(job.entries);
	try {
		// The inventory's words are found here while the workers build the index or attach to the kept one.
		const tokensFound = distinctTokens(job.vendors);
		const parts = options.kept ? keptParts(options.kept, job, report) : await buildOnWorkers(job, workers, report);
		const tokens = await tokensFound;

		// Each distinct word searched once, by whichever thread claims it; then every thread holds all the findings.
		// Each thread attaches (makes the map of the vocabulary's strings) and then claims what is left.
		const next = sharedInt32(1);
		report({stage: 'searching', done: 0, total: tokens.length});
		const polling = setInterval(
			() => report({stage: 'searching', done: Math.min(tokens.length, Atomics.load(next, 0)), total: tokens.length}),
			100,
		);
		let searched: FromWorker[];
		try {
			searched = await Promise.all(
				workers.map(worker => worker.ask({type: 'attach', parts}).then(() => worker.ask({type: 'search', tokens, next}))),
			);
		} finally {
			clearInterval(polling);
		}
		const neighbours = mergeNeighbours(searched.map(reply => (reply.type === 'searched' ? reply.neighbours : failed())));
		await Promise.all(workers.map(worker => worker.ask({type: 'prime', neighbours})));

		const screening = (done: number) => report({stage: 'screening', done, total: job.vendors.length});
		return (await inSlices(workers, job.vendors, screening)).map(attach);
	} finally {
		for (const worker of workers) worker.stop();
	}
}

type Report = (progress: Omit<ScreeningProgress, 'threads'>) => void;

/**
 * A worker's heap limit: 1 GB per million entries, about seven times what a worker holds for them. V8 lets a heap
 * with a limit that high grow by up to 1.6 times before it collects, against 4 times under the default 4 GB: the
 * index build's garbage is collected sooner, and the 10k x 1M screening peaks about 50 MB lower. Its young
 * generation is kept to 8 MB: a worker's allocations are short-lived (a vendor's candidates and scores), and
 * the default's larger semi-spaces cost every worker their size in resident memory for no measured speed
 * (10k x 1M, four alternating runs on 2 cores: peak RSS 994-1016 MB against 1062-1072 MB, 12.9-15.3 s
 * against 12.8-15.8 s).
 */
const workerLimits = (entries: number): ResourceLimits => ({
	maxOldGenerationSizeMb: 1024 * Math.max(1, Math.ceil(entries / 1_000_000)),
	maxYoungGenerationSizeMb: 8,
});

/**
 * The index built on the workers into shared memory: the names tokenised on every thread, joined on
 * one, then the postings and weights, the token search and the key maps built on two or more at once.
 */
async function buildOnWorkers(job: ScreeningJob, workers: readonly ScreeningWorker[], report: Report): Promise<IndexParts> {
	const count = workers.length;
	const table = entityTable(job.entries, {withText: true, groupsLater: true});
	// The names tokenised on every thread, a few slices each so that a thread slowed by other work holds nobody up; then joined on one.
	const ranges = entryRanges(table.count, count * 2);
	let tokenized = 0;
	report({stage: 'indexing', done: 0, total: ranges.length + 1});
	const tokenizing = inTurn(workers, ranges.length, async (worker, at) => {
		const [from, to] = ranges[at]!;
		const reply = await worker.ask({type: 'tokenize', table, from, to});
		report({stage: 'indexing', done: ++tokenized, total: ranges.length + 1});
		return reply.type === 'tokenized' ? reply.slice : failed();
	});
	// Tokenising reads no groups: they are filled in meanwhile, in the shared memory the workers will read when screening.
	fillGroups(job.entries, table);
	const slices = await tokenizing;
	// Joined on one worker, then built on two at once: one makes the postings and weights, another the token search.
	const joining = await workers[0]!.ask({type: 'join', slices}, slices.flatMap(sliceBuffers));
	if (joining.type !== 'joined') return failed();
	const {names} = joining;
	// The key maps in two groups: the larger beside the postings (quick), the other beside the token search; or on workers of their own.
	const keyWorkers =
		count >= 4 ? [workers[2]!, workers[3]!] : count === 3 ? [workers[2]!, workers[0]!] : [workers[0]!, workers[1 % count]!];
	const [arrays, search, ...keys] = await Promise.all([
		workers[0]!.ask({type: 'build-arrays', names, statisticsNames: [...job.statisticsNames]}),
		workers[1 % count]!.ask({type: 'build-search', vocabulary: names.vocabulary}),
		...keyMapGroups.map((maps, group) => keyWorkers[group]!.ask({type: 'build-keys', names, maps: [...maps]})),
	]);
	if (arrays?.type !== 'arrays-built' || search?.type !== 'search-built') return failed();
	const keyMaps: BuiltKeyMaps = {};
	for (const reply of keys) Object.assign(keyMaps, reply.type === 'keys-built' ? reply.keyMaps : failed());
	report({stage: 'indexing', done: ranges.length + 1, total: ranges.length + 1});
	return {
		table,
		names,
		arrays: arrays.arrays,
		search: search.search,
		keyMaps,
		extraCounts: arrays.extraCounts,
		extraNames: arrays.extraNames,
	};
}

/** The kept index's parts with a table that holds the names' text, which the kept file leaves out (the workers read names there). */
function keptParts(kept: IndexParts, job: ScreeningJob, report: Report): IndexParts {
	report({stage: 'indexing', done: 1, total: 1});
	return {...kept, table: entityTable(job.entries, {withText: true})};
}

const failed = (): never => {
	throw new Error('a screening worker did not answer as expected');
};

/** Attaches entry objects; a curated entry, cloned with each hit, becomes one object again. */
function attacher(entries: readonly ScreeningEntity[]): (hit: DetachedHit) => ScreeningHit {
	const curated = new Map<string, ScreeningEntity>();
	return hit => {
		if (typeof hit.entry === 'number') return attachEntry(hit, entries);
		const entry = curated.get(hit.entry.id) ?? hit.entry;
		curated.set(entry.id, entry);
		return {...hit, entry};
	};
}

/** Slices small enough to keep every worker busy to the end and the progress moving, large enough that posting them costs little. */
const sliceSize = (vendors: number, workers: number) => Math.max(8, Math.min(500, Math.ceil(vendors / (workers * 16))));

/** The hits of every slice, in inventory order, each slice screened by the next free worker. */
async function inSlices(
	workers: readonly ScreeningWorker[],
	vendors: readonly InventoryVendor[],
	progress: (done: number) => void,
): Promise<DetachedHit[]> {
	const size = sliceSize(vendors.length, workers.length);
	let done = 0;
	const results = await inTurn(workers, Math.ceil(vendors.length / size), async (worker, slice) => {
		const reply = await worker.ask({type: 'screen', vendors: vendors.slice(slice * size, (slice + 1) * size)});
		done += Math.min(size, vendors.length - slice * size);
		progress(done);
		return reply.type === 'screened' ? reply.hits : failed();
	});
	return results.flat();
}

/** Tasks 0 .. count - 1, each run by the next free worker; the results by task. */
async function inTurn<T>(
	workers: readonly ScreeningWorker[],
	count: number,
	run: (worker: ScreeningWorker, task: number) => Promise<T>,
): Promise<T[]> {
	const results: T[] = [];
	let next = 0;
	await Promise.all(
		workers.map(async worker => {
			while (next < count) {
				const task = next++;
				results[task] = await run(worker, task);
			}
		}),
	);
	return results;
}

/** The distinct words of the vendors' own names, aliases and parents (loose ones are rare: searched where they are met). */
async function distinctTokens(vendors: readonly InventoryVendor[]): Promise<string[]> {
	const tokens = new Set<string>();
	for (let at = 0; at < vendors.length; at++) {
		const vendor = vendors[at]!;
		for (const name of [vendor.name, ...vendor.aliases, ...(vendor.parent ? [vendor.parent] : [])]) {
			const {tokens: found, loose} = normalizeName(name);
			found.forEach((token, position) => loose[position] || tokens.add(token));
		}
		// Other work of this thread (a terminal's keys) gets its turn.
		if (at % 500 === 499) await new Promise(resolve => setImmediate(resolve));
	}
	return [...tokens];
}

/** One worker thread; every message gets one answer, in order, so answers are matched to questions by position. */
class ScreeningWorker {
	private readonly worker: Worker;
	private readonly waiting: Array<{resolve: (reply: FromWorker) => void; reject: (error: Error) => void}> = [];
	private failure: Error | null = null;

	constructor(url: URL, setup: WorkerSetup, resourceLimits: ResourceLimits) {
		this.worker = new Worker(url, {workerData: setup, resourceLimits});
		this.worker.on('message', (reply: FromWorker) => {
			const asker = this.waiting.shift();
			if (reply.type === 'failed') this.fail(new Error(reply.message), asker);
			else asker?.resolve(reply);
		});
		this.worker.on('error', error => this.fail(error));
		this.worker.on('exit', code => this.fail(new Error(`a screening worker exited (${code})`)));
	}

	/** `transfer`: buffers the message holds that this thread gives up (moved, not copied). */
	ask(message: ToWorker, transfer: ArrayBuffer[] = []): Promise<FromWorker> {
		if (this.failure) return Promise.reject(this.failure);
		return new Promise((resolve, reject) => {
			this.waiting.push({resolve, reject});
			this.worker.postMessage(message, transfer);
		});
	}

	stop(): void {
		this.failure ??= new Error('stopped');
		void this.worker.terminate();
	}

	private fail(error: Error, first?: {reject: (error: Error) => void}): void {
		this.failure ??= error;
		first?.reject(error);
		for (const asker of this.waiting.splice(0)) asker.reject(error);
	}
}
