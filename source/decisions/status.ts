// Whether a vendor's decision still stands: pure, so the TUI and the commands agree.
import type {DecisionEntry, LogEntry, RevocationEntry} from './model.js';

export type DecisionState = 'none' | 'current' | 'stale' | 'due' | 'revoked';

export type DecisionStatus = {
	/** The decision in force: the latest decision for the vendor not cancelled by a revocation. */
	decision: DecisionEntry | null;
	/** stale wins over due: a changed record needs a new look whatever the calendar says. */
	state: DecisionState;
	stale: boolean;
	due: boolean;
	/** The revocation that left the vendor without a decision (state 'revoked'). */
	revokedBy: RevocationEntry | null;
	message: string;
};

/** The latest decision for the vendor that no revocation cancels, or null. */
export function currentDecision(entries: readonly LogEntry[], vendorId: string): DecisionEntry | null {
	const revoked = new Set<string>();
	for (const entry of entries) if (entry.kind === 'revocation' && entry.vendorId === vendorId) revoked.add(entry.revokes);
	for (let index = entries.length - 1; index >= 0; index--) {
		const entry = entries[index]!;
		if (entry.kind === 'decision' && entry.vendorId === vendorId && !revoked.has(entry.id)) return entry;
	}
	return null;
}

/**
 * The state of the vendor's decision on `asOf` (YYYY-MM-DD or a Date). Stale when
 * the record's fingerprint differs from the one decided on; due from the
 * re-review date on (a decision due on 1 March is due on 1 March).
 */
export function currentDecisionStatus(
	entries: readonly LogEntry[],
	vendorId: string,
	currentFingerprint: string,
	asOf: string | Date,
): DecisionStatus {
	const day = typeof asOf === 'string' ? asOf.slice(0, 10) : asOf.toISOString().slice(0, 10);
	const decision = currentDecision(entries, vendorId);
	if (!decision) {
		const revokedBy =
			[...entries].reverse().find((entry): entry is RevocationEntry => entry.kind === 'revocation' && entry.vendorId === vendorId) ?? null;
		return revokedBy
			? {
					decision: null,
					state: 'revoked',
					stale: false,
					due: false,
					revokedBy,
					message: `revoked: last decision withdrawn ${revokedBy.at.slice(0, 10)}`,
				}
			: {decision: null, state: 'none', stale: false, due: false, revokedBy: null, message: 'no decision'};
	}
	const stale = decision.basis.vendorFingerprint !== currentFingerprint;
	const due = decision.reviewBy !== null && day >= decision.reviewBy;
	const base = {decision, stale, due, revokedBy: null};
	if (stale) return {...base, state: 'stale', message: 'stale: record changed since decision'};
	if (due) return {...base, state: 'due', message: `due: re-review was due ${decision.reviewBy}`};
	return {
		...base,
		state: 'current',
		message: `${decision.outcome} (${decision.reason})${decision.reviewBy ? `, re-review by ${decision.reviewBy}` : ''}`,
	};
}
