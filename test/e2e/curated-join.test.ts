// A curated join is a finding the reviewer can dismiss in the TUI like a list hit
// (issue 15): the inventory row "Kaspersky Lab" is joined to the curated Kaspersky;
// n with a reason marks the join a false positive, the row stops carrying Kaspersky's
// restrictions, and `screen` remembers the disposition.
import {writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {beforeEach, expect, it} from 'vitest';
import {runCliAsync} from '../commands/cli.js';
import {filterTo} from './helpers/review.js';
import {keys, startCli, usePtyHome, type Session} from './helpers/pty.js';
import {settled} from './helpers/screen.js';

const home = usePtyHome();
let session: Session | undefined;
let inventory: string;
beforeEach(() => {
	inventory = join(home.path, 'inventory.csv');
	writeFileSync(inventory, 'name,country\nKaspersky Lab,RU\nAcme Office Supplies Inc,US\n');
});

type Screened = {hits: Array<{kind: string; vendor: {name: string}; entry: {id: string}; disposition: string}>};
const curatedHit = async () =>
	(JSON.parse((await runCliAsync(['screen', '--inventory', inventory, '--format', 'json'], home.path)).stdout) as Screened).hits.find(
		hit => hit.kind === 'curated' && hit.vendor.name === 'Kaspersky Lab',
	);

it('dismisses a curated join with n, and the row stops carrying the curated vendor’s restrictions', async () => {
	expect(await curatedHit()).toMatchObject({entry: {id: 'curated:kaspersky'}, disposition: 'undecided'});
	session = startCli(['--inventory', inventory], {home: home.path, columns: 120, rows: 40});
	await session.waitFor(settled, 'the app settled');
	await filterTo(session, 'name:"Kaspersky Lab"');
	session.write(keys.enter);
	await session.waitForText('lines 1-');
	expect(session.screen()).toMatch(/Summary: \d+ active/);
	// The hits follow the summary of the restrictions the join carries: Tab focuses the join, at the top of the page.
	session.write(keys.tab);
	await session.waitFor(screen => /▶ curated vendor 1\/1 +\[undecided\]/.test(screen.split('\n')[1] ?? ''), 'the join focused');
	session.write('n');
	await session.waitForText('n false positive · reason:');
	session.write('Our row is the reseller Kaspersky Lab Ltd of Leeds, not the Moscow company');
	session.write(keys.enter);
	await session.waitForText('marked Kaspersky as a false positive');
	await session.waitFor(screen => /curated vendor 1\/1 +\[false-positive\]/.test(screen), 'the join dismissed');
	expect(session.screen()).not.toContain('reason:');
	session.write('g');
	await session.waitForText('Summary: no restrictions');
	session.write(keys.escape);
	await session.waitFor(screen => !screen.includes('lines '), 'back on the table');
	session.write('q');
	expect(await session.exit).toBe(0);

	expect(await curatedHit()).toMatchObject({disposition: 'false-positive'});
});
