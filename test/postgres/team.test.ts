// Two reviewers, two homes, one PostgreSQL database, through the built CLI: the
// administrator migrates, A decides, B sees it, countersigns (A may not), and the
// log exported from either home is the same log. Passwords come from PGPASSWORD
// (A) and ~/.pgpass (B) and end up nowhere else.
import {mkdirSync, readdirSync, readFileSync, statSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {afterAll, afterEach, beforeAll, beforeEach, describe, expect, it} from 'vitest';
import {temporaryHome} from '../helpers.js';
import {runCli} from '../commands/cli.js';
import {storeUrl, superuserPassword, useServer} from './server.js';

const server = useServer();

const adaSecret = 'ada-pg-secret-7f3e';
const boSecret = 'bo-pg-secret-91c2';
let root: ReturnType<typeof temporaryHome>;
let database: string;
let ada: string;
let bo: string;
let adaEnv: Record<string, string>;
let boEnv: Record<string, string>;

/** A database migrated by the administrator, a login for each reviewer, and each reviewer's home set up through the CLI. */
async function setUpTeam(): Promise<void> {
	root = temporaryHome();
	database = await server().createDatabase('team');
	ada = join(root.path, 'ada');
	bo = join(root.path, 'bo');
	for (const home of [ada, bo]) mkdirSync(home, {recursive: true});
	const migrated = runCli(['store', 'migrate'], join(root.path, 'admin'), {
		env: {VENDOR_RISK_STORE: storeUrl(server(), database), PGPASSWORD: superuserPassword},
	});
	expect(migrated.status, migrated.stderr).toBe(0);
	const admin = await server().admin(database);
	// Logins are server-wide: named after the database, so tests never share one.
	await admin.query(`CREATE ROLE ada_${database} LOGIN PASSWORD '${adaSecret}' IN ROLE vendor_risk_reviewer`);
	await admin.query(`CREATE ROLE bo_${database} LOGIN PASSWORD '${boSecret}' IN ROLE vendor_risk_reviewer`);
	adaEnv = {PGPASSWORD: adaSecret};
	// B's password is in ~/.pgpass only (mode 0600, as libpq and the pgpass package insist).
	const pgpass = join(bo, '.pgpass');
	writeFileSync(pgpass, `127.0.0.1:${server().port}:${database}:bo_${database}:${boSecret}\n`, {mode: 0o600});
	boEnv = {HOME: bo, PGPASSFILE: pgpass};
	for (const [home, name, env] of [
		[ada, 'Ada Lovelace', adaEnv],
		[bo, 'Bo Diddley', boEnv],
	] as const) {
		const user = home === ada ? `ada_${database}` : `bo_${database}`;
		expect(runCli(['config', 'set', 'store', storeUrl(server(), database, user)], home, {env}).status).toBe(0);
		expect(runCli(['config', 'set', 'reviewer', name], home, {env}).status).toBe(0);
		expect(runCli(['config', 'set', 'signoff', 'reject:restricted'], home, {env}).status).toBe(0);
	}
}

const asAda = (...args: string[]) => runCli(args, ada, {env: adaEnv});
const asBo = (...args: string[]) => runCli(args, bo, {env: boEnv});
const entryIdFrom = (stdout: string) => /vendor-risk countersign ([0-9a-f-]{36})/.exec(stdout)?.[1] ?? '';
const queueWhy = (result: {stdout: string}, id: string) =>
	(JSON.parse(result.stdout) as {rows: Array<{id: string; why: string}>}).rows.find(row => row.id === id)?.why;

/** Every file under `folder`, recursively. */
function filesUnder(folder: string): string[] {
	return readdirSync(folder, {recursive: true, encoding: 'utf8'})
		.map(name => join(folder, name))
		.filter(path => statSync(path).isFile());
}

describe('two reviewers on one shared store', () => {
	// The tests that write to the log each have a database of their own.
	describe('writing', () => {
		beforeEach(setUpTeam);
		afterEach(() => root.remove());

		it('decide as A, see it as B, refuse A countersigning A, countersign as B, and export the same log from both', () => {
			const decided = asAda(
				'decide',
				'kaspersky',
				'reject',
				'--reason',
				'sanctioned-entity',
				'--note',
				'Prohibited by the final determination.',
			);
			expect(decided.status, decided.stderr).toBe(0);
			expect(decided.stdout).toMatch(
				/^recorded reject for kaspersky \(sanctioned-entity\) by Ada Lovelace, pending countersign; entry #1 /,
			);
			expect(decided.stdout).not.toContain('unsent');
			const id = entryIdFrom(decided.stdout);

			expect(queueWhy(asBo('queue', '--json'), 'kaspersky')).toBe('pending countersign');
			const self = asAda('countersign', id);
			expect(self.status).toBe(2);
			expect(self.stderr).toContain('a countersign must come from a different reviewer');

			const signed = asBo('countersign', id.slice(0, 8), '--note', 'Agreed.');
			expect(signed.status, signed.stderr).toBe(0);
			expect(signed.stdout).toMatch(/^countersigned reject for kaspersky \(decision #1 by Ada Lovelace\) as Bo Diddley; entry #2 /);
			expect(queueWhy(asAda('queue', '--json'), 'kaspersky')).toBeUndefined();

			const fromAda = asAda('log', 'export', '--format', 'csv');
			const fromBo = asBo('log', 'export', '--format', 'csv');
			expect(fromAda.status, fromAda.stderr).toBe(0);
			expect(fromBo.stdout).toBe(fromAda.stdout);
			expect(fromAda.stdout.split('\r\n').filter(Boolean)).toHaveLength(3);
			for (const verify of [asAda('log', 'verify'), asBo('log', 'verify')]) {
				expect(verify.status, verify.stderr).toBe(0);
				expect(verify.stdout).toContain('chain intact: 2 entries');
				expect(verify.stdout).toContain('countersigns: 1 checked');
			}

			// An auditor's bundle from a shared store carries every row of the table, with who inserted it.
			const bundle = join(root.path, 'bundle');
			const bundled = asBo('log', 'export', '--bundle', bundle);
			expect(bundled.status, bundled.stderr).toBe(0);
			expect(readdirSync(join(bundle, 'store')).sort()).toEqual(['entries.jsonl', 'head.json']);
			const rows = readFileSync(join(bundle, 'store', 'entries.jsonl'), 'utf8')
				.trim()
				.split('\n')
				.map(line => JSON.parse(line) as {seq: string; recorded_by: string});
			expect(rows.map(row => [Number(row.seq), row.recorded_by])).toEqual([
				[1, `ada_${database}`],
				[2, `bo_${database}`],
			]);

			// The passwords went to the server and nowhere else: not into any output, setting, mirror or export.
			const outputs = [decided, self, signed, fromAda, fromBo].map(result => result.stdout + result.stderr).join('\n');
			for (const secret of [adaSecret, boSecret]) {
				expect(outputs).not.toContain(secret);
				for (const file of [...filesUnder(ada), ...filesUnder(bo), ...filesUnder(bundle)].filter(path => !path.endsWith('.pgpass')))
					expect(readFileSync(file, 'utf8'), file).not.toContain(secret);
			}
		});

		it('the reviewer role cannot update, delete or truncate the log, and even the owner is refused by the trigger', async () => {
			expect(asAda('decide', 'kaspersky', 'reject', '--reason', 'sanctioned-entity', '--note', 'Prohibited.').status).toBe(0);
			const pg = (await import('pg')).default;
			const reviewer = new pg.Client({host: '127.0.0.1', port: server().port, database, user: `ada_${database}`, password: adaSecret});
			await reviewer.connect();
			try {
				for (const statement of [
					`UPDATE vendor_risk.entries SET entry = entry WHERE seq = 1`,
					`DELETE FROM vendor_risk.entries WHERE seq = 1`,
					`TRUNCATE vendor_risk.entries`,
					`UPDATE vendor_risk.head SET seq = 0`,
					`DELETE FROM vendor_risk.evidence`,
				])
					await expect(reviewer.query(statement), statement).rejects.toThrow(/permission denied/);
				// INSERT is allowed, but only of a row that extends the chain.
				await expect(
					reviewer.query(
						`INSERT INTO vendor_risk.entries (seq, id, hash, prev_hash, origin_hash, entry) VALUES (7, 'x', $1, $1, $1, '{}')`,
						['a'.repeat(64)],
					),
				).rejects.toThrow(/does not extend the chain/);
			} finally {
				await reviewer.end();
			}
			const owner = await server().admin(database);
			await expect(owner.query(`UPDATE vendor_risk.entries SET entry = entry WHERE seq = 1`)).rejects.toThrow(/append-only/);
			await expect(owner.query(`DELETE FROM vendor_risk.entries`)).rejects.toThrow(/append-only/);
			await expect(owner.query(`TRUNCATE vendor_risk.entries`)).rejects.toThrow(/append-only/);
			expect((await owner.query('SELECT count(*)::int AS count FROM vendor_risk.entries')).rows[0]).toEqual({count: 1});
		});
	});

	// These never write to the log (each is refused before it could), so they share one database and both homes.
	describe('refused', () => {
		beforeAll(setUpTeam);
		afterAll(() => root.remove());

		it('refuses a store URL with a password, from the config and from VENDOR_RISK_STORE, without echoing it', () => {
			const url = `postgres://ada_${database}:${adaSecret}@127.0.0.1:${server().port}/${database}`;
			const set = asAda('config', 'set', 'store', url);
			expect(set.status).toBe(2);
			expect(set.stderr).toMatch(/^vendor-risk: config store: the URL carries a password, which is never stored/);
			expect(set.stderr + set.stdout).not.toContain(adaSecret);
			const fromEnv = runCli(['queue'], ada, {env: {VENDOR_RISK_STORE: url}});
			expect(fromEnv.status).toBe(2);
			expect(fromEnv.stderr).toMatch(/^vendor-risk: VENDOR_RISK_STORE: the URL carries a password/);
			expect(fromEnv.stderr).not.toContain(adaSecret);
		});

		it('a wrong password is a failure that says so, not an offline store, and does not echo the password', () => {
			const wrong = runCli(['decide', 'kaspersky', 'reject', '--reason', 'sanctioned-entity', '--note', 'x'], ada, {
				env: {PGPASSWORD: 'not-the-password-5d1'},
			});
			expect(wrong.status).toBe(1);
			expect(wrong.stderr).toContain(`password authentication failed for user "ada_${database}"`);
			expect(wrong.stderr).not.toContain('not-the-password-5d1');
			expect(wrong.stdout).toBe('');
		});

		it('no password anywhere is a failure that says where one goes', () => {
			const none = runCli(['queue'], ada, {env: {HOME: ada}});
			expect(none.status).toBe(1);
			expect(none.stderr).toBe(
				`vendor-risk: cannot read the shared log at ${storeUrl(server(), database, `ada_${database}`)}: the database asks for a password for user ada_${database} and none is given\n` +
					'  hint: set PGPASSWORD, or add host:port:database:user:password to ~/.pgpass (mode 0600); a password is never read from the store URL\n',
			);
		});
	});
});
