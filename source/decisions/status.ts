// Whether a vendor's decision still stands: pure, so the TUI and the commands agree.
import type {CountersignEntry, DecisionEntry, LogEntry, RevocationEntry} from './model.js';

export type DecisionState = 'none' | 'current' | 'stale' | 'due' | 'revoked' | 'pending';

export type DecisionStatus = {
	/** The decision in force: the latest decision for the vendor not cancelled by a revocation (pending or not). */
	decision: DecisionEntry | null;
	/** stale wins over pending and due: a changed record needs a new look whatever the calendar or the sign-off says. */
	state: DecisionState;
	stale: boolean;
	due: boolean;
	/** The decision waits for a second reviewer's countersign (and its record is unchanged). */
	pending: boolean;
	/** The countersign that made a pending decision stand, or null. */
	countersignedBy: CountersignEntry | null;
	/** The revocation that left the vendor without a decision (state 'revoked'). */
	revokedBy: RevocationEntry | null;
	message: string;
};

/** The vendor an entry is about; null for a chain restart, which is about the log itself. */
export const vendorIdOf = (entry: LogEntry): string | null => (entry.kind === 'restart' ? null : entry.vendorId);

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

/** Reviewer names compared as people mean them: case, spacing and compatibility forms do not make a second person. */
export function sameReviewer(a: string, b: string): boolean {
	const normal = (name: string) => name.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
	return normal(a) === normal(b);
}

/** The countersign that signs off `decision`: a later entry by a different reviewer on the same record, or null. */
export function countersignOf(entries: readonly LogEntry[], decision: DecisionEntry): CountersignEntry | null {
	for (const entry of entries) {
		if (
			entry.kind === 'countersign' &&
			entry.countersigns === decision.id &&
			entry.seq > decision.seq &&
			!sameReviewer(entry.reviewer, decision.reviewer) &&
			entry.vendorFingerprint === decision.basis.vendorFingerprint
		)
			return entry;
	}
	return null;
}

/**
 * The state of the vendor's decision on `asOf` (YYYY-MM-DD or a Date). Stale when
 * the record's fingerprint differs from the one decided on (which also clears a
 * pending decision: nobody may countersign what the record no longer is); pending
 * while a decision the policy sent for sign-off has no countersign; due from the
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
	const nothing = {decision: null, stale: false, due: false, pending: false, countersignedBy: null};
	if (!decision) {
		const revokedBy =
			[...entries].reverse().find((entry): entry is RevocationEntry => entry.kind === 'revocation' && entry.vendorId === vendorId) ?? null;
		return revokedBy
			? {...nothing, state: 'revoked', revokedBy, message: `revoked: last decision withdrawn ${revokedBy.at.slice(0, 10)}`}
			: {...nothing, state: 'none', revokedBy: null, message: 'no decision'};
	}
	const stale = decision.basis.vendorFingerprint !== currentFingerprint;
	const countersignedBy = decision.signoff === 'pending' ? countersignOf(entries, decision) : null;
	const pending = decision.signoff === 'pending' && !countersignedBy && !stale;
	const due = decision.reviewBy !== null && day >= decision.reviewBy;
	const base = {decision, stale, due, pending, countersignedBy, revokedBy: null};
	if (stale) {
		const cleared = decision.signoff === 'pending' && !countersignedBy ? '; its pending sign-off was cleared' : '';
		return {...base, state: 'stale', message: `stale: record changed since decision${cleared}`};
	}
	if (pending) return {...base, state: 'pending', message: `pending countersign: ${decision.outcome} by ${decision.reviewer}`};
	if (due) return {...base, state: 'due', message: `due: re-review was due ${decision.reviewBy}`};
	const signed = countersignedBy ? `, countersigned by ${countersignedBy.reviewer}` : '';
	return {
		...base,
		state: 'current',
		message: `${decision.outcome} (${decision.reason})${decision.reviewBy ? `, re-review by ${decision.reviewBy}` : ''}${signed}`,
	};
}
