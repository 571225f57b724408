// The decision log's public face: record, revoke and dispose, read the state of a
// vendor's decision, verify the chain, export. Everything else in this folder is private.
import type {SourceVersion} from './model.js';

export {openDecisionLog, DecisionLog, DecisionLogReadOnlyError, defaultShardSize, type DecisionLogOptions} from './store.js';
export {recordDecision, revokeLast, recordDisposition, checkDecisionRequest, defaultReviewBy, resolveReviewer} from './record.js';
export type {DecisionRequest, CheckedDecision, DispositionRequest, RecordOptions} from './record.js';
export {currentDecisionStatus, currentDecision, type DecisionState, type DecisionStatus} from './status.js';
export {verifyChain, entryHash, type ChainVerdict} from './chain.js';
export {
	exportLog,
	selectEntries,
	exportFormats,
	csvColumns,
	entryRow,
	entryFromRow,
	neutraliseCell,
	restoreCell,
	parseSince,
} from './export.js';
export type {ExportFormat, ExportOptions, ExportManifest, CsvColumn} from './export.js';
export {fingerprintVendor} from './fingerprint.js';
export {decisionChoices} from './choices.js';
export {canonicalJson, sha256Hex} from './canonical.js';
export {outcomes, outcomeMeanings, reasonCodes, reasonMeanings, rationaleRequiredFor, dispositions} from './vocabulary.js';
export {entryKinds, genesisHash, entrySchema, entryJsonSchema} from './model.js';
export type {
	Outcome,
	ReasonCode,
	Disposition,
	EntryKind,
	SourceVersion,
	ScreeningHit,
	LogEntry,
	DecisionEntry,
	RevocationEntry,
	DispositionEntry,
	EntryDraft,
	DecisionDraft,
	RevocationDraft,
	DispositionDraft,
} from './model.js';

/** What `decide` needs to know about the records, supplied by the caller so decisions/ never loads them itself. */
export type DecisionContext = {
	vendorExists(id: string): boolean;
	/** fingerprintVendor() of the vendor's record and restrictions as they are now. */
	fingerprintOf(id: string): string;
	/** The versions of the sources the records came from. */
	sourceVersions(): SourceVersion[];
};
