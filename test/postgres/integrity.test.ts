// Tampering the database itself (a superuser with the triggers switched off) is
// found by `log verify`, which names the row; and `log push` imports a local conf
// log once, even when it is killed halfway.
import {spawn} from 'node:child_process';
import {writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {DecisionLog, importBatchSize, verifyChain, type EntryDraft} from '../../source/decisions/index.js';
import {runCli, runCliAsync} from '../commands/cli.js';
import {builtCli, childEnvironment, temporaryHome} from '../helpers.js';
import {migratedDatabase, storedEntries} from './helpers.js';
import {superuserPassword, useServer} from './server.js';

const server = useServer();

let root: ReturnType<typeof temporaryHome>;
let database: string;
let env: Record<string, string>;
beforeEach(async () => {
	root = temporaryHome();
	const migrated = await migratedDatabase(server(), 'integrity');
	database = migrated.database;
	env = {VENDOR_RISK_STORE: migrated.url, PGPASSWORD: superuserPassword};
});
afterEach(() => root.remove());

const decide = (home: string, vendor: string) =>
	runCli(['decide', vendor, 'reject', '--reason', 'sanctioned-entity', '--note', `Prohibited: ${vendor}.`], home, {env});

/** Three decisions, then the superuser's statement with every trigger off. */
async function tamper(statement: string): Promise<string[]> {
	const home = join(root.path, 'reviewer');
	for (const vendor of ['kaspersky', 'huawei', 'zte']) expect(decide(home, vendor).status).toBe(0);
	const ids = (await storedEntries(server(), database)).map(entry => entry.id);
	const admin = await server().admin(database);
	await admin.query('BEGIN');
	await admin.query('SET LOCAL session_replication_role = replica');
	await admin.query(statement);
	await admin.query('COMMIT');
	return ids;
}

const verify = () => runCli(['log', 'verify'], join(root.path, 'auditor'), {env});

describe('log verify on the database', () => {
	it('names a row whose entry a superuser edited', async () => {
		const ids = await tamper(`UPDATE vendor_risk.entries SET entry = replace(entry, 'Prohibited', 'Permitted') WHERE seq = 2`);
		const result = verify();
		expect(result.status).toBe(1);
		expect(result.stderr).toContain(
			`vendor-risk: chain broken at entry 2 of 3 (seq 2), id ${ids[1]}: content does not match its hash (the entry was edited after it was written)`,
		);
	});

	it('names the gap a deleted row leaves', async () => {
		await tamper('DELETE FROM vendor_risk.entries WHERE seq = 2');
		const result = verify();
		expect(result.status).toBe(1);
		expect(result.stderr).toMatch(/chain broken at entry 2 of 2 \(seq 3\), id [0-9a-f-]{36}: sequence broken: expected seq 2, found 3/);
	});

	it('names rows moved into another order', async () => {
		await tamper(
			'UPDATE vendor_risk.entries SET seq = 1000 WHERE seq = 2; UPDATE vendor_risk.entries SET seq = 2 WHERE seq = 3; UPDATE vendor_risk.entries SET seq = 3 WHERE seq = 1000',
		);
		const result = verify();
		expect(result.status).toBe(1);
		expect(result.stderr).toMatch(/chain broken at entry 2 of 3 \(seq 3\), id [0-9a-f-]{36}: sequence broken: expected seq 2, found 3/);
		expect(result.stderr).toContain('row seq 2 (id ');
		expect(result.stderr).toContain('its columns do not match its entry, so the row was edited in place');
	});

	it('finds a deleted tail against the head, and against what a reviewer had already seen', async () => {
		await tamper('DELETE FROM vendor_risk.entries WHERE seq = 3');
		const result = verify();
		expect(result.status).toBe(1);
		expect(result.stderr).toContain(
			'truncated or rewritten: the log ends at seq 2, but its head anchor records seq 3: entry 3 was deleted',
		);
		// The reviewer who wrote entry 3 mirrored it: their machine notices even if the head is put back too.
		const admin = await server().admin(database);
		await admin.query(`UPDATE vendor_risk.head SET seq = 2, hash = (SELECT hash FROM vendor_risk.entries WHERE seq = 2)`);
		expect(verify().status).toBe(0);
		const seenBefore = runCli(['log', 'verify'], join(root.path, 'reviewer'), {env});
		expect(seenBefore.status).toBe(1);
		expect(seenBefore.stderr).toMatch(
			/this machine verified the shared log up to seq 3 \(hash [0-9a-f]{12}…\), but the database has no entry seq 3 any more/,
		);
		const decided = decide(join(root.path, 'reviewer'), 'positive-technologies');
		expect(decided.status, decided.stderr).toBe(1);
		expect(decided.stderr).toContain('cannot build on the shared log');
	});
});

describe('log push of a local log', () => {
	it('imports it once, in the shared order, with its reviewers, times, countersigns and evidence, even when killed halfway', async () => {
		const home = join(root.path, 'ada');
		// A teammate decided first, so the local entries land at other seqs than they had.
		expect(decide(join(root.path, 'bo'), 'kaspersky').status).toBe(0);
		const local = new DecisionLog({env: {VENDOR_RISK_HOME: home}});
		const evidenceFile = join(root.path, 'memo.txt');
		writeFileSync(evidenceFile, 'Board memo: reject Huawei.\n');
		const evidence = await local.evidence.put(evidenceFile);
		const drafts: EntryDraft[] = Array.from({length: 2 * importBatchSize + 200}, (_, index) => ({
			kind: 'decision',
			reviewer: 'Ada Lovelace',
			vendorId: `vendor-${index}`,
			outcome: 'defer',
			reason: 'pending-information',
			rationale: null,
			reviewBy: '2027-01-01',
			basis: {vendorFingerprint: 'a'.repeat(64), sources: []},
		}));
		await local.appendMany(drafts);
		const [pending] = await local.appendMany([
			{
				kind: 'decision',
				reviewer: 'Ada Lovelace',
				vendorId: 'huawei',
				outcome: 'reject',
				reason: 'sanctioned-entity',
				rationale: 'Entity List.',
				reviewBy: null,
				basis: {vendorFingerprint: 'b'.repeat(64), sources: []},
				signoff: 'pending',
				evidence: [evidence],
			},
		]);
		await local.appendMany([
			{
				kind: 'countersign',
				reviewer: 'Cy Twombly',
				vendorId: 'huawei',
				countersigns: pending!.id,
				countersignsSeq: pending!.seq,
				vendorFingerprint: 'b'.repeat(64),
				rationale: null,
			},
			{kind: 'revocation', reviewer: 'Ada Lovelace', vendorId: 'vendor-0', revokes: local.entries()[0]!.id, revokesSeq: 1, rationale: null},
		]);
		const localEntries = local.entries();

		// The first push is killed as soon as its first batch is in.
		const child = spawn(process.execPath, [builtCli, 'log', 'push'], {env: childEnvironment(home, env), stdio: ['ignore', 'pipe', 'pipe']});
		await new Promise<void>(resolve =>
			child.stdout.on('data', (chunk: Buffer) => {
				if (chunk.toString().includes('local log: 500 of')) {
					child.kill('SIGKILL');
					resolve();
				}
			}),
		);
		await new Promise(resolve => child.on('exit', resolve));
		const halfway = await storedEntries(server(), database);
		expect(halfway.length).toBeGreaterThan(1);
		expect(halfway.length).toBeLessThan(localEntries.length + 1);

		const pushed = await runCliAsync(['log', 'push'], home, {env});
		expect(pushed.status, pushed.stderr).toBe(0);
		expect(pushed.stdout).toContain(`, ${halfway.length - 1} already in the shared log`);
		const again = await runCliAsync(['log', 'push'], home, {env});
		expect(again.stdout).toContain(`0 entries sent, ${localEntries.length} already in the shared log`);

		const shared = await storedEntries(server(), database);
		expect(verifyChain(shared)).toMatchObject({ok: true, count: localEntries.length + 1});
		expect(shared.slice(1).map(entry => [entry.id, entry.at, entry.reviewer])).toEqual(
			localEntries.map(entry => [entry.id, entry.at, entry.reviewer]),
		);
		const countersign = shared.find(entry => entry.kind === 'countersign');
		expect(countersign).toMatchObject({countersignsSeq: pending!.seq + 1});
		const verified = runCli(['log', 'verify'], home, {env});
		expect(verified.status, verified.stderr).toBe(0);
		expect(verified.stdout).toContain('countersigns: 1 checked');
		expect(verified.stdout).toContain('evidence: 1 file present and unchanged');
	}, 60_000);
});
