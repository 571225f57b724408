// Four-eyes sign-off end to end through the built CLI: two reviewers, each with a
// home of their own (their own `config set reviewer`), sharing one data folder (a
// symlink, as a shared folder would be mounted). Reviewer A decides, the policy
// makes it pending, A may not countersign it, B does; verify checks every countersign.
import {mkdirSync, readFileSync, symlinkSync, writeFileSync} from 'node:fs';
import {AsyncLocalStorage} from 'node:async_hooks';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {entryHash} from '../../source/decisions/index.js';
import {copyOfHome, temporaryHome} from '../helpers.js';
import {runCli, runCliAsync} from './cli.js';

// Both reviewers' settings are written once, into a template copied for each test; the
// copy's shared data folder is linked anew, to the copy's own.
let template: ReturnType<typeof temporaryHome>;
beforeAll(() => {
	template = temporaryHome();
	const [ada, bo] = [join(template.path, 'ada'), join(template.path, 'bo')];
	mkdirSync(join(ada, 'data'), {recursive: true});
	mkdirSync(bo, {recursive: true});
	expect(runCli(['config', 'set', 'reviewer', 'Ada Lovelace'], ada).status).toBe(0);
	expect(runCli(['config', 'set', 'reviewer', 'Bo Diddley'], bo).status).toBe(0);
	for (const home of [ada, bo]) expect(runCli(['config', 'set', 'signoff', 'reject:restricted,approve:restricted'], home).status).toBe(0);
});
afterAll(() => template.remove());

// Each test runs in a copy of its own (inTeam), found by the helpers through an AsyncLocalStorage,
// so the tests run concurrently: one after another, their CLI processes kept only one core busy.
type Team = {ada: string; bo: string; inventory: string};
const teams = new AsyncLocalStorage<Team>();
const team = () => teams.getStore()!;
/** The test body, run in a fresh copy of the template, removed when it ends. */
const inTeam = (body: (team: Team) => Promise<void>) => async (): Promise<void> => {
	const root = copyOfHome(template.path);
	try {
		const ada = join(root.path, 'ada');
		const bo = join(root.path, 'bo');
		symlinkSync(join(ada, 'data'), join(bo, 'data'));
		const inventory = join(root.path, 'inventory.csv');
		writeFileSync(inventory, 'name,country\nHangzhou Hikvision Digital Technology,CN\nAcme Office Supplies Inc,US\n');
		const current = {ada, bo, inventory};
		await teams.run(current, () => body(current));
	} finally {
		root.remove();
	}
};

const hikvision = 'hangzhou-hikvision-digital-technology';
const as = async (home: string, ...args: string[]) => runCliAsync(['--inventory', team().inventory, ...args], home);
const queueRow = async (home: string, id: string) =>
	(JSON.parse((await as(home, 'queue', '--json')).stdout) as {rows: Array<{id: string; why: string; decision: string}>}).rows.find(
		row => row.id === id,
	);
const entryIdFrom = (stdout: string) => /vendor-risk countersign ([0-9a-f-]{36})/.exec(stdout)?.[1] ?? '';

describe.concurrent('four-eyes sign-off', () => {
	it(
		'A decides (pending), A cannot countersign A, B countersigns, and the log verifies both entries',
		inTeam(async ({ada, bo}) => {
			const decided = await as(
				ada,
				'decide',
				hikvision,
				'reject',
				'--reason',
				'sanctioned-entity',
				'--note',
				'Cameras are on the Covered List.',
			);
			expect(decided.status, decided.stderr).toBe(0);
			expect(decided.stdout).toMatch(
				/^recorded reject for hangzhou-hikvision-digital-technology \(sanctioned-entity\) by Ada Lovelace, pending countersign; entry #1/,
			);
			const id = entryIdFrom(decided.stdout);
			expect(id).not.toBe('');
			expect(await queueRow(bo, hikvision)).toMatchObject({why: 'pending countersign', decision: 'pending: reject'});

			const self = await as(ada, 'countersign', id);
			expect(self.status).toBe(2);
			expect(self.stderr).toBe(
				'vendor-risk: cannot countersign: Ada Lovelace made decision #1; a countersign must come from a different reviewer\n',
			);

			const second = await as(bo, 'decide', '--countersign', id.slice(0, 8), '--note', 'Agreed.');
			expect(second.status, second.stderr).toBe(0);
			expect(second.stdout).toMatch(
				/^countersigned reject for hangzhou-hikvision-digital-technology \(decision #1 by Ada Lovelace\) as Bo Diddley; entry #2/,
			);
			expect(await queueRow(ada, hikvision)).toBeUndefined();
			expect((await as(bo, 'countersign', id)).stderr).toMatch(/already countersigned by Bo Diddley/);

			const verified = await runCliAsync(['log', 'verify'], ada);
			expect(verified.status).toBe(0);
			expect(verified.stdout).toContain('countersigns: 1 checked');
		}),
	);

	it(
		'decisions the policy does not name stand at once, and an unrestricted approve needs no second reviewer',
		inTeam(async ({ada, bo}) => {
			const acme = await as(ada, 'decide', 'acme-office-supplies-inc', 'approve', '--reason', 'no-exposure');
			expect(acme.status, acme.stderr).toBe(0);
			expect(acme.stdout).not.toContain('pending');
			const deferred = await as(ada, 'decide', hikvision, 'defer', '--reason', 'pending-information');
			expect(deferred.stdout).not.toContain('pending countersign');
			expect((await as(bo, 'countersign', entryIdFrom(deferred.stdout) || 'not-an-id')).status).toBe(2);
		}),
	);

	it(
		'a change in the vendor’s record clears the pending decision: back in the queue as stale, countersign refused',
		inTeam(async ({ada, bo, inventory}) => {
			const decided = await as(ada, 'decide', hikvision, 'reject', '--reason', 'sanctioned-entity', '--note', 'Covered List.');
			const id = entryIdFrom(decided.stdout);
			// The inventory now says where the vendor is held from: its record (and fingerprint) changes.
			writeFileSync(inventory, 'name,country\nHangzhou Hikvision Digital Technology,HK\nAcme Office Supplies Inc,US\n');
			expect((await queueRow(bo, hikvision))?.why).toBe('stale: record changed');
			const refused = await as(bo, 'countersign', id);
			expect(refused.status).toBe(2);
			expect(refused.stderr).toMatch(
				/the record of hangzhou-hikvision-digital-technology changed since decision #1, which cleared it; decide again/,
			);
		}),
	);

	it(
		'verify fails on a countersign by the decision’s own reviewer, even one whose hashes were recomputed',
		inTeam(async ({ada, bo}) => {
			const id = entryIdFrom(
				(await as(ada, 'decide', hikvision, 'reject', '--reason', 'sanctioned-entity', '--note', 'Covered List.')).stdout,
			);
			expect((await as(bo, 'countersign', id)).status).toBe(0);
			// A forger rewrites the countersign as Ada's own and recomputes its hash and the anchor.
			const shard = join(ada, 'data', 'decisions-00000.json');
			const stored = JSON.parse(readFileSync(shard, 'utf8')) as {entries: Array<Record<string, unknown>>};
			const countersign = stored.entries[1]!;
			countersign.reviewer = 'ada lovelace';
			countersign.hash = entryHash(countersign as never);
			writeFileSync(shard, JSON.stringify(stored));
			const anchorPath = join(ada, 'data', 'decisions-head.json');
			writeFileSync(anchorPath, JSON.stringify({...(JSON.parse(readFileSync(anchorPath, 'utf8')) as object), hash: countersign.hash}));

			const verified = await runCliAsync(['log', 'verify'], bo);
			expect(verified.status).toBe(1);
			expect(verified.stderr).toMatch(/countersign seq 2, id .+: ada lovelace countersigned their own decision seq 1/);
			expect((await queueRow(bo, hikvision))?.why).toBe('pending countersign');
		}),
	);
});
