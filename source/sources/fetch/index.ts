// Fetching configured sources (http(s) URLs or local files) into the cache, guarding
// against suspicious data, and reading the last good data back without the network.
import {createHash} from 'node:crypto';
import {createReadStream, createWriteStream, existsSync, mkdirSync, mkdtempSync, rmSync, statSync} from 'node:fs';
import {open} from 'node:fs/promises';
import {basename, join, resolve} from 'node:path';
import {Transform} from 'node:stream';
import {pipeline} from 'node:stream/promises';
import {fileURLToPath} from 'node:url';
import {fileLock} from '../../locks/index.js';
import {appPaths} from '../../app-home/index.js';
import {recordSnapshot} from '../../changes/index.js';
import {OperationError, UserInputError} from '../../errors/index.js';
import {defaultSettings, openSettings, type SourceSetting} from '../../settings/index.js';
import type {SourceFormat} from '../entity.js';
import {detectFormat, ofacCompanionNames, parseListFile, type ParsedList} from '../parsers/index.js';
import {
	commitToCache,
	hasCachedData,
	readMeta,
	readParsed,
	sourceCachePaths,
	writeMeta,
	type SourceCachePaths,
	type SourceMeta,
} from './cache.js';
import {
	DownloadError,
	defaultRetry,
	defaultTimeouts,
	downloadToFile,
	formatBytes,
	type DownloadOptions,
	type RetryPolicy,
	type Timeouts,
} from './http.js';
import {displayLocation, oneLine} from './redact.js';
import {looksLikeUrl} from './url-policy.js';
import {countOf} from '../../text/index.js';

export type {SourceMeta} from './cache.js';
export {safeSourceName, sourceCachePaths, removeSourceCache} from './cache.js';
export type {RetryPolicy, Timeouts} from './http.js';
export {defaultRetry, defaultTimeouts, formatBytes} from './http.js';
export {isLoopbackHost, looksLikeUrl, urlRefusal} from './url-policy.js';
export {displayLocation} from './redact.js';

export type FetchProgress = {source: string; transferred: number; total: number | null; rate: number};

export type FetchOptions = {
	env?: NodeJS.ProcessEnv;
	/** Accept a list that shrank to under half of the last good one (once: the next fetch compares with it). */
	acceptShrink?: boolean;
	/** Allow plain http for this run, whatever the source says. */
	allowHttp?: boolean;
	/** Overrides the source's format and detection. */
	format?: SourceFormat;
	/** Defaults to settings.maxDownloadBytes. */
	maxBytes?: number;
	timeouts?: Partial<Timeouts>;
	retry?: Partial<RetryPolicy>;
	onProgress?: (progress: FetchProgress) => void;
	signal?: AbortSignal;
	now?: () => Date;
};

export type FailureReason = 'download' | 'file' | 'auth' | 'html' | 'empty' | 'shrunk' | 'format' | 'busy' | 'config';

export type FetchOutcome =
	| {name: string; status: 'updated'; meta: SourceMeta; data: ParsedList; warnings: string[]; line: string}
	| {name: string; status: 'unchanged'; meta: SourceMeta; warnings: string[]; line: string}
	| {name: string; status: 'failed'; reason: FailureReason; error: string; meta: SourceMeta | null; line: string};

export type CacheState = 'ok' | 'stale' | 'failed';

export type CachedSource = {
	setting: SourceSetting;
	state: CacheState;
	/** Why the state is stale or failed; null when ok. */
	why: string | null;
	meta: SourceMeta | null;
	/** The last good data; null when there is none (or it was not asked for). */
	data: ParsedList | null;
	/** Milliseconds since the data was fetched or confirmed. */
	ageMs: number | null;
};

export const defaultStaleAfterMs = 7 * 24 * 60 * 60 * 1000;

class FetchFailure extends Error {
	constructor(
		message: string,
		readonly reason: FailureReason,
	) {
		super(message);
	}
}

// ---------------------------------------------------------------------------------------
// Small helpers

const pad = (value: number) => String(value).padStart(2, '0');

/** "2026-11-27 14:02" in local time: what a reviewer compares with their clock. */
export function formatTimestamp(iso: string): string {
	const date = new Date(iso);
	return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

export function formatAge(ms: number): string {
	const minutes = Math.floor(Math.max(0, ms) / 60_000);
	if (minutes < 1) return 'under a minute';
	if (minutes < 60) return countOf(minutes, 'minute');
	const hours = Math.floor(minutes / 60);
	if (hours < 24) return countOf(hours, 'hour');
	return countOf(Math.floor(hours / 24), 'day');
}

function entryCountOf(parsed: ParsedList): number {
	return parsed.records ? Math.max(parsed.records.vendors.length, parsed.entities.length) : parsed.entities.length;
}

/** HTML where list data was expected: an error, login or portal page served with 200. */
export function looksLikeHtml(head: string): boolean {
	return /^\s*(?:<\?xml[^>]*>\s*)?(?:<!--[^]*?-->\s*)*<(?:!doctype\s+html|html|head|body)[\s>]/i.test(head.replace(/^\uFEFF/, ''));
}

async function readHeadText(path: string, bytes = 64 * 1024): Promise<string> {
	const handle = await open(path, 'r');
	try {
		const buffer = Buffer.alloc(bytes);
		const {bytesRead} = await handle.read(buffer, 0, bytes, 0);
		return buffer.subarray(0, bytesRead).toString('utf8');
	} finally {
		await handle.close();
	}
}

function rawFileName(location: string): string {
	const name = looksLikeUrl(location) ? decodeURIComponent(new URL(location).pathname.split('/').pop() ?? '') : basename(location);
	// Only a plain file name may reach the file system; the parser uses it as a format hint.
	const safe = name.replace(/[^\w.-]+/g, '_').replace(/^\.+/, '');
	return safe || 'download';
}

/** Copies a local file into the cache, hashing on the way; the size cap applies as to downloads. */
async function copyLocalFile(source: string, destination: string, maxBytes: number): Promise<{contentHash: string; bytes: number}> {
	let size: number;
	try {
		const stats = statSync(source);
		if (!stats.isFile()) throw new FetchFailure(`${source} is not a file; check the source's location`, 'file');
		size = stats.size;
	} catch (error) {
		if (error instanceof FetchFailure) throw error;
		throw new FetchFailure(
			`cannot read ${source} (${(error as NodeJS.ErrnoException).code ?? 'error'}); check that the file exists`,
			'file',
		);
	}
	if (size > maxBytes)
		throw new FetchFailure(
			`${source} is ${formatBytes(size)}, over the ${formatBytes(maxBytes)} limit; raise maxDownloadBytes in the settings if that is expected`,
			'file',
		);
	const hash = createHash('sha256');
	await pipeline(
		createReadStream(source),
		new Transform({
			transform(chunk: Buffer, _encoding, callback) {
				hash.update(chunk);
				callback(null, chunk);
			},
		}),
		createWriteStream(destination),
	);
	return {contentHash: hash.digest('hex'), bytes: size};
}

type Resolved = {
	env: NodeJS.ProcessEnv;
	maxBytes: number;
	timeouts: Timeouts;
	retry: RetryPolicy;
	now: () => Date;
};

function resolveOptions(options: FetchOptions): Resolved {
	const env = options.env ?? process.env;
	let maxBytes = options.maxBytes ?? defaultSettings.maxDownloadBytes;
	// Opening conf creates the settings file; a one-off read must leave no trace.
	if (options.maxBytes === undefined && existsSync(join(appPaths(env).config, 'settings.json'))) {
		try {
			maxBytes = openSettings(env).get('maxDownloadBytes');
		} catch {
			// A broken settings file is reported by the commands that need it; the default cap is safe here.
		}
	}
	return {
		env,
		maxBytes,
		timeouts: {...defaultTimeouts, ...options.timeouts},
		retry: {...defaultRetry, ...options.retry},
		now: options.now ?? (() => new Date()),
	};
}

function authHeader(
	setting: {name: string; authEnv?: string},
	env: NodeJS.ProcessEnv,
): {headers: Record<string, string>; secrets: string[]} {
	if (!setting.authEnv) return {headers: {}, secrets: []};
	const value = env[setting.authEnv];
	if (!value)
		throw new FetchFailure(
			`the environment variable ${setting.authEnv} (the source's auth token) is not set; set it, or remove authEnv from the source`,
			'auth',
		);
	return {headers: {authorization: value}, secrets: [value]};
}

function downloadOptions(
	resolved: Resolved,
	allowHttp: boolean,
	auth: {headers: Record<string, string>; secrets: string[]},
	name: string,
	options: FetchOptions,
): DownloadOptions {
	const report = options.onProgress;
	return {
		env: resolved.env,
		allowHttp,
		maxBytes: resolved.maxBytes,
		timeouts: resolved.timeouts,
		retry: resolved.retry,
		headers: auth.headers,
		secrets: auth.secrets,
		signal: options.signal,
		onProgress: report ? progress => report({source: name, ...progress}) : undefined,
	};
}

type Retrieved =
	| {status: 'not-modified'}
	| {
			status: 'retrieved';
			mainPath: string;
			etag: string | null;
			lastModified: string | null;
			contentHash: string;
			companionsComplete: boolean;
			warnings: string[];
	  };

/**
 * Gets the main file (and, for OFAC CSV, its companions) into `incoming`. A download error
 * becomes a FetchFailure; a companion that cannot be had is a warning.
 */
async function retrieve(
	location: string,
	incoming: string,
	format: SourceFormat | undefined,
	conditional: DownloadOptions['conditional'],
	download: DownloadOptions,
): Promise<Retrieved & {format?: SourceFormat | null; head?: string; contentType?: string | null}> {
	const mainPath = join(incoming, rawFileName(location));
	const warnings: string[] = [];
	let etag: string | null = null;
	let lastModified: string | null = null;
	let contentHash: string;
	let contentType: string | null = null;
	const isUrl = looksLikeUrl(location);
	if (isUrl) {
		try {
			const result = await downloadToFile(new URL(location), mainPath, {...download, conditional});
			if (result.status === 'not-modified') return {status: 'not-modified'};
			({etag, lastModified, contentHash, contentType} = result);
		} catch (error) {
			if (error instanceof DownloadError) throw new FetchFailure(error.message, 'download');
			throw error;
		}
	} else {
		({contentHash} = await copyLocalFile(location, mainPath, download.maxBytes));
	}
	const head = await readHeadText(mainPath);
	if (looksLikeHtml(head)) {
		const type = contentType ? ` (${contentType.split(';')[0]})` : '';
		throw new FetchFailure(
			`got an HTML page${type} instead of list data, often an error, login or portal page; check the URL in a browser`,
			'html',
		);
	}
	const detected = format ?? detectFormat(head, basename(mainPath));
	let companionsComplete = true;
	if (detected === 'ofac-csv') {
		const localNames = ofacCompanionNames(mainPath);
		const remoteNames = isUrl ? ofacCompanionNames(new URL(location).pathname) : ofacCompanionNames(location);
		for (const kind of ['alt', 'add', 'comments'] as const) {
			const fileName = basename(localNames[kind]);
			try {
				if (isUrl) {
					const url = new URL(location);
					url.pathname = remoteNames[kind];
					// Companions are small; no progress for them, and never conditional: they must match the main file.
					await downloadToFile(url, localNames[kind], {...download, onProgress: undefined, conditional: undefined});
				} else if (existsSync(remoteNames[kind])) {
					await copyLocalFile(remoteNames[kind], localNames[kind], download.maxBytes);
				} else {
					companionsComplete = false; // the parser says what is missing
				}
			} catch (error) {
				companionsComplete = false;
				rmSync(localNames[kind], {force: true});
				warnings.push(`could not get ${fileName} (${(error as Error).message})`);
			}
		}
	}
	return {
		status: 'retrieved',
		mainPath,
		etag,
		lastModified,
		contentHash,
		companionsComplete,
		warnings,
		format: detected,
		head,
		contentType,
	};
}

function withoutPrefix(message: string, name: string): string {
	return message.startsWith(`${name}: `) ? message.slice(name.length + 2) : message;
}

function summariseWarnings(warnings: readonly string[]): string {
	if (warnings.length === 0) return '';
	const more = warnings.length > 1 ? ` (+${warnings.length - 1} more)` : '';
	return `; ${warnings.length === 1 ? 'warning' : 'warnings'}: ${warnings[0]}${more}`;
}

/** The meta of usable cached data: fetched once at least, from this very location. */
function lastGood(meta: SourceMeta | null, setting: SourceSetting, paths: SourceCachePaths): SourceMeta | null {
	return meta?.fetchedAt && meta.location === setting.location && hasCachedData(paths) ? meta : null;
}

// ---------------------------------------------------------------------------------------
// Public face

/**
 * Fetches one source into the cache. Never throws for a failed fetch: the outcome says what
 * happened in one line, the last good data stays, and meta.json records the error.
 */
export async function fetchSource(setting: SourceSetting, options: FetchOptions = {}): Promise<FetchOutcome> {
	const resolved = resolveOptions(options);
	const name = oneLine(setting.name, []);
	const paths = sourceCachePaths(resolved.env, setting.name);
	mkdirSync(paths.dir, {recursive: true});
	let secrets: string[] = [];
	let release: (() => Promise<void>) | undefined;
	let incoming: string | undefined;
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
		const location = looksLikeUrl(setting.location) ? setting.location : resolve(setting.location);
		const auth = looksLikeUrl(location) ? authHeader(setting, resolved.env) : {headers: {}, secrets: []};
		secrets = auth.secrets;
		const download = downloadOptions(resolved, options.allowHttp === true || setting.allowHttp === true, auth, setting.name, options);
		const format = options.format ?? setting.format;
		// Revalidate only data that came from this very location in the format now expected.
		const conditional =
			previousGood && (!format || previousGood.format === format)
				? {etag: previousGood.etag, lastModified: previousGood.lastModified}
				: undefined;
		incoming = mkdtempSync(join(paths.dir, '.incoming-'));
		const retrieved = await retrieve(location, incoming, format, conditional, download);
		if (retrieved.status === 'not-modified') {
			const meta: SourceMeta = {...previousGood!, fetchedAt: attemptedAt, lastAttemptAt: attemptedAt};
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
		let parsed: ParsedList;
		try {
			parsed = await parseListFile(retrieved.mainPath, {format: retrieved.format ?? undefined, inputName: setting.name});
		} catch (error) {
			throw new FetchFailure(withoutPrefix((error as Error).message, setting.name), 'format');
		}
		const entryCount = entryCountOf(parsed);
		if (entryCount === 0)
			throw new FetchFailure(
				'the new list has no entries; kept the last good data (check the source, or the format with --format)',
				'empty',
			);
		if (previousGood?.entryCount && entryCount < previousGood.entryCount / 2 && !options.acceptShrink) {
			throw new FetchFailure(
				`the new list has ${entryCount} entries, under half of the ${previousGood.entryCount} last time, so it was rejected; if the shrink is expected, run vendor-risk fetch --accept-shrink`,
				'shrunk',
			);
		}
		const warnings = [
			...retrieved.warnings.map(warning => oneLine(warning, secrets)),
			...parsed.warnings.map(warning => oneLine(withoutPrefix(warning, setting.name), secrets)),
		];
		const meta: SourceMeta = {
			name: setting.name,
			location: setting.location,
			format: parsed.format,
			fetchedAt: attemptedAt,
			// Without every companion, the next fetch must download everything again.
			etag: retrieved.companionsComplete ? retrieved.etag : null,
			lastModified: retrieved.companionsComplete ? retrieved.lastModified : null,
			contentHash: retrieved.contentHash,
			entryCount,
			rawFile: basename(retrieved.mainPath),
			lastAttemptAt: attemptedAt,
		};
		await commitToCache(paths, incoming, parsed, meta);
		incoming = undefined;
		const snapshotWarning = recordSnapshot(setting.name, parsed.entities, {env: resolved.env, fetchedAt: attemptedAt});
		if (snapshotWarning) warnings.push(snapshotWarning);
		const shrinkNote =
			previousGood?.entryCount && entryCount < previousGood.entryCount / 2 ? ` (shrink from ${previousGood.entryCount} accepted)` : '';
		return {
			name: setting.name,
			status: 'updated',
			meta,
			data: parsed,
			warnings,
			line: `${name}: ${entryCount} entries (${parsed.format})${shrinkNote}${summariseWarnings(warnings)}`,
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
						location: setting.location,
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
		await release?.().catch(() => undefined);
	}
}

/** Fetches every source one after another (kind to servers, and progress stays readable). */
export async function fetchAllSources(sources: readonly SourceSetting[], options: FetchOptions = {}): Promise<FetchOutcome[]> {
	const outcomes: FetchOutcome[] = [];
	for (const setting of sources) outcomes.push(await fetchSource(setting, options));
	return outcomes;
}

/** The state of one source's cache, from its meta alone. */
export function cacheStateOf(
	setting: SourceSetting,
	meta: SourceMeta | null,
	hasData: boolean,
	now: Date,
	staleAfterMs = defaultStaleAfterMs,
): Omit<CachedSource, 'data'> {
	const usable = meta?.fetchedAt && meta.location === setting.location && hasData ? meta : null;
	const ageMs = usable?.fetchedAt ? now.getTime() - Date.parse(usable.fetchedAt) : null;
	if (!usable) {
		const why =
			meta?.lastError ??
			(meta && meta.location !== setting.location
				? 'the cache is for another location; run vendor-risk fetch'
				: 'not fetched yet; run vendor-risk fetch');
		return {setting, state: 'failed', why, meta, ageMs: null};
	}
	if (usable.lastError) return {setting, state: 'failed', why: usable.lastError, meta, ageMs};
	if (ageMs !== null && ageMs > staleAfterMs)
		return {setting, state: 'stale', why: `last fetched ${formatAge(ageMs)} ago; run vendor-risk fetch`, meta, ageMs};
	return {setting, state: 'ok', why: null, meta, ageMs};
}

/**
 * The last good data of every configured source, from the cache only (no network).
 * `data: false` reads just the meta, for listings.
 */
export async function loadCachedSources(
	env: NodeJS.ProcessEnv = process.env,
	options: {data?: boolean; now?: Date; staleAfterMs?: number} = {},
): Promise<CachedSource[]> {
	const sources = openSettings(env).get('sources') ?? [];
	const now = options.now ?? new Date();
	return Promise.all(
		sources.map(async (setting): Promise<CachedSource> => {
			const paths: SourceCachePaths = sourceCachePaths(env, setting.name);
			const state = cacheStateOf(setting, readMeta(paths), hasCachedData(paths), now, options.staleAfterMs);
			if (options.data === false || state.ageMs === null) return {...state, data: null};
			try {
				return {...state, data: await readParsed(paths)};
			} catch {
				return {...state, state: 'failed', why: 'the cached data is unreadable; run vendor-risk fetch', data: null};
			}
		}),
	);
}

/** A one-off source is downloaded as a configured one is; it has no settings entry, so its credential variable comes with it. */
export type OneOffOptions = Pick<
	FetchOptions,
	'format' | 'allowHttp' | 'env' | 'maxBytes' | 'timeouts' | 'retry' | 'onProgress' | 'signal'
> & {
	/** Environment variable holding an Authorization header value for this URL. */
	authEnv?: string;
};

/**
 * Reads a source given once on the command line (`--source`): downloads a URL into a
 * temporary folder in the cache (removed afterwards) or parses a local file in place.
 * Touches neither the settings nor the source cache. Throws UserInputError / OperationError.
 */
export async function readOneOffSource(location: string, options: OneOffOptions = {}): Promise<ParsedList> {
	const resolved = resolveOptions(options);
	if (location.startsWith('file://')) location = fileURLToPath(location);
	const label = displayLocation(location);
	if (!looksLikeUrl(location)) {
		const path = resolve(location);
		if (!existsSync(path)) throw new UserInputError(`${label}: no such file; check the path`);
		if (!statSync(path).isFile()) throw new UserInputError(`${label}: is a directory, not a list file; give the file itself`);
		const head = await readHeadText(path);
		if (looksLikeHtml(head)) throw new UserInputError(`${label}: this is an HTML page, not list data; save the data file itself`);
		const parsed = await parseListFile(path, {format: options.format});
		if (entryCountOf(parsed) === 0) throw new UserInputError(`${label}: the list has no entries; check the file or --format`);
		return parsed;
	}
	let auth: {headers: Record<string, string>; secrets: string[]};
	try {
		auth = authHeader({name: label, authEnv: options.authEnv}, resolved.env);
	} catch (error) {
		throw new UserInputError(`${label}: ${(error as Error).message}`);
	}
	const temporaryRoot = join(appPaths(resolved.env).cache, 'one-off');
	mkdirSync(temporaryRoot, {recursive: true});
	const incoming = mkdtempSync(join(temporaryRoot, 'fetch-'));
	try {
		const download = downloadOptions(resolved, options.allowHttp === true, auth, label, options);
		const retrieved = await retrieve(location, incoming, options.format, undefined, download);
		if (retrieved.status !== 'retrieved') throw new OperationError(`${label}: unexpected HTTP 304`);
		const parsed = await parseListFile(retrieved.mainPath, {format: retrieved.format ?? undefined, inputName: label});
		if (entryCountOf(parsed) === 0) throw new OperationError(`${label}: the list has no entries; check the URL or --format`);
		return {...parsed, warnings: [...retrieved.warnings, ...parsed.warnings]};
	} catch (error) {
		if (error instanceof FetchFailure) {
			const message = oneLine(`${label}: ${error.message}`, auth.secrets);
			throw error.reason === 'download' || error.reason === 'html' ? new OperationError(message) : new UserInputError(message);
		}
		if (error instanceof Error) error.message = oneLine(error.message, auth.secrets);
		throw error;
	} finally {
		rmSync(incoming, {recursive: true, force: true});
	}
}
