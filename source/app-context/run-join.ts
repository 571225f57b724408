// The run joined to everything that is not needed for the first frame: the
// decision log (conf, the hash chain), screening hits and their dispositions,
// the Changes rows, refreshing sources. The face loads this module on demand.
import {withStore, type LogEntry} from '../decisions/index.js';
import {decisionContextFor} from './decisions.js';
import {joinRun, type JoinedRun} from './joined.js';
import {baseLayers, loadRunContext, resolveAsOf, type RunContext, type RunOptions, type SourceState} from './run-context.js';
import {loadSourceEntries, type EntryRows} from './sources.js';
import {buildCatalog, type Catalog} from '../records/index.js';
import {UserInputError} from '../errors/index.js';
import {countOf} from '../text/index.js';

export {
	activeRestrictions,
	decisionContextFor,
	decisionFormCheck,
	decisionHistory,
	decisionSummaries,
	decisionWhy,
	pendingCountersign,
	type DecisionFormCheck,
	type PendingCountersign,
} from './decisions.js';
export {hitCounts, joinRun, type JoinedRun} from './joined.js';
export {openLiveLog, storeStatusForms, storeStatusLine, type LiveLog, type PushOutcome} from './live-log.js';
export {hitSection} from './hit-lines.js';
export {changeRows} from './changes.js';
export {resolveVendorReference} from './vendor-reference.js';
export {refreshSource, refreshSources} from './refresh.js';
export {prepareListIndex} from './prepare-index.js';
export type {JudgedHit} from './screening.js';
export type {EntryRows} from './sources.js';

/** A whole run as commands read it: records, sources and inventory, joined to the decision log. */
export type LoadedRun = JoinedRun & {
	loaded: RunContext;
	entries: readonly LogEntry[];
	decisionContext: ReturnType<typeof decisionContextFor>;
};

/**
 * Stops a command whose data is missing: a configured source never fetched, or whose cache is
 * damaged, would make every answer look clean (no entries, no hits). Exit 2, naming the source.
 */
export function requireSourceData(sources: readonly SourceState[]): void {
	const missing = sources.filter(source => source.usable === false);
	if (missing.length === 0) return;
	const more = missing.length > 1 ? ` (and ${countOf(missing.length - 1, 'more source')})` : '';
	throw new UserInputError(`source "${missing[0]!.name}" has no usable data: ${missing[0]!.detail}${more}`, {
		hint: 'run vendor-risk fetch, or remove a source you no longer use with vendor-risk sources remove NAME',
	});
}

/** A whole run as a command reads it; throws (exit 2) when a configured source has no usable data. */
export async function loadJoinedRun(options: RunOptions, env: NodeJS.ProcessEnv = process.env): Promise<LoadedRun> {
	const loaded = await loadRunContext(options, env);
	requireSourceData(loaded.sources);
	// Through the store interface, as every command reads the log.
	const entries = await withStore(env, store => store.read());
	const joined = joinRun(loaded, entries);
	return {...joined, loaded, entries, decisionContext: decisionContextFor(joined.context)};
}

/** What a command that writes list entries needs: the records' dates, the day, and the entries left where they are. */
export type EntryRun = {catalog: Catalog; asOf: string; entries: EntryRows};

/**
 * The run as `list entries` reads it: no inventory screened and no decision log read, since
 * neither changes a list entry; the entries are read one at a time (close them when done).
 * Throws (exit 2) when a configured source has no usable data, as loadJoinedRun does.
 */
export async function loadEntryRun(options: RunOptions, env: NodeJS.ProcessEnv = process.env): Promise<EntryRun> {
	const base = await baseLayers(options);
	const asOf = resolveAsOf(options.asOf, env);
	const sources = await loadSourceEntries(options, env);
	try {
		requireSourceData(sources.sources);
	} catch (error) {
		sources.entries.close();
		throw error;
	}
	return {catalog: buildCatalog([...base, ...sources.layers]), asOf, entries: sources.entries};
}
