// A decision as a reviewer makes it, by every rule: the reason fits the outcome,
// a rationale and an explicit confirmation where the vendor is restricted, the
// re-review date from the vendor's tier, evidence copied in, and a second
// reviewer where the sign-off policy wants one. `decide` and the TUI both call this.
import {addDays} from '../dates/index.js';
import {OperationError, UserInputError} from '../errors/index.js';
import {sanitizeText} from '../text/index.js';
import {reviewDaysFor} from './cadence.js';
import type {DecisionEntry, EvidenceRef, SourceVersion} from './model.js';
import {checkDecisionRequest, resolveReviewer, settingsOf, type DecisionSettings} from './record.js';
import {decisionRequirements, parseSignoffPolicy, type DecisionRequirements, type RestrictionRef} from './rules.js';
import type {DecisionStore} from './store-interface.js';
import type {Outcome} from './vocabulary.js';

/** What `decide` needs to know about the records, supplied by the caller so decisions/ never loads them itself. */
export type DecisionContext = {
	vendorExists(id: string): boolean;
	/** fingerprintVendor() of the vendor's record and restrictions as they are now. */
	fingerprintOf(id: string): string;
	/** The versions of the sources the records came from. */
	sourceVersions(): SourceVersion[];
	/** Restrictions in force on the vendor today; none when not given. */
	activeRestrictionsOf?(id: string): RestrictionRef[];
	/** The vendor's risk tier (tierName of its criticality), or null. */
	tierOf?(id: string): string | null;
	/** The vendor's name as people know it; the id when not given. */
	nameOf?(id: string): string;
};

/** A decision that needs the reviewer to confirm a sentence first; `confirmation` is that sentence. */
export class ConfirmationNeededError extends UserInputError {
	constructor(readonly confirmation: string) {
		super(`confirmation needed: ${confirmation}`, {hint: 'confirm with --yes (or answer yes when asked in a terminal)'});
	}
}

export type VendorDecisionRequest = {
	vendorId: string;
	outcome: string;
	reason: string;
	rationale?: string | null;
	reviewBy?: string | null;
	/** The reviewer confirmed the confirmation sentence (--yes, or the form's confirm step). */
	confirmed?: boolean;
	/** Files to attach. */
	evidence?: readonly string[];
};

export type VendorDecisionOptions = {
	today: string;
	reviewer?: string;
	settings?: DecisionSettings;
	env?: NodeJS.ProcessEnv;
};

/** What the rules ask of this decision on this vendor: for a form (the reasons to offer, what to ask) and for `decide`. */
export function requirementsFor(
	vendorId: string,
	outcome: Outcome,
	context: DecisionContext,
	settings: Pick<DecisionSettings, 'signoff'>,
): DecisionRequirements {
	return decisionRequirements({
		outcome,
		vendorName: context.nameOf?.(vendorId) ?? vendorId,
		restrictions: context.activeRestrictionsOf?.(vendorId) ?? [],
		signoff: parseSignoffPolicy(settings.signoff),
	});
}

/** The default re-review date of an outcome for the vendor's tier, or null (no period: it stands until revoked). */
export function defaultReviewByFor(
	vendorId: string,
	outcome: Outcome,
	context: DecisionContext,
	settings: DecisionSettings,
	today: string,
) {
	const days = reviewDaysFor(context.tierOf?.(vendorId) ?? null, settings)[outcome];
	return days !== undefined && Number.isFinite(days) && days > 0 ? addDays(today, days) : null;
}

/**
 * Checks a request against every rule without writing anything; throws a one-line
 * UserInputError (ConfirmationNeededError when only the confirmation is missing).
 */
export function checkVendorDecision(
	request: VendorDecisionRequest,
	context: DecisionContext,
	options: VendorDecisionOptions & {settings: DecisionSettings},
): {requirements: DecisionRequirements; rationale: string | null; reviewBy: string | null; outcome: Outcome} {
	if (!context.vendorExists(request.vendorId))
		throw new UserInputError(`unknown vendor "${sanitizeText(request.vendorId)}"; see \`vendor-risk list vendors\` for vendor ids`);
	// Outcome, reason, its fit, and the rationale every such outcome needs; the re-review date is filled in below.
	const checked = checkDecisionRequest({...request, reviewBy: request.reviewBy || null}, {today: options.today, reviewDays: {}});
	const requirements = requirementsFor(request.vendorId, checked.outcome, context, options.settings);
	if (requirements.rationaleRequired && !checked.rationale)
		throw new UserInputError(`${requirements.rationaleRequired}: say why (--note "...")`);
	if (requirements.confirmation && !request.confirmed) throw new ConfirmationNeededError(requirements.confirmation);
	const reviewBy = checked.reviewBy ?? defaultReviewByFor(request.vendorId, checked.outcome, context, options.settings, options.today);
	return {requirements, rationale: checked.rationale, reviewBy, outcome: checked.outcome};
}

/** Records the decision; it is pending (not yet standing) when the sign-off policy wants a second reviewer. */
export async function decideVendor(
	store: DecisionStore,
	request: VendorDecisionRequest,
	context: DecisionContext,
	options: VendorDecisionOptions,
): Promise<DecisionEntry> {
	const env = options.env ?? process.env;
	const settings = options.settings ?? settingsOf(env);
	const checked = checkVendorDecision(request, context, {...options, settings});
	if (store.readOnlyReason) throw new OperationError(store.readOnlyReason);
	const evidence: EvidenceRef[] = [];
	for (const file of request.evidence ?? []) {
		const ref = await store.evidence.put(file);
		// The same bytes given twice are one piece of evidence.
		if (!evidence.some(known => known.sha256 === ref.sha256)) evidence.push(ref);
	}
	const reviewer = options.reviewer ?? resolveReviewer(env);
	const [entry] = await store.appendMany([
		{
			kind: 'decision',
			reviewer,
			vendorId: request.vendorId,
			outcome: checked.outcome,
			reason: request.reason as DecisionEntry['reason'],
			rationale: checked.rationale,
			reviewBy: checked.reviewBy,
			basis: {vendorFingerprint: context.fingerprintOf(request.vendorId), sources: [...context.sourceVersions()]},
			...(checked.requirements.countersignRequired ? {signoff: 'pending' as const} : {}),
			...(evidence.length ? {evidence} : {}),
		},
	]);
	return entry as DecisionEntry;
}
