// Fetching sources into the cache over real HTTP: formats, revalidation, guards, failures,
// secrets and the offline start. Each test has its own VENDOR_RISK_HOME.
import {existsSync, readFileSync, readdirSync} from 'node:fs';
import type http from 'node:http';
import {join} from 'node:path';
import {describe, expect, test, vi} from 'vitest';
import {runFetch} from '../../../source/commands/fetch.js';
import {runSourcesAdd} from '../../../source/commands/sources.js';
import {openSettings, type SourceSetting} from '../../../source/settings/index.js';
import type {SourceFormat} from '../../../source/records/list-entries.js';
import {fetchSource, loadCachedSources, readOneOffSource, sourceCachePaths, type FetchOptions} from '../../../source/sources/index.js';
import {filesContaining, fixture, recordingIO, startServer, useTempHome, type TestServer} from './helpers.js';

const cslCsv = readFileSync(fixture('csl-csv/consolidated_2022-05-16_sample.csv'));
const cslRowCount = 349;
const fast: Pick<FetchOptions, 'retry' | 'timeouts'> = {
	retry: {baseDelayMs: 1, maxDelayMs: 5},
	timeouts: {connectMs: 2000, responseMs: 2000, idleMs: 2000, totalMs: 10_000},
};

const home = useTempHome();
let server: TestServer | undefined;

/** A server whose answer per path can be swapped between fetches. */
async function switchableServer(
	initial: Record<string, http.RequestListener>,
): Promise<{server: TestServer; routes: Record<string, http.RequestListener>}> {
	const routes = {...initial};
	const started = await startServer((request, response) => {
		const route = routes[new URL(request.url ?? '/', 'http://x').pathname];
		if (route) {
			route(request, response);
			return;
		}
		response.writeHead(404);
		response.end('not found');
	});
	return {server: started, routes};
}

const sendFile =
	(body: Buffer | string, headers: http.OutgoingHttpHeaders = {}): http.RequestListener =>
	(_request, response) => {
		response.writeHead(200, headers);
		response.end(body);
	};

function addSource(setting: SourceSetting): SourceSetting {
	const settings = openSettings(home.env);
	settings.set('sources', [...settings.get('sources'), setting]);
	return setting;
}

const shortCsv = (rows: number) =>
	cslCsv
		.toString('utf8')
		.split('\n')
		.slice(0, rows + 1)
		.join('\n') + '\n';

describe('fetching each format over HTTP', () => {
	const cases: {format: SourceFormat; path: string; file: string; atLeast: number}[] = [
		{format: 'csl-csv', path: '/consolidated.csv', file: 'csl-csv/consolidated_2022-05-16_sample.csv', atLeast: 300},
		{format: 'csl-json', path: '/el.json', file: 'csl-json/el_expected_results.json', atLeast: 7},
		{format: 'ofac-xml', path: '/sdn.xml', file: 'ofac-xml/sdn.xml', atLeast: 4},
		{format: 'opensanctions-ftm', path: '/entities.ftm.json', file: 'opensanctions-ftm/yente_t1_eu_fsf_entities.ftm.json', atLeast: 1},
		{
			format: 'opensanctions-csv',
			path: '/targets.simple.csv',
			file: 'opensanctions-targets-simple-csv/sa_wiki_peps_targets.simple.csv',
			atLeast: 20,
		},
	];
	for (const {format, path, file, atLeast} of cases) {
		test(`detects and caches ${format}`, async () => {
			({server} = await switchableServer({[path]: sendFile(readFileSync(fixture(file)))}));
			const setting = addSource({name: format, location: `${server.origin}${path}`});
			const outcome = await fetchSource(setting, {env: home.env, ...fast});
			expect(outcome.status, outcome.line).toBe('updated');
			if (outcome.status !== 'updated') return;
			expect(outcome.meta.format).toBe(format);
			expect(outcome.meta.entryCount).toBeGreaterThanOrEqual(atLeast);
			const [cached] = await loadCachedSources(home.env);
			expect(cached!.state).toBe('ok');
			expect(cached!.data!.entities).toHaveLength(outcome.meta.entryCount!);
		});
	}

	test('reads a records document', async () => {
		({server} = await switchableServer({
			'/records.json': sendFile(readFileSync(new URL('../../../source/records/dataset.json', import.meta.url))),
		}));
		const outcome = await fetchSource(addSource({name: 'records', location: `${server.origin}/records.json`}), {env: home.env, ...fast});
		expect(outcome.status, outcome.line).toBe('updated');
		if (outcome.status === 'updated') expect(outcome.data.records?.vendors.length).toBe(outcome.meta.entryCount);
	});

	test('fetches the OFAC companions from beside sdn.csv', async () => {
		const ofac = (name: string) => sendFile(readFileSync(fixture(`ofac-sdn-csv/${name}`)));
		({server} = await switchableServer({
			'/ofac/ofactest_sdn.csv': ofac('ofactest_sdn.csv'),
			'/ofac/ofactest_alt.csv': ofac('ofactest_alt.csv'),
			'/ofac/ofactest_add.csv': ofac('ofactest_add.csv'),
			'/ofac/ofactest_sdn_comments.csv': ofac('ofactest_sdn_comments.csv'),
		}));
		const outcome = await fetchSource(addSource({name: 'OFAC', location: `${server.origin}/ofac/ofactest_sdn.csv`}), {
			env: home.env,
			...fast,
		});
		expect(outcome.status, outcome.line).toBe('updated');
		if (outcome.status !== 'updated') return;
		expect(outcome.meta.format).toBe('ofac-csv');
		expect(outcome.warnings).toEqual([]);
		const entities = Array.from({length: outcome.data.entities.count}, (_, index) => outcome.data.entities.at(index));
		expect(entities.some(entity => entity.aliases.length > 0)).toBe(true);
		expect(entities.some(entity => entity.addresses.length > 0)).toBe(true);
		expect(readdirSync(sourceCachePaths(home.env, 'OFAC').raw).sort()).toEqual([
			'ofactest_add.csv',
			'ofactest_alt.csv',
			'ofactest_sdn.csv',
			'ofactest_sdn_comments.csv',
		]);
	});

	test('missing OFAC companions are a warning, not a failure', async () => {
		({server} = await switchableServer({
			'/ofac/ofactest_sdn.csv': sendFile(readFileSync(fixture('ofac-sdn-csv/ofactest_sdn.csv')), {etag: '"s1"'}),
		}));
		const outcome = await fetchSource(addSource({name: 'OFAC', location: `${server.origin}/ofac/ofactest_sdn.csv`}), {
			env: home.env,
			...fast,
		});
		expect(outcome.status, outcome.line).toBe('updated');
		if (outcome.status !== 'updated') return;
		expect(outcome.warnings.join('\n')).toMatch(/ofactest_alt\.csv \(HTTP 404/);
		expect(outcome.line).toMatch(/warnings?:/);
		// Incomplete data must be downloaded in full next time, so no validator is kept.
		expect(outcome.meta.etag).toBeNull();
	});
});

describe('revalidation and failures', () => {
	test('a 304 reuses the cache with the same entry count', async () => {
		({server} = await switchableServer({
			'/consolidated.csv': (request, response) => {
				if (request.headers['if-none-match'] === '"csl-1"') {
					response.writeHead(304, {etag: '"csl-1"'});
					response.end();
					return;
				}
				response.writeHead(200, {etag: '"csl-1"', 'last-modified': 'Mon, 16 May 2022 00:00:00 GMT'});
				response.end(cslCsv);
			},
		}));
		const setting = addSource({name: 'CSL', location: `${server.origin}/consolidated.csv`});
		const first = await fetchSource(setting, {env: home.env, ...fast});
		expect(first.status).toBe('updated');
		const second = await fetchSource(setting, {env: home.env, ...fast});
		expect(second.status, second.line).toBe('unchanged');
		expect(second.meta?.entryCount).toBe(cslRowCount);
		expect(server.requests[1]!['if-modified-since']).toBe('Mon, 16 May 2022 00:00:00 GMT');
		const [cached] = await loadCachedSources(home.env);
		expect(cached!.data!.entities).toHaveLength(cslRowCount);
	});

	test('a 503 with Retry-After: 0 is retried and then succeeds', async () => {
		let calls = 0;
		({server} = await switchableServer({
			'/consolidated.csv': (_request, response) => {
				calls++;
				if (calls === 1) {
					response.writeHead(503, {'retry-after': '0'});
					response.end();
					return;
				}
				response.end(cslCsv);
			},
		}));
		const outcome = await fetchSource(addSource({name: 'CSL', location: `${server.origin}/consolidated.csv`}), {
			env: home.env,
			...fast,
			retry: {baseDelayMs: 60_000},
		});
		expect(outcome.status, outcome.line).toBe('updated');
		expect(calls).toBe(2);
	});

	test('a persisting 500 fails the fetch in one line and keeps the last good data', async () => {
		const {server: started, routes} = await switchableServer({'/consolidated.csv': sendFile(cslCsv)});
		server = started;
		addSource({name: 'CSL', location: `${server.origin}/consolidated.csv`});
		expect(await runFetch({}, recordingIO(home.env), fast)).toBe(0);
		routes['/consolidated.csv'] = (_request, response) => {
			response.writeHead(500);
			response.end('oops');
		};
		const io = recordingIO(home.env);
		expect(await runFetch({}, io, fast)).toBe(1);
		expect(io.output().trimEnd().split('\n')).toEqual([
			expect.stringMatching(/^CSL: HTTP 500 after 3 tries; using the cache from \d{4}-\d\d-\d\d \d\d:\d\d \(under a minute old\)$/),
		]);
		const [cached] = await loadCachedSources(home.env);
		expect(cached).toMatchObject({state: 'failed', why: 'HTTP 500 after 3 tries'});
		expect(cached!.data!.entities).toHaveLength(cslRowCount);
	});

	test('a server that never answers times out', async () => {
		({server} = await switchableServer({'/consolidated.csv': () => undefined}));
		const outcome = await fetchSource(addSource({name: 'CSL', location: `${server.origin}/consolidated.csv`}), {
			env: home.env,
			retry: {limit: 0},
			timeouts: {connectMs: 1000, responseMs: 150, idleMs: 1000, totalMs: 5000},
		});
		expect(outcome).toMatchObject({status: 'failed', line: 'CSL: no response within 150 ms; no cached data yet'});
	});

	test('a truncated body is rejected and the cache kept', async () => {
		const {server: started, routes} = await switchableServer({'/consolidated.csv': sendFile(cslCsv)});
		server = started;
		const setting = addSource({name: 'CSL', location: `${server.origin}/consolidated.csv`});
		await fetchSource(setting, {env: home.env, ...fast});
		routes['/consolidated.csv'] = (_request, response) => {
			response.writeHead(200, {'content-length': String(cslCsv.length)});
			response.write(cslCsv.subarray(0, 2000));
			setImmediate(() => response.socket?.destroy());
		};
		const outcome = await fetchSource(setting, {env: home.env, ...fast});
		expect(outcome.status).toBe('failed');
		expect(outcome.line).toMatch(/^CSL: the download ended early .* after 3 tries; using the cache from/);
		const [cached] = await loadCachedSources(home.env);
		expect(cached!.data!.entities).toHaveLength(cslRowCount);
	});

	test('an oversized body is stopped at maxBytes', async () => {
		({server} = await switchableServer({'/consolidated.csv': sendFile(cslCsv)}));
		const outcome = await fetchSource(addSource({name: 'CSL', location: `${server.origin}/consolidated.csv`}), {
			env: home.env,
			...fast,
			maxBytes: 10_000,
		});
		expect(outcome.status).toBe('failed');
		expect(outcome.line).toMatch(/^CSL: the (server announced .* over|download passed) the 9\.8 KiB limit.*; raise maxDownloadBytes/);
		expect(readdirSync(sourceCachePaths(home.env, 'CSL').dir).filter(name => name.startsWith('.incoming'))).toEqual([]);
	});

	test('an HTML page served with 200 is rejected', async () => {
		({server} = await switchableServer({
			'/consolidated.csv': sendFile('<!DOCTYPE html><html><body>Maintenance</body></html>', {'content-type': 'text/html; charset=utf-8'}),
		}));
		const outcome = await fetchSource(addSource({name: 'CSL', location: `${server.origin}/consolidated.csv`}), {env: home.env, ...fast});
		expect(outcome).toMatchObject({status: 'failed', reason: 'html'});
		expect(outcome.line).toBe(
			'CSL: got an HTML page (text/html) instead of list data, often an error, login or portal page; check the URL in a browser; no cached data yet',
		);
	});

	test('a list shrunk below half is rejected unless acceptShrink', async () => {
		const {server: started, routes} = await switchableServer({'/consolidated.csv': sendFile(cslCsv)});
		server = started;
		const setting = addSource({name: 'CSL', location: `${server.origin}/consolidated.csv`});
		await fetchSource(setting, {env: home.env, ...fast});
		routes['/consolidated.csv'] = sendFile(shortCsv(10));
		const rejected = await fetchSource(setting, {env: home.env, ...fast});
		expect(rejected).toMatchObject({status: 'failed', reason: 'shrunk'});
		expect(rejected.line).toMatch(/10 entries, under half of the 349 last time.*--accept-shrink/);
		expect((await loadCachedSources(home.env))[0]!.data!.entities).toHaveLength(cslRowCount);
		const accepted = await fetchSource(setting, {env: home.env, ...fast, acceptShrink: true});
		expect(accepted.status, accepted.line).toBe('updated');
		expect((await loadCachedSources(home.env))[0]!.data!.entities).toHaveLength(10);
	});

	test('a redirect to another host is refused', async () => {
		({server} = await switchableServer({
			'/consolidated.csv': (_request, response) => {
				response.writeHead(302, {location: `http://127.0.0.2:${server!.port}/consolidated.csv`});
				response.end();
			},
		}));
		const outcome = await fetchSource(addSource({name: 'CSL', location: `${server.origin}/consolidated.csv`}), {env: home.env, ...fast});
		expect(outcome.line).toMatch(/^CSL: redirected from 127\.0\.0\.1:\d+ to another host \(127\.0\.0\.2:\d+\); refused/);
	});

	test('a redirect to file:// is refused', async () => {
		({server} = await switchableServer({
			'/consolidated.csv': (_request, response) => {
				response.writeHead(301, {location: `file://${fixture('csl-csv/consolidated_2022-05-16_sample.csv')}`});
				response.end();
			},
		}));
		const outcome = await fetchSource(addSource({name: 'CSL', location: `${server.origin}/consolidated.csv`}), {env: home.env, ...fast});
		expect(outcome.line).toMatch(
			/^CSL: redirected to file: .* refused: only http\(s\) redirects on the same host are followed; no cached data yet$/,
		);
	});
});

test('a second fetch of the same source while one runs is refused, not raced', async () => {
	let release: () => void = () => undefined;
	const held = new Promise<void>(resolve => {
		release = resolve;
	});
	({server} = await switchableServer({
		'/consolidated.csv': (_request, response) => {
			void held.then(() => response.end(cslCsv));
		},
	}));
	const setting = addSource({name: 'CSL', location: `${server.origin}/consolidated.csv`});
	const first = fetchSource(setting, {env: home.env, ...fast});
	await vi.waitFor(() => expect(server!.requests).toHaveLength(1));
	const second = await fetchSource(setting, {env: home.env, ...fast});
	expect(second).toMatchObject({status: 'failed', reason: 'busy'});
	release();
	expect((await first).status).toBe('updated');
});

describe('secrets', () => {
	const marker = 'tok-7f3a9c-do-not-persist';

	test('the auth header comes from the named variable and is never written anywhere', async () => {
		let failNext = false;
		({server} = await switchableServer({
			'/consolidated.csv': (request, response) => {
				if (request.headers.authorization !== `Bearer ${marker}`) {
					response.writeHead(401);
					response.end();
					return;
				}
				if (failNext) {
					// An error page that echoes the token, as careless servers do.
					response.writeHead(302, {location: `file:///tmp/Bearer ${marker}`});
					response.end();
					return;
				}
				response.end(cslCsv);
			},
		}));
		const env = {...home.env, CSL_TOKEN: `Bearer ${marker}`};
		const add = recordingIO(env);
		expect(await runSourcesAdd({location: `${server.origin}/consolidated.csv`, name: 'CSL', authEnv: 'CSL_TOKEN'}, add)).toBe(0);
		const first = recordingIO(env);
		expect(await runFetch({}, first, fast)).toBe(0);
		failNext = true;
		const second = recordingIO(env);
		expect(await runFetch({}, second, fast)).toBe(1);
		expect(second.output()).toContain('[redacted]');
		expect(server.requests.every(headers => headers.authorization === `Bearer ${marker}`)).toBe(true);
		expect(filesContaining(home.home, marker)).toEqual([]);
		expect([add, first, second].map(io => io.output()).join('')).not.toContain(marker);
		expect(readFileSync(join(home.home, 'config', 'settings.json'), 'utf8')).toContain('"authEnv": "CSL_TOKEN"');
	});

	test('a missing auth variable fails clearly before any request', async () => {
		({server} = await switchableServer({'/consolidated.csv': sendFile(cslCsv)}));
		const outcome = await fetchSource(addSource({name: 'CSL', location: `${server.origin}/consolidated.csv`, authEnv: 'CSL_TOKEN'}), {
			env: home.env,
			...fast,
		});
		expect(outcome.line).toBe(
			"CSL: the environment variable CSL_TOKEN (the source's auth token) is not set; set it, or remove authEnv from the source; no cached data yet",
		);
		expect(server.requests).toHaveLength(0);
	});
});

describe('offline', () => {
	test('loadCachedSources serves the last good data with the server gone', async () => {
		({server} = await switchableServer({'/consolidated.csv': sendFile(cslCsv)}));
		addSource({name: 'CSL', location: `${server.origin}/consolidated.csv`});
		expect(await runFetch({}, recordingIO(home.env), fast)).toBe(0);
		await server.close();
		server = undefined;
		const [fresh] = await loadCachedSources(home.env);
		expect(fresh).toMatchObject({state: 'ok', why: null});
		expect(fresh!.data!.entities).toHaveLength(cslRowCount);
		const [later] = await loadCachedSources(home.env, {now: new Date(Date.now() + 10 * 24 * 3600 * 1000)});
		expect(later).toMatchObject({state: 'stale', why: 'last fetched 10 days ago; run vendor-risk fetch'});
		expect(later!.data!.entities).toHaveLength(cslRowCount);
	});

	test('a source never fetched is failed with the reason', async () => {
		addSource({name: 'CSL', location: 'https://example.invalid/consolidated.csv'});
		const [cached] = await loadCachedSources(home.env);
		expect(cached).toMatchObject({state: 'failed', why: 'not fetched yet; run vendor-risk fetch', data: null});
	});
});

describe('local files', () => {
	test('a configured local file is copied into the cache', async () => {
		const outcome = await fetchSource(addSource({name: 'local', location: fixture('csl-csv/consolidated_2025_small.csv')}), {
			env: home.env,
		});
		expect(outcome.status, outcome.line).toBe('updated');
		expect(outcome.meta?.entryCount).toBe(13);
		expect(existsSync(join(sourceCachePaths(home.env, 'local').raw, 'consolidated_2025_small.csv'))).toBe(true);
	});

	test('a local OFAC sdn.csv brings its companions along', async () => {
		const outcome = await fetchSource(addSource({name: 'ofac', location: fixture('ofac-sdn-csv/static_slice_sdn.csv')}), {env: home.env});
		expect(outcome.status, outcome.line).toBe('updated');
		expect(readdirSync(sourceCachePaths(home.env, 'ofac').raw).sort()).toEqual([
			'static_slice_add.csv',
			'static_slice_alt.csv',
			'static_slice_sdn.csv',
		]);
	});
});

describe('readOneOffSource', () => {
	test('reads a URL without touching the settings or the source cache', async () => {
		({server} = await switchableServer({'/consolidated.csv': sendFile(cslCsv)}));
		const parsed = await readOneOffSource(`${server.origin}/consolidated.csv`, {env: home.env, ...fast});
		expect(parsed.format).toBe('csl-csv');
		expect(parsed.entities).toHaveLength(cslRowCount);
		expect(existsSync(join(home.home, 'config', 'settings.json'))).toBe(false);
		expect(existsSync(join(home.home, 'cache', 'sources'))).toBe(false);
		expect(readdirSync(join(home.home, 'cache', 'one-off'))).toEqual([]);
	});

	test('reads a local file with a format override', async () => {
		const parsed = await readOneOffSource(fixture('csl-json/sdn_expected_results.json'), {env: home.env, format: 'csl-json'});
		expect(parsed.entities).toHaveLength(4);
	});

	test('an HTML page over HTTP is an OperationError', async () => {
		({server} = await switchableServer({'/list.csv': sendFile('<html><body>login</body></html>')}));
		await expect(readOneOffSource(`${server.origin}/list.csv`, {env: home.env, ...fast})).rejects.toMatchObject({
			exitCode: 1,
			message: expect.stringMatching(/got an HTML page/),
		});
	});

	test('a missing file is a UserInputError', async () => {
		await expect(readOneOffSource(join(home.home, 'nope.csv'), {env: home.env})).rejects.toMatchObject({exitCode: 2});
	});
});

describe('done when', () => {
	test('CSL over HTTP, then an HTML page: exit 1, one line, the cached Hikvision row still there', async () => {
		const {server: started, routes} = await switchableServer({'/consolidated.csv': sendFile(cslCsv, {'content-type': 'text/csv'})});
		server = started;
		const add = recordingIO(home.env);
		expect(await runSourcesAdd({location: `http://127.0.0.1:${server.port}/consolidated.csv`, name: 'CSL'}, add)).toBe(0);
		const first = recordingIO(home.env);
		expect(await runFetch({}, first, fast)).toBe(0);
		expect(first.out.join('')).toBe(`CSL: ${cslRowCount} entries (csl-csv)\n`);

		routes['/consolidated.csv'] = sendFile('<!doctype html>\n<html><head><title>Service Unavailable</title></head><body></body></html>', {
			'content-type': 'text/html',
		});
		const second = recordingIO(home.env);
		expect(await runFetch({}, second, fast)).toBe(1);
		const lines = second.output().trimEnd().split('\n');
		expect(lines).toHaveLength(1);
		expect(lines[0]).toMatch(
			/^CSL: got an HTML page \(text\/html\) instead of list data.*; using the cache from .* \(under a minute old\)$/,
		);

		const [cached] = await loadCachedSources(home.env);
		expect(cached!.state).toBe('failed');
		expect(cached!.data!.entities.filter(entity => /hikvision/i.test(entity.name)).length).toBeGreaterThan(0);
	});
});
