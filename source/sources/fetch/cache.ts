// The on-disk cache of fetched sources: one folder per source under
// <cache>/sources/<safe-name>/ holding meta.json, parsed.jsonl and raw/ (the files as
// downloaded). Every replacement is write-then-rename, so a crash leaves the last good data.
//
// parsed.jsonl is JSON Lines, written and read a line at a time so a million-entry list
// never becomes one giant string: a header line {format, warnings, records, entities},
// then the records document on its own line when there is one, then one entity per line.
// A fetch writes each entity's line as the list is parsed (the header is put in front once
// the list is checked), and a reader that needs one entry at a time (indexParsed) keeps
// only where each line starts.
// A parsed.json from older versions (one JSON document) is still read until the next
// fetch replaces it.
//
// meta.json records the SHA-256 of parsed.jsonl (parsedHash), so damage is found when the
// data is used or listed, not only when it fails to parse: a damaged cache is never "ok",
// and a fetch never revalidates (ETag, 304) data it cannot vouch for. Every file is written
// 0600 and every folder 0700: the cache shows which lists an organisation screens against.
import {createHash} from 'node:crypto';
import {
	closeSync,
	createReadStream,
	createWriteStream,
	existsSync,
	mkdirSync,
	openSync,
	readFileSync,
	readSync,
	renameSync,
	rmSync,
	statSync,
	writeSync,
} from 'node:fs';
import {readFile} from 'node:fs/promises';
import {join} from 'node:path';
import {z} from 'zod';
import {appPaths, writeWhole} from '../../app-home/index.js';
import {sha256Hex} from '../../text/index.js';
import {sourceFormats, type ScreeningEntity} from '../../records/index.js';
import {noValues} from '../parsers/entity-fields.js';
import type {ParsedHead, ParsedList} from '../parsers/index.js';

export type SourceMeta = {
	name: string;
	location: string;
	format: ParsedList['format'] | null;
	/** When the cached data was last downloaded or confirmed unchanged (304); null before any success. */
	fetchedAt: string | null;
	etag: string | null;
	lastModified: string | null;
	/** SHA-256 (hex) of the main file as stored in raw/. */
	contentHash: string | null;
	entryCount: number | null;
	/** File name of the main file inside raw/. */
	rawFile: string | null;
	/** SHA-256 (hex) of parsed.jsonl as written; absent in caches from older versions. */
	parsedHash?: string;
	/** Entry counts of the recent good downloads, oldest first: the baseline a new list is compared with. */
	recentCounts?: number[];
	/** Why the last attempt failed; absent when it succeeded. Redacted, one line. */
	lastError?: string;
	lastAttemptAt: string;
};

const metaSchema = z.object({
	name: z.string(),
	location: z.string(),
	format: z.enum(sourceFormats as [ParsedList['format'], ...ParsedList['format'][]]).nullable(),
	fetchedAt: z.string().nullable(),
	etag: z.string().nullable(),
	lastModified: z.string().nullable(),
	contentHash: z.string().nullable(),
	entryCount: z.number().int().nonnegative().nullable(),
	rawFile: z.string().nullable(),
	parsedHash: z.string().optional(),
	recentCounts: z.array(z.number().int().nonnegative()).optional(),
	lastError: z.string().optional(),
	lastAttemptAt: z.string(),
});

/** Folder name for a source: readable, and unique even when two names slug alike. */
export function safeSourceName(name: string): string {
	const slug =
		name
			.toLowerCase()
			.replace(/[^a-z\d._-]+/g, '-')
			.replace(/^[-.]+|-+$/g, '')
			.slice(0, 40) || 'source';
	return `${slug}-${sha256Hex(name).slice(0, 8)}`;
}

export function sourcesCacheRoot(environment: NodeJS.ProcessEnv): string {
	return join(appPaths(environment).cache, 'sources');
}

export type SourceCachePaths = {
	dir: string;
	meta: string;
	/** parsed.jsonl: the parsed list as JSON Lines. */
	parsed: string;
	/** parsed.json: the single-document form older versions wrote; read when parsed.jsonl is absent. */
	legacyParsed: string;
	raw: string;
};

export function sourceCachePaths(environment: NodeJS.ProcessEnv, name: string): SourceCachePaths {
	const dir = join(sourcesCacheRoot(environment), safeSourceName(name));
	return {
		dir,
		meta: join(dir, 'meta.json'),
		parsed: join(dir, 'parsed.jsonl'),
		legacyParsed: join(dir, 'parsed.json'),
		raw: join(dir, 'raw'),
	};
}

/** The meta of a source, or null when there is none or it is unreadable (treated as never fetched). */
export function readMeta(paths: SourceCachePaths): SourceMeta | null {
	if (!existsSync(paths.meta)) return null;
	try {
		const result = metaSchema.safeParse(JSON.parse(readFileSync(paths.meta, 'utf8')));
		return result.success ? result.data : null;
	} catch {
		return null;
	}
}

export function writeMeta(paths: SourceCachePaths, meta: SourceMeta): void {
	mkdirSync(paths.dir, {recursive: true, mode: 0o700});
	writeWhole(paths.meta, `${JSON.stringify(meta, null, '\t')}\n`);
}

export function hasCachedData(paths: SourceCachePaths): boolean {
	return existsSync(paths.parsed) || existsSync(paths.legacyParsed);
}

/** The first line of parsed.jsonl. `entities` lets a reader notice a cut-short file. */
type ParsedHeader = {format: ParsedList['format']; warnings: string[]; records: boolean; entities: number};

const headerSchema = z.object({
	format: z.enum(sourceFormats as [ParsedList['format'], ...ParsedList['format'][]]),
	warnings: z.array(z.string()),
	records: z.boolean(),
	entities: z.number().int().nonnegative(),
});

/** A cache whose bytes are not what was written: the caller says so and asks for a fetch. */
export class DamagedCacheError extends Error {}

/**
 * Files up to this size are read whole and split at once: a list the size of the CSL (14,000 entries, a
 * few MB) read line by line through a stream took half again as long. Larger ones stream, a line at a time.
 */
const wholeFileBytes = 64 * 1024 * 1024;

/**
 * Reads the cached parsed list; throws when it is missing, damaged or cut short (the caller asks
 * for a refetch). With `expectedHash` (meta.parsedHash), any changed byte is damage too.
 */
export async function readParsed(paths: SourceCachePaths, expectedHash?: string, wholeFileLimit = wholeFileBytes): Promise<ParsedList> {
	if (!existsSync(paths.parsed) && existsSync(paths.legacyParsed)) {
		const legacy = JSON.parse(await readFile(paths.legacyParsed, 'utf8')) as ParsedList;
		legacy.entities = legacy.entities.map(leanEntity(new Map()));
		return legacy;
	}
	let header: ParsedHeader | null = null;
	let parsed: ParsedList | null = null;
	const lean = leanEntity(new Map());
	const hash = createHash('sha256');
	for await (const line of await parsedLines(paths.parsed, hash, wholeFileLimit)) {
		if (header === null) {
			header = headerSchema.parse(JSON.parse(line));
			parsed = {format: header.format, entities: [], warnings: header.warnings};
		} else if (header.records && parsed!.records === undefined) {
			parsed!.records = JSON.parse(line) as NonNullable<ParsedList['records']>;
		} else {
			parsed!.entities.push(lean(JSON.parse(line) as ScreeningEntity));
		}
	}
	if (header === null || parsed === null) throw new Error(`${paths.parsed}: empty`);
	if ((header.records && parsed.records === undefined) || parsed.entities.length !== header.entities)
		throw new DamagedCacheError(`${paths.parsed}: cut short`);
	if (expectedHash !== undefined && hash.digest('hex') !== expectedHash)
		throw new DamagedCacheError(`${paths.parsed}: changed since it was written`);
	return parsed;
}

/** A cached list's entities where they lie: read back one at a time, by their place in the list. */
export type ParsedEntities = {count: number; at(index: number): ScreeningEntity; close(): void};

/** A cached list with its entities left on disk. */
export type IndexedParsed = Omit<ParsedList, 'entities'> & {entities: ParsedEntities};

/** Entities already in memory, read as a cached list's are. */
export function entitiesInMemory(entities: readonly ScreeningEntity[]): ParsedEntities {
	return {count: entities.length, at: index => entities[index]!, close() {}};
}

/**
 * Like readParsed, checked the same way, but only the header and records lines are parsed:
 * each entity's line is remembered by its place in the file (12 bytes an entry) and read when
 * asked for, so a million entries can be written out in any order without being held at once.
 */
export async function indexParsed(paths: SourceCachePaths, expectedHash?: string): Promise<IndexedParsed> {
	if (!existsSync(paths.parsed) && existsSync(paths.legacyParsed)) {
		const legacy = await readParsed(paths);
		return {...legacy, entities: entitiesInMemory(legacy.entities)};
	}
	let header: ParsedHeader | null = null;
	let records: ParsedList['records'];
	let starts = new Float64Array(1024);
	let lengths = new Uint32Array(1024);
	let count = 0;
	const hash = createHash('sha256');
	for await (const {start, line} of byteLines(paths.parsed, hash)) {
		if (header === null) header = headerSchema.parse(JSON.parse(line.toString('utf8')));
		else if (header.records && records === undefined) records = JSON.parse(line.toString('utf8')) as NonNullable<ParsedList['records']>;
		else {
			if (count === starts.length) {
				starts = grown(starts, new Float64Array(count * 2));
				lengths = grown(lengths, new Uint32Array(count * 2));
			}
			starts[count] = start;
			lengths[count++] = line.length;
		}
	}
	if (header === null) throw new Error(`${paths.parsed}: empty`);
	if ((header.records && records === undefined) || count !== header.entities) throw new DamagedCacheError(`${paths.parsed}: cut short`);
	if (expectedHash !== undefined && hash.digest('hex') !== expectedHash)
		throw new DamagedCacheError(`${paths.parsed}: changed since it was written`);
	return {
		format: header.format,
		warnings: header.warnings,
		...(records === undefined ? {} : {records}),
		entities: entitiesAt(paths.parsed, starts, lengths, count),
	};
}

/** The entities whose lines start at `starts` (bytes into the file at `path`) and are `lengths` long, read when asked for. */
function entitiesAt(path: string, starts: Float64Array, lengths: Uint32Array, count: number): ParsedEntities {
	let descriptor: number | undefined;
	// Bytes [heldFrom, heldTo) of the file. Read in order, entities come from one read of many lines;
	// read out of order, each is one read of its own line.
	let held = Buffer.alloc(256 * 1024);
	let heldFrom = 0;
	let heldTo = 0;
	let previous = -2;
	const entities: ParsedEntities = {
		count,
		at(index) {
			const start = starts[index]!;
			const length = lengths[index]!;
			if (start < heldFrom || start + length > heldTo) {
				descriptor ??= openSync(path, 'r');
				if (held.length < length) held = Buffer.alloc(length);
				const wanted = index === previous + 1 ? held.length : length;
				heldFrom = start;
				heldTo = start + readSync(descriptor, held, 0, wanted, start);
			}
			previous = index;
			return JSON.parse(held.toString('utf8', start - heldFrom, start - heldFrom + length)) as ScreeningEntity;
		},
		close() {
			if (descriptor !== undefined) closeSync(descriptor);
			descriptor = undefined;
		},
	};
	return entities;
}

function grown<Numbers extends Float64Array | Uint32Array>(from: Numbers, to: Numbers): Numbers {
	to.set(from);
	return to;
}

/** The non-empty lines of a file as bytes, each with the offset it starts at (and the file hashed, when asked). */
async function* byteLines(path: string, hash?: ReturnType<typeof createHash>): AsyncGenerator<{start: number; line: Buffer}> {
	let rest: Buffer = Buffer.alloc(0);
	let restStart = 0;
	for await (const chunk of createReadStream(path)) {
		hash?.update(chunk as Buffer);
		// A line end byte never occurs inside a multi-byte UTF-8 character, so bytes split safely.
		const bytes = rest.length === 0 ? (chunk as Buffer) : Buffer.concat([rest, chunk as Buffer]);
		let from = 0;
		for (let end = bytes.indexOf(10); end !== -1; end = bytes.indexOf(10, from)) {
			if (end > from) yield {start: restStart + from, line: bytes.subarray(from, end)};
			from = end + 1;
		}
		restStart += from;
		rest = bytes.subarray(from);
	}
	if (rest.length > 0) yield {start: restStart, line: rest};
}

/** SHA-256 (hex) of a file, streamed. */
export async function fileHash(path: string): Promise<string> {
	const hash = createHash('sha256');
	for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
	return hash.digest('hex');
}

/**
 * Whether the cached parsed list is intact: its hash against meta.parsedHash (cheap, no
 * parsing), or for a cache from an older version without one, a full read. The hash of a
 * cache found intact is returned, so the caller can record it; null when damaged or missing.
 */
export async function intactParsedHash(paths: SourceCachePaths, meta: SourceMeta): Promise<string | null> {
	try {
		if (!existsSync(paths.parsed)) {
			if (!existsSync(paths.legacyParsed)) return null;
			await readParsed(paths);
			return await fileHash(paths.legacyParsed);
		}
		if (meta.parsedHash !== undefined) return (await fileHash(paths.parsed)) === meta.parsedHash ? meta.parsedHash : null;
		await readParsed(paths);
		return await fileHash(paths.parsed);
	} catch {
		return null;
	}
}

/** The lines of a JSON-lines file, each hashed into `hash` as read: at once up to `wholeFileLimit` bytes, else streamed. */
async function parsedLines(
	path: string,
	hash: ReturnType<typeof createHash>,
	wholeFileLimit: number,
): Promise<Iterable<string> | AsyncIterable<string>> {
	if (statSync(path).size > wholeFileLimit) return jsonLines(path, hash);
	const bytes = await readFile(path);
	hash.update(bytes);
	return bytes
		.toString('utf8')
		.split('\n')
		.filter(line => line !== '');
}

/** The lines of a UTF-8 file, without their line ends, decoded a chunk at a time (and hashed, when asked). */
async function* jsonLines(path: string, hash?: ReturnType<typeof createHash>): AsyncGenerator<string> {
	const decoder = new TextDecoder('utf-8');
	let rest = '';
	for await (const chunk of createReadStream(path)) {
		hash?.update(chunk as Buffer);
		const text = rest + decoder.decode(chunk as Buffer, {stream: true});
		let start = 0;
		for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
			if (end > start) yield text.slice(start, end);
			start = end + 1;
		}
		rest = text.slice(start);
	}
	rest += decoder.decode();
	if (rest !== '') yield rest;
}

/**
 * Entities read back as lean as the parsers make them: empty lists become the one shared
 * frozen list, and list names and country codes are kept once each.
 */
function leanEntity(strings: Map<string, string>): (entity: ScreeningEntity) => ScreeningEntity {
	const intern = (text: string): string => {
		const known = strings.get(text);
		if (known !== undefined) return known;
		strings.set(text, text);
		return text;
	};
	const lean = (items: string[]): string[] => (items.length === 0 ? noValues : items);
	return entity => {
		entity.aliases = lean(entity.aliases);
		entity.addresses = lean(entity.addresses);
		entity.countries = lean(entity.countries);
		for (let index = 0; index < entity.countries.length; index++) entity.countries[index] = intern(entity.countries[index]!);
		entity.list = intern(entity.list);
		entity.programs = lean(entity.programs);
		for (let index = 0; index < entity.programs.length; index++) entity.programs[index] = intern(entity.programs[index]!);
		entity.sourceUrls = lean(entity.sourceUrls);
		entity.identifiers = lean(entity.identifiers);
		return entity;
	};
}

/** Entity lines written as a list is parsed, to a file of their own until the whole list has been read and checked. */
export type EntityLines = {
	readonly path: string;
	readonly count: number;
	add(entity: ScreeningEntity): void;
	/** Each line's length in bytes, line end left out, in the order they were added. */
	lengths(): Uint32Array;
	close(): void;
};

/** Writes each entity as a line of parsed.jsonl would hold it, about a mebibyte a write, noting each line's length. */
export function entityLinesFile(path: string): EntityLines {
	const descriptor = openSync(path, 'w', 0o600);
	let batch = Buffer.allocUnsafe(1 << 20);
	let used = 0;
	let lengths = new Uint32Array(1024);
	let count = 0;
	let open = true;
	const flush = () => {
		if (used > 0) writeSync(descriptor, batch, 0, used);
		used = 0;
	};
	return {
		path,
		get count() {
			return count;
		},
		add(entity) {
			const line = `${JSON.stringify(entity)}\n`;
			// A UTF-16 unit is at most 3 bytes of UTF-8, so a line that fits this way fits for sure.
			if (used + line.length * 3 > batch.length) {
				flush();
				if (line.length * 3 > batch.length) batch = Buffer.allocUnsafe(line.length * 3);
			}
			const length = batch.write(line, used);
			used += length;
			if (count === lengths.length) lengths = grown(lengths, new Uint32Array(count * 2));
			lengths[count++] = length - 1;
		},
		lengths: () => lengths.subarray(0, count),
		close() {
			if (!open) return;
			open = false;
			try {
				flush();
			} finally {
				closeSync(descriptor);
			}
		},
	};
}

/**
 * Writes parsed.jsonl (to `path`): the header and records lines, then the entity lines copied from their file;
 * returns its SHA-256 and where the entity lines start.
 */
async function writeParsed(path: string, head: ParsedHead, entities: EntityLines): Promise<{hash: string; entitiesFrom: number}> {
	entities.close();
	const out = createWriteStream(path, {mode: 0o600});
	const hash = createHash('sha256');
	const failed = new Promise<never>((_resolve, reject) => out.once('error', reject));
	failed.catch(() => undefined);
	const write = async (chunk: string | Buffer): Promise<void> => {
		hash.update(chunk);
		if (!out.write(chunk)) await Promise.race([new Promise<void>(resolve => out.once('drain', () => resolve())), failed]);
	};
	const header: ParsedHeader = {
		format: head.format,
		warnings: head.warnings,
		records: head.records !== undefined,
		entities: entities.count,
	};
	const opening = `${JSON.stringify(header)}\n${head.records === undefined ? '' : `${JSON.stringify(head.records)}\n`}`;
	await write(opening);
	for await (const chunk of createReadStream(entities.path)) await write(chunk as Buffer);
	await Promise.race([new Promise<void>(resolve => out.end(() => resolve())), failed]);
	return {hash: hash.digest('hex'), entitiesFrom: Buffer.byteLength(opening)};
}

/**
 * Makes a fully checked download the cached data: the incoming folder becomes raw/, then
 * parsed.jsonl and meta.json (with parsed.jsonl's hash) are replaced. The old raw/ is moved
 * aside first and removed last. Returns the meta as written, and the list as cached.
 */
export async function commitToCache(
	paths: SourceCachePaths,
	incomingDir: string,
	head: ParsedHead,
	entities: EntityLines,
	meta: SourceMeta,
): Promise<{meta: SourceMeta; data: IndexedParsed}> {
	const parsedTemporary = `${paths.parsed}.${process.pid}.tmp`;
	let parsedHash: string;
	let entitiesFrom: number;
	try {
		({hash: parsedHash, entitiesFrom} = await writeParsed(parsedTemporary, head, entities));
	} catch (error) {
		rmSync(parsedTemporary, {force: true});
		throw error;
	}
	const previousRaw = `${paths.raw}.old-${process.pid}`;
	rmSync(previousRaw, {recursive: true, force: true});
	if (existsSync(paths.raw)) renameSync(paths.raw, previousRaw);
	renameSync(incomingDir, paths.raw);
	renameSync(parsedTemporary, paths.parsed);
	// The old single-document form would only shadow nothing now; it is dead weight.
	rmSync(paths.legacyParsed, {force: true});
	const written = {...meta, parsedHash};
	writeMeta(paths, written);
	rmSync(previousRaw, {recursive: true, force: true});
	return {meta: written, data: {...head, entities: writtenEntities(paths.parsed, entitiesFrom, entities.lengths())}};
}

/** The entities just written, found by the lengths of their lines: the file need not be read again to index it. */
function writtenEntities(path: string, from: number, lengths: Uint32Array): ParsedEntities {
	const starts = new Float64Array(lengths.length);
	for (let index = 0, start = from; index < lengths.length; start += lengths[index++]! + 1) starts[index] = start;
	return entitiesAt(path, starts, lengths, lengths.length);
}

export function removeSourceCache(environment: NodeJS.ProcessEnv, name: string): void {
	rmSync(sourceCachePaths(environment, name).dir, {recursive: true, force: true});
}
