// One run's data, seen from outside: the records (embedded, --records, native
// feeds), fetched lists, the inventory and its hits, joined to the decision log.
// The base context is light (the TUI's first frame); the join is loaded on demand.
export {
	loadBaseContext,
	loadRunContext,
	resolveAsOf,
	type InventoryRun,
	type RunContext,
	type RunOptions,
	type ScreeningWatch,
	type SourceState,
} from './run-context.js';
export type {DecisionFormCheck, EntryRun, JoinedRun, JudgedHit, LoadedRun, LiveLog, PendingCountersign, PushOutcome} from './run-join.js';
export {describeTokens, queryLabel} from './hit-lines.js';
export type {ScreeningProgress} from '../screening/index.js';

/** The join of a run to the decision log and everything after the first frame: conf, got and the screening code load now. */
export const loadRunJoin = () => import('./run-join.js');

/** The inventory parser that keeps what it parsed (kept-inventory.ts), loaded on demand like the screening code it needs. */
export const loadKeptInventory = () => import('./kept-inventory.js');
