// The one interface every decision store implements: the sharded conf log on
// this machine (store.ts) and a team's shared PostgreSQL log (postgres/). `decide`, `countersign`,
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

/** Where the store stands now, for a status line and `store status`. */
export type StoreStatus = {
	/** local: the conf log on this machine; shared: a team's database. */
	kind: 'local' | 'postgres';
	/**
	 * A local log is always online; a shared one is offline while its database cannot be reached,
	 * and connecting while a store opened from its mirror (a TUI's) meets its database for the first time.
	 */
	connection: 'online' | 'connecting' | 'offline';
	/** Where the log lives, without credentials. */
	location: string;
	/** Entries of the log this process has read (the shared log's, without the outbox). */
	entries: number;
	/** Entries made while offline (or since), kept on this machine until `vendor-risk log push`. */
	outbox: number;
	/** When this process last read the shared log from its database (ISO time), or null. */
	lastSyncAt: string | null;
	/** Why the database cannot be reached, or what is wrong with it, in one line; null when all is well. */
	problem: string | null;
};

/** What a subscriber hears: the entries now (as `latest()` gives them), those new since last time, and the status. */
export type StoreChange = {entries: readonly LogEntry[]; added: readonly LogEntry[]; status: StoreStatus};

export type ReadOptions = {
	/**
	 * The store's own content, read in full from it now: no local copy, no unsent outbox entries.
	 * `log verify` and `log export` read this way; a shared store that cannot be reached throws.
	 */
	fresh?: boolean;
};

export interface DecisionStore {
	/** Where the log lives, for messages: a folder, or a database without its credentials. */
	readonly location: string;
	/** Why the store cannot be written (damage, another format), or null. */
	readonly readOnlyReason: string | null;
	/** Every readable entry, oldest first, as stored now; a shared store's unsent outbox entries follow its own. */
	read(options?: ReadOptions): Promise<readonly LogEntry[]>;
	/** The entries as this process last read or wrote them, without waiting on anything (a TUI's next frame). */
	latest(): readonly LogEntry[];
	/** Online or offline, entries, unsent outbox entries. */
	status(): StoreStatus;
	/**
	 * Calls `listener` whenever other reviewers' entries arrive or the status changes (a shared
	 * store listens to its database); returns the unsubscribe. A local log has no other writers to hear.
	 */
	subscribe(listener: (change: StoreChange) => void): () => void;
	/** Lets go of connections and listeners; the store is not used afterwards. */
	close(): Promise<void>;
	/**
	 * Appends entries built from the whole log as it stands under the writers' lock.
	 * Refuses (BrokenChainError) when the chain does not verify or ends before its anchored head.
	 */
	appendWith(build: (entries: readonly LogEntry[]) => EntryDraft | readonly EntryDraft[]): Promise<LogEntry[]>;
	/**
	 * Appends entries whose content does not depend on the log (a decision, a disposition): a shared
	 * store chains them in the database in one statement, so the writers' lock waits on no round trip.
	 */
	appendMany(drafts: readonly EntryDraft[]): Promise<LogEntry[]>;
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

/** What sending entries to a shared store did. */
export type SendReport = {
	sent: number;
	/** Entries whose origin hash the shared log holds already (a push run again, or interrupted). */
	alreadyThere: number;
	/** Entries that could not be sent, each with the reason. */
	refused: Array<{entry: LogEntry; reason: string; at: string}>;
};

/** A team's store in a database: an outbox for entries made offline, and a way to send entries made elsewhere. */
export interface SharedDecisionStore extends DecisionStore {
	/** Ids of the entries `latest()` shows that wait in the outbox. */
	unsentIds(): ReadonlySet<string>;
	/** Sends the outbox; what was sent, found there already or refused leaves it. */
	pushOutbox(): Promise<SendReport & {remaining: number}>;
	/** Sends entries of another chain (a local log), keeping their ids, times and reviewers; evidence comes from `evidenceFolders`. */
	send(entries: readonly LogEntry[], evidenceFolders: readonly string[]): Promise<SendReport>;
}

export function isSharedStore(store: DecisionStore): store is SharedDecisionStore {
	return store.status().kind === 'postgres';
}
