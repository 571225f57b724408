// Starts the TUI: paints the embedded (or --records) data first, then loads the
// cached sources, one-off --source reads and the decision log (local, or a team's
// shared store, whose teammates' entries arrive live); wires the side effects
// (refresh, decide, countersign, undo, export, push) the reducer asks for.
import React from 'react';
import {statSync, writeFileSync} from 'node:fs';
import {availableParallelism} from 'node:os';
import {resolve} from 'node:path';
import {render} from 'ink';
import {
	loadBaseContext,
	loadRunContext,
	loadRunJoin,
	type JoinedRun,
	type LiveLog,
	type LoadedRun,
	type RunContext,
	type RunOptions,
} from '../app-context/index.js';
import {today} from '../dates/index.js';
import {countOf} from '../text/index.js';
import {App, type ActionResult, type AppActions, type LiveUpdates, type TuiSetup} from './app.js';
import type {AppData} from './app-data.js';
import {remappedBindings} from './keymap.js';
import {liveUpdates, pushNews} from './live-updates.js';
import {mergedUpdates, screeningUpdates} from './screening-updates.js';
import {parsePreferences, type Preferences} from './preferences.js';
import {takeOverTerminal, exitCleanlyOn} from './terminal-modes.js';
import {parseTheme} from './theme.js';
import {viewNames} from './views.js';
import {peekSetting} from '../app-home/index.js';
import {formatError} from '../errors/index.js';
import {saveCodeCaches} from '../startup/index.js';
import type {ChangeRow} from '../tables/index.js';

/** OSC 52 asks the terminal to put text on the clipboard; terminals that do not support it ignore it. */
const copyWithOsc52 = (text: string) => {
	if (process.stdout.isTTY) process.stdout.write(`\u001B]52;c;${Buffer.from(text).toString('base64')}\u0007`);
};

const baseData = (context: RunContext): AppData => ({
	catalog: context.catalog,
	asOf: context.asOf,
	entries: context.entries,
	sources: context.sources,
	warnings: context.warnings,
});

/** Why a file typed into the decision form's evidence field cannot be attached, or null. */
function evidenceProblem(path: string): string | null {
	const stat = statSync(resolve(path), {throwIfNoEntry: false});
	if (!stat) return 'no such file';
	return stat.isFile() ? null : 'not a regular file (a folder, device or pipe)';
}

/** The context joined to the open decision log (and the inventory's hits and findings), the actions that write to it, and its news. */
async function withDecisions(
	first: RunContext,
	options: RunOptions,
	live: LiveLog,
): Promise<{data: AppData; actions: AppActions; updates: LiveUpdates; rejoin: (from: RunContext, to: RunContext) => AppData | null}> {
	const [join, decisions] = await Promise.all([loadRunJoin(), import('../decisions/index.js')]);
	const {joinRun, hitCounts, hitSection, changeRows} = join;
	const glue = join;
	const log = live.store;
	// A refresh replaces the run's data; the log stays open.
	let loaded = first;
	// Joined by dataNow, below, before this returns: joining 10,000 rows twice held the first inventory frame back.
	let joined: JoinedRun;
	let context: RunContext;
	let decisionContext: LoadedRun['decisionContext'];
	let settings = decisions.settingsOf(process.env);
	// Who signs off: resolved once, and only when a decision waits for a countersign (it may ask git).
	let reviewer: string | undefined;
	const reviewerNow = () => (reviewer ??= decisions.resolveReviewer(process.env));
	const outcomeOf = (outcome: string) => decisions.outcomes.find(known => known === outcome) ?? null;
	const nameOf = (vendorId: string) => context.catalog.vendorById.get(vendorId)?.name ?? vendorId;
	// Changes depend on the snapshots only: computed once per load, not on every decision.
	let changes: ChangeRow[] | undefined;
	// The data last built and what it was built from: a notification that changed nothing re-joins nothing.
	let built: {key: string; data: AppData} | undefined;
	/** The data for the log as it stands; `again` re-joins even when the log looks unchanged (an action may have changed settings). */
	const dataNow = (again = true): AppData => {
		const entries = live.entries();
		const unsent = live.unsent();
		const storeStatus = glue.storeStatusForms(live.status());
		const key = [entries.length, entries.at(-1)?.hash, [...unsent].join(','), storeStatus?.[0]].join(' ');
		if (!again && built?.key === key) return built.data;
		// Dispositions change hits and confirmed matches change restrictions: re-join on every change.
		joined = joinRun(loaded, entries);
		context = joined.context;
		decisionContext = glue.decisionContextFor(context);
		settings = decisions.settingsOf(process.env);
		const counts = hitCounts(joined.hits);
		changes ??= changeRows(context);
		const hitsOf = (vendorId: string) => joined.hits.filter(hit => hit.vendor.id === vendorId);
		const waiting = new Set(entries.flatMap(entry => (entry.kind === 'decision' && entry.signoff === 'pending' ? [entry.vendorId] : [])));
		const checkContext = decisionContext;
		const data: AppData = {
			...baseData(context),
			changes,
			exposure: joined.exposure,
			decisionOf: glue.decisionSummaries(entries, context, decisionContext, unsent),
			hitsOf: vendorId => counts.get(vendorId) ?? null,
			hitIdsOf: vendorId => hitsOf(vendorId).map(hit => hit.entry.id),
			detailSections: (vendorId, focused) => [
				...(loaded.inventory ? hitSection(hitsOf(vendorId), focused, joined.joins.get(vendorId) ?? []) : []),
				...glue.decisionHistory(entries, vendorId, context, decisionContext, unsent),
			],
			decisionChoices: decisions.decisionChoices,
			decisionCheck: (vendorIds, outcome) => glue.decisionFormCheck(vendorIds, outcomeOf(outcome), checkContext, settings),
			evidenceProblem,
			pendingCountersignOf: vendorId =>
				waiting.has(vendorId) ? glue.pendingCountersign(entries, vendorId, checkContext, reviewerNow()) : null,
			readOnlyReason: log.readOnlyReason,
			storeStatus,
		};
		built = {key, data};
		return data;
	};
	/** What an action adds to its message when what it wrote went to the outbox instead of the shared log. */
	const unsentNote = (ids: readonly string[]) => {
		const waiting = live.unsent();
		if (!ids.some(id => waiting.has(id))) return '';
		return `; unsent: kept in this machine's outbox (${waiting.size} unsent) until p or vendor-risk log push sends it`;
	};
	const actions: AppActions = {
		// Through decideVendor, once per vendor: the same rules as `decide` (reason, rationale, confirmation, sign-off, evidence).
		async decide(submission): Promise<ActionResult> {
			const recorded: Array<{vendorId: string; pending: boolean; id: string}> = [];
			let failure: unknown;
			for (const vendorId of submission.vendorIds) {
				try {
					const entry = await decisions.decideVendor(
						log,
						{
							vendorId,
							outcome: submission.outcome,
							reason: submission.reason,
							rationale: submission.rationale,
							reviewBy: submission.reviewBy,
							confirmed: submission.confirmed,
							evidence: submission.evidence.map(path => resolve(path)),
						},
						decisionContext,
						{today: today(), settings},
					);
					recorded.push({vendorId, pending: entry.signoff === 'pending', id: entry.id});
				} catch (error) {
					failure = error;
					break;
				}
			}
			// Nothing written: the form's error, as any action's.
			if (failure && recorded.length === 0) throw failure;
			const count = submission.vendorIds.length;
			const pending = recorded.filter(entry => entry.pending);
			const who =
				count === 1 ? nameOf(submission.vendorIds[0]!) : `${recorded.length === count ? '' : `${recorded.length} of `}${count} vendors`;
			const signoff = !pending.length
				? ''
				: count === 1
					? `, pending countersign by a second reviewer (entry ${pending[0]!.id.slice(0, 8)})`
					: `, ${pending.length} pending countersign by a second reviewer`;
			const stopped = failure
				? `; stopped at ${nameOf(submission.vendorIds[recorded.length]!)}: ${failure instanceof Error ? failure.message : String(failure)}`
				: '';
			return {
				data: dataNow(),
				message: `recorded ${submission.outcome} for ${who}${signoff}${unsentNote(recorded.map(entry => entry.id))}${stopped}`,
			};
		},
		async countersign({vendorId, entryId, note}): Promise<ActionResult> {
			const signed = await decisions.countersign(log, entryId, decisionContext, {reviewer: reviewerNow(), rationale: note});
			const {decision} = signed;
			return {
				data: dataNow(),
				message: `countersigned ${decision.outcome} for ${nameOf(vendorId)} (decision #${decision.seq} by ${decision.reviewer}) as ${reviewerNow()}${unsentNote([signed.countersign.id])}`,
			};
		},
		async undo(vendorId): Promise<ActionResult> {
			const revocation = await decisions.revokeLast(log, vendorId);
			return {
				data: dataNow(),
				message: `undid the last decision for ${nameOf(vendorId)} (a revocation was appended)${unsentNote([revocation.id])}`,
			};
		},
		async dispose({vendorId, entryId, disposition, reason}): Promise<ActionResult> {
			const hit = joined.hits.find(candidate => candidate.vendor.id === vendorId && candidate.entry.id === entryId);
			if (!hit) return {data: null, message: `no hit ${entryId} for ${vendorId}`};
			const entry = await decisions.recordDisposition(log, {
				vendorId,
				disposition,
				rationale: reason,
				hit: {vendorFingerprint: hit.vendorFingerprint, entryId, entryContentHash: hit.entryContentHash},
			});
			return {
				data: dataNow(),
				message: `marked ${hit.entry.name} as ${disposition === 'confirmed-match' ? 'a confirmed match' : 'a false positive'}${unsentNote([entry.id])}`,
			};
		},
		// Plain RFC 4180 CSV, its manifest (time, count, chain head, retention) beside it, as `log export --out` writes them.
		async exportLog(): Promise<ActionResult> {
			const stamp = new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19);
			const path = resolve(`vendor-risk-decisions-${stamp}.csv`);
			const entries = live.entries();
			const {text, manifest} = decisions.exportWithManifest(entries, {format: 'csv', retentionYears: settings.retentionYears});
			writeFileSync(path, text, {mode: 0o600});
			writeFileSync(`${path}.manifest.json`, `${JSON.stringify(manifest, null, 2)}\n`, {mode: 0o600});
			return {data: null, message: `exported ${entries.length} entries with a manifest beside them to ${path}`};
		},
		// The outbox only, through the store this TUI holds: its marks and the status bar's count go as the entries land.
		async push(): Promise<ActionResult> {
			const outcome = await live.push();
			return {data: dataNow(), message: pushNews(outcome)};
		},
		async refresh(report): Promise<ActionResult> {
			const {openSettings} = await import('../settings/index.js');
			const settings = openSettings();
			const sources = settings.get('sources');
			if (sources.length === 0) return {data: null, message: 'no sources configured: vendor-risk sources add URL|PATH'};
			const outcomes = await join.refreshSources(sources, {
				allowHttp: options.allowHttp,
				maxBytes: settings.get('maxDownloadBytes'),
				onProgress: report,
			});
			const failed = outcomes.filter(outcome => outcome.status === 'failed');
			loaded = await loadRunContext(options);
			changes = undefined;
			return {
				data: dataNow(),
				message: failed.length ? failed.map(outcome => outcome.line).join(' · ') : `refreshed ${countOf(outcomes.length, 'source')}`,
			};
		},
	};
	/** The screening's full context in place of its early one; none when a refresh has replaced the run meanwhile. */
	const rejoin = (from: RunContext, to: RunContext): AppData | null => {
		if (loaded !== from) return null;
		loaded = to;
		changes = undefined;
		return dataNow();
	};
	// Teammates' entries and the connection's changes: re-joined only when the log changed.
	return {data: dataNow(), actions, updates: liveUpdates(live, () => dataNow(false)), rejoin};
}

/** The reviewer's keys, theme, columns and saved views, peeked from the config file before the first frame. */
function setupFromSettings(): TuiSetup {
	const keymap = remappedBindings(peekSetting('keys'));
	const theme = parseTheme(peekSetting('theme'));
	const preferences = parsePreferences({columns: peekSetting('columns'), savedViews: peekSetting('savedViews')});
	return {
		keymap: keymap.bindings,
		theme: theme.theme,
		preferences: preferences.preferences,
		problems: [...keymap.problems, ...theme.problems, ...preferences.problems],
	};
}

/** Columns and saved views go to the config file through conf, loaded only when the reviewer first keeps one. */
async function savePreferences(preferences: Preferences): Promise<ActionResult> {
	const {openSettings} = await import('../settings/index.js');
	const settings = openSettings();
	settings.set('columns', preferences.columns);
	settings.set('savedViews', preferences.savedViews);
	// The reducer has said what was kept; a failure would throw and be shown instead.
	return {data: null, message: ''};
}

export async function runTui(options: RunOptions): Promise<number> {
	const saved = peekSetting('startView');
	const initialView = viewNames.find(name => name === saved) ?? 'vendors';
	const setup = setupFromSettings();
	// The screening waits for the rows' frame (ScreeningWatch.onEarly): its start (reading the index, starting
	// the workers) would otherwise hold that frame back. Any data drawn after it was handed over will do: a
	// teammate's decision arriving at once may replace it before it is drawn, and the screening must not wait for ever.
	let handedOver = false;
	let firstShown: () => void = () => undefined;
	const shown = new Promise<void>(resolve => (firstShown = resolve));
	const app = (data: AppData, actions?: AppActions, updates?: LiveUpdates) => (
		<App
			data={data}
			initialView={initialView}
			onCopy={copyWithOsc52}
			actions={{savePreferences, ...actions}}
			setup={setup}
			updates={updates}
			onShown={() => {
				if (handedOver) firstShown();
			}}
		/>
	);
	// One-off --source reads must succeed before anything is shown (a bad one is exit 2);
	// otherwise the first frame shows the embedded data at once and the rest follows.
	const first = options.source?.length ? await loadRunContext(options) : await loadBaseContext(options);
	const takeover = takeOverTerminal();
	// A large inventory is screened in worker threads: its progress reaches the App from the first frame on.
	const screening = screeningUpdates();
	// Until the log has loaded, a decision could not be saved: say so instead of opening the form.
	const instance = render(
		app(
			{...baseData(first), loading: true, readOnlyReason: 'still loading the decision log; try again in a moment'},
			undefined,
			screening.updates,
		),
		{
			exitOnCtrlC: false,
		},
	);
	// The first frame is out: keep the code compiled for it, so the next start need not compile it again.
	setImmediate(() => saveCodeCaches());
	let failure: unknown;
	let exited = false;
	// Start the heavier loads (conf, got, the log) only after Ink has written the first frame.
	const painted = new Promise<void>(resolve => setImmediate(resolve));
	// The inventory's rows arrive before they are screened (in workers): the tables are shown with them,
	// and the curated joins and list hits replace them when the screening is done.
	let showEarly: (context: RunContext) => void = () => undefined;
	const early = new Promise<RunContext>(resolve => (showEarly = resolve));
	let complete: RunContext | undefined;
	const full = options.source?.length
		? Promise.resolve(first)
		: painted.then(() =>
				// One core is left to this thread: with every core screening, a key waited for the scheduler (stalls of 100-200 ms on 2 cores).
				loadRunContext(options, process.env, {
					workers: Math.max(1, availableParallelism() - 1),
					onProgress: screening.report,
					onEarly: context => {
						showEarly(context);
						return shown;
					},
				}),
			);
	full.then(context => (complete = context)).catch(() => undefined);
	// The log opens beside the sources' cache. A shared store opens from this machine's mirror and meets its
	// database in the background: its round trips, or a connect timeout when nothing answers, hold back no frame.
	let opened: LiveLog | undefined;
	const logOpened = painted.then(async () => (opened = await (await loadRunJoin()).openLiveLog()));
	// Whichever fails first is reported; the other must not be an unhandled rejection.
	logOpened.catch(() => undefined);
	const showFirst = async () => {
		const [arrived, live] = await Promise.all([Promise.race([full, early]), logOpened]);
		// A screening done on this thread finished before anything could be shown: show its result alone.
		const context = complete ?? arrived;
		const {data, actions, updates, rejoin} = await withDecisions(context, options, live);
		handedOver = true;
		// A reviewer who quits before the cache has loaded must not be re-rendered back in.
		if (!exited) instance.rerender(app(data, actions, mergedUpdates(updates, screening.updates)));
		return {context, rejoin};
	};
	const showRun = async () => {
		// Shown or not (a failure, a reviewer who quit), the screening must not wait for ever.
		const {context, rejoin} = await showFirst().catch((error: unknown) => {
			firstShown();
			throw error;
		});
		if (exited) {
			firstShown();
			return;
		}
		if (context === complete) return screening.finish(null);
		const done = await full;
		// New data through the same reducer step as a teammate's entry: the view, filter, selection and open detail stay.
		screening.finish(exited ? null : rejoin(context, done));
	};
	showRun().catch((error: unknown) => {
		failure = error;
		if (!exited) instance.unmount();
	});
	const removeHandlers = exitCleanlyOn(
		takeover,
		() => instance.unmount(),
		error => process.stderr.write(formatError(error, {debug: process.argv.includes('--debug')})),
	);
	try {
		await instance.waitUntilExit();
	} finally {
		// Back on the normal screen before anything is printed: an error must be readable after the app is gone.
		exited = true;
		removeHandlers();
		takeover.restore();
		// A shared store keeps what it verified in this machine's mirror for the next (perhaps offline) start.
		// A connection still being attempted (a connect timeout) is not waited for.
		await opened?.close().catch(() => undefined);
	}
	if (failure) throw failure;
	return 0;
}
