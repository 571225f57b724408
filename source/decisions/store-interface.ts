// The one interface every decision store implements: today the sharded conf log
// on this machine (store.ts), later a shared database. `decide`, `countersign`,
// `queue`, `log export` and `log verify` use only this, so they work the same on
// every store. Decisions, revocations, hit dispositions, countersigns and
// evidence metadata are all entries; evidence bytes sit beside them.
import type {EntryDraft, EvidenceRef, LogEntry} from './model.js';

/** The newest entry as recorded apart from the entries, so a deleted tail shows. */
export type HeadAnchor = {
	seq: number;
	hash: string;
	/** When the store was created: the retention check compares the oldest entry with it. */
	createdAt: string;
};

export type EvidenceCheck = 'ok' | 'missing' | 'changed';

export interface EvidenceStore {
	/** Copies the file in under its SHA-256 (once, however often it is attached) and says what to record. */
	put(file: string): Promise<EvidenceRef>;
	/** Whether the stored copy is there and still has its hash and size. */
	check(ref: EvidenceRef): Promise<EvidenceCheck>;
	/** Copies the stored bytes to `target` (a new file). */
	copyOut(ref: EvidenceRef, target: string): Promise<void>;
}

export interface DecisionStore {
	/** Where the log lives, for messages: a folder, or a database without its credentials. */
	readonly location: string;
	/** Why the store cannot be written (damage, another format), or null. */
	readonly readOnlyReason: string | null;
	/** Every readable entry, oldest first, as stored now. */
	read(): Promise<readonly LogEntry[]>;
	/**
	 * Appends entries built from the whole log as it stands under the writers' lock.
	 * Refuses (BrokenChainError) when the chain does not verify or ends before its anchored head.
	 */
	appendWith(build: (entries: readonly LogEntry[]) => EntryDraft | readonly EntryDraft[]): Promise<LogEntry[]>;
	/** The anchored head, or null when none was written yet (an empty log, or one from an older release). */
	anchor(): Promise<HeadAnchor | null>;
	/** A problem with the anchor itself (unreadable, edited), or null. */
	anchorProblem(): Promise<string | null>;
	readonly evidence: EvidenceStore;
	/** Files and folders of the app that no export may overwrite or land in. */
	ownedPaths(): readonly string[];
	/** Copies the raw store (what a restore puts back) into `folder`. */
	snapshotTo(folder: string): Promise<string[]>;
	/**
	 * Sets the whole log aside (kept, never deleted) and starts a new chain whose first
	 * entry, built from what was found and where it went, records the break.
	 */
	restartChain(build: (found: {entries: readonly LogEntry[]; anchor: HeadAnchor | null}, movedTo: string) => EntryDraft): Promise<LogEntry>;
}
