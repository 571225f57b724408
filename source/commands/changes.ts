// `vendor-risk changes`: what changed in the lists since the previous fetch, since a date,
// or between two snapshots, and which vendors each change touches. `--snapshots` lists the ids.
import {
	compareSnapshots,
	listSnapshots,
	vendorsTouchedBy,
	type ChangeKind,
	type ChangesOptions,
	type Comparison,
	type TouchedChange,
} from '../changes/index.js';
import {exitCodes} from '../errors/index.js';
import {displayText, inertJson} from '../text/index.js';
import {loadRunJoin, type RunOptions} from '../app-context/index.js';
import {reporting, type CommandIO} from './io.js';

export type ChangesCommandOptions = ChangesOptions & {json?: boolean; snapshots?: boolean};

/** The vendors to check changes against; the caller brings them (inventory, curated records). */
export type ChangesContext = {vendors: ReadonlyArray<{id: string; name: string; names: readonly string[]}>; threshold?: number};

const noSnapshots =
	'No snapshots yet: run `vendor-risk fetch`; each fetch that brings new data keeps one, and changes show from the second on.';

const marks: Record<ChangeKind, string> = {added: '+', removed: '-', changed: '~'};

function changeLine(change: TouchedChange): string {
	const fields = change.fields.length > 0 ? `  fields: ${change.fields.join(', ')}` : '';
	const touches = change.vendors.length > 0 ? `  touches: ${change.vendors.map(id => displayText(id)).join(', ')}` : '';
	return `${marks[change.kind]} ${displayText(change.source)}  ${displayText(change.entry.name)} (${displayText(change.entry.id)})${fields}${touches}`;
}

function summary(comparison: Comparison): string {
	const count = (kind: ChangeKind) => comparison.changes.filter(change => change.kind === kind).length;
	const source = displayText(comparison.source);
	if (!comparison.from || !comparison.to) return `${source}: ${displayText(comparison.note ?? 'nothing to compare')}`;
	const range = `${displayText(comparison.from.id)} -> ${displayText(comparison.to.id)}`;
	const note = comparison.note ? ` (${displayText(comparison.note)})` : '';
	if (comparison.changes.length === 0) return `${source}: no changes, ${range}${note}`;
	return `${source}: ${count('added')} added, ${count('removed')} removed, ${count('changed')} changed, ${range}${note}`;
}

function listSnapshotIds(options: ChangesCommandOptions, io: CommandIO): number {
	const snapshots = listSnapshots(io.env);
	if (options.json) {
		io.stdout.write(
			`${inertJson({snapshots: snapshots.map(({id, source, fetchedAt, entryCount}) => ({id, source, fetchedAt, entries: entryCount}))})}\n`,
		);
		if (snapshots.length === 0) io.stderr.write(`${noSnapshots}\n`);
		return exitCodes.ok;
	}
	if (snapshots.length === 0) {
		io.stdout.write(`${noSnapshots}\n`);
		return exitCodes.ok;
	}
	for (const info of snapshots) io.stdout.write(`${displayText(info.id)}  ${info.entryCount} entries\n`);
	return exitCodes.ok;
}

/** `vendor-risk changes [--since DATE | --from ID --to ID] [--json] [--snapshots]`: exit 0, or 2 for bad input. */
export async function runChanges(options: ChangesCommandOptions, context: ChangesContext, io: CommandIO): Promise<number> {
	return reporting(io, async () => {
		if (options.snapshots) {
			if (options.since !== undefined || options.from !== undefined || options.to !== undefined) {
				io.stderr.write('vendor-risk changes: --snapshots lists snapshot ids; give it without --since, --from or --to\n');
				return exitCodes.badInput;
			}
			return listSnapshotIds(options, io);
		}
		const comparisons = compareSnapshots(io.env, options);
		const vendors = context.vendors.map(vendor => ({id: vendor.id, names: vendor.names.length > 0 ? vendor.names : [vendor.name]}));
		const changes = vendorsTouchedBy(
			comparisons.flatMap(comparison => comparison.changes),
			vendors,
			{threshold: context.threshold},
		);
		if (options.json) {
			const rows = changes.map(change => ({
				kind: change.kind,
				source: change.source,
				entry: {id: change.entry.id, name: change.entry.name},
				fields: change.fields,
				vendors: change.vendors,
			}));
			io.stdout.write(`${inertJson({changes: rows})}\n`);
			if (comparisons.length === 0) io.stderr.write(`${noSnapshots}\n`);
			return exitCodes.ok;
		}
		if (comparisons.length === 0) {
			io.stdout.write(`${noSnapshots}\n`);
			return exitCodes.ok;
		}
		for (const comparison of comparisons) {
			io.stdout.write(`${summary(comparison)}\n`);
			for (const change of changes) if (change.source === comparison.source) io.stdout.write(`${changeLine(change)}\n`);
		}
		return exitCodes.ok;
	});
}

/** `vendor-risk changes`: the run's vendors (the inventory's, or the curated ones) under all their names, then the comparison. */
export async function runChangesCommand(options: ChangesCommandOptions, run: RunOptions, io: CommandIO): Promise<number> {
	return reporting(io, async () => {
		const loaded = await (await loadRunJoin()).loadJoinedRun(run, io.env);
		const vendors = loaded.context.catalog.vendors.map(vendor => ({
			id: vendor.id,
			name: vendor.name,
			names: [vendor.name, ...vendor.aliases, ...vendor.entities.flatMap(entity => [entity.name, entity.originalScript ?? ''])].filter(
				Boolean,
			),
		}));
		return runChanges(options, {vendors, threshold: loaded.loaded.inventory?.threshold}, io);
	});
}
