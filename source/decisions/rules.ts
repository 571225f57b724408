// The rules of a safe decision, shared by `decide` and the TUI's decision form:
// which reasons fit an outcome, when a rationale, an explicit confirmation or a
// second reviewer is needed. Pure, and free of the schema library, so the form
// can ask before anything is written.
import {outcomes, permissiveOutcomes, rationaleRequiredFor, reasonsByOutcome, type Outcome, type ReasonCode} from './vocabulary.js';

/** A restriction in force on the vendor, as a confirmation names it. */
export type RestrictionRef = {id: string; label: string};

/** One sign-off rule: decisions with this outcome need a second reviewer, always or only on a restricted vendor. */
export type SignoffRule = {outcome: Outcome; when: 'always' | 'restricted'};

export const signoffPolicyHelp = 'comma-separated OUTCOME or OUTCOME:restricted (e.g. "reject:restricted,approve:restricted"), or none';

/** Parses `config set signoff …`; throws Error with one line naming the bad term. */
export function parseSignoffPolicy(text: string): SignoffRule[] {
	const trimmed = text.trim();
	if (trimmed === '' || trimmed === 'none') return [];
	return trimmed.split(',').map(term => {
		const [outcome = '', when, extra] = term.trim().split(':');
		if (!(outcomes as readonly string[]).includes(outcome) || extra !== undefined || (when !== undefined && when !== 'restricted')) {
			throw new Error(`"${term.trim()}" is not a sign-off rule; use ${signoffPolicyHelp}`);
		}
		return {outcome: outcome as Outcome, when: when === 'restricted' ? 'restricted' : 'always'};
	});
}

export function formatSignoffPolicy(rules: readonly SignoffRule[]): string {
	return rules.length ? rules.map(rule => (rule.when === 'restricted' ? `${rule.outcome}:restricted` : rule.outcome)).join(',') : 'none';
}

export type DecisionRequirements = {
	/** The reasons to offer, in order; a reason outside them is refused. */
	reasons: readonly ReasonCode[];
	/** A rationale must be given, and why (one line), or null. */
	rationaleRequired: string | null;
	/** The sentence the reviewer must confirm, naming the restrictions, or null when no confirmation is needed. */
	confirmation: string | null;
	/** The policy wants a second reviewer: the decision is recorded pending until countersigned. */
	countersignRequired: boolean;
};

export type RequirementInput = {
	outcome: Outcome;
	/** The vendor as people know it, for the confirmation. */
	vendorName: string;
	/** Restrictions in force on the vendor today. */
	restrictions: readonly RestrictionRef[];
	signoff: readonly SignoffRule[];
};

/** What a decision with this outcome on this vendor needs before it may be recorded. */
export function decisionRequirements(input: RequirementInput): DecisionRequirements {
	const restricted = input.restrictions.length > 0;
	const permissive = permissiveOutcomes.includes(input.outcome);
	let rationaleRequired: string | null = null;
	if (permissive && restricted)
		rationaleRequired = `${input.outcome} of a vendor with ${restrictionCount(input.restrictions)} needs a rationale`;
	else if (rationaleRequiredFor.includes(input.outcome)) rationaleRequired = `a rationale is required for ${input.outcome}`;
	return {
		reasons: reasonsByOutcome[input.outcome],
		rationaleRequired,
		confirmation: permissive && restricted ? confirmationText(input.outcome, input.vendorName, input.restrictions) : null,
		countersignRequired: input.signoff.some(rule => rule.outcome === input.outcome && (rule.when === 'always' || restricted)),
	};
}

/** "approve Kaspersky despite 2 active restrictions: A; B" — what the reviewer confirms, in full. */
export function confirmationText(outcome: Outcome, vendorName: string, restrictions: readonly RestrictionRef[]): string {
	const shown = restrictions.slice(0, 5).map(restriction => restriction.label);
	const more = restrictions.length > shown.length ? `; and ${restrictions.length - shown.length} more` : '';
	return `${outcome} ${vendorName} despite ${restrictionCount(restrictions)}: ${shown.join('; ')}${more}`;
}

/** The problem with a reason for an outcome, or null when it fits. */
export function reasonProblem(outcome: Outcome, reason: ReasonCode): string | null {
	const fitting = reasonsByOutcome[outcome];
	return fitting.includes(reason) ? null : `reason "${reason}" does not fit ${outcome}; ${outcome} takes: ${fitting.join(', ')}`;
}

/** The confirmation of a decision on several vendors at once: how many, and which (the first ten by name). */
export function bulkConfirmationText(outcome: Outcome, vendorNames: readonly string[]): string {
	const shown = vendorNames.slice(0, 10);
	const more = vendorNames.length > shown.length ? ` and ${vendorNames.length - shown.length} more` : '';
	return `${outcome} ${vendorNames.length} vendors: ${shown.join(', ')}${more}?`;
}

const restrictionCount = (restrictions: readonly RestrictionRef[]) =>
	`${restrictions.length} active restriction${restrictions.length === 1 ? '' : 's'}`;
