// The hash chain: each entry's hash covers its own content and its predecessor's
// hash, so editing, deleting, inserting or reordering any past entry breaks every
// link after it. Truncating the newest entries is only visible against a head
// kept elsewhere: the store's head anchor, or an export manifest's chain head.
import {sha256Hex} from '../text/index.js';
import {canonicalJson} from './canonical.js';
import {entrySchema, genesisHash, type EntryDraft, type LogEntry} from './model.js';
import type {HeadAnchor} from './store-interface.js';

/** SHA-256 of the entry's canonical JSON without its own `hash` member. */
export function entryHash(entry: Omit<LogEntry, 'hash'> | LogEntry): string {
	const {hash: _hash, ...content} = entry as LogEntry;
	return sha256Hex(canonicalJson(content));
}

export type Seal = {seq: number; id: string; at: string; prevHash: string};

export function sealEntry(draft: EntryDraft, seal: Seal): LogEntry {
	const unsealed = {...draft, ...seal} as Omit<LogEntry, 'hash'>;
	return {...unsealed, hash: entryHash(unsealed)} as LogEntry;
}

export type ChainVerdict = {ok: true; count: number; head: string} | {ok: false; index: number; entryId: string | null; problem: string};

/** Where a partial check starts: entries before `offset` were verified already and ended on `previousHash`. */
export type ChainStart = {offset: number; previousHash: string};

/** Verifies `entries` as the whole log, or as the part of it after `start`; indexes in the verdict count from the log's start. */
export function verifyChain(entries: readonly unknown[], start: ChainStart = {offset: 0, previousHash: genesisHash}): ChainVerdict {
	let previousHash = start.previousHash;
	for (const [position, candidate] of entries.entries()) {
		const index = start.offset + position;
		const rawId = (candidate as {id?: unknown} | null)?.id;
		const entryId = typeof rawId === 'string' ? rawId : null;
		const parsed = entrySchema.safeParse(candidate);
		if (!parsed.success) {
			const issue = parsed.error.issues[0];
			return {ok: false, index, entryId, problem: `malformed entry: ${issue?.path.join('.') || '(entry)'} ${issue?.message ?? ''}`.trim()};
		}
		// The parse is strict, so the parsed value has exactly the stored members; hash what was stored.
		const entry = candidate as LogEntry;
		if (entry.seq !== index + 1) {
			return {
				ok: false,
				index,
				entryId,
				problem: `sequence broken: expected seq ${index + 1}, found ${entry.seq} (an entry was deleted, inserted or moved)`,
			};
		}
		if (entry.prevHash !== previousHash) {
			return {
				ok: false,
				index,
				entryId,
				problem: `prevHash does not match the previous entry's hash (the entry before it was changed, deleted or moved)`,
			};
		}
		if (entryHash(entry) !== entry.hash) {
			return {ok: false, index, entryId, problem: 'content does not match its hash (the entry was edited after it was written)'};
		}
		previousHash = entry.hash;
	}
	return {ok: true, count: start.offset + entries.length, head: previousHash};
}

/** The problem of a log against its anchored head, or null: a log may run past its anchor (a crash), never stop short of it. */
export function anchorProblem(entries: readonly LogEntry[], anchor: HeadAnchor | null): string | null {
	if (!anchor) return null;
	const anchored = entries[anchor.seq - 1];
	if (!anchored) {
		const last = entries.at(-1)?.seq ?? 0;
		return `the log ends at seq ${last}, but its head anchor records seq ${anchor.seq}: ${
			anchor.seq - last === 1 ? `entry ${anchor.seq} was` : `entries ${last + 1}-${anchor.seq} were`
		} deleted`;
	}
	if (anchored.hash !== anchor.hash) {
		return `entry seq ${anchor.seq} is not the one its head anchor records (hash ${anchor.hash.slice(0, 12)}…): the log was rewritten from there`;
	}
	return null;
}
