// The assets file of `--assets FILE`: one row per asset or fleet (vendor, product,
// category, country_of_origin, components, model_year, quantity), read by the
// inventory's lenient reader, so the same header spellings and error reports apply.
import {parseInventoryFile, type ProductLine} from '../screening/index.js';

export type AssetRow = {vendor: string; aliases: readonly string[]; line: ProductLine};
export type AssetsParse = {path: string; assets: AssetRow[]; errors: string[]};

export function parseAssetsFile(path: string): AssetsParse {
	const {vendors, errors} = parseInventoryFile(path, {rowsAreAssets: true});
	const assets = vendors.flatMap(vendor => (vendor.productLines ?? []).map(line => ({vendor: vendor.name, aliases: vendor.aliases, line})));
	return {path, assets, errors};
}
