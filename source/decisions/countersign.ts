// The second reviewer's sign-off: a countersign entry naming the pending decision.
// Checked under the writers' lock against the log as it stands, so two reviewers
// cannot countersign the same decision, and nobody countersigns a decision that
// was revoked, superseded or made on a record that has since changed.
import {OperationError, UserInputError} from '../errors/index.js';
import {sanitizeText} from '../text/index.js';
import type {DecisionContext} from './decide-vendor.js';
import type {CountersignEntry, DecisionEntry, LogEntry} from './model.js';
import {resolveReviewer} from './record.js';
import {countersignOf, currentDecision, sameReviewer} from './status.js';
import type {DecisionStore} from './store-interface.js';

/** The shortest id prefix `countersign` accepts: long enough that a typo does not hit another entry. */
const minimumPrefix = 8;

/** The entry an id (or an unambiguous prefix of at least 8 characters) names. */
export function findEntry(entries: readonly LogEntry[], reference: string): LogEntry {
	const wanted = reference.trim().toLowerCase();
	const exact = entries.find(entry => entry.id === wanted);
	if (exact) return exact;
	const shown = sanitizeText(reference);
	if (wanted.length < minimumPrefix)
		throw new UserInputError(`no entry with id "${shown}"; give the whole id, or its first ${minimumPrefix} characters`);
	const matches = entries.filter(entry => entry.id.startsWith(wanted));
	if (matches.length === 0) throw new UserInputError(`no entry with id "${shown}"; see vendor-risk queue or vendor-risk log export`);
	if (matches.length > 1)
		throw new UserInputError(`entry id "${shown}" is ambiguous (${matches.length} entries start with it); give more of it`);
	return matches[0]!;
}

/** Why `reviewer` may not countersign `target` now, or null when they may. */
export function countersignProblem(
	entries: readonly LogEntry[],
	target: LogEntry,
	reviewer: string,
	currentFingerprint: string | null,
): string | null {
	if (target.kind !== 'decision') return `entry #${target.seq} is a ${target.kind}, not a decision`;
	if (target.signoff !== 'pending') return `decision #${target.seq} did not ask for a second reviewer`;
	const decision: DecisionEntry = target;
	const signed = countersignOf(entries, decision);
	if (signed) return `decision #${decision.seq} was already countersigned by ${signed.reviewer} (entry #${signed.seq})`;
	if (sameReviewer(reviewer, decision.reviewer))
		return `${decision.reviewer} made decision #${decision.seq}; a countersign must come from a different reviewer`;
	if (currentDecision(entries, decision.vendorId)?.id !== decision.id)
		return `decision #${decision.seq} no longer stands for ${decision.vendorId} (revoked or superseded)`;
	if (currentFingerprint === null)
		return `vendor "${decision.vendorId}" is not in the records loaded now (give the same --inventory or --records as the decision)`;
	if (currentFingerprint !== decision.basis.vendorFingerprint)
		return `the record of ${decision.vendorId} changed since decision #${decision.seq}, which cleared it; decide again`;
	return null;
}

export type CountersignOptions = {reviewer?: string; rationale?: string | null; env?: NodeJS.ProcessEnv};

/** Appends the countersign of the pending decision `reference` names, or throws a one-line UserInputError. */
export async function countersign(
	store: DecisionStore,
	reference: string,
	context: Pick<DecisionContext, 'vendorExists' | 'fingerprintOf'>,
	options: CountersignOptions = {},
): Promise<{countersign: CountersignEntry; decision: DecisionEntry}> {
	if (store.readOnlyReason) throw new OperationError(store.readOnlyReason);
	const reviewer = options.reviewer ?? resolveReviewer(options.env ?? process.env);
	const rationale = sanitizeText(options.rationale?.trim() ?? '', {keepLayout: true}) || null;
	let decision: DecisionEntry | undefined;
	const [entry] = await store.appendWith(entries => {
		const target = findEntry(entries, reference);
		const vendorId = target.kind === 'decision' ? target.vendorId : null;
		const fingerprint = vendorId !== null && context.vendorExists(vendorId) ? context.fingerprintOf(vendorId) : null;
		const problem = countersignProblem(entries, target, reviewer, fingerprint);
		if (problem) throw new UserInputError(`cannot countersign: ${problem}`);
		decision = target as DecisionEntry;
		return {
			kind: 'countersign',
			reviewer,
			vendorId: decision.vendorId,
			countersigns: decision.id,
			countersignsSeq: decision.seq,
			vendorFingerprint: decision.basis.vendorFingerprint,
			rationale,
		};
	});
	return {countersign: entry as CountersignEntry, decision: decision!};
}
