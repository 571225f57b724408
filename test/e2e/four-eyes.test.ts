// Four-eyes sign-off in the TUI: two reviewers, each with a home of their own (their
// own `config set reviewer`) sharing one data folder, as test/commands/four-eyes.test.ts
// sets them up for the CLI. Ada's reject is recorded pending, her own o is refused
// with the reason, and Bo signs it off from the queue with o.
import {mkdirSync, symlinkSync} from 'node:fs';
import {join} from 'node:path';
import {beforeEach, expect, it} from 'vitest';
import {runCli, runCliAsync} from '../commands/cli.js';
import {fillReject, filterTo} from './helpers/review.js';
import {keys, startCli, usePtyHome, type Session} from './helpers/pty.js';
import {settled} from './helpers/screen.js';

const root = usePtyHome();
let session: Session | undefined;
let ada: string;
let bo: string;
beforeEach(() => {
	ada = join(root.path, 'ada');
	bo = join(root.path, 'bo');
	mkdirSync(join(ada, 'data'), {recursive: true});
	mkdirSync(bo, {recursive: true});
	symlinkSync(join(ada, 'data'), join(bo, 'data'));
	expect(runCli(['config', 'set', 'reviewer', 'Ada Lovelace'], ada).status).toBe(0);
	expect(runCli(['config', 'set', 'reviewer', 'Bo Diddley'], bo).status).toBe(0);
	for (const home of [ada, bo]) expect(runCli(['config', 'set', 'signoff', 'reject:restricted'], home).status).toBe(0);
});

async function startedAs(home: string): Promise<Session> {
	const opened = startCli([], {home, columns: 120, rows: 30});
	await opened.waitFor(settled, 'the app settled');
	return opened;
}

type Queue = {rows: Array<{id: string; why: string}>};

it('records a decision the policy sends to a second reviewer as pending, refuses a self-countersign, and takes the second reviewer’s', async () => {
	session = await startedAs(ada);
	await filterTo(session, 'id:kaspersky');
	session.write('d');
	await session.waitForText('Decide: Kaspersky');
	await fillReject(session, 'On the Entity List and the Covered List.');
	expect(session.screen()).toContain('will be pending until a second reviewer countersigns');
	session.write(keys.enter);
	await session.waitForText('recorded reject for Kaspersky, pending countersign by a second reviewer');
	session.write('o');
	await session.waitForText('cannot countersign: Ada Lovelace made decision #1; a countersign must come from a different reviewer');
	session.write('q');
	expect(await session.exit).toBe(0);
	const pending = JSON.parse((await runCliAsync(['queue', '--json'], bo)).stdout) as Queue;
	expect(pending.rows.find(row => row.id === 'kaspersky')?.why).toBe('pending countersign');

	session = await startedAs(bo);
	session.write('6');
	await session.waitFor(screen => screen.includes('[6 Queue]'), 'the queue');
	await filterTo(session, 'id:kaspersky');
	expect(session.screen()).toMatch(/Kaspersky +│ pending countersign/);
	session.write('o');
	await session.waitForText('sign off reject of Kaspersky by Ada Lovelace (#1)');
	session.write('Agreed: remove by the renewal.');
	session.write(keys.enter);
	await session.waitForText('countersigned reject for Kaspersky (decision #1 by Ada Lovelace) as Bo Diddley');
	// Signed off: Kaspersky left the queue, and in its detail nothing waits any more.
	await session.waitFor(screen => /Queue · 0\/\d+ shown/.test(screen), 'Kaspersky out of the queue');
	session.write('1');
	await filterTo(session, 'id:kaspersky');
	session.write(keys.enter);
	await session.waitForText('lines 1-');
	session.write('o');
	await session.waitForText('no decision of Kaspersky waits for a countersign');
	// q goes back from the detail, and quits from the table.
	session.write('q');
	await session.waitFor(screen => !screen.includes('lines '), 'back on the table');
	session.write('q');
	expect(await session.exit).toBe(0);

	const after = JSON.parse((await runCliAsync(['queue', '--json'], ada)).stdout) as Queue;
	expect(after.rows.map(row => row.id)).not.toContain('kaspersky');
	const verified = await runCliAsync(['log', 'verify'], ada);
	expect(verified.status).toBe(0);
	expect(verified.stdout).toContain('countersigns: 1 checked');
});
