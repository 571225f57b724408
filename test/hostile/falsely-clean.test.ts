// Never falsely clean (issue 21 §5): damaged cached data is never "ok" and never confirmed
// by a 304; a command whose data is missing or unusable exits 2 and says so, so --fail-on
// cannot pass on it; an inventory with no readable row screens nothing and says so; line
// endings are one thing to the CSV readers, whatever mix a file has.
import {readFileSync, rmSync, writeFileSync} from 'node:fs';
import http from 'node:http';
import type {AddressInfo} from 'node:net';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {sourceCachePaths} from '../../source/sources/index.js';
import {copyOfHome, temporaryHome} from '../helpers.js';
import {eachAtOnce, expectOneLine, fixtureFile, runChild} from './hardening.js';

const cslFile = fixtureFile('csl-csv', 'consolidated_2025_small.csv');
const csl = readFileSync(cslFile, 'utf8');
const cslCount = 13;
/** A name copied straight from the list: screening it must be a hit. */
const listedName = 'Atlas Sanatgaran';
const noProxy = {NO_PROXY: '127.0.0.1'};

let server: http.Server;
let origin = '';
const conditional: Array<string | undefined> = [];
beforeAll(async () => {
	server = http.createServer((request, response) => {
		conditional.push(request.headers['if-none-match']);
		if (request.headers['if-none-match'] === '"v1"') return void response.writeHead(304, {etag: '"v1"'}).end();
		response.writeHead(200, {'content-type': 'text/csv', etag: '"v1"'}).end(csl);
	});
	await new Promise<void>(ready => server.listen(0, '127.0.0.1', ready));
	origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
	server.closeAllConnections();
	await new Promise<void>(done => server.close(() => done()));
});

const damages: Array<{name: string; damage: (path: string) => void}> = [
	{name: 'cut to half its length', damage: path => writeFileSync(path, readFileSync(path).subarray(0, readFileSync(path).length / 2))},
	{
		name: 'one letter of a name changed (still well-formed)',
		damage: path => writeFileSync(path, readFileSync(path, 'utf8').replace('Sinobright', 'Sinobrighx')),
	},
	{name: 'replaced by {}', damage: path => writeFileSync(path, '{}')},
	{name: 'emptied', damage: path => writeFileSync(path, '')},
	{name: 'deleted', damage: path => rmSync(path)},
];

describe('a damaged cache behind a 304', () => {
	// One home with the list added and fetched, copied for each damage: `sources add` and the
	// first fetch are the same for all of them, so they run once.
	let fetched: ReturnType<typeof temporaryHome>;
	beforeAll(async () => {
		fetched = temporaryHome();
		const run = (...args: string[]) => runChild(args, fetched.path, {env: noProxy});
		expect((await run('sources', 'add', `${origin}/list.csv`, '--name', 'CSL')).status).toBe(0);
		expect((await run('fetch')).stdout).toMatch(/^CSL: 13 entries/);
	});
	afterAll(() => fetched.remove());

	/** A copy of the fetched home with its parsed data damaged: `sources` says so, every command refuses it, and the next fetch downloads in full. */
	async function damagedAndRepaired(
		damage: (path: string) => void,
		checkRepair: (run: (...args: string[]) => ReturnType<typeof runChild>, inventory: string) => Promise<void>,
	) {
		const home = copyOfHome(fetched.path);
		try {
			const inventory = join(home.path, 'inventory.csv');
			writeFileSync(inventory, `name\n${listedName}\nAcme Harmless\n`);
			const run = (...args: string[]) => runChild(args, home.path, {env: noProxy});
			damage(sourceCachePaths({VENDOR_RISK_HOME: home.path}, 'CSL').parsed);

			const listing = await run('sources');
			expect(listing.stdout).toMatch(/failed: the cached data is damaged or unreadable; run vendor-risk fetch/);
			for (const args of [
				['list', 'entries', '--json'],
				['--inventory', inventory, 'screen', '--fail-on', 'hit'],
			]) {
				const refused = await run(...args);
				expect(refused.status, `${args.join(' ')}: ${refused.stdout}`).toBe(2);
				expect(refused.stderr).toMatch(/^vendor-risk: source "CSL" has no usable data: the cached data is damaged/);
			}

			const before = conditional.length;
			const repaired = await run('fetch');
			expect(repaired.status, repaired.stderr).toBe(0);
			expect(repaired.stdout).toMatch(/^CSL: 13 entries \(csl-csv\)/);
			expect(conditional.slice(before)).toEqual([undefined]); // no If-None-Match: a full download
			await checkRepair(run, inventory);
		} finally {
			home.remove();
		}
	}

	const [first, ...others] = damages;
	it(`parsed data '${first!.name}': not ok, commands exit 2, and the next fetch downloads in full; then all is as before the damage`, async () => {
		await damagedAndRepaired(first!.damage, async (run, inventory) => {
			expect((await run('sources')).stdout).toMatch(/\bok\b/);
			expect(JSON.parse((await run('list', 'entries', '--json')).stdout)).toMatchObject({count: cslCount});
			expect((await run('--inventory', inventory, 'screen', '--fail-on', 'hit')).status).toBe(1);
			// Intact, it is revalidated as before.
			const again = await run('fetch');
			expect(again.stdout).toMatch(/^CSL: unchanged \(HTTP 304\); 13 entries from the cache/);
		});
	}, 60_000);

	// The full download rewrites the parsed data whatever the damage was (its ETag, never damaged here, is what a
	// 304 would have confirmed), so what the repair leaves is proved once above; each damage proves its detection,
	// its refusals, the full download and the failure mark cleared.
	it.each(others)(
		'parsed data $name: not ok, commands exit 2, and the next fetch downloads in full',
		async ({damage}) => {
			await damagedAndRepaired(damage, async run => {
				expect((await run('sources')).stdout).toMatch(/\bok\b/);
			});
		},
		60_000,
	);
});

describe('missing data is never clean', () => {
	it('a source never fetched, or whose only fetch failed, stops screen --fail-on hit with exit 2', async () => {
		const home = temporaryHome();
		try {
			const inventory = join(home.path, 'inventory.csv');
			writeFileSync(inventory, `name\n${listedName}\n`);
			const run = (...args: string[]) => runChild(args, home.path, {env: noProxy});
			expect((await run('sources', 'add', `${origin}/list.csv`, '--name', 'CSL')).status).toBe(0);
			const unfetched = await run('--inventory', inventory, 'screen', '--fail-on', 'hit');
			expect(unfetched.status).toBe(2);
			expect(expectOneLine(unfetched.stderr.split('\n')[0]!)).toMatch(/source "CSL" has no usable data: not fetched yet/);
			expect((await run('sources', 'add', `${origin.replace(/:\d+$/, ':9')}/gone.csv`, '--name', 'Gone')).status).toBe(0);
			await run('fetch');
			const failed = await run('--inventory', inventory, 'screen', '--fail-on', 'undecided', '--format', 'json');
			expect(failed.status).toBe(2);
			expect(failed.stdout).toBe('');
			expect(failed.stderr).toMatch(/source "Gone" has no usable data: connection refused/);
		} finally {
			home.remove();
		}
	}, 60_000);

	const unreadable = [
		{name: 'a header and nothing else', file: 'inventory.csv', content: 'name,country\n'},
		{name: 'rows without a vendor name', file: 'inventory.csv', content: 'name,country\n,US\n  ,CN\n'},
		{name: 'rows that all have too many fields', file: 'inventory.csv', content: 'name\nAcme,Widgets,Ltd\nBeta,x\n'},
		{name: 'an empty JSON list', file: 'inventory.json', content: '[]'},
		{name: 'JSON vendors without names and non-objects', file: 'inventory.json', content: '[{"name": ""}, {"name": null}, 1, "Acme"]'},
	];
	it.concurrent.each(unreadable)('an inventory with $name screens nothing and exits 2, --fail-on or not', async ({file, content}) => {
		const home = temporaryHome();
		try {
			const inventory = join(home.path, file);
			writeFileSync(inventory, content);
			// Each is refused before it screens or writes anything: they run side by side.
			await eachAtOnce([['--fail-on', 'hit'], ['--fail-on', 'undecided'], []], async extra => {
				const run = await runChild(['--source', cslFile, '--inventory', inventory, 'screen', ...extra], home.path);
				expect(run.status, run.stdout + run.stderr).toBe(2);
				expect(run.stderr).toMatch(/no inventory row could be read, so nothing was screened/);
			});
		} finally {
			home.remove();
		}
	});
});

// Each case below has a home and files of its own and reads a local list (no server), so the
// cases run concurrently.
describe('line endings are normalised before CSV parsing', () => {
	const endings = [
		{name: 'a CRLF header over LF rows', join: (lines: string[]) => `${lines[0]}\r\n${lines.slice(1).join('\n')}\n`},
		{name: 'an LF header over CRLF rows', join: (lines: string[]) => `${lines[0]}\n${lines.slice(1).join('\r\n')}\r\n`},
		{name: 'old Mac CR line ends', join: (lines: string[]) => `${lines.join('\r')}\r`},
		{
			name: 'every row ending differently',
			join: (lines: string[]) => lines.map((line, index) => line + ['\r\n', '\n', '\r'][index % 3]).join(''),
		},
	];

	it.concurrent.each(endings)('an inventory with $name keeps every vendor apart', async ({join: joined}) => {
		const home = temporaryHome();
		try {
			const inventory = join(home.path, 'inventory.csv');
			writeFileSync(inventory, joined(['name,country', 'Acme Widgets,US', `${listedName},CN`, 'Beta Tools,DE']));
			expect((await runChild(['inventory', 'set', inventory], home.path)).stdout).toMatch(/: 3 vendors\.$/m);
			const screened = await runChild(['--source', cslFile, 'screen', '--format', 'json'], home.path);
			expect(screened.status, screened.stderr).toBe(0);
			const result = JSON.parse(screened.stdout) as {screened: number; hits: Array<{vendor: {name: string}}>};
			expect(result.screened).toBe(3);
			expect(result.hits.map(hit => hit.vendor.name)).toContain(listedName);
		} finally {
			home.remove();
		}
	});

	it.concurrent.each(endings)('a CSL CSV with $name is read whole', async ({join: joined}) => {
		const home = temporaryHome();
		try {
			const list = join(home.path, 'consolidated.csv');
			writeFileSync(list, joined(csl.trimEnd().split(/\r?\n/)));
			const run = await runChild(['--source', list, 'list', 'entries', '--json'], home.path);
			expect(run.status, run.stderr).toBe(0);
			expect((JSON.parse(run.stdout) as {count: number}).count).toBe(cslCount);
		} finally {
			home.remove();
		}
	});

	it.concurrent.each(endings)('a pairs file with $name gives one line per pair', async ({join: joined}) => {
		const home = temporaryHome();
		try {
			const pairs = join(home.path, 'pairs.csv');
			writeFileSync(pairs, joined(['name_a,name_b', 'Acme,Acme Inc', 'Kaspersky Lab,AO Kaspersky Lab', 'Huawei,ZTE']));
			const run = await runChild(['match', '--pairs', pairs], home.path);
			expect(run.status, run.stderr).toBe(0);
			expect(
				run.stdout
					.trimEnd()
					.split('\n')
					.map(line => (JSON.parse(line) as {name_a: string}).name_a),
			).toEqual(['Acme', 'Kaspersky Lab', 'Huawei']);
		} finally {
			home.remove();
		}
	});
});
