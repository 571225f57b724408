// The fetch issue's end-to-end story with the built CLI: add a CSL source served
// on 127.0.0.1, fetch it, survive an HTML page, then start offline from the cache.
import {readFileSync} from 'node:fs';
import {afterEach, expect, it} from 'vitest';
import {fixture} from '../helpers.js';
import {runCliAsync as runCli} from '../commands/cli.js';
import {startServer, type TestServer} from '../sources/fetch/helpers.js';
import {startCli, usePtyHome, type Session} from './helpers/pty.js';

const home = usePtyHome();
let server: TestServer | undefined;
let session: Session | undefined;
afterEach(async () => {
	await server?.close();
});

it('fetches a real CSL CSV, keeps it through an HTML answer, and starts offline from the cache marked stale', async () => {
	const csv = readFileSync(fixture('csl-csv', 'consolidated_2022-05-16_sample.csv'));
	let serveHtml = false;
	server = await startServer((_request, response) => {
		if (serveHtml) {
			response.writeHead(200, {'content-type': 'text/html'});
			response.end('<!doctype html><html><body>Maintenance</body></html>');
			return;
		}
		response.writeHead(200, {'content-type': 'text/csv'});
		response.end(csv);
	});
	const url = `${server.origin}/consolidated.csv`;
	expect((await runCli(['sources', 'add', url, '--name', 'CSL'], home.path)).status).toBe(0);
	const fetched = await runCli(['fetch'], home.path);
	expect(fetched.status).toBe(0);
	const hikvision = await runCli(['list', 'entries', '--filter', 'hikvision', '--json'], home.path);
	const count = (JSON.parse(hikvision.stdout) as {count: number}).count;
	expect(count).toBeGreaterThan(0);

	serveHtml = true;
	const failed = await runCli(['fetch'], home.path);
	expect(failed.status).toBe(1);
	expect(failed.stderr.trim().split('\n')).toHaveLength(1);
	expect(failed.stderr).toContain('CSL');
	expect(
		(JSON.parse((await runCli(['list', 'entries', '--filter', 'hikvision', '--json'], home.path)).stdout) as {count: number}).count,
	).toBe(count);

	await server.close();
	server = undefined;
	session = startCli([], {home: home.path});
	await session.waitForText('? help');
	session.write('4');
	await session.waitFor(screen => screen.includes('List entries ·') && /349\/349 shown/.test(screen), 'the cached entries');
	expect(session.screen()).toMatch(/1 source stale/);
	session.write('q');
	expect(await session.exit).toBe(0);
});
