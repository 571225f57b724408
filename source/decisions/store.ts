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
// validate is never reset or rewritten: it is copied aside and the log turns
// read-only until someone restores or moves the file.
import {randomUUID} from 'node:crypto';
import {constants, copyFileSync, readdirSync, readFileSync, statSync} from 'node:fs';
import {basename, join} from 'node:path';
import Conf from 'conf';
import {appPaths} from '../app-home/index.js';
import {OperationError, UserInputError} from '../errors/index.js';
import {sealEntry} from './chain.js';
import {z} from 'zod';
import {writerLock, type WriterLock, type WriterLockOptions} from './lock.js';
import {entryDraftSchema, entryJsonSchema, entrySchema, genesisHash, type EntryDraft, type LogEntry} from './model.js';

/** The version of the shard format, conf's projectVersion: migrations key off it. */
export const storeVersion = '1.0.0';
export const defaultShardSize = 250;
const shardPrefix = 'decisions';
const shardFilePattern = /^decisions-(\d{5})\.json$/;

type ShardStore = {entries: LogEntry[]};

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

export function openDecisionLog(options: DecisionLogOptions = {}): DecisionLog {
	return new DecisionLog(options);
}

export class DecisionLog {
	readonly directory: string;
	readonly shardSize: number;
	#lock: WriterLock;
	#now: () => Date;
	#shards = new Map<number, Conf<ShardStore>>();
	/** Entries of shards as last read, keyed by file identity: sealed shards never change, so re-reading them is waste. */
	#readCache = new Map<number, {stamp: string; entries: readonly LogEntry[]}>();
	#readOnlyReason: string | null = null;

	constructor(options: DecisionLogOptions = {}) {
		this.directory = options.directory ?? appPaths(options.env ?? process.env).data;
		this.shardSize = options.shardSize ?? defaultShardSize;
		this.#lock = writerLock(this.directory, shardPrefix, options.lock);
		this.#now = options.now ?? (() => new Date());
		// Open every shard now, so a damaged file is reported (and copied aside) before anyone works on top of it.
		this.#readAll('read');
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
		return this.#readAll('read');
	}

	/** Paths of the shard files, oldest first. */
	shardFiles(): string[] {
		return this.#shardIndices().map(index => this.#shardPath(index));
	}

	async append(draft: EntryDraft): Promise<LogEntry> {
		const [entry] = await this.appendMany([draft]);
		return entry!;
	}

	/** Appends several entries under one lock, writing each shard once (imports, benchmarks). */
	async appendMany(drafts: readonly EntryDraft[]): Promise<LogEntry[]> {
		this.#assertWritable();
		const checked = drafts.map(draft => checkDraft(draft));
		return this.#lock.run(() => this.#writeLocked(checked));
	}

	/**
	 * Appends an entry built from the whole log as it stands under the lock, so the
	 * draft cannot be based on a state another process has since changed (revocations).
	 */
	async appendWith(build: (entries: readonly LogEntry[]) => EntryDraft): Promise<LogEntry> {
		this.#assertWritable();
		return this.#lock.run(() => {
			const entries = this.#readAll('write');
			this.#assertWritable();
			const [entry] = this.#writeLocked([checkDraft(build(entries))]);
			return entry!;
		});
	}

	#assertWritable(): void {
		if (this.#readOnlyReason) throw new DecisionLogReadOnlyError(`cannot append: ${this.#readOnlyReason}`);
	}

	#writeLocked(drafts: readonly EntryDraft[]): LogEntry[] {
		const indices = this.#shardIndices();
		let index = indices.at(-1) ?? 0;
		let pending = this.#readShard(index, 'write');
		let head = pending.at(-1) ?? this.#headBefore(index, indices);
		this.#assertWritable();
		const written: LogEntry[] = [];
		for (const draft of drafts) {
			if (pending.length >= this.shardSize) {
				this.#writeShard(index, pending);
				index += 1;
				pending = this.#readShard(index, 'write');
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
		this.#writeShard(index, pending);
		return written;
	}

	#writeShard(index: number, entries: LogEntry[]): void {
		// Assigning the whole store costs one read fewer than set('entries'): conf re-reads the file on every get.
		this.#conf(index, 'write')!.store = {entries};
	}

	#headBefore(index: number, indices: number[]): LogEntry | null {
		for (const earlier of indices.filter(candidate => candidate < index).reverse()) {
			const last = this.#readShard(earlier, 'write', true).at(-1);
			if (last) return last;
		}
		return null;
	}

	#readAll(mode: 'read' | 'write'): LogEntry[] {
		// The shards are listed once, before reading any: a concurrent append can only add entries after the
		// ones read, so a reader always sees a whole prefix of the chain, never one with a hole.
		const indices = this.#shardIndices();
		const last = indices.at(-1);
		return mode === 'read'
			? indices.flatMap(index => this.#readShard(index, 'read', index !== last))
			: indices.flatMap(index => this.#readShard(index, 'write', index !== last));
	}

	/** Readers may get cached (frozen) entries; writers always re-read the file under the lock. */
	#readShard(index: number, mode: 'read', sealed: boolean): readonly LogEntry[];
	#readShard(index: number, mode: 'write', sealed?: boolean): LogEntry[];
	#readShard(index: number, mode: 'read' | 'write', sealed = false): readonly LogEntry[] {
		const path = this.#shardPath(index);
		try {
			let stamp: string | null = null;
			if (mode === 'read') {
				const stat = statSync(path, {throwIfNoEntry: false});
				if (!stat) return [];
				stamp = `${stat.ino}:${stat.size}:${stat.mtimeMs}`;
				const cached = this.#readCache.get(index);
				if (cached?.stamp === stamp) return cached.entries;
			}
			let entries: LogEntry[];
			if (sealed && !this.#shards.has(index)) {
				entries = readSealedShard(path);
			} else {
				const conf = this.#conf(index, mode);
				if (!conf) return [];
				entries = conf.store.entries;
			}
			if (stamp) this.#readCache.set(index, {stamp, entries: deepFreeze(entries)});
			return entries;
		} catch (error) {
			// An I/O failure (permissions, too many open files) says nothing about the file's content: report, don't quarantine.
			if (typeof (error as NodeJS.ErrnoException).code === 'string') {
				throw new OperationError(`cannot read decision log file ${path}: ${(error as Error).message}`);
			}
			this.#quarantine(path, error);
			if (mode === 'write') this.#assertWritable();
			return [];
		}
	}

	/**
	 * The conf store of one shard, constructed once per process. Constructing a conf
	 * store may write (defaults, the migration marker), so writers construct under the
	 * lock; readers only construct shards that are already fully initialised and treat
	 * a shard still being created by another process as empty. Null means "nothing to read yet".
	 */
	#conf(index: number, mode: 'read' | 'write'): Conf<ShardStore> | null {
		const cached = this.#shards.get(index);
		if (cached) return cached;
		if (mode === 'read') {
			const path = this.#shardPath(index);
			let raw: string;
			try {
				raw = readFileSync(path, 'utf8');
			} catch (error) {
				if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
				throw error;
			}
			const parsed = JSON.parse(raw) as {__internal__?: {migrations?: {version?: unknown}}} | null;
			const version = parsed?.__internal__?.migrations?.version;
			if (version === undefined) return null;
			if (version !== storeVersion) {
				// Not damage: written by another release. conf would silently rewrite its version marker, so keep away.
				throw new StoreVersionError(
					`written by store format ${String(version)}, this vendor-risk reads ${storeVersion}; use a matching vendor-risk release`,
				);
			}
		}
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

class StoreVersionError extends Error {}

const sealedShardSchema = z.looseObject({entries: z.array(entrySchema)});

/**
 * Reads a shard that has a newer shard after it, so no writer touches it again. conf
 * builds a fresh ajv validator for every store it opens (~30 ms each), which at 40
 * shards would make every command start slowly; a sealed shard is instead parsed and
 * checked against the same zod schema conf's JSON schema is generated from.
 */
function readSealedShard(path: string): LogEntry[] {
	const parsed = JSON.parse(readFileSync(path, 'utf8')) as {__internal__?: {migrations?: {version?: unknown}}} | null;
	const version = parsed?.__internal__?.migrations?.version;
	if (version !== undefined && version !== storeVersion) {
		throw new StoreVersionError(
			`written by store format ${String(version)}, this vendor-risk reads ${storeVersion}; use a matching vendor-risk release`,
		);
	}
	const result = sealedShardSchema.safeParse(parsed);
	if (!result.success) {
		const issue = result.error.issues[0];
		throw new Error(`schema violation: \`${issue?.path.join('/') ?? ''}\` ${issue?.message ?? 'invalid'}`);
	}
	return (parsed as ShardStore).entries;
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

function checkDraft(draft: EntryDraft): EntryDraft {
	const parsed = entryDraftSchema.safeParse(draft);
	if (parsed.success) return parsed.data;
	const issue = parsed.error.issues[0];
	throw new UserInputError(`invalid ${draft?.kind ?? 'entry'}: ${issue?.path.join('.') || 'entry'}: ${issue?.message ?? 'invalid'}`);
}
