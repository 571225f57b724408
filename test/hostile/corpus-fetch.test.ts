// The broken-input corpus for `vendor-risk fetch`: each source is first fetched good, then
// served broken. The fetch must say what is wrong in one line on stderr, exit 1, keep the
// last good data (list entries still shows it), give up by itself and stay small. Rows marked
// `cli` run the built CLI as a child (with its peak memory measured); the others run the same
// command function in-process, which keeps the corpus fast on a small machine.
import {mkdirSync} from 'node:fs';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {runFetch} from '../../source/commands/fetch.js';
import {openSettings, type SourceSetting} from '../../source/settings/index.js';
import {fetchSource, loadCachedSources} from '../../source/sources/index.js';
import {temporaryHome} from '../helpers.js';
import {recordingIO} from '../sources/fetch/helpers.js';
import * as body from './corpus/bodies.js';
import {errorLines, runMeasured} from './corpus/measure.js';
import {
	selfSignedCertificate,
	send,
	startDualServer,
	startRoutedServer,
	type Certificate,
	type DualServer,
	type Handler,
	type RoutedServer,
} from './corpus/servers.js';

const peakRssLimitMiB = 300;

type Fixture = {file: string; body: () => string | Buffer; count: number; extra?: Record<string, () => string>};
const csl: Fixture = {file: 'consolidated.csv', body: body.cslCsv, count: body.cslCsvCount};
const cslJson: Fixture = {file: 'el.json', body: body.cslJson, count: body.cslJsonCount};
const ofac: Fixture = {
	file: 'ofactest_sdn.csv',
	body: body.ofacSdn,
	count: body.ofacCount,
	extra: {
		'ofactest_alt.csv': () => body.ofacCompanion('alt'),
		'ofactest_add.csv': () => body.ofacCompanion('add'),
		'ofactest_sdn_comments.csv': () => body.ofacCompanion('sdn_comments'),
	},
};

type Outcome = {fails: RegExp} | {accepted: RegExp | null};
type Case = {
	name: string;
	good: Fixture;
	format?: SourceSetting['format'];
	/** The broken version: a handler for the main file (companions go on being served unless `dropExtras`). */
	broken: (context: {origin: string}) => Handler;
	dropExtras?: boolean;
	maxDownloadBytes?: number;
	/** Run the built CLI as a child: the memory-bound cases and one of each kind; also checked through `vendor-risk list entries`. */
	cli?: boolean;
	outcome: Outcome;
};

let bomb: Buffer;
const huge = 10 * body.mib;

const cases: Case[] = [
	{
		name: 'a CSL JSON download cut off mid-document is rejected as invalid JSON',
		good: cslJson,
		broken: () => send(body.cslJson().slice(0, 900)),
		outcome: {fails: /not valid JSON .*fetch it again/},
	},
	{
		name: 'JSON of the wrong shape (an object without "results") is rejected as not CSL JSON',
		good: cslJson,
		format: 'csl-json',
		broken: () => send('{"data": [{"name": "x"}]}'),
		outcome: {fails: /expected CSL JSON .*found an object without a "results" array/},
	},
	{
		cli: true,
		name: '100,000 nested JSON arrays are rejected without a stack overflow',
		good: cslJson,
		format: 'csl-json',
		broken: () => send(body.nestedArrays(100_000)),
		outcome: {fails: /CSL JSON entry 1 is an array, not an object/},
	},
	{
		cli: true,
		name: 'an HTML page served with status 200 is rejected as HTML',
		good: csl,
		broken: () => send('<!doctype html><html><body>Please log in</body></html>', {'content-type': 'text/html; charset=utf-8'}),
		outcome: {fails: /got an HTML page \(text\/html\) instead of list data.*check the URL/},
	},
	{
		name: 'an empty 200 body is rejected as an empty file',
		good: csl,
		broken: () => send(''),
		outcome: {fails: /the file is empty \(0 bytes\); download it again/},
	},
	{
		name: 'a byte-order mark before the CSV header is accepted',
		good: csl,
		broken: () => send(`\uFEFF${body.cslCsv()}`),
		outcome: {accepted: null},
	},
	{
		name: 'UTF-16 LE with its byte-order mark is decoded and accepted',
		good: csl,
		broken: () => send(body.utf16le(body.cslCsv())),
		outcome: {accepted: null},
	},
	{
		name: 'UTF-16 LE without a byte-order mark is rejected as an unknown format',
		good: csl,
		broken: () => send(body.utf16le(body.cslCsv(), false)),
		outcome: {fails: /cannot tell which list format this is; pass --format/},
	},
	{
		cli: true,
		name: 'invalid UTF-8 bytes in a name are accepted with a warning about the encoding',
		good: csl,
		broken: () => send(body.withInvalidUtf8(body.cslCsv(), 'Academy of Aerospace')),
		outcome: {accepted: /not valid UTF-8 .*check the file's encoding/},
	},
	{
		cli: true,
		name: 'a declared Content-Length of 2 GB is refused before the body is read',
		good: csl,
		broken: () => (_request, response) => {
			response.writeHead(200, {'content-length': String(2 * 1024 ** 3)});
			response.write(body.cslCsv()); // and then never finishes
		},
		outcome: {fails: /the server announced 2\.0 GiB, over the 512\.0 MiB limit/},
	},
	{
		cli: true,
		name: 'a streamed body larger than the size limit is stopped at the limit',
		good: csl,
		maxDownloadBytes: body.mib,
		broken: () => (_request, response) => {
			response.writeHead(200, {'content-type': 'text/csv'}); // chunked: no length announced
			const row = Buffer.from(`${body.cslCsv()}\n`.repeat(50));
			for (let written = 0; written < 8 * body.mib; written += row.length) response.write(row);
			response.end();
		},
		outcome: {fails: /the download passed the 1\.0 MiB limit and was stopped/},
	},
	{
		cli: true,
		name: 'a gzip bomb is stopped on its inflated size, not its small transfer size',
		good: csl,
		maxDownloadBytes: 16 * body.mib,
		broken: () => send(bomb, {'content-encoding': 'gzip', 'content-type': 'text/csv'}),
		outcome: {fails: /the download passed the 16\.0 MiB limit and was stopped/},
	},
	{
		cli: true,
		name: 'a CSV row with a single 10 MB field is rejected as damaged',
		good: csl,
		broken: () => send(body.cslCsvWithHugeName(huge)),
		outcome: {fails: /record \(line \d+\) is over 1 MiB.*download it again/},
	},
	{
		name: 'a CSV with an unbalanced quote is rejected naming the line',
		good: csl,
		broken: () => send(`${body.cslCsv()}"never closed,x\n`),
		outcome: {fails: /a quoted field is never closed \(line \d+\).*download it again/},
	},
	{
		name: 'a CSV row with the wrong column count is rejected naming the line',
		good: csl,
		broken: () =>
			send(body.cslCsv().replace(/\n("[^\n]*)\n/, (_match, row: string) => `\n${row.split('","').slice(0, 20).join('","')}"\n`)),
		outcome: {fails: /expected 29 columns .* but line 2 has 20/},
	},
	{
		name: 'a CSL CSV without its header row is rejected as missing the header',
		good: csl,
		format: 'csl-csv',
		broken: () => send(body.cslCsv().split('\n').slice(1).join('\n')),
		outcome: {fails: /missing the CSL CSV header/},
	},
	{
		cli: true,
		name: 'OFAC sdn.csv without its companion files still parses, with a warning',
		good: ofac,
		dropExtras: true,
		broken: () => send(body.ofacSdn()),
		outcome: {accepted: /ofactest_alt\.csv/},
	},
	{
		cli: true,
		name: 'a redirect to a file:// URL is refused',
		good: csl,
		broken: () => (_request, response) => response.writeHead(302, {location: 'file:///etc/passwd'}).end(),
		outcome: {fails: /redirected to file: .*refused/},
	},
	{
		name: 'a redirect to another host is refused',
		good: csl,
		broken:
			({origin}) =>
			(_request, response) =>
				response.writeHead(301, {location: `${origin.replace('127.0.0.1', 'localhost')}/elsewhere.csv`}).end(),
		outcome: {fails: /redirected from 127\.0\.0\.1:\d+ to another host \(localhost:\d+\); refused/},
	},
	{
		name: 'a body cut off before its declared Content-Length is reported as ended early',
		good: csl,
		broken: () => (_request, response) => {
			response.writeHead(200, {'content-length': String(body.cslCsv().length * 2)});
			response.write(body.cslCsv());
			setImmediate(() => response.socket?.destroy());
		},
		outcome: {fails: /the download ended early .*after 3 tries/},
	},
	{
		name: 'a maxDownloadBytes setting that is negative is refused instead of disabling the cap',
		good: csl,
		maxDownloadBytes: -1,
		broken: () => send(body.cslCsv()),
		outcome: {fails: /maxDownloadBytes is -1, not a positive number of bytes/},
	},
];

let server: RoutedServer;
beforeAll(async () => {
	server = await startRoutedServer();
	bomb = body.gzipBomb(1024); // 1 GiB inflated
	expect(bomb.length).toBeLessThan(2 * body.mib);
});
afterAll(() => server.close());

/** `vendor-risk fetch` without the process: the command function the CLI calls, with a recording IO. */
async function fetchInProcess(env: NodeJS.ProcessEnv) {
	const io = recordingIO(env);
	const status = await runFetch({}, io);
	return {status, stdout: io.out.join(''), stderr: io.err.join(''), timedOut: false, peakRssMiB: 0};
}

/** A home with one source, fetched good in-process (the CLI's own code, without a process start). */
async function homeWithGoodFetch(id: string, good: Fixture, format: SourceSetting['format'], origin = server.origin) {
	const home = temporaryHome();
	mkdirSync(home.path, {recursive: true});
	const env = {VENDOR_RISK_HOME: home.path, PATH: process.env.PATH};
	const setting: SourceSetting = {name: 'list', location: `${origin}/${id}/${good.file}`, ...(format ? {format} : {})};
	openSettings(env).set('sources', [setting]);
	return {home, env, setting};
}

/** Progress lines ("list: downloading, …") and announced waits ("…; waiting 1 s before try 2 of 3") are the CLI's own. */
const ownLine = (line: string) => /^list: downloading, /.test(line) || /; waiting [\d.]+ s before try \d+ of \d+$/.test(line);

function expectOneCleanLine(stderr: string): string {
	const lines = errorLines(stderr).filter(line => !ownLine(line));
	expect(lines, stderr).toHaveLength(1);
	expect(stderr).not.toMatch(/^\s+at /m);
	expect(stderr).not.toMatch(/Error:|\u001B/);
	return lines[0]!;
}

/** The cache still holds the good data, read as every command reads it. */
async function expectGoodDataKept(env: NodeJS.ProcessEnv, count: number) {
	const [cached] = await loadCachedSources(env);
	expect(cached?.data?.entities.length).toBe(count);
}

/** And `vendor-risk list entries` shows it: run for the big cases, where a half-written cache would hurt most. */
async function expectListShows(home: string, count: number) {
	const listed = await runMeasured(['list', 'entries', '--json'], home, {timeoutMs: 30_000});
	expect(listed.status, listed.stderr).toBe(0);
	expect((JSON.parse(listed.stdout) as {count: number}).count).toBe(count);
}

describe('hostile and broken downloads in vendor-risk fetch', () => {
	it.concurrent.each(cases.map((testCase, index) => ({...testCase, id: `case-${index}`})))(
		'$name',
		async ({id, name, good, format, broken, dropExtras, maxDownloadBytes, cli, outcome}) => {
			const handlers = {main: send(good.body()), extras: good.extra ?? {}};
			server.route(`/${id}/${good.file}`, (request, response) => handlers.main(request, response));
			for (const [file, make] of Object.entries(good.extra ?? {}))
				server.route(`/${id}/${file}`, (request, response) =>
					dropExtras ? response.writeHead(404).end() : send(make())(request, response),
				);
			const {home, env, setting} = await homeWithGoodFetch(id, good, format);
			try {
				const first = await fetchSource(setting, {env});
				expect(first.status, first.line).toBe('updated');
				if (maxDownloadBytes !== undefined) openSettings(env).set('maxDownloadBytes', maxDownloadBytes);
				handlers.main = broken({origin: server.origin});
				if (dropExtras)
					for (const file of Object.keys(good.extra ?? {}))
						server.route(`/${id}/${file}`, (_request, response) => response.writeHead(404).end());
				const run = cli ? await runMeasured(['fetch'], home.path) : await fetchInProcess(env);
				expect(run.timedOut, name).toBe(false);
				expect(run.peakRssMiB).toBeLessThan(peakRssLimitMiB);
				if ('fails' in outcome) {
					expect(run.status, run.stdout + run.stderr).toBe(1);
					expect(run.stdout).toBe('');
					const line = expectOneCleanLine(run.stderr);
					expect(line).toMatch(/^list: /);
					expect(line).toMatch(outcome.fails);
					expect(line).toMatch(/using the cache from \d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
				} else {
					expect(run.status, run.stderr).toBe(0);
					expect(errorLines(run.stderr).filter(line => !ownLine(line))).toEqual([]);
					expect(run.stdout).toMatch(new RegExp(`^list: ${good.count} entries`));
					if (outcome.accepted) expect(run.stdout).toMatch(outcome.accepted);
				}
				await expectGoodDataKept(env, good.count);
				if (cli) await expectListShows(home.path, good.count);
			} finally {
				home.remove();
			}
		},
		60_000,
	);
});

describe('TLS failures in vendor-risk fetch', () => {
	let certificate: Certificate;
	let dual: DualServer;
	beforeAll(async () => {
		certificate = selfSignedCertificate();
		dual = await startDualServer(certificate, (request, response) => send(body.cslCsv())(request, response));
	});
	afterAll(async () => {
		await dual?.close();
		certificate?.remove();
	});

	const tlsCases = [
		{
			name: 'an https URL whose port answers in plain http fails the TLS handshake at once',
			mode: 'plain' as const,
			trust: true,
			fails: /TLS handshake failed: the server did not answer in TLS .*check the URL's scheme and port/,
		},
		{
			name: 'a self-signed certificate that is not trusted is refused with a hint',
			mode: 'tls' as const,
			trust: false,
			fails: /TLS certificate not trusted \((DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN)\).*NODE_EXTRA_CA_CERTS/,
		},
	];
	it.each(tlsCases)(
		'$name',
		async ({mode, trust, fails}) => {
			const home = temporaryHome();
			try {
				const trusted = {NODE_EXTRA_CA_CERTS: certificate.certPath};
				dual.mode = 'tls';
				openSettings({VENDOR_RISK_HOME: home.path}).set('sources', [{name: 'list', location: `${dual.origin}/consolidated.csv`}]);
				const first = await runMeasured(['fetch'], home.path, {env: trusted});
				expect(first.status, first.stderr).toBe(0);
				dual.mode = mode;
				const run = await runMeasured(['fetch'], home.path, {env: trust ? trusted : {}});
				expect(run.timedOut).toBe(false);
				expect(run.status, run.stdout + run.stderr).toBe(1);
				const line = expectOneCleanLine(run.stderr);
				expect(line).toMatch(fails);
				expect(line).not.toMatch(/after \d+ tries/);
				await expectListShows(home.path, body.cslCsvCount);
			} finally {
				home.remove();
			}
		},
		60_000,
	);
});
