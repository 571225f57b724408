// The snapshot store: layout under the data folder, ids usable on the command line,
// no snapshot for unchanged content, and retention pruning the oldest.
import {readdirSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {afterEach, beforeEach, describe, expect, test} from 'vitest';
import {findSnapshot, listSnapshots, readSnapshot, snapshotsRoot, sourceFolderName, writeSnapshot} from '../../source/changes/index.js';
import {UserInputError} from '../../source/errors/index.js';
import {openSettings} from '../../source/settings/index.js';
import {tempHome} from '../sources/fetch/helpers.js';
import {seededRandom, testSeed} from '../helpers.js';
import {entity} from './helpers.js';

let home: ReturnType<typeof tempHome>;
beforeEach(() => {
	home = tempHome();
});
afterEach(() => home.cleanup());

const day = (n: number) => `2026-11-${String(n).padStart(2, '0')}T08:30:15.250Z`;
const version = (n: number) => [entity('1', 'Stable Name'), entity(`v${n}`, `Version ${n} Holdings`)];

describe('writing snapshots', () => {
	test('keeps one JSON Lines file per fetch under data/snapshots/<source>/, named by time and hash', () => {
		const {snapshot, written} = writeSnapshot('CSL', version(1), {env: home.env, fetchedAt: day(28)});
		expect(written).toBe(true);
		expect(snapshot.id).toBe('CSL@2026-11-28T08:30:15Z');
		const folder = join(home.home, 'data', 'snapshots', sourceFolderName('CSL'));
		expect(snapshotsRoot(home.env)).toBe(join(home.home, 'data', 'snapshots'));
		expect(readdirSync(folder)).toEqual([`20261128T083015Z-${snapshot.hash.slice(0, 12)}.jsonl`]);
		const lines = readFileSync(join(folder, readdirSync(folder)[0]!), 'utf8')
			.trim()
			.split('\n');
		expect(JSON.parse(lines[0]!)).toMatchObject({
			format: 'vendor-risk-snapshot',
			source: 'CSL',
			stamp: '2026-11-28T08:30:15Z',
			fetchedAt: day(28),
			entryCount: 2,
		});
		// Entries are compact: empty fields are left out, the content hash is kept.
		expect(JSON.parse(lines[1]!)).toEqual({
			id: '1',
			hash: expect.stringMatching(/^[\da-f]{64}$/),
			fields: {name: 'Stable Name', type: 'entity', list: 'Entity List (EL) - Bureau of Industry and Security'},
		});
	});

	test('reads back the entities it wrote', () => {
		const entities = [entity('1', 'Round Trip Ltd', {aliases: ['RTL'], programs: ['SDGT'], listedOn: '2026-01-01', remarks: 'note'})];
		const {snapshot} = writeSnapshot('CSL', entities, {env: home.env, fetchedAt: day(1)});
		expect(readSnapshot(snapshot.id, home.env).entries.map(entry => entry.entity)).toEqual(entities);
	});

	test('a list with every id once is written exactly as the same list with a repeated entry', () => {
		// Lists with unique ids take a lean path; one repeated entry takes the general one. Same content, same bytes.
		const random = seededRandom(testSeed);
		const entities = Array.from({length: 300}, (_, index) =>
			entity(`E-${Math.floor(random() * 1e6)}-${index}`, `Holding ${index}`, {aliases: index % 3 ? [`H${index}`, `A${index}`] : []}),
		);
		const shuffled = [...entities].sort(() => random() - 0.5);
		const lean = writeSnapshot('Lean', shuffled, {env: home.env, fetchedAt: day(5)});
		const general = writeSnapshot('General', [...entities, entities[7]!], {env: home.env, fetchedAt: day(5)});
		const entryLines = (file: string) => readFileSync(file, 'utf8').split('\n').slice(1);
		expect(lean.snapshot.hash).toBe(general.snapshot.hash);
		expect(lean.snapshot.entryCount).toBe(300);
		expect(entryLines(lean.snapshot.file)).toEqual(entryLines(general.snapshot.file));
	});

	test('content equal to the latest snapshot makes no new one', () => {
		const first = writeSnapshot('CSL', version(1), {env: home.env, fetchedAt: day(1)});
		const again = writeSnapshot('CSL', [...version(1)].reverse(), {env: home.env, fetchedAt: day(2)});
		expect(again.written).toBe(false);
		expect(again.snapshot.id).toBe(first.snapshot.id);
		expect(listSnapshots(home.env)).toHaveLength(1);
	});

	test('two snapshots within one second still get distinct, increasing ids', () => {
		const first = writeSnapshot('CSL', version(1), {env: home.env, fetchedAt: '2026-11-28T17:02:11.100Z'});
		const second = writeSnapshot('CSL', version(2), {env: home.env, fetchedAt: '2026-11-28T17:02:11.900Z'});
		expect([first.snapshot.id, second.snapshot.id]).toEqual(['CSL@2026-11-28T17:02:11Z', 'CSL@2026-11-28T17:02:12Z']);
		expect(listSnapshots(home.env, 'CSL').map(info => info.id)).toEqual([first.snapshot.id, second.snapshot.id]);
	});

	test('lists every source, oldest first within each, and one source on request', () => {
		writeSnapshot('OFAC SDN', version(1), {env: home.env, fetchedAt: day(3)});
		writeSnapshot('CSL', version(1), {env: home.env, fetchedAt: day(2)});
		writeSnapshot('CSL', version(2), {env: home.env, fetchedAt: day(4)});
		expect(listSnapshots(home.env).map(info => info.id)).toEqual([
			'CSL@2026-11-02T08:30:15Z',
			'CSL@2026-11-04T08:30:15Z',
			'OFAC SDN@2026-11-03T08:30:15Z',
		]);
		expect(listSnapshots(home.env, 'OFAC SDN').map(info => info.entryCount)).toEqual([2]);
		expect(listSnapshots(home.env, 'nothing here')).toEqual([]);
	});
});

describe('retention', () => {
	test('prunes the oldest snapshots beyond the retention', () => {
		const pruned: string[] = [];
		for (let n = 1; n <= 5; n++) pruned.push(...writeSnapshot('CSL', version(n), {env: home.env, fetchedAt: day(n), retention: 3}).pruned);
		expect(pruned).toEqual(['CSL@2026-11-01T08:30:15Z', 'CSL@2026-11-02T08:30:15Z']);
		expect(listSnapshots(home.env, 'CSL').map(info => info.id)).toEqual([
			'CSL@2026-11-03T08:30:15Z',
			'CSL@2026-11-04T08:30:15Z',
			'CSL@2026-11-05T08:30:15Z',
		]);
	});

	test('follows settings.snapshotRetention, and never keeps fewer than two', () => {
		const settings = openSettings(home.env);
		settings.set('snapshotRetention', 4);
		for (let n = 1; n <= 6; n++) writeSnapshot('CSL', version(n), {env: home.env, fetchedAt: day(n)});
		expect(listSnapshots(home.env, 'CSL')).toHaveLength(4);
		settings.set('snapshotRetention', 1);
		writeSnapshot('CSL', version(7), {env: home.env, fetchedAt: day(7)});
		expect(listSnapshots(home.env, 'CSL').map(info => info.stamp)).toEqual(['2026-11-06T08:30:15Z', '2026-11-07T08:30:15Z']);
	});

	test('prunes per source', () => {
		writeSnapshot('OFAC', version(1), {env: home.env, fetchedAt: day(1), retention: 2});
		for (let n = 2; n <= 5; n++) writeSnapshot('CSL', version(n), {env: home.env, fetchedAt: day(n), retention: 2});
		expect(listSnapshots(home.env, 'OFAC')).toHaveLength(1);
		expect(listSnapshots(home.env, 'CSL')).toHaveLength(2);
	});
});

describe('snapshot ids', () => {
	test('accept the ISO stamp, the compact stamp, the file stem and any case of the source name', () => {
		const {snapshot} = writeSnapshot('CSL', version(1), {env: home.env, fetchedAt: day(28)});
		const stem = snapshot.file
			.split(/[\\/]/)
			.pop()!
			.replace(/\.jsonl$/, '');
		for (const id of ['CSL@2026-11-28T08:30:15Z', 'CSL@20261128T083015Z', `CSL@${stem}`, 'csl@2026-11-28T08:30:15Z'])
			expect(findSnapshot(id, home.env).id).toBe(snapshot.id);
	});

	test('an unknown or malformed id is bad input', () => {
		writeSnapshot('CSL', version(1), {env: home.env, fetchedAt: day(28)});
		for (const id of ['CSL@2026-11-27T08:30:15Z', 'OFAC@2026-11-28T08:30:15Z', 'CSL', '@2026-11-28T08:30:15Z']) {
			expect(() => readSnapshot(id, home.env), id).toThrow(UserInputError);
		}
	});
});
