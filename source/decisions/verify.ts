// Everything `log verify` checks, through the store interface only: the hash
// chain, the anchored head (a deleted tail), the countersigns (each names an
// earlier pending decision by someone else), the evidence files (present and
// unchanged), and a retention warning when the oldest entry is younger than the
// store's creation, a sign that history was dropped.
import {anchorProblem, verifyChain} from './chain.js';
import type {DecisionEntry, EvidenceRef, LogEntry, RestartEntry} from './model.js';
import {sameReviewer} from './status.js';
import type {DecisionStore, HeadAnchor} from './store-interface.js';

export type VerifyReport = {
	entries: number;
	/** The hash of the newest entry that verified. */
	head: string | null;
	anchor: HeadAnchor | null;
	/** Each problem makes the log fail verification; the first names the first bad entry. */
	problems: string[];
	/** Worth a look, but not a failure. */
	warnings: string[];
	countersigns: number;
	evidenceFiles: number;
	/** The entry that began this chain after a break, when it was started again. */
	restart: RestartEntry | null;
};

/** A day's slack: the store's creation time is the first append's, the oldest entry's own time a moment later. */
const creationSlackMs = 24 * 3_600_000;

export async function verifyStore(store: DecisionStore): Promise<VerifyReport> {
	// The store itself, in full: a shared store's local copy could hide a row edited since it was made.
	const entries = await store.read({fresh: true});
	const anchor = await store.anchor();
	const problems: string[] = [];
	const warnings: string[] = [];
	if (store.readOnlyReason) problems.push(store.readOnlyReason);
	const verdict = verifyChain(entries);
	if (!verdict.ok) {
		const seq = (entries[verdict.index] as {seq?: unknown} | undefined)?.seq;
		problems.push(
			`chain broken at entry ${verdict.index + 1} of ${entries.length}${typeof seq === 'number' ? ` (seq ${seq})` : ''}${verdict.entryId ? `, id ${verdict.entryId}` : ''}: ${verdict.problem}`,
		);
	}
	const anchorText = (await store.anchorProblem()) ?? anchorProblem(entries, anchor);
	if (anchorText) problems.push(`truncated or rewritten: ${anchorText}`);
	// The content checks below read fields, so they run only over entries whose shape verified.
	const checkable = verdict.ok ? entries : entries.slice(0, verdict.index);
	const misplaced = checkable.find(entry => entry.kind === 'restart' && entry.seq !== 1);
	if (misplaced) problems.push(`restart entry seq ${misplaced.seq}, id ${misplaced.id}: a restart can only begin a chain`);
	const countersignProblems = checkCountersigns(checkable);
	problems.push(...countersignProblems.problems);
	const evidence = await checkEvidence(store, checkable);
	problems.push(...evidence.problems);
	const createdAt = anchor?.createdAt;
	const oldest = entries[0]?.at;
	if (createdAt && oldest && Date.parse(oldest) - Date.parse(createdAt) > creationSlackMs) {
		warnings.push(
			`the oldest entry was written ${oldest}, but this store was created ${createdAt}: entries from before it may have been dropped (the log is never pruned)`,
		);
	}
	if (!anchor && entries.length > 0) {
		warnings.push(
			'no head anchor yet (the log was written by an older release): a deleted tail cannot be detected until the next decision writes one',
		);
	}
	return {
		entries: entries.length,
		head: verdict.ok ? verdict.head : null,
		anchor,
		problems,
		warnings,
		countersigns: countersignProblems.count,
		evidenceFiles: evidence.count,
		restart: checkable[0]?.kind === 'restart' ? checkable[0] : null,
	};
}

/** Every countersign names an earlier pending decision on the same vendor and record, by a different reviewer, once. */
export function checkCountersigns(entries: readonly LogEntry[]): {count: number; problems: string[]} {
	const byId = new Map(entries.map(entry => [entry.id, entry]));
	const signed = new Set<string>();
	const problems: string[] = [];
	let count = 0;
	for (const entry of entries) {
		if (entry.kind !== 'countersign') continue;
		count += 1;
		const target = byId.get(entry.countersigns);
		const where = `countersign seq ${entry.seq}, id ${entry.id}`;
		if (!target || target.seq >= entry.seq) problems.push(`${where}: names no earlier entry ${entry.countersigns}`);
		else if (target.kind !== 'decision' || target.signoff !== 'pending')
			problems.push(`${where}: entry seq ${target.seq} is not a decision pending sign-off`);
		else if (!countersignFits(entry, target)) problems.push(`${where}: does not match decision seq ${target.seq} (seq, vendor or record)`);
		else if (sameReviewer(entry.reviewer, target.reviewer))
			problems.push(`${where}: ${entry.reviewer} countersigned their own decision seq ${target.seq}`);
		else if (signed.has(target.id)) problems.push(`${where}: decision seq ${target.seq} was already countersigned`);
		else signed.add(target.id);
	}
	return {count, problems};
}

const countersignFits = (entry: Extract<LogEntry, {kind: 'countersign'}>, target: DecisionEntry) =>
	entry.countersignsSeq === target.seq && entry.vendorId === target.vendorId && entry.vendorFingerprint === target.basis.vendorFingerprint;

async function checkEvidence(store: DecisionStore, entries: readonly LogEntry[]): Promise<{count: number; problems: string[]}> {
	const seen = new Map<string, {ref: EvidenceRef; seq: number}>();
	for (const entry of entries)
		if (entry.kind === 'decision')
			for (const ref of entry.evidence ?? []) if (!seen.has(ref.sha256)) seen.set(ref.sha256, {ref, seq: entry.seq});
	const problems: string[] = [];
	for (const {ref, seq} of seen.values()) {
		const state = await store.evidence.check(ref);
		if (state !== 'ok') problems.push(`evidence "${ref.name}" of entry seq ${seq} (sha256 ${ref.sha256}) is ${state}`);
	}
	return {count: seen.size, problems};
}

/** Every evidence file the entries name, once each, in the order first named. */
export function evidenceOf(entries: readonly LogEntry[]): EvidenceRef[] {
	const seen = new Map<string, EvidenceRef>();
	for (const entry of entries)
		if (entry.kind === 'decision') for (const ref of entry.evidence ?? []) if (!seen.has(ref.sha256)) seen.set(ref.sha256, ref);
	return [...seen.values()];
}
