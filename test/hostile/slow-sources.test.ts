// Slow or shrinking sources (issue 21 §6): a trickle is given up below a minimum rate, a
// slow source holds up no other (sources are fetched a few at a time), a list gutted a step
// at a time meets the baseline of recent good fetches, and a long Retry-After is neither
// waited out in silence nor for minutes.
import {mkdirSync, writeFileSync} from 'node:fs';
import http from 'node:http';
import type {AddressInfo} from 'node:net';
import {join} from 'node:path';
import {afterAll, afterEach, beforeAll, describe, expect, it, vi} from 'vitest';
import {openSettings, type SourceSetting} from '../../source/settings/index.js';
import {fetchSource, sourceCachePaths} from '../../source/sources/index.js';
import {readMeta} from '../../source/sources/fetch/cache.js';
import {temporaryHome} from '../helpers.js';
import {cslWithEntries, runChild, startCli} from './hardening.js';

type Route = (request: http.IncomingMessage, response: http.ServerResponse) => void;
const routes = new Map<string, Route>();
const hits = new Map<string, number>();
const timers = new Set<NodeJS.Timeout>();
let server: http.Server;
let origin = '';
beforeAll(async () => {
	server = http.createServer((request, response) => {
		const path = new URL(request.url ?? '/', 'http://x').pathname;
		hits.set(path, (hits.get(path) ?? 0) + 1);
		const route = routes.get(path);
		if (route) route(request, response);
		else response.writeHead(404).end();
	});
	await new Promise<void>(ready => server.listen(0, '127.0.0.1', ready));
	origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterEach(() => {
	for (const timer of timers) clearInterval(timer);
	timers.clear();
});
afterAll(async () => {
	server.closeAllConnections();
	await new Promise<void>(done => server.close(() => done()));
});

/** Writes `head` at once, then `chunk` every `everyMs` until `total` chunks (forever when undefined). */
const trickle =
	(head: string, chunk: string, everyMs: number, total?: number): Route =>
	(request, response) => {
		response.writeHead(200, {'content-type': 'text/csv'});
		response.write(head);
		let sent = 0;
		const timer = setInterval(() => {
			if (total !== undefined && sent >= total) {
				clearInterval(timer);
				response.end();
				return;
			}
			response.write(chunk);
			sent++;
		}, everyMs);
		timers.add(timer);
		request.socket.on('close', () => clearInterval(timer));
	};

const send =
	(body: string, status = 200, headers: http.OutgoingHttpHeaders = {}): Route =>
	(_request, response) =>
		response.writeHead(status, {'content-type': 'text/csv', ...headers}).end(body);

const noProxy = {NO_PROXY: '127.0.0.1'};

describe('a minimum transfer rate', () => {
	const rate = {minBytesPerSecond: 1024, minRateWindowMs: 600, idleMs: 10_000, totalMs: 60_000};
	const cases = [
		{id: 'cold', name: 'a byte every 100 ms from the start', route: () => trickle('', 'x', 100)},
		{id: 'warm', name: 'a good start, then a byte every 100 ms', route: () => trickle(cslWithEntries(300), 'x', 100)},
	];
	it.each(cases)(
		'gives up on $name, keeping the last good data',
		async ({id, route}) => {
			const home = temporaryHome();
			try {
				const env = {VENDOR_RISK_HOME: home.path};
				const path = `/rate/${id}.csv`;
				routes.set(path, send(cslWithEntries(5)));
				const setting: SourceSetting = {name: 'Slow', location: `${origin}${path}`};
				expect((await fetchSource(setting, {env})).status).toBe('updated');
				routes.set(path, route());
				const outcome = await fetchSource(setting, {env, timeouts: rate, retry: {limit: 2, baseDelayMs: 1, maxDelayMs: 1}});
				expect(outcome.status).toBe('failed');
				expect(outcome.line).toMatch(
					/^Slow: the download ran under 1\.0 KiB\/s for 600 ms \(.* so far\), so it was given up; .*; using the cache from /,
				);
				expect(hits.get(path)).toBe(2); // not retried: it would only crawl again
			} finally {
				home.remove();
			}
		},
		30_000,
	);

	it('lets a slow but steady download finish', async () => {
		const home = temporaryHome();
		try {
			const body = cslWithEntries(40);
			const chunks = Math.ceil(body.length / 1000);
			routes.set('/steady.csv', (request, response) => {
				let index = 0;
				response.writeHead(200, {'content-type': 'text/csv'});
				const timer = setInterval(() => {
					if (index >= chunks) {
						clearInterval(timer);
						response.end();
						return;
					}
					response.write(body.slice(index * 1000, ++index * 1000));
				}, 50);
				timers.add(timer);
				request.socket.on('close', () => clearInterval(timer));
			});
			const outcome = await fetchSource(
				{name: 'Steady', location: `${origin}/steady.csv`},
				{
					env: {VENDOR_RISK_HOME: home.path},
					// 20 KB/s against a floor of 1 KiB/s over 2 s: a margin no busy machine eats.
					timeouts: {...rate, minRateWindowMs: 2000},
				},
			);
			expect(outcome.status, outcome.line).toBe('updated');
		} finally {
			home.remove();
		}
	}, 30_000);
});

describe('sources are fetched a few at a time', () => {
	const layouts = [
		{name: 'one slow source before a good one', slow: 1, good: 1},
		{name: 'two slow sources before two good ones', slow: 2, good: 2},
	];
	it.each(layouts)(
		'$name: the good ones are cached while the slow ones still trickle',
		async ({slow, good}) => {
			const home = temporaryHome();
			try {
				const sources: SourceSetting[] = [
					...Array.from({length: slow}, (_, index) => ({name: `Slow ${index}`, location: `${origin}/parallel/slow-${index}.csv`})),
					...Array.from({length: good}, (_, index) => ({name: `Good ${index}`, location: `${origin}/parallel/good-${index}.csv`})),
				];
				for (let index = 0; index < slow; index++)
					routes.set(`/parallel/slow-${index}.csv`, trickle(cslWithEntries(3).slice(0, 400), 'x', 500));
				for (let index = 0; index < good; index++) routes.set(`/parallel/good-${index}.csv`, send(cslWithEntries(4)));
				mkdirSync(join(home.path, 'config'));
				writeFileSync(join(home.path, 'config', 'settings.json'), JSON.stringify({sources}));
				const {child, done} = startCli(['fetch'], home.path, {env: noProxy, timeoutMs: 30_000});
				const env = {VENDOR_RISK_HOME: home.path};
				await vi.waitFor(
					() => {
						for (let index = 0; index < good; index++) expect(readMeta(sourceCachePaths(env, `Good ${index}`))?.entryCount).toBe(4);
					},
					{timeout: 15_000, interval: 50},
				);
				expect(child.exitCode).toBeNull(); // the slow ones are still downloading
				child.kill('SIGTERM');
				expect((await done).status).toBe(143);
			} finally {
				home.remove();
			}
		},
		40_000,
	);
});

describe('a list gutted a step at a time', () => {
	it('1,000 entries down to 10 over nine fetches is stopped at the third, and --accept-shrink restarts the baseline', async () => {
		const home = temporaryHome();
		try {
			const counts = Array.from({length: 10}, (_, step) => Math.round(1000 * 0.6 ** step)); // 1000, 600, 360, … 10
			let current = counts[0]!;
			routes.set('/gutted.csv', (_request, response) => response.writeHead(200, {'content-type': 'text/csv'}).end(cslWithEntries(current)));
			const run = (...args: string[]) => runChild(args, home.path, {env: noProxy});
			expect((await run('sources', 'add', `${origin}/gutted.csv`, '--name', 'List')).status).toBe(0);
			expect((await run('fetch')).stdout).toMatch(/^List: 1000 entries/);
			current = counts[1]!;
			expect((await run('fetch')).stdout).toMatch(/^List: 600 entries/);
			for (const count of counts.slice(2)) {
				current = count;
				const refused = await run('fetch');
				expect(refused.status, `${count}: ${refused.stdout}`).toBe(1);
				expect(refused.stderr).toMatch(
					new RegExp(`^List: the new list has ${count} entries, under half of the (1000 of a recent fetch|600 last time)`),
				);
			}
			expect(JSON.parse((await run('list', 'entries', '--json')).stdout)).toMatchObject({count: 600});
			current = 360;
			const accepted = await run('fetch', '--accept-shrink');
			expect(accepted.stdout).toMatch(/^List: 360 entries \(csl-csv\) \(shrink from 1000 accepted\)/);
			current = 200; // over half of the new baseline of 360
			expect((await run('fetch')).stdout).toMatch(/^List: 200 entries/);
		} finally {
			home.remove();
		}
	}, 120_000);

	it('a gentler gutting, a fifth at a time, is stopped once it is under half of the recent best', async () => {
		const home = temporaryHome();
		try {
			const env = {VENDOR_RISK_HOME: home.path};
			let current = 1000;
			routes.set('/gentle.csv', (_request, response) => response.writeHead(200, {'content-type': 'text/csv'}).end(cslWithEntries(current)));
			const setting: SourceSetting = {name: 'Gentle', location: `${origin}/gentle.csv`};
			openSettings(env).set('sources', [setting]);
			const accepted: number[] = [];
			let refused: string | null = null;
			for (const count of [1000, 1200, 960, 768, 614, 491]) {
				current = count;
				const outcome = await fetchSource(setting, {env});
				if (outcome.status === 'updated') accepted.push(count);
				else refused = outcome.line;
			}
			expect(accepted).toEqual([1000, 1200, 960, 768, 614]);
			expect(refused).toMatch(
				/the new list has 491 entries, under half of the 1200 of a recent fetch \(the baseline of the last 10 good ones\)/,
			);
		} finally {
			home.remove();
		}
	}, 60_000);
});

describe('Retry-After', () => {
	const refusals = [
		{id: 'seconds', name: 'in seconds (two hours)', header: () => '7200', says: /asks to retry after 2 h \(Retry-After\)/},
		{
			name: 'as an HTTP date a day ahead',
			header: () => new Date(Date.now() + 86_400_000).toUTCString(),
			says: /asks to retry after 2[34] h \(Retry-After\)/,
		},
	];
	it.each(refusals)(
		'a long one $name fails the fetch at once, saying why',
		async ({id, header, says}) => {
			const home = temporaryHome();
			try {
				const path = `/busy/${id}.csv`;
				routes.set(path, send('busy', 503, {'retry-after': header()}));
				mkdirSync(join(home.path, 'config'));
				writeFileSync(
					join(home.path, 'config', 'settings.json'),
					JSON.stringify({sources: [{name: 'Busy', location: `${origin}${path}`}]}),
				);
				const run = await runChild(['fetch'], home.path, {env: noProxy});
				expect(run.status).toBe(1);
				expect(run.stderr).toMatch(says);
				expect(run.stderr).toMatch(/longer than vendor-risk waits \(30 s\); try again later; no cached data yet$/m);
				expect(hits.get(path)).toBe(1);
			} finally {
				home.remove();
			}
		},
		30_000,
	);

	it('a short one is waited out, and the wait is announced', async () => {
		const home = temporaryHome();
		try {
			let calls = 0;
			routes.set('/brief.csv', (request, response) =>
				(++calls === 1 ? send('busy', 503, {'retry-after': '1'}) : send(cslWithEntries(6)))(request, response),
			);
			mkdirSync(join(home.path, 'config'));
			writeFileSync(
				join(home.path, 'config', 'settings.json'),
				JSON.stringify({sources: [{name: 'Brief', location: `${origin}/brief.csv`}]}),
			);
			const run = await runChild(['fetch'], home.path, {env: noProxy});
			expect(run.status, run.stderr).toBe(0);
			expect(run.stderr).toBe('Brief: HTTP 503, Retry-After; waiting 1 s before try 2 of 3\n');
			expect(run.stdout).toMatch(/^Brief: 6 entries/);
		} finally {
			home.remove();
		}
	}, 30_000);
});
