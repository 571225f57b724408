// A snapshot's entries written down as a list streams by: each entity is made canonical,
// hashed and written as its snapshot line once, in the order it comes, to a file beside
// the snapshots. Only each entry's id, content hash and place in that file stay in memory
// (a few dozen bytes), so a fetch of a million entries never reads them back to snapshot them.
import {closeSync, mkdirSync, openSync, readdirSync, readSync, rmSync, writeSync} from 'node:fs';
import {join} from 'node:path';
import {isAlive} from '../locks/index.js';
import type {ScreeningEntity} from '../records/index.js';
import {canonicalEntity, canonicalHash, compactFields, type EntryRecord} from './entry.js';

export type SnapshotSpool = {
	/** Entries added so far. */
	readonly count: number;
	/** Never throws: a spool that cannot be written says why in `failure`, and a fetch goes on. */
	add(entity: ScreeningEntity): void;
	/** Why the spool could not be kept (an error code or message), or null. */
	readonly failure: string | null;
	/** The entries as written, for the snapshot store; the spool is closed for adding. */
	read(): SpooledEntries;
	/** Removes the spool's file; safe to call more than once. */
	discard(): void;
};

/** Spooled entries in the order they were added. */
export type SpooledEntries = {
	count: number;
	idAt(index: number): string;
	/** The content hash, as raw bytes (32) copied into `into` at `offset`. */
	copyHash(index: number, into: Buffer, offset: number): void;
	/** Reads entries' lines (without line ends) from the spool; contiguous indexes come from one read. */
	lines(): SpoolLines;
};

export type SpoolLines = {
	/** Bytes the lines of entries first..last take, line ends included (the entries follow each other in the spool). */
	runLength(first: number, last: number): number;
	/** Those bytes, read into `into` at `offset` in one go: a run of entries in spool order is a run of lines. */
	readRun(first: number, last: number, into: Buffer, offset: number): void;
	/** An entry's line as a record (for lists whose ids repeat, which need every record at once). */
	record(index: number): EntryRecord;
	close(): void;
};

const spoolSuffix = '.spool';

/** A spool in `folder` (made when the first entry comes, so a fetch that brings none leaves nothing). */
export function snapshotSpool(folder: string): SnapshotSpool {
	const path = join(folder, `.incoming-${process.pid}${spoolSuffix}`);
	let descriptor: number | undefined;
	let failure: string | null = null;
	let closed = false;
	let ids: string[] = [];
	let hashes = Buffer.alloc(32 * 1024);
	let starts = new Float64Array(1024);
	let lengths = new Uint32Array(1024);
	let count = 0;
	// Lines gather here and go to the file about a mebibyte a write.
	let batch = Buffer.allocUnsafe(1 << 20);
	let used = 0;
	let written = 0;

	const flush = () => {
		if (used > 0) writeSync(descriptor!, batch, 0, used);
		written += used;
		used = 0;
	};
	const fail = (error: unknown) => {
		failure = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
		ids = [];
		count = 0;
		discard();
	};
	let made = false;
	const discard = () => {
		closed = true;
		if (descriptor !== undefined) closeSync(descriptor);
		descriptor = undefined;
		if (made) rmSync(path, {force: true});
		made = false;
	};
	const add = (entity: ScreeningEntity) => {
		if (descriptor === undefined) {
			mkdirSync(folder, {recursive: true, mode: 0o700});
			removeLeftovers(folder);
			descriptor = openSync(path, 'w', 0o600);
			made = true;
		}
		const canonical = canonicalEntity(entity);
		const hash = canonicalHash(canonical);
		const id = String(entity.id);
		const record: EntryRecord = {id, hash, fields: compactFields(canonical)};
		const line = `${JSON.stringify(record)}\n`;
		// A UTF-16 unit is at most 3 bytes of UTF-8, so a line that fits this way fits for sure.
		if (used + line.length * 3 > batch.length) {
			flush();
			if (line.length * 3 > batch.length) batch = Buffer.allocUnsafe(line.length * 3);
		}
		const length = batch.write(line, used);
		if (count === starts.length) {
			starts = grown(starts, new Float64Array(count * 2));
			lengths = grown(lengths, new Uint32Array(count * 2));
			hashes = Buffer.concat([hashes, Buffer.alloc(hashes.length)]);
		}
		starts[count] = written + used;
		lengths[count] = length - 1;
		hashes.write(hash, count * 32, 'hex');
		ids.push(id);
		count++;
		used += length;
	};

	return {
		get count() {
			return count;
		},
		get failure() {
			return failure;
		},
		add(entity) {
			if (closed) return;
			try {
				add(entity);
			} catch (error) {
				fail(error);
			}
		},
		read() {
			if (failure !== null) throw new Error(failure);
			if (descriptor !== undefined) {
				flush();
				closeSync(descriptor);
				descriptor = undefined;
			}
			closed = true;
			return {
				count,
				idAt: index => ids[index]!,
				copyHash: (index, into, offset) => hashes.copy(into, offset, index * 32, index * 32 + 32),
				lines: () => spoolLines(path, starts, lengths),
			};
		},
		discard,
	};
}

function spoolLines(path: string, starts: Float64Array, lengths: Uint32Array): SpoolLines {
	let descriptor: number | undefined;
	const readAt = (into: Buffer, offset: number, length: number, start: number) => {
		descriptor ??= openSync(path, 'r');
		for (let done = 0; done < length;) {
			const bytesRead = readSync(descriptor, into, offset + done, length - done, start + done);
			if (bytesRead === 0) throw new Error(`${path}: cut short`);
			done += bytesRead;
		}
	};
	const runLength = (first: number, last: number) => starts[last]! + lengths[last]! + 1 - starts[first]!;
	return {
		runLength,
		readRun(first, last, into, offset) {
			readAt(into, offset, runLength(first, last), starts[first]!);
		},
		record(index) {
			const line = Buffer.allocUnsafe(lengths[index]!);
			readAt(line, 0, line.length, starts[index]!);
			return JSON.parse(line.toString('utf8')) as EntryRecord;
		},
		close() {
			if (descriptor !== undefined) closeSync(descriptor);
			descriptor = undefined;
		},
	};
}

/** Spools of processes that ended without removing theirs (a crash, a kill): nothing else will. */
function removeLeftovers(folder: string): void {
	for (const name of readdirSync(folder)) {
		const pid = /^\.incoming-(\d+)\.spool$/.exec(name)?.[1];
		if (pid !== undefined && Number(pid) !== process.pid && !isAlive(Number(pid))) rmSync(join(folder, name), {force: true});
	}
}

function grown<Numbers extends Float64Array | Uint32Array>(from: Numbers, to: Numbers): Numbers {
	to.set(from);
	return to;
}
