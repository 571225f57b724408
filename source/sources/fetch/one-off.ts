// A source given once on the command line (--source): read without touching the
// settings or the source cache.
import {mkdirSync, mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';
import {appPaths, noteCacheUnwritable} from '../../app-home/index.js';
import {OperationError, UserInputError} from '../../errors/index.js';
import {checkLocalInput} from '../../records/index.js';
import {inputByteLimit} from '../../settings/index.js';
import {parseListFile, type ParsedList} from '../parsers/index.js';
import {readLocation} from './location.js';
import {authHeader, downloadOptions, FetchFailure, resolveOptions, type FetchOptions} from './options.js';
import {oneLine} from './redact.js';
import {entryCountOf, looksLikeHtml, readHeadText, retrieve} from './retrieve.js';
import {looksLikeUrl} from './url-policy.js';

/** A one-off source is downloaded as a configured one is; it has no settings entry, so its credential variable comes with it. */
export type OneOffOptions = Pick<
	FetchOptions,
	'format' | 'allowHttp' | 'env' | 'maxBytes' | 'timeouts' | 'retry' | 'onProgress' | 'onWait' | 'signal'
> & {
	/** Environment variable holding an Authorization header value for this URL. */
	authEnv?: string;
};

/** A private scratch folder for one download: in the cache, or in the system's temporary folder when the cache cannot be written. */
function scratchFolder(env: NodeJS.ProcessEnv): string {
	const root = join(appPaths(env).cache, 'one-off');
	try {
		mkdirSync(root, {recursive: true, mode: 0o700});
		return mkdtempSync(join(root, 'fetch-'));
	} catch (error) {
		noteCacheUnwritable(root, error);
		return mkdtempSync(join(tmpdir(), 'vendor-risk-fetch-'));
	}
}

/**
 * Reads a source given once on the command line (`--source`): downloads a URL into a
 * temporary folder in the cache (removed afterwards) or parses a local file in place.
 * Touches neither the settings nor the source cache. Throws UserInputError / OperationError.
 * Credentials in the URL are used for the download and appear nowhere else (readLocation).
 */
export async function readOneOffSource(location: string, options: OneOffOptions = {}): Promise<ParsedList> {
	const resolved = resolveOptions(options);
	if (location.startsWith('file://')) location = fileURLToPath(location);
	const where = readLocation(location);
	const label = where.shown;
	if (!looksLikeUrl(location)) {
		const path = resolve(location);
		// The one reader's checks: a regular file (not a directory, FIFO or device) within maxInputBytes.
		await checkLocalInput(path, {maxBytes: inputByteLimit(resolved.env), what: 'list file'});
		const head = await readHeadText(path);
		if (looksLikeHtml(head)) throw new UserInputError(`${label}: this is an HTML page, not list data; save the data file itself`);
		const parsed = await parseListFile(path, {format: options.format, inputName: label});
		if (entryCountOf(parsed) === 0) throw new UserInputError(`${label}: the list has no entries; check the file or --format`);
		return parsed;
	}
	let auth: {headers: Record<string, string>; secrets: string[]};
	try {
		auth = authHeader({name: label, authEnv: options.authEnv}, resolved.env);
	} catch (error) {
		throw new UserInputError(`${label}: ${(error as Error).message}`);
	}
	const secrets = [...auth.secrets, ...where.secrets];
	const incoming = scratchFolder(resolved.env);
	try {
		const download = downloadOptions(resolved, options.allowHttp === true, {...auth, secrets}, label, options);
		const retrieved = await retrieve(location, incoming, options.format, undefined, download);
		if (retrieved.status !== 'retrieved') throw new OperationError(`${label}: unexpected HTTP 304`);
		const parsed = await parseListFile(retrieved.mainPath, {format: retrieved.format ?? undefined, inputName: label});
		if (entryCountOf(parsed) === 0) throw new OperationError(`${label}: the list has no entries; check the URL or --format`);
		return {...parsed, warnings: [...retrieved.warnings, ...parsed.warnings].map(warning => oneLine(warning, secrets))};
	} catch (error) {
		if (error instanceof FetchFailure) {
			const message = oneLine(`${label}: ${error.message}`, secrets);
			throw error.reason === 'download' || error.reason === 'html' ? new OperationError(message) : new UserInputError(message);
		}
		if (error instanceof Error) error.message = oneLine(error.message, secrets);
		throw error;
	} finally {
		rmSync(incoming, {recursive: true, force: true});
	}
}
