// Fetching a configured source into its cache: one at a time per source (a file
// lock), the last good data kept whatever goes wrong, every outcome one line.
import {basename, join, resolve} from 'node:path';
import {mkdirSync, mkdtempSync, readdirSync, rmSync} from 'node:fs';
import {fileLock} from '../../locks/index.js';
import type {SourceSetting} from '../../settings/index.js';
import {formatAge, formatTimestamp} from '../../text/index.js';
import {parseListInto, type ParsedHead} from '../parsers/index.js';
import {
	commitToCache,
	entityLinesFile,
	indexParsed,
	type EntityLines,
	type IndexedParsed,
	hasCachedData,
	intactParsedHash,
	readMeta,
	sourceCachePaths,
	writeMeta,
	type SourceCachePaths,
	type SourceMeta,
} from './cache.js';
import {readLocation, sameLocation} from './location.js';
import {authHeader, downloadOptions, FetchFailure, resolveOptions, type FailureReason, type FetchOptions} from './options.js';
import {oneLine} from './redact.js';
import {entryCountOfHead, retrieve} from './retrieve.js';
import {looksLikeUrl} from './url-policy.js';

export type FetchOutcome =
	| {
			name: string;
			status: 'updated';
			meta: SourceMeta;
			/** The list as cached, its entities read from the cache one at a time (close them when done). */
			data: IndexedParsed;
			warnings: string[];
			line: string;
			/** The line without its warnings. */ summary: string;
	  }
	| {name: string; status: 'unchanged'; meta: SourceMeta; warnings: string[]; line: string}
	| {name: string; status: 'failed'; reason: FailureReason; error: string; meta: SourceMeta | null; line: string};

function withoutPrefix(message: string, name: string): string {
	return message.startsWith(`${name}: `) ? message.slice(name.length + 2) : message;
}

/** "; warning: …" or "; warnings: … (+N more)" for an outcome's line; empty without warnings. */
export function summariseWarnings(warnings: readonly string[]): string {
	if (warnings.length === 0) return '';
	const more = warnings.length > 1 ? ` (+${warnings.length - 1} more)` : '';
	return `; ${warnings.length === 1 ? 'warning' : 'warnings'}: ${warnings[0]}${more}`;
}

/** The meta of usable cached data: fetched once at least, from this very location. */
function lastGood(meta: SourceMeta | null, setting: SourceSetting, paths: SourceCachePaths): SourceMeta | null {
	return meta?.fetchedAt && sameLocation(meta.location, setting.location) && hasCachedData(paths) ? meta : null;
}

/** Good downloads the baseline remembers: a list gutted a little at a time still meets one of them. */
export const baselineFetches = 10;

/**
 * Why a new list is too small to accept, or null. It is compared with the last good fetch and
 * with the largest of the recent good ones, so halving it over several fetches fails as
 * surely as halving it at once.
 */
export function shrinkRefusal(entryCount: number, previous: SourceMeta | null): string | null {
	const last = previous?.entryCount ?? 0;
	const recent = Math.max(last, ...(previous?.recentCounts ?? []));
	const hint = 'if the shrink is expected, run vendor-risk fetch --accept-shrink';
	if (last && entryCount < last / 2)
		return `the new list has ${entryCount} entries, under half of the ${last} last time, so it was rejected; ${hint}`;
	if (recent && entryCount < recent / 2)
		return `the new list has ${entryCount} entries, under half of the ${recent} of a recent fetch (the baseline of the last ${baselineFetches} good ones), so it was rejected; ${hint}`;
	return null;
}

/** The recent counts after a good download: this one added, or the baseline restarted from it after an accepted shrink. */
function recentCountsAfter(entryCount: number, previous: SourceMeta | null, shrinkAccepted: boolean): number[] {
	if (shrinkAccepted || !previous?.entryCount) return [entryCount];
	const before = previous.recentCounts ?? [previous.entryCount];
	return [...before, entryCount].slice(-baselineFetches);
}

/**
 * Fetches one source into the cache. Never throws for a failed fetch: the outcome says what
 * happened in one line, the last good data stays, and meta.json records the error.
 */
export async function fetchSource(setting: SourceSetting, options: FetchOptions = {}): Promise<FetchOutcome> {
	const resolved = resolveOptions(options);
	const name = oneLine(setting.name, []);
	const paths = sourceCachePaths(resolved.env, setting.name);
	mkdirSync(paths.dir, {recursive: true, mode: 0o700});
	let secrets: string[] = [];
	let release: (() => Promise<void>) | undefined;
	let incoming: string | undefined;
	let entityLines: EntityLines | undefined;
	// Read again once the lock is held: another process may have just finished a fetch.
	let previous = readMeta(paths);
	let previousGood = lastGood(previous, setting, paths);
	const attemptedAt = resolved.now().toISOString();
	try {
		try {
			// Two fetches of one source at once would race on raw/ and meta.json.
			release = await fileLock(paths.dir, 'fetch', {staleMs: 60_000, waitMs: 0}).acquire();
		} catch {
			throw new FetchFailure('another vendor-risk fetch is updating this source; try again when it has finished', 'busy');
		}
		previous = readMeta(paths);
		previousGood = lastGood(previous, setting, paths);
		// A fetch interrupted (Ctrl-C, SIGTERM) leaves its download folder; under the lock no other fetch owns one.
		for (const leftover of readdirSync(paths.dir).filter(name => name.startsWith('.incoming-')))
			rmSync(join(paths.dir, leftover), {recursive: true, force: true});
		const location = looksLikeUrl(setting.location) ? setting.location : resolve(setting.location);
		const auth = looksLikeUrl(location) ? authHeader(setting, resolved.env) : {headers: {}, secrets: []};
		// Credentials in a hand-written settings URL go to the server and nowhere else: not into meta, messages or logs.
		secrets = [...auth.secrets, ...readLocation(setting.location).secrets];
		const download = downloadOptions(
			resolved,
			options.allowHttp === true || setting.allowHttp === true,
			{...auth, secrets},
			setting.name,
			options,
		);
		const format = options.format ?? setting.format;
		// Revalidate only data that came from this very location in the format now expected, and only
		// data found intact: a 304 for a damaged cache would keep it damaged for good.
		let conditional =
			previousGood && (!format || previousGood.format === format)
				? {etag: previousGood.etag, lastModified: previousGood.lastModified}
				: undefined;
		const intactHash = previousGood && conditional ? await intactParsedHash(paths, previousGood) : null;
		if (!intactHash) conditional = undefined;
		incoming = mkdtempSync(join(paths.dir, '.incoming-'));
		const retrieved = await retrieve(location, incoming, format, conditional, download);
		if (retrieved.status === 'not-modified') {
			const meta: SourceMeta = {...previousGood!, parsedHash: intactHash!, fetchedAt: attemptedAt, lastAttemptAt: attemptedAt};
			delete meta.lastError;
			writeMeta(paths, meta);
			return {
				name: setting.name,
				status: 'unchanged',
				meta,
				warnings: [],
				line: `${name}: unchanged (HTTP 304); ${meta.entryCount ?? 0} entries from the cache`,
			};
		}
		// Each entity goes to a file as it is parsed (under the lock, so the leftover sweep above owns it too):
		// a million-row list is never held in memory, and the last good data stays until the new list is checked.
		const lines = entityLinesFile(join(paths.dir, `.incoming-entities-${process.pid}.jsonl`));
		entityLines = lines;
		let parsed: ParsedHead;
		try {
			parsed = await parseListInto(retrieved.mainPath, {format: retrieved.format ?? undefined, inputName: setting.name}, entity =>
				lines.add(entity),
			);
		} catch (error) {
			throw new FetchFailure(withoutPrefix((error as Error).message, setting.name), 'format');
		}
		const entryCount = entryCountOfHead(parsed, lines.count);
		if (entryCount === 0)
			throw new FetchFailure(
				'the new list has no entries; kept the last good data (check the source, or the format with --format)',
				'empty',
			);
		const shrink = shrinkRefusal(entryCount, previousGood);
		if (shrink && !options.acceptShrink) throw new FetchFailure(shrink, 'shrunk');
		const warnings = [
			...retrieved.warnings.map(warning => oneLine(warning, secrets)),
			...parsed.warnings.map(warning => oneLine(withoutPrefix(warning, setting.name), secrets)),
		];
		const meta: SourceMeta = {
			name: setting.name,
			location: readLocation(setting.location).identity,
			format: parsed.format,
			fetchedAt: attemptedAt,
			// Without every companion, the next fetch must download everything again.
			etag: retrieved.companionsComplete ? retrieved.etag : null,
			lastModified: retrieved.companionsComplete ? retrieved.lastModified : null,
			contentHash: retrieved.contentHash,
			entryCount,
			rawFile: basename(retrieved.mainPath),
			recentCounts: recentCountsAfter(entryCount, previousGood, shrink !== null),
			lastAttemptAt: attemptedAt,
		};
		const written = await commitToCache(paths, incoming, parsed, lines, meta);
		incoming = undefined;
		const data = await indexParsed(paths, written.parsedHash);
		const shrinkNote = shrink
			? ` (shrink from ${Math.max(previousGood?.entryCount ?? 0, ...(previousGood?.recentCounts ?? []))} accepted)`
			: '';
		const summary = `${name}: ${entryCount} entries (${parsed.format})${shrinkNote}`;
		return {
			name: setting.name,
			status: 'updated',
			meta: written,
			data,
			warnings,
			summary,
			line: `${summary}${summariseWarnings(warnings)}`,
		};
	} catch (error) {
		const known = error instanceof FetchFailure;
		const message = oneLine(known ? error.message : `unexpected error (${(error as Error)?.message ?? String(error)})`, secrets);
		const reason: FailureReason = known ? error.reason : 'download';
		let meta: SourceMeta | null = previous;
		// A busy source is another process's business: leave its meta alone.
		if (reason !== 'busy') {
			meta = previous
				? {...previous, lastError: message, lastAttemptAt: attemptedAt}
				: {
						name: setting.name,
						location: readLocation(setting.location).identity,
						format: null,
						fetchedAt: null,
						etag: null,
						lastModified: null,
						contentHash: null,
						entryCount: null,
						rawFile: null,
						lastError: message,
						lastAttemptAt: attemptedAt,
					};
			writeMeta(paths, meta);
		}
		const cacheNote = previousGood?.fetchedAt
			? `using the cache from ${formatTimestamp(previousGood.fetchedAt)} (${formatAge(resolved.now().getTime() - Date.parse(previousGood.fetchedAt))} old)`
			: 'no cached data yet';
		return {name: setting.name, status: 'failed', reason, error: message, meta, line: `${name}: ${message}; ${cacheNote}`};
	} finally {
		if (incoming) rmSync(incoming, {recursive: true, force: true});
		if (entityLines) {
			entityLines.close();
			rmSync(entityLines.path, {force: true});
		}
		await release?.().catch(() => undefined);
	}
}

/** Sources downloaded at once: a slow one no longer holds up the rest, and servers see few connections. */
export const fetchConcurrency = 3;

/**
 * Runs `work` over `items`, at most `limit` at a time, and returns the results in the items'
 * order; `settled` hears of each result as soon as it is there.
 */
export async function inParallel<Item, Result>(
	items: readonly Item[],
	work: (item: Item) => Promise<Result>,
	settled?: (result: Result, index: number) => void,
	limit = fetchConcurrency,
): Promise<Result[]> {
	const results = new Array<Result>(items.length);
	let next = 0;
	const worker = async (): Promise<void> => {
		while (next < items.length) {
			const index = next++;
			results[index] = await work(items[index]!);
			settled?.(results[index]!, index);
		}
	};
	await Promise.all(Array.from({length: Math.min(limit, items.length)}, worker));
	return results;
}

/** Fetches every source, a few at a time; outcomes in the sources' order. */
export async function fetchAllSources(sources: readonly SourceSetting[], options: FetchOptions = {}): Promise<FetchOutcome[]> {
	return inParallel(sources, setting => fetchSource(setting, options));
}
