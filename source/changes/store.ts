// The snapshot store: after every fetch that brought new data, a JSON Lines file per source
// under <data>/snapshots/<source-slug>/<stamp>-<hash>.jsonl. The first line is a header
// (source, time, counts), so listing reads a few bytes per file; each further line is one
// entry (id, content hash, non-empty fields). Oldest files beyond the retention are pruned.
import {createHash} from 'node:crypto';
import {closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmSync, writeSync} from 'node:fs';
import {join} from 'node:path';
import {appPaths} from '../app-home/index.js';
import {safeSourceName} from '../sources/index.js';
import {OperationError, UserInputError} from '../errors/index.js';
import {defaultSettings, openSettings} from '../settings/index.js';
import type {ScreeningEntity} from '../records/index.js';
import {expandRecord, type EntryRecord} from './entry.js';
import {snapshotSpool, type SnapshotSpool, type SpooledEntries} from './spool.js';

export type SnapshotInfo = {
	/** "<source>@<stamp>", e.g. "CSL@2026-11-28T17:02:11Z": unique, and usable on the command line. */
	id: string;
	source: string;
	/** UTC to the second; unique per source and increasing in the order snapshots were taken. */
	stamp: string;
	/** When the data was fetched (full precision). */
	fetchedAt: string;
	/** sha256 over the sorted "id hash" pairs: equal for equal content. */
	hash: string;
	entryCount: number;
	file: string;
};

export type SnapshotEntry = {id: string; hash: string; entity: ScreeningEntity};

/** A list's entities: in memory, or spooled as a fetch parsed them (see spool.ts). */
export type SnapshotEntities = readonly ScreeningEntity[] | SnapshotSpool;

function isSpool(entities: SnapshotEntities): entities is SnapshotSpool {
	return !Array.isArray(entities);
}

function spoolOf(entities: readonly ScreeningEntity[], folder: string): SnapshotSpool {
	const spool = snapshotSpool(folder);
	for (const entity of entities) spool.add(entity);
	return spool;
}

export type Snapshot = SnapshotInfo & {entries: SnapshotEntry[]};

export type WriteSnapshotOptions = {
	env?: NodeJS.ProcessEnv;
	/** ISO time of the fetch; defaults to now. */
	fetchedAt?: string;
	/** Snapshots kept per source; defaults to settings.snapshotRetention. At least 2, so a diff is always possible. */
	retention?: number;
};

export type WriteSnapshotResult = {snapshot: SnapshotInfo; written: boolean; pruned: string[]};

const headerFormat = 'vendor-risk-snapshot';
const headerVersion = 1;
type Header = {
	format: typeof headerFormat;
	version: number;
	source: string;
	stamp: string;
	fetchedAt: string;
	hash: string;
	entryCount: number;
};

export function snapshotsRoot(env: NodeJS.ProcessEnv): string {
	return join(appPaths(env).data, 'snapshots');
}

/** Snapshots sit in the same per-source folder names as the fetch cache. */
export const sourceFolderName = safeSourceName;

function snapshotFolder(env: NodeJS.ProcessEnv, sourceName: string): string {
	return join(snapshotsRoot(env), sourceFolderName(sourceName));
}

/** A spool for the next snapshot of a source, to fill as its list is parsed; discard it when done. */
export function spoolSnapshot(sourceName: string, env: NodeJS.ProcessEnv = process.env): SnapshotSpool {
	return snapshotSpool(snapshotFolder(env, sourceName));
}

/** "2026-11-28T17:02:11Z": an ISO time cut to the second. */
function stampOf(ms: number): string {
	return `${new Date(ms).toISOString().slice(0, 19)}Z`;
}

/** "20261128T170211Z": the stamp without the characters some file systems refuse. */
function fileStampOf(stamp: string): string {
	return stamp.replace(/[-:]/g, '');
}

function retentionFrom(env: NodeJS.ProcessEnv, override: number | undefined): number {
	let retention = override ?? defaultSettings.snapshotRetention;
	// Opening conf creates the settings file; a read must leave no trace when there is none.
	if (override === undefined && existsSync(join(appPaths(env).config, 'settings.json'))) {
		try {
			retention = openSettings(env).get('snapshotRetention') ?? retention;
		} catch {
			// A broken settings file is reported by the commands that need it; the default is safe here.
		}
	}
	return Number.isFinite(retention) ? Math.max(2, Math.floor(retention)) : defaultSettings.snapshotRetention;
}

/**
 * Entry ids as the snapshot keeps them: the list's own id, unique. An id seen twice with
 * the same content is one entry; with other content it becomes "<id>#<hash prefix>", which
 * stays the same while that content does.
 */
function uniqueRecords(records: Iterable<EntryRecord>): EntryRecord[] {
	const byId = new Map<string, EntryRecord>();
	for (const record of records) {
		const existing = byId.get(record.id);
		if (!existing) {
			byId.set(record.id, record);
			continue;
		}
		if (existing.hash === record.hash) continue;
		const id = `${record.id}#${record.hash.slice(0, 8)}`;
		if (!byId.has(id)) byId.set(id, {...record, id});
	}
	return [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** A snapshot's entries in file order (by id): how many, each one's id and content hash, and their lines written out. */
type SnapshotContent = {
	count: number;
	idAt(position: number): string;
	hashAt(position: number): string;
	writeLines(out: BatchedFile): void;
};

/** The general case, ids that repeat: every record read from the spool and made unique up front. */
function recordedContent(spooled: SpooledEntries): SnapshotContent {
	const lines = spooled.lines();
	let records: EntryRecord[];
	try {
		records = uniqueRecords(Array.from({length: spooled.count}, (_, index) => lines.record(index)));
	} finally {
		lines.close();
	}
	return {
		count: records.length,
		idAt: position => records[position]!.id,
		hashAt: position => records[position]!.hash,
		writeLines(out) {
			for (const record of records) out.text(`${JSON.stringify(record)}\n`);
		},
	};
}

/**
 * The usual case, every id once (the parsers drop repeated ids): the spool's lines are the
 * snapshot's, so they are copied in id order, as bytes. Entries that follow each other in
 * the spool and in id order (a list sorted by id has nothing else) are one read.
 */
function spooledContent(spooled: SpooledEntries): SnapshotContent | null {
	const order = new Int32Array(spooled.count);
	for (let position = 0; position < order.length; position++) order[position] = position;
	const ids = Array.from({length: spooled.count}, (_, index) => spooled.idAt(index));
	order.sort((a, b) => (ids[a]! < ids[b]! ? -1 : ids[a]! > ids[b]! ? 1 : 0));
	for (let position = 1; position < order.length; position++) if (ids[order[position]!] === ids[order[position - 1]!]) return null;
	const hash = Buffer.alloc(32);
	return {
		count: order.length,
		idAt: position => ids[order[position]!]!,
		hashAt(position) {
			spooled.copyHash(order[position]!, hash, 0);
			return hash.toString('hex');
		},
		writeLines(out) {
			const lines = spooled.lines();
			try {
				for (let position = 0; position < order.length;) {
					const first = order[position]!;
					let last = first;
					while (position + 1 < order.length && order[position + 1] === last + 1 && lines.runLength(first, last + 1) <= out.room) {
						last++;
						position++;
					}
					position++;
					out.bytes(lines.runLength(first, last), (into, offset) => lines.readRun(first, last, into, offset));
				}
			} finally {
				lines.close();
			}
		},
	};
}

function contentHash(content: SnapshotContent): string {
	const hash = createHash('sha256');
	let batch = '';
	for (let position = 0; position < content.count; position++) {
		batch += `${content.idAt(position)}\t${content.hashAt(position)}\n`;
		if (batch.length < 64 * 1024) continue;
		hash.update(batch);
		batch = '';
	}
	return hash.update(batch).digest('hex');
}

/** A file written about a mebibyte at a time: no list becomes one string. */
type BatchedFile = {
	/** Bytes free in the batch: a run of lines longer than this is better read in pieces. */
	readonly room: number;
	text(text: string): void;
	/** `length` bytes that `fill` puts into the batch at the offset it is given. */
	bytes(length: number, fill: (into: Buffer, offset: number) => void): void;
};

function writeFile(path: string, write: (out: BatchedFile) => void): void {
	const descriptor = openSync(path, 'w', 0o600);
	let batch = Buffer.allocUnsafe(1 << 20);
	let used = 0;
	const flush = () => {
		writeSync(descriptor, batch, 0, used);
		used = 0;
	};
	const makeRoom = (length: number) => {
		if (used + length <= batch.length) return;
		flush();
		if (length > batch.length) batch = Buffer.allocUnsafe(length);
	};
	try {
		write({
			get room() {
				return batch.length - used;
			},
			text(text) {
				// A UTF-16 unit is at most 3 bytes of UTF-8.
				makeRoom(text.length * 3);
				used += batch.write(text, used);
			},
			bytes(length, fill) {
				makeRoom(length);
				fill(batch, used);
				used += length;
			},
		});
		flush();
	} finally {
		closeSync(descriptor);
	}
}

function readHeader(path: string): Header | null {
	let descriptor: number | undefined;
	try {
		descriptor = openSync(path, 'r');
		let text = '';
		const buffer = Buffer.alloc(4096);
		for (let position = 0; !text.includes('\n') && position < 1024 * 1024;) {
			const bytesRead = readSync(descriptor, buffer, 0, buffer.length, position);
			if (bytesRead === 0) break;
			text += buffer.subarray(0, bytesRead).toString('utf8');
			position += bytesRead;
		}
		const header = JSON.parse(text.split('\n', 1)[0]!) as Partial<Header>;
		const valid =
			header.format === headerFormat &&
			typeof header.source === 'string' &&
			typeof header.stamp === 'string' &&
			typeof header.fetchedAt === 'string' &&
			typeof header.hash === 'string' &&
			typeof header.entryCount === 'number';
		return valid ? (header as Header) : null;
	} catch {
		return null;
	} finally {
		if (descriptor !== undefined) closeSync(descriptor);
	}
}

function infoOf(header: Header, file: string): SnapshotInfo {
	return {
		id: `${header.source}@${header.stamp}`,
		source: header.source,
		stamp: header.stamp,
		fetchedAt: header.fetchedAt,
		hash: header.hash,
		entryCount: header.entryCount,
		file,
	};
}

/** The snapshots in one source folder, oldest first; unreadable files are skipped. */
function snapshotsIn(folder: string): SnapshotInfo[] {
	if (!existsSync(folder)) return [];
	const infos: SnapshotInfo[] = [];
	for (const name of readdirSync(folder)) {
		if (!name.endsWith('.jsonl')) continue;
		const file = join(folder, name);
		const header = readHeader(file);
		if (header) infos.push(infoOf(header, file));
	}
	return infos.sort((a, b) => (a.stamp < b.stamp ? -1 : a.stamp > b.stamp ? 1 : 0));
}

/**
 * Keeps a snapshot of a source's entries after a fetch. Content equal to the latest
 * snapshot makes no new one (as a 304 does not), so "since the previous snapshot" always
 * means since the list last changed. Then prunes the oldest beyond the retention.
 */
export function writeSnapshot(sourceName: string, entities: SnapshotEntities, options: WriteSnapshotOptions = {}): WriteSnapshotResult {
	const env = options.env ?? process.env;
	const folder = snapshotFolder(env, sourceName);
	mkdirSync(folder, {recursive: true, mode: 0o700});
	if (isSpool(entities)) return writeSpooled(sourceName, folder, entities.read(), env, options);
	// A list in memory is spooled first: one way of writing, whichever way the entries come.
	const spool = spoolOf(entities, folder);
	try {
		return writeSpooled(sourceName, folder, spool.read(), env, options);
	} finally {
		spool.discard();
	}
}

function writeSpooled(
	sourceName: string,
	folder: string,
	spooled: SpooledEntries,
	env: NodeJS.ProcessEnv,
	options: WriteSnapshotOptions,
): WriteSnapshotResult {
	const content = spooledContent(spooled) ?? recordedContent(spooled);
	const hash = contentHash(content);
	const existing = snapshotsIn(folder).filter(info => info.source === sourceName);
	const latest = existing.at(-1);
	if (latest && latest.hash === hash) return {snapshot: latest, written: false, pruned: []};
	const fetchedAt = options.fetchedAt ?? new Date().toISOString();
	let stampMs = Date.parse(fetchedAt);
	if (Number.isNaN(stampMs)) throw new TypeError(`writeSnapshot: fetchedAt is not a time: ${fetchedAt}`);
	stampMs = Math.floor(stampMs / 1000) * 1000;
	// Two snapshots in one second (or a clock set back) still get unique, increasing stamps.
	if (latest && stampMs <= Date.parse(latest.stamp)) stampMs = Date.parse(latest.stamp) + 1000;
	const stamp = stampOf(stampMs);
	const header: Header = {
		format: headerFormat,
		version: headerVersion,
		source: sourceName,
		stamp,
		fetchedAt,
		hash,
		entryCount: content.count,
	};
	const file = join(folder, `${fileStampOf(stamp)}-${hash.slice(0, 12)}.jsonl`);
	const temporary = `${file}.${process.pid}.tmp`;
	try {
		writeFile(temporary, out => {
			out.text(`${JSON.stringify(header)}\n`);
			content.writeLines(out);
		});
		renameSync(temporary, file);
	} catch (error) {
		rmSync(temporary, {force: true});
		throw error;
	}
	const snapshot = infoOf(header, file);
	const all = [...existing, snapshot];
	const excess = all.length - retentionFrom(env, options.retention);
	const pruned: string[] = [];
	for (const old of all.slice(0, Math.max(0, excess))) {
		rmSync(old.file, {force: true});
		pruned.push(old.id);
	}
	return {snapshot, written: true, pruned};
}

/**
 * writeSnapshot for the fetch path: a snapshot that cannot be written must not fail a
 * fetch that worked, so this returns a warning instead of throwing.
 */
export function recordSnapshot(sourceName: string, entities: SnapshotEntities, options: WriteSnapshotOptions = {}): string | null {
	// A records document carries vendors, not list entries: nothing to snapshot.
	const failed = isSpool(entities) && entities.failure !== null;
	if (!failed && (isSpool(entities) ? entities.count : entities.length) === 0) return null;
	try {
		writeSnapshot(sourceName, entities, options);
		return null;
	} catch (error) {
		return `could not keep a snapshot for vendor-risk changes (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`;
	}
}

/** Every snapshot (or one source's), grouped by source name, oldest first within a source. */
export function listSnapshots(env: NodeJS.ProcessEnv = process.env, sourceName?: string): SnapshotInfo[] {
	const root = snapshotsRoot(env);
	if (!existsSync(root)) return [];
	const folders =
		sourceName === undefined
			? readdirSync(root, {withFileTypes: true})
					.filter(entry => entry.isDirectory())
					.map(entry => join(root, entry.name))
			: [join(root, sourceFolderName(sourceName))];
	const infos = folders.flatMap(folder => snapshotsIn(folder)).filter(info => sourceName === undefined || info.source === sourceName);
	return infos.sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : a.stamp < b.stamp ? -1 : a.stamp > b.stamp ? 1 : 0));
}

/** Time forms a snapshot id may use after the "@": "2026-11-28T17:02:11Z", "20261128T170211Z", or the file stem. */
function stampMatches(info: SnapshotInfo, text: string): boolean {
	const stem = info.file
		.split(/[\\/]/)
		.pop()!
		.replace(/\.jsonl$/, '');
	return text === info.stamp || text === fileStampOf(info.stamp) || text === stem || text === info.stamp.replace(/Z$/, '');
}

/** The snapshot an id names; UserInputError (exit 2) when there is none. */
export function findSnapshot(id: string, env: NodeJS.ProcessEnv = process.env): SnapshotInfo {
	const at = id.lastIndexOf('@');
	if (at <= 0 || at === id.length - 1)
		throw new UserInputError(`"${id}" is not a snapshot id; ids look like CSL@2026-11-28T17:02:11Z (see vendor-risk changes --snapshots)`);
	const source = id.slice(0, at);
	const when = id.slice(at + 1);
	let candidates = listSnapshots(env, source);
	if (candidates.length === 0) {
		// Source names are unique whatever their case, so a differently cased name is the same source.
		candidates = listSnapshots(env).filter(info => info.source.toLowerCase() === source.toLowerCase());
	}
	const found = candidates.find(info => stampMatches(info, when));
	if (!found) throw new UserInputError(`no snapshot "${id}"; see vendor-risk changes --snapshots for the ids`);
	return found;
}

/** The entries of a snapshot, by id or by its listing. */
export function readSnapshot(id: string | SnapshotInfo, env: NodeJS.ProcessEnv = process.env): Snapshot {
	const info = typeof id === 'string' ? findSnapshot(id, env) : id;
	const entries: SnapshotEntry[] = [];
	try {
		const lines = readFileSync(info.file, 'utf8').split('\n');
		for (const line of lines.slice(1)) {
			if (line.trim() === '') continue;
			const record = JSON.parse(line) as EntryRecord;
			entries.push({id: record.id, hash: record.hash, entity: expandRecord(record)});
		}
	} catch (error) {
		const why = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
		throw new OperationError(`the snapshot ${info.id} is unreadable (${why}); remove ${info.file} to drop it`);
	}
	return {...info, entries};
}
