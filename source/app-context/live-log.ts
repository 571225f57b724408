// The decision log as an open TUI holds it: the configured store (local or shared),
// its entries as a snapshot the next frame can read without waiting, teammates'
// entries as they arrive (LISTEN/NOTIFY on a shared store), and the words the
// status line needs: online or offline, and how many entries wait unsent; and the
// push that sends those entries (the outbox, as `vendor-risk log push` sends it).
import {
	isSharedStore,
	openStore,
	type DecisionStore,
	type LogEntry,
	type SendReport,
	type StoreChange,
	type StoreStatus,
} from '../decisions/index.js';
import {countOf} from '../text/index.js';

export type LiveLog = {
	/** The store every action writes through (decideVendor, recordDecision, revokeLast, recordDisposition, countersign). */
	readonly store: DecisionStore;
	/** The entries now, oldest first: what this process last read or wrote, and what teammates' notifications brought. */
	entries(): readonly LogEntry[];
	/** Ids of entries made here that wait in the outbox, unsent (none for a local log). */
	unsent(): ReadonlySet<string>;
	status(): StoreStatus;
	/** What the status line says about the log, or null when there is nothing to say (a local log). */
	statusLine(): string | null;
	/** Calls `onChange` with the new entries and status whenever teammates' entries arrive or the connection changes. */
	subscribe(onChange: (change: StoreChange) => void): () => void;
	/** Sends the outbox to the shared log; a push asked for while one runs is that push. */
	push(): Promise<PushOutcome>;
	close(): Promise<void>;
};

/**
 * What a push did: nothing for a local log; the outbox sent (what was sent, found there already,
 * refused, and what still waits); or nothing sent because the database still cannot be reached.
 */
export type PushOutcome =
	{kind: 'local'} | ({kind: 'pushed'} & SendReport & {remaining: number}) | {kind: 'offline'; problem: string; unsent: number};

/**
 * Opens the configured store and reads it once. A shared store opens from this machine's mirror
 * and meets its database in the background (status 'connecting', then online or offline, heard
 * through subscribe): the first frame with data never waits for the network.
 */
export async function openLiveLog(env: NodeJS.ProcessEnv = process.env): Promise<LiveLog> {
	const store = await openStore(env, {connect: 'background'});
	try {
		// A shared store's latest() is its mirror already; reading would wait for the database.
		if (!isSharedStore(store)) await store.read();
	} catch (error) {
		await store.close();
		throw error;
	}
	let pushing: Promise<PushOutcome> | undefined;
	return {
		store,
		push: () => (pushing ??= pushOutbox(store).finally(() => (pushing = undefined))),
		entries: () => store.latest(),
		unsent: () => (isSharedStore(store) ? store.unsentIds() : new Set()),
		status: () => store.status(),
		statusLine: () => storeStatusLine(store.status()),
		subscribe: onChange => store.subscribe(onChange),
		close: () => store.close(),
	};
}

/**
 * Only the outbox: importing a local conf log (the rest of `log push`) is a one-time move
 * with its own verification and progress, which belongs in a shell. An unreachable
 * database is an outcome, not an error: the entries stay in the outbox, unsent.
 */
async function pushOutbox(store: DecisionStore): Promise<PushOutcome> {
	if (!isSharedStore(store)) return {kind: 'local'};
	try {
		return {kind: 'pushed', ...(await store.pushOutbox())};
	} catch (error) {
		if (store.status().connection === 'online') throw error;
		return {kind: 'offline', problem: error instanceof Error ? error.message : String(error), unsent: store.unsentIds().size};
	}
}

/** The status line's words for a store: nothing for a local log; for a shared one, online or offline and the outbox. */
export function storeStatusLine(status: StoreStatus): string | null {
	if (status.kind === 'local') return status.problem;
	const unsent = status.outbox > 0 ? ` · ${countOf(status.outbox, 'entry', 'entries')} unsent: vendor-risk log push` : '';
	if (status.connection === 'online') {
		if (status.problem) return `shared log: ${status.problem}`;
		return `shared log online · ${countOf(status.entries, 'entry', 'entries')}${unsent}`;
	}
	if (status.connection === 'connecting')
		return `shared log connecting… · this machine's copy (${countOf(status.entries, 'entry', 'entries')})${unsent}`;
	const synced = status.lastSyncAt ? `, synced ${status.lastSyncAt.slice(0, 16).replace('T', ' ')} UTC` : '';
	return `shared log OFFLINE: read-only from this machine's copy (${countOf(status.entries, 'entry', 'entries')}${synced})${unsent}`;
}

/**
 * The status bar's forms of storeStatusLine, longest first, for a shared store (null for a local
 * log): the full line where the bar has room, then shorter ones that still say offline and unsent.
 */
export function storeStatusForms(status: StoreStatus): string[] | null {
	const full = storeStatusLine(status);
	if (status.kind === 'local' || full === null) return null;
	const unsent = status.outbox > 0 ? ` · ${status.outbox} unsent` : '';
	// Offline matters more than the rest of the bar: it keeps a form short enough for 80 columns beside the queue.
	if (status.connection === 'offline') return [full, `shared log OFFLINE${unsent}`, `OFFLINE${unsent}`];
	if (status.connection === 'connecting') return [full, `shared log connecting…${unsent}`, `connecting…${unsent}`];
	if (status.problem) return [full, 'shared log: see vendor-risk store status'];
	return [full, `shared log online${unsent}`];
}
