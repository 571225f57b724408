// Getting list data, seen from outside: fetching configured sources into their
// cache (got: retries, revalidation, size caps, https only), the cache's state,
// one-off reads of --source, and one streaming parser per published format.
export {fetchAllSources, fetchConcurrency, fetchSource, inParallel, summariseWarnings, type FetchOutcome} from './fetch/fetch-source.js';
export {
	cacheStateOf,
	damagedCacheWhy,
	defaultStaleAfterMs,
	loadCachedSources,
	loadIndexedSources,
	type CachedSource,
	type CacheState,
} from './fetch/cache-state.js';
export {readOneOffSource, type OneOffOptions} from './fetch/one-off.js';
export type {FailureReason, FetchOptions, FetchProgress, FetchWait} from './fetch/options.js';
export {
	entitiesInMemory,
	removeSourceCache,
	safeSourceName,
	sourceCachePaths,
	type IndexedParsed,
	type ParsedEntities,
	type SourceMeta,
} from './fetch/cache.js';
export {defaultRetry, defaultTimeouts, type RetryPolicy, type Timeouts} from './fetch/http.js';
export {isLoopbackHost, looksLikeUrl, urlRefusal} from './fetch/url-policy.js';
export {displayLocation, readLocation, type SourceLocation} from './fetch/location.js';
export {looksLikeHtml} from './fetch/retrieve.js';
export {
	atLine,
	detectFormat,
	ListFormatError,
	parseListFile,
	readCsvText,
	type CsvProblems,
	type CsvRecord,
	type ParsedList,
} from './parsers/index.js';
