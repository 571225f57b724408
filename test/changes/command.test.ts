// `vendor-risk changes` end to end: the real CSL CSV fixture fetched twice over HTTP from
// 127.0.0.1 (version B derived from A in the test), snapshots written by the real fetch path,
// then the changes, their fields and the vendors they touch, as JSON and as text.
import {mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import type http from 'node:http';
import {join} from 'node:path';
import {parse} from 'csv-parse/sync';
import {stringify} from 'csv-stringify/sync';
import {afterEach, beforeEach, describe, expect, test} from 'vitest';
import {listSnapshots} from '../../source/changes/index.js';
import {runChanges, type ChangesCommandOptions, type ChangesContext} from '../../source/commands/changes.js';
import {runFetch} from '../../source/commands/fetch.js';
import {openSettings} from '../../source/settings/index.js';
import {fixture, recordingIO, startServer, tempHome, type TestServer} from '../sources/fetch/helpers.js';

const versionA = readFileSync(fixture('csl-csv/consolidated_2022-05-16_sample.csv'), 'utf8');
type Row = Record<string, string>;
const rowsA = parse(versionA, {columns: true, bom: true}) as Row[];
const header = Object.keys(rowsA[0]!);
const rowWithId = (id: string) => {
	const row = rowsA.find(candidate => candidate._id === id);
	if (!row) throw new Error(`the fixture has no row ${id}`);
	return row;
};

// Version B: one row added (a copy under a new id and name), two removed (Hikvision among
// them), and one row's programs edited.
const hikvisionId = '30946';
const removedAlsoId = '21944'; // 'ABBAS, Rim
const editedId = '4398d33e9e93c7477af39f1e0bfffc13ddd47bcc'; // 140 Repair Plant JSC
const addedRow: Row = {...rowWithId(editedId), _id: 'test-added-0001', name: 'ORIENT NOVA TRADING LLC', alt_names: ''};
const rowsB = [
	...rowsA
		.filter(row => row._id !== hikvisionId && row._id !== removedAlsoId)
		.map(row => (row._id === editedId ? {...row, programs: 'RUSSIA-EO14024'} : row)),
	addedRow,
];
const versionB = stringify(rowsB, {header: true, columns: header});

const context: ChangesContext = {
	vendors: [
		{id: 'hikvision', name: 'Hikvision', names: ['Hikvision', 'Hangzhou Hikvision Digital Technology']},
		{id: 'repair-plant', name: '140 Repair Plant', names: ['140 Repair Plant']},
		{id: 'orient-nova', name: 'Orient Nova Trading', names: ['Orient Nova Trading Co']},
		{id: 'acme', name: 'Acme Widgets', names: ['Acme Widgets Corporation']},
	],
};

const expectedChanges = [
	{kind: 'added', source: 'CSL', entry: {id: 'test-added-0001', name: 'ORIENT NOVA TRADING LLC'}, fields: [], vendors: ['orient-nova']},
	{kind: 'removed', source: 'CSL', entry: {id: removedAlsoId, name: "'ABBAS, Rim"}, fields: [], vendors: []},
	{
		kind: 'removed',
		source: 'CSL',
		entry: {id: hikvisionId, name: 'HANGZHOU HIKVISION DIGITAL TECHNOLOGY CO., LTD.'},
		fields: [],
		vendors: ['hikvision'],
	},
	{kind: 'changed', source: 'CSL', entry: {id: editedId, name: '140 Repair Plant JSC'}, fields: ['programs'], vendors: ['repair-plant']},
];

let home: ReturnType<typeof tempHome>;
let server: TestServer | undefined;
/** What the server sends next; swapped between fetches. */
let body = versionA;
let etag: string | undefined;

beforeEach(async () => {
	home = tempHome();
	body = versionA;
	etag = undefined;
	server = await startServer((request: http.IncomingMessage, response: http.ServerResponse) => {
		if (etag && request.headers['if-none-match'] === etag) {
			response.writeHead(304);
			response.end();
			return;
		}
		response.writeHead(200, {'content-type': 'text/csv', ...(etag ? {etag} : {})});
		response.end(body);
	});
	openSettings(home.env).set('sources', [{name: 'CSL', location: `${server.origin}/consolidated.csv`}]);
});

afterEach(async () => {
	await server?.close();
	server = undefined;
	home.cleanup();
});

async function fetchAt(iso: string): Promise<void> {
	const io = recordingIO(home.env);
	const code = await runFetch({}, io, {retry: {baseDelayMs: 1, maxDelayMs: 5}, now: () => new Date(iso)});
	expect(code, io.output()).toBe(0);
}

async function changes(options: ChangesCommandOptions): Promise<{code: number; stdout: string; stderr: string}> {
	const io = recordingIO(home.env);
	const code = await runChanges(options, context, io);
	return {code, stdout: io.out.join(''), stderr: io.err.join('')};
}

async function fetchBothVersions(): Promise<void> {
	await fetchAt('2026-11-27T10:00:00.000Z');
	body = versionB;
	await fetchAt('2026-11-28T17:02:11.000Z');
}

describe('changes since the previous fetch', () => {
	test('reports exactly the added, removed and edited rows, their fields and the vendors they touch', async () => {
		await fetchBothVersions();
		const {code, stdout} = await changes({json: true});
		expect(code).toBe(0);
		expect(JSON.parse(stdout)).toEqual({changes: expectedChanges});
	});

	test('prints one line per change under a summary of the source', async () => {
		await fetchBothVersions();
		const {code, stdout} = await changes({});
		expect(code).toBe(0);
		expect(stdout.trimEnd().split('\n')).toEqual([
			'CSL: 1 added, 2 removed, 1 changed, CSL@2026-11-27T10:00:00Z -> CSL@2026-11-28T17:02:11Z',
			'+ CSL  ORIENT NOVA TRADING LLC (test-added-0001)  touches: orient-nova',
			"- CSL  'ABBAS, Rim (21944)",
			'- CSL  HANGZHOU HIKVISION DIGITAL TECHNOLOGY CO., LTD. (30946)  touches: hikvision',
			`~ CSL  140 Repair Plant JSC (${editedId})  fields: programs  touches: repair-plant`,
		]);
	});

	test('a fetch answered 304 keeps no new snapshot', async () => {
		etag = '"a"';
		await fetchAt('2026-11-27T10:00:00.000Z');
		await fetchAt('2026-11-28T10:00:00.000Z');
		expect(server!.requests.at(-1)!['if-none-match']).toBe('"a"');
		expect(listSnapshots(home.env).map(info => info.id)).toEqual(['CSL@2026-11-27T10:00:00Z']);
		const {code, stdout} = await changes({});
		expect(code).toBe(0);
		expect(stdout).toMatch(/^CSL: only one snapshot so far \(CSL@2026-11-27T10:00:00Z\)/);
	});

	test('a snapshot that cannot be written is a warning, and the fetch still counts', async () => {
		mkdirSync(join(home.home, 'data'), {recursive: true});
		writeFileSync(join(home.home, 'data', 'snapshots'), 'not a folder');
		const io = recordingIO(home.env);
		expect(await runFetch({}, io, {retry: {baseDelayMs: 1, maxDelayMs: 5}})).toBe(0);
		expect(io.out.join('')).toMatch(/^CSL: 349 entries \(csl-csv\); warning: could not keep a snapshot for vendor-risk changes \(\w+\)\n$/);
	});

	test('without snapshots it says to run vendor-risk fetch', async () => {
		const text = await changes({});
		expect(text.code).toBe(0);
		expect(text.stdout).toMatch(/^No snapshots yet: run `vendor-risk fetch`/);
		const json = await changes({json: true});
		expect(json.code).toBe(0);
		expect(JSON.parse(json.stdout)).toEqual({changes: []});
		expect(json.stderr).toMatch(/run `vendor-risk fetch`/);
	});
});

describe('changes since a date', () => {
	test('compares the latest snapshot with the newest taken before that day', async () => {
		await fetchBothVersions();
		const {stdout} = await changes({since: '2026-11-28', json: true});
		expect(JSON.parse(stdout)).toEqual({changes: expectedChanges});
	});

	test('a day after the latest snapshot shows nothing new', async () => {
		await fetchBothVersions();
		const {code, stdout} = await changes({since: '2026-11-29'});
		expect(code).toBe(0);
		expect(stdout).toBe('CSL: no new data since 2026-11-29 (latest snapshot CSL@2026-11-28T17:02:11Z)\n');
	});

	test('with no snapshot before that day, the first snapshot after it is the baseline', async () => {
		await fetchBothVersions();
		const {stdout} = await changes({since: '2026-11-01'});
		expect(stdout.split('\n')[0]).toBe(
			'CSL: 1 added, 2 removed, 1 changed, CSL@2026-11-27T10:00:00Z -> CSL@2026-11-28T17:02:11Z (no snapshot before 2026-11-01; showing changes since the first snapshot, CSL@2026-11-27T10:00:00Z)',
		);
	});

	test('a date that is not YYYY-MM-DD is bad input', async () => {
		for (const since of ['28/11/2026', '2026-02-30', 'yesterday']) {
			const {code, stdout, stderr} = await changes({since});
			expect(code, since).toBe(2);
			expect(stdout).toBe('');
			expect(stderr).toMatch(/^vendor-risk: --since expects a date as YYYY-MM-DD.*\n$/);
			expect(stderr.split('\n')).toHaveLength(2);
		}
	});
});

describe('changes between two snapshots', () => {
	test('--from and --to compare the snapshots they name, in either direction', async () => {
		await fetchBothVersions();
		const {stdout} = await changes({from: 'CSL@2026-11-27T10:00:00Z', to: 'CSL@2026-11-28T17:02:11Z', json: true});
		expect(JSON.parse(stdout)).toEqual({changes: expectedChanges});
		const backwards = JSON.parse(
			(await changes({from: 'CSL@2026-11-28T17:02:11Z', to: 'CSL@2026-11-27T10:00:00Z', json: true})).stdout,
		) as {changes: Array<{kind: string; entry: {id: string}}>};
		expect(backwards.changes.map(change => `${change.kind} ${change.entry.id}`)).toEqual([
			`added ${removedAlsoId}`,
			`added ${hikvisionId}`,
			'removed test-added-0001',
			`changed ${editedId}`,
		]);
	});

	test('--snapshots lists the ids to use', async () => {
		await fetchBothVersions();
		const {stdout} = await changes({snapshots: true});
		expect(stdout).toBe('CSL@2026-11-27T10:00:00Z  349 entries\nCSL@2026-11-28T17:02:11Z  348 entries\n');
	});

	test('an unknown snapshot, or --from without --to, is one line and exit 2', async () => {
		await fetchBothVersions();
		for (const options of [
			{from: 'CSL@2026-01-01T00:00:00Z', to: 'CSL@2026-11-28T17:02:11Z'},
			{from: 'CSL@2026-11-27T10:00:00Z'},
			{to: 'CSL@2026-11-27T10:00:00Z'},
			{since: '2026-11-01', from: 'CSL@2026-11-27T10:00:00Z', to: 'CSL@2026-11-28T17:02:11Z'},
		]) {
			const {code, stdout, stderr} = await changes(options);
			expect(code, JSON.stringify(options)).toBe(2);
			expect(stdout).toBe('');
			expect(stderr.trimEnd().split('\n')).toHaveLength(1);
		}
	});
});
