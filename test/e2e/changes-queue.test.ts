// A new listing that touches a vendor already decided puts it back in the queue.
import {readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {parse} from 'csv-parse/sync';
import {stringify} from 'csv-stringify/sync';
import {afterEach, beforeEach, expect, it} from 'vitest';
import {fixture, temporaryHome} from '../helpers.js';
import {runCliAsync} from '../commands/cli.js';
import {startServer, type TestServer} from '../sources/fetch/helpers.js';

let home: ReturnType<typeof temporaryHome>;
let server: TestServer | undefined;
beforeEach(() => {
	home = temporaryHome();
});
afterEach(async () => {
	await server?.close();
	home.remove();
});

it('reports the new listing, names the vendor it touches, and raises that vendor in the queue', async () => {
	const rows = parse(readFileSync(fixture('csl-csv', 'consolidated_2022-05-16_sample.csv'), 'utf8'), {
		relax_column_count: true,
	}) as string[][];
	const isHikvision = (row: string[]) => /hikvision/i.test(row[5] ?? '');
	const versionA = stringify(rows.filter(row => !isHikvision(row)));
	const versionB = stringify(rows);
	let body = versionA;
	server = await startServer((_request, response) => response.end(body));
	const inventory = join(home.path, 'inventory.csv');
	writeFileSync(inventory, 'name,country\nHangzhou Hikvision Digital Technology,CN\nAcme Office Supplies Inc,US\n');
	const run = (...args: string[]) => runCliAsync(['--inventory', inventory, ...args], home.path);

	expect((await run('sources', 'add', `${server.origin}/consolidated.csv`, '--name', 'CSL')).status).toBe(0);
	expect((await run('fetch')).status).toBe(0);
	const vendorId = 'hangzhou-hikvision-digital-technology';
	expect(
		(
			await run(
				'decide',
				vendorId,
				'approve-with-conditions',
				'--reason',
				'accepted-risk',
				'--note',
				'cameras isolated on a closed network',
				'--yes',
			)
		).status,
	).toBe(0);
	const queueBefore = JSON.parse((await run('queue', '--json')).stdout) as {rows: Array<{id: string}>};
	expect(queueBefore.rows.map(row => row.id)).not.toContain(vendorId);

	body = versionB;
	expect((await run('fetch')).status).toBe(0);
	const changes = JSON.parse((await run('changes', '--json')).stdout) as {
		changes: Array<{kind: string; entry: {name: string}; vendors: string[]}>;
	};
	const added = changes.changes.filter(change => change.kind === 'added');
	expect(added.length).toBe(rows.filter(isHikvision).length);
	expect(added.every(change => change.vendors.includes(vendorId))).toBe(true);
	const queueAfter = JSON.parse((await run('queue', '--json')).stdout) as {rows: Array<{id: string; undecidedHits: number}>};
	const raised = queueAfter.rows.find(row => row.id === vendorId);
	expect(raised?.undecidedHits).toBeGreaterThan(0);
});
