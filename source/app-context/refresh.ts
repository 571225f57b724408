// Refreshing sources for a command or the TUI: fetch each configured source, then
// keep a snapshot of every list that changed, for `vendor-risk changes`. The
// fetcher only fetches; what the app does with a fresh list is decided here.
import {recordSnapshot, spoolSnapshot} from '../changes/index.js';
import type {SourceSetting} from '../settings/index.js';
import {fetchSource, inParallel, summariseWarnings, type FetchOptions, type FetchOutcome} from '../sources/index.js';

/**
 * Fetches one source and snapshots what it brought; a snapshot that cannot be kept is a warning on the outcome's line.
 * The snapshot's entries are spooled as the list is parsed, so it never reads the list back.
 */
export async function refreshSource(setting: SourceSetting, options: FetchOptions = {}): Promise<FetchOutcome> {
	const spool = spoolSnapshot(setting.name, options.env);
	let warning: string | null;
	let outcome: FetchOutcome;
	try {
		const heard = options.onEntity;
		outcome = await fetchSource(setting, {
			...options,
			onEntity(entity) {
				spool.add(entity);
				heard?.(entity);
			},
		});
		if (outcome.status !== 'updated') return outcome;
		warning = recordSnapshot(setting.name, spool, {env: options.env, fetchedAt: outcome.meta.fetchedAt ?? undefined});
	} finally {
		spool.discard();
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
