// The detail view for reading, at the sizes where it failed: text wraps instead
// of ending in "…", URLs are whole, the restrictions come first, Enter on a
// restriction opens the vendor at it, and y copies the focused line's URL.
import {expect, it, vi} from 'vitest';
import dataset from '../../source/records/dataset.json' with {type: 'json'};
import {rowsShown, wholeDetail} from './helpers/review.js';
import {keys, startCli, usePtyHome, type Session} from './helpers/pty.js';
import {selectedLine, settled} from './helpers/screen.js';

const home = usePtyHome();
let session: Session | undefined;

const kaspersky = dataset.vendors.find(vendor => vendor.id === 'kaspersky')!;
const bsiWarning = dataset.restrictions.find(restriction => restriction.id === 'kaspersky-bsi-warning-2022')!;
const bsiUrl = bsiWarning.officialUrl!;

async function openKaspersky(columns: number, rows: number): Promise<Session> {
	const opened = startCli([], {home: home.path, columns, rows});
	await opened.waitFor(settled, 'the app settled');
	// Kaspersky's row, whatever order the severities give the vendors.
	opened.write('/id:kaspersky');
	await opened.waitForText('filter: id:kaspersky');
	opened.write(keys.enter);
	await opened.waitFor(screen => selectedLine(screen).includes('Kaspersky'), 'Kaspersky selected');
	opened.write(keys.enter);
	await opened.waitForText('Kaspersky  (kaspersky)');
	// The detail's first page whole: callers read lines below its title straight away.
	await opened.waitForStill();
	return opened;
}

it("wraps the Kaspersky note and shows official URLs whole at 200x50, nothing ending in '…'", async () => {
	session = await openKaspersky(200, 50);
	const text = await wholeDetail(session);
	const unwrapped = text.replace(/\n +/g, ' ');
	expect(unwrapped).toContain(kaspersky.notes);
	expect(text).toContain(bsiUrl);
	expect(text).not.toContain('…');
	session.write('q');
	await session.waitFor(screen => screen.includes(' shown'), 'back on the table');
	session.write('q');
	expect(await session.exit).toBe(0);
});

it('shows the restriction summary on the first page at 80x24, before entities and aliases', async () => {
	session = await openKaspersky(80, 24);
	const first = session.screen();
	expect(first).toMatch(/Summary: \d+ active/);
	expect(first).toMatch(/▸ \[active\] OFAC SDN List · applies to: 12 Kaspersky executives/);
	expect(first).not.toContain('Entities');
	const text = await wholeDetail(session);
	expect(text.indexOf('Restrictions (')).toBeLessThan(text.indexOf('Entities'));
	expect(text.replace(/\n +/g, '')).toContain(bsiUrl);
	session.write(keys.ctrlC);
	expect(await session.exit).toBe(0);
});

it('opens the vendor at the restriction Enter was pressed on, and y copies its official URL', async () => {
	session = startCli([], {home: home.path, columns: 80, rows: 24});
	await session.waitFor(settled, 'the app settled');
	session.write('3');
	await session.waitFor(screen => screen.includes('Restrictions ·'), 'the restrictions view');
	session.write('/');
	session.write('id:kaspersky-bsi-warning-2022');
	await session.waitFor(screen => screen.includes('1/89 shown'), 'the BSI warning alone');
	session.write(keys.enter);
	session.write(keys.enter);
	await session.waitForText('vendor-risk › Restrictions › Kaspersky');
	// The restriction's entry is at the top of the page, well below the detail's first line.
	expect(session.screen().split('\n')[1]!.trimEnd()).toBe('▪ [active] Official warning under Sec. 7 BSI Act (BSIG)');
	expect(rowsShown(session.screen())[0]).toBeGreaterThan(20);
	// The footer offers "y copy" (not "y copy id") once the focused line has something of its own to copy.
	for (let step = 0; step < 10 && !/^lines .* · y copy ·/m.test(session.screen()); step++) {
		const before = session.screen();
		session.write('j');
		await session.waitFor(screen => screen !== before, 'the focus to move');
		// A frame still arriving may show the new top and the old footer: read the footer of a whole frame.
		await session.waitForStill();
	}
	session.write('y');
	await session.waitForText(`copied: ${bsiUrl.slice(0, 40)}`);
	// The copy goes to the terminal (OSC 52) right after the frame that says so.
	await vi.waitFor(() => expect(session!.output()).toContain(`\u001B]52;c;${Buffer.from(bsiUrl).toString('base64')}\u0007`));
	session.write(keys.escape);
	await session.waitFor(screen => screen.includes('1/89 shown') && selectedLine(screen).includes('Kaspersky'), 'back on the filtered row');
	session.write('q');
	expect(await session.exit).toBe(0);
});
