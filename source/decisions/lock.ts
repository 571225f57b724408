// Serialises writers of the decision log across processes. proper-lockfile holds
// the lock (an atomic mkdir next to the store, kept fresh while held, taken over
// once its mtime is older than the stale period). On top of that, a waiter on the
// same host recovers at once from a holder that was killed (SIGKILL, OOM) instead
// of waiting out the stale period:
//
// Every attempt to take the lock first creates an intent file whose name carries
// the host and pid, and removes it only after a failed attempt or after releasing
// the lock. So while the lock directory exists, its holder's intent file exists.
// If the lock directory exists and every intent file belongs to a process of this
// host that is gone, the holder is gone too: the lock can be removed. Recoverers
// take turns under a second lock, so none acts on what it saw before another one
// cleared the lock and a live writer took it.
import {closeSync, mkdirSync, openSync, readdirSync, rmdirSync, statSync, unlinkSync} from 'node:fs';
import {randomUUID} from 'node:crypto';
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

export type WriterLock = {
	/** Runs `critical` while holding the lock. It is synchronous on purpose: no await can let the lock go stale mid-write. */
	run<T>(critical: () => T): Promise<T>;
	readonly lockPath: string;
};

type Intent = {file: string; host: string; pid: number};

export function writerLock(directory: string, name: string, options: WriterLockOptions = {}): WriterLock {
	const staleMs = options.staleMs ?? 10_000;
	const timeoutMs = options.timeoutMs ?? 30_000;
	const target = join(directory, `${name}.lock-target`);
	const lockPath = `${target}.lock`;
	const recoveryTarget = join(directory, `${name}.lock-recovery`);
	const intentPrefix = `${name}.lock-intent~`;
	const host = hostname().replace(/[~/\\]/g, '_');

	function intents(): Intent[] {
		return readdirSync(directory)
			.filter(file => file.startsWith(intentPrefix))
			.map(file => {
				const [intentHost = '', pid = ''] = file.slice(intentPrefix.length).split('~');
				return {file: join(directory, file), host: intentHost, pid: Number(pid)};
			});
	}

	/** Intents that may belong to a live process: any on another host, or a live pid on this one. */
	const possiblyLive = (intent: Intent) => intent.host !== host || !Number.isInteger(intent.pid) || isAlive(intent.pid);

	/** Removes a lock whose holder no longer exists. True when the lock is gone and worth retrying at once. */
	async function recoverFromDeadHolder(): Promise<boolean> {
		if (!exists(lockPath)) return true;
		if (intents().some(possiblyLive)) return false;
		let releaseRecovery: () => Promise<void>;
		try {
			releaseRecovery = await lockfile.lock(recoveryTarget, {realpath: false, stale: 2000, retries: 0, onCompromised() {}});
		} catch {
			return false;
		}
		try {
			// Look again under the recovery lock: another recoverer may have cleared the lock and a writer taken it since.
			if (!exists(lockPath)) return true;
			const seen = intents();
			if (seen.some(possiblyLive)) return false;
			rmdirSync(lockPath);
			for (const intent of seen) unlinkQuietly(intent.file);
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
			// A fresh name per attempt: two handles in one process must not remove each other's intent.
			const intent = join(directory, `${intentPrefix}${host}~${process.pid}~${randomUUID().slice(0, 8)}`);
			closeSync(openSync(intent, 'wx'));
			try {
				const release = await lockfile.lock(target, {
					realpath: false,
					stale: staleMs,
					retries: 0,
					// The critical section is synchronous and far shorter than the stale period; nothing to abort.
					onCompromised() {},
				});
				return async () => {
					await release().catch(() => {});
					unlinkQuietly(intent);
				};
			} catch (error) {
				unlinkQuietly(intent);
				if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw error;
			}
			if (await recoverFromDeadHolder()) continue;
			if (Date.now() > deadline) {
				throw new OperationError(
					`the decision log is locked by another process; if no vendor-risk process is running, delete ${lockPath} and retry`,
				);
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

function exists(path: string): boolean {
	return statSync(path, {throwIfNoEntry: false}) !== undefined;
}

function unlinkQuietly(path: string): void {
	try {
		unlinkSync(path);
	} catch {
		// Already gone: a recoverer cleans up after dead processes.
	}
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
