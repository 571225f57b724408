// The on-disk cache of fetched sources: one folder per source under
// <cache>/sources/<safe-name>/ holding meta.json, parsed.json and raw/ (the files as
// downloaded). Every replacement is write-then-rename, so a crash leaves the last good data.
import {createHash} from 'node:crypto';
import {existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync} from 'node:fs';
import {readFile} from 'node:fs/promises';
import {join} from 'node:path';
import {z} from 'zod';
import {appPaths} from '../../app-home/index.js';
import {sourceFormats} from '../entity.js';
import type {ParsedList} from '../parsers/index.js';

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
	return `${slug}-${createHash('sha256').update(name).digest('hex').slice(0, 8)}`;
}

export function sourcesCacheRoot(environment: NodeJS.ProcessEnv): string {
	return join(appPaths(environment).cache, 'sources');
}

export type SourceCachePaths = {dir: string; meta: string; parsed: string; raw: string; lock: string};

export function sourceCachePaths(environment: NodeJS.ProcessEnv, name: string): SourceCachePaths {
	const dir = join(sourcesCacheRoot(environment), safeSourceName(name));
	return {dir, meta: join(dir, 'meta.json'), parsed: join(dir, 'parsed.json'), raw: join(dir, 'raw'), lock: join(dir, 'fetch.lock')};
}

function writeAtomically(path: string, text: string): void {
	const temporary = `${path}.${process.pid}.tmp`;
	writeFileSync(temporary, text);
	renameSync(temporary, path);
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
	mkdirSync(paths.dir, {recursive: true});
	writeAtomically(paths.meta, `${JSON.stringify(meta, null, '\t')}\n`);
}

export function hasCachedData(paths: SourceCachePaths): boolean {
	return existsSync(paths.parsed);
}

export async function readParsed(paths: SourceCachePaths): Promise<ParsedList> {
	return JSON.parse(await readFile(paths.parsed, 'utf8')) as ParsedList;
}

/**
 * Makes a fully checked download the cached data: the incoming folder becomes raw/, then
 * parsed.json and meta.json are replaced. The old raw/ is moved aside first and removed last.
 */
export function commitToCache(paths: SourceCachePaths, incomingDir: string, parsed: ParsedList, meta: SourceMeta): void {
	const parsedTemporary = `${paths.parsed}.${process.pid}.tmp`;
	writeFileSync(parsedTemporary, JSON.stringify(parsed));
	const previousRaw = `${paths.raw}.old-${process.pid}`;
	rmSync(previousRaw, {recursive: true, force: true});
	if (existsSync(paths.raw)) renameSync(paths.raw, previousRaw);
	renameSync(incomingDir, paths.raw);
	renameSync(parsedTemporary, paths.parsed);
	writeMeta(paths, meta);
	rmSync(previousRaw, {recursive: true, force: true});
}

export function removeSourceCache(environment: NodeJS.ProcessEnv, name: string): void {
	rmSync(sourceCachePaths(environment, name).dir, {recursive: true, force: true});
}
