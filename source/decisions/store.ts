// The decision log on disk: append-only, hash-chained, shared safely by several
// vendor-risk processes.
//
// Layout and sharding. conf re-reads and re-validates its whole file on every
// get and rewrites it on every set, so one store holding every entry gets slower
// with each decision: an append to a single 10,000-entry conf file measured
// ~320 ms on the project machines, and the cost grows by ~35 us per stored entry.
// The log is therefore split into shards of `shardSize` entries (default 250),
// one conf store each, all in appPaths().data:
//   decisions-00000.json  entries 1-250
//   decisions-00001.json  entries 251-500, ...
// An append reads and rewrites only the newest shard, so its cost stays flat:
// ~6 ms median, ~12 ms p95 at 10,000 entries (`npm run bench`, sampled across a
// shard's fill levels; target <= 20 ms). 250 keeps even a nearly full shard well
// under target on a loaded machine; 1,000 put the median near 20 ms there.
// Sharding by count rather than by calendar quarter keeps every shard small
// however busy a quarter is.
// There is one source of truth: the entries themselves. No index file names the
// shards; they are found by name, and the chain runs across them (the first entry
// of shard n carries the hash of the last entry of shard n-1), so a missing or
// swapped shard shows up in verifyChain like any other missing entry.
// Only the newest shard is ever written; older ("sealed") shards are read without
// a conf instance (see readSealedShard), so opening a 10,000-entry log costs
// ~180 ms rather than a conf validator build per shard.
//
// Writers serialise on a lock file next to the shards (lock.ts) and re-read the
// newest shard under the lock before appending. A shard that fails to parse or
// validate, or parses but is not a shard (shard-file.ts), is never reset or
// rewritten: it is copied aside and the log turns read-only until someone
// restores or moves the file. Under the lock a writer also checks the chain (the
// part it has not checked before) and the head anchor (anchor.ts), and refuses to
// append to a log that does not verify or ends before its anchored head; after
// each append it moves the anchor to the new head.
import {randomUUID} from 'node:crypto';
import {constants, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync} from 'node:fs';
import {basename, join} from 'node:path';
import Conf from 'conf';
import {appPaths} from '../app-home/index.js';
import {OperationError, UserInputError} from '../errors/index.js';
import {anchorFileName, readAnchor, writeAnchor, writeFileDurably} from './anchor.js';
import {anchorProblem, sealEntry, verifyChain, type ChainVerdict} from './chain.js';
import {fileEvidenceStore} from './evidence.js';
import {writerLock, type WriterLock, type WriterLockOptions} from './lock.js';
import {entryDraftSchema, entryJsonSchema, genesisHash, type EntryDraft, type LogEntry} from './model.js';
import {emptyShardText, parseShardText, readShardText, shardIsAnchored, StoreVersionError, storeVersion} from './shard-file.js';
import type {DecisionStore, EvidenceStore, HeadAnchor, StoreChange, StoreStatus} from './store-interface.js';

export {storeVersion} from './shard-file.js';
export const defaultShardSize = 250;
const shardPrefix = 'decisions';
const shardFilePattern = /^decisions-(\d{5})\.json$/;

/** `anchored`: written by a release that keeps a head anchor (see shardIsAnchored). */
type ShardStore = {entries: LogEntry[]; anchored?: boolean};

export type DecisionLogOptions = {
	/** Environment whose VENDOR_RISK_HOME (if any) places the store; defaults to process.env. */
	env?: NodeJS.ProcessEnv;
	/** Overrides the folder outright (tests of odd layouts); normally appPaths(env).data. */
	directory?: string;
	shardSize?: number;
	lock?: WriterLockOptions;
	/** Clock for entry timestamps. */
	now?: () => Date;
};

/** Appending to a log that opened read-only. */
export class DecisionLogReadOnlyError extends OperationError {}

/** Appending to a log whose chain does not verify, or that ends before its anchored head. */
export class BrokenChainError extends OperationError {}

export function openDecisionLog(options: DecisionLogOptions = {}): DecisionLog {
	return new DecisionLog(options);
}

/** The conf log in the app's data folder (openStore chooses between it and a shared store). */
export function openDecisionStore(env: NodeJS.ProcessEnv = process.env): DecisionStore {
	return new DecisionLog({env});
}

export class DecisionLog implements DecisionStore {
	readonly directory: string;
	readonly shardSize: number;
	readonly evidence: EvidenceStore;
	#env: NodeJS.ProcessEnv;
	#lock: WriterLock;
	#now: () => Date;
	#shards = new Map<number, Conf<ShardStore>>();
	/** Entries of shards as last read, keyed by file identity: sealed shards never change, so re-reading them is waste. */
	#readCache = new Map<number, {stamp: string; entries: readonly LogEntry[]}>();
	/** A shard read says the log keeps a head anchor, so a missing one was deleted. */
	#anchored = false;
	#readOnlyReason: string | null = null;
	/** Sealed shards this process verified as one chain from the start, by identity (unchanged ones come from the read cache). */
	#verifiedShards: ReadonlyArray<readonly LogEntry[]> = [];
	/**
	 * The newest shard as this process last wrote it, verified: when the file still has exactly
	 * this text, the next append neither parses nor re-verifies it (that cost most of an append).
	 */
	#newestKnown: {index: number; text: string; entries: readonly LogEntry[]} | null = null;

	constructor(options: DecisionLogOptions = {}) {
		this.#env = options.env ?? process.env;
		this.directory = options.directory ?? appPaths(this.#env).data;
		this.shardSize = options.shardSize ?? defaultShardSize;
		this.#lock = writerLock(this.directory, shardPrefix, options.lock);
		this.#now = options.now ?? (() => new Date());
		this.evidence = fileEvidenceStore(join(this.directory, 'evidence'));
		// Open every shard now, so a damaged file is reported (and copied aside) before anyone works on top of it.
		this.#readAll();
	}

	get location(): string {
		return this.directory;
	}

	get readOnly(): boolean {
		return this.#readOnlyReason !== null;
	}

	/** One line saying what is wrong and what to do, when the log is read-only. */
	get readOnlyReason(): string | null {
		return this.#readOnlyReason;
	}

	/** Every readable entry, oldest first, as stored now (other processes' appends included). The entries are frozen. */
	entries(): LogEntry[] {
		return this.#readAll();
	}

	async read(): Promise<readonly LogEntry[]> {
		return this.entries();
	}

	/** Re-reads only shards whose files changed (the read cache), so it is cheap enough for every frame. */
	latest(): readonly LogEntry[] {
		return this.entries();
	}

	status(): StoreStatus {
		return {
			kind: 'local',
			connection: 'online',
			location: this.directory,
			entries: this.entries().length,
			outbox: 0,
			lastSyncAt: null,
			problem: this.#readOnlyReason,
		};
	}

	/** The local log is written by this reviewer's own processes only: nothing arrives from elsewhere to announce. */
	subscribe(_listener: (change: StoreChange) => void): () => void {
		return () => {};
	}

	async close(): Promise<void> {}

	async anchor(): Promise<HeadAnchor | null> {
		return readAnchor(this.directory).anchor;
	}

	async anchorProblem(): Promise<string | null> {
		this.#readAll();
		return this.#anchorProblem(readAnchor(this.directory));
	}

	#anchorProblem({anchor, problem}: ReturnType<typeof readAnchor>): string | null {
		if (problem) return problem;
		if (!anchor && this.#anchored)
			return `the head anchor ${join(this.directory, anchorFileName)} is missing, though the log was written with one: it was deleted`;
		return null;
	}

	/** The shards, the anchor, the evidence folder and the app's config and cache folders. */
	ownedPaths(): readonly string[] {
		const paths = appPaths(this.#env);
		return [this.directory, paths.config, paths.cache];
	}

	async snapshotTo(folder: string): Promise<string[]> {
		mkdirSync(folder, {recursive: true, mode: 0o700});
		// Under the lock, so the copy is one consistent state of shards and anchor.
		return this.#lock.run(() => {
			const names = [...this.#shardIndices().map(index => basename(this.#shardPath(index))), anchorFileName].filter(name =>
				existsSync(join(this.directory, name)),
			);
			for (const name of names) copyFileSync(join(this.directory, name), join(folder, name), constants.COPYFILE_EXCL);
			return names.map(name => join(folder, name));
		});
	}

	async restartChain(
		build: (found: {entries: readonly LogEntry[]; anchor: HeadAnchor | null}, movedTo: string) => EntryDraft,
	): Promise<LogEntry> {
		return this.#lock.run(() => {
			const found = {entries: this.#readAll(), anchor: readAnchor(this.directory).anchor};
			const movedTo = `broken-${this.#now().toISOString().replace(/[:.]/g, '-')}`;
			const draft = checkDraft(build(found, movedTo));
			const folder = join(this.directory, movedTo);
			mkdirSync(folder, {mode: 0o700});
			// Everything the old chain was: its shards, their damaged copies, its anchor. Renamed, so nothing is lost.
			for (const name of readdirSync(this.directory)) {
				if (shardFilePattern.test(name) || name === anchorFileName || /^decisions-\d{5}\.corrupt-.+\.json$/.test(name))
					renameSync(join(this.directory, name), join(folder, name));
			}
			this.#shards.clear();
			this.#readCache.clear();
			this.#verifiedShards = [];
			this.#newestKnown = null;
			this.#anchored = false;
			this.#readOnlyReason = null;
			const entry = sealEntry(draft, {seq: 1, id: randomUUID(), at: this.#now().toISOString(), prevHash: genesisHash});
			this.#writeShard(0, [entry]);
			writeAnchor(this.directory, {seq: 1, hash: entry.hash, createdAt: entry.at});
			return entry;
		});
	}

	/** Paths of the shard files, oldest first. */
	shardFiles(): string[] {
		return this.#shardIndices().map(index => this.#shardPath(index));
	}

	async append(draft: EntryDraft): Promise<LogEntry> {
		const [entry] = await this.appendMany([draft]);
		return entry!;
	}

	/** Appends several entries under one lock, writing each shard once (decisions, imports, benchmarks). */
	async appendMany(drafts: readonly EntryDraft[]): Promise<LogEntry[]> {
		this.#assertWritable();
		const checked = drafts.map(draft => checkDraft(draft));
		return this.#lock.run(() => this.#writeLocked(() => checked));
	}

	/**
	 * Appends entries built from the whole log as it stands under the lock, so a
	 * draft cannot be based on a state another process has since changed (revocations, countersigns).
	 */
	async appendWith(build: (entries: readonly LogEntry[]) => EntryDraft | readonly EntryDraft[]): Promise<LogEntry[]> {
		this.#assertWritable();
		return this.#lock.run(() =>
			this.#writeLocked(entries => {
				const built = build(entries);
				return (Array.isArray(built) ? built : [built as EntryDraft]).map(draft => checkDraft(draft));
			}),
		);
	}

	#assertWritable(): void {
		if (this.#readOnlyReason) throw new DecisionLogReadOnlyError(`cannot append: ${this.#readOnlyReason}`);
	}

	#writeLocked(draftsFor: (entries: readonly LogEntry[]) => readonly EntryDraft[]): LogEntry[] {
		const indices = this.#shardIndices();
		let index = indices.at(-1) ?? 0;
		const newest = this.#readNewest(index);
		const shards = [...indices.filter(shard => shard !== index).map(shard => this.#readShard(shard)), newest.entries];
		this.#assertWritable();
		const entries = shards.flat();
		const anchor = this.#assertAppendable(shards, entries, newest.known);
		const drafts = draftsFor(entries);
		let pending = shards.length ? [...shards.at(-1)!] : [];
		let head = entries.at(-1) ?? null;
		const written: LogEntry[] = [];
		for (const draft of drafts) {
			if (pending.length >= this.shardSize) {
				this.#writeShard(index, pending);
				index += 1;
				pending = [];
			}
			const entry = sealEntry(draft, {
				seq: (head?.seq ?? 0) + 1,
				id: randomUUID(),
				at: this.#now().toISOString(),
				prevHash: head?.hash ?? genesisHash,
			});
			pending.push(entry);
			written.push(entry);
			head = entry;
		}
		if (written.length === 0) return written;
		this.#writeShard(index, pending);
		this.#newestKnown = {index, text: readShardText(this.#shardPath(index)) ?? '', entries: deepFreeze([...pending])};
		// The anchor follows the shard: a crash in between leaves it behind the entries, never ahead of them.
		const createdAt = anchor?.createdAt ?? entries[0]?.at ?? written[0]!.at;
		writeAnchor(this.directory, {seq: head!.seq, hash: head!.hash, createdAt});
		return written;
	}

	/** Refuses to build on a chain that does not verify or stops short of its anchor: the next seq would hide the loss. */
	#assertAppendable(shards: ReadonlyArray<readonly LogEntry[]>, entries: readonly LogEntry[], newestKnown: boolean): HeadAnchor | null {
		const verdict = this.#verifyIncrementally(shards, entries, newestKnown);
		const read = readAnchor(this.directory);
		const {anchor} = read;
		const problem = this.#anchorProblem(read);
		let reason: string | null;
		if (!verdict.ok) {
			const seq = (entries[verdict.index] as {seq?: unknown} | undefined)?.seq;
			reason = `the chain is broken at entry ${verdict.index + 1}${typeof seq === 'number' ? ` (seq ${seq})` : ''}${verdict.entryId ? `, id ${verdict.entryId}` : ''}: ${verdict.problem}`;
		} else {
			reason = problem ?? anchorProblem(entries, anchor);
		}
		if (reason) {
			throw new BrokenChainError(`cannot append to the decision log: ${reason}`, {
				hint: 'nothing was written; run vendor-risk log verify, then restore from an export bundle or start a new chain (README: Recovering the decision log)',
			});
		}
		return anchor;
	}

	/** Verifies only what changed since this process last verified: the newest shard, or everything when a sealed shard changed. */
	#verifyIncrementally(shards: ReadonlyArray<readonly LogEntry[]>, entries: readonly LogEntry[], newestKnown: boolean): ChainVerdict {
		let shared = 0;
		let count = 0;
		let head = genesisHash;
		const known = this.#verifiedShards;
		while (shared < shards.length - 1 && shared < known.length && shards[shared] === known[shared]) {
			count += shards[shared]!.length;
			head = shards[shared]!.at(-1)?.hash ?? head;
			shared += 1;
		}
		// Nothing changed since this process verified and wrote: every sealed shard as verified, the newest as written.
		if (newestKnown && shared === shards.length - 1 && shared === known.length)
			return {ok: true, count: entries.length, head: entries.at(-1)?.hash ?? genesisHash};
		const verdict = verifyChain(entries.slice(count), {offset: count, previousHash: head});
		// Everything but the newest shard, which the next append rewrites.
		this.#verifiedShards = verdict.ok ? shards.slice(0, -1) : [];
		return verdict;
	}

	#writeShard(index: number, entries: LogEntry[]): void {
		const path = this.#shardPath(index);
		// A new shard is created whole, version marker included, before conf opens it: conf's own first write
		// lacks the marker, and a shard without one is damage to every reader.
		if (!existsSync(path)) {
			mkdirSync(this.directory, {recursive: true, mode: 0o700});
			writeFileDurably(path, emptyShardText());
		}
		// Assigning the whole store costs one read fewer than set('entries'): conf re-reads the file on every get.
		this.#conf(index).store = {entries, anchored: true};
	}

	/** The newest shard for a writer, re-read under the lock; `known` when it is exactly as this process last wrote it. */
	#readNewest(index: number): {entries: LogEntry[]; known: boolean} {
		const path = this.#shardPath(index);
		try {
			const text = readShardText(path);
			if (text === null) return {entries: [], known: false};
			const known = this.#newestKnown;
			if (known?.index === index && known.text === text) return {entries: [...known.entries], known: true};
			const entries = parseShardText(text);
			this.#anchored ||= shardIsAnchored(text);
			return {entries, known: false};
		} catch (error) {
			if (typeof (error as NodeJS.ErrnoException).code === 'string') {
				throw new OperationError(`cannot read decision log file ${path}: ${(error as Error).message}`);
			}
			this.#quarantine(path, error);
			this.#assertWritable();
			return {entries: [], known: false};
		}
	}

	#readAll(): LogEntry[] {
		// The shards are listed once, before reading any: a concurrent append can only add entries after the
		// ones read, so a reader always sees a whole prefix of the chain, never one with a hole.
		const indices = this.#shardIndices();
		return indices.flatMap(index => this.#readShard(index));
	}

	/** Entries of one shard, from the read cache while the file is unchanged (writers read the newest one with #readNewest). */
	#readShard(index: number): readonly LogEntry[] {
		const path = this.#shardPath(index);
		try {
			const stat = statSync(path, {throwIfNoEntry: false});
			if (!stat) return [];
			const stamp = `${stat.ino}:${stat.size}:${stat.mtimeMs}`;
			const cached = this.#readCache.get(index);
			if (cached?.stamp === stamp) return cached.entries;
			const text = readShardText(path);
			if (text === null) return [];
			const entries = deepFreeze(parseShardText(text));
			this.#anchored ||= shardIsAnchored(text);
			this.#readCache.set(index, {stamp, entries});
			return entries;
		} catch (error) {
			// An I/O failure (permissions, too many open files) says nothing about the file's content: report, don't quarantine.
			if (typeof (error as NodeJS.ErrnoException).code === 'string') {
				throw new OperationError(`cannot read decision log file ${path}: ${(error as Error).message}`);
			}
			this.#quarantine(path, error);
			return [];
		}
	}

	/** The conf store of the newest shard, constructed once per process and only by a writer, under the lock. */
	#conf(index: number): Conf<ShardStore> {
		const cached = this.#shards.get(index);
		if (cached) return cached;
		const conf = new Conf<ShardStore>({
			projectName: 'vendor-risk',
			cwd: this.directory,
			configName: `${shardPrefix}-${String(index).padStart(5, '0')}`,
			// Decisions are the audit trail: a damaged file must be kept and reported, never replaced by an empty one.
			clearInvalidConfig: false,
			configFileMode: 0o600,
			defaults: {entries: []},
			schema: shardSchema() as never,
			rootSchema: {required: ['entries']},
			// The schema is generated from the zod definition and checked by a test; skipping ajv's
			// meta-schema pass cuts opening a store from ~150 ms to ~15 ms, paid by every command.
			ajvOptions: {validateSchema: false},
			projectVersion: storeVersion,
			migrations: {
				// The first format: nothing to convert yet, but every store carries its version from day one.
				'1.0.0'(store) {
					if (!Array.isArray(store.get('entries'))) store.set('entries', []);
				},
			},
		});
		this.#shards.set(index, conf);
		return conf;
	}

	#quarantine(path: string, error: unknown): void {
		if (this.#readOnlyReason) return;
		const detail = (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ').trim();
		if (error instanceof StoreVersionError) {
			this.#readOnlyReason = `decision log file ${path} was ${detail}; the log is read-only`;
			return;
		}
		let backup: string;
		try {
			backup = this.#backUp(path);
		} catch (copyError) {
			backup = `(could not copy it aside: ${(copyError as Error).message})`;
		}
		this.#readOnlyReason =
			`decision log file ${path} is damaged (${detail}); a copy was saved as ${backup}; ` +
			`the log is read-only until you restore that file from a backup or move it aside`;
	}

	/** Copies a damaged shard to <name>.corrupt-<timestamp>.json, reusing an identical earlier copy, never overwriting. */
	#backUp(path: string): string {
		const bytes = readFileSync(path);
		const stem = basename(path, '.json');
		for (const name of readdirSync(this.directory)) {
			if (!name.startsWith(`${stem}.corrupt-`)) continue;
			const existing = join(this.directory, name);
			if (readFileSync(existing).equals(bytes)) return existing;
		}
		const stamp = this.#now().toISOString().replace(/[:.]/g, '-');
		for (let attempt = 0; ; attempt++) {
			const backup = join(this.directory, `${stem}.corrupt-${stamp}${attempt ? `-${attempt}` : ''}.json`);
			try {
				copyFileSync(path, backup, constants.COPYFILE_EXCL);
				return backup;
			} catch (error) {
				if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
			}
		}
	}

	#shardIndices(): number[] {
		let names: string[];
		try {
			names = readdirSync(this.directory);
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
			throw error;
		}
		return names
			.map(name => shardFilePattern.exec(name)?.[1])
			.filter((digits): digits is string => digits !== undefined)
			.map(Number)
			.sort((a, b) => a - b);
	}

	#shardPath(index: number): string {
		return join(this.directory, `${shardPrefix}-${String(index).padStart(5, '0')}.json`);
	}
}

/** Cached entries are shared between callers, so nobody may change them in place. */
function deepFreeze<T>(value: T): T {
	if (value && typeof value === 'object' && !Object.isFrozen(value)) {
		for (const member of Object.values(value)) deepFreeze(member);
		Object.freeze(value);
	}
	return value;
}

let cachedShardSchema: Record<string, unknown> | undefined;
function shardSchema(): Record<string, unknown> {
	cachedShardSchema ??= {entries: {type: 'array', items: entryJsonSchema()}};
	return cachedShardSchema;
}

/** A draft as the schema reads it, or a one-line UserInputError naming the first problem. */
export function checkDraft(draft: EntryDraft): EntryDraft {
	const parsed = entryDraftSchema.safeParse(draft);
	if (parsed.success) return parsed.data;
	const issue = parsed.error.issues[0];
	throw new UserInputError(`invalid ${draft?.kind ?? 'entry'}: ${issue?.path.join('.') || 'entry'}: ${issue?.message ?? 'invalid'}`);
}
