// The run joined to everything that is not needed for the first frame: the
// decision log (conf, the hash chain), screening hits and their dispositions,
// the Changes rows, refreshing sources. The face loads this module on demand.
import {withStore, type LogEntry} from '../decisions/index.js';
import {decisionContextFor} from './decisions.js';
import {joinRun, type JoinedRun} from './joined.js';
import {loadRunContext, type RunContext, type RunOptions} from './run-context.js';

export {
	activeRestrictions,
	decisionContextFor,
	decisionFormCheck,
	decisionHistory,
	decisionSummaries,
	decisionWhy,
	openLogFor,
	type DecisionFormCheck,
} from './decisions.js';
export {hitCounts, joinRun, type JoinedRun} from './joined.js';
export {openLiveLog, storeStatusLine, type LiveLog} from './live-log.js';
export {hitSection} from './hit-lines.js';
export {changeRows} from './changes.js';
export {refreshSource, refreshSources} from './refresh.js';
export type {JudgedHit} from './screening.js';

/** A whole run as commands read it: records, sources and inventory, joined to the decision log. */
export type LoadedRun = JoinedRun & {
	loaded: RunContext;
	entries: readonly LogEntry[];
	decisionContext: ReturnType<typeof decisionContextFor>;
};

export async function loadJoinedRun(options: RunOptions, env: NodeJS.ProcessEnv = process.env): Promise<LoadedRun> {
	const loaded = await loadRunContext(options, env);
	// Through the store interface, as every command reads the log.
	const entries = await withStore(env, store => store.read());
	const joined = joinRun(loaded, entries);
	return {...joined, loaded, entries, decisionContext: decisionContextFor(joined.context)};
}
