// The data sources of a run: configured sources from the cache (no network),
// then one-off --source reads, in that order (later native feeds win per vendor).
import {type RecordsLayer, type SourceFormat, sourceFormats} from '../records/index.js';
import {loadCachedSources, readLocation, readOneOffSource, type ParsedList} from '../sources/index.js';
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

function addParsed(target: SourceData, name: string, parsed: ParsedList): void {
	if (parsed.records) target.layers.push({name, document: parsed.records});
	for (const entity of parsed.entities) target.entries.push({...entity, source: name});
}

export async function loadSourceData(
	options: {source?: string[]; format?: string; allowHttp?: boolean},
	env: NodeJS.ProcessEnv,
): Promise<SourceData> {
	const data: SourceData = {layers: [], entries: [], sources: [], warnings: [], versions: []};
	for (const cached of await loadCachedSources(env, {data: true})) {
		const name = cached.setting.name;
		if (cached.data) addParsed(data, name, cached.data);
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
		addParsed(data, name, parsed);
		data.warnings.push(...parsed.warnings.map(warning => `${displayText(where.shown)}: ${warning}`));
		data.sources.push({name, state: 'ok', detail: 'one-off --source', usable: true});
	}
	return data;
}
