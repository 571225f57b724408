// The lists' index kept on disk (index-file.ts) must screen exactly as the index
// built afresh, and must never be read for other lists or other code: every hit,
// score and explanation the same, on real list samples and a seeded inventory of
// their names (exact, misspelt, with legal forms) and real unlisted ones.
import {chmodSync, mkdirSync, readFileSync, statSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {parse} from 'csv-parse/sync';
import {afterEach, beforeAll, beforeEach, expect, test} from 'vitest';
import {loadEmbeddedRecords} from '../../source/records/embedded.js';
import type {ScreeningEntity} from '../../source/records/list-entries.js';
import {defaultThreshold, keptIndex, parseInventory, screenHere, screeningJob, type ScreeningJob} from '../../source/screening/index.js';
import {misspell} from '../../source/bench/synthetic-names.js';
import {parseListFile} from '../../source/sources/parsers/index.js';
import {fixture, seededRandom, temporaryHome, testSeed} from '../helpers.js';

let job: ScreeningJob;
let expected: ReturnType<typeof screenHere>;
let home: ReturnType<typeof temporaryHome>;
let path: string;

beforeAll(async () => {
	const entries: ScreeningEntity[] = [];
	for (const file of ['csl-csv/consolidated_2022-05-16_sample.csv', 'ofac-sdn-csv/static_slice_sdn.csv'])
		entries.push(...(await parseListFile(fixture(file))).entities);
	const unlisted = (parse(readFileSync(fixture('names/sp500-constituents.csv'), 'utf8'), {from_line: 2}) as string[][]).map(row => row[0]!);
	const random = seededRandom(testSeed);
	const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
	const rows = Array.from({length: 300}, () => {
		const draw = random();
		const name =
			draw < 0.3
				? pick(entries).name
				: draw < 0.5
					? misspell(pick(entries).name, random)
					: draw < 0.6
						? `${pick(entries).name} Ltd`
						: pick(unlisted);
		return `"${name.replace(/"/g, '""')}",${pick(['CN', 'RU', 'US', ''])}`;
	});
	const {vendors} = parseInventory(['name,country', ...rows].join('\n'), 'inventory.csv');
	job = screeningJob({vendors, entries, curated: loadEmbeddedRecords().vendors, threshold: defaultThreshold});
	expected = screenHere(job);
}, 120_000);

beforeEach(() => {
	home = temporaryHome();
	path = join(home.path, 'list-index.bin');
});
afterEach(() => home.remove());

/** The file's identity: a rewrite renames a new file over it. */
const identity = () => {
	const {ino, mtimeMs, size} = statSync(path);
	return {ino, mtimeMs, size};
};

test('the reference screening finds list hits and curated joins worth comparing', () => {
	expect(new Set(expected.map(hit => hit.vendor.id)).size).toBeGreaterThan(60);
	expect(expected.some(hit => hit.kind === 'curated')).toBe(true);
});

test('an index read back from its file screens exactly as one built afresh, and is not written again', () => {
	const built = keptIndex(job.entries, {path, build: 'build-a'});
	expect(screenHere(job, {}, built)).toEqual(expected);
	const written = identity();
	const read = keptIndex(job.entries, {path, build: 'build-a'});
	expect(identity()).toEqual(written);
	expect(read.entities).toBe(job.entries);
	expect(screenHere(job, {}, read)).toEqual(expected);
});

test('other entries or other code build the index again: a kept index is never read for them', () => {
	keptIndex(job.entries, {path, build: 'build-a'});
	const first = identity();
	// One entry renamed to a row of the inventory: only an index of the new entries can find it.
	const row = job.vendors.find(vendor => !expected.some(hit => hit.vendor.id === vendor.id))!;
	const entries = job.entries.map((entry, at) => (at === 0 ? {...entry, name: row.name, aliases: []} : entry));
	const changed = keptIndex(entries, {path, build: 'build-a'});
	expect(identity().ino).not.toBe(first.ino);
	const hits = screenHere({...job, entries}, {}, changed);
	expect(hits).toEqual(screenHere({...job, entries}));
	expect(hits.some(hit => hit.vendor.id === row.id && hit.kind === 'list' && hit.score === 1)).toBe(true);

	const beforeBuild = identity();
	keptIndex(entries, {path, build: 'build-b'});
	expect(identity().ino).not.toBe(beforeBuild.ino);
});

test('a damaged file, even one bit of it, is built again without an error', () => {
	keptIndex(job.entries, {path, build: 'build-a'});
	const whole = readFileSync(path);
	// A flipped bit deep in the arrays leaves the header whole: only the body's hash tells.
	const flipped = Buffer.from(whole);
	flipped[whole.length - 100] ^= 1;
	for (const damaged of [flipped, whole.subarray(0, whole.length >> 1), Buffer.from('not an index'), Buffer.alloc(0)]) {
		writeFileSync(path, damaged);
		const index = keptIndex(job.entries, {path, build: 'build-a'});
		expect(screenHere(job, {}, index)).toEqual(expected);
		expect(readFileSync(path).equals(whole)).toBe(true);
	}
});

test('a file that cannot be written is reported, and the index built here serves', () => {
	const folder = join(home.path, 'read-only');
	mkdirSync(folder);
	chmodSync(folder, 0o500);
	const refusals: unknown[] = [];
	// Root writes anywhere: a path under a regular file fails for every user.
	writeFileSync(join(home.path, 'a-file'), '');
	const unwritable = process.getuid?.() === 0 ? join(home.path, 'a-file', 'list-index.bin') : join(folder, 'list-index.bin');
	const index = keptIndex(job.entries, {path: unwritable, build: 'build-a', onUnwritable: error => refusals.push(error)});
	expect(refusals).toHaveLength(1);
	expect(screenHere(job, {}, index)).toEqual(expected);
});
