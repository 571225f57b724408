import {buildCatalog} from '../../source/records/catalog.js';
import {loadEmbeddedRecords} from '../../source/records/embedded.js';
import {decisionChoices} from '../../source/decisions/index.js';
import type {AppData} from '../../source/ui/state.js';

export const embeddedData = (asOf = '2026-11-28'): AppData => ({
	catalog: buildCatalog([{name: 'embedded dataset', document: loadEmbeddedRecords()}]),
	asOf,
	entries: [],
	sources: [],
	decisionChoices,
});
