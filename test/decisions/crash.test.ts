// Real processes against real files: a writer killed with SIGKILL mid-append, again and again.
// (Its own file, so vitest runs it beside the concurrent-writers test.) Whether a kill lands
// inside the lock is up to the scheduler; lock.test.ts takes over a dead holder's lock deterministically.
import {existsSync, readdirSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, test} from 'vitest';
import {openDecisionLog, verifyChain} from '../../source/decisions/index.js';
import {seededRandom, testSeed} from '../helpers.js';
import {useWriterScript, spawnWriter, tempHome} from './helpers.js';

const writerScript = useWriterScript();

describe('a writer killed mid-append', () => {
	test('writers killed with SIGKILL at random moments, 50 times, never lose an acknowledged decision or break the store', async () => {
		const home = tempHome();
		const data = join(home.home, 'data');
		const acknowledged = new Set<string>();
		// Kill points come from the suite's seed: a failure names it, and VENDOR_RISK_TEST_SEED repeats the run.
		const random = seededRandom(testSeed);
		let rounds = 0;
		// If one lane fails, the other's writer must not outlive the test appending to a deleted folder.
		const live = new Set<ReturnType<typeof spawnWriter>>();

		let log: ReturnType<typeof openDecisionLog> | undefined;
		function checkStore(label: string): void {
			for (const name of (existsSync(data) ? readdirSync(data) : []).filter(file => /^decisions-\d{5}\.json$/.test(file))) {
				expect(() => JSON.parse(readFileSync(join(data, name), 'utf8')), `${name} after ${label}`).not.toThrow();
			}
			// One handle for all checks: entries() re-reads every file anyway, and a damaged one would turn it read-only.
			log ??= openDecisionLog({env: home.env});
			const entries = log.entries();
			expect(log.readOnlyReason).toBeNull();
			const stored = new Set(entries.map(entry => entry.id));
			expect(
				[...acknowledged].filter(id => !stored.has(id)),
				`${label} (seed ${testSeed})`,
			).toEqual([]);
			expect(verifyChain(entries), `${label} (seed ${testSeed})`).toMatchObject({ok: true});
		}

		// Two lanes of 25 kills on the same store: besides halving the wall time, a writer is often
		// waiting for the lock when the other lane's writer dies holding it.
		async function lane(name: string): Promise<void> {
			for (let round = 0; round < 25; round++) {
				// Kill on the k-th line the child prints (0 = as soon as the log is open): the moment within
				// the append loop is whatever the child is doing when the signal lands.
				const acksBeforeKill = Math.floor(random() * 6);
				// A low stale period is only the fallback; the dead-owner check should make waiting unnecessary.
				const writer = spawnWriter(writerScript(), home.home, 1_000_000, `${name}${round}`, 2000);
				live.add(writer);
				await writer.until(current => current.ready && current.acks.length >= acksBeforeKill);
				writer.child.kill('SIGKILL');
				const exit = await writer.exited;
				live.delete(writer);
				expect(exit.signal).toBe('SIGKILL');
				for (const id of writer.acks) acknowledged.add(id);
				rounds++;
				checkStore(`${name} round ${round}`);
			}
		}

		try {
			await Promise.all([lane('a'), lane('b')]);
			expect(rounds).toBe(50);
			expect(acknowledged.size).toBeGreaterThan(50);
			checkStore('the last round');
			expect(openDecisionLog({env: home.env}).readOnlyReason).toBeNull();
		} finally {
			for (const writer of live) writer.child.kill('SIGKILL');
			await Promise.all([...live].map(writer => writer.exited));
			home.remove();
		}
	}, 120_000);
});
