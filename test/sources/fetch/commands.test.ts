// The `sources` and `fetch` commands: validation and exit codes, the listing, progress output.
import {existsSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, test} from 'vitest';
import {progressView, runFetch} from '../../../source/commands/fetch.js';
import {runSources, runSourcesAdd, runSourcesRemove} from '../../../source/commands/sources.js';
import {openSettings} from '../../../source/settings/index.js';
import {sourceCachePaths} from '../../../source/sources/index.js';
import {fixture, recordingIO, startServer, useTempHome, type TestServer} from './helpers.js';

const cslCsv = readFileSync(fixture('csl-csv/consolidated_2022-05-16_sample.csv'));
const fast = {retry: {baseDelayMs: 1, maxDelayMs: 5}};

const home = useTempHome();
let server: TestServer | undefined;

const sources = () => openSettings(home.env).get('sources');

describe('sources add', () => {
	test('names a URL source after its host and keeps the URL', async () => {
		const io = recordingIO(home.env);
		expect(await runSourcesAdd({location: 'https://data.trade.gov/downloadable_consolidated_screening_list/v1/consolidated.csv'}, io)).toBe(
			0,
		);
		expect(sources()).toEqual([
			{name: 'data.trade.gov', location: 'https://data.trade.gov/downloadable_consolidated_screening_list/v1/consolidated.csv'},
		]);
		expect(io.out.join('')).toMatch(/^Added source "data\.trade\.gov"/);
	});

	test('names a file source after the file and stores an absolute path', async () => {
		const io = recordingIO(home.env);
		expect(await runSourcesAdd({location: fixture('csl-csv/consolidated_2025_small.csv'), format: 'csl-csv'}, io)).toBe(0);
		expect(sources()).toEqual([
			{name: 'consolidated_2025_small', location: fixture('csl-csv/consolidated_2025_small.csv'), format: 'csl-csv'},
		]);
	});

	test('refuses plain http to another machine without --allow-http', async () => {
		const io = recordingIO(home.env);
		expect(await runSourcesAdd({location: 'http://lists.example.com/sdn.csv'}, io)).toBe(2);
		expect(io.err.join('')).toMatch(
			/^vendor-risk: http:\/\/lists\.example\.com\/sdn\.csv: plain http to lists\.example\.com is refused .*--allow-http.*\n$/,
		);
		expect(sources()).toEqual([]);
		expect(await runSourcesAdd({location: 'http://lists.example.com/sdn.csv', allowHttp: true}, recordingIO(home.env))).toBe(0);
		expect(sources()[0]).toMatchObject({allowHttp: true});
	});

	test('allows plain http on loopback', async () => {
		expect(await runSourcesAdd({location: 'http://127.0.0.1:8080/consolidated.csv'}, recordingIO(home.env))).toBe(0);
	});

	test('refuses a duplicate name', async () => {
		await runSourcesAdd({location: 'https://a.example/list.csv', name: 'CSL'}, recordingIO(home.env));
		const io = recordingIO(home.env);
		expect(await runSourcesAdd({location: 'https://b.example/list.csv', name: 'csl'}, io)).toBe(2);
		expect(io.err.join('')).toMatch(/a source named "csl" already exists/);
	});

	test('refuses a missing file, an unknown format and credentials in the URL', async () => {
		expect(await runSourcesAdd({location: join(home.home, 'missing.csv')}, recordingIO(home.env))).toBe(2);
		expect(await runSourcesAdd({location: 'https://a.example/x.csv', format: 'xlsx'}, recordingIO(home.env))).toBe(2);
		const io = recordingIO(home.env);
		expect(await runSourcesAdd({location: 'https://user:hunter2@a.example/x.csv'}, io)).toBe(2);
		expect(io.err.join('')).not.toContain('hunter2');
		expect(sources()).toEqual([]);
	});

	test('stores the name of the auth variable, not its value', async () => {
		const io = recordingIO({...home.env, LIST_TOKEN: 'Bearer value-never-stored'});
		expect(await runSourcesAdd({location: 'https://a.example/x.csv', authEnv: 'LIST_TOKEN'}, io)).toBe(0);
		expect(sources()[0]).toMatchObject({authEnv: 'LIST_TOKEN'});
		expect(readFileSync(join(home.home, 'config', 'settings.json'), 'utf8')).not.toContain('value-never-stored');
		expect(await runSourcesAdd({location: 'https://b.example/x.csv', authEnv: 'Bearer abc'}, recordingIO(home.env))).toBe(2);
	});
});

describe('sources remove', () => {
	test('removes the source and its cache', async () => {
		const location = fixture('csl-csv/consolidated_2025_small.csv');
		await runSourcesAdd({location, name: 'small'}, recordingIO(home.env));
		expect(await runFetch({}, recordingIO(home.env))).toBe(0);
		expect(existsSync(sourceCachePaths(home.env, 'small').dir)).toBe(true);
		expect(await runSourcesRemove('small', recordingIO(home.env))).toBe(0);
		expect(sources()).toEqual([]);
		expect(existsSync(sourceCachePaths(home.env, 'small').dir)).toBe(false);
	});

	test('an unknown name is exit 2', async () => {
		const io = recordingIO(home.env);
		expect(await runSourcesRemove('nope', io)).toBe(2);
		expect(io.err.join('')).toBe('vendor-risk: no source named "nope"\n');
	});
});

describe('sources listing', () => {
	test('shows entry count, fetch time, age and state per source', async () => {
		server = await startServer((request, response) => {
			if (request.url === '/ok.csv') response.end(cslCsv);
			else {
				response.writeHead(503);
				response.end();
			}
		});
		await runSourcesAdd({location: `${server.origin}/ok.csv`, name: 'CSL'}, recordingIO(home.env));
		await runSourcesAdd({location: `${server.origin}/down.csv`, name: 'Down'}, recordingIO(home.env));
		expect(await runFetch({}, recordingIO(home.env), fast)).toBe(1);
		// Added after the fetch, so it has never been fetched.
		await runSourcesAdd({location: 'https://never.example/x.csv', name: 'Never'}, recordingIO(home.env));
		const io = recordingIO(home.env);
		expect(await runSources(io)).toBe(0);
		const lines = io.out.join('').trimEnd().split('\n');
		expect(lines[0]).toMatch(/^NAME\s+FORMAT\s+ENTRIES\s+FETCHED\s+AGE\s+LOCATION\s+STATE$/);
		expect(lines[1]).toMatch(
			/^CSL\s+csl-csv\s+349\s+\d{4}-\d\d-\d\d \d\d:\d\d\s+under a minute\s+http:\/\/127\.0\.0\.1:\d+\/ok\.csv\s+ok$/,
		);
		expect(lines[2]).toMatch(/^Down\s+auto\s+-\s+-\s+-\s+\S+\s+failed: HTTP 503 after 3 tries$/);
		expect(lines[3]).toMatch(/^Never\s+auto\s+-\s+-\s+-\s+\S+\s+failed: not fetched yet; run vendor-risk fetch$/);
		// Aligned: every row's STATE starts in the same column.
		const stateColumn = lines[0]!.indexOf('STATE');
		expect(lines.slice(1).every(line => /\S/.test(line[stateColumn]!) && line[stateColumn - 1] === ' ')).toBe(true);
	});

	test('says how to add a source when there is none', async () => {
		const io = recordingIO(home.env);
		expect(await runSources(io)).toBe(0);
		expect(io.out.join('')).toMatch(/No sources configured/);
	});
});

describe('progress', () => {
	test('draws a bar on a terminal and clears it before the result line', async () => {
		server = await startServer((_request, response) => {
			response.writeHead(200, {'content-length': String(cslCsv.length)});
			response.end(cslCsv);
		});
		await runSourcesAdd({location: `${server.origin}/consolidated.csv`, name: 'CSL'}, recordingIO(home.env));
		const io = recordingIO(home.env, {tty: true});
		expect(await runFetch({}, io, fast)).toBe(0);
		const drawn = io.err.join('');
		expect(drawn).toMatch(/\r\u001B\[2KCSL \[#{20}\] 100% .* of .*\/s/);
		expect(drawn.endsWith('\r\u001B[2K')).toBe(true);
	});

	test('prints plain lines off a terminal only for downloads that take a while', () => {
		let clock = 0;
		const written: string[] = [];
		const view = progressView({write: text => written.push(text), isTTY: false}, () => clock);
		const at = (ms: number, transferred: number) => {
			clock = ms;
			view.onProgress({source: 'CSL', transferred, total: 4096 * 1024, rate: 1024 * 1024});
		};
		at(0, 0);
		at(500, 1024);
		expect(written).toEqual([]);
		at(1200, 1024 * 1024);
		at(3000, 2048 * 1024);
		at(6300, 4096 * 1024);
		expect(written).toEqual(['CSL: downloading, 1.0 MiB of 4.0 MiB (1.0 MiB/s)\n', 'CSL: downloading, 4.0 MiB of 4.0 MiB (1.0 MiB/s)\n']);
	});
});
