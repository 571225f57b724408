// Refreshing sources for a command or the TUI: fetch each configured source, then
// keep a snapshot of every list that changed, for `vendor-risk changes`. The
// fetcher only fetches; what the app does with a fresh list is decided here.
import {recordSnapshot} from '../changes/index.js';
import type {SourceSetting} from '../settings/index.js';
import {fetchSource, inParallel, summariseWarnings, type FetchOptions, type FetchOutcome} from '../sources/index.js';

/** Fetches one source and snapshots what it brought; a snapshot that cannot be kept is a warning on the outcome's line. */
export async function refreshSource(setting: SourceSetting, options: FetchOptions = {}): Promise<FetchOutcome> {
	const outcome = await fetchSource(setting, options);
	if (outcome.status !== 'updated') return outcome;
	let warning: string | null;
	try {
		warning = recordSnapshot(setting.name, outcome.data.entities, {env: options.env, fetchedAt: outcome.meta.fetchedAt ?? undefined});
	} finally {
		outcome.data.entities.close();
	}
	if (!warning) return outcome;
	const warnings = [...outcome.warnings, warning];
	return {...outcome, warnings, line: `${outcome.summary}${summariseWarnings(warnings)}`};
}

/**
 * Every configured source, a few at a time (a slow one holds up no other); outcomes in the
 * sources' order, and `settled` hears of each as soon as it is there.
 */
export async function refreshSources(
	sources: readonly SourceSetting[],
	options: FetchOptions = {},
	settled?: (outcome: FetchOutcome, index: number) => void,
): Promise<FetchOutcome[]> {
	return inParallel(sources, setting => refreshSource(setting, options), settled);
}
