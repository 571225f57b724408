// A decision made in the TUI is in the log after a restart, and the CLI agrees.
import {expect, it} from 'vitest';
import {runCliAsync} from '../commands/cli.js';
import {keys, startCli, usePtyHome, type Session} from './helpers/pty.js';
import {fillReject} from './helpers/review.js';

const home = usePtyHome();
let session: Session | undefined;

const kasperskyLine = (screen: string) => screen.split('\n').find(line => line.includes('Kaspersky')) ?? '';
const selectedLine = (screen: string) => screen.split('\n').find(line => line.includes('▶')) ?? '';

/** Filters the Vendors view to Kaspersky, whatever its position. */
async function selectKaspersky(session: Session): Promise<void> {
	session.write('/');
	session.write('id:kaspersky');
	session.write(keys.enter);
	await session.waitFor(screen => /1\/\d+ shown/.test(screen), 'only Kaspersky');
	expect(selectedLine(session.screen())).toContain('Kaspersky');
}

it('keeps a decision made in the TUI across a restart, and undo appends a revocation', async () => {
	session = startCli([], {home: home.path, columns: 100, rows: 30});
	// The log loads after the first frame: the status bar says "loading…" until it has.
	await session.waitFor(
		screen => screen.includes('? help') && !screen.includes('loading…') && screen.includes('queue '),
		'the decision log loaded',
	);
	await selectKaspersky(session);
	session.write('d');
	await session.waitForText('Decide:');
	await fillReject(session, 'ICTS final determination bars updates');
	session.write(keys.enter);
	await session.waitForText('recorded reject for Kaspersky');
	expect(kasperskyLine(session.screen())).toContain('reject');
	session.write('q');
	expect(await session.exit).toBe(0);

	session = startCli([], {home: home.path, columns: 100, rows: 30});
	await session.waitFor(screen => kasperskyLine(screen).includes('reject'), 'the decision after a restart');
	await selectKaspersky(session);
	session.write(keys.enter);
	await session.waitForText('Kaspersky  (kaspersky)');
	// The decisions follow the restriction summary: a page or so down.
	for (let page = 0; page < 5 && !session.screen().includes('ICTS final determination bars updates'); page++) {
		const before = session.screen();
		session.write(keys.pageDown);
		await session.waitFor(screen => screen !== before, 'the next page');
		await session.waitForStill();
	}
	expect(session.screen()).toContain('ICTS final determination bars updates');
	session.write('u');
	await session.waitForText('undid the last decision for Kaspersky');
	session.write(keys.escape);
	await session.waitFor(screen => kasperskyLine(screen).includes('revoked'), 'the revoked state');
	session.write('q');
	expect(await session.exit).toBe(0);

	const verify = await runCliAsync(['log', 'verify'], home.path);
	expect(verify.status).toBe(0);
	expect(verify.stdout).toContain('chain intact: 2 entries');
});
