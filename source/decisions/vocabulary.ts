// The words of a decision (outcomes, reason codes, dispositions) without the
// schema library, so the TUI's decision form loads none of it on first paint.

export const outcomes = ['approve', 'approve-with-conditions', 'reject', 'escalate', 'defer'] as const;
export type Outcome = (typeof outcomes)[number];

/** One line each, shown by `vendor-risk decide --help` and the decision form. */
export const outcomeMeanings: Record<Outcome, string> = {
	approve: 'the vendor may be used',
	'approve-with-conditions': 'the vendor may be used only under the conditions in the rationale',
	reject: 'the vendor must not be used',
	escalate: 'needs a decision above the reviewer (legal, compliance, leadership)',
	defer: 'no decision yet; look again by the re-review date',
};

/** Outcomes whose meaning lives in the rationale: a bare "reject" cannot be audited or acted on. */
export const rationaleRequiredFor: readonly Outcome[] = ['reject', 'approve-with-conditions', 'escalate'];

export const reasonCodes = [
	'sanctioned-entity',
	'foreign-adversary-jurisdiction',
	'procurement-ban',
	'export-control',
	'ownership-or-control',
	'no-exposure',
	'replaced',
	'accepted-risk',
	'false-positive',
	'pending-information',
] as const;
export type ReasonCode = (typeof reasonCodes)[number];

export const reasonMeanings: Record<ReasonCode, string> = {
	'sanctioned-entity': 'the vendor or one of its entities is on a sanctions list',
	'foreign-adversary-jurisdiction': 'headquartered in or controlled from a foreign-adversary jurisdiction',
	'procurement-ban': 'a procurement prohibition (e.g. FAR/NDAA section 889) covers the vendor',
	'export-control': 'an export-control listing (e.g. Entity List) restricts dealings',
	// Added: restrictions often reach a vendor through its owners (OFAC 50% rule), not its own name.
	'ownership-or-control': 'owned or controlled by a restricted party',
	'no-exposure': 'no applicable restriction found for how the vendor is used',
	replaced: 'the vendor has been or is being replaced',
	'accepted-risk': 'a restriction applies but the risk is accepted (say by whom in the rationale)',
	'false-positive': 'the screening hit is not this vendor',
	// Added: the usual reason to defer or escalate is a missing fact, not a finding.
	'pending-information': 'waiting on information from the vendor, legal or procurement',
};

export const dispositions = ['confirmed-match', 'false-positive'] as const;
export type Disposition = (typeof dispositions)[number];

/**
 * The reason codes that fit each outcome, in the order a form offers them. A pair
 * outside this table contradicts itself (approve because sanctioned), so no
 * outcome offers every code and approve never offers a restriction as its reason.
 */
export const reasonsByOutcome: Record<Outcome, readonly ReasonCode[]> = {
	approve: ['no-exposure', 'false-positive', 'accepted-risk'],
	'approve-with-conditions': ['accepted-risk', 'no-exposure', 'false-positive', 'replaced', 'pending-information'],
	reject: ['sanctioned-entity', 'foreign-adversary-jurisdiction', 'procurement-ban', 'export-control', 'ownership-or-control', 'replaced'],
	escalate: [
		'sanctioned-entity',
		'foreign-adversary-jurisdiction',
		'procurement-ban',
		'export-control',
		'ownership-or-control',
		'accepted-risk',
		'pending-information',
	],
	defer: ['pending-information', 'replaced', 'false-positive'],
};

/** The reason codes a decision form offers for `outcome`; none until an outcome is chosen. */
export function reasonsFor(outcome: Outcome | null): readonly ReasonCode[] {
	return outcome ? reasonsByOutcome[outcome] : [];
}

/** Outcomes that let a vendor be used: on a vendor with an active restriction they need a rationale and a confirmation. */
export const permissiveOutcomes: readonly Outcome[] = ['approve', 'approve-with-conditions'];
