// The embedded dataset, built from the team's verified reference facts (see
// source/build/generate-dataset.mjs). It is not re-validated at start-up: the schema test
// validates the shipped file, and skipping zod here keeps it off the first paint.
//
// Read as JSON on first use from beside this module (the build copies it beside the
// chunk that holds this code), not imported: as a module it was a 200 KB object literal
// that every start compiled, `--version` and `--help` included, though they never use it.
import {readFileSync} from 'node:fs';
import type {RecordsDocument} from './schema.js';

export const embeddedDatasetName = 'embedded dataset';

/** Beside this module in the source, and beside the chunk holding it in the bundle (source/build/data-beside.mjs). */
const embeddedDatasetFile = 'dataset.json';

let dataset: RecordsDocument | undefined;

export function loadEmbeddedRecords(): RecordsDocument {
	return (dataset ??= JSON.parse(readFileSync(new URL(embeddedDatasetFile, import.meta.url), 'utf8')) as RecordsDocument);
}
