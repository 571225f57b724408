// Finding your way back, and leaving the terminal as it was: Esc returns to the
// view, filter, sort and row you drilled in from; the app runs in the alternate
// screen, which is left however the app ends.
import {join} from 'node:path';
import {expect, it} from 'vitest';
import {keys, startCli, usePtyHome, type Session} from './helpers/pty.js';
import {selectedLine, settled, statusBar} from './helpers/screen.js';

const home = usePtyHome();
let session: Session | undefined;

it('returns from a drilled-in jurisdiction to the jurisdictions view, on that jurisdiction, at 80x24', async () => {
	session = startCli([], {home: home.path, columns: 80, rows: 24});
	await session.waitFor(settled, 'the app settled');
	session.write('2');
	await session.waitFor(screen => statusBar(screen).startsWith(' Jurisdictions'), 'the jurisdictions view');
	for (let step = 0; step < 12 && !selectedLine(session.screen()).includes('Russia'); step++) {
		const before = selectedLine(session.screen());
		session.write('j');
		await session.waitFor(screen => selectedLine(screen) !== before, 'the selection to move');
	}
	const russia = selectedLine(session.screen());
	expect(russia).toContain('RU');
	session.write(keys.enter);
	await session.waitFor(screen => statusBar(screen).includes('filter: hq:RU'), "Russia's vendors");
	expect(selectedLine(session.screen())).toMatch(/│ RU +│/);
	session.write(keys.escape);
	await session.waitFor(screen => statusBar(screen).startsWith(' Jurisdictions'), 'back on the jurisdictions');
	expect(selectedLine(session.screen())).toBe(russia);
	// The vendors are as they were before the drill: no filter left behind.
	session.write('1');
	await session.waitFor(screen => statusBar(screen).includes('Vendors · 26/26 shown'), 'the vendors unfiltered');
	session.write('q');
	expect(await session.exit).toBe(0);
});

it('goes back through a detail to the filtered, sorted table it was opened from, on the same row', async () => {
	session = startCli([], {home: home.path, columns: 80, rows: 24});
	await session.waitFor(settled, 'the app settled');
	session.write('/');
	session.write('hq:CN');
	session.write(keys.enter);
	session.write('s');
	await session.waitFor(screen => statusBar(screen).includes('sort: Vendor▲'), 'sorted by vendor');
	for (const step of [1, 2]) {
		const before = selectedLine(session.screen());
		session.write('j');
		await session.waitFor(screen => selectedLine(screen) !== before, `step ${step} down`);
	}
	const row = selectedLine(session.screen());
	session.write(keys.enter);
	await session.waitForText('vendor-risk › Vendors ›');
	session.write(keys.escape);
	// The status bar is drawn last: wait for it too, not only for the table's rows.
	await session.waitFor(
		screen => !screen.includes('vendor-risk › Vendors ›') && selectedLine(screen) !== '' && statusBar(screen) !== '',
		'the table again',
	);
	expect(statusBar(session.screen())).toContain('filter: hq:CN · sort: Vendor▲');
	expect(selectedLine(session.screen())).toBe(row);
	session.write('q');
	expect(await session.exit).toBe(0);
});

it('runs in the alternate screen and leaves it on quit, with bracketed paste off again', async () => {
	session = startCli([], {home: home.path, columns: 80, rows: 24});
	await session.waitFor(settled, 'the app settled');
	expect(session.buffer()).toBe('alternate');
	expect(session.bracketedPaste()).toBe(true);
	session.write('q');
	expect(await session.exit).toBe(0);
	expect(session.buffer()).toBe('normal');
	expect(session.bracketedPaste()).toBe(false);
	expect(session.normalScreen()).not.toContain('? help');
	expect(session.normalScreen()).not.toContain('Kaspersky');
});

it.each(['SIGTERM', 'SIGHUP'])('restores the terminal on %s', async signal => {
	session = startCli([], {home: home.path, columns: 80, rows: 24});
	await session.waitFor(settled, 'the app settled');
	expect(session.buffer()).toBe('alternate');
	session.kill(signal);
	await session.exit;
	expect(session.buffer()).toBe('normal');
	expect(session.bracketedPaste()).toBe(false);
	expect(session.normalScreen()).not.toContain('? help');
});

it('restores the terminal before reporting an error that ends the app after its first frame', async () => {
	session = startCli(['--inventory', join(home.path, 'missing.csv')], {home: home.path, columns: 80, rows: 24});
	expect(await session.exit).not.toBe(0);
	// The app had taken the screen over: its first frame was out before the inventory was read.
	expect(session.output()).toContain('\u001B[?1049h');
	expect(session.buffer()).toBe('normal');
	expect(session.normalScreen()).toContain('vendor-risk: ');
	expect(session.normalScreen()).toContain('missing.csv');
});
