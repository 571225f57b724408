// The back stack: every move that drills in (open a row, a jurisdiction's
// vendors, a frequency view, a value from it, a saved view) first records where
// the reviewer was; Esc returns there: the view with its filter, sort and
// selected row, and what was open on it. Places are kept as ids and text, and
// rebuilt from the data on return, so a refresh in between cannot bring back stale rows.
import type {SortState} from '../query/index.js';
import type {AppState, Screen} from './app-state.js';
import {entryDetail, ruleDetail, vendorDetail} from './detail-state.js';
import {frequencyScreen} from './frequency.js';
import {detailViewport} from './layout.js';
import {withTableAction, withViewBuilt} from './view-tables.js';
import type {ViewName} from './views.js';

export type TablePlace = {filterText: string; sort: SortState | null; selectedId: string | null};
export type ScreenPlace =
	| {kind: 'table'}
	| {kind: 'detail'; vendorId?: string; entryId?: string; ruleId?: string; focus: number; scroll: number; hit: number}
	| {kind: 'frequency'; column: string; cursor: number};
export type Place = {view: ViewName; screen: ScreenPlace; tables: Partial<Record<ViewName, TablePlace>>};

/** Enough for any real path back; the oldest places go first. */
const deepest = 50;

function screenPlace(screen: Screen): ScreenPlace {
	if (screen.kind === 'detail')
		return {
			kind: 'detail',
			vendorId: screen.vendorId,
			entryId: screen.entryId,
			ruleId: screen.ruleId,
			focus: screen.focus,
			scroll: screen.scroll,
			hit: screen.hit,
		};
	if (screen.kind === 'frequency') return {kind: 'frequency', column: screen.column, cursor: screen.cursor};
	return {kind: 'table'};
}

/** Where the reviewer is, with the tables of `views` (the current one and those a move will change). */
export function placeOf(state: AppState, views: readonly ViewName[] = []): Place {
	const tables: Place['tables'] = {};
	for (const view of new Set([state.view, ...views])) {
		const table = state.tables[view];
		if (table.built) tables[view] = {filterText: table.filterText, sort: table.sort, selectedId: table.selectedId};
	}
	return {view: state.view, screen: screenPlace(state.screen), tables};
}

/** `move` applied after recording the place to come back to; `touched` are the other views the move changes. */
export function navigated(state: AppState, touched: readonly ViewName[], move: (state: AppState) => AppState): AppState {
	const moved = move(state);
	if (moved === state) return state;
	return {...moved, back: [...state.back, placeOf(state, touched)].slice(-deepest)};
}

function restoredTable(state: AppState, view: ViewName, place: TablePlace): AppState {
	let tables = withViewBuilt(state.tables, view, state.data, state.size);
	if (tables[view].filterText !== place.filterText)
		tables = withTableAction(tables, view, {type: 'filter', text: place.filterText}, state.size);
	if (JSON.stringify(tables[view].sort) !== JSON.stringify(place.sort))
		tables = withTableAction(tables, view, {type: 'sort', sort: place.sort}, state.size);
	tables = withTableAction(tables, view, {type: 'select', id: place.selectedId}, state.size);
	return {...state, tables};
}

function restoredScreen(state: AppState, place: ScreenPlace): Screen {
	const viewport = detailViewport(state.size);
	if (place.kind === 'detail' && place.vendorId && state.data.catalog.vendorById.has(place.vendorId))
		return vendorDetail(state.data, place.vendorId, place, viewport);
	if (place.kind === 'detail' && place.entryId) {
		const entry = state.data.entries.find(candidate => candidate.id === place.entryId);
		if (entry) return entryDetail(entry, viewport, place);
	}
	if (place.kind === 'detail' && place.ruleId && state.data.catalog.classRuleById.has(place.ruleId))
		return ruleDetail(state.data, place.ruleId, viewport, place);
	if (place.kind === 'frequency') {
		const frequency = frequencyScreen(state, place.column, place.cursor);
		if (typeof frequency !== 'string') return frequency;
	}
	return {kind: 'table'};
}

/** The state at the last recorded place, or null when there is nowhere to go back to. */
export function wentBack(state: AppState): AppState | null {
	const place = state.back.at(-1);
	if (!place) return null;
	let next: AppState = {...state, back: state.back.slice(0, -1), view: place.view, overlay: {kind: 'none'}};
	for (const [view, table] of Object.entries(place.tables) as Array<[ViewName, TablePlace]>) next = restoredTable(next, view, table);
	return {...next, screen: restoredScreen(next, place.screen)};
}
