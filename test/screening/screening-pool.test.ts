// Screening on worker threads must find exactly what one thread finds: every hit,
// its score and explanation, in the same order, on 1, 2, 3 and 4 threads. The lists
// are the real samples in test/fixtures, parsed by the app's parsers; the inventory
// is drawn from them (exact, misspelt, with a legal form) and from real unlisted
// names, with seeded countries, aliases and parents.
import {readFileSync, writeFileSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';
import {parse} from 'csv-parse/sync';
import {beforeAll, describe, expect, test} from 'vitest';
import {loadEmbeddedRecords} from '../../source/records/embedded.js';
import type {ScreeningEntity} from '../../source/records/list-entries.js';
import {
	curatedNames,
	defaultThreshold,
	keptIndex,
	keptIndexParts,
	parseInventory,
	screenAll,
	screenHere,
	type ScreeningJob,
	type ScreeningProgress,
} from '../../source/screening/index.js';
import {misspell} from '../../source/bench/synthetic-names.js';
import {parseListFile} from '../../source/sources/parsers/index.js';
import {useBundledScript} from '../helpers/bundle-script.js';
import {fixture, seededRandom, temporaryHome, testSeed} from '../helpers.js';

const listFiles = [
	'csl-csv/consolidated_2022-05-16_sample.csv',
	'csl-csv/consolidated_2025_small.csv',
	'ofac-sdn-csv/static_slice_sdn.csv',
	'ofac-xml/sdn.xml',
	'opensanctions-ftm/yente_t1_eu_fsf_entities.ftm.json',
	'csl-json/el_expected_results.json',
];
const unlistedFiles = ['names/sp500-constituents.csv', 'names/simple-icons-16.37.0-titles.csv'];
const countries = ['CN', 'RU', 'US', 'IR', 'DE', 'Hong Kong', null];
const legalForms = ['Ltd', 'LLC', 'GmbH', 'Co., Ltd.', 'JSC', ''];

async function realEntries(): Promise<ScreeningEntity[]> {
	const entries: ScreeningEntity[] = [];
	// Ids stay as the files give them: an id met in two files (or twice in one) must still be one hit per vendor.
	for (const file of listFiles) entries.push(...(await parseListFile(fixture(file))).entities);
	return entries;
}

/** The first column of a names fixture: real company and brand names. */
function unlistedNames(file: string): string[] {
	const rows = parse(readFileSync(fixture(file), 'utf8'), {skip_empty_lines: true, from_line: 2}) as string[][];
	return rows.map(row => row[0]!.trim()).filter(Boolean);
}

function seededInventory(entries: readonly ScreeningEntity[], unlisted: readonly string[], count: number): string {
	const random = seededRandom(testSeed);
	const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
	const quote = (text: string) => `"${text.replace(/"/g, '""')}"`;
	const lines = ['name,country,aliases,parent,products'];
	for (let row = 0; row < count; row++) {
		const listed = pick(entries);
		const draw = random();
		const name =
			draw < 0.25
				? listed.name
				: draw < 0.4
					? misspell(listed.name, random)
					: draw < 0.5
						? `${listed.name} ${pick(legalForms)}`
						: pick(unlisted);
		const alias = random() < 0.15 ? pick(listed.aliases.length ? listed.aliases : unlisted) : '';
		const parent = random() < 0.1 ? pick(entries).name : '';
		const country = pick(countries) ?? '';
		lines.push([name, country, alias, parent, random() < 0.05 ? 'Kaspersky Endpoint Security' : ''].map(quote).join(','));
	}
	return lines.join('\n');
}

const workerScript = useBundledScript(
	fileURLToPath(new URL('../../source/screening/screening-worker.ts', import.meta.url)),
	'screening-worker.mjs',
);

let job: ScreeningJob;
let expected: Awaited<ReturnType<typeof screenHere>>;

beforeAll(async () => {
	const entries = await realEntries();
	const unlisted = unlistedFiles.flatMap(unlistedNames);
	const {vendors} = parseInventory(seededInventory(entries, unlisted, 600), 'inventory.csv');
	const curated = loadEmbeddedRecords().vendors;
	job = {vendors, entries, curated, threshold: defaultThreshold, statisticsNames: curated.flatMap(curatedNames)};
	expected = screenHere(job);
}, 120_000);

describe('screening on worker threads', () => {
	test('the single-threaded reference finds list hits and curated joins worth comparing', () => {
		expect(new Set(expected.map(hit => hit.vendor.id)).size).toBeGreaterThan(150);
		expect(expected.filter(hit => hit.kind === 'curated').length).toBeGreaterThan(5);
		expect(expected.some(hit => hit.via !== null)).toBe(true);
		expect(expected.some(hit => hit.explanation.queryRole === 'parent')).toBe(true);
		expect(expected.some(hit => hit.explanation.countryAgreement === 'agree')).toBe(true);
		expect(expected.some(hit => hit.explanation.countryAgreement === 'disagree')).toBe(true);
	});

	// Three and four threads place the index's key maps on workers of their own (screening-pool.ts), one and two beside the other parts.
	test.each([1, 2, 3, 4])(
		'%i worker thread(s) give exactly the hits of one thread, in the same order',
		async workers => {
			const stages = new Set<ScreeningProgress['stage']>();
			const threads = new Set<number>();
			const hits = await screenAll(job, {
				workers,
				workerUrl: pathToFileURL(workerScript()),
				minimumVendors: 0,
				onProgress: progress => {
					stages.add(progress.stage);
					threads.add(progress.threads);
				},
			});
			expect(hits).toEqual(expected);
			expect([...stages]).toEqual(['indexing', 'searching', 'screening']);
			// Every step on the workers: none fell back to this thread.
			expect([...threads]).toEqual([workers]);
		},
		120_000,
	);

	// The kept index as a run reads it back from its file: arrays of its own, the table without the names' text.
	const keptParts = () => {
		const home = temporaryHome();
		try {
			const path = join(home.path, 'list-index.bin');
			keptIndex(job.entries, {path, build: 'test-build', statisticsNames: job.statisticsNames});
			return keptIndexParts(job.entries, {path, build: 'test-build', statisticsNames: job.statisticsNames})!;
		} finally {
			home.remove();
		}
	};

	test.each([1, 2])(
		'%i worker thread(s) attached to a kept index give exactly the hits of one thread, and build nothing',
		async workers => {
			const kept = keptParts();
			expect(kept.table.names).toBeNull();
			const indexing: number[] = [];
			const hits = await screenAll(job, {
				workers,
				workerUrl: pathToFileURL(workerScript()),
				minimumVendors: 0,
				kept,
				onProgress: progress => progress.stage === 'indexing' && indexing.push(progress.total),
			});
			expect(hits).toEqual(expected);
			// One step, the kept index taken as it is: no tokenising or building on the workers.
			expect(indexing).toEqual([1]);
		},
		120_000,
	);

	test('small work screened on this thread reads the kept index too', async () => {
		const small = {...job, vendors: job.vendors.slice(0, 40)};
		const hits = await screenAll(small, {workers: 2, workerUrl: pathToFileURL(workerScript()), kept: keptParts()});
		expect(hits).toEqual(screenHere(small));
	});

	test('a worker that fails costs time, not results: this thread screens everything', async () => {
		const broken = join(dirname(workerScript()), 'broken-worker.mjs');
		writeFileSync(broken, "throw new Error('worker failed to start');\n");
		const threads = new Set<number>();
		const hits = await screenAll(job, {
			workers: 2,
			workerUrl: pathToFileURL(broken),
			minimumVendors: 0,
			onProgress: progress => threads.add(progress.threads),
		});
		expect(hits).toEqual(expected);
		expect(threads).toContain(0);
	}, 120_000);

	test('small work and a run from source stay on this thread', async () => {
		const threads = new Set<number>();
		const small = {...job, vendors: job.vendors.slice(0, 5)};
		await screenAll(small, {workers: 2, workerUrl: pathToFileURL(workerScript()), onProgress: progress => threads.add(progress.threads)});
		// Running from source there is no dist/screening-worker.js beside the module.
		await screenAll(job, {workers: 2, minimumVendors: 0, onProgress: progress => threads.add(progress.threads)});
		expect([...threads]).toEqual([0]);
	});
});
