// Cross-process locks on files the app owns (the decision log, a source's cache).
// proper-lockfile holds the lock: an atomic mkdir next to the target. Whether a
// lock left behind may be taken over is decided here, not by comparing the lock's
// mtime with this process's clock (proper-lockfile's own test): a clock that is off
// (a skewed machine, a network filesystem, faketime) made a live holder's lock look
// years old, and two writers went in at once.
//
// - A holder on this host is identified by its intent file (host, pid and, where
//   the system tells it, the process's start time in the name; created before every
//   attempt and removed after a failed attempt or a release). While the lock exists,
//   its holder's intent exists. If every intent belongs to a process of this host
//   that is gone, the holder is gone: the lock is removed at once, without waiting
//   for a stale period. The start time tells a reused pid from the holder (pids wrap
//   at 32,768 on many Linux machines): a killed holder's pid taken by a new
//   long-lived process would otherwise hold the lock for as long as that one runs.
// - A holder on another host cannot be checked; its lock is taken over once it is
//   older than the stale period by the filesystem's own clock (the mtime of a
//   file written just now), so both sides read one clock.
// Recoverers take turns under a second lock, so none acts on what it saw before
// another cleared the lock and a live writer took it.
import {randomUUID} from 'node:crypto';
import {closeSync, mkdirSync, openSync, readdirSync, readFileSync, rmdirSync, statSync, unlinkSync} from 'node:fs';
import {hostname} from 'node:os';
import {join} from 'node:path';
import {setTimeout as delay} from 'node:timers/promises';
import lockfile from 'proper-lockfile';

export type FileLockOptions = {
	/** A lock held from another host is taken over once older than this, by the filesystem's clock. */
	staleMs?: number;
	/** How long to wait for a busy lock; 0 tries once (after recovering a dead holder's lock). */
	waitMs?: number;
};

export type FileLock = {
	/** Takes the lock, or throws LockBusyError once the wait is over. Returns its release. */
	acquire(): Promise<() => Promise<void>>;
	/** The lock directory: what a user deletes when told to. */
	readonly lockPath: string;
};

export class LockBusyError extends Error {
	constructor(readonly lockPath: string) {
		super(`${lockPath} is held by another process`);
	}
}

// proper-lockfile's own staleness never fires (a century), and it refreshes the lock's
// mtime while held, which is what other hosts judge it by.
const neverStaleMs = 100 * 365 * 24 * 3_600_000;
const refreshMs = 5_000;

/** `started`: the holder's start time as processStart gave it, null when unknown (another system, an older version). */
type Intent = {file: string; host: string; pid: number; started: string | null};

/** A lock named `name` in `directory` (created if missing). */
export function fileLock(directory: string, name: string, options: FileLockOptions = {}): FileLock {
	const staleMs = options.staleMs ?? 10_000;
	const waitMs = options.waitMs ?? 30_000;
	const target = join(directory, `${name}.lock-target`);
	const lockPath = `${target}.lock`;
	const recoveryTarget = join(directory, `${name}.lock-recovery`);
	const intentPrefix = `${name}.lock-intent~`;
	const host = hostname().replace(/[~/\\]/g, '_');

	function intents(): Intent[] {
		return readdirSync(directory)
			.filter(file => file.startsWith(intentPrefix))
			.map(file => {
				const parts = file.slice(intentPrefix.length).split('~');
				// host~pid~start~nonce; an older version wrote host~pid~nonce.
				const started = parts.length >= 4 && parts[2] !== unknownStart ? parts[2]! : null;
				return {file: join(directory, file), host: parts[0] ?? '', pid: Number(parts[1] ?? ''), started};
			});
	}

	const onThisHost = (intent: Intent) => intent.host === host && Number.isInteger(intent.pid);
	/** Intents that may belong to a live process on this host. */
	const liveHere = (intent: Intent) =>
		onThisHost(intent) && isAlive(intent.pid) && (intent.started === null || processStart(intent.pid) === intent.started);

	/** True when the lock may be removed: no live holder here, and any holder elsewhere is stale by the filesystem's clock. */
	function abandoned(seen: Intent[]): boolean {
		if (seen.some(liveHere)) return false;
		if (seen.every(onThisHost)) return true;
		const lockMtime = statSync(lockPath, {throwIfNoEntry: false})?.mtimeMs;
		return lockMtime !== undefined && filesystemNow(directory) - lockMtime > staleMs;
	}

	/** Removes a lock whose holder is gone. True when the lock is gone and worth retrying at once. */
	async function recoverAbandoned(): Promise<boolean> {
		if (!exists(lockPath)) return true;
		if (!abandoned(intents())) return false;
		let releaseRecovery: () => Promise<void>;
		try {
			releaseRecovery = await lockfile.lock(recoveryTarget, {
				realpath: false,
				stale: neverStaleMs,
				update: refreshMs,
				retries: 0,
				onCompromised() {},
			});
		} catch {
			// Another recoverer is at work, or died at work: clear its lock only if its process is gone.
			return false;
		}
		try {
			// Look again under the recovery lock: another recoverer may have cleared the lock and a writer taken it since.
			if (!exists(lockPath)) return true;
			const seen = intents();
			if (!abandoned(seen)) return false;
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
		mkdirSync(directory, {recursive: true, mode: 0o700});
		closeSync(openSync(target, 'a', 0o600));
		const deadline = performance.now() + waitMs;
		let wait = 2;
		for (;;) {
			// A fresh name per attempt: two handles in one process must not remove each other's intent.
			const intent = join(directory, `${intentPrefix}${host}~${process.pid}~${ownStart()}~${randomUUID().slice(0, 8)}`);
			closeSync(openSync(intent, 'wx', 0o600));
			try {
				const release = await lockfile.lock(target, {
					realpath: false,
					stale: neverStaleMs,
					update: refreshMs,
					retries: 0,
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
			if (await recoverAbandoned()) continue;
			if (performance.now() >= deadline) throw new LockBusyError(lockPath);
			// Exponential backoff with jitter so two waiters do not retry in lock step.
			await delay(wait * (0.5 + Math.random()));
			wait = Math.min(wait * 1.7, 100);
		}
	}

	return {lockPath, acquire};
}

/** The filesystem's clock: the mtime of a file written now in `directory`. */
function filesystemNow(directory: string): number {
	const probe = join(directory, `.clock-${process.pid}-${randomUUID().slice(0, 8)}`);
	closeSync(openSync(probe, 'w', 0o600));
	try {
		return statSync(probe).mtimeMs;
	} finally {
		unlinkQuietly(probe);
	}
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

const unknownStart = 'x';

/**
 * When process `pid` started, as Linux counts it (clock ticks since boot, field 22 of
 * /proc/<pid>/stat), or null where the system does not say.
 */
export function processStart(pid: number): string | null {
	try {
		const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
		// The command name (field 2) is in parentheses and may hold spaces or parentheses itself.
		return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
	} catch {
		return null;
	}
}

/** This process's start time for its intent files, read on the first lock taken, not when the module loads. */
let ownStartRead: string | undefined;
const ownStart = (): string => (ownStartRead ??= processStart(process.pid) ?? unknownStart);

/** The process `pid` runs on this host (as this user or another). */
export function isAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		// EPERM: it exists but belongs to someone else.
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}
