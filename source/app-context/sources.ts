// The data sources of a run: configured sources from the cache (no network),
// then one-off --source reads, in that order (later native feeds win per vendor).
import {type RecordsLayer, type SourceFormat, sourceFormats} from '../records/index.js';
import {
	entitiesInMemory,
	loadCachedSources,
	loadIndexedSources,
	readLocation,
	readOneOffSource,
	type CachedSource,
	type ParsedEntities,
	type ParsedList,
} from '../sources/index.js';
import {displayText, formatAge} from '../text/index.js';
import {UserInputError} from '../errors/index.js';
import type {EntryRow} from '../tables/index.js';
import type {SourceState} from './run-context.js';

/** A source's version as a decision records it. */
export type SourceVersionInfo = {sourceId: string; fetchedAt: string; contentHash: string};

export type SourceData = {
	layers: RecordsLayer[];
	entries: EntryRow[];
	sources: SourceState[];
	warnings: string[];
	versions: SourceVersionInfo[];
};

export function parseFormatOption(format: string | undefined): SourceFormat | undefined {
	if (format === undefined) return undefined;
	if (!(sourceFormats as readonly string[]).includes(format))
		throw new UserInputError(`--format: unknown format "${format}"; use one of ${sourceFormats.join(', ')}`);
	return format as SourceFormat;
}

/** List entries left where they are (a source's cache file, or memory for a one-off read), read one at a time. */
export type EntryRows = {count: number; at(position: number): EntryRow; close(): void};

type SourceEntities<Entities> = {records?: ParsedList['records']; entities: Entities};
type CachedData<Entities> = Omit<CachedSource, 'data'> & {data: SourceEntities<Entities> | null};

/**
 * The sources in their order, configured then one-off: records documents become layers, and
 * each source's entities go to `addEntities` with the source's name, in the form the caller read them.
 */
async function gatherSources<Entities>(
	options: {source?: string[]; format?: string; allowHttp?: boolean},
	env: NodeJS.ProcessEnv,
	cachedSources: ReadonlyArray<CachedData<Entities>>,
	inMemory: (entities: ParsedList['entities']) => Entities,
	addEntities: (name: string, entities: Entities) => void,
): Promise<Omit<SourceData, 'entries'>> {
	const data: Omit<SourceData, 'entries'> = {layers: [], sources: [], warnings: [], versions: []};
	const add = (name: string, parsed: SourceEntities<Entities>) => {
		if (parsed.records) data.layers.push({name, document: parsed.records});
		addEntities(name, parsed.entities);
	};
	for (const cached of cachedSources) {
		const name = cached.setting.name;
		if (cached.data) add(name, cached.data);
		if (cached.meta?.fetchedAt && cached.meta.contentHash)
			data.versions.push({sourceId: name, fetchedAt: cached.meta.fetchedAt, contentHash: cached.meta.contentHash});
		const age = cached.ageMs === null ? 'never fetched' : `${formatAge(cached.ageMs)} old`;
		data.sources.push({name, state: cached.state, detail: cached.why ?? age, usable: cached.data !== null});
	}
	const format = parseFormatOption(options.format);
	for (const location of options.source ?? []) {
		const parsed = await readOneOffSource(location, {format, allowHttp: options.allowHttp, env});
		// The source's name everywhere (entries, decisions, JSON): its identity, credentials taken out, nothing hidden.
		const where = readLocation(location);
		const name = displayText(where.identity);
		add(name, {records: parsed.records, entities: inMemory(parsed.entities)});
		data.warnings.push(...parsed.warnings.map(warning => `${displayText(where.shown)}: ${warning}`));
		data.sources.push({name, state: 'ok', detail: 'one-off --source', usable: true});
	}
	return data;
}

export async function loadSourceData(
	options: {source?: string[]; format?: string; allowHttp?: boolean},
	env: NodeJS.ProcessEnv,
): Promise<SourceData> {
	const entries: EntryRow[] = [];
	const cached = await loadCachedSources(env, {data: true});
	const data = await gatherSources(
		options,
		env,
		cached,
		entities => entities,
		(name, entities) => {
			for (const entity of entities) entries.push({...entity, source: name});
		},
	);
	return {...data, entries};
}

/**
 * loadSourceData with the entries left where they are: the same entries in the same order,
 * each read when asked for, so a command can write a million of them without holding them.
 */
export async function loadSourceEntries(
	options: {source?: string[]; format?: string; allowHttp?: boolean},
	env: NodeJS.ProcessEnv,
): Promise<Omit<SourceData, 'entries'> & {entries: EntryRows}> {
	const parts: Array<{name: string; first: number; entities: ParsedEntities}> = [];
	let count = 0;
	const cached = await loadIndexedSources(env);
	const data = await gatherSources(options, env, cached, entitiesInMemory, (name, entities) => {
		parts.push({name, first: count, entities});
		count += entities.count;
	});
	const partOf = (position: number) => {
		let low = 0;
		let high = parts.length - 1;
		while (low < high) {
			const middle = (low + high + 1) >>> 1;
			if (parts[middle]!.first <= position) low = middle;
			else high = middle - 1;
		}
		return parts[low]!;
	};
	const entries: EntryRows = {
		count,
		at(position) {
			const part = partOf(position);
			return {...part.entities.at(position - part.first), source: part.name};
		},
		close() {
			for (const part of parts) part.entities.close();
		},
	};
	return {...data, entries};
}
