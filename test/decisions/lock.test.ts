import {spawn} from 'node:child_process';
import {closeSync, existsSync, mkdirSync, openSync, readdirSync, statSync, utimesSync} from 'node:fs';
import {hostname} from 'node:os';
import {join} from 'node:path';
import {afterEach, beforeEach, describe, expect, test} from 'vitest';
import {openDecisionLog} from '../../source/decisions/index.js';
import {processStart} from '../../source/locks/index.js';
import {decisionDraft, tempHome, type TempHome} from './helpers.js';

let home: TempHome;
beforeEach(() => {
	home = tempHome();
});
afterEach(() => home.remove());

const data = () => join(home.home, 'data');
const lockDirectory = () => join(data(), 'decisions.lock-target.lock');

/** Leaves the writer lock as a process with this pid would when killed holding it (`started`: its start time, as this version records it). */
function leaveLockOf(pid: number, host = hostname(), started?: string): void {
	mkdirSync(lockDirectory(), {recursive: true});
	const name = started === undefined ? `${host}~${pid}~deadbeef` : `${host}~${pid}~${started}~deadbeef`;
	closeSync(openSync(join(data(), `decisions.lock-intent~${name}`), 'w'));
}

async function deadPid(): Promise<number> {
	const child = spawn(process.execPath, ['-e', '0']);
	await new Promise(resolve => child.on('exit', resolve));
	return child.pid!;
}

describe('the writer lock', () => {
	test('a lock left by a process that no longer exists is taken over at once, not after the stale period', async () => {
		leaveLockOf(await deadPid());
		// A minute-long stale period: only the dead-holder check can let this append through in time.
		const log = openDecisionLog({env: home.env, lock: {staleMs: 60_000, timeoutMs: 5_000}});
		await expect(log.append(decisionDraft())).resolves.toMatchObject({seq: 1});
		expect(existsSync(lockDirectory())).toBe(false);
		expect(readdirSync(data()).filter(name => name.includes('lock-intent'))).toEqual([]);
	});

	test('a lock held by a live process is respected until the wait times out, with a message saying what to do', async () => {
		leaveLockOf(process.pid);
		const log = openDecisionLog({env: home.env, lock: {staleMs: 60_000, timeoutMs: 300}});
		await expect(log.append(decisionDraft())).rejects.toThrow(
			`the decision log is locked by another process; if no vendor-risk process is running, delete ${lockDirectory()} and retry`,
		);
		expect(existsSync(lockDirectory())).toBe(true);
		expect(log.entries()).toEqual([]);
	});

	test('a lock left by a killed process whose pid a newer process now has is taken over at once (pids wrap)', async () => {
		const ownStart = processStart(process.pid);
		expect(ownStart).not.toBeNull();
		// This process's pid, but a start time before it: the holder died and the pid was given again.
		leaveLockOf(process.pid, hostname(), String(Number(ownStart) - 1));
		const log = openDecisionLog({env: home.env, lock: {staleMs: 60_000, timeoutMs: 5_000}});
		await expect(log.append(decisionDraft())).resolves.toMatchObject({seq: 1});
		expect(existsSync(lockDirectory())).toBe(false);
	});

	test('a lock whose holder has the pid and the start time it recorded is respected', async () => {
		leaveLockOf(process.pid, hostname(), processStart(process.pid)!);
		const log = openDecisionLog({env: home.env, lock: {staleMs: 60_000, timeoutMs: 300}});
		await expect(log.append(decisionDraft())).rejects.toThrow(/locked by another process/);
		expect(existsSync(lockDirectory())).toBe(true);
	});

	test('a lock held by a live process on this host is never taken over, however old its mtime looks (a skewed clock)', async () => {
		leaveLockOf(process.pid);
		const yearsAgo = new Date('2001-01-01T00:00:00Z');
		utimesSync(lockDirectory(), yearsAgo, yearsAgo);
		const log = openDecisionLog({env: home.env, lock: {staleMs: 2_000, timeoutMs: 300}});
		await expect(log.append(decisionDraft())).rejects.toThrow(/locked by another process/);
		expect(existsSync(lockDirectory())).toBe(true);
	});

	test('a lock whose holder cannot be checked (another host) is taken over once its mtime is older than the stale period', async () => {
		leaveLockOf(1, 'another-host');
		const log = openDecisionLog({env: home.env, lock: {staleMs: 2_000, timeoutMs: 300}});
		// Fresh: the holder may be alive over there, so wait, and give up.
		await expect(log.append(decisionDraft())).rejects.toThrow(/locked by another process/);
		// Not refreshed for an hour by the filesystem's clock (which is what both sides read): taken over.
		const probe = join(data(), 'clock-probe');
		closeSync(openSync(probe, 'w'));
		const anHourAgo = new Date(statSync(probe).mtimeMs - 3_600_000);
		utimesSync(lockDirectory(), anHourAgo, anHourAgo);
		await expect(log.append(decisionDraft())).resolves.toMatchObject({seq: 1});
	});

	test('appends from two handles in one process are serialised too', async () => {
		const first = openDecisionLog({env: home.env});
		const second = openDecisionLog({env: home.env});
		const written = await Promise.all(
			Array.from({length: 20}, (_, index) => (index % 2 ? first : second).append(decisionDraft({vendorId: `v${index}`}))),
		);
		expect(written.map(entry => entry.seq).sort((a, b) => a - b)).toEqual(Array.from({length: 20}, (_, index) => index + 1));
		expect(first.entries()).toHaveLength(20);
	});
});
