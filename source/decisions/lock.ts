// Serialises writers of the decision log across processes, on the app's one file
// lock (locks/): a dead holder's lock is recovered at once, a live one is waited for.
import {OperationError} from '../errors/index.js';
import {fileLock, LockBusyError} from '../locks/index.js';

export type WriterLockOptions = {
	/** A lock held from another host is taken over once older than this (by the filesystem's clock). */
	staleMs?: number;
	/** Give up waiting after this long. */
	timeoutMs?: number;
};

export type WriterLock = {
	/** Runs `critical` while holding the lock. It is synchronous on purpose: no await can interleave with another writer. */
	run<T>(critical: () => T): Promise<T>;
	readonly lockPath: string;
};

export function writerLock(directory: string, name: string, options: WriterLockOptions = {}): WriterLock {
	const lock = fileLock(directory, name, {staleMs: options.staleMs ?? 10_000, waitMs: options.timeoutMs ?? 30_000});
	return {
		lockPath: lock.lockPath,
		async run<T>(critical: () => T): Promise<T> {
			let release: () => Promise<void>;
			try {
				release = await lock.acquire();
			} catch (error) {
				if (!(error instanceof LockBusyError)) throw error;
				throw new OperationError(
					`the decision log is locked by another process; if no vendor-risk process is running, delete ${lock.lockPath} and retry`,
				);
			}
			try {
				return critical();
			} finally {
				await release();
			}
		},
	};
}
