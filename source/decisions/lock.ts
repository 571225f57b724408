// Serialises writers of the decision log across processes. proper-lockfile holds
// the lock (an atomic mkdir next to the store, kept fresh while held, taken over
// when its mtime goes stale). On top of that, the holder records its pid so a
// waiter on the same host can recover at once from a holder that was killed
// (SIGKILL, OOM) instead of waiting out the stale period.
import {closeSync, mkdirSync, openSync, readFileSync, rmdirSync, statSync, unlinkSync, writeFileSync} from 'node:fs';
import {hostname} from 'node:os';
import {join} from 'node:path';
import {setTimeout as delay} from 'node:timers/promises';
import lockfile from 'proper-lockfile';
import {OperationError} from '../errors/index.js';

export type WriterLockOptions = {
	/** A lock whose mtime is older than this is taken over (proper-lockfile's minimum is 2,000 ms). */
	staleMs?: number;
	/** Give up waiting after this long. */
	timeoutMs?: number;
};

type Owner = {pid: number; host: string; since: string; lockIno: number; lockBirthtimeMs: number};

export type WriterLock = {
	/** Runs `critical` while holding the lock. It is synchronous on purpose: no await can let the lock go stale mid-write. */
	run<T>(critical: () => T): Promise<T>;
	readonly lockPath: string;
};

export function writerLock(directory: string, name: string, options: WriterLockOptions = {}): WriterLock {
	const staleMs = options.staleMs ?? 10_000;
	const timeoutMs = options.timeoutMs ?? 30_000;
	const target = join(directory, `${name}.lock-target`);
	const lockPath = `${target}.lock`;
	const ownerPath = join(directory, `${name}.lock-owner.json`);
	const recoveryTarget = join(directory, `${name}.lock-recovery`);

	function readOwner(): Owner | null {
		try {
			const owner = JSON.parse(readFileSync(ownerPath, 'utf8')) as Owner;
			return typeof owner.pid === 'number' && typeof owner.host === 'string' ? owner : null;
		} catch {
			// Missing or half-written: nothing to go on, so leave it to the mtime staleness check.
			return null;
		}
	}

	function ownerIsDead(owner: Owner | null): owner is Owner {
		return owner !== null && owner.host === hostname() && owner.pid !== process.pid && !isAlive(owner.pid);
	}

	/** Removes the lock of a holder that no longer exists. True when the lock is gone and worth retrying at once. */
	async function recoverFromDeadOwner(): Promise<boolean> {
		if (!ownerIsDead(readOwner())) return false;
		// Recoverers take turns, so two of them cannot both see the dead owner and the second remove the first's fresh lock.
		let releaseRecovery: () => Promise<void>;
		try {
			releaseRecovery = await lockfile.lock(recoveryTarget, {realpath: false, stale: 2000, retries: 0, onCompromised() {}});
		} catch {
			return false;
		}
		try {
			// Re-check under the recovery lock: the owner file only exists while its writer holds the lock.
			const owner = readOwner();
			if (!ownerIsDead(owner)) return false;
			let lock;
			try {
				lock = statSync(lockPath);
			} catch {
				return true;
			}
			// The owner record must describe this very lock directory, not one taken since by the stale path.
			if (lock.ino !== owner.lockIno || (owner.lockBirthtimeMs > 0 && lock.birthtimeMs !== owner.lockBirthtimeMs)) return false;
			unlinkSync(ownerPath);
			rmdirSync(lockPath);
			return true;
		} catch {
			return false;
		} finally {
			await releaseRecovery().catch(() => {});
		}
	}

	async function acquire(): Promise<() => Promise<void>> {
		mkdirSync(directory, {recursive: true});
		closeSync(openSync(target, 'a'));
		const deadline = Date.now() + timeoutMs;
		let wait = 2;
		for (;;) {
			try {
				const release = await lockfile.lock(target, {
					realpath: false,
					stale: staleMs,
					retries: 0,
					// The critical section is synchronous and far shorter than the stale period; nothing to abort.
					onCompromised() {},
				});
				const lock = statSync(lockPath);
				const owner: Owner = {pid: process.pid, host: hostname(), since: new Date().toISOString(), lockIno: lock.ino, lockBirthtimeMs: lock.birthtimeMs};
				writeFileSync(ownerPath, JSON.stringify(owner));
				return async () => {
					// The owner record goes first: a record without its lock would point recoverers at someone else's lock.
					try {
						unlinkSync(ownerPath);
					} catch {}
					await release().catch(() => {});
				};
			} catch (error) {
				if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw error;
			}
			if (await recoverFromDeadOwner()) continue;
			if (Date.now() > deadline) {
				const owner = readOwner();
				const holder = owner ? `process ${owner.pid} on ${owner.host} since ${owner.since}` : 'another process';
				throw new OperationError(`the decision log is locked by ${holder}; if no vendor-risk process is running, delete ${lockPath} and retry`);
			}
			// Exponential backoff with jitter so two waiters do not retry in lock step.
			await delay(wait * (0.5 + Math.random()));
			wait = Math.min(wait * 1.7, 100);
		}
	}

	return {
		lockPath,
		async run<T>(critical: () => T): Promise<T> {
			const release = await acquire();
			try {
				return critical();
			} finally {
				await release();
			}
		},
	};
}

function isAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		// EPERM: it exists but belongs to someone else.
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}
