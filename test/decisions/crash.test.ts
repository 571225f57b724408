// Real processes against real files: a writer killed with SIGKILL mid-append, again and again.
// (Its own file, so vitest runs it beside the concurrent-writers test.)
import {existsSync, mkdtempSync, readdirSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {openDecisionLog, verifyChain} from '../../source/decisions/index.js';
import {buildWriter, spawnWriter, tempHome} from './helpers.js';

let buildDirectory: string;
let writerScript: string;

beforeAll(async () => {
	buildDirectory = mkdtempSync(join(tmpdir(), 'vendor-risk-writer-'));
	writerScript = await buildWriter(buildDirectory);
});
afterAll(() => rmSync(buildDirectory, {recursive: true, force: true}));

describe('a writer killed mid-append', () => {
	test('a writer killed with SIGKILL at random moments, 50 times, never loses an acknowledged decision or breaks the store', async () => {
		const home = tempHome();
		const acknowledged = new Set<string>();
		const data = join(home.home, 'data');
		// How often the kill left the writer lock behind: the next writer must recover it, not hang.
		let locksLeftBehind = 0;
		try {
			for (let round = 0; round < 50; round++) {
				// Kill on the k-th line the child prints (0 = as soon as the log is open): the moment within
				// the append loop is whatever the child is doing when the signal lands.
				const acksBeforeKill = Math.floor(Math.random() * 6);
				// A low stale period is only the fallback; the dead-owner check should make waiting unnecessary.
				const writer = spawnWriter(writerScript, home.home, 1_000_000, `round${round}`, 2000);
				await writer.until(current => current.ready && current.acks.length >= acksBeforeKill);
				writer.child.kill('SIGKILL');
				const exit = await writer.exited;
				expect(exit.signal).toBe('SIGKILL');
				for (const id of writer.acks) acknowledged.add(id);
				if (existsSync(join(data, 'decisions.lock-target.lock'))) locksLeftBehind++;

				for (const name of readdirSync(data).filter(file => /^decisions-\d{5}\.json$/.test(file))) {
					expect(() => JSON.parse(readFileSync(join(data, name), 'utf8')), `${name} after round ${round}`).not.toThrow();
				}
				const log = openDecisionLog({env: home.env});
				expect(log.readOnlyReason).toBeNull();
				const entries = log.entries();
				const stored = new Set(entries.map(entry => entry.id));
				expect([...acknowledged].filter(id => !stored.has(id)), `round ${round}`).toEqual([]);
				expect(verifyChain(entries)).toMatchObject({ok: true});
			}
			expect(acknowledged.size).toBeGreaterThan(50);
			expect(locksLeftBehind).toBeGreaterThan(0);
		} finally {
			home.remove();
		}
	}, 120_000);
});
