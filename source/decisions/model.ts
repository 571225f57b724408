// The decision log's vocabulary: outcomes, reason codes, the three entry kinds
// and their schema. One zod definition feeds both the TypeScript types and the
// JSON schema that conf enforces on every read and write of the store.
import {z} from 'zod';
import {isRealDay} from '../dates/index.js';

export {
	outcomes,
	outcomeMeanings,
	rationaleRequiredFor,
	reasonsByOutcome,
	reasonsFor,
	permissiveOutcomes,
	reasonCodes,
	reasonMeanings,
	dispositions,
	type Outcome,
	type ReasonCode,
	type Disposition,
} from './vocabulary.js';
import {outcomes, reasonCodes, dispositions, type Outcome, type ReasonCode} from './vocabulary.js';

export const entryKinds = ['decision', 'revocation', 'disposition', 'countersign', 'restart'] as const;
export type EntryKind = (typeof entryKinds)[number];

/** The prevHash of the first entry: there is nothing before it. */
export const genesisHash = '0'.repeat(64);

const isoDayPattern = /^\d{4}-\d{2}-\d{2}$/;
const isoTimestampPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?Z$/;
const sha256Pattern = /^[0-9a-f]{64}$/;

export const day = z.string().regex(isoDayPattern, 'expected a date as YYYY-MM-DD').refine(isRealDay, 'expected a real calendar date');
const timestamp = z.string().regex(isoTimestampPattern, 'expected a UTC timestamp such as 2025-01-31T12:00:00.000Z');
const sha256 = z.string().regex(sha256Pattern, 'expected a SHA-256 hash as 64 lower-case hex digits');
const vendorId = z.string().min(1).max(200);
const reviewer = z.string().min(1).max(200);
/** Generous, but bounded: a rationale is prose, not an attachment. */
const rationaleText = z.string().min(1).max(20_000);

export const sourceVersionSchema = z.strictObject({
	sourceId: z.string().min(1).max(200),
	fetchedAt: z.string().min(1).max(64),
	contentHash: z.string().min(1).max(200),
});
export type SourceVersion = z.infer<typeof sourceVersionSchema>;

export const hitSchema = z.strictObject({
	/** Fingerprint of the vendor's record when the hit was judged. */
	vendorFingerprint: sha256,
	/** The screening list entry's own id (not a log entry id). */
	entryId: z.string().min(1).max(500),
	entryContentHash: z.string().min(1).max(200),
});
export type ScreeningHit = z.infer<typeof hitSchema>;

/** A file attached to a decision: kept in the evidence store under its SHA-256, named here as it was given. */
export const evidenceRefSchema = z.strictObject({
	name: z.string().min(1).max(500),
	size: z.number().int().min(0),
	sha256,
});
export type EvidenceRef = z.infer<typeof evidenceRefSchema>;

// Fields the store fills in under the lock; a draft never carries them.
const sealFields = {
	seq: z.number().int().min(1),
	id: z.string().min(1).max(64),
	at: timestamp,
	prevHash: sha256,
	hash: sha256,
};

const decisionFields = {
	kind: z.literal('decision'),
	reviewer,
	vendorId,
	outcome: z.enum(outcomes),
	reason: z.enum(reasonCodes),
	rationale: rationaleText.nullable(),
	reviewBy: day.nullable(),
	/** What the decision was made on: the record as fingerprinted and the source versions behind it. */
	basis: z.strictObject({vendorFingerprint: sha256, sources: z.array(sourceVersionSchema).max(1000)}),
	// Both optional, so entries written before they existed still parse and hash as they did.
	/** 'pending': the sign-off policy wanted a second reviewer; the decision stands once another reviewer countersigns it. */
	signoff: z.literal('pending').optional(),
	evidence: z.array(evidenceRefSchema).min(1).max(100).optional(),
};
const revocationFields = {
	kind: z.literal('revocation'),
	reviewer,
	vendorId,
	/** Id and seq of the decision this revocation cancels. */
	revokes: z.string().min(1).max(64),
	revokesSeq: z.number().int().min(1),
	rationale: rationaleText.nullable(),
};
const dispositionFields = {
	kind: z.literal('disposition'),
	reviewer,
	vendorId,
	disposition: z.enum(dispositions),
	hit: hitSchema,
	rationale: rationaleText,
};

const countersignFields = {
	kind: z.literal('countersign'),
	reviewer,
	vendorId,
	/** Id and seq of the pending decision signed off. */
	countersigns: z.string().min(1).max(64),
	countersignsSeq: z.number().int().min(1),
	/** The record as the second reviewer saw it: must be the one the decision was made on. */
	vendorFingerprint: sha256,
	rationale: rationaleText.nullable(),
};

/** The first entry of a chain started again after a break: what was found, and where the old files went. */
const restartFields = {
	kind: z.literal('restart'),
	reviewer,
	rationale: rationaleText,
	previous: z.strictObject({
		/** The last entry that could still be read, or 0 and the genesis hash when none could. */
		lastSeq: z.number().int().min(0),
		lastHash: sha256,
		/** The head the old anchor recorded, when there was one. */
		anchorSeq: z.number().int().min(1).nullable(),
		anchorHash: sha256.nullable(),
		/** The first problem `log verify` reported. */
		problem: z.string().min(1).max(4000),
		/** The folder (beside the shards) the old files were moved into. */
		movedTo: z.string().min(1).max(500),
	}),
};

export const decisionEntrySchema = z.strictObject({...sealFields, ...decisionFields});
export const revocationEntrySchema = z.strictObject({...sealFields, ...revocationFields});
export const dispositionEntrySchema = z.strictObject({...sealFields, ...dispositionFields});
export const countersignEntrySchema = z.strictObject({...sealFields, ...countersignFields});
export const restartEntrySchema = z.strictObject({...sealFields, ...restartFields});
export const entrySchema = z.discriminatedUnion('kind', [
	decisionEntrySchema,
	revocationEntrySchema,
	dispositionEntrySchema,
	countersignEntrySchema,
	restartEntrySchema,
]);

export const entryDraftSchema = z.discriminatedUnion('kind', [
	z.strictObject(decisionFields),
	z.strictObject(revocationFields),
	z.strictObject(dispositionFields),
	z.strictObject(countersignFields),
	z.strictObject(restartFields),
]);

export type DecisionEntry = z.infer<typeof decisionEntrySchema>;
export type RevocationEntry = z.infer<typeof revocationEntrySchema>;
export type DispositionEntry = z.infer<typeof dispositionEntrySchema>;
export type CountersignEntry = z.infer<typeof countersignEntrySchema>;
export type RestartEntry = z.infer<typeof restartEntrySchema>;
export type LogEntry = z.infer<typeof entrySchema>;
export type EntryDraft = z.infer<typeof entryDraftSchema>;
export type DecisionDraft = Extract<EntryDraft, {kind: 'decision'}>;
export type RevocationDraft = Extract<EntryDraft, {kind: 'revocation'}>;
export type DispositionDraft = Extract<EntryDraft, {kind: 'disposition'}>;
export type CountersignDraft = Extract<EntryDraft, {kind: 'countersign'}>;
export type RestartDraft = Extract<EntryDraft, {kind: 'restart'}>;
/** Entries about one vendor: every kind but a chain restart. */
export type VendorEntry = Exclude<LogEntry, RestartEntry>;

/** JSON schema (draft 2020-12, as conf's ajv expects) of one stored entry. */
export function entryJsonSchema(): Record<string, unknown> {
	const {$schema: _ignored, ...schema} = z.toJSONSchema(entrySchema, {unrepresentable: 'any'}) as Record<string, unknown>;
	return schema;
}

export function isOutcome(value: string): value is Outcome {
	return (outcomes as readonly string[]).includes(value);
}

export function isReasonCode(value: string): value is ReasonCode {
	return (reasonCodes as readonly string[]).includes(value);
}
