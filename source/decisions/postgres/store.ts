// A team's shared decision log in PostgreSQL, behind the same DecisionStore
// interface as the local conf log.
//
// Writers serialise on a transaction-level advisory lock. Entries built without
// the log (decisions, dispositions: appendMany) take one statement, append_entries:
// the database takes the lock, fills the head into each entry's canonical text,
// hashes and inserts it, and returns the rows from this process's head on, which are
// verified here like any read; the lock waits on no round trip, only on the commit's
// WAL flush. Entries built from the log (revocations, countersigns: appendWith) take
// the lock and read the rows added since this process last looked, are built on the
// log as it stands, then inserted with the commit: two round trips under the lock.
// The database checks again that each row extends the chain (migrations.ts), so even
// a client that skipped the lock could not fork it.
//
// Reads are incremental: the verified shared log is mirrored on this machine
// (local-copy.ts), and each read fetches only the rows past the mirror's head, after
// checking that the database still has that head. Opening a large log therefore
// costs a file read, not a fetch and a re-verification of every row; `log verify`
// and `log export` read the database in full (`read({fresh: true})`).
//
// Offline: when the database cannot be reached, reads come from the mirror and new
// entries go to the outbox, chained provisionally after it; while the outbox holds
// anything, new entries join it (so they reach the shared log in the order they were
// made) until `vendor-risk log push` sends them. A commit whose outcome is unknown
// (the connection broke during COMMIT) puts its entries in the outbox too: the push
// is idempotent by each entry's origin hash, so nothing is lost or sent twice.
import {randomUUID} from 'node:crypto';
import {mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import pg, {type PoolClient} from 'pg';
import {appPaths} from '../../app-home/index.js';
import {OperationError, UserInputError} from '../../errors/index.js';
import {sealEntry, verifyChain} from '../chain.js';
import {genesisHash, type EntryDraft, type EvidenceRef, type LogEntry} from '../model.js';
import type {
	EvidenceCheck,
	EvidenceStore,
	HeadAnchor,
	ReadOptions,
	SendReport,
	SharedDecisionStore,
	StoreChange,
	StoreStatus,
} from '../store-interface.js';
import {BrokenChainError, checkDraft, DecisionLogReadOnlyError} from '../store.js';
import {
	clientConfig,
	ClosingClient,
	describeFailure,
	isUnreachable,
	MissingPasswordError,
	storeFailure,
	type ConnectionTarget,
} from './connection.js';
import {LocalCopy, localCopyFolder, type OutboxRefusal} from './local-copy.js';
import {headMovedState, notifyChannel, schemaName, schemaVersion} from './migrations.js';
import {chainTemplate} from './chain-template.js';
import {rechain, sendProblem, type ChainHead} from './rechain.js';

/** The advisory lock every writer of the shared log takes (two keys: 'vris' and 1). */
const chainLock = 'pg_advisory_xact_lock(1987209587, 1)';
const entriesTable = `${schemaName}.entries`;

export type PostgresStoreOptions = {
	url: URL;
	display: string;
	env: NodeJS.ProcessEnv;
	now?: () => Date;
	/**
	 * 'wait' (commands): open() meets the database before it returns. 'background' (the TUI):
	 * open() returns once this machine's mirror is read, and the store connects meanwhile, so
	 * a database that does not answer costs no first frame its connect timeout.
	 */
	connect?: 'wait' | 'background';
};

/** The commit's outcome is unknown (the connection broke during COMMIT): the entries may or may not be in the database. */
class UnknownOutcomeError extends Error {
	constructor(
		readonly entries: LogEntry[],
		readonly reason: unknown,
	) {
		super('the connection broke while committing');
	}
}

type Row = {seq: string; entry: string};
type FullRow = Row & {id: string; hash: string; prev_hash: string};

export async function openPostgresStore(options: PostgresStoreOptions): Promise<PostgresStore> {
	const store = new PostgresStore(options);
	try {
		if (options.connect === 'background') store.openInBackground();
		else await store.open();
	} catch (error) {
		// A half-open pool would keep the process alive after the error is reported.
		await store.close();
		throw error;
	}
	return store;
}

export class PostgresStore implements SharedDecisionStore {
	readonly location: string;
	readonly evidence: EvidenceStore;
	readonly local: LocalCopy;
	readonly #env: NodeJS.ProcessEnv;
	readonly #config: ReturnType<typeof clientConfig>;
	readonly #now: () => Date;
	#pool: pg.Pool | null = null;
	/** The shared log as this process has verified it, oldest first. */
	#shared: LogEntry[] = [];
	/** The outbox as stored (each entry sealed where it was made). */
	#outbox: LogEntry[] = [];
	#view: {entries: readonly LogEntry[]; unsent: ReadonlySet<string>} | null = null;
	#online = false;
	/** The first meeting with the database, while a store opened in the background has not had it yet. */
	#connecting: Promise<void> | null = null;
	#problem: string | null = null;
	#lastSyncAt: string | null = null;
	#retryAt = 0;
	#backoffMs = 0;
	/** The database no longer holds what this machine verified, or its new rows do not verify: nothing is built on it. */
	#divergence: string | null = null;
	/** Rows whose columns disagree with their entry, found by the last full read. */
	#rowProblems: string[] = [];
	#readOnlyReason: string | null = null;
	#queue: Promise<unknown> = Promise.resolve();
	#listeners = new Set<(change: StoreChange) => void>();
	#listening: {client: pg.Client | null; timer: NodeJS.Timeout | null; delayMs: number; stopped: boolean} | null = null;
	#refreshing = false;
	#refreshAgain = false;
	#closed = false;

	constructor(options: PostgresStoreOptions) {
		this.location = options.display;
		this.#env = options.env;
		this.#config = clientConfig(options.url, options.env);
		this.#now = options.now ?? (() => new Date());
		this.local = new LocalCopy(localCopyFolder(appPaths(options.env).data, options.display), options.display);
		this.evidence = this.#evidenceStore();
	}

	get readOnlyReason(): string | null {
		return this.#readOnlyReason;
	}

	get target(): ConnectionTarget {
		return this.#config;
	}

	/** Loads the mirror and the outbox, then meets the database: its schema, and the rows past the mirror. */
	async open(): Promise<void> {
		this.#shared = this.local.readMirror();
		this.#outbox = this.local.readOutbox();
		await this.#meetDatabase();
	}

	/**
	 * Loads the mirror and the outbox, and meets the database meanwhile: status() says 'connecting'
	 * until it answers or fails, and subscribers hear which. Reads and appends wait for the meeting.
	 * A database that answers but cannot be used (no schema, no right to read) leaves the store
	 * read-only with the reason, where open() would have thrown it.
	 */
	openInBackground(): void {
		this.#shared = this.local.readMirror();
		this.#outbox = this.local.readOutbox();
		const before = this.#shared.length;
		this.#connecting = this.#meetDatabase()
			.catch((error: unknown) => {
				const reason = error instanceof Error ? error.message : String(error);
				this.#readOnlyReason ??= reason;
				this.#problem = reason;
				this.#retryAt = Number.POSITIVE_INFINITY;
			})
			.finally(() => {
				this.#connecting = null;
				this.#view = null;
				this.#emit(this.#shared.slice(before));
			});
	}

	async #meetDatabase(): Promise<void> {
		await this.#tryOnline(async client => {
			await this.#checkSchema(client);
			await this.#sync(client);
		});
	}

	async read(options: ReadOptions = {}): Promise<readonly LogEntry[]> {
		await this.#connecting;
		if (options.fresh) return this.#readFresh();
		if (this.#mayConnect()) await this.#tryOnline(client => this.#sync(client));
		else this.#outbox = this.local.readOutbox();
		return this.latest();
	}

	latest(): readonly LogEntry[] {
		return this.#currentView().entries;
	}

	/** Ids of the entries `latest()` shows that wait in the outbox, unsent. */
	unsentIds(): ReadonlySet<string> {
		return this.#currentView().unsent;
	}

	status(): StoreStatus {
		return {
			kind: 'postgres',
			connection: this.#online ? 'online' : this.#connecting ? 'connecting' : 'offline',
			location: this.location,
			entries: this.#shared.length,
			outbox: this.#currentView().unsent.size,
			lastSyncAt: this.#lastSyncAt,
			problem: this.#divergence ?? this.#problem,
		};
	}

	async appendWith(build: (entries: readonly LogEntry[]) => EntryDraft | readonly EntryDraft[]): Promise<LogEntry[]> {
		return this.#appendOnlineOrKeep(build, () => this.#appendShared(build));
	}

	/** Entries built without the log are chained by the database: one statement, no round trip while the lock is held. */
	async appendMany(drafts: readonly EntryDraft[]): Promise<LogEntry[]> {
		return this.#appendOnlineOrKeep(
			() => drafts,
			() => this.#appendChained(drafts),
		);
	}

	/** Appends through `online` when the database answers and the outbox is empty, or keeps `build`'s entries in the outbox. */
	async #appendOnlineOrKeep(
		build: (entries: readonly LogEntry[]) => EntryDraft | readonly EntryDraft[],
		online: () => Promise<LogEntry[]>,
	): Promise<LogEntry[]> {
		await this.#connecting;
		if (this.#readOnlyReason) throw new DecisionLogReadOnlyError(`cannot append: ${this.#readOnlyReason}`);
		this.#outbox = this.local.readOutbox();
		if (this.#currentView().unsent.size === 0 && this.#mayConnect()) {
			try {
				const written = await this.#exclusive(online);
				this.#emit(written);
				return written;
			} catch (error) {
				if (error instanceof UnknownOutcomeError) {
					this.#goOffline(error.reason);
					await this.local.addToOutbox(() => error.entries);
					this.#outbox = this.local.readOutbox();
					this.#view = null;
					this.#emit(error.entries);
					return error.entries;
				}
				if (!isUnreachable(error)) throw this.#failure('cannot write to the shared log', error);
				this.#goOffline(error);
			}
		}
		const added = await this.#appendOutbox(build);
		this.#emit(added);
		return added;
	}

	async anchor(): Promise<HeadAnchor | null> {
		const rows = await this.#query<{seq: string; hash: string; created_at: Date | null}>(
			'cannot read the head of the shared log',
			`SELECT seq, hash, created_at FROM ${schemaName}.head`,
		);
		const head = rows[0];
		if (!head || Number(head.seq) === 0) return null;
		return {seq: Number(head.seq), hash: head.hash, createdAt: (head.created_at ?? new Date(0)).toISOString()};
	}

	async anchorProblem(): Promise<string | null> {
		const problems = [...(this.#divergence ? [this.#divergence] : []), ...this.#rowProblems];
		return problems.length ? problems.join('; ') : null;
	}

	ownedPaths(): readonly string[] {
		const paths = appPaths(this.#env);
		return [paths.data, paths.config, paths.cache];
	}

	/** The table as it stands (every column of every row) and its head, as JSON: what an auditor compares with a backup. */
	async snapshotTo(folder: string): Promise<string[]> {
		mkdirSync(folder, {recursive: true, mode: 0o700});
		const rows = await this.#query<Record<string, unknown>>(
			'cannot copy the shared log',
			`SELECT seq, id, hash, prev_hash, origin_hash, entry, recorded_at, recorded_by FROM ${entriesTable} ORDER BY seq`,
		);
		const entriesFile = join(folder, 'entries.jsonl');
		writeFileSync(entriesFile, rows.map(row => `${JSON.stringify(row)}\n`).join(''), {mode: 0o600, flag: 'wx'});
		const headFile = join(folder, 'head.json');
		writeFileSync(headFile, `${JSON.stringify(await this.anchor())}\n`, {mode: 0o600, flag: 'wx'});
		return [entriesFile, headFile];
	}

	async restartChain(): Promise<LogEntry> {
		throw new OperationError('a shared log is never set aside from vendor-risk: its database keeps every row', {
			hint: "the database administrator restores it from a backup (README: Team use); then move this machine's mirror aside",
		});
	}

	subscribe(listener: (change: StoreChange) => void): () => void {
		this.#listeners.add(listener);
		if (!this.#listening) {
			this.#listening = {client: null, timer: null, delayMs: 250, stopped: false};
			void this.#listen();
		}
		return () => {
			this.#listeners.delete(listener);
			if (this.#listeners.size === 0) this.#stopListening();
		};
	}

	async close(): Promise<void> {
		this.#closed = true;
		this.#listeners.clear();
		this.#stopListening();
		// What this process verified and wrote since its last read, for the next start to open from.
		await this.#queue;
		if (!this.#divergence) await this.local.extendMirror(this.#shared).catch(() => undefined);
		const pool = this.#pool;
		this.#pool = null;
		const ended = pool?.end().catch(() => undefined);
		// A connection still being attempted ends with its timeout: a reviewer who quits does not wait for it.
		if (!this.#connecting) await ended;
	}

	/**
	 * Sends `entries` made elsewhere (the outbox, a local log) onto the shared chain in one
	 * transaction: those whose origin hash is there already are skipped, the rest keep their
	 * id, time and reviewer and follow the shared head. Evidence they attach goes first.
	 */
	async send(entries: readonly LogEntry[], evidenceFolders: readonly string[]): Promise<SendReport> {
		if (this.#readOnlyReason) throw new DecisionLogReadOnlyError(`cannot push: ${this.#readOnlyReason}`);
		if (this.#divergence) throw new BrokenChainError(`cannot push to the shared log: ${this.#divergence}`);
		const refused: OutboxRefusal[] = [];
		const at = this.#now().toISOString();
		const report = await this.#exclusive(() =>
			this.#withClient('cannot push to the shared log', async client => {
				const missing = await this.#uploadEvidence(client, entries, evidenceFolders);
				await client.query('BEGIN');
				try {
					this.#absorb(lastResult<Row>(await client.query(`SELECT ${chainLock}; ${this.#tailQuery()}`)).rows);
					const origins = entries.map(entry => entry.hash);
					const present = new Set(
						(
							await client.query<{origin_hash: string}>(`SELECT origin_hash FROM ${entriesTable} WHERE origin_hash = ANY($1::text[])`, [
								origins,
							])
						).rows.map(row => row.origin_hash),
					);
					const shared = this.#shared;
					const seqOf = new Map(shared.map(entry => [entry.id, entry.seq]));
					const byId = new Map<string, LogEntry>(shared.map(entry => [entry.id, entry]));
					const accepted: Array<{entry: LogEntry; origin: string}> = [];
					let head: ChainHead = {seq: shared.at(-1)?.seq ?? 0, hash: shared.at(-1)?.hash ?? genesisHash};
					let alreadyThere = 0;
					for (const entry of entries) {
						if (present.has(entry.hash)) {
							alreadyThere += 1;
							continue;
						}
						const reason =
							missing.get(entry.hash) ?? (byId.has(entry.id) ? `an entry with id ${entry.id} is already in the shared log` : null);
						const [moved] = rechain([entry], head, seqOf);
						const problem = reason ?? sendProblem(moved!, byId, () => [...shared, ...accepted.map(item => item.entry)]);
						if (problem) {
							seqOf.delete(entry.id);
							refused.push({entry, reason: problem, at});
							continue;
						}
						accepted.push({entry: moved!, origin: entry.hash});
						byId.set(moved!.id, moved!);
						head = moved!;
					}
					await this.#insert(client, accepted);
					await client.query('COMMIT');
					this.#shared = [...shared, ...accepted.map(item => item.entry)];
					this.#view = null;
					await this.local.extendMirror(this.#shared);
					return {sent: accepted.length, alreadyThere, refused, added: accepted.map(item => item.entry)};
				} catch (error) {
					await client.query('ROLLBACK').catch(() => undefined);
					throw error;
				}
			}),
		);
		this.#emit(report.added);
		return {sent: report.sent, alreadyThere: report.alreadyThere, refused: report.refused};
	}

	/** Sends the outbox; sent, already-there and refused entries leave it (the refused ones are kept in outbox-refused.jsonl). */
	async pushOutbox(): Promise<SendReport & {remaining: number}> {
		// A store still meeting its database for the first time: a push waits for that meeting, as an append does.
		await this.#connecting;
		const outbox = this.local.readOutbox();
		if (outbox.length === 0) return {sent: 0, alreadyThere: 0, refused: [], remaining: 0};
		const report = await this.send(outbox, [join(this.local.folder, 'evidence')]);
		const done = new Set(outbox.map(entry => entry.hash));
		const kept = await this.local.removeFromOutbox(done, report.refused);
		this.#outbox = kept;
		this.#view = null;
		this.#emit([]);
		return {...report, remaining: kept.length};
	}

	// ---- the database

	async #appendShared(build: (entries: readonly LogEntry[]) => EntryDraft | readonly EntryDraft[]): Promise<LogEntry[]> {
		const client = quiet(await this.#ensurePool().connect());
		let broken: Error | undefined;
		let open = false;
		try {
			open = true;
			this.#absorb(lastResult<Row>(await client.query(`BEGIN; SELECT ${chainLock}; ${this.#tailQuery()}`)).rows);
			const sealed = this.#seal(build(this.#shared), this.#shared.at(-1) ?? null);
			const rows = sealed.map(entry => ({entry, origin: entry.hash}));
			open = false;
			try {
				// The insert and the commit travel together: one round trip fewer while the lock is held.
				await client.query(`${insertStatement(client, rows)}; COMMIT`);
			} catch (error) {
				if (isUnreachable(error)) throw new UnknownOutcomeError(sealed, error);
				// A refused insert left the transaction aborted: end it before the connection goes back.
				await client.query('ROLLBACK').catch((rollback: Error) => (broken = rollback));
				throw error;
			}
			this.#shared = [...this.#shared, ...sealed];
			this.#view = null;
			this.#markOnline();
			// The mirror catches up on the next read or at close: an append pays only the database.
			return sealed;
		} catch (error) {
			if (isUnreachable(error) || error instanceof UnknownOutcomeError) broken = error as Error;
			// The lock goes with the transaction: a connection never returns to the pool inside one.
			else if (open) await client.query('ROLLBACK').catch((rollback: Error) => (broken = rollback));
			throw error;
		} finally {
			client.release(broken);
		}
	}

	/**
	 * One statement (append_entries, migration 2) takes the lock, chains the entries on the head
	 * and returns the rows from this process's head on, which are verified here as any read is.
	 */
	async #appendChained(drafts: readonly EntryDraft[]): Promise<LogEntry[]> {
		// Sealed on the log as this process knows it, as the outbox would keep them: those hashes are
		// the origin hashes that make sending them again (after an unknown outcome) idempotent.
		const known = this.#shared.at(-1) ?? null;
		const provisional = this.#seal(drafts, known);
		const templates = provisional.map(chainTemplate);
		const client = quiet(await this.#ensurePool().connect());
		let broken: Error | undefined;
		try {
			let rows: Row[];
			try {
				({rows} = await client.query<Row>(`SELECT seq, entry FROM ${schemaName}.append_entries($1, $2, $3, $4, $5, $6, $7)`, [
					known?.seq ?? 0,
					known?.hash ?? genesisHash,
					provisional.map(entry => entry.id),
					provisional.map(entry => entry.hash),
					templates.map(template => template.before),
					templates.map(template => template.middle),
					templates.map(template => template.after),
				]));
			} catch (error) {
				if (isUnreachable(error)) {
					broken = error as Error;
					throw new UnknownOutcomeError(provisional, error);
				}
				// The log no longer holds what this process verified: the locked read says how, and nothing was written.
				if ((error as {code?: string}).code === headMovedState) return await this.#appendShared(() => drafts);
				throw error;
			}
			this.#absorbAfterWriting(rows, provisional.length);
			const written = this.#shared.slice(-provisional.length);
			if (written.some((entry, index) => entry.id !== provisional[index]!.id))
				throw new OperationError('the shared log answered an append with entries other than those sent');
			this.#view = null;
			return written;
		} finally {
			client.release(broken);
		}
	}

	/** #absorb for rows that end with entries just committed: a broken row before them is reported as it is, not as "nothing was written". */
	#absorbAfterWriting(rows: readonly Row[], written: number): void {
		try {
			this.#absorb(rows);
		} catch (error) {
			if (!(error instanceof BrokenChainError)) throw error;
			throw new BrokenChainError(`the shared log does not verify: ${this.#divergence}`, {
				hint: `the last ${written === 1 ? 'entry was' : `${written} entries were`} written after it; run vendor-risk log verify and tell the database administrator (README: Team use)`,
			});
		}
	}

	async #insert(client: PoolClient, rows: ReadonlyArray<InsertRow>): Promise<void> {
		// pg allows 65,535 parameters a statement: 500 rows of 6 stay well inside.
		for (let start = 0; start < rows.length; start += 500) {
			const chunk = rows.slice(start, start + 500);
			const values: unknown[] = [];
			const tuples = chunk.map(({entry, origin}, index) => {
				values.push(entry.seq, entry.id, entry.hash, entry.prevHash, origin, JSON.stringify(entry));
				const base = index * 6;
				return `($${base + 1}, $${base + 2}, $${base + 3}, $${base + 4}, $${base + 5}, $${base + 6})`;
			});
			await client.query(`INSERT INTO ${entriesTable} (seq, id, hash, prev_hash, origin_hash, entry) VALUES ${tuples.join(', ')}`, values);
		}
	}

	/** The rows from the newest verified one on (it is read again to check the database still has it). */
	#tailQuery(): string {
		// An integer this process computed, not user input: safe inside the simple-query text.
		return `SELECT seq, entry FROM ${entriesTable} WHERE seq >= ${Math.max(this.#shared.length, 1)} ORDER BY seq`;
	}

	async #sync(client: PoolClient): Promise<void> {
		await this.#exclusive(async () => {
			const {rows} = await client.query<Row>(this.#tailQuery());
			this.#absorb(rows);
			this.#outbox = this.local.readOutbox();
			this.#view = null;
			await this.local.extendMirror(this.#shared);
		});
	}

	/** Adds the rows past the verified head, after checking the head is still the one verified; records any divergence. */
	#absorb(rows: readonly Row[]): void {
		const known = this.#shared.length;
		let fresh = rows.map(parseRow);
		if (known > 0) {
			const head = this.#shared[known - 1]!;
			const first = fresh[0] as {seq?: unknown; hash?: unknown} | undefined;
			if (first?.seq !== known || first.hash !== head.hash) {
				this.#divergence = `this machine verified the shared log up to seq ${known} (hash ${head.hash.slice(0, 12)}…), but the database ${
					first?.seq === known ? 'now holds another entry there' : `has no entry seq ${known} any more`
				}: the shared log was rewritten or truncated`;
				throw this.#brokenChain();
			}
			fresh = fresh.slice(1);
		}
		const verdict = verifyChain(fresh, {offset: known, previousHash: this.#shared.at(-1)?.hash ?? genesisHash});
		if (!verdict.ok) {
			const seq = (fresh[verdict.index - known] as {seq?: unknown} | undefined)?.seq;
			this.#shared = [...this.#shared, ...(fresh.slice(0, verdict.index - known) as LogEntry[])];
			this.#divergence = `the shared log is broken at entry ${verdict.index + 1}${typeof seq === 'number' ? ` (seq ${seq})` : ''}${verdict.entryId ? `, id ${verdict.entryId}` : ''}: ${verdict.problem}`;
			throw this.#brokenChain();
		}
		if (fresh.length) this.#shared = [...this.#shared, ...(fresh as LogEntry[])];
		this.#lastSyncAt = this.#now().toISOString();
		this.#markOnline();
	}

	#brokenChain(): BrokenChainError {
		return new BrokenChainError(`cannot build on the shared log: ${this.#divergence}`, {
			hint: 'nothing was written; run vendor-risk log verify and tell the database administrator (README: Team use)',
		});
	}

	async #readFresh(): Promise<LogEntry[]> {
		const rows = await this.#query<FullRow>(
			'cannot read the shared log',
			`SELECT seq, id, hash, prev_hash, entry FROM ${entriesTable} ORDER BY seq`,
			[],
			`log verify and log export read the database itself; this machine's copy is in ${this.local.folder}`,
		);
		const entries = rows.map(parseRow);
		this.#rowProblems = [];
		for (const [index, row] of rows.entries()) {
			const entry = entries[index] as {seq?: unknown; id?: unknown; hash?: unknown; prevHash?: unknown};
			if (entry.seq !== Number(row.seq) || entry.id !== row.id || entry.hash !== row.hash || entry.prevHash !== row.prev_hash)
				this.#rowProblems.push(`row seq ${row.seq} (id ${row.id}): its columns do not match its entry, so the row was edited in place`);
		}
		const known = this.#shared.length;
		if (known > 0 && (entries[known - 1] as {hash?: unknown} | undefined)?.hash !== this.#shared[known - 1]!.hash)
			this.#divergence ??= `this machine verified the shared log up to seq ${known} (hash ${this.#shared[known - 1]!.hash.slice(0, 12)}…), but the database no longer holds that entry there: the shared log was rewritten or truncated`;
		return entries as LogEntry[];
	}

	async #checkSchema(client: PoolClient): Promise<void> {
		let version: number;
		try {
			const {rows} = await client.query<{version: number | null}>(`SELECT max(version) AS version FROM ${schemaName}.migrations`);
			version = rows[0]?.version ?? 0;
		} catch (error) {
			const code = (error as {code?: string}).code;
			if (code === '42P01' || code === '3F000') version = 0;
			else if (code === '42501')
				throw new OperationError(`the shared store ${this.location} does not let ${this.#config.user} read the decision log`, {
					hint: `the database administrator grants it: GRANT vendor_risk_reviewer TO ${this.#config.user};`,
				});
			else throw error;
		}
		if (version === 0)
			throw new OperationError(`the shared store ${this.location} has no vendor-risk tables yet`, {
				hint: 'the database administrator runs vendor-risk store migrate once (README: Team use)',
			});
		if (version < schemaVersion)
			throw new OperationError(`the shared store ${this.location} is at schema ${version}; this vendor-risk needs ${schemaVersion}`, {
				hint: 'the database administrator runs vendor-risk store migrate',
			});
		if (version > schemaVersion)
			this.#readOnlyReason = `the shared store ${this.location} was migrated to schema ${version} by a newer vendor-risk (this one knows ${schemaVersion}); the log is read-only here`;
	}

	#ensurePool(): pg.Pool {
		if (this.#closed) throw new OperationError('the decision store was closed');
		if (!this.#pool) {
			this.#pool = new pg.Pool({...this.#config, Client: ClosingClient, max: 3, idleTimeoutMillis: 10_000, allowExitOnIdle: true});
			// An idle connection that dies (the server restarted) must not take the process with it.
			this.#pool.on('error', error => this.#goOffline(error));
		}
		return this.#pool;
	}

	/** Runs `work` on a pooled connection; a connection that broke is discarded, not reused. */
	async #withClient<T>(what: string, work: (client: PoolClient) => Promise<T>): Promise<T> {
		let client: PoolClient;
		try {
			client = quiet(await this.#ensurePool().connect());
		} catch (error) {
			if (isUnreachable(error)) this.#goOffline(error);
			throw this.#failure(what, error);
		}
		let broken: Error | undefined;
		try {
			const result = await work(client);
			this.#markOnline();
			return result;
		} catch (error) {
			if (isUnreachable(error)) {
				broken = error as Error;
				this.#goOffline(error);
			}
			throw error instanceof OperationError || error instanceof UserInputError ? error : this.#failure(what, error);
		} finally {
			client.release(broken);
		}
	}

	async #query<T extends pg.QueryResultRow>(what: string, text: string, values: unknown[] = [], hint?: string): Promise<T[]> {
		try {
			return await this.#withClient(what, async client => (await client.query<T>(text, values)).rows);
		} catch (error) {
			if (hint && error instanceof OperationError && !error.hint) throw new OperationError(error.message, {hint});
			throw error;
		}
	}

	/** Runs `work` online if the database can be reached; an unreachable database turns the store offline instead of failing. */
	async #tryOnline(work: (client: PoolClient) => Promise<void>): Promise<void> {
		try {
			await this.#withClient('cannot read the shared log', work);
		} catch (error) {
			// A broken chain is recorded (status, verify, no appends); an unreachable database means offline.
			if (error instanceof BrokenChainError) return;
			if (error instanceof OperationError && isUnreachable(error.cause)) return;
			throw error;
		}
	}

	#failure(what: string, error: unknown): OperationError {
		// Errors that already say what happened pass as they are; a missing password is said about this store.
		if ((error instanceof OperationError && !(error instanceof MissingPasswordError)) || error instanceof UserInputError)
			return error as OperationError;
		const code = (error as {code?: string}).code;
		const hint =
			code === '42501'
				? `the database administrator grants it: GRANT vendor_risk_reviewer TO ${this.#config.user};`
				: code === '28P01' || code === '28000'
					? 'check PGPASSWORD or ~/.pgpass, and the user in the store URL or PGUSER'
					: undefined;
		return storeFailure(`${what} at ${this.location}`, error, this.#config, this.#env, hint);
	}

	#mayConnect(): boolean {
		return this.#online || Date.now() >= this.#retryAt;
	}

	#markOnline(): void {
		const changed = !this.#online;
		this.#online = true;
		this.#problem = null;
		this.#backoffMs = 0;
		this.#retryAt = 0;
		if (changed) this.#emit([]);
	}

	#goOffline(error: unknown): void {
		const changed = this.#online || this.#problem === null;
		this.#online = false;
		this.#problem = `the shared store cannot be reached (${describeFailure(error, this.#config, this.#env)}); working from this machine's copy`;
		// Commands are short: each tries once. A long-running TUI waits a little longer after each failure.
		this.#backoffMs = Math.min(30_000, Math.max(2000, this.#backoffMs * 2));
		this.#retryAt = Date.now() + this.#backoffMs;
		if (changed) this.#emit([]);
	}

	// ---- this machine

	async #appendOutbox(build: (entries: readonly LogEntry[]) => EntryDraft | readonly EntryDraft[]): Promise<LogEntry[]> {
		const {added, outbox} = await this.local.addToOutbox(stored => {
			this.#outbox = [...stored];
			this.#view = null;
			const view = this.latest();
			return this.#seal(build(view), view.at(-1) ?? null);
		});
		this.#outbox = outbox;
		this.#view = null;
		return added;
	}

	#seal(built: EntryDraft | readonly EntryDraft[], head: LogEntry | null): LogEntry[] {
		const drafts = (Array.isArray(built) ? built : [built as EntryDraft]).map(checkDraft);
		const sealed: LogEntry[] = [];
		let previous = head;
		for (const draft of drafts) {
			const entry = sealEntry(draft, {
				seq: (previous?.seq ?? 0) + 1,
				id: randomUUID(),
				at: this.#now().toISOString(),
				prevHash: previous?.hash ?? genesisHash,
			});
			sealed.push(entry);
			previous = entry;
		}
		return sealed;
	}

	/** The shared log, then the outbox entries not in it yet, chained after it as they would be if sent now. */
	#currentView(): {entries: readonly LogEntry[]; unsent: ReadonlySet<string>} {
		if (this.#view) return this.#view;
		const shared = this.#shared;
		if (this.#outbox.length === 0) {
			this.#view = {entries: shared, unsent: new Set()};
			return this.#view;
		}
		const seqOf = new Map(shared.map(entry => [entry.id, entry.seq]));
		const pending = this.#outbox.filter(entry => !seqOf.has(entry.id));
		const head = {seq: shared.at(-1)?.seq ?? 0, hash: shared.at(-1)?.hash ?? genesisHash};
		const chained = rechain(pending, head, seqOf);
		this.#view = {entries: [...shared, ...chained], unsent: new Set(pending.map(entry => entry.id))};
		return this.#view;
	}

	#evidenceStore(): EvidenceStore {
		const local = this.local.evidence;
		const folder = join(this.local.folder, 'evidence');
		return {
			put: async file => {
				const ref = await local.put(file);
				if (this.#mayConnect()) {
					try {
						await this.#withClient('cannot store evidence in the shared store', client => uploadEvidence(client, ref, folder));
					} catch (error) {
						// Kept on this machine; the push uploads it.
						if (!(error instanceof OperationError && isUnreachable(error.cause))) throw error;
					}
				}
				return ref;
			},
			check: async ref => {
				if (!this.#mayConnect()) return local.check(ref);
				const rows = await this.#query<{size: string; digest: string}>(
					'cannot check evidence',
					`SELECT size, encode(sha256(content), 'hex') AS digest FROM ${schemaName}.evidence WHERE sha256 = $1`,
					[ref.sha256],
				);
				const row = rows[0];
				const state: EvidenceCheck = !row ? 'missing' : Number(row.size) !== ref.size || row.digest !== ref.sha256 ? 'changed' : 'ok';
				return state;
			},
			copyOut: async (ref, target) => {
				const rows = await this.#query<{content: Buffer}>(
					'cannot read evidence',
					`SELECT content FROM ${schemaName}.evidence WHERE sha256 = $1`,
					[ref.sha256],
				);
				if (!rows[0]) return local.copyOut(ref, target);
				writeFileSync(target, rows[0].content, {flag: 'wx', mode: 0o600});
			},
		};
	}

	/** Uploads the evidence `entries` attach that the database lacks, from the first folder holding it; says which entries lack some. */
	async #uploadEvidence(client: PoolClient, entries: readonly LogEntry[], folders: readonly string[]): Promise<Map<string, string>> {
		const missing = new Map<string, string>();
		for (const entry of entries) {
			if (entry.kind !== 'decision') continue;
			for (const ref of entry.evidence ?? []) {
				const uploaded = await folders.reduce<Promise<boolean>>(
					async (done, folder) => (await done) || uploadEvidence(client, ref, folder),
					Promise.resolve(false),
				);
				if (!uploaded) missing.set(entry.hash, `its evidence "${ref.name}" (sha256 ${ref.sha256}) is not on this machine to send`);
			}
		}
		return missing;
	}

	// ---- live updates

	async #listen(): Promise<void> {
		const state = this.#listening;
		if (!state || state.stopped) return;
		const client = new ClosingClient(this.#config);
		let ended = false;
		const lost = (error: unknown) => {
			if (ended) return;
			ended = true;
			client.end().catch(() => undefined);
			if (state.stopped) return;
			state.client = null;
			this.#goOffline(error);
			state.timer = setTimeout(() => void this.#listen(), state.delayMs);
			state.delayMs = Math.min(5000, state.delayMs * 2);
		};
		client.on('error', lost);
		client.on('end', () => lost(new Error('Connection terminated')));
		client.on('notification', () => void this.#refreshSoon());
		try {
			await client.connect();
			await client.query(`LISTEN ${notifyChannel}`);
		} catch (error) {
			lost(error);
			return;
		}
		if (state.stopped) {
			ended = true;
			await client.end().catch(() => undefined);
			return;
		}
		state.client = client;
		state.delayMs = 250;
		// Whatever happened while not listening: read it now.
		this.#retryAt = 0;
		void this.#refreshSoon();
	}

	#stopListening(): void {
		const state = this.#listening;
		this.#listening = null;
		if (!state) return;
		state.stopped = true;
		if (state.timer) clearTimeout(state.timer);
		state.client?.end().catch(() => undefined);
	}

	/** Reads what is new, once at a time; a notification that arrives meanwhile makes it read once more. */
	async #refreshSoon(): Promise<void> {
		if (this.#refreshing) {
			this.#refreshAgain = true;
			return;
		}
		this.#refreshing = true;
		try {
			do {
				this.#refreshAgain = false;
				const before = this.#shared.length;
				try {
					await this.read();
				} catch {
					// A failure shows in the status; the next notification or reconnect reads again.
				}
				if (this.#shared.length > before) this.#emit(this.#shared.slice(before));
			} while (this.#refreshAgain && !this.#closed);
		} finally {
			this.#refreshing = false;
		}
	}

	#emit(added: readonly LogEntry[]): void {
		if (this.#listeners.size === 0) return;
		const change: StoreChange = {entries: this.latest(), added, status: this.status()};
		for (const listener of [...this.#listeners]) listener(change);
	}

	/** Runs `work` after every earlier one: syncs and appends both extend the verified log. */
	#exclusive<T>(work: () => Promise<T>): Promise<T> {
		const result = this.#queue.then(work);
		this.#queue = result.catch(() => undefined);
		return result;
	}
}

const quieted = new WeakSet<PoolClient>();
/**
 * A connection that dies between two queries emits 'error', which would end the process
 * unheard; the next query on it fails and is handled there, so the event itself is ignored.
 */
function quiet(client: PoolClient): PoolClient {
	if (!quieted.has(client)) {
		quieted.add(client);
		client.on('error', () => undefined);
	}
	return client;
}

type InsertRow = {entry: LogEntry; origin: string};

/**
 * One INSERT of `rows` as literal SQL, for the simple-query protocol that lets it share a round
 * trip with COMMIT. Every value goes through pg's escapeLiteral; the seq is an integer we made.
 */
function insertStatement(client: PoolClient, rows: readonly InsertRow[]): string {
	const tuples = rows.map(({entry, origin}) =>
		[String(Math.trunc(entry.seq)), entry.id, entry.hash, entry.prevHash, origin, JSON.stringify(entry)]
			.map((value, index) => (index === 0 ? value : client.escapeLiteral(value)))
			.join(', '),
	);
	return `INSERT INTO ${entriesTable} (seq, id, hash, prev_hash, origin_hash, entry) VALUES (${tuples.join('), (')})`;
}

/** The result of the last statement of a multi-statement query (pg answers those with one result each). */
function lastResult<T extends pg.QueryResultRow>(results: unknown): pg.QueryResult<T> {
	if (!Array.isArray(results)) return results as pg.QueryResult<T>;
	return results.at(-1) as pg.QueryResult<T>;
}

/** A stored row as an entry; text that is not JSON becomes an entry verifyChain reports as malformed. */
function parseRow(row: Row): LogEntry | {seq: number; malformed: string} {
	try {
		return JSON.parse(row.entry) as LogEntry;
	} catch {
		return {seq: Number(row.seq), malformed: row.entry.slice(0, 40)};
	}
}

/** Uploads one evidence file from `folder` unless the database has it; false when the folder does not hold it intact. */
async function uploadEvidence(client: PoolClient, ref: EvidenceRef, folder: string): Promise<boolean> {
	const present = await client.query(`SELECT 1 FROM ${schemaName}.evidence WHERE sha256 = $1`, [ref.sha256]);
	if (present.rowCount) return true;
	let bytes: Buffer;
	try {
		bytes = readFileSync(join(folder, ref.sha256));
	} catch {
		return false;
	}
	if (bytes.length !== ref.size) return false;
	// The database checks the bytes against the hash (a CHECK constraint): a changed local copy is refused there.
	await client.query(`INSERT INTO ${schemaName}.evidence (sha256, size, content) VALUES ($1, $2, $3) ON CONFLICT (sha256) DO NOTHING`, [
		ref.sha256,
		ref.size,
		bytes,
	]);
	return true;
}
