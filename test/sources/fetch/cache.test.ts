// The parsed-list cache file: JSON Lines (a header, the records document when there is
// one, then an entity per line), read back lean; an older parsed.json still reads.
import {existsSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {afterEach, beforeEach, describe, expect, test} from 'vitest';
import {openSettings, type SourceSetting} from '../../../source/settings/index.js';
import {
	damagedCacheWhy,
	fetchSource,
	loadCachedSources,
	parseListFile,
	sourceCachePaths,
	type IndexedParsed,
} from '../../../source/sources/index.js';
import {readParsed} from '../../../source/sources/fetch/cache.js';
import {noValues} from '../../../source/sources/parsers/entity-fields.js';
import {fixture, tempHome} from './helpers.js';

let home: ReturnType<typeof tempHome>;

beforeEach(() => {
	home = tempHome();
});

afterEach(() => {
	home.cleanup();
});

function addSource(setting: SourceSetting): SourceSetting {
	const settings = openSettings(home.env);
	settings.set('sources', [...settings.get('sources'), setting]);
	return setting;
}

async function fetched(name: string, location: string, again = false) {
	const setting = again ? {name, location} : addSource({name, location});
	const outcome = await fetchSource(setting, {env: home.env});
	expect(outcome.status, outcome.line).toBe('updated');
	if (outcome.status !== 'updated') throw new Error(outcome.line);
	return {outcome, paths: sourceCachePaths(home.env, name)};
}

/** A fetched list with its entities read out of the cache, as loadCachedSources gives it. */
const whole = ({entities, ...rest}: IndexedParsed) => ({
	...rest,
	entities: Array.from({length: entities.count}, (_, index) => entities.at(index)),
});

const lines = (path: string) =>
	readFileSync(path, 'utf8')
		.split('\n')
		.filter(line => line !== '');

describe('parsed.jsonl', () => {
	test('holds a header line, then one entity per line, and reads back equal', async () => {
		const file = fixture('csl-csv/consolidated_2022-05-16_sample.csv');
		const {outcome, paths} = await fetched('csl', file);
		expect(paths.parsed).toMatch(/parsed\.jsonl$/);
		expect(existsSync(paths.legacyParsed)).toBe(false);
		const [header, ...entityLines] = lines(paths.parsed);
		// The entities are written as they are parsed: the lines are what the parser makes of the whole file.
		const parsed = await parseListFile(file, {inputName: 'csl'});
		expect(JSON.parse(header!)).toEqual({format: 'csl-csv', warnings: parsed.warnings, records: false, entities: parsed.entities.length});
		expect(entityLines).toEqual(parsed.entities.map(entity => JSON.stringify(entity)));
		const [cached] = await loadCachedSources(home.env);
		expect(cached!.state).toBe('ok');
		expect(cached!.data).toEqual(whole(outcome.data));
	});

	test('reads empty lists back as the one shared empty list, and list names once', async () => {
		await fetched('csl', fixture('csl-csv/consolidated_2022-05-16_sample.csv'));
		const entities = (await loadCachedSources(home.env))[0]!.data!.entities;
		const withoutAliases = entities.filter(entity => entity.aliases.length === 0);
		expect(withoutAliases.length).toBeGreaterThan(1);
		for (const entity of withoutAliases) expect(entity.aliases).toBe(noValues);
		expect(Object.isFrozen(noValues)).toBe(true);
	});

	test('keeps a records document on its own line', async () => {
		const dataset = fileURLToPath(new URL('../../../source/records/dataset.json', import.meta.url));
		const {outcome, paths} = await fetched('records', dataset);
		const [header, records, ...rest] = lines(paths.parsed);
		expect(JSON.parse(header!)).toMatchObject({format: 'records', records: true, entities: 0});
		expect(JSON.parse(records!)).toEqual(outcome.data.records);
		expect(rest).toEqual([]);
		expect((await loadCachedSources(home.env))[0]!.data).toEqual(whole(outcome.data));
	});

	test('a cut-short file reads as unreadable, asking for a refetch', async () => {
		const {paths} = await fetched('csl', fixture('csl-csv/consolidated_2025_small.csv'));
		writeFileSync(paths.parsed, lines(paths.parsed).slice(0, -1).join('\n') + '\n');
		const [cached] = await loadCachedSources(home.env);
		expect(cached).toMatchObject({state: 'failed', why: damagedCacheWhy, data: null});
	});

	test('a parsed.json from an older version still reads, and the next fetch replaces it', async () => {
		const {outcome, paths} = await fetched('csl', fixture('csl-csv/consolidated_2025_small.csv'));
		writeFileSync(paths.legacyParsed, JSON.stringify(whole(outcome.data)));
		rmSync(paths.parsed);
		const [cached] = await loadCachedSources(home.env);
		expect(cached!.state).toBe('ok');
		expect(cached!.data).toEqual(whole(outcome.data));
		await fetched('csl', fixture('csl-csv/consolidated_2025_small.csv'), true);
		expect(existsSync(paths.legacyParsed)).toBe(false);
		expect(existsSync(paths.parsed)).toBe(true);
	});
});

describe('reading parsed.jsonl back', () => {
	test('a list read whole and one streamed line by line (past the size limit) are the same list, damage included', async () => {
		const {paths} = await fetched('csl', fixture('csl-csv/consolidated_2022-05-16_sample.csv'));
		const meta = JSON.parse(readFileSync(paths.meta, 'utf8')) as {parsedHash: string};
		const whole = await readParsed(paths, meta.parsedHash);
		expect(whole.entities.length).toBeGreaterThan(300);
		expect(await readParsed(paths, meta.parsedHash, 0)).toEqual(whole);
		// Still well-formed, one byte more: only the hash tells.
		const [header, first, ...rest] = lines(paths.parsed);
		writeFileSync(paths.parsed, [header, first!.replace('{', '{ '), ...rest].join('\n') + '\n');
		for (const limit of [undefined, 0])
			await expect(readParsed(paths, meta.parsedHash, limit)).rejects.toThrow(/changed since it was written/);
	});
});
