// The decision log's public face: one store interface (DecisionStore) and the
// conf log that implements it; record, revoke, dispose and countersign; the rules
// of a safe decision; the state of a vendor's decision; verify; export.
// Everything else in this folder is private.
export {
	openDecisionLog,
	openDecisionStore,
	DecisionLog,
	DecisionLogReadOnlyError,
	BrokenChainError,
	defaultShardSize,
	type DecisionLogOptions,
} from './store.js';
export type {
	DecisionStore,
	EvidenceStore,
	EvidenceCheck,
	HeadAnchor,
	ReadOptions,
	SendReport,
	SharedDecisionStore,
	StoreChange,
	StoreStatus,
} from './store-interface.js';
export {isSharedStore} from './store-interface.js';
export {openStore, withStore, configuredStoreLocation} from './open-store.js';
export {parseStoreLocation, storeLocationOf, sslModes, storeUrlParameters, type StoreLocation} from './store-location.js';
export {pushToSharedStore, importBatchSize, type PushSummary} from './push.js';
/** `store migrate`: the PostgreSQL driver and the migrations load only when it runs. */
export const loadStoreMigrations = () => import('./postgres/migrate.js');
export {
	recordDecision,
	revokeLast,
	recordDisposition,
	checkDecisionRequest,
	defaultReviewBy,
	resolveReviewer,
	settingsOf,
} from './record.js';
export type {DecisionRequest, CheckedDecision, DispositionRequest, RecordOptions, DecisionSettings} from './record.js';
export {
	decideVendor,
	checkVendorDecision,
	requirementsFor,
	defaultReviewByFor,
	ConfirmationNeededError,
	type DecisionContext,
	type VendorDecisionRequest,
	type VendorDecisionOptions,
} from './decide-vendor.js';
export {countersign, countersignProblem, findEntry, type CountersignOptions} from './countersign.js';
export {
	decisionRequirements,
	confirmationText,
	bulkConfirmationText,
	reasonProblem,
	parseSignoffPolicy,
	formatSignoffPolicy,
	signoffPolicyHelp,
	type DecisionRequirements,
	type RestrictionRef,
	type SignoffRule,
} from './rules.js';
export {tierName, reviewDaysFor} from './cadence.js';
export {
	currentDecisionStatus,
	currentDecision,
	countersignOf,
	sameReviewer,
	vendorIdOf,
	type DecisionState,
	type DecisionStatus,
} from './status.js';
export {verifyChain, entryHash, anchorProblem, type ChainVerdict} from './chain.js';
export {verifyStore, checkCountersigns, evidenceOf, type VerifyReport} from './verify.js';
export {restartChain} from './restart.js';
export {
	exportLog,
	exportInPieces,
	exportWithManifest,
	defaultRetentionYears,
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
export {canonicalJson} from './canonical.js';
export {
	outcomes,
	outcomeMeanings,
	reasonCodes,
	reasonMeanings,
	rationaleRequiredFor,
	reasonsByOutcome,
	reasonsFor,
	permissiveOutcomes,
	dispositions,
} from './vocabulary.js';
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
	CountersignEntry,
	RestartEntry,
	VendorEntry,
	EvidenceRef,
	EntryDraft,
	DecisionDraft,
	RevocationDraft,
	DispositionDraft,
	CountersignDraft,
	RestartDraft,
} from './model.js';
