// The head anchor: the newest entry's seq and hash, kept in a file of its own
// beside the shards and rewritten (fsynced, then renamed, then the folder
// fsynced) after every append. The entries alone cannot show that their newest
// ones were deleted; against the anchor, a log that ends early is a broken log.
// It is written after the shard (whose content conf has fsynced), so a crash
// leaves the anchor one append behind (harmless: the entries go past it), never
// ahead of them. After a power cut the same holds on journalling filesystems,
// which commit the shard's rename before the anchor's; a folder fsync in between
// would make it hold everywhere, at the price of a third fsync per decision.
import {randomUUID} from 'node:crypto';
import {closeSync, fsyncSync, openSync, readFileSync, renameSync, unlinkSync, writeSync} from 'node:fs';
import {join} from 'node:path';
import type {HeadAnchor} from './store-interface.js';

export const anchorFileName = 'decisions-head.json';

const sha256Pattern = /^[0-9a-f]{64}$/;
const timestampPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?Z$/;

export type AnchorRead = {anchor: HeadAnchor | null; problem: string | null};

/** The anchor in `directory`: none yet, a valid one, or a problem (it is never guessed or repaired). */
export function readAnchor(directory: string): AnchorRead {
	const path = join(directory, anchorFileName);
	let text: string;
	try {
		text = readFileSync(path, 'utf8');
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {anchor: null, problem: null};
		throw error;
	}
	let parsed: unknown;
	try {
		parsed = JSON.parse(text);
	} catch {
		return {anchor: null, problem: `the head anchor ${path} is not JSON`};
	}
	const candidate = parsed as Partial<Record<keyof HeadAnchor, unknown>> | null;
	if (
		!candidate ||
		typeof candidate !== 'object' ||
		!Number.isInteger(candidate.seq) ||
		(candidate.seq as number) < 1 ||
		typeof candidate.hash !== 'string' ||
		!sha256Pattern.test(candidate.hash) ||
		typeof candidate.createdAt !== 'string' ||
		!timestampPattern.test(candidate.createdAt)
	) {
		return {anchor: null, problem: `the head anchor ${path} does not have a seq, a hash and a createdAt`};
	}
	return {anchor: {seq: candidate.seq as number, hash: candidate.hash, createdAt: candidate.createdAt}, problem: null};
}

/**
 * Replaces the anchor durably: its content is fsynced before the rename, so a crash leaves
 * the old anchor or the new one, never a torn file. The folder is not fsynced: losing the
 * rename only leaves the anchor behind, which is harmless.
 */
export function writeAnchor(directory: string, anchor: HeadAnchor): void {
	writeFileDurably(join(directory, anchorFileName), `${JSON.stringify(anchor)}\n`, {syncFolder: false});
}

/** Write to a temporary file, fsync it, rename it over the target, and (unless told not to) fsync the folder. */
export function writeFileDurably(path: string, text: string, options: {syncFolder?: boolean} = {}): void {
	const temporary = `${path}.${randomUUID()}.tmp`;
	const descriptor = openSync(temporary, 'wx', 0o600);
	try {
		writeSync(descriptor, text);
		fsyncSync(descriptor);
	} finally {
		closeSync(descriptor);
	}
	try {
		renameSync(temporary, path);
	} catch (error) {
		unlinkSync(temporary);
		throw error;
	}
	if (options.syncFolder !== false) fsyncFolder(join(path, '..'));
}

function fsyncFolder(folder: string): void {
	const descriptor = openSync(folder, 'r');
	try {
		fsyncSync(descriptor);
	} finally {
		closeSync(descriptor);
	}
}
