// Moving entries written elsewhere (a local conf log, the outbox) onto the shared
// chain: each keeps its id, time, reviewer and content, and gets the next seq and
// prevHash of the shared log and so a new hash. Revocations and countersigns name
// their target by id and seq; the seq is the target's seq in the shared log.
// Whether a countersign may still be sent is checked against the shared log too:
// someone else may have countersigned the same decision meanwhile.
import {sealEntry} from '../chain.js';
import type {EntryDraft, LogEntry} from '../model.js';
import {countersignOf, sameReviewer} from '../status.js';

export type ChainHead = {seq: number; hash: string};

/** The entry's content without its place in a chain. */
export function draftOf(entry: LogEntry): EntryDraft & {id: string; at: string} {
	const {seq: _seq, prevHash: _prevHash, hash: _hash, ...content} = entry;
	return content;
}

/** `entries` sealed one after another on top of `head`; `seqOf` gives the shared seq of an entry id (and learns the new ones). */
export function rechain(entries: readonly LogEntry[], head: ChainHead, seqOf: Map<string, number>): LogEntry[] {
	const result: LogEntry[] = [];
	let previous = head;
	for (const entry of entries) {
		const {id, at, ...draft} = draftOf(entry);
		const moved = retarget(draft, seqOf);
		const sealed = sealEntry(moved, {seq: previous.seq + 1, id, at, prevHash: previous.hash});
		seqOf.set(id, sealed.seq);
		result.push(sealed);
		previous = sealed;
	}
	return result;
}

function retarget(draft: EntryDraft, seqOf: ReadonlyMap<string, number>): EntryDraft {
	if (draft.kind === 'revocation') return {...draft, revokesSeq: seqOf.get(draft.revokes) ?? draft.revokesSeq};
	if (draft.kind === 'countersign') return {...draft, countersignsSeq: seqOf.get(draft.countersigns) ?? draft.countersignsSeq};
	return draft;
}

/** Why `candidate` (already on the shared chain after `entries()`) cannot be sent, or null. */
export function sendProblem(candidate: LogEntry, byId: ReadonlyMap<string, LogEntry>, entries: () => readonly LogEntry[]): string | null {
	if (candidate.kind === 'restart') return 'a chain restart describes the log it began and cannot move into another one';
	if (candidate.kind !== 'countersign') return null;
	const target = byId.get(candidate.countersigns);
	if (!target) return `countersigns entry ${candidate.countersigns}, which is not in the shared log`;
	if (target.kind !== 'decision' || target.signoff !== 'pending') return `entry #${target.seq} is not a decision pending sign-off`;
	if (sameReviewer(target.reviewer, candidate.reviewer)) return `${candidate.reviewer} made decision #${target.seq}`;
	if (target.basis.vendorFingerprint !== candidate.vendorFingerprint) return `decision #${target.seq} was made on another record`;
	const signed = countersignOf(entries(), target);
	if (signed) return `decision #${target.seq} was countersigned by ${signed.reviewer} meanwhile (entry #${signed.seq})`;
	return null;
}
