// The one reader for local inputs (records documents, inventories, pairs files, list
// files given by path): a regular file or a one-line refusal naming what it is instead
// (a directory, a named pipe, a device), never more than the size cap, read
// asynchronously so the process answers Ctrl-C and SIGTERM while it reads.
// `--records /dev/zero` is refused by name before one byte is read; a FIFO is opened
// without blocking and refused the same way.
import {constants, type Stats} from 'node:fs';
import {open, type FileHandle} from 'node:fs/promises';
import {UserInputError} from '../errors/index.js';
import {formatBytes} from '../text/index.js';

export type InputLimits = {
	/** Largest input accepted, in bytes (settings.maxInputBytes). */
	maxBytes: number;
	/** What the file should be, for messages: "records file", "inventory file". */
	what: string;
};

export type OpenedInput = {handle: FileHandle; size: number};

const chunkBytes = 1024 * 1024;

/** What a path is when it is not a regular file; null for a regular file. */
export function nonFileKind(stats: Stats): string | null {
	if (stats.isFile()) return null;
	if (stats.isDirectory()) return 'a directory';
	if (stats.isFIFO()) return 'a named pipe (FIFO)';
	if (stats.isCharacterDevice()) return 'a character device';
	if (stats.isBlockDevice()) return 'a block device';
	if (stats.isSocket()) return 'a socket';
	return 'a special file';
}

function openProblem(error: unknown): string {
	const code = (error as NodeJS.ErrnoException).code;
	if (code === 'ENOENT') return 'no such file; check the path';
	if (code === 'EACCES' || code === 'EPERM') return `cannot read it (permission denied, ${code}); check its permissions`;
	if (code === 'ENOTDIR') return 'no such file (a folder on the way is a file); check the path';
	return `cannot read it (${code ?? (error as Error).message}); check the path`;
}

/** The refusal for an input over the cap; `size` null when it was found out by reading (no size known up front). */
export function tooLarge(path: string, size: number | null, limits: InputLimits): UserInputError {
	const how = size === null ? 'holds more than' : `is ${formatBytes(size)}, over`;
	return new UserInputError(
		`${path}: the ${limits.what} ${how} the ${formatBytes(limits.maxBytes)} limit for local inputs; if that is expected, raise it with vendor-risk config set maxInputBytes BYTES`,
	);
}

/**
 * Opens `path` for reading, or throws a UserInputError (exit 2) naming what is wrong: missing,
 * unreadable, not a regular file, or over the cap. The caller closes the handle.
 */
export async function openLocalInput(path: string, limits: InputLimits): Promise<OpenedInput> {
	let handle: FileHandle;
	try {
		// O_NONBLOCK: opening a FIFO with no writer would otherwise wait forever. It changes nothing for a regular file.
		handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
	} catch (error) {
		throw new UserInputError(`${path}: ${openProblem(error)}`);
	}
	try {
		const stats = await handle.stat();
		const kind = nonFileKind(stats);
		if (kind) throw new UserInputError(`${path}: is ${kind}, not a regular file; give the ${limits.what} itself`);
		if (stats.size > limits.maxBytes) throw tooLarge(path, stats.size, limits);
		return {handle, size: stats.size};
	} catch (error) {
		await handle.close();
		throw error;
	}
}

/** Checks that `path` is a readable regular file within the cap, for readers that stream it themselves. */
export async function checkLocalInput(path: string, limits: InputLimits): Promise<number> {
	const {handle, size} = await openLocalInput(path, limits);
	await handle.close();
	return size;
}

/**
 * The whole file, read a chunk at a time (each read yields to the event loop). A file that
 * grows past the cap while it is read (or reports no size, as /proc files do) is cut off there.
 */
export async function readLocalInput(path: string, limits: InputLimits): Promise<Buffer> {
	const {handle} = await openLocalInput(path, limits);
	try {
		const chunks: Buffer[] = [];
		let total = 0;
		for (;;) {
			const buffer = Buffer.allocUnsafe(Math.max(1, Math.min(chunkBytes, limits.maxBytes - total + 1)));
			const {bytesRead} = await handle.read(buffer, 0, buffer.length, null);
			if (bytesRead === 0) break;
			total += bytesRead;
			if (total > limits.maxBytes) throw tooLarge(path, null, limits);
			chunks.push(buffer.subarray(0, bytesRead));
		}
		return Buffer.concat(chunks, total);
	} finally {
		await handle.close();
	}
}
