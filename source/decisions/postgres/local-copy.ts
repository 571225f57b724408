// What a shared store keeps on this machine, in <data>/shared/<key>/:
// - mirror.jsonl: the shared log as this machine last verified it, one entry per
//   line. Reads come from here while the database cannot be reached, and opening a
//   large log reads it instead of fetching and re-verifying every row.
// - outbox.jsonl: entries made while the database could not be reached (or while
//   older ones wait), chained provisionally after the mirror; the only copy of
//   them until `vendor-risk log push`, so each is fsynced before it is acknowledged.
// - outbox-refused.jsonl: outbox entries a push could not send (a countersign
//   that someone else's came before), kept with the reason.
// - evidence/: files attached while offline, uploaded by the push.
// Several local processes (the TUI and a `decide`) share the folder under one lock.
import {closeSync, fsyncSync, mkdirSync, openSync, readFileSync, statSync, truncateSync, writeFileSync, writeSync} from 'node:fs';
import {join} from 'node:path';
import {writeFileDurably} from '../anchor.js';
import {fileEvidenceStore} from '../evidence.js';
import {writerLock, type WriterLock} from '../lock.js';
import {genesisHash, type LogEntry} from '../model.js';
import type {EvidenceStore} from '../store-interface.js';
import {sha256Hex} from '../../text/index.js';

export type OutboxRefusal = {entry: LogEntry; reason: string; at: string};

/** The folder for the store `display` names: one per database, so two shared stores never mix. */
export function localCopyFolder(data: string, display: string): string {
	return join(data, 'team-stores', sha256Hex(display).slice(0, 16));
}

export class LocalCopy {
	readonly folder: string;
	readonly evidence: EvidenceStore;
	readonly lock: WriterLock;
	/** Entries and bytes of the mirror's valid prefix as this process last read or wrote it. */
	#mirrorCount = 0;
	#mirrorBytes = 0;

	constructor(folder: string, display: string) {
		this.folder = folder;
		mkdirSync(folder, {recursive: true, mode: 0o700});
		// For whoever looks into the folder: which store it belongs to (the URL holds no credentials).
		const label = join(folder, 'store.txt');
		if (readText(label) !== `${display}\n`) writeFileSync(label, `${display}\n`, {mode: 0o600});
		this.evidence = fileEvidenceStore(join(folder, 'evidence'));
		this.lock = writerLock(folder, 'local-copy', {timeoutMs: 30_000});
	}

	get mirrorPath(): string {
		return join(this.folder, 'mirror.jsonl');
	}

	get outboxPath(): string {
		return join(this.folder, 'outbox.jsonl');
	}

	/**
	 * The mirror's longest valid prefix: whole lines whose seq and prevHash follow on. They were
	 * verified (hashes included) before they were written, so they are not hashed again here.
	 */
	readMirror(): LogEntry[] {
		const {entries, bytes} = parseChainLines(readText(this.mirrorPath) ?? '');
		this.#mirrorCount = entries.length;
		this.#mirrorBytes = bytes;
		return entries;
	}

	/** Adds `entries` (the whole verified shared log as this process has it) beyond what the mirror holds. */
	async extendMirror(entries: readonly LogEntry[]): Promise<void> {
		if (entries.length <= this.#mirrorCount && statSize(this.mirrorPath) === this.#mirrorBytes) return;
		await this.lock.run(() => {
			const size = statSize(this.mirrorPath);
			if (size !== this.#mirrorBytes) {
				// Another local process wrote it, or a crash left a torn line: take the file's valid prefix as it is now.
				const text = readText(this.mirrorPath) ?? '';
				const parsed = parseChainLines(text);
				const agrees = parsed.entries.length === 0 || entries[parsed.entries.length - 1]?.hash === parsed.entries.at(-1)!.hash;
				if (!agrees || parsed.entries.length > entries.length) {
					// Not a prefix of what this process verified: the mirror is only a copy, so it is rewritten whole.
					const whole = linesOf(entries);
					writeFileDurably(this.mirrorPath, whole, {syncFolder: false});
					this.#mirrorCount = entries.length;
					this.#mirrorBytes = Buffer.byteLength(whole);
					return;
				}
				if (parsed.bytes !== Buffer.byteLength(text)) truncateSync(this.mirrorPath, parsed.bytes);
				this.#mirrorCount = parsed.entries.length;
				this.#mirrorBytes = parsed.bytes;
			}
			const missing = entries.slice(this.#mirrorCount);
			if (missing.length === 0) return;
			// A cache: no fsync. A crash loses at most a torn tail, which the next read leaves out.
			const text = linesOf(missing);
			appendText(this.mirrorPath, text, false);
			this.#mirrorCount = entries.length;
			this.#mirrorBytes += Buffer.byteLength(text);
		});
	}

	/** The outbox as stored: each entry as it was first sealed (its hash is its origin hash when pushed). */
	readOutbox(): LogEntry[] {
		return parseLines(readText(this.outboxPath) ?? '');
	}

	/** Appends what `build` makes of the outbox as it stands under the lock, fsynced before returning. */
	async addToOutbox(build: (outbox: readonly LogEntry[]) => readonly LogEntry[]): Promise<{added: LogEntry[]; outbox: LogEntry[]}> {
		return this.lock.run(() => {
			// A torn last line is an entry that was never acknowledged: cut it off, or what follows it would be unreadable.
			const text = readText(this.outboxPath) ?? '';
			if (text && !text.endsWith('\n')) truncateSync(this.outboxPath, Buffer.byteLength(text.slice(0, text.lastIndexOf('\n') + 1)));
			const outbox = parseLines(text);
			const added = [...build(outbox)];
			if (added.length) appendText(this.outboxPath, linesOf(added), true);
			return {added, outbox: [...outbox, ...added]};
		});
	}

	/** Takes out the entries whose hashes are given (sent, or refused and recorded); the rest stay, in order. */
	async removeFromOutbox(hashes: ReadonlySet<string>, refusals: readonly OutboxRefusal[] = []): Promise<LogEntry[]> {
		return this.lock.run(() => {
			if (refusals.length)
				appendText(join(this.folder, 'outbox-refused.jsonl'), refusals.map(refusal => `${JSON.stringify(refusal)}\n`).join(''), true);
			const kept = this.readOutbox().filter(entry => !hashes.has(entry.hash));
			writeFileDurably(this.outboxPath, linesOf(kept));
			return kept;
		});
	}
}

const linesOf = (entries: readonly LogEntry[]) => entries.map(entry => `${JSON.stringify(entry)}\n`).join('');

/** Whole lines that parse, in order; a torn last line (a crash mid-write) is left out. */
function parseLines(text: string): LogEntry[] {
	const entries: LogEntry[] = [];
	for (const line of text.split('\n')) {
		if (!line) continue;
		try {
			entries.push(JSON.parse(line) as LogEntry);
		} catch {
			break;
		}
	}
	return entries;
}

/** The prefix of lines that form a chain from the first entry, and its length in bytes. */
function parseChainLines(text: string): {entries: LogEntry[]; bytes: number} {
	const entries: LogEntry[] = [];
	let offset = 0;
	let previous = genesisHash;
	while (offset < text.length) {
		const end = text.indexOf('\n', offset);
		if (end < 0) break;
		let entry: LogEntry;
		try {
			entry = JSON.parse(text.slice(offset, end)) as LogEntry;
		} catch {
			break;
		}
		if (entry?.seq !== entries.length + 1 || entry.prevHash !== previous || typeof entry.hash !== 'string') break;
		entries.push(entry);
		previous = entry.hash;
		offset = end + 1;
	}
	// The mirror is ASCII-safe JSON only if entries are; count bytes, not characters.
	return {entries, bytes: Buffer.byteLength(text.slice(0, offset))};
}

function readText(path: string): string | null {
	try {
		return readFileSync(path, 'utf8');
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
		throw error;
	}
}

function statSize(path: string): number {
	return statSync(path, {throwIfNoEntry: false})?.size ?? 0;
}

function appendText(path: string, text: string, durable: boolean): void {
	const descriptor = openSync(path, 'a', 0o600);
	try {
		writeSync(descriptor, text);
		if (durable) fsyncSync(descriptor);
	} finally {
		closeSync(descriptor);
	}
}
