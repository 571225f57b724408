// The server killed with SIGKILL while reviewers write: every decision a writer was
// told is committed survives the crash (the WAL is replayed on restart); the ones
// made while it was down wait in each reviewer's outbox, and `log push` sends them,
// once, even when it runs twice.
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {verifyChain} from '../../source/decisions/index.js';
import {runCliAsync} from '../commands/cli.js';
import {temporaryHome} from '../helpers.js';
import {migratedDatabase, spawnWriter, storedEntries, storeEnv, useWriterScript} from './helpers.js';
import {superuserPassword, useServer} from './server.js';

const server = useServer();
const writerScript = useWriterScript();

describe('a crash of the database server', () => {
	it('kill -9 mid-write: acknowledged decisions survive, the outbox is pushed after the restart, and nothing is sent twice', async () => {
		const {database, url} = await migratedDatabase(server(), 'crash');
		const root = temporaryHome();
		try {
			const homes = Array.from({length: 4}, (_, index) => join(root.path, `r${index}`));
			const writers = homes.map((home, index) => spawnWriter(writerScript(), storeEnv(url, home), 120, `r${index}`));
			const acks = () => writers.flatMap(writer => writer.acks);
			// Kill while all four are writing: after a good number of commits, before any writer is done.
			await Promise.all(writers.map(writer => writer.until(() => writer.acks.length >= 20)));
			await server().killHard();
			const codes = await Promise.all(writers.map(writer => writer.exited));
			expect(codes, writers.map(writer => writer.stderr).join('\n')).toEqual([0, 0, 0, 0]);
			expect(acks()).toHaveLength(480);
			const committed = acks().filter(ack => ack.where === 'database');
			const unsent = acks().filter(ack => ack.where === 'outbox');
			expect(committed.length).toBeGreaterThanOrEqual(80);
			expect(unsent.length).toBeGreaterThan(0);

			await server().restart();
			const afterRestart = await storedEntries(server(), database);
			expect(verifyChain(afterRestart)).toMatchObject({ok: true});
			const stored = new Set(afterRestart.map(entry => entry.id));
			expect(committed.filter(ack => !stored.has(ack.id))).toEqual([]);

			// Each reviewer pushes the outbox; pushing again sends nothing.
			const env = {VENDOR_RISK_STORE: url, PGPASSWORD: superuserPassword};
			for (const home of homes) {
				const pushed = await runCliAsync(['log', 'push'], home, {env});
				expect(pushed.status, pushed.stderr).toBe(0);
				expect(pushed.stdout).toMatch(/outbox: \d+ entr(y|ies) sent, \d+ already in the shared log; 0 left/);
				const again = await runCliAsync(['log', 'push'], home, {env});
				expect(again.stdout).toContain('outbox: 0 entries sent, 0 already in the shared log; 0 left');
			}
			const final = await storedEntries(server(), database);
			expect(verifyChain(final)).toMatchObject({ok: true, count: 480});
			const counts = new Map<string, number>();
			for (const entry of final) counts.set(entry.id, (counts.get(entry.id) ?? 0) + 1);
			expect(acks().filter(ack => counts.get(ack.id) !== 1)).toEqual([]);
			// Each entry kept its reviewer and its own time.
			const reviewerOf = new Map(final.map(entry => [entry.id, entry.reviewer]));
			expect(acks().filter(ack => reviewerOf.get(ack.id) !== `writer ${ack.label}`)).toEqual([]);
		} finally {
			root.remove();
		}
	}, 120_000);
});
