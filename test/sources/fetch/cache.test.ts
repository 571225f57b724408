// The parsed-list cache file: JSON Lines (a header, the records document when there is
// one, then an entity per line), read back lean; an older parsed.json still reads.
import {existsSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {afterEach, beforeEach, describe, expect, test} from 'vitest';
import {openSettings, type SourceSetting} from '../../../source/settings/index.js';
import {damagedCacheWhy, fetchSource, loadCachedSources, sourceCachePaths} from '../../../source/sources/index.js';
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

const lines = (path: string) =>
	readFileSync(path, 'utf8')
		.split('\n')
		.filter(line => line !== '');

describe('parsed.jsonl', () => {
	test('holds a header line, then one entity per line, and reads back equal', async () => {
		const {outcome, paths} = await fetched('csl', fixture('csl-csv/consolidated_2022-05-16_sample.csv'));
		expect(paths.parsed).toMatch(/parsed\.jsonl$/);
		expect(existsSync(paths.legacyParsed)).toBe(false);
		const [header, ...entityLines] = lines(paths.parsed);
		expect(JSON.parse(header!)).toEqual({
			format: 'csl-csv',
			warnings: outcome.data.warnings,
			records: false,
			entities: outcome.data.entities.length,
		});
		expect(entityLines.map(line => JSON.parse(line))).toEqual(outcome.data.entities);
		const [cached] = await loadCachedSources(home.env);
		expect(cached!.state).toBe('ok');
		expect(cached!.data).toEqual(outcome.data);
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
		expect((await loadCachedSources(home.env))[0]!.data).toEqual(outcome.data);
	});

	test('a cut-short file reads as unreadable, asking for a refetch', async () => {
		const {paths} = await fetched('csl', fixture('csl-csv/consolidated_2025_small.csv'));
		writeFileSync(paths.parsed, lines(paths.parsed).slice(0, -1).join('\n') + '\n');
		const [cached] = await loadCachedSources(home.env);
		expect(cached).toMatchObject({state: 'failed', why: damagedCacheWhy, data: null});
	});

	test('a parsed.json from an older version still reads, and the next fetch replaces it', async () => {
		const {outcome, paths} = await fetched('csl', fixture('csl-csv/consolidated_2025_small.csv'));
		writeFileSync(paths.legacyParsed, JSON.stringify(outcome.data));
		rmSync(paths.parsed);
		const [cached] = await loadCachedSources(home.env);
		expect(cached!.state).toBe('ok');
		expect(cached!.data).toEqual(outcome.data);
		await fetched('csl', fixture('csl-csv/consolidated_2025_small.csv'), true);
		expect(existsSync(paths.legacyParsed)).toBe(false);
		expect(existsSync(paths.parsed)).toBe(true);
	});
});
