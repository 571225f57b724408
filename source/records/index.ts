// The domain, seen from outside: vendors, jurisdictions and restrictions, their
// status on a day, the embedded dataset. Validation needs the schema library
// (zod), so the functions that validate load it when called, never on the first paint.
import type {RecordsDocument} from './schema.js';

export {buildCatalog, type Catalog, type RecordsLayer} from './catalog.js';
export {activeDesignations, designationLabel} from './designations.js';
export {embeddedDatasetName, loadEmbeddedRecords} from './embedded.js';
export {kindOfList} from './kind.js';
export {sourceFormats, type EntityType, type ScreeningEntity, type SourceFormat} from './list-entries.js';
export {compareDates, describeMilestone, kindSeverity, restrictionStatusOn, type RestrictionStatus, type StatusOnDate} from './status.js';
export {isRealPartialDate, restrictionKinds} from './vocabulary.js';
export type {
	Designation,
	Jurisdiction,
	LegalEntity,
	Milestone,
	RecordsDocument,
	Restriction,
	RestrictionKind,
	Vendor,
	Verification,
} from './schema.js';

/** Reads and validates a native records file of at most `maxBytes` (one-line UserInputError naming the file, the JSON path and the fix). */
export async function loadRecordsFile(path: string, maxBytes: number): Promise<RecordsDocument> {
	return (await import('./load.js')).loadRecordsFile(path, maxBytes);
}

/** Validates a records document's text read from `inputName`. */
export async function parseRecordsText(text: string, inputName: string): Promise<RecordsDocument> {
	return (await import('./load.js')).parseRecordsText(text, inputName);
}

export {checkLocalInput, nonFileKind, openLocalInput, readLocalInput, tooLarge, type InputLimits} from './read-input.js';
