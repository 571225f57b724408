// Re-screens only what a list change can touch. The last run's hits are kept
// with the snapshot each source was at; when a source moves on, the entries that
// were added, removed or changed are indexed on their own, the inventory is run
// through that small index to find the vendors they touch, and only those vendors
// are screened again. Anything this cannot vouch for (a new inventory, threshold,
// curated data, a source added or removed, a pruned snapshot) screens everything.
import {existsSync, mkdirSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {appPaths, noteCacheUnwritable, writeWhole} from '../app-home/index.js';
import {codeIdentity, keptFile} from './kept-files.js';
import {diffSnapshots, listSnapshots, readSnapshot} from '../changes/index.js';
import {canonicalJson} from '../decisions/index.js';
import {sha256Hex} from '../text/index.js';
import type {Vendor, ScreeningEntity} from '../records/index.js';
import {
	buildIndex,
	curatedEntryPrefix,
	inVendorOrder,
	keptIndex,
	keptIndexParts,
	screenAll,
	screenHere,
	screenInventory,
	screeningJob,
	type CandidateIndex,
	type InventoryVendor,
	type KeptIndexOptions,
	type PoolOptions,
	type ScreeningHit,
	type ScreeningJob,
} from '../screening/index.js';

// Version 5: curated joins are found in the list index's search and scored with its statistics (issue 20).
// Version 4: each list entry is stored once and hits name it by position (a vendor group meeting one entry
// stored it once per hit: 86 MB for 10,000 vendors). Version 3: hits have a kind (list or curated), curated
// joins are hits, token weights and notes explain scores. Version 2: explanations say whose name was
// screened (queryRole). An older cache is screened again.
// Version 6: the key of each row and of the settings (threshold, curated data) are kept, so that an edited
// inventory screens only its new and changed rows.
const cacheVersion = 6;
type StoredHit = Omit<ScreeningHit, 'entry'> & {entry: number};
type StoredCache = {
	version: typeof cacheVersion;
	key: string;
	settingsKey: string;
	rowKeys: string[];
	snapshots: Record<string, string>;
	entries: ScreeningEntity[];
	hits: StoredHit[];
};
type Cache = Omit<StoredCache, 'version' | 'entries' | 'hits'> & {hits: ScreeningHit[]};

export type ScreenRequest = {
	vendors: readonly InventoryVendor[];
	entries: readonly ScreeningEntity[];
	curated: readonly Vendor[];
	threshold: number;
	env: NodeJS.ProcessEnv;
	/** One-off --source reads have no snapshots: always screen everything. */
	cacheable: boolean;
	/** Threads and progress of a full screening (screening-pool.ts). */
	pool?: PoolOptions;
	/**
	 * Hears that the cache cannot answer alone: vendors are about to be screened (in full or only those a list
	 * change touched). The screening starts once what it returns has settled: a TUI shows the rows first, so that
	 * the screening's start (reading the index, starting workers) does not hold back the frame that shows them.
	 */
	onScreening?: () => void | Promise<void>;
};

export type ScreenResult = {hits: ScreeningHit[]; rescreened: number; reason: 'full' | 'unchanged' | 'incremental'};

const cachePath = (env: NodeJS.ProcessEnv) => join(appPaths(env).cache, 'screening.json');

function latestSnapshots(env: NodeJS.ProcessEnv): Record<string, string> {
	const latest: Record<string, string> = {};
	for (const snapshot of listSnapshots(env)) latest[snapshot.source] = snapshot.id; // oldest first per source
	return latest;
}

function readCache(env: NodeJS.ProcessEnv): Cache | null {
	try {
		const stored = JSON.parse(readFileSync(cachePath(env), 'utf8')) as StoredCache;
		if (stored.version !== cacheVersion) return null;
		// Hits of one entry share one object again, so what is computed per entry (its content hash) is computed once.
		const hits = stored.hits.map(hit => ({...hit, entry: stored.entries[hit.entry]!}));
		if (hits.some(hit => hit.entry === undefined)) return null;
		return {key: stored.key, settingsKey: stored.settingsKey, rowKeys: stored.rowKeys, snapshots: stored.snapshots, hits};
	} catch {
		return null; // no cache or a damaged one: screen everything and write a fresh one
	}
}

/** Keeps the hits for the next run; a cache that cannot be written (a read-only home) only costs the next run time. */
function writeCache(env: NodeJS.ProcessEnv, cache: Cache): void {
	const path = cachePath(env);
	const positions = new Map<ScreeningEntity, number>();
	const entries: ScreeningEntity[] = [];
	const hits = cache.hits.map(hit => {
		let position = positions.get(hit.entry);
		if (position === undefined) {
			position = entries.push(hit.entry) - 1;
			positions.set(hit.entry, position);
		}
		return {...hit, entry: position};
	});
	const stored: StoredCache = {...cache, version: cacheVersion, entries, hits};
	try {
		mkdirSync(appPaths(env).cache, {recursive: true, mode: 0o700});
		writeWhole(path, JSON.stringify(stored));
	} catch (error) {
		noteCacheUnwritable(appPaths(env).cache, error);
	}
}

/** The entries that differ between the cached snapshots and the latest ones, or null when that cannot be known. */
function changedSince(
	cached: Record<string, string>,
	latest: Record<string, string>,
	env: NodeJS.ProcessEnv,
): {ids: Set<string>; entities: ScreeningEntity[]} | null {
	if (canonicalJson(Object.keys(cached).sort()) !== canonicalJson(Object.keys(latest).sort())) return null;
	const ids = new Set<string>();
	const entities: ScreeningEntity[] = [];
	for (const [source, id] of Object.entries(latest)) {
		if (cached[source] === id) continue;
		const before = cached[source]!;
		if (!listSnapshots(env, source).some(snapshot => snapshot.id === before)) return null; // pruned
		const diff = diffSnapshots(readSnapshot(before, env), readSnapshot(id, env));
		for (const entry of [...diff.added, ...diff.removed]) {
			ids.add(entry.id);
			entities.push(entry.entity);
		}
		for (const entry of diff.changed) {
			ids.add(entry.id);
			entities.push(entry.entity, entry.previous);
		}
	}
	return {ids, entities};
}

/**
 * Lists of at most this many entries have their index kept, and an edited inventory screened row by row
 * over it. A larger index is built on worker threads, in shared memory (screening-pool.ts): kept, it
 * would be hundreds of megabytes on disk, and built on this thread for a few rows it would hold a TUI's keys.
 */
const keptIndexMaxEntries = 100_000;

export const keepsListIndex = (entries: number) => entries <= keptIndexMaxEntries;

/** Where the index of the job's lists is kept, and under what statistics names; null when it is not kept. */
function listIndexFile(job: ScreeningJob, env: NodeJS.ProcessEnv): KeptIndexOptions | null {
	const kept = keepsListIndex(job.entries.length) ? keptFile(env, 'list-index.bin') : null;
	return kept && {...kept, statisticsNames: job.statisticsNames};
}

/**
 * The list index as the screening pool builds it: its entries end with the curated vendors', so token
 * statistics count their names too (token-weights.ts). Kept in the cache for the next screening of the
 * same lists (a new inventory or threshold), when this build made it; built after a fetch (prepareListIndex).
 */
export function keptListIndex(job: ScreeningJob, env: NodeJS.ProcessEnv): CandidateIndex {
	const file = listIndexFile(job, env);
	return file ? keptIndex(job.entries, file) : buildIndex(job.entries, {statisticsNames: job.statisticsNames});
}

/** The kept index's parts for the job's lists, for the pool's workers to attach to; undefined when none was kept for them. */
function keptListParts(job: ScreeningJob, env: NodeJS.ProcessEnv): PoolOptions['kept'] {
	const file = listIndexFile(job, env);
	return (file && keptIndexParts(job.entries, file)) ?? undefined;
}

/**
 * What the cached hits were screened from: every row as parsed (but where it sat in the file), the
 * threshold, the curated data and the code. Only ever compared with a key this same code made, so the native
 * JSON writer serves (the parser and the records loader build their objects in one key order); the
 * canonical form, sorting every object's keys in script, was a tenth of a second on 10,000 rows.
 */
export function screeningKey(
	vendors: readonly InventoryVendor[],
	threshold: number,
	curated: readonly Vendor[],
	/** The code that screens: hits an earlier version kept are not this one's (its matching may have changed). */
	build = codeIdentity(),
): ScreeningKey {
	const settingsKey = sha256Hex(JSON.stringify({threshold, curated, build}));
	// One hash of every row at once: a hash per row (rowKeys) took 50-70 ms at 10,000 rows, and a cache that
	// answers (the key unchanged) never needs them.
	return {key: sha256Hex(`${settingsKey}\n${JSON.stringify(vendors.map(rowContent))}`), settingsKey};
}

/** The whole screening's key, and its settings' (threshold, curated data and code). */
export type ScreeningKey = {key: string; settingsKey: string};

/** What a row's hits depend on: all of it but where it sat in the file. */
const rowContent = (vendor: InventoryVendor) => ({...vendor, source: undefined});

/** Each row's key, in inventory order: the cache keeps them, so that an edited inventory screens only its new and changed rows. */
export function rowKeys(vendors: readonly InventoryVendor[]): string[] {
	return vendors.map(vendor => sha256Hex(JSON.stringify(rowContent(vendor))));
}

/**
 * Edited rows are at most this share of the inventory for only them to be screened: they are screened
 * here, on this thread (a TUI's too), so that a few edits cost a few vendors' screening.
 */
const editedRowsShare = 0.1;

/** Per vendor id, the curated vendors its row joined (in join order), from a screening's hits. */
function cachedJoins(hits: readonly ScreeningHit[]): Map<string, string[]> {
	const joins = new Map<string, string[]>();
	for (const hit of hits) {
		if (hit.kind !== 'curated') continue;
		joins.set(hit.vendor.id, [...(joins.get(hit.vendor.id) ?? []), hit.entry.id.slice(curatedEntryPrefix.length)]);
	}
	return joins;
}

export async function screenWithCache(request: ScreenRequest): Promise<ScreenResult> {
	const {vendors, curated, threshold, env, pool = {}} = request;
	const job = screeningJob(request);
	const full = async (): Promise<ScreenResult> => {
		await request.onScreening?.();
		// A command screening on this thread alone reads the lists' index kept by an earlier run.
		const hits =
			pool.workers === 0 ? screenHere(job, pool, keptListIndex(job, env)) : await screenAll(job, {...pool, kept: keptListParts(job, env)});
		return {hits, rescreened: vendors.length, reason: 'full'};
	};
	if (!request.cacheable) return full();
	const keys = screeningKey(vendors, threshold, curated);
	const {key} = keys;
	// Made at most once: an edited inventory compares them, and a cache written keeps them.
	let keysOfRows: string[] | undefined;
	const rowKeysNow = () => (keysOfRows ??= rowKeys(vendors));
	const latest = latestSnapshots(env);
	const cache = existsSync(cachePath(env)) ? readCache(env) : null;
	const changed = cache && cache.key === key ? changedSince(cache.snapshots, latest, env) : null;
	const edited = cache && !changed && keepsListIndex(job.entries.length) ? editedRows(cache, keys, vendors, rowKeysNow(), latest) : null;
	let result: ScreenResult;
	if (edited) {
		// The same lists and settings: rows screened before keep their hits, the new and changed ones are screened.
		if (edited.vendors.length) await request.onScreening?.();
		const fresh = edited.vendors.length ? screenHere({...job, vendors: edited.vendors}, pool, keptListIndex(job, env)) : [];
		const kept = cache!.hits.filter(hit => edited.keptIds.has(hit.vendor.id));
		result = {hits: inVendorOrder(vendors, [...kept, ...fresh]), rescreened: edited.vendors.length, reason: 'incremental'};
	} else if (!cache || !changed) result = await full();
	else if (changed.ids.size === 0) {
		result = {hits: cache.hits, rescreened: 0, reason: 'unchanged'};
		// The cache already says all there is: rewriting it would cost as much as reading it.
		if (canonicalJson(cache.snapshots) === canonicalJson(latest)) return result;
	} else {
		// The changed entries alone, old and new versions, weighed as in the whole list: any vendor they hit, or used to hit, is touched.
		// The whole index is needed here for its statistics, so the touched vendors (few, as a rule) are screened on it, on this thread.
		await request.onScreening?.();
		const index = keptListIndex(job, env);
		// Each row's joins as the cache holds them: its names and the curated names it joined are what can meet a changed entry.
		const options = {threshold, curatedVendors: curated, knownJoins: cachedJoins(cache.hits)};
		const changedIndex = buildIndex(changed.entities, {statistics: index.statistics});
		const touched = new Set(screenInventory(vendors, changedIndex, options).map(hit => hit.vendor.id));
		const fresh = screenHere({...job, vendors: vendors.filter(vendor => touched.has(vendor.id))}, pool, index);
		const kept = cache.hits.filter(hit => !touched.has(hit.vendor.id) && !changed.ids.has(hit.entry.id));
		// Vendors in inventory order, each vendor's hits as the full screen orders them.
		result = {hits: inVendorOrder(vendors, [...kept, ...fresh]), rescreened: touched.size, reason: 'incremental'};
	}
	writeCache(env, {...keys, rowKeys: rowKeysNow(), snapshots: latest, hits: result.hits});
	return result;
}

/**
 * When only rows changed since the cache (the lists and settings as they were), the rows to screen and the
 * ids of the vendors whose hits are kept; null when that cannot be vouched for or the edits are too many.
 * A row's key is its whole content, its id included, and ids are unique in an inventory: a row whose key
 * the cache holds is the very vendor whose hits it holds under that id.
 */
function editedRows(
	cache: Cache,
	{settingsKey}: ScreeningKey,
	vendors: readonly InventoryVendor[],
	keys: readonly string[],
	latest: Record<string, string>,
): {vendors: InventoryVendor[]; keptIds: Set<string>} | null {
	if (cache.settingsKey !== settingsKey || canonicalJson(cache.snapshots) !== canonicalJson(latest)) return null;
	const screenedBefore = new Set(cache.rowKeys);
	const toScreen = vendors.filter((_vendor, at) => !screenedBefore.has(keys[at]!));
	if (toScreen.length > Math.max(1, vendors.length * editedRowsShare)) return null;
	const keptIds = new Set(vendors.filter((_vendor, at) => screenedBefore.has(keys[at]!)).map(vendor => vendor.id));
	return {vendors: toScreen, keptIds};
}
