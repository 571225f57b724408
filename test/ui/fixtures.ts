import {decisionContextFor, decisionFormCheck} from '../../source/app-context/decisions.js';
import type {RunContext} from '../../source/app-context/run-context.js';
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

/** `data` with the decision rules run.tsx gives the form: the real decisionFormCheck on the data's catalog, under `signoff`. */
export function withDecisionRules(data: AppData, signoff = 'none'): AppData {
	const context: RunContext = {
		catalog: data.catalog,
		asOf: data.asOf,
		entries: [],
		sources: [],
		warnings: [],
		layers: [],
		sourceVersions: [],
		assets: null,
		inventory: null,
	};
	const decisionContext = decisionContextFor(context);
	return {
		...data,
		decisionCheck: (vendorIds, outcome) =>
			decisionFormCheck(vendorIds, outcomes.find(known => known === outcome) ?? null, decisionContext, {signoff}),
	};
}
