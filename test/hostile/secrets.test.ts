// Secrets never stored, never sent in the clear (issue 21 §2). A token planted in a source
// URL (as userinfo, as a query parameter, in a hand-written settings file) is used for the
// download and appears in no output, store, cache or export; an https source's credentials
// never follow a redirect to plain http, --allow-http or not.
import {createHash} from 'node:crypto';
import {mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import http from 'node:http';
import type {AddressInfo} from 'node:net';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {temporaryHome} from '../helpers.js';
import {cslRow, cslHeader, expectOneLine, runChild, walk} from './hardening.js';
import {selfSignedCertificate, startDualServer, type Certificate, type DualServer} from './corpus/servers.js';

const token = `planted-${createHash('sha256').update('issue 21 secrets').digest('hex').slice(0, 20)}`;
const queryToken = `query-${token}`;
const user = 'reviewer';
const basic = `Basic ${Buffer.from(`${user}:${token}`).toString('base64')}`;
/** Every form the secret could leak in. */
const leaks = [token, queryToken, Buffer.from(`${user}:${token}`).toString('base64'), encodeURIComponent(token)];

const listCsv = `${[cslHeader, cslRow('secret-1', 'Listed Entity One'), cslRow('secret-2', 'Listed Entity Two')].join('\n')}\n`;
const feed = readFileSync(new URL('../../source/records/dataset.json', import.meta.url), 'utf8');
const noProxy = {NO_PROXY: '127.0.0.1,localhost', no_proxy: '127.0.0.1,localhost'};

let server: http.Server;
let origin = '';
const seen: Array<{path: string; authorization?: string}> = [];
beforeAll(async () => {
	server = http.createServer((request, response) => {
		const url = new URL(request.url ?? '/', 'http://x');
		seen.push({path: url.pathname, authorization: request.headers.authorization});
		const authorised = request.headers.authorization === basic || url.searchParams.get('access_token') === queryToken;
		if (!authorised) return void response.writeHead(401).end('who are you?');
		if (url.pathname === '/list.csv') return void response.writeHead(200, {'content-type': 'text/csv'}).end(listCsv);
		if (url.pathname === '/feed.json') return void response.writeHead(200, {'content-type': 'application/json'}).end(feed);
		response.writeHead(404).end('not here');
	});
	await new Promise<void>(ready => server.listen(0, '127.0.0.1', ready));
	origin = `127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
	server.closeAllConnections();
	await new Promise<void>(done => server.close(() => done()));
});

const withUser = (path: string) => `http://${user}:${token}@${origin}${path}`;

function expectNoLeak(text: string, where: string): void {
	for (const secret of leaks) expect(text.includes(secret), `${where} holds the planted secret`).toBe(false);
}

function expectNoLeakInFiles(root: string): void {
	for (const {path} of walk(root).files) expectNoLeak(readFileSync(path, 'latin1'), path);
}

describe('a token planted in a source URL', () => {
	it('is used for the download and appears in no output, store, cache or export', async () => {
		const home = temporaryHome();
		try {
			const work = join(home.path, 'work');
			mkdirSync(work);
			const inventory = join(work, 'inventory.csv');
			writeFileSync(inventory, 'name\nListed Entity One\nAcme Harmless\n');
			const list = ['--source', withUser('/list.csv')];
			const records = ['--source', withUser('/feed.json')];
			const runs: Array<{args: string[]; status: number}> = [
				{args: [...list, 'list', 'entries', '--json'], status: 0},
				{args: [...list, 'list', 'entries'], status: 0},
				{args: [...list, '--inventory', inventory, 'screen', '--format', 'json'], status: 0},
				{args: [...list, '--inventory', inventory, 'screen', '--format', 'csv'], status: 0},
				{args: [...list, '--inventory', inventory, 'screen'], status: 0},
				{args: [...list, '--inventory', inventory, 'queue', '--json'], status: 0},
				{args: [...records, 'list', 'vendors', '--json'], status: 0},
				// The decision records what it was made on: the feed, by its identity.
				{args: [...records, 'decide', 'kaspersky', 'reject', '--reason', 'sanctioned-entity', '--note', 'on the list'], status: 0},
				{
					args: [
						...list,
						'--inventory',
						inventory,
						'decide',
						'listed-entity-one',
						'escalate',
						'--reason',
						'sanctioned-entity',
						'--note',
						'hit',
					],
					status: 0,
				},
				...['csv', 'json', 'jsonl', 'md'].map(format => ({args: ['log', 'export', '--format', format], status: 0})),
				{args: ['log', 'export', '--format', 'json', '--out', join(work, 'export.json')], status: 0},
				{args: ['log', 'verify'], status: 0},
				// A failure quotes the location: still without the secret, also with --debug.
				{args: ['--debug', '--source', withUser('/missing.csv'), 'list', 'entries'], status: 1},
				{args: ['--source', `http://${origin}/list.csv?access_token=${queryToken}&format=csv`, 'list', 'entries', '--json'], status: 0},
			];
			const outputs: string[] = [];
			for (const {args, status} of runs) {
				const run = await runChild(args, home.path, {env: noProxy, cwd: work});
				expect(run.status, `${args.join(' ')}: ${run.stderr}`).toBe(status);
				expectNoLeak(run.stdout + run.stderr, args.join(' '));
				outputs.push(run.stdout);
			}
			expectNoLeakInFiles(home.path);
			// The downloads did carry the credentials, as Basic auth and as the query parameter.
			expect(seen.filter(request => request.authorization === basic).length).toBeGreaterThan(5);
			// People see where the data came from, without the secret (the first run's list entries --json).
			const sources = (JSON.parse(outputs[0]!) as {rows: Array<{source: string}>}).rows.map(row => row.source);
			expect(new Set(sources)).toEqual(new Set([`http://[redacted]@${origin}/list.csv [${sources[0]!.slice(-13, -1)}]`]));
		} finally {
			home.remove();
		}
	}, 120_000);

	it('in a hand-written settings file is used by fetch, and kept out of the cache, the listing and the lists', async () => {
		const home = temporaryHome();
		try {
			mkdirSync(join(home.path, 'config'), {recursive: true});
			writeFileSync(
				join(home.path, 'config', 'settings.json'),
				JSON.stringify({
					sources: [
						{name: 'CSL', location: withUser('/list.csv')},
						{name: 'Broken', location: withUser('/gone.csv')},
					],
				}),
			);
			const fetched = await runChild(['fetch'], home.path, {env: noProxy});
			expect(fetched.status, fetched.stderr).toBe(1); // Broken is a 404
			expect(fetched.stdout).toMatch(/^CSL: 2 entries/);
			const listing = await runChild(['sources'], home.path, {env: noProxy});
			for (const args of [
				['list', 'entries', '--json'],
				['changes', '--json'],
			]) {
				// Broken has no data: commands that would use it refuse (exit 2), still without the secret.
				const run = await runChild(args, home.path, {env: noProxy});
				expectNoLeak(run.stdout + run.stderr, args.join(' '));
			}
			expectNoLeak(listing.stdout + listing.stderr, 'sources');
			expect(listing.stdout).toContain(`http://[redacted]@${origin}/list.csv`);
			// The settings file is the user's own; everything the app wrote is clean.
			for (const {path} of walk(home.path).files) if (!path.endsWith('settings.json')) expectNoLeak(readFileSync(path, 'latin1'), path);
			expectNoLeak(fetched.stdout + fetched.stderr, 'fetch');
		} finally {
			home.remove();
		}
	}, 60_000);
});

describe('an https source that redirects to plain http', () => {
	let certificate: Certificate;
	let dual: DualServer;
	const plainRequests: Array<{authorization?: string; url?: string}> = [];
	beforeAll(async () => {
		certificate = selfSignedCertificate();
		dual = await startDualServer(certificate, (request, response) => {
			if (dual.mode === 'tls') {
				// The TLS side sends everyone on to the same host and port in plain http.
				dual.mode = 'plain';
				response.writeHead(302, {location: `http://${new URL(dual.origin).host}${request.url}`}).end();
				return;
			}
			plainRequests.push({authorization: request.headers.authorization, url: request.url});
			dual.mode = 'tls';
			response.writeHead(200, {'content-type': 'text/csv'}).end(listCsv);
		});
	});
	afterAll(async () => {
		await dual?.close();
		certificate?.remove();
	});
	const trusted = () => ({...noProxy, NODE_EXTRA_CA_CERTS: certificate.certPath, LIST_TOKEN: `Bearer ${token}`});
	const httpsWithUser = (path: string) => `https://${user}:${token}@${new URL(dual.origin).host}${path}`;

	it('never sends the URL credentials in the clear, even with --allow-http', async () => {
		const home = temporaryHome();
		try {
			dual.mode = 'tls';
			const before = plainRequests.length;
			const run = await runChild(['--allow-http', '--source', httpsWithUser('/list.csv'), 'list', 'entries'], home.path, {env: trusted()});
			expect(run.status, run.stderr).toBe(1);
			expect(expectOneLine(run.stderr)).toMatch(/from https to plain http .*carries credentials/);
			expectNoLeak(run.stdout + run.stderr, 'list entries');
			expect(plainRequests.slice(before)).toEqual([]);
		} finally {
			home.remove();
		}
	}, 60_000);

	it('never sends an --auth-env token in the clear from a configured source, even with fetch --allow-http', async () => {
		const home = temporaryHome();
		try {
			dual.mode = 'tls';
			const added = await runChild(['sources', 'add', `${dual.origin}/list.csv`, '--name', 'List', '--auth-env', 'LIST_TOKEN'], home.path, {
				env: trusted(),
			});
			expect(added.status, added.stderr).toBe(0);
			const before = plainRequests.length;
			const run = await runChild(['--allow-http', 'fetch'], home.path, {env: trusted()});
			expect(run.status, run.stderr).toBe(1);
			expect(run.stderr).toMatch(/^List: redirected from https to plain http .*carries credentials/);
			expect(plainRequests.slice(before).filter(request => request.authorization !== undefined)).toEqual([]);
			expectNoLeakInFiles(home.path);
		} finally {
			home.remove();
		}
	}, 60_000);

	it('still follows it without credentials when --allow-http says so', async () => {
		const home = temporaryHome();
		try {
			dual.mode = 'tls';
			const run = await runChild(['--allow-http', '--source', `${dual.origin}/list.csv`, 'list', 'entries', '--json'], home.path, {
				env: trusted(),
			});
			expect(run.status, run.stderr).toBe(0);
			expect((JSON.parse(run.stdout) as {count: number}).count).toBe(2);
		} finally {
			home.remove();
		}
	}, 60_000);
});
