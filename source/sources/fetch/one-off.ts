// A source given once on the command line (--source): read without touching the
// settings or the source cache.
import {existsSync, mkdirSync, mkdtempSync, rmSync, statSync} from 'node:fs';
import {join, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';
import {appPaths} from '../../app-home/index.js';
import {OperationError, UserInputError} from '../../errors/index.js';
import {parseListFile, type ParsedList} from '../parsers/index.js';
import {authHeader, downloadOptions, FetchFailure, resolveOptions, type FetchOptions} from './options.js';
import {displayLocation, oneLine} from './redact.js';
import {entryCountOf, looksLikeHtml, readHeadText, retrieve} from './retrieve.js';
import {looksLikeUrl} from './url-policy.js';

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
