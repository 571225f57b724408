// The embedded dataset, built from the team's verified reference facts (see
// source/build/generate-dataset.mjs). It is not re-validated at start-up: the schema test
// validates the shipped file, and skipping zod here keeps it off the first paint.
import dataset from './dataset.json' with {type: 'json'};
import type {RecordsDocument} from './schema.js';

export const embeddedDatasetName = 'embedded dataset';

export function loadEmbeddedRecords(): RecordsDocument {
	return dataset as RecordsDocument;
}
