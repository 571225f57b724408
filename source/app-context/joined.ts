// A run joined to the decision log: with an inventory, the vendors become the
// inventory's (joined to curated vendors and confirmed hits) and every hit gets
// its disposition. Tables, the TUI and commands all read the run through this.
import type {LogEntry} from '../decisions/index.js';
import type {RunContext} from './run-context.js';
import {inventoryCatalog, judgeHits, type JudgedHit} from './screening.js';

export type JoinedRun = {context: RunContext; hits: JudgedHit[]; joins: Map<string, string[]>};

export function joinRun(context: RunContext, entries: readonly LogEntry[]): JoinedRun {
	if (!context.inventory) return {context, hits: [], joins: new Map()};
	const hits = judgeHits(context.inventory.hits, context.inventory.vendors, entries);
	const view = inventoryCatalog(context.inventory.curated, context.inventory.vendors, hits);
	return {context: {...context, catalog: view.catalog}, hits, joins: view.joins};
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
