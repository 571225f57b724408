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
	for (const view of ['1', '2', '3', '4', '6', '7']) {
		session.write(view);
		await session.waitFor(screen => screen.includes('shown'), `view ${view}`);
		session.write(keys.enter);
		session.write('G');
		session.write(keys.escape);
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
