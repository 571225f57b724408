// Which two snapshots to compare, per source: the latest against the one before (the
// default), against the newest taken before a date, or two snapshots named by id.
import {dayStartMs} from '../dates/index.js';
import {UserInputError} from '../errors/index.js';
import type {ScreeningEntity} from '../records/index.js';
import {diffSnapshots} from './diff.js';
import type {EntityField} from './entry.js';
import {findSnapshot, listSnapshots, readSnapshot, type SnapshotInfo} from './store.js';

export type ChangeKind = 'added' | 'removed' | 'changed';

export type Change = {
	kind: ChangeKind;
	source: string;
	entry: {id: string; name: string};
	/** Fields that changed; empty for added and removed entries. */
	fields: EntityField[];
	/** The entry as it is now, or as it was last seen when removed. */
	entity: ScreeningEntity;
	/** The entry before a change; null for added and removed entries. */
	previous: ScreeningEntity | null;
};

export type ChangesOptions = {
	/** YYYY-MM-DD (a UTC day): compare the latest snapshot with the newest taken before that day began. */
	since?: string;
	/** Snapshot ids: compare these two (same source); both or neither. */
	from?: string;
	to?: string;
};

/** One source's comparison: what was compared, and why nothing was when nothing was. */
export type Comparison = {source: string; from: SnapshotInfo | null; to: SnapshotInfo | null; note: string | null; changes: Change[]};

/** Midnight UTC of a YYYY-MM-DD day; UserInputError for anything else. */
export function parseSinceDate(text: string): number {
	const ms = dayStartMs(text);
	if (ms === null) throw new UserInputError(`--since expects a date as YYYY-MM-DD, e.g. 2026-11-01; got "${text}"`);
	return ms;
}

function changesBetween(from: SnapshotInfo, to: SnapshotInfo, env: NodeJS.ProcessEnv): Change[] {
	const diff = diffSnapshots(readSnapshot(from, env), readSnapshot(to, env));
	const change = (
		kind: ChangeKind,
		entry: {id: string; name: string; entity: ScreeningEntity},
		fields: EntityField[] = [],
		previous: ScreeningEntity | null = null,
	): Change => ({
		kind,
		source: to.source,
		entry: {id: entry.id, name: entry.name},
		fields,
		entity: entry.entity,
		previous,
	});
	return [
		...diff.added.map(entry => change('added', entry)),
		...diff.removed.map(entry => change('removed', entry)),
		...diff.changed.map(entry => change('changed', entry, entry.fields, entry.previous)),
	];
}

/** The pair to compare for one source (oldest-first list), with a note when there is none or it is not the obvious one. */
function pickPair(
	snapshots: SnapshotInfo[],
	sinceMs: number | null,
	since: string | undefined,
): {from: SnapshotInfo | null; to: SnapshotInfo | null; note: string | null} {
	const latest = snapshots.at(-1) ?? null;
	if (!latest) return {from: null, to: null, note: 'no snapshots yet'};
	if (sinceMs === null) {
		const previous = snapshots.at(-2) ?? null;
		return previous
			? {from: previous, to: latest, note: null}
			: {from: null, to: latest, note: `only one snapshot so far (${latest.id}); changes show after the next fetch that brings new data`};
	}
	const before = snapshots.filter(info => Date.parse(info.stamp) < sinceMs).at(-1);
	if (before === latest) return {from: null, to: latest, note: `no new data since ${since} (latest snapshot ${latest.id})`};
	if (before) return {from: before, to: latest, note: null};
	// Nothing was seen before that day: what changed between the day and the first snapshot is unknown,
	// so the first snapshot after it is the baseline (calling its every entry "added" would bury the real changes).
	const first = snapshots[0]!;
	if (first === latest)
		return {from: null, to: latest, note: `no snapshot before ${since}, and only one since (${latest.id}); nothing to compare yet`};
	return {from: first, to: latest, note: `no snapshot before ${since}; showing changes since the first snapshot, ${first.id}`};
}

/**
 * What changed, per source that has snapshots. By default since the previous snapshot;
 * with `since`, since the newest snapshot taken before that UTC day (or, when there is
 * none, since the first snapshot after it); with `from`/`to`, between those two.
 * Throws UserInputError for a bad date, an unknown id, or half a from/to pair.
 */
export function compareSnapshots(env: NodeJS.ProcessEnv, options: ChangesOptions = {}): Comparison[] {
	if ((options.from === undefined) !== (options.to === undefined))
		throw new UserInputError('--from and --to go together: give both snapshot ids (see vendor-risk changes --snapshots)');
	if (options.from !== undefined && options.since !== undefined) throw new UserInputError('give either --since or --from/--to, not both');
	if (options.from !== undefined && options.to !== undefined) {
		const from = findSnapshot(options.from, env);
		const to = findSnapshot(options.to, env);
		if (from.source !== to.source)
			throw new UserInputError(`--from and --to must be snapshots of one source; got ${from.source} and ${to.source}`);
		return [
			{
				source: to.source,
				from,
				to,
				note: from.id === to.id ? 'the same snapshot twice; nothing to compare' : null,
				changes: changesBetween(from, to, env),
			},
		];
	}
	const sinceMs = options.since === undefined ? null : parseSinceDate(options.since);
	const bySource = new Map<string, SnapshotInfo[]>();
	for (const info of listSnapshots(env)) bySource.set(info.source, [...(bySource.get(info.source) ?? []), info]);
	return [...bySource].map(([source, snapshots]) => {
		const pair = pickPair(snapshots, sinceMs, options.since);
		return {source, ...pair, changes: pair.from && pair.to ? changesBetween(pair.from, pair.to, env) : []};
	});
}

/** The changes of compareSnapshots, all sources together (grouped by source). */
export function changesSince(env: NodeJS.ProcessEnv, options: ChangesOptions = {}): Change[] {
	return compareSnapshots(env, options).flatMap(comparison => comparison.changes);
}
