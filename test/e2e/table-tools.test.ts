// What reviewers ask of table tools, in a real terminal: a column chooser kept
// per view, saved views recalled by key or by the command line, a frequency
// view of any column, and keys and colours from the config file.
import {mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {expect, it} from 'vitest';
import {keys, startCli, usePtyHome, type Session} from './helpers/pty.js';
import {headingLabels, selectedLine, settled, statusBar} from './helpers/screen.js';

const home = usePtyHome();
let session: Session | undefined;

const settingsFile = () => join(home.path, 'config', 'settings.json');
function writeSettings(settings: object): void {
	mkdirSync(join(home.path, 'config'), {recursive: true});
	writeFileSync(settingsFile(), JSON.stringify(settings));
}

async function start(columns = 80, rows = 24, env: Record<string, string> = {}): Promise<Session> {
	const started = startCli([], {home: home.path, columns, rows, env});
	await started.waitFor(settled, 'the app settled');
	return started;
}

async function quit(running: Session): Promise<void> {
	running.write(keys.ctrlC);
	expect(await running.exited()).toBe(0);
}

it('hides, moves and keeps columns per view with the column chooser', async () => {
	session = await start(120, 40);
	expect(headingLabels(session.screen()).slice(0, 2)).toEqual(['Vendor', 'HQ']);
	expect(headingLabels(session.screen())[2]).toMatch(/^Designa/);
	session.write('c');
	await session.waitForText('Columns of Vendors');
	session.write('j');
	session.write(' ');
	await session.waitFor(screen => screen.includes('▶ [ ] HQ'), 'HQ unticked');
	session.write('j');
	session.write('K');
	session.write('K');
	await session.waitFor(
		screen => screen.indexOf('▶ [x] Designations') >= 0 && screen.indexOf('Designations') < screen.indexOf('[x] Vendor'),
		'Designations moved first',
	);
	session.write(keys.enter);
	await session.waitFor(screen => !screen.includes('Columns of Vendors') && !headingLabels(screen).includes('HQ'), 'HQ hidden');
	expect(headingLabels(session.screen())[0]).toMatch(/^Designa/);
	// Another view keeps its own columns.
	session.write('2');
	await session.waitFor(screen => statusBar(screen).startsWith(' Jurisdictions'), 'the jurisdictions view');
	expect(headingLabels(session.screen())).toContain('Code');
	await quit(session);
	expect(JSON.parse(readFileSync(settingsFile(), 'utf8'))).toMatchObject({columns: {vendors: {hidden: ['hq']}}});

	session = await start(120, 40);
	expect(headingLabels(session.screen())).not.toContain('HQ');
	expect(headingLabels(session.screen())[0]).toMatch(/^Designa/);
	await quit(session);
});

it('saves a view with :save and recalls it after a restart with v, Tab and Enter; Esc goes back', async () => {
	session = await start();
	session.write('/');
	session.write('hq:CN next:2027');
	session.write(keys.enter);
	session.write('s');
	await session.waitFor(screen => statusBar(screen).includes('sort: Vendor▲'), 'sorted by vendor');
	session.write(':');
	session.write('sa');
	await session.waitFor(screen => screen.includes(':sa▏  save'), 'the one candidate for "sa"');
	session.write(keys.tab);
	await session.waitFor(screen => screen.includes(':save ▏'), '"save" completed');
	session.write('cn-2027');
	session.write(keys.enter);
	await session.waitForText('saved view cn-2027');
	await quit(session);

	session = await start();
	session.write('3');
	await session.waitFor(screen => statusBar(screen).startsWith(' Restrictions'), 'another view');
	session.write('v');
	await session.waitFor(screen => screen.includes(':view ▏  cn-2027'), 'the saved views offered');
	session.write(keys.tab);
	await session.waitFor(screen => screen.includes(':view cn-2027▏'), 'the name completed');
	session.write(keys.enter);
	await session.waitFor(screen => statusBar(screen).includes('filter: hq:CN next:2027 · sort: Vendor▲'), 'the saved view');
	expect(statusBar(session.screen())).toMatch(/^ Vendors · \d+\/26 shown/);
	session.write(keys.escape);
	await session.waitFor(screen => statusBar(screen).startsWith(' Restrictions'), 'back where the view was recalled from');
	await quit(session);
});

it('counts the values of a column with F, steps to the next column, and filters to a value with Enter', async () => {
	session = await start();
	session.write('F');
	const frequencies = await session.waitForText('Frequency of HQ in Vendors');
	const cn = frequencies.split('\n').find(line => /│ CN +│/.test(line))!;
	const count = Number(/│ +(\d+) │/.exec(cn)![1]);
	expect(count).toBeGreaterThan(10);
	expect(selectedLine(session.screen())).toContain('CN');
	session.write('l');
	await session.waitForText('Frequency of Designations in Vendors');
	session.write('h');
	await session.waitForText('Frequency of HQ in Vendors');
	session.write(keys.enter);
	await session.waitFor(screen => statusBar(screen).includes(`Vendors · ${count}/26 shown · filter: hq:CN`), 'the vendors of CN');
	session.write(keys.escape);
	// The frequency view again, drawn after the filtered table (two Escapes sent at once read as one Alt+Escape).
	await session.waitFor(
		screen => screen.includes('Frequency of HQ in Vendors') && !statusBar(screen).includes('filter: hq:CN'),
		'the frequency view again',
	);
	session.write(keys.escape);
	// The frequency view's status bar names the same table, so wait for the view itself to go.
	await session.waitFor(
		screen => !screen.includes('Frequency of') && statusBar(screen).includes('Vendors · 26/26 shown'),
		'the table as it was',
	);
	await quit(session);
});

it('reads remapped keys and a theme from the config file; the help shows the keys in effect', async () => {
	writeSettings({keys: {chooseColumns: 'C', frequency: ['%']}, theme: {selection: 'blue'}});
	session = await start();
	session.write('c');
	session.write('?');
	await session.waitForText('Keys (tables)');
	// The help read whole: its top line can show before the rest of the frame has arrived.
	const help = await session.waitForStill();
	expect(help).toMatch(/ C +choose columns/);
	expect(help).toMatch(/ % +frequency of a column/);
	expect(help).not.toMatch(/ c +choose columns/);
	expect(help).not.toMatch(/ F +frequency/);
	session.write(' ');
	await session.waitFor(screen => !screen.includes('Keys (tables)'), 'the help closed');
	session.write('C');
	await session.waitForText('Columns of Vendors');
	session.write(keys.escape);
	await session.waitFor(screen => !screen.includes('Columns of Vendors'), 'the chooser closed');
	session.write('%');
	await session.waitForText('Frequency of HQ');
	// The selected row in the theme's colour: a blue background (SGR 44), not inverse.
	expect(session.output()).toMatch(/\u001B\[44m/);
	await quit(session);
});

it('says which config keys it ignored, and draws no colour under NO_COLOR whatever the theme says', async () => {
	writeSettings({keys: {chooseColumns: 'Ctrl-Shift-Q', nosuch: 'z'}, theme: {selection: 'blue'}});
	session = startCli([], {home: home.path, columns: 80, rows: 24, env: {NO_COLOR: '1'}});
	// It stays until a key is pressed, however long the start takes.
	await session.waitFor(screen => screen.includes('config keys.chooseColumns: "Ctrl-Shift-Q" is not a key'), 'the ignored key named');
	await session.waitFor(screen => !screen.includes('loading…') && screen.includes('queue '), 'the log loaded');
	expect(session.screen()).toContain('⚠ (1 of 2) config keys.chooseColumns');
	expect(session.output()).not.toMatch(/\u001B\[[0-9;]*m/);
	// The shipped key still works.
	session.write('c');
	await session.waitForText('Columns of Vendors');
	await quit(session);
});
