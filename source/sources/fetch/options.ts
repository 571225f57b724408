// What a fetch is told (FetchOptions) and what it resolves them to: the size cap
// from the settings, timeouts, retries, the source's auth header.
import {existsSync} from 'node:fs';
import {join} from 'node:path';
import {appPaths} from '../../app-home/index.js';
import {defaultSettings, openSettings} from '../../settings/index.js';
import type {ScreeningEntity, SourceFormat} from '../../records/index.js';
import {defaultRetry, defaultTimeouts, type DownloadOptions, type RetryPolicy, type Timeouts} from './http.js';

export type FetchProgress = {source: string; transferred: number; total: number | null; rate: number};

/** A pause before the next try of a source's download, and why (HTTP 503, Retry-After, …). */
export type FetchWait = {source: string; ms: number; tryNumber: number; tries: number; why: string};

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
	/**
	 * Hears each entity of a downloaded list as it is parsed (repeated ids left out), in the
	 * cache's order, before the list is checked: only an 'updated' outcome means they were kept.
	 */
	onEntity?: (entity: ScreeningEntity) => void;
	/** Told before every wait between tries, so the app can say what it waits for. */
	onWait?: (wait: FetchWait) => void;
	signal?: AbortSignal;
	now?: () => Date;
};

export type FailureReason = 'download' | 'file' | 'auth' | 'html' | 'empty' | 'shrunk' | 'format' | 'busy' | 'config';

/** A fetch that failed for a reason the outcome names; never escapes fetchSource. */
export class FetchFailure extends Error {
	constructor(
		message: string,
		readonly reason: FailureReason,
	) {
		super(message);
	}
}

export type Resolved = {
	env: NodeJS.ProcessEnv;
	maxBytes: number;
	timeouts: Timeouts;
	retry: RetryPolicy;
	now: () => Date;
};

export function resolveOptions(options: FetchOptions): Resolved {
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

export function authHeader(
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

export function downloadOptions(
	resolved: Resolved,
	allowHttp: boolean,
	auth: {headers: Record<string, string>; secrets: string[]},
	name: string,
	options: FetchOptions,
): DownloadOptions {
	const report = options.onProgress;
	const announce = options.onWait;
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
		onWait: announce ? wait => announce({source: name, ...wait}) : undefined,
	};
}
