// Re-screens only what a list change can touch. The last run's hits are kept
// with the snapshot each source was at; when a source moves on, the entries that
// were added, removed or changed are indexed on their own, the inventory is run
// through that small index to find the vendors they touch, and only those vendors
// are screened again. Anything this cannot vouch for (a new inventory, threshold,
// curated data, a source added or removed, a pruned snapshot) screens everything.
import {existsSync, mkdirSync, readFileSync, renameSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {appPaths, noteCacheUnwritable} from '../app-home/index.js';
import {diffSnapshots, listSnapshots, readSnapshot} from '../changes/index.js';
import {canonicalJson, sha256Hex} from '../decisions/index.js';
import type {Vendor, ScreeningEntity} from '../records/index.js';
import {
	buildIndex,
	curatedFindings,
	curatedNames,
	primeNeighbourCache,
	screenInventory,
	type CandidateIndex,
	type InventoryVendor,
	type ScreeningHit,
	type ScreenOptions,
} from '../screening/index.js';

// Version 3: hits have a kind (list or curated), curated joins are hits, token weights and notes explain scores.
// Version 2: explanations say whose name was screened (queryRole). An older cache is screened again.
const cacheVersion = 3;
type Cache = {version: typeof cacheVersion; key: string; snapshots: Record<string, string>; hits: ScreeningHit[]};

export type ScreenRequest = {
	vendors: readonly InventoryVendor[];
	entries: readonly ScreeningEntity[];
	curated: readonly Vendor[];
	threshold: number;
	env: NodeJS.ProcessEnv;
	/** One-off --source reads have no snapshots: always screen everything. */
	cacheable: boolean;
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
		const cache = JSON.parse(readFileSync(cachePath(env), 'utf8')) as Cache;
		return cache.version === cacheVersion ? cache : null;
	} catch {
		return null; // no cache or a damaged one: screen everything and write a fresh one
	}
}

/** Keeps the hits for the next run; a cache that cannot be written (a read-only home) only costs the next run time. */
function writeCache(env: NodeJS.ProcessEnv, cache: Cache): void {
	const path = cachePath(env);
	try {
		mkdirSync(appPaths(env).cache, {recursive: true, mode: 0o700});
		writeFileSync(`${path}.tmp`, JSON.stringify(cache), {mode: 0o600});
		renameSync(`${path}.tmp`, path);
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

/** The list index, its token statistics counting the curated vendors' names too (token-weights.ts). */
function indexOf(entries: readonly ScreeningEntity[], curated: readonly Vendor[]): CandidateIndex {
	return buildIndex(entries, {statisticsNames: curated.flatMap(curatedNames)});
}

/**
 * Screens `vendors` against every entry, the inventory's tokens searched on every
 * core first (neighbour-pool.ts). Each vendor's curated joins come first, then its list hits.
 */
async function screenAgainst(
	vendors: readonly InventoryVendor[],
	index: CandidateIndex,
	options: ScreenOptions & {curatedVendors: readonly Vendor[]},
): Promise<ScreeningHit[]> {
	await primeNeighbourCache(
		index,
		vendors.flatMap(vendor => [vendor.name, ...vendor.aliases, ...(vendor.parent ? [vendor.parent] : [])]),
	);
	return inVendorOrder(vendors, [
		...curatedFindings(vendors, options.curatedVendors, options),
		...screenInventory(vendors, index, options),
	]);
}

/** Vendors in inventory order; within a vendor, the order the hits came in (a stable sort). */
function inVendorOrder(vendors: readonly InventoryVendor[], hits: ScreeningHit[]): ScreeningHit[] {
	const order = new Map(vendors.map((vendor, position) => [vendor.id, position]));
	return hits.sort((a, b) => order.get(a.vendor.id)! - order.get(b.vendor.id)!);
}

export async function screenWithCache(request: ScreenRequest): Promise<ScreenResult> {
	const {vendors, entries, curated, threshold, env} = request;
	const options = {threshold, curatedVendors: curated};
	let index: CandidateIndex | undefined;
	const fullIndex = (): CandidateIndex => (index ??= indexOf(entries, curated));
	const full = async (): Promise<ScreenResult> => ({
		hits: await screenAgainst(vendors, fullIndex(), options),
		rescreened: vendors.length,
		reason: 'full',
	});
	if (!request.cacheable) return full();
	const key = sha256Hex(canonicalJson({inventory: vendors.map(({source: _source, ...vendor}) => vendor), threshold, curated}));
	const latest = latestSnapshots(env);
	const cache = existsSync(cachePath(env)) ? readCache(env) : null;
	const changed = cache && cache.key === key ? changedSince(cache.snapshots, latest, env) : null;
	let result: ScreenResult;
	if (!cache || !changed) result = await full();
	else if (changed.ids.size === 0) result = {hits: cache.hits, rescreened: 0, reason: 'unchanged'};
	else {
		// The changed entries alone, old and new versions, weighed as in the whole list: any vendor they hit, or used to hit, is touched.
		const changedIndex = buildIndex(changed.entities, {statistics: fullIndex().statistics});
		const touched = new Set(screenInventory(vendors, changedIndex, options).map(hit => hit.vendor.id));
		const fresh = await screenAgainst(
			vendors.filter(vendor => touched.has(vendor.id)),
			fullIndex(),
			options,
		);
		const kept = cache.hits.filter(hit => !touched.has(hit.vendor.id) && !changed.ids.has(hit.entry.id));
		// Vendors in inventory order, each vendor's hits as the full screen orders them.
		result = {hits: inVendorOrder(vendors, [...kept, ...fresh]), rescreened: touched.size, reason: 'incremental'};
	}
	writeCache(env, {version: cacheVersion, key, snapshots: latest, hits: result.hits});
	return result;
}
