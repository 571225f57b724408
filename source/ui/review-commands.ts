// The reviewer's commands: decide (one vendor or the marked ones), countersign a
// pending decision, undo, export, push a shared log's unsent entries, step through
// a vendor's screening hits (and curated joins) and mark them, refresh the sources.
// They open a modal or ask the shell for an effect; none writes anything itself.
import {withMessage, type AppState} from './app-state.js';
import {newCountersignPrompt} from './countersign-prompt.js';
import {newDecisionForm} from './decision-form.js';
import {withNextHit} from './detail-state.js';
import {newHitPrompt, type Disposition} from './hit-prompt.js';
import {detailViewport} from './layout.js';
import type {CommandHandler, ReviewCommand} from './view-commands.js';

/** The vendor a decision or undo applies to: the open detail's, or the selected vendor row's. */
function selectedVendorId(state: AppState): string | null {
	if (state.screen.kind === 'detail') return state.screen.vendorId ?? null;
	if (state.view !== 'vendors' && state.view !== 'queue') return null;
	return state.tables[state.view].selectedId;
}

/** Marked vendors (bulk) or the one selected; a message when there is none. */
function decisionTargets(state: AppState): string[] | string {
	if (state.data.readOnlyReason) return state.data.readOnlyReason;
	if (state.screen.kind === 'table' && (state.view === 'vendors' || state.view === 'queue') && state.tables[state.view].marks.size > 0)
		return [...state.tables[state.view].marks];
	const vendorId = selectedVendorId(state);
	return vendorId ? [vendorId] : "decide from the Vendors view or a vendor's detail";
}

function decide(state: AppState): AppState {
	const targets = decisionTargets(state);
	if (typeof targets === 'string') return withMessage(state, targets);
	const choices = state.data.decisionChoices;
	if (!choices) return withMessage(state, 'still loading the decision log; try again in a moment');
	const rules = {check: state.data.decisionCheck, evidenceProblem: state.data.evidenceProblem};
	return {...state, overlay: {kind: 'decide', form: newDecisionForm(targets, choices, rules)}};
}

/** o: the selected vendor's pending decision signed off by this reviewer, after a note; refused with the reason when they may not. */
function countersign(state: AppState): AppState {
	const vendorId = selectedVendorId(state);
	if (!vendorId) return withMessage(state, "sign off from the Queue, the Vendors view or a vendor's detail");
	if (state.data.readOnlyReason) return withMessage(state, state.data.readOnlyReason);
	const name = state.data.catalog.vendorById.get(vendorId)?.name ?? vendorId;
	const pending = state.data.pendingCountersignOf?.(vendorId) ?? null;
	if (!pending) return withMessage(state, `no decision of ${name} waits for a countersign`);
	if (pending.problem) return withMessage(state, `cannot countersign: ${pending.problem}`);
	const what = `${pending.outcome} of ${name} by ${pending.decidedBy} (#${pending.seq})`;
	return {...state, overlay: {kind: 'countersign', prompt: newCountersignPrompt(vendorId, pending.entryId, what)}};
}

function undo(state: AppState): AppState {
	const target = selectedVendorId(state);
	if (!target) return withMessage(state, 'select a vendor to undo its last decision');
	if (state.data.readOnlyReason) return withMessage(state, state.data.readOnlyReason);
	return {...state, effect: {kind: 'undo', vendorId: target}};
}

function nextHit(state: AppState): AppState {
	const detail = state.screen.kind === 'detail' ? withNextHit(state.screen, state.data, detailViewport(state.size)) : null;
	return detail ? {...state, screen: detail} : withMessage(state, 'no screening hits here');
}

function askReason(state: AppState, disposition: Disposition): AppState {
	const screen = state.screen;
	if (screen.kind !== 'detail' || !screen.vendorId || screen.hitIds.length === 0)
		return withMessage(state, 'open a vendor with screening hits to mark them');
	if (state.data.readOnlyReason) return withMessage(state, state.data.readOnlyReason);
	return {...state, overlay: {kind: 'dispose', prompt: newHitPrompt(screen.vendorId, screen.hitIds[screen.hit]!, disposition)}};
}

/** The words for a push asked of a log that has no outbox: it is this machine's own. */
export const pushNeedsSharedStore = 'push needs a shared store; this decision log is local (README: Team use)';

/** p (or :push): the shared log's outbox sent, as `vendor-risk log push` sends it; the shell says how it went. */
function push(state: AppState): AppState {
	if (state.data.loading) return withMessage(state, 'still loading the decision log; try again in a moment');
	// Only a shared log has a status for the bar: the local log (storeStatus null or absent) has nothing to send.
	if (!state.data.storeStatus) return withMessage(state, pushNeedsSharedStore);
	return {...withMessage(state, 'pushing unsent entries to the shared log…'), effect: {kind: 'push'}};
}

export const reviewCommandHandlers: Record<ReviewCommand, CommandHandler> = {
	decide,
	countersign,
	undo,
	export: state => ({...state, effect: {kind: 'export'}}),
	push,
	nextHit,
	confirmHit: state => askReason(state, 'confirmed-match'),
	dismissHit: state => askReason(state, 'false-positive'),
	refresh: state =>
		state.progress ? withMessage(state, 'a refresh is already running') : {...state, progress: 'starting', effect: {kind: 'refresh'}},
};
