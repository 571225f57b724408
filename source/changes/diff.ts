// Differences between two snapshots of a source: entries added, removed, and changed with
// the names of the fields that changed. Entries are matched by their stable ids.
import type {ScreeningEntity} from '../records/index.js';
import {changedFields, type EntityField} from './entry.js';
import type {Snapshot, SnapshotEntry} from './store.js';

export type DiffEntry = {id: string; name: string; entity: ScreeningEntity};
export type ChangedEntry = DiffEntry & {fields: EntityField[]; previous: ScreeningEntity};
export type SnapshotDiff = {added: DiffEntry[]; removed: DiffEntry[]; changed: ChangedEntry[]};

const byNameThenId = (a: DiffEntry, b: DiffEntry) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

const entryOf = ({id, entity}: SnapshotEntry): DiffEntry => ({id, name: entity.name, entity});

/** What changed from `older` to `newer` (either order works; the names say which is which). */
export function diffSnapshots(older: Pick<Snapshot, 'entries'>, newer: Pick<Snapshot, 'entries'>): SnapshotDiff {
	const before = new Map(older.entries.map(entry => [entry.id, entry]));
	const after = new Map(newer.entries.map(entry => [entry.id, entry]));
	const added: DiffEntry[] = [];
	const removed: DiffEntry[] = [];
	const changed: ChangedEntry[] = [];
	for (const [id, entry] of after) {
		const old = before.get(id);
		if (!old) added.push(entryOf(entry));
		else if (old.hash !== entry.hash) {
			const fields = changedFields(old.entity, entry.entity);
			// Equal canonical content with another hash (a hash from another version of the app) is no change.
			if (fields.length > 0) changed.push({...entryOf(entry), fields, previous: old.entity});
		}
	}
	for (const [id, entry] of before) if (!after.has(id)) removed.push(entryOf(entry));
	return {added: added.sort(byNameThenId), removed: removed.sort(byNameThenId), changed: changed.sort(byNameThenId)};
}
