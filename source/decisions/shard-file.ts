// Reading one shard file and deciding what it is. A shard is an object with an
// `entries` array and conf's version marker; anything else that parses (null,
// {}, [], entries without the marker after a hand edit or a jq pass) is damage,
// never an empty log: conf would otherwise reset it to its defaults on the next
// write, and the log would silently start again at seq 1.
import {readFileSync} from 'node:fs';
import {z} from 'zod';
import {entrySchema, type LogEntry} from './model.js';

/** The version of the shard format, conf's projectVersion: migrations key off it. */
export const storeVersion = '1.0.0';

/** A shard written by another release: not damage, but not ours to write either. */
export class StoreVersionError extends Error {}

/** A shard that is not a decision-log shard (any more). */
export class ShardDamageError extends Error {}

const entriesSchema = z.array(entrySchema);

/** The text of the shard at `path`, or null when it does not exist. */
export function readShardText(path: string): string | null {
	try {
		return readFileSync(path, 'utf8');
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
		throw error;
	}
}

/** The entries of the shard at `path`; [] when it does not exist. Throws ShardDamageError or StoreVersionError. */
export function readShardFile(path: string): LogEntry[] {
	const text = readShardText(path);
	return text === null ? [] : parseShardText(text);
}

/** The entries of a shard's text, checked as readShardFile describes. */
export function parseShardText(text: string): LogEntry[] {
	let parsed: unknown;
	try {
		parsed = JSON.parse(text);
	} catch (error) {
		throw new ShardDamageError(`not JSON: ${(error as Error).message}`);
	}
	if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
		throw new ShardDamageError(`not a decision-log shard: the file holds ${describe(parsed)}, not an object with entries`);
	}
	const shard = parsed as {entries?: unknown; __internal__?: {migrations?: {version?: unknown}}};
	const version = shard.__internal__?.migrations?.version;
	if (version === undefined) {
		// conf's very first write of a new shard, before its marker, as releases before the head anchor left it
		// when killed at that moment; nothing was ever in it.
		if (Object.keys(shard).length === 1 && Array.isArray(shard.entries) && shard.entries.length === 0) return [];
		throw new ShardDamageError(
			"not a decision-log shard: conf's version marker (__internal__) is missing, as after a hand edit or a jq pass",
		);
	}
	if (version !== storeVersion) {
		throw new StoreVersionError(
			`written by store format ${String(version)}, this vendor-risk reads ${storeVersion}; use a matching vendor-risk release`,
		);
	}
	if (!Array.isArray(shard.entries)) throw new ShardDamageError('not a decision-log shard: it has no entries list');
	const result = entriesSchema.safeParse(shard.entries);
	if (!result.success) {
		const issue = result.error.issues[0];
		throw new ShardDamageError(`schema violation: \`entries/${issue?.path.join('/') ?? ''}\` ${issue?.message ?? 'invalid'}`);
	}
	// The parse is strict, so the stored entries are exactly what was checked; keep them as stored for hashing.
	return shard.entries as LogEntry[];
}

/** The text of a new, empty shard as conf itself would leave it, marker included, so no reader ever sees it half-made. */
export const emptyShardText = () =>
	`${JSON.stringify({entries: [], anchored: true, __internal__: {migrations: {version: storeVersion}}}, null, '\t')}`;

/**
 * Whether the shard was written by a release that keeps a head anchor: then a missing
 * anchor was deleted, not never written. (Inside JSON strings every quote is escaped, so
 * an unescaped "anchored" followed by a colon can only be a key; entries have no such key.)
 */
export const shardIsAnchored = (text: string) => /"anchored"\s*:\s*true/.test(text);

function describe(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return `a list (${value.length} items)`;
	return `a ${typeof value}`;
}
