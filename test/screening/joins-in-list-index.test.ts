// Issue 20: a row is joined to the curated vendors in the same search of its names as
// its list screening, the curated vendors' entries sitting at the end of the list's
// candidate index. The joins keep issue 15's behaviour (distinctive words decide, the
// score is that of the reviewer's own name), are scored with the list's statistics, and
// come out the same on any number of threads.
import {fileURLToPath, pathToFileURL} from 'node:url';
import {beforeAll, describe, expect, test} from 'vitest';
import {loadEmbeddedRecords} from '../../source/records/embedded.js';
import type {ScreeningEntity} from '../../source/records/list-entries.js';
import {
	buildIndex,
	curatedNames,
	defaultThreshold,
	joinCurated,
	parseInventory,
	scoreNames,
	screenAll,
	screenHere,
	screeningJob,
	type ScreeningHit,
	type ScreeningJob,
} from '../../source/screening/index.js';
import {parseListFile} from '../../source/sources/parsers/index.js';
import {useBundledScript} from '../helpers/bundle-script.js';
import {fixture} from '../helpers.js';

const curated = loadEmbeddedRecords().vendors;
const rows = [
	'China Telecom Americas',
	'Beijing Technology Co',
	'Megvii Technology Hong Kong',
	'Kaspersky Endpoint Security',
	'АО «Лаборатория Касперского»',
	'海康威视',
	'Hik Vision',
	'Hua Wei',
	'PT Bank Central Asia',
	'QQ Logistics',
	'Docker Inc.',
	'Zhejiang Dahua Technology Co., Ltd.',
	'Semiconductor Manufacturing International Corporation (SMIC)',
];
const inventoryCsv = ['name,products', ...rows.map(name => `"${name}",`), 'Reseller GmbH,Hikvision DS-2CD2043 camera'].join('\n');
const {vendors} = parseInventory(inventoryCsv, 'inventory.csv');

let entries: ScreeningEntity[];
let job: ScreeningJob;
let hits: ScreeningHit[];
const workerScript = useBundledScript(
	fileURLToPath(new URL('../../source/screening/screening-worker.ts', import.meta.url)),
	'screening-worker.mjs',
);

beforeAll(async () => {
	entries = (await parseListFile(fixture('csl-csv', 'consolidated_2022-05-16_sample.csv'))).entities;
	job = screeningJob({vendors, entries, curated, threshold: defaultThreshold});
	hits = screenHere(job);
}, 60_000);

const joinsOf = (name: string) =>
	hits.filter(hit => hit.kind === 'curated' && hit.vendor.name === name).map(hit => hit.entry.id.replace(/^curated:/, ''));

describe('joins found by the list screening', () => {
	test('join the same curated vendors as a curated index of their own, for the cases of issue 15', () => {
		for (const vendor of vendors)
			expect(joinsOf(vendor.name), vendor.name).toEqual(joinCurated(vendor, curated).map(join => join.vendorId));
		expect(joinsOf('China Telecom Americas')).toEqual(['china-telecom-americas']);
		expect(joinsOf('Beijing Technology Co')).toEqual([]);
		expect(joinsOf('Kaspersky Endpoint Security')).toEqual(['kaspersky']);
		expect(joinsOf('АО «Лаборатория Касперского»')).toEqual(['kaspersky']);
		expect(joinsOf('海康威视')).toEqual(['hikvision']);
		expect(joinsOf('Reseller GmbH')).toEqual(['hikvision']);
		expect(joinsOf('PT Bank Central Asia')).toEqual([]);
	});

	test('read a name with a bracketed part as two names, as the list screening does', () => {
		const join = hits.find(hit => hit.kind === 'curated' && hit.vendor.name.endsWith('(SMIC)'));
		expect(join?.entry.id).toBe('curated:smic');
		expect(join?.queryName).toBe('Semiconductor Manufacturing International Corporation');
		expect(join?.score).toBe(1);
	});

	test("carry the score of the reviewer's own name, by the list hits' scorer and statistics", () => {
		const index = buildIndex(job.entries);
		const join = hits.find(hit => hit.kind === 'curated' && hit.vendor.name === 'Megvii Technology Hong Kong')!;
		expect(join.queryName).toBe('Megvii Technology Hong Kong');
		expect(join.score).toBeLessThan(1);
		expect(join.score).toBeCloseTo(scoreNames(join.queryName, join.matchedName, {statistics: index.statistics}).score, 4);
	});

	test('widen the list screening: 海康威视 hits the CSL entry through the curated Hikvision', () => {
		const hit = hits.find(candidate => candidate.vendor.name === '海康威视' && candidate.kind === 'list');
		expect(hit?.entry.name).toBe('HANGZHOU HIKVISION DIGITAL TECHNOLOGY CO., LTD.');
		expect(hit?.via).toBe('hikvision');
	});

	test('are never list hits: a curated entry in the index is not a list entry', () => {
		expect(hits.filter(hit => hit.kind === 'list' && hit.entry.id.startsWith('curated:'))).toEqual([]);
	});

	test('weigh the curated names in the token statistics exactly as extra names did', () => {
		const asEntries = buildIndex(job.entries).statistics;
		const asExtraNames = buildIndex(entries, {statisticsNames: curated.flatMap(curatedNames)}).statistics;
		expect(asEntries.names).toBe(asExtraNames.names);
		const tokens = new Set(
			[...entries.flatMap(entry => [entry.name, ...entry.aliases]), ...curated.flatMap(curatedNames)].flatMap(name =>
				name.toLowerCase().split(/\s+/),
			),
		);
		for (const token of tokens) expect(asEntries.frequency(token), token).toBe(asExtraNames.frequency(token));
	});

	test.each([1, 2])(
		'are the same on %i worker thread(s)',
		async workers => {
			const threaded = await screenAll(job, {workers, workerUrl: pathToFileURL(workerScript()), minimumVendors: 0});
			expect(threaded).toEqual(hits);
		},
		60_000,
	);
});
