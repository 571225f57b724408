// Getting a source's bytes into a folder: a download (with OFAC's companion files)
// or a copy of a local file, hashed on the way, HTML pages refused.
import {createHash} from 'node:crypto';
import {createWriteStream, existsSync, rmSync} from 'node:fs';
import {open} from 'node:fs/promises';
import {basename, join} from 'node:path';
import {Transform} from 'node:stream';
import {pipeline} from 'node:stream/promises';
import {openLocalInput, tooLarge, type SourceFormat} from '../../records/index.js';
import {inputByteLimit} from '../../settings/index.js';
import {detectFormat, ofacCompanionNames, type ParsedList} from '../parsers/index.js';
import {DownloadError, downloadToFile, type DownloadOptions} from './http.js';
import {FetchFailure} from './options.js';
import {looksLikeUrl} from './url-policy.js';

export function entryCountOf(parsed: ParsedList): number {
	return entryCountOfHead(parsed, parsed.entities.length);
}

/** The same for a list whose entities were counted as they went elsewhere. */
export function entryCountOfHead(parsed: Pick<ParsedList, 'records'>, entityCount: number): number {
	return parsed.records ? Math.max(parsed.records.vendors.length, entityCount) : entityCount;
}

/** HTML where list data was expected: an error, login or portal page served with 200. */
export function looksLikeHtml(head: string): boolean {
	return /^\s*(?:<\?xml[^>]*>\s*)?(?:<!--[^]*?-->\s*)*<(?:!doctype\s+html|html|head|body)[\s>]/i.test(head.replace(/^\uFEFF/, ''));
}

export async function readHeadText(path: string, bytes = 64 * 1024): Promise<string> {
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

/**
 * Copies a local file into the cache through the one local-input reader (a regular file
 * within maxInputBytes, refused by name otherwise), hashing on the way; a file that grows
 * past the cap while it is copied is stopped there.
 */
async function copyLocalFile(source: string, destination: string, env: NodeJS.ProcessEnv): Promise<{contentHash: string; bytes: number}> {
	const limits = {maxBytes: inputByteLimit(env), what: 'list file'};
	let opened;
	try {
		opened = await openLocalInput(source, limits);
	} catch (error) {
		throw new FetchFailure((error as Error).message, 'file');
	}
	const hash = createHash('sha256');
	let bytes = 0;
	await pipeline(
		opened.handle.createReadStream(),
		new Transform({
			transform(chunk: Buffer, _encoding, callback) {
				bytes += chunk.length;
				if (bytes > limits.maxBytes) return callback(new FetchFailure(tooLarge(source, null, limits).message, 'file'));
				hash.update(chunk);
				callback(null, chunk);
			},
		}),
		createWriteStream(destination, {mode: 0o600}),
	);
	return {contentHash: hash.digest('hex'), bytes};
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
export async function retrieve(
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
		({contentHash} = await copyLocalFile(location, mainPath, download.env));
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
					await copyLocalFile(remoteNames[kind], localNames[kind], download.env);
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
