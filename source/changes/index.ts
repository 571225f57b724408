// What changed in the sanctions lists since the last review: a content snapshot per source
// after each fetch that brought new data, diffs between snapshots, and the vendors a change touches.
export {entityFields, entryHash, canonicalEntity, type EntityField} from './entry.js';
export {
	findSnapshot,
	listSnapshots,
	readSnapshot,
	recordSnapshot,
	snapshotsRoot,
	sourceFolderName,
	writeSnapshot,
	type Snapshot,
	type SnapshotEntities,
	type SnapshotEntry,
	type SnapshotInfo,
	type WriteSnapshotOptions,
	type WriteSnapshotResult,
} from './store.js';
export {diffSnapshots, type ChangedEntry, type DiffEntry, type SnapshotDiff} from './diff.js';
export {
	changesSince,
	compareSnapshots,
	parseSinceDate,
	type Change,
	type ChangeKind,
	type ChangesOptions,
	type Comparison,
} from './since.js';
export {touchedVendors, vendorsTouchedBy, type TouchOptions, type TouchVendor, type TouchedChange} from './touch.js';
