// A run joined to the decision log: with an inventory, the vendors become the
// inventory's (joined to curated vendors and confirmed hits) and every hit gets
// its disposition. Tables, the TUI and commands all read the run through this.
import {basename} from 'node:path';
import type {LogEntry} from '../decisions/index.js';
import {computeExposure} from '../exposure/index.js';
import {noExposure, type Exposure} from '../records/index.js';
import type {RunContext} from './run-context.js';
import {inventoryCatalog, judgeHits, type JudgedHit} from './screening.js';

/** The run as the tables read it; `exposure` holds the class-rule and ownership findings (by inventory vendor id). */
export type JoinedRun = {context: RunContext; hits: JudgedHit[]; joins: Map<string, string[]>; exposure: Exposure};

export function joinRun(context: RunContext, entries: readonly LogEntry[]): JoinedRun {
	if (!context.inventory && !context.assets) return {context, hits: [], joins: new Map(), exposure: noExposure};
	const hits = context.inventory ? judgeHits(context.inventory.hits, context.inventory.vendors, entries) : [];
	if (!context.inventory) return {context, hits, joins: new Map(), exposure: exposureOf(context, hits)};
	const view = inventoryCatalog(context.inventory.curated, context.inventory.vendors, hits);
	// Once screened, the rules read the screening's joins, less those dismissed (before, computeExposure joins rows by name).
	const exposure = exposureOf(context, hits, context.inventory.pending ? undefined : view.joins);
	return {context: {...context, catalog: view.catalog}, hits, joins: view.joins, exposure};
}

/** The class rules and ownership rules applied to the inventory and the assets; entries matched as false positives do not count. */
function exposureOf(context: RunContext, hits: readonly JudgedHit[], curatedJoins?: ReadonlyMap<string, readonly string[]>): Exposure {
	const matchedEntries = new Map<string, string[]>();
	for (const hit of hits)
		if (hit.state !== 'false-positive') matchedEntries.set(hit.vendor.id, [...(matchedEntries.get(hit.vendor.id) ?? []), hit.entry.id]);
	return computeExposure({
		curated: context.inventory?.curated ?? context.catalog,
		inventory: context.inventory?.vendors ?? [],
		assets: context.assets?.assets ?? [],
		entries: context.entries,
		matchedEntries,
		curatedJoins,
		asOf: context.asOf,
		threshold: context.inventory?.threshold,
		inventoryName: context.inventory ? basename(context.inventory.path) : undefined,
	});
}

/**
 * List hits per vendor, for the Hits column and the queue. Curated joins are left
 * out: a joined vendor carries the curated restrictions, which already put it in the
 * queue until it is decided.
 */
export const hitCounts = (hits: readonly JudgedHit[]) => {
	const counts = new Map<string, {total: number; undecided: number}>();
	for (const hit of hits) {
		if (hit.kind === 'curated') continue;
		const count = counts.get(hit.vendor.id) ?? {total: 0, undecided: 0};
		count.total += 1;
		if (hit.state === 'undecided') count.undecided += 1;
		counts.set(hit.vendor.id, count);
	}
	return counts;
};
