// The embedded dataset, built from the team's verified reference facts (see generate-dataset.mjs).
import dataset from './dataset.json' with {type: 'json'};
import {parseRecordsDocument} from './load.js';
import type {RecordsDocument} from './schema.js';

export const embeddedDatasetName = 'embedded dataset';

export function loadEmbeddedRecords(): RecordsDocument {
	return parseRecordsDocument(dataset, embeddedDatasetName);
}
