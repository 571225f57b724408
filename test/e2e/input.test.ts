// Typing and pasting, as a reviewer does: a paste is text for the focused field
// or nothing at all, never a string of commands; a long rationale is typed with
// its cursor in view; the help lists the keys of the modals too.
import {readdirSync} from 'node:fs';
import {expect, it} from 'vitest';
import {keys, startCli, usePtyHome, type Session} from './helpers/pty.js';
import {settled, statusBar} from './helpers/screen.js';

const home = usePtyHome();
let session: Session | undefined;

it('ignores a paste on the vendors table at 80x24: nothing exported, marked or opened', async () => {
	session = startCli([], {home: home.path, columns: 80, rows: 24});
	await session.waitFor(settled, 'the app settled');
	const files = readdirSync(home.path);
	// Pasted key by key, "Acme Ltd" would export the log (e), mark a row (Space) and open the decision form (d).
	session.paste('Acme Ltd');
	await session.waitForText('paste ignored');
	const screen = await session.waitForStill();
	expect(screen).not.toContain('[x]');
	expect(screen).not.toContain('Decide:');
	expect(statusBar(screen)).toContain('Vendors · 26/26 shown');
	expect(readdirSync(home.path)).toEqual(files);
	session.write('q');
	expect(await session.exit).toBe(0);
});

it('quits on a Ctrl-C that arrives in one read with the Esc before it', async () => {
	session = startCli([], {home: home.path, columns: 80, rows: 24});
	await session.waitFor(settled, 'the app settled');
	session.write(keys.escape + keys.ctrlC);
	expect(await session.exited()).toBe(0);
});

it('pastes into the filter box as text, a newline in it included', async () => {
	session = startCli([], {home: home.path, columns: 80, rows: 24});
	await session.waitFor(settled, 'the app settled');
	session.write('/');
	await session.waitForText('Enter keep');
	session.paste('hq:RU\nkasp');
	await session.waitFor(screen => statusBar(screen).includes('filter: hq:RU kasp'), 'the pasted filter');
	expect(statusBar(session.screen())).toContain('1/26 shown');
	// Still in the box: the newline did not act as Enter.
	expect(session.screen()).toContain('Enter keep');
	session.write(keys.ctrlC);
	expect(await session.exit).toBe(0);
});

it('types a long rationale at 80x24 with the cursor in view, and pastes into it', async () => {
	session = startCli([], {home: home.path, columns: 80, rows: 24});
	await session.waitFor(settled, 'the app settled');
	session.write('d');
	await session.waitForText('Decide:');
	session.write(keys.tab);
	session.write(keys.tab);
	await session.waitForText('▶ Rationale');
	session.write('The ICTS final determination bars updates from 2024-09-29, so replace it');
	session.paste(' before the renewal quit? jk');
	await session.waitFor(screen => screen.includes('renewal quit? jk▏'), 'the end of the text with the cursor');
	expect(session.screen()).toContain('Decide:');
	session.write(keys.home);
	await session.waitFor(screen => screen.includes('▏The ICTS final'), 'the cursor at the start');
	session.write(keys.ctrlC);
	expect(await session.exit).toBe(0);
});

it('lists the keys of the filter box, the command line, the column chooser and text fields in the help at 120x40', async () => {
	session = startCli([], {home: home.path, columns: 120, rows: 40});
	await session.waitFor(settled, 'the app settled');
	session.write('?');
	await session.waitForText('Filter syntax');
	// The help is long: read it once it is drawn whole.
	const screen = await session.waitForStill();
	expect(screen).toContain('Filter box: Enter keep · Esc clear');
	expect(screen).toContain('Command line: Enter run · Tab complete · Esc cancel');
	expect(screen).toContain('Column chooser: ↓/j down');
	expect(screen).toContain('Ctrl-W/Alt-Backspace delete a word');
	session.write('x');
	await session.waitFor(screen => !screen.includes('Filter syntax'), 'the help closed');
	session.write('q');
	expect(await session.exit).toBe(0);
});
