// The assets file of `--assets FILE`: one row per asset or fleet (vendor, product,
// category, country_of_origin, components, model_year, quantity), read by the
// inventory's lenient reader, so the same header spellings and error reports apply.
import {basename} from 'node:path';
import {readLocalInput} from '../records/index.js';
import {parseInventory, type ProductLine} from '../screening/index.js';
import {decodeByBom} from '../text/index.js';

export type AssetRow = {vendor: string; aliases: readonly string[]; line: ProductLine};
export type AssetsParse = {path: string; assets: AssetRow[]; errors: string[]};

/** Reads an assets file through the one local-input reader, capped at `maxBytes` (settings.maxInputBytes). */
export async function parseAssetsFile(path: string, maxBytes: number): Promise<AssetsParse> {
	return parseAssets(decodeByBom(await readLocalInput(path, {maxBytes, what: 'assets file'})), path);
}

/** Parses assets text; `path` (a file name) chooses the format and names rows in findings ("assets.csv line 4"). */
export function parseAssets(text: string, path: string): AssetsParse {
	const {vendors, errors} = parseInventory(text, path, {rowsAreAssets: true});
	const assets = vendors.flatMap(vendor =>
		(vendor.productLines ?? []).map(line => ({
			vendor: vendor.name,
			aliases: vendor.aliases,
			line: {...line, source: `${basename(path)} ${line.source}`},
		})),
	);
	return {path, assets, errors};
}
