// Joins the decision log to a run: each vendor's current decision for the
// tables, its history for the detail view, and the context `decide` needs.
import {
	bulkConfirmationText,
	countersignOf,
	countersignProblem,
	currentDecision,
	currentDecisionStatus,
	fingerprintVendor,
	requirementsFor,
	canonicalJson,
	tierName,
	type DecisionContext,
	type DecisionRequirements,
	type DecisionState,
	type DecisionStatus,
	type LogEntry,
	type Outcome,
	type RestrictionRef,
	type SourceVersion,
	vendorIdOf,
} from '../decisions/index.js';
import {sha256Hex} from '../text/index.js';
import {restrictionStatusOn} from '../records/index.js';
import type {DecisionSummary} from '../tables/index.js';
import type {DetailLine, DetailSection} from '../tables/index.js';
import type {RunContext} from './run-context.js';
import {countOf, displayText} from '../text/index.js';

export function decisionContextFor(context: RunContext): DecisionContext {
	const fingerprints = new Map<string, string>();
	let versions: SourceVersion[] | null = null;
	const tiers = new Map((context.inventory?.vendors ?? []).map(vendor => [vendor.id, tierName(vendor.criticality)]));
	return {
		vendorExists: id => context.catalog.vendorById.has(id),
		nameOf: id => context.catalog.vendorById.get(id)?.name ?? id,
		tierOf: id => tiers.get(id) ?? null,
		activeRestrictionsOf: id => activeRestrictions(context, id),
		fingerprintOf(id) {
			let fingerprint = fingerprints.get(id);
			if (!fingerprint) {
				fingerprint = fingerprintVendor(context.catalog.vendorById.get(id)!, context.catalog.restrictionsByVendor.get(id) ?? []);
				fingerprints.set(id, fingerprint);
			}
			return fingerprint;
		},
		sourceVersions() {
			// The records layers (embedded data, --records, feeds) by content, then fetched lists by their cache metadata.
			versions ??= [
				...context.layers.map(layer => ({
					sourceId: layer.name,
					fetchedAt: layer.document.asOf,
					contentHash: sha256Hex(canonicalJson(layer.document)),
				})),
				...context.sourceVersions.filter(version => !context.layers.some(layer => layer.name === version.sourceId)),
			];
			return versions;
		},
	};
}

/** The vendor's restrictions in force on the run's day, as a confirmation names them. */
export function activeRestrictions(context: RunContext, vendorId: string): RestrictionRef[] {
	return (context.catalog.restrictionsByVendor.get(vendorId) ?? [])
		.filter(restriction => restrictionStatusOn(restriction, context.asOf).status === 'active')
		.map(restriction => ({id: restriction.id, label: `${restriction.kind}: ${restriction.instrument}`}));
}

const stateLabels: Record<string, (outcome: string) => string> = {
	current: outcome => outcome,
	stale: outcome => `stale: ${outcome}`,
	due: outcome => `due: ${outcome}`,
	pending: outcome => `pending: ${outcome}`,
};

/** Why a vendor with this decision status is in the review queue, or null when its decision stands. */
export function decisionWhy(status: Pick<DecisionStatus, 'state' | 'decision'>): string | null {
	const whys: Record<DecisionState, string | null> = {
		none: 'no decision',
		current: null,
		stale: 'stale: record changed',
		due: `due ${status.decision?.reviewBy ?? ''}`.trim(),
		revoked: 'revoked',
		pending: 'pending countersign',
	};
	return whys[status.state];
}

/** `unsent`: ids of entries waiting in a shared store's outbox; a vendor with any of them has its label start "unsent: ". */
export function decisionSummaries(
	entries: readonly LogEntry[],
	context: RunContext,
	decisionContext: DecisionContext,
	unsent: ReadonlySet<string> = new Set(),
): (vendorId: string) => DecisionSummary | null {
	const decided = new Set(entries.map(vendorIdOf));
	const waiting = new Set(unsent.size ? entries.filter(entry => unsent.has(entry.id)).map(vendorIdOf) : []);
	const cache = new Map<string, DecisionSummary | null>();
	return vendorId => {
		if (!decided.has(vendorId) || !context.catalog.vendorById.has(vendorId)) return null;
		if (!cache.has(vendorId)) {
			const status = currentDecisionStatus(entries, vendorId, decisionContext.fingerprintOf(vendorId), context.asOf);
			const label = status.decision ? stateLabels[status.state]!(status.decision.outcome) : status.state === 'revoked' ? 'revoked' : '—';
			cache.set(vendorId, {
				// Made here while the shared log could not be reached: it stands for this reviewer, but nobody else sees it yet.
				// First, as stale: and pending: are, so a narrow Decision column still shows it.
				label: waiting.has(vendorId) ? `unsent: ${label}` : label,
				reviewBy: status.decision?.reviewBy ?? null,
				needsReview: status.state !== 'current',
				state: status.state,
				why: decisionWhy(status),
			});
		}
		return cache.get(vendorId)!;
	};
}

/** `unsent`: ids of entries waiting in a shared store's outbox (LiveLog.unsent()), marked as such. */
export function decisionHistory(
	entries: readonly LogEntry[],
	vendorId: string,
	context: RunContext,
	decisionContext: DecisionContext,
	unsent: ReadonlySet<string> = new Set(),
): DetailSection[] {
	const mine = entries.filter(entry => vendorIdOf(entry) === vendorId);
	if (mine.length === 0) return [{title: 'Decisions', lines: [{text: '  none yet: press d to decide'}]}];
	const status = context.catalog.vendorById.has(vendorId)
		? currentDecisionStatus(entries, vendorId, decisionContext.fingerprintOf(vendorId), context.asOf)
		: null;
	const lines: DetailLine[] = [];
	if (status) lines.push({text: `  now: ${status.message}`, tone: status.state === 'current' ? 'good' : 'warn'});
	for (const entry of [...mine].reverse()) {
		const when = `${entry.at.replace('T', ' ').slice(0, 16)}${unsent.has(entry.id) ? ' (unsent)' : ''}`;
		if (entry.kind === 'decision') {
			lines.push({
				text: `  ${when}  ${entry.outcome} (${entry.reason}) by ${entry.reviewer}${entry.reviewBy ? `, re-review by ${entry.reviewBy}` : ''}${entry.signoff ? ', sent for countersign' : ''}`,
			});
			if (entry.rationale) lines.push({text: `    “${entry.rationale}”`, tone: 'dim'});
			for (const ref of entry.evidence ?? [])
				lines.push({text: `    evidence: ${ref.name} (${ref.size} bytes, sha256 ${ref.sha256.slice(0, 12)}…)`, tone: 'dim'});
			if (entry.signoff) lines.push({text: `    entry id ${entry.id}`, tone: 'dim'});
		} else if (entry.kind === 'countersign') {
			lines.push({
				text: `  ${when}  countersigned by ${entry.reviewer} (decision #${entry.countersignsSeq})${entry.rationale ? `: ${entry.rationale}` : ''}`,
			});
		} else if (entry.kind === 'revocation') {
			lines.push({text: `  ${when}  undone by ${entry.reviewer}${entry.rationale ? `: ${entry.rationale}` : ''}`});
		} else if (entry.kind === 'disposition') {
			lines.push({
				text: `  ${when}  hit ${entry.hit.entryId}: ${entry.disposition} by ${entry.reviewer}${entry.rationale ? ` — ${entry.rationale}` : ''}`,
			});
		}
	}
	// Entries written by older versions (or by hand) may hold anything: shown inert, nothing hidden.
	const shown = lines.map(line => ({...line, text: displayText(line.text)}));
	return [{title: `Decisions (${countOf(mine.length, 'entry', 'entries')})`, lines: shown}];
}

/** What a decision form needs for the vendors it decides on: the reasons to offer and what to ask before saving. */
export type DecisionFormCheck = DecisionRequirements & {
	/** One confirmation sentence per restricted vendor approved (each names the restrictions). */
	confirmations: string[];
	/** How many and which vendors, when the decision is on more than one; null for one vendor. */
	bulkConfirmation: string | null;
	/** The vendors whose decision will be pending until a second reviewer countersigns it. */
	countersignFor: string[];
};

/**
 * The rules of the decision form for `vendorIds` and `outcome` (null until one is chosen):
 * the TUI asks this before it saves, and saves through decideVendor, which applies the same rules.
 */
export function decisionFormCheck(
	vendorIds: readonly string[],
	outcome: Outcome | null,
	decisionContext: DecisionContext,
	settings: {signoff: string},
): DecisionFormCheck | null {
	if (!outcome || vendorIds.length === 0) return null;
	const each = vendorIds.map(id => ({id, requirements: requirementsFor(id, outcome, decisionContext, settings)}));
	const names = vendorIds.map(id => decisionContext.nameOf?.(id) ?? id);
	return {
		reasons: each[0]!.requirements.reasons,
		rationaleRequired: each.map(item => item.requirements.rationaleRequired).find(Boolean) ?? null,
		confirmation: each.map(item => item.requirements.confirmation).find(Boolean) ?? null,
		countersignRequired: each.some(item => item.requirements.countersignRequired),
		confirmations: each.flatMap(item => (item.requirements.confirmation ? [item.requirements.confirmation] : [])),
		bulkConfirmation: vendorIds.length > 1 ? bulkConfirmationText(outcome, names) : null,
		countersignFor: each.filter(item => item.requirements.countersignRequired).map(item => item.id),
	};
}

/** A vendor's decision that waits for a second reviewer, and why `reviewer` may not sign it off (null: they may). */
export type PendingCountersign = {entryId: string; seq: number; outcome: string; decidedBy: string; problem: string | null};

/**
 * The vendor's standing decision if the sign-off policy sent it to a second reviewer
 * and nobody has countersigned it yet; null otherwise. A decision whose record has
 * changed since is still named, with the reason it can no longer be signed off.
 */
export function pendingCountersign(
	entries: readonly LogEntry[],
	vendorId: string,
	decisionContext: DecisionContext,
	reviewer: string,
): PendingCountersign | null {
	const decision = currentDecision(entries, vendorId);
	if (!decision || decision.signoff !== 'pending' || countersignOf(entries, decision)) return null;
	const fingerprint = decisionContext.vendorExists(vendorId) ? decisionContext.fingerprintOf(vendorId) : null;
	return {
		entryId: decision.id,
		seq: decision.seq,
		outcome: decision.outcome,
		decidedBy: decision.reviewer,
		problem: countersignProblem(entries, decision, reviewer, fingerprint),
	};
}
