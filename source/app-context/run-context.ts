// Everything a run needs, loaded once from the command line's options: the
// records (embedded or --records, plus native feeds), list entries, the date.
// The base context (embedded data alone) is what the TUI paints first.
import {
	buildCatalog,
	embeddedDatasetName,
	loadEmbeddedRecords,
	loadRecordsFile,
	type Catalog,
	type RecordsLayer,
} from '../records/index.js';
import {parseDay, today} from '../dates/index.js';
import {UserInputError} from '../errors/index.js';
import {displayText} from '../text/index.js';
import type {EntryRow} from '../tables/index.js';
import type {InventoryVendor, ScreeningHit, ScreeningProgress} from '../screening/index.js';
import type {AssetsParse} from '../exposure/index.js';

/** A source's state as the status bar and the dashboard show it; `usable` is false when it has no data to give (never fetched, damaged). */
export type SourceState = {name: string; state: string; detail: string; usable?: boolean};

export type RunOptions = {
	records?: string;
	source?: string[];
	inventory?: string;
	/** An assets file (vendor, product, category, country_of_origin, components, model_year, quantity). */
	assets?: string;
	asOf?: string;
	debug?: boolean;
	format?: string;
	allowHttp?: boolean;
	threshold?: number;
};

export type RunContext = {
	catalog: Catalog;
	asOf: string;
	entries: EntryRow[];
	sources: SourceState[];
	warnings: string[];
	/** The layers the catalog was built from and the fetched sources' versions: what a decision is made on. */
	layers: RecordsLayer[];
	sourceVersions: Array<{sourceId: string; fetchedAt: string; contentHash: string}>;
	/** The organisation's inventory and its raw hits, when one is given or saved; null otherwise. */
	inventory: InventoryRun | null;
	/** The assets file's rows (--assets), when one is given; null otherwise. */
	assets: AssetsParse | null;
};

/**
 * What a TUI hears of a screening while workers do it: its progress, and the inventory's rows
 * as soon as they are read (their curated joins and list hits still to come).
 */
export type ScreeningWatch = {
	/** Worker threads; by default the machine's cores, at most 4. */
	workers?: number;
	onProgress?: (progress: ScreeningProgress) => void;
	/** The screening starts once what it returns has settled (ScreenRequest.onScreening). */
	onEarly?: (inventory: InventoryRun) => void | Promise<void>;
};

export type InventoryRun = {
	path: string;
	vendors: InventoryVendor[];
	errors: string[];
	hits: ScreeningHit[];
	threshold: number;
	curated: Catalog;
	/** The rows alone, before the screening's joins and hits (onEarly). */
	pending?: true;
};

/** The day a run is as of: --as-of, else today as `env` says it (VENDOR_RISK_TODAY, else the clock). */
export function resolveAsOf(text: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
	if (text === undefined) return today(env);
	const asOf = parseDay(text);
	if (!asOf) throw new UserInputError(`--as-of: "${text}" is not a date; use YYYY-MM-DD, e.g. --as-of 2024-09-29`);
	return asOf;
}

export async function baseLayers(options: RunOptions): Promise<RecordsLayer[]> {
	if (options.records) {
		// Loaded only with --records: the settings module is not part of the TUI's first paint otherwise.
		const {inputByteLimit} = await import('../settings/index.js');
		return [{name: displayText(options.records), document: await loadRecordsFile(options.records, inputByteLimit())}];
	}
	return [{name: embeddedDatasetName, document: loadEmbeddedRecords()}];
}

/** The embedded (or --records) data alone: what the TUI paints first, before any cache is read. */
export async function loadBaseContext(options: RunOptions): Promise<RunContext> {
	const layers = await baseLayers(options);
	return {
		catalog: buildCatalog(layers),
		asOf: resolveAsOf(options.asOf),
		entries: [],
		sources: [],
		warnings: [],
		layers,
		sourceVersions: [],
		inventory: null,
		assets: null,
	};
}

/**
 * The full context: base records plus every configured source's cached data and one-off --source reads.
 * `onEarly` hears the same context before the inventory is screened (its rows alone, no joins or hits), when it must be.
 */
export async function loadRunContext(
	options: RunOptions,
	env: NodeJS.ProcessEnv = process.env,
	watch: Omit<ScreeningWatch, 'onEarly'> & {onEarly?: (context: RunContext) => void | Promise<void>} = {},
): Promise<RunContext> {
	const base = await baseLayers(options);
	const asOf = resolveAsOf(options.asOf, env);
	const {loadSourceData} = await import('./sources.js');
	const sources = await loadSourceData(options, env);
	const layers = [...base, ...sources.layers];
	const catalog = buildCatalog(layers);
	// The assets are read before the inventory is screened, so the early context has them too.
	const assets = options.assets
		? await (
				await import('../exposure/index.js')
			).parseAssetsFile(options.assets, (await import('../settings/index.js')).inputByteLimit(env))
		: null;
	const contextWith = (inventory: InventoryRun | null): RunContext => ({
		catalog,
		asOf,
		entries: sources.entries,
		sources: sources.sources,
		warnings: [...sources.warnings, ...(inventory?.errors ?? []), ...(assets?.errors ?? [])],
		layers,
		sourceVersions: sources.versions,
		inventory,
		assets,
	});
	const {loadInventoryRun} = await import('./inventory.js');
	const complete = sources.sources.every(source => source.usable !== false);
	const {onEarly, ...rest} = watch;
	const early = onEarly && ((inventory: InventoryRun) => onEarly(contextWith(inventory)));
	return contextWith(await loadInventoryRun(options, env, catalog, sources.entries, complete, {...rest, onEarly: early}));
}
