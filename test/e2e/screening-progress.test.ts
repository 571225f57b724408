// A 10,000-vendor inventory screened in worker threads while the reviewer works:
// the inventory's table is there before the list hits, the status bar counts the
// screening, keys are answered while it runs, and the hits arrive without moving
// the reviewer.
import {writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {beforeEach, expect, it} from 'vitest';
import {controlCompanyNames} from '../../source/bench/synthetic-names.js';
import {fixture, testSeed} from '../helpers.js';
import {runCliAsync} from '../commands/cli.js';
import {keys, startCli, usePtyHome} from './helpers/pty.js';
import {selectedLine, statusBar} from './helpers/screen.js';

const home = usePtyHome();
let inventory: string;
// Listed on the CSL sample: their hits come from the list screening, after the table is shown.
const listed = ['Hangzhou Hikvision Digital Technology', 'Huawei Device Co., Ltd.'];
const rows = 10_000;

beforeEach(async () => {
	inventory = join(home.path, 'inventory.csv');
	const names = [...listed, ...controlCompanyNames(rows - listed.length, testSeed)];
	writeFileSync(inventory, `Supplier,Country of origin\n${names.map(name => `"${name}",US`).join('\n')}\n`);
	expect(
		(await runCliAsync(['sources', 'add', fixture('csl-csv', 'consolidated_2022-05-16_sample.csv'), '--name', 'CSL'], home.path)).status,
	).toBe(0);
	expect((await runCliAsync(['fetch'], home.path)).status).toBe(0);
});

/** The status bar's screening item ("screening [██░░] 4,200/10,000", "searching names 1,234/5,678", "indexing lists…"), or null. */
const screeningShown = (screen: string) => /(joining|indexing lists|searching names|screening)\b[^·]*/.exec(statusBar(screen))?.[0] ?? null;

/** The selected row's Hits cell. */
function hitsCell(screen: string): string {
	const cells = (line: string) => line.split('│').map(cell => cell.trim());
	const heading = screen.split('\n').find(line => line.includes('│ Vendor')) ?? '';
	return cells(selectedLine(screen))[cells(heading).indexOf('Hits')] ?? '';
}

it('shows the inventory and the screening progress, answers keys while it runs, and keeps the filter when the hits arrive', async () => {
	const session = startCli(['--inventory', inventory], {home: home.path, columns: 140, rows: 30});
	// The inventory's table (its rows as read) while their screening still runs.
	const early = await session.waitFor(
		screen => statusBar(screen).includes(`/${rows} shown`) && screeningShown(screen) !== null,
		'the inventory table with the screening progress',
	);
	expect(statusBar(early)).not.toContain('loading…');

	// A filter typed while screening: its effect shows while the progress is still on the status bar.
	session.write('/');
	await session.waitForText('Enter keep');
	session.write('huawei');
	session.write(keys.enter);
	const filtered = await session.waitFor(screen => statusBar(screen).includes('filter: huawei'), 'the filter applied');
	expect(screeningShown(filtered), 'the filter was answered after the screening had finished').not.toBeNull();
	expect(statusBar(filtered)).toContain(`1/${rows} shown`);

	// The progress moves on and goes; the Hikvision row gets its list hits, and the filter stays.
	// A frame drawn down to its status bar: a frame still arriving has none, and so no progress either.
	const done = await session.waitFor(
		screen => statusBar(screen).includes('filter: huawei') && screeningShown(screen) === null,
		'the screening done',
		60_000,
	);
	expect(statusBar(done)).toContain('filter: huawei');
	expect(statusBar(done)).toContain(`1/${rows} shown`);
	expect(selectedLine(done)).toContain('Huawei Device Co., Ltd.');
	expect(hitsCell(done)).toMatch(/^\d+ n/);
	expect(hitsCell(done)).not.toBe(hitsCell(filtered));

	session.write('q');
	expect(await session.exited()).toBe(0);
}, 120_000);

it('opens and closes the help and quits while the screening runs', async () => {
	const session = startCli(['--inventory', inventory], {home: home.path, columns: 140, rows: 30});
	await session.waitFor(screen => screeningShown(screen) !== null, 'the screening progress');
	session.write('?');
	const help = await session.waitFor(screen => screen.includes('Keys (tables)') && statusBar(screen) !== '', 'the help over the table');
	expect(screeningShown(help), 'the help opened after the screening had finished').not.toBeNull();
	// Any key closes the help; then q quits, screening or not.
	session.write('?');
	await session.waitFor(screen => !screen.includes('Keys (tables)'), 'the help closed');
	session.write('q');
	expect(await session.exited()).toBe(0);
}, 120_000);
