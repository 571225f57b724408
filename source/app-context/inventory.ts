// Loads the inventory of a run (--inventory, else the saved one) and screens it
// against the run's list entries, widened by the curated vendors' names.
import {existsSync} from 'node:fs';
import {UserInputError} from '../errors/index.js';
import type {Catalog} from '../records/index.js';
import {defaultThreshold} from '../screening/index.js';
import {parseInventoryKept} from './kept-inventory.js';
import type {EntryRow} from '../tables/index.js';
import type {InventoryRun, RunOptions, ScreeningWatch} from './run-context.js';

export function checkThreshold(threshold: number | undefined): number | undefined {
	if (threshold === undefined) return undefined;
	if (!Number.isFinite(threshold) || threshold <= 0 || threshold > 1)
		throw new UserInputError(
			`--threshold: ${threshold} is not a score; use a number above 0 and at most 1, e.g. --threshold ${defaultThreshold}`,
		);
	return threshold;
}

/**
 * Threads for a command's screening (a TUI names its own, to keep a core for its keys): a command has
 * nothing else to do, so this thread screens alone (0) unless the work repays starting workers and
 * sharing the index with them (undefined: the pool's default). Measured on 2 cores (2026-12-07):
 * `list vendors --json` with 10,000 vendors against 14,000 entries took 3.4-3.6 s here and 4.3-4.7 s on
 * two workers. V8 compiles the matcher's hot functions on a background thread (about 1.5 s of CPU
 * for that screening), so one thread already keeps both cores busy, and every worker compiles them
 * again. A vendor's screening costs about four entries' indexing; about 100,000 such units are where
 * workers win.
 */
export function commandWorkers(vendors: number, entries: number): 0 | undefined {
	return vendors * 4 + entries < 100_000 ? 0 : undefined;
}

export async function loadInventoryRun(
	options: RunOptions,
	env: NodeJS.ProcessEnv,
	catalog: Catalog,
	entries: readonly EntryRow[],
	/** False when a configured source had no usable data: hits from such a run must not be kept for the next. */
	complete = true,
	/** Hears a screening's progress, and the run with its rows alone when they must be screened (not when the cache holds their hits). */
	watch: ScreeningWatch = {},
): Promise<InventoryRun | null> {
	let path = options.inventory;
	let threshold = checkThreshold(options.threshold);
	const {inputByteLimit} = await import('../settings/index.js');
	if (!path || threshold === undefined) {
		const {openSettings} = await import('../settings/index.js');
		const settings = openSettings(env);
		path ??= settings.get('inventory');
		threshold ??= settings.get('threshold');
		if (!options.inventory && path && !existsSync(path))
			throw new UserInputError(`${path}: the saved inventory is gone; run vendor-risk inventory set FILE again`);
	}
	if (!path) return null;
	threshold ??= defaultThreshold;
	const {vendors, errors} = await parseInventoryKept(path, inputByteLimit(env), env);
	const {screenWithCache} = await import('./screening-cache.js');
	// One-off --source entries have no snapshots to compare, so they are screened in full; a run
	// missing a source's data is screened in full and not kept, or its empty result would outlive the repair.
	const cacheable = !options.source?.length && complete;
	const run = (hits: InventoryRun['hits'], pending?: true): InventoryRun => ({
		path,
		vendors,
		errors,
		hits,
		threshold,
		curated: catalog,
		...(pending ? {pending} : {}),
	});
	const pool = {workers: watch.workers ?? commandWorkers(vendors.length, entries.length), onProgress: watch.onProgress};
	// The rows alone are what the table needs: shown before any screening starts, the joins and hits follow together.
	const onScreening = watch.onEarly && (() => watch.onEarly?.(run([], true)));
	const {hits} = await screenWithCache({vendors, entries, curated: catalog.vendors, threshold, env, cacheable, pool, onScreening});
	return run(hits);
}
