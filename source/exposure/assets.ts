// The assets file of `--assets FILE`: one row per asset or fleet (vendor, product,
// category, country_of_origin, components, model_year, quantity), read by the
// inventory's lenient reader, so the same header spellings and error reports apply.
import {basename} from 'node:path';
import {parseInventoryFile, type ProductLine} from '../screening/index.js';

export type AssetRow = {vendor: string; aliases: readonly string[]; line: ProductLine};
export type AssetsParse = {path: string; assets: AssetRow[]; errors: string[]};

export function parseAssetsFile(path: string): AssetsParse {
	const {vendors, errors} = parseInventoryFile(path, {rowsAreAssets: true});
	// A finding names its row with the file: "assets.csv line 4".
	const assets = vendors.flatMap(vendor =>
		(vendor.productLines ?? []).map(line => ({
			vendor: vendor.name,
			aliases: vendor.aliases,
			line: {...line, source: `${basename(path)} ${line.source}`},
		})),
	);
	return {path, assets, errors};
}
