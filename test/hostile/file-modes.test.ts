// Every file the app writes is 0600 and every folder 0700, whatever the umask it starts
// under (issue 21 §6): a full run's files are checked, caches, snapshots, settings, the
// screening cache, the decision store and its locks, and an export.
import {mkdirSync, statSync, writeFileSync} from 'node:fs';
import http from 'node:http';
import type {AddressInfo} from 'node:net';
import {join} from 'node:path';
import {afterAll, beforeAll, expect, it} from 'vitest';
import {temporaryHome} from '../helpers.js';
import {cslRow, cslWithEntries, runChild, walk} from './hardening.js';

let server: http.Server;
let origin = '';
/** What each path serves: each umask's run has a list of its own, so the runs can go side by side. */
const bodies = new Map<string, string>();
beforeAll(async () => {
	server = http.createServer((request, response) =>
		response.writeHead(200, {'content-type': 'text/csv'}).end(bodies.get(new URL(request.url ?? '/', 'http://x').pathname) ?? ''),
	);
	await new Promise<void>(ready => server.listen(0, '127.0.0.1', ready));
	origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
	server.closeAllConnections();
	await new Promise<void>(done => server.close(() => done()));
});

// The three runs share nothing but the server (each its own home and list), so they run side by side:
// each is nine CLI processes one after another, which kept only one core busy.
it.concurrent.each(['000', '022', '002'])(
	'under umask %s, a full run leaves only 0600 files in 0700 folders, the export included',
	async umask => {
		const home = temporaryHome();
		try {
			const work = join(home.path, 'work');
			mkdirSync(work);
			const inventory = join(work, 'inventory.csv');
			writeFileSync(inventory, 'name\nListed Entity 1\nAcme Harmless\n');
			const run = async (...args: string[]) => {
				const result = await runChild(args, home.path, {umask, cwd: work, env: {NO_PROXY: '127.0.0.1'}});
				expect(result.status, `${args.join(' ')}: ${result.stderr}`).toBe(0);
			};
			const listPath = `/list-${umask}.csv`;
			bodies.set(listPath, cslWithEntries(5));
			await run('config', 'set', 'reviewer', 'Ada Reviewer');
			await run('sources', 'add', `${origin}${listPath}`, '--name', 'CSL');
			await run('fetch');
			bodies.set(listPath, `${cslWithEntries(5).trimEnd()}\n${cslRow('extra', 'Listed Entity Extra')}\n`);
			await run('fetch'); // a second snapshot
			await run('inventory', 'set', inventory);
			await run('screen');
			await run('--source', `${origin}${listPath}`, 'list', 'entries', '--json');
			await run('decide', 'listed-entity-1', 'escalate', '--reason', 'sanctioned-entity', '--note', 'a hit');
			await run('log', 'export', '--format', 'csv', '--out', join(work, 'export.csv'));

			const {files, folders} = walk(home.path);
			const written = files.filter(file => !file.path.startsWith(work));
			// The run wrote what a run writes: settings, a source's cache, snapshots, the screening cache, the log.
			for (const expected of ['config/settings.json', 'cache/screening.json', 'data/decisions-00000.json', '/meta.json', '/parsed.jsonl'])
				expect(
					written.some(file => file.path.includes(expected)),
					expected,
				).toBe(true);
			expect(written.filter(file => file.path.includes('/snapshots/')).length).toBe(2);
			expect(written.filter(file => file.mode !== 0o600).map(file => `${file.path} ${file.mode.toString(8)}`)).toEqual([]);
			expect(
				folders
					.filter(folder => !folder.path.startsWith(work) && folder.mode !== 0o700)
					.map(folder => `${folder.path} ${folder.mode.toString(8)}`),
			).toEqual([]);
			expect((statSync(join(work, 'export.csv')).mode & 0o777).toString(8)).toBe('600');
		} finally {
			home.remove();
		}
	},
	120_000,
);
