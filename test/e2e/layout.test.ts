// Room given by importance, at the sizes where the defects were seen: the
// status bar keeps its left part, tables fill the line with the name column
// taking the slack, and no column appears or vanishes because a value changed.
import {writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {expect, it} from 'vitest';
import {repositoryRoot} from '../helpers.js';
import {runCliAsync} from '../commands/cli.js';
import {keys, startCli, usePtyHome, type Session} from './helpers/pty.js';
import {headingCells, headingLabels, selectedLine, settled, statusBar, tableWidth} from './helpers/screen.js';

const home = usePtyHome();
let session: Session | undefined;

it('keeps a kept filter and the sort on the status bar at 80x24, shortening the right part instead', async () => {
	session = startCli([], {home: home.path, columns: 80, rows: 24});
	await session.waitFor(settled, 'the app settled');
	session.write('/');
	session.write('hq:CN status:active');
	session.write(keys.enter);
	await session.waitFor(
		screen => !screen.includes('Enter keep') && statusBar(screen).includes('filter: hq:CN status:active'),
		'the kept filter',
	);
	expect(statusBar(session.screen())).toMatch(/^ Vendors · \d+\/26 shown · filter: hq:CN status:active · sort: Severity▼/);
	session.write('q');
	expect(await session.exit).toBe(0);
});

it.each([
	{columns: 80, rows: 24},
	{columns: 120, rows: 40},
])('shows an unknown filter field in full at $columns x $rows', async ({columns, rows}) => {
	session = startCli([], {home: home.path, columns, rows});
	await session.waitFor(settled, 'the app settled');
	session.write('/');
	session.write('jurisdictio:RU');
	session.write(keys.enter);
	await session.waitFor(screen => statusBar(screen).includes('unknown field: jurisdictio'), 'the unknown field named in full');
	expect(statusBar(session.screen())).not.toContain('jurisdictio…');
	session.write('q');
	expect(await session.exit).toBe(0);
});

it('fills 200 columns, the name column taking the slack so no vendor name is cut', async () => {
	session = startCli([], {home: home.path, columns: 200, rows: 50});
	await session.waitFor(settled, 'the app settled');
	const screen = session.screen();
	expect(tableWidth(screen)).toBe(200);
	expect(screen).toContain('Intellexa Consortium (Intellexa / Cytrox)');
	expect(screen).toContain('Dawning Information Industry (Sugon)');
	const vendor = headingCells(screen).find(cell => cell.label === 'Vendor')!;
	expect(vendor.width).toBeGreaterThan(
		Math.max(
			...headingCells(screen)
				.filter(cell => cell.label !== 'Vendor')
				.map(cell => cell.width),
		) / 2,
	);
	session.write('q');
	expect(await session.exit).toBe(0);
});

it('gives the Vendor column more room than Hits at 80 columns with an inventory', async () => {
	const inventory = join(home.path, 'inventory.csv');
	writeFileSync(
		inventory,
		'name,country\nChina Telecom Americas,US\nHangzhou Hikvision Digital Technology,CN\nAcme Office Supplies Inc,US\n',
	);
	const csl = join(repositoryRoot, 'test', 'fixtures', 'csl-csv', 'consolidated_2022-05-16_sample.csv');
	expect((await runCliAsync(['sources', 'add', csl, '--name', 'CSL'], home.path)).status).toBe(0);
	expect((await runCliAsync(['fetch'], home.path)).status).toBe(0);
	session = startCli(['--inventory', inventory], {home: home.path, columns: 80, rows: 24});
	await session.waitFor(screen => settled(screen) && headingLabels(screen).includes('Hits'), 'the hits column');
	const cells = headingCells(session.screen());
	const width = (label: string) => cells.find(cell => cell.label === label)!.width;
	// Drawn widths include a space either side.
	expect(width('Vendor')).toBeGreaterThanOrEqual(20);
	expect(width('Vendor')).toBeGreaterThan(width('Hits') + 6);
	expect(session.screen()).toContain('Hangzhou Hikvision');
	session.write('q');
	expect(await session.exit).toBe(0);
});

it('keeps the same columns at 80x24 after a decision', async () => {
	session = startCli([], {home: home.path, columns: 80, rows: 24});
	await session.waitFor(settled, 'the app settled');
	const before = headingLabels(session.screen());
	expect(before).toContain('Up');
	const vendor = /│[▶ ]\S*\s*│ (.+?)\s*│/.exec(selectedLine(session.screen()))![1]!.replace(/…$/, '');
	session.write('d');
	await session.waitForText('Decide:');
	// No outcome is preselected: ← from none chooses the last, defer.
	session.write(keys.leftArrow);
	await session.waitForText('◀ defer ▶');
	session.write(keys.enter);
	await session.waitForText(`recorded defer for ${vendor}`);
	await session.waitFor(screen => selectedLine(screen).includes('defer'), 'the decision in the table');
	expect(headingLabels(session.screen())).toEqual(before);
	session.write('q');
	expect(await session.exit).toBe(0);
});
