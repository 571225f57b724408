// A poisoned records file and list, browsed in the real TUI, leave the terminal
// unchanged: no clipboard write, no cleared screen, no link, no reordering.
import {expect, it} from 'vitest';
import {keys, startCli, usePtyHome, type Session} from '../e2e/helpers/pty.js';
import {forbiddenOutput, writePoisonedCsl, writePoisonedRecords} from './poison.js';

const home = usePtyHome();
let session: Session | undefined;

it('browses every view and detail of poisoned data without a control sequence from the data reaching the terminal', async () => {
	const records = writePoisonedRecords(home.path);
	const csv = writePoisonedCsl(home.path);
	session = startCli(['--records', records, '--source', csv], {home: home.path, columns: 120, rows: 40});
	await session.waitForText('? help');
	await session.waitForText('Poison 0');
	// Each view's title in the status bar proves the view was reached; the detail's line count proves Enter opened it.
	const views = [
		['2', 'Jurisdictions'],
		['3', 'Restrictions'],
		['4', 'List entries'],
		['6', 'Queue'],
		['7', 'Timeline'],
	];
	const statusBar = (screen: string) => screen.split('\n').find(line => line.startsWith(' ') && line.includes(' shown')) ?? '';
	for (const [key, title] of views) {
		session.write(key);
		await session.waitFor(screen => statusBar(screen).startsWith(` ${title} ·`), `the ${title} view`);
		if (key === '2') continue; // Enter on a jurisdiction opens the Vendors view, visited below
		session.write(keys.enter);
		await session.waitForText('lines ');
		session.write('G');
		session.write(keys.escape);
		await session.waitFor(screen => !screen.includes('lines '), `back to the ${title} table`);
	}
	session.write('1');
	for (let row = 0; row < 8; row++) {
		session.write(keys.enter);
		await session.waitForText('lines ');
		session.write('G');
		session.write(keys.escape);
		await session.waitFor(screen => !screen.includes('lines '), 'back to the table');
		session.write('j');
	}
	session.write('q');
	expect(await session.exit).toBe(0);
	const output = session.output();
	expect(output).toContain('␛]52;');
	for (const pattern of forbiddenOutput) expect(output).not.toMatch(pattern);
});
