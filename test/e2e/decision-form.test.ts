// Safe decision entry in the TUI (issue 17): the form opens with no outcome, will
// not approve a restricted vendor without a rationale and a confirmation naming its
// restrictions, attaches evidence, asks how many and which before a bulk decision,
// and the export key writes plain CSV with its manifest beside it.
import {readdirSync, readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {expect, it} from 'vitest';
import {defaultRetentionYears} from '../../source/decisions/index.js';
import {runCliAsync} from '../commands/cli.js';
import {fillReject, filterTo} from './helpers/review.js';
import {keys, startCli, usePtyHome, type Session} from './helpers/pty.js';
import {settled} from './helpers/screen.js';

const home = usePtyHome();
let session: Session | undefined;

type Exported = {
	manifest: {entryCount: number; evidence: Array<{name: string}>};
	entries: Array<{kind: string; vendorId: string; outcome: string; rationale: string | null; evidence?: Array<{name: string}>}>;
};
const logged = async () => JSON.parse((await runCliAsync(['log', 'export', '--format', 'json'], home.path)).stdout) as Exported;

async function started(): Promise<Session> {
	const opened = startCli([], {home: home.path, columns: 100, rows: 30});
	await opened.waitFor(settled, 'the app settled');
	return opened;
}

it('refuses to approve a restricted vendor without a rationale and a confirmation, then records it with its evidence', async () => {
	const memo = join(home.path, 'legal-memo.txt');
	writeFileSync(memo, 'Legal reviewed the isolated lab use.\n');
	session = await started();
	await filterTo(session, 'id:kaspersky');
	session.write('d');
	await session.waitForText('◀ choose an outcome ▶');
	session.write(keys.enter);
	await session.waitForText('✗ choose an outcome first');

	session.write(keys.rightArrow);
	await session.waitForText('◀ approve ▶');
	// The reasons are approve's own: the first is no-exposure, never sanctioned-entity.
	expect(session.screen()).toContain('◀ no-exposure ▶');
	session.write(keys.enter);
	await session.waitFor(
		screen => /✗ approve of a vendor with \d+ active restrictions needs a rationale/.test(screen),
		'the rationale asked for',
	);
	// The focus is on the rationale now.
	session.write('Isolated lab use, signed off by legal');
	session.write(keys.tab);
	session.write(keys.tab);
	await session.waitForText('▶ Evidence');
	session.write(memo);
	session.write(keys.enter);
	const confirming = await session.waitForText('Confirm before it is saved:');
	expect(confirming).toMatch(/approve Kaspersky despite \d+ active restrictions: /);
	// Enter is not a confirmation: the step stays, and n goes back to the form as it was.
	session.write(keys.enter);
	session.write('n');
	await session.waitFor(screen => screen.includes('◀ approve ▶') && !screen.includes('Confirm before'), 'the form again');
	expect(session.screen()).toContain('Isolated lab use, signed off by legal');
	session.write(keys.enter);
	await session.waitForText('Confirm before it is saved:');
	session.write('y');
	await session.waitForText('recorded approve for Kaspersky');
	session.write('q');
	expect(await session.exit).toBe(0);

	const {entries} = await logged();
	expect(entries).toHaveLength(1);
	expect(entries[0]).toMatchObject({
		kind: 'decision',
		vendorId: 'kaspersky',
		outcome: 'approve',
		rationale: 'Isolated lab use, signed off by legal',
		evidence: [{name: 'legal-memo.txt'}],
	});
	const verified = await runCliAsync(['log', 'verify'], home.path);
	expect(verified.stdout).toContain('evidence: 1 file present and unchanged');
});

it('asks how many and which before a decision on several marked vendors, and goes back to the form on n', async () => {
	session = await started();
	await filterTo(session, 'id:nso-group');
	session.write(' ');
	await session.waitForText('1 marked');
	await filterTo(session, 'id:candiru');
	session.write(' ');
	await session.waitForText('2 marked');
	session.write('d');
	await session.waitForText('Decide: 2 vendors: NSO Group, Candiru');
	await fillReject(session, 'Both are on the Entity List');
	session.write(keys.enter);
	await session.waitForText('reject 2 vendors: NSO Group, Candiru?');
	session.write('n');
	await session.waitForText('◀ reject ▶');
	expect(session.screen()).toContain('Both are on the Entity List');
	session.write(keys.enter);
	await session.waitForText('reject 2 vendors: NSO Group, Candiru?');
	session.write('y');
	await session.waitForText('recorded reject for 2 vendors');

	// The export key: plain CSV, header first, and its manifest beside it.
	session.write('e');
	await session.waitForText('exported 2 entries with a manifest beside them to ');
	session.write('q');
	expect(await session.exit).toBe(0);
	const {entries} = await logged();
	expect(entries.map(entry => [entry.vendorId, entry.outcome])).toEqual([
		['nso-group', 'reject'],
		['candiru', 'reject'],
	]);
	const csv = readdirSync(home.path).find(name => /^vendor-risk-decisions-.+\.csv$/.test(name))!;
	expect(readFileSync(join(home.path, csv), 'utf8').split(/\r?\n/)[0]).toMatch(/^seq,id,kind,at,reviewer,vendorId,outcome,/);
	const manifest = JSON.parse(readFileSync(join(home.path, `${csv}.manifest.json`), 'utf8')) as {
		entryCount: number;
		retentionYears: number;
	};
	expect(manifest).toMatchObject({entryCount: 2, retentionYears: defaultRetentionYears});
});
