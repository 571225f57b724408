// The built CLI in a real pseudo-terminal: what a reviewer sees and types.
import {describe, expect, it} from 'vitest';
import dataset from '../../source/records/dataset.json' with {type: 'json'};
import {keys, startCli, usePtyHome, type Session} from './helpers/pty.js';

const home = usePtyHome();
let session: Session | undefined;

const selectedLine = (screen: string) => screen.split('\n').find(line => line.includes('▶')) ?? '';
const lineCount = (screen: string) => screen.split('\n').filter(line => line.trim() !== '').length;
// The first row: an SDN-blocked company (OFAC designated Kaspersky's executives, not Kaspersky).
const mostSevere = 'Positive';

describe.each([
	{columns: 80, rows: 24},
	{columns: 120, rows: 40},
])('the TUI at $columns x $rows', ({columns, rows}) => {
	it("opens Kaspersky's detail with its 2024-09-29 milestone, goes back with Esc and quits with q and exit code 0", async () => {
		session = startCli([], {columns, rows, home: home.path});
		await session.waitForText('? help');
		const first = session.screen();
		expect(lineCount(first)).toBeLessThan(rows);
		// Move until Kaspersky is selected, whatever its position.
		await session.waitFor(screen => screen.includes('Vendors'), 'vendors view');
		session.write('g');
		for (let step = 0; step < 30 && !selectedLine(session.screen()).includes('Kaspersky'); step++) {
			const before = selectedLine(session.screen());
			session.write('j');
			await session.waitFor(screen => selectedLine(screen) !== before, 'selection to move');
		}
		expect(selectedLine(session.screen())).toContain('Kaspersky');
		session.write(keys.enter);
		await session.waitForText('Kaspersky  (kaspersky)');
		// Scroll until the ICTS milestone shows.
		for (let step = 0; step < 60 && !session.screen().includes('2024-09-29'); step++) {
			const before = session.screen();
			session.write('j');
			await session.waitFor(screen => screen !== before, 'detail to scroll');
			await session.waitForStill();
		}
		expect(session.screen()).toContain('2024-09-29');
		session.write(keys.escape);
		await session.waitFor(screen => screen.includes('shown') && selectedLine(screen).includes('Kaspersky'), 'back on the vendors table');
		session.write('q');
		expect(await session.exit).toBe(0);
	});

	it('switches views, filters by a field, sorts, shows help and quits with Ctrl-C', async () => {
		session = startCli([], {columns, rows, home: home.path});
		await session.waitForText('? help');
		session.write('3');
		await session.waitFor(screen => screen.includes('Instrument') && screen.includes('Restrictions ·'), 'restrictions view');
		session.write('/');
		session.write('vendor:Kaspersky status:active');
		await session.waitFor(screen => /7\/\d+ shown/.test(screen), 'seven active Kaspersky restrictions');
		session.write(keys.enter);
		session.write('s');
		await session.waitFor(screen => /▲ *│/.test(screen), 'the header to mark the sort column ascending');
		session.write('S');
		await session.waitFor(screen => /▼ *│/.test(screen), 'the header to mark the sort column descending');
		session.write(keys.escape);
		const all = dataset.restrictions.length;
		await session.waitFor(screen => screen.includes(`${all}/${all} shown`), 'the filter cleared');
		session.write(keys.tab);
		await session.waitFor(screen => screen.includes('List entries ·'), 'the list entries view');
		expect(session.screen()).toContain('sources add');
		session.write('2');
		await session.waitFor(screen => screen.includes('Jurisdictions ·'), 'the jurisdictions view');
		session.write('?');
		await session.waitForText('Filter syntax');
		expect(session.screen()).toContain('Shift-Tab');
		session.write(' ');
		await session.waitFor(screen => !screen.includes('Filter syntax'), 'help closed');
		session.write(keys.ctrlC);
		expect(await session.exit).toBe(0);
	});
});

it('says the terminal is too small below 60x15 and reflows when it grows', async () => {
	session = startCli([], {columns: 50, rows: 12, home: home.path});
	await session.waitForText('terminal too small: need 60x15, have 50x12');
	session.resize(80, 24);
	await session.waitForText('? help');
	session.write('q');
	expect(await session.exit).toBe(0);
});

it('draws no colour under NO_COLOR, and still marks the selection with a glyph', async () => {
	session = startCli([], {home: home.path, env: {NO_COLOR: '1'}});
	await session.waitForText('? help');
	// SGR sequences: ESC [ ... m (colour, bold, inverse).
	expect(session.output()).not.toMatch(/\u001B\[[0-9;]*m/);
	expect(selectedLine(session.screen())).toContain(mostSevere);
	session.write('q');
	expect(await session.exit).toBe(0);
});

it('opens on the dashboard when the config says so', async () => {
	const {spawnSync} = await import('node:child_process');
	const {builtCli, childEnvironment} = await import('../helpers.js');
	expect(
		spawnSync(process.execPath, [builtCli, 'config', 'set', 'startView', 'dashboard'], {env: childEnvironment(home.path)}).status,
	).toBe(0);
	session = startCli([], {home: home.path});
	await session.waitForText('Vendors by jurisdiction');
	expect(session.screen()).toContain('[0 Dash]');
	session.write('1');
	await session.waitFor(screen => selectedLine(screen).includes(mostSevere), 'the vendors table');
	session.write('q');
	expect(await session.exit).toBe(0);
});
