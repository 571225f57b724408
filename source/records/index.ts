// The domain, seen from outside: vendors, jurisdictions, restrictions and class
// rules, their status on a day, severities, the embedded dataset. Validation needs
// the schema library (zod), so the functions that validate load it when called,
// never on the first paint.
import type {RecordsDocument} from './schema.js';

export {buildCatalog, dataDates, longestRetention, type Catalog, type DataDates, type RecordsLayer} from './catalog.js';
export {activeDesignations, designationLabel} from './designations.js';
export {embeddedDatasetName, loadEmbeddedRecords} from './embedded.js';
export {kindOfList, ownershipListOf, type OwnershipList} from './kind.js';
export {sourceFormats, type EntityType, type OwnershipLink, type ScreeningEntity, type SourceFormat} from './list-entries.js';
export {
	compareDates,
	describeMilestone,
	kindSeverity,
	restrictionStatusOn,
	restrictionStatuses,
	ruleStatusOn,
	statusLabel,
	statusOn,
	type DatedFact,
	type RestrictionStatus,
	type StatusOnDate,
} from './status.js';
export {severityLevels, severityOf, severityRank, type SeverityLevel} from './severity.js';
export {isRealPartialDate, restrictionKinds, restrictionTargets} from './vocabulary.js';
export {
	noExposure,
	type AssetRef,
	type ClassRuleFinding,
	type Exposure,
	type ExposureFinding,
	type FindingKind,
	type OriginUnknownFinding,
	type OwnershipChain,
	type OwnershipFinding,
	type OwnershipUnknownFinding,
	type RuleSummary,
	type UnknownCategory,
} from './findings.js';
export type {
	ClassRule,
	Designation,
	Jurisdiction,
	LegalEntity,
	Milestone,
	ModelYearMilestone,
	RecordKeeping,
	RecordsDocument,
	Restriction,
	RestrictionKind,
	RestrictionTarget,
	Suspension,
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
