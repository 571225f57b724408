// The state of every configured source's cache (ok, stale, failed) and its last
// good data, read from the cache alone: no network.
import {openSettings, type SourceSetting} from '../../settings/index.js';
import {formatAge} from '../../text/index.js';
import type {ParsedList} from '../parsers/index.js';
import {
	hasCachedData,
	indexParsed,
	intactParsedHash,
	readMeta,
	readParsed,
	sourceCachePaths,
	type IndexedParsed,
	type SourceCachePaths,
	type SourceMeta,
} from './cache.js';
import {sameLocation} from './location.js';

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

/** Why a source with damaged (or missing) cached data is not ok. */
export const damagedCacheWhy = 'the cached data is damaged or unreadable; run vendor-risk fetch to download it again';

/** The state of one source's cache, from its meta alone. */
export function cacheStateOf(
	setting: SourceSetting,
	meta: SourceMeta | null,
	hasData: boolean,
	now: Date,
	staleAfterMs = defaultStaleAfterMs,
): Omit<CachedSource, 'data'> {
	const ours = meta !== null && sameLocation(meta.location, setting.location);
	const usable = meta?.fetchedAt && ours && hasData ? meta : null;
	const ageMs = usable?.fetchedAt ? now.getTime() - Date.parse(usable.fetchedAt) : null;
	if (!usable) {
		const why =
			meta?.lastError ??
			(meta && !ours
				? 'the cache is for another location; run vendor-risk fetch'
				: meta?.fetchedAt
					? damagedCacheWhy // fetched once, and its data is gone
					: 'not fetched yet; run vendor-risk fetch');
		return {setting, state: 'failed', why, meta, ageMs: null};
	}
	if (usable.lastError) return {setting, state: 'failed', why: usable.lastError, meta, ageMs};
	if (ageMs !== null && ageMs > staleAfterMs)
		return {setting, state: 'stale', why: `last fetched ${formatAge(ageMs)} ago; run vendor-risk fetch`, meta, ageMs};
	return {setting, state: 'ok', why: null, meta, ageMs};
}

type CacheReadOptions = {verify?: boolean; now?: Date; staleAfterMs?: number};

/** Every configured source's state, with its data as `read` gives it (none without `read`). */
async function readCachedSources<Data>(
	env: NodeJS.ProcessEnv,
	options: CacheReadOptions,
	read: ((paths: SourceCachePaths, meta: SourceMeta) => Promise<Data>) | null,
): Promise<Array<Omit<CachedSource, 'data'> & {data: Data | null}>> {
	const sources = openSettings(env).get('sources') ?? [];
	const now = options.now ?? new Date();
	return Promise.all(
		sources.map(async setting => {
			const paths: SourceCachePaths = sourceCachePaths(env, setting.name);
			const state = cacheStateOf(setting, readMeta(paths), hasCachedData(paths), now, options.staleAfterMs);
			const damaged = {...state, state: 'failed' as const, why: damagedCacheWhy, data: null};
			if (state.ageMs === null || state.meta === null) return {...state, data: null};
			if (read === null) return options.verify && (await intactParsedHash(paths, state.meta)) === null ? damaged : {...state, data: null};
			try {
				return {...state, data: await read(paths, state.meta)};
			} catch {
				return damaged;
			}
		}),
	);
}

/**
 * The last good data of every configured source, from the cache only (no network).
 * `data: false` reads just the meta, for listings; with `verify` the cached data is checked
 * against its hash as well, so a listing never calls damaged data ok.
 */
export async function loadCachedSources(
	env: NodeJS.ProcessEnv = process.env,
	options: CacheReadOptions & {data?: boolean} = {},
): Promise<CachedSource[]> {
	return readCachedSources(env, options, options.data === false ? null : (paths, meta) => readParsed(paths, meta.parsedHash));
}

/** As loadCachedSources, each source's entities left on disk to be read one at a time (checked against their hash all the same). */
export async function loadIndexedSources(
	env: NodeJS.ProcessEnv = process.env,
	options: CacheReadOptions = {},
): Promise<Array<Omit<CachedSource, 'data'> & {data: IndexedParsed | null}>> {
	return readCachedSources(env, options, (paths, meta) => indexParsed(paths, meta.parsedHash));
}
