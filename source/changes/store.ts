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
import {canonicalEntity, compactFields, compactRecord, entryHash, expandRecord, type EntryRecord} from './entry.js';

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

/** Entities read one at a time by their place (a fetched list as cached), or an array of them. */
export type SnapshotEntities = readonly ScreeningEntity[] | {readonly count: number; at(index: number): ScreeningEntity};

function sequenceOf(entities: SnapshotEntities): {readonly count: number; at(index: number): ScreeningEntity} {
	return 'count' in entities ? entities : {count: entities.length, at: index => entities[index]!};
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
function entryRecords(entities: readonly ScreeningEntity[]): EntryRecord[] {
	const byId = new Map<string, EntryRecord>();
	for (const entity of entities) {
		const record = compactRecord(String(entity.id), entity);
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

/** A snapshot's entries in file order (by id): how many, each one's content hash, and each one's line. */
type SnapshotContent = {
	count: number;
	idAt(position: number): string;
	hashAt(position: number): string;
	lineAt(position: number): string;
};

/** The general case, any entities: every record made up front. */
function recordedContent(entities: readonly ScreeningEntity[]): SnapshotContent {
	const records = entryRecords(entities);
	return {
		count: records.length,
		idAt: position => records[position]!.id,
		hashAt: position => records[position]!.hash,
		lineAt: position => JSON.stringify(records[position]!),
	};
}

/**
 * The usual case, every id once (the parsers drop repeated ids): each entity read once for
 * its id and content hash (32 bytes kept), the positions sorted by id, then each read again
 * when its line is written. A million entries made as records and lines at once took about
 * a gigabyte on top of the entities.
 */
function uniqueIdContent(entities: {readonly count: number; at(index: number): ScreeningEntity}): SnapshotContent | null {
	const ids = new Array<string>(entities.count);
	const hashes = Buffer.alloc(entities.count * 32);
	for (let index = 0; index < entities.count; index++) {
		const entity = entities.at(index);
		ids[index] = String(entity.id);
		hashes.write(entryHash(canonicalEntity(entity)), index * 32, 'hex');
	}
	const order = new Int32Array(ids.length);
	for (let position = 0; position < order.length; position++) order[position] = position;
	order.sort((a, b) => (ids[a]! < ids[b]! ? -1 : ids[a]! > ids[b]! ? 1 : 0));
	for (let position = 1; position < order.length; position++) if (ids[order[position]!] === ids[order[position - 1]!]) return null;
	const hashAt = (position: number) => hashes.toString('hex', order[position]! * 32, order[position]! * 32 + 32);
	return {
		count: order.length,
		idAt: position => ids[order[position]!]!,
		hashAt,
		lineAt(position) {
			const entity = entities.at(order[position]!);
			const record: EntryRecord = {id: ids[order[position]!]!, hash: hashAt(position), fields: compactFields(canonicalEntity(entity))};
			return JSON.stringify(record);
		},
	};
}

function contentHash(content: SnapshotContent): string {
	const hash = createHash('sha256');
	for (let position = 0; position < content.count; position++) hash.update(`${content.idAt(position)}\t${content.hashAt(position)}\n`);
	return hash.digest('hex');
}

/** Writes a line at a time, a batch of about 64 KiB per write: no list becomes one string. */
function writeLines(path: string, header: string, content: SnapshotContent): void {
	const descriptor = openSync(path, 'w', 0o600);
	try {
		let batch = `${header}\n`;
		for (let position = 0; position < content.count; position++) {
			batch += `${content.lineAt(position)}\n`;
			if (batch.length >= 64 * 1024) {
				writeSync(descriptor, batch);
				batch = '';
			}
		}
		writeSync(descriptor, batch);
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
	const folder = join(snapshotsRoot(env), sourceFolderName(sourceName));
	mkdirSync(folder, {recursive: true, mode: 0o700});
	const sequence = sequenceOf(entities);
	const content = uniqueIdContent(sequence) ?? recordedContent(Array.from({length: sequence.count}, (_, index) => sequence.at(index)));
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
		writeLines(temporary, JSON.stringify(header), content);
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
	if (sequenceOf(entities).count === 0) return null;
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
