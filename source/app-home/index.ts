// Where the app keeps its own files. VENDOR_RISK_HOME moves all of them under one folder
// (tests and scripts use it); otherwise the platform's standard locations.
import {closeSync, mkdirSync, openSync, readFileSync, unlinkSync} from 'node:fs';
import {join} from 'node:path';
import envPaths from 'env-paths';

export type AppPaths = {config: string; cache: string; data: string};

export function appPaths(environment: NodeJS.ProcessEnv = process.env): AppPaths {
	const home = environment.VENDOR_RISK_HOME;
	if (home) return {config: join(home, 'config'), cache: join(home, 'cache'), data: join(home, 'data')};
	const paths = envPaths('vendor-risk', {suffix: ''});
	return {config: paths.config, cache: paths.cache, data: paths.data};
}

/**
 * One setting read straight from the settings file, without loading conf (the
 * settings capability's store): the TUI needs its start view before the first
 * frame. Anything unreadable means "not set".
 */
export function peekSetting(key: string, environment: NodeJS.ProcessEnv = process.env): unknown {
	try {
		return (JSON.parse(readFileSync(join(appPaths(environment).config, 'settings.json'), 'utf8')) as Record<string, unknown>)[key];
	} catch {
		return undefined;
	}
}

// The errors of a file system that will not take a write: a read-only home, a folder of
// someone else's, a full disk. Each in words a reviewer can act on.
const refusals: Record<string, string> = {
	EROFS: 'the file system is read-only',
	EACCES: 'permission denied',
	EPERM: 'not permitted',
	ENOTDIR: 'a folder on the way is a file',
	ENOSPC: 'the disk is full',
	EDQUOT: 'the disk quota is used up',
};

/** "the file system is read-only (EROFS)" when `error` is the file system refusing; null for any other error. */
export function fileSystemRefusal(error: unknown): string | null {
	const code = (error as NodeJS.ErrnoException | null)?.code;
	return code && refusals[code] ? `${refusals[code]} (${code})` : null;
}

let cacheNotice: string | null = null;

/**
 * The cache could not be written (a read-only home): the run goes on without it. The first
 * such failure is kept, for the command to say once (takeHomeNotice).
 */
export function noteCacheUnwritable(path: string, error: unknown): void {
	cacheNotice ??= `note: cannot write the cache in ${path}: ${fileSystemRefusal(error) ?? (error as Error).message}; working without it this run`;
}

/** The one note about the home this run, once: null afterwards or when there is none. */
export function takeHomeNotice(): string | null {
	const notice = cacheNotice;
	cacheNotice = null;
	return notice;
}

/**
 * Makes sure the app can write in `folder` (created 0700 if missing), or throws the file
 * system's error (EROFS, EACCES, …) for the command to report in one line. A folder that
 * exists says nothing about whether a file can be created in it, so a probe file is written.
 */
export function assertWritable(folder: string): void {
	try {
		mkdirSync(folder, {recursive: true, mode: 0o700});
		const probe = join(folder, `.write-probe-${process.pid}`);
		closeSync(openSync(probe, 'w', 0o600));
		unlinkSync(probe);
	} catch (error) {
		// The folder is what a person can do something about, not the probe's name.
		if (fileSystemRefusal(error)) (error as NodeJS.ErrnoException).path = folder;
		throw error;
	}
}
export {writeWhole} from './write-whole.js';
