// Servers that never finish: a fetch must give up by itself within its bounded timeouts and
// keep the last good data. The CLI does not expose timeouts, so these run in-process through
// fetchSource with short ones (the defaults bound the same phases, only longer).
import type http from 'node:http';
import {afterAll, beforeAll, expect, it} from 'vitest';
import {fetchSource, loadCachedSources, type Timeouts} from '../../source/sources/index.js';
import {openSettings, type SourceSetting} from '../../source/settings/index.js';
import {temporaryHome} from '../helpers.js';
import * as body from './corpus/bodies.js';
import {send, startRoutedServer, type Handler, type RoutedServer} from './corpus/servers.js';

let server: RoutedServer;
const timers = new Set<NodeJS.Timeout>();
beforeAll(async () => {
	server = await startRoutedServer();
});
afterAll(async () => {
	for (const timer of timers) clearInterval(timer);
	await server.close();
});

/** Drips one byte every `everyMs` for as long as the client listens (server-side timers only). */
const drip =
	(everyMs: number, headers: http.OutgoingHttpHeaders = {}): Handler =>
	(request, response) => {
		response.writeHead(200, {'content-type': 'text/csv', ...headers});
		response.write(body.cslCsv().slice(0, 200));
		const timer = setInterval(() => response.write('x'), everyMs);
		timers.add(timer);
		request.socket.on('close', () => clearInterval(timer));
	};

const never: Handler = request => void request; // accepts the request, never answers
const silentAfterHead: Handler = (_request, response) => {
	response.writeHead(200, {'content-type': 'text/csv'});
	response.write(body.cslCsv().slice(0, 300));
};

const timeouts: Partial<Timeouts> = {connectMs: 1000, responseMs: 500, idleMs: 800, totalMs: 2000};
const cases = [
	{
		name: 'an endless slow drip (slowloris) is cut off by the total time limit and not retried',
		handler: drip(150),
		error: /^the download took longer than 2 s$/,
	},
	{
		name: 'a server that never sends headers is given up on after the response timeout and its retries',
		handler: never,
		error: /^no response within 500 ms after 3 tries$/,
	},
	{
		name: 'a server that goes silent mid-body is given up on after the idle timeout and its retries',
		handler: silentAfterHead,
		error: /^the server went silent for 800 ms after 3 tries$/,
	},
];

it.each(cases.map((testCase, index) => ({...testCase, id: `slow-${index}`})))(
	'$name',
	async ({id, handler, error}) => {
		const home = temporaryHome();
		const env = {VENDOR_RISK_HOME: home.path, PATH: process.env.PATH};
		const route = {handler: send(body.cslCsv())};
		server.route(`/${id}/consolidated.csv`, (request, response) => route.handler(request, response));
		const setting: SourceSetting = {name: 'list', location: `${server.origin}/${id}/consolidated.csv`};
		openSettings(env).set('sources', [setting]);
		try {
			expect((await fetchSource(setting, {env})).status).toBe('updated');
			route.handler = handler;
			// Retries allowed, but quick: the slow drip must not be retried (it would use its whole budget again).
			const outcome = await fetchSource(setting, {env, timeouts, retry: {limit: 2, baseDelayMs: 1, maxDelayMs: 1}});
			expect(outcome.status).toBe('failed');
			if (outcome.status !== 'failed') return;
			expect(outcome.error).toMatch(error);
			expect(outcome.line).toMatch(/^list: .*; using the cache from /);
			expect(outcome.line).not.toContain('\n');
			const [cached] = await loadCachedSources(env);
			expect(cached?.data?.entities).toHaveLength(body.cslCsvCount);
		} finally {
			home.remove();
		}
	},
	20_000,
);
