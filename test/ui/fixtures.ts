import {decisionContextFor, decisionFormCheck} from '../../source/app-context/decisions.js';
import {joinRun} from '../../source/app-context/joined.js';
import type {RunContext} from '../../source/app-context/run-context.js';
import {parseAssets} from '../../source/exposure/index.js';
import {curatedFindings, parseInventory} from '../../source/screening/index.js';
import {buildCatalog} from '../../source/records/catalog.js';
import {loadEmbeddedRecords} from '../../source/records/embedded.js';
import {decisionChoices, outcomes} from '../../source/decisions/index.js';
import type {AppData} from '../../source/ui/state.js';

export const embeddedData = (asOf = '2026-11-28'): AppData => ({
	catalog: buildCatalog([{name: 'embedded dataset', document: loadEmbeddedRecords()}]),
	asOf,
	entries: [],
	sources: [],
	decisionChoices,
});

const runContext = (data: AppData, inventory: RunContext['inventory'] = null, assets: RunContext['assets'] = null): RunContext => ({
	catalog: data.catalog,
	asOf: data.asOf,
	entries: [],
	sources: [],
	warnings: [],
	layers: [],
	sourceVersions: [],
	assets,
	inventory,
});

/**
 * The reviewer's run, joined as run.tsx joins it: an inventory of Netgear and
 * Skyward Aero, and assets with a foreign-made consumer router, a drone with no
 * origin and a category no rule knows; the data carries the findings.
 */
export function exposureData(asOf = '2026-12-06'): AppData {
	const base = embeddedData(asOf);
	const {vendors} = parseInventory('Vendor,Country\nNetgear,US\nSkyward Aero,US\n', 'inventory.csv');
	const assets = parseAssets(
		'vendor,product,category,country_of_origin,components,model_year,quantity\nNetgear,RAX50,SOHO router,TW,,,40\nSkyward Aero,Scout,quadcopter,,,,3\nAcme,Box,smart toaster,CN,,,1\n',
		'assets.csv',
	);
	const inventory = {
		path: 'inventory.csv',
		vendors,
		errors: [],
		hits: curatedFindings(vendors, base.catalog.vendors),
		threshold: 0.8,
		curated: base.catalog,
	};
	const joined = joinRun(runContext(base, inventory, assets), []);
	return {...base, catalog: joined.context.catalog, exposure: joined.exposure};
}

/** `data` with the decision rules run.tsx gives the form: the real decisionFormCheck on the data's catalog, under `signoff`. */
export function withDecisionRules(data: AppData, signoff = 'none'): AppData {
	const decisionContext = decisionContextFor(runContext(data));
	return {
		...data,
		decisionCheck: (vendorIds, outcome) =>
			decisionFormCheck(vendorIds, outcomes.find(known => known === outcome) ?? null, decisionContext, {signoff}),
	};
}
