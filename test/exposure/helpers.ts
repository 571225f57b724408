// Shared set-up for the exposure tests: the embedded dataset (the real class rules),
// inventories and assets written as the files a reviewer would give.
import {mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {parseAssets} from '../../source/exposure/index.js';
import {buildCatalog, embeddedDatasetName, loadEmbeddedRecords, type ScreeningEntity} from '../../source/records/index.js';
import {parseInventory} from '../../source/screening/index.js';
import {computeExposure} from '../../source/exposure/index.js';

export const curated = buildCatalog([{name: embeddedDatasetName, document: loadEmbeddedRecords()}]);

/** A file in a fresh temporary folder. */
export function writeTemporary(name: string, text: string): string {
	const path = join(mkdtempSync(join(tmpdir(), 'exposure-')), name);
	writeFileSync(path, text);
	return path;
}

/** Exposure of an inventory (CSV text) and an assets file (CSV text) on a day. */
export function exposureOf(options: {
	inventory?: string;
	assets?: string;
	entries?: ScreeningEntity[];
	matched?: Map<string, string[]>;
	/** Inventory vendor id → its screening's curated joins (by name when left out). */
	joins?: Map<string, string[]>;
	asOf: string;
}) {
	const inventory = options.inventory ? parseInventory(options.inventory, 'inventory.csv') : {vendors: [], errors: []};
	const assets = options.assets ? parseAssets(options.assets, 'assets.csv') : {assets: [], errors: []};
	const exposure = computeExposure({
		curated,
		inventory: inventory.vendors,
		assets: assets.assets,
		entries: options.entries ?? [],
		matchedEntries: options.matched,
		curatedJoins: options.joins,
		asOf: options.asOf,
	});
	return {...exposure, errors: [...inventory.errors, ...assets.errors], vendors: inventory.vendors};
}
