// The TUI's root reducer. Keys go to the dispatcher (key-dispatch.ts), which
// hands each command to the slice that owns it; the rest is the shell's news:
// the terminal's size, new data, a paste, messages, effects done, refresh progress and
// a screening's progress.
import type {ScreeningProgress} from '../app-context/index.js';
import type {AppData, Progress} from './app-data.js';
import {withMessage, type AppState, type Screen} from './app-state.js';
import {bindings, type Binding, type KeyEvent} from './bindings.js';
import {detailReducer, entryDetail, relocated, ruleDetail, vendorDetail} from './detail-state.js';
import {frequencyMovedTo, frequencyScreen} from './frequency.js';
import {keyPressed, textPasted} from './key-dispatch.js';
import {detailViewport, frequencyPageSize, type Size} from './layout.js';
import {noPreferences, type Preferences} from './preferences.js';
import {refittedTables, reloadedTables, unbuiltTables, withViewBuilt} from './view-tables.js';
import type {ViewName} from './views.js';

// What the tests read through this file (other folders use index.ts).
export type {AppState} from './app-state.js';
export type {AppData} from './app-data.js';
export {pageSize} from './layout.js';

export type Action =
	| {type: 'key'; event: KeyEvent}
	| {type: 'paste'; text: string}
	| {type: 'resize'; columns: number; rows: number}
	| {type: 'data'; data: AppData}
	| {type: 'message'; text: string}
	| {type: 'clearMessage'; id: number}
	| {type: 'effectDone'}
	| {type: 'progress'; progress: Progress | null}
	| {type: 'screening'; progress: ScreeningProgress | null}
	| {type: 'inputReady'};

/** What the reviewer set up in the config file: remapped keys, columns and saved views. */
export type StartOptions = {keymap?: readonly Binding[]; preferences?: Preferences};

export function initialState(data: AppData, size: Size, view: ViewName = 'vendors', options: StartOptions = {}): AppState {
	// The queue is built up front too: the status bar and the dashboard show its size.
	const tables = withViewBuilt(withViewBuilt(unbuiltTables(), view, data, size), 'queue', data, size);
	return {
		data,
		view,
		tables,
		screen: {kind: 'table'},
		overlay: {kind: 'none'},
		size,
		message: null,
		effect: null,
		progress: null,
		screening: null,
		inputReady: false,
		back: [],
		keymap: options.keymap ?? bindings,
		preferences: options.preferences ?? noPreferences,
	};
}

/** The open screen rebuilt from new data, in the same place. */
function reloadedScreen(state: AppState): Screen {
	const screen = state.screen;
	const viewport = detailViewport(state.size);
	if (screen.kind === 'detail' && screen.vendorId)
		return relocated(screen, vendorDetail(state.data, screen.vendorId, {hit: screen.hit}, viewport), viewport);
	if (screen.kind === 'detail' && screen.entryId) {
		const entry = state.data.entries.find(candidate => candidate.id === screen.entryId);
		return entry ? relocated(screen, entryDetail(entry, viewport), viewport) : {kind: 'table'};
	}
	if (screen.kind === 'detail' && screen.ruleId)
		return state.data.catalog.classRuleById.has(screen.ruleId)
			? relocated(screen, ruleDetail(state.data, screen.ruleId, viewport), viewport)
			: {kind: 'table'};
	if (screen.kind === 'frequency') {
		const frequency = frequencyScreen(state, screen.column, screen.cursor);
		return typeof frequency === 'string' ? {kind: 'table'} : frequency;
	}
	return screen;
}

function dataArrived(state: AppState, data: AppData): AppState {
	// The App's mount effect hands back the data it started with: nothing to recompute.
	if (data === state.data) return state;
	const reloaded = {...state, data, tables: reloadedTables(state.tables, data, state.size)};
	const next = {...reloaded, screen: reloadedScreen(reloaded)};
	const warnings = data.warnings ?? [];
	return warnings.length && warnings !== state.data.warnings
		? withMessage(next, `⚠ ${warnings[0]}${warnings.length > 1 ? ` (+${warnings.length - 1} more)` : ''}`)
		: next;
}

function resized(state: AppState, size: Size): AppState {
	const next = {...state, size, tables: refittedTables(state.tables, size)};
	const screen = next.screen;
	if (screen.kind === 'detail') return {...next, screen: detailReducer(screen, {type: 'refit'}, detailViewport(size))};
	if (screen.kind === 'frequency') return {...next, screen: frequencyMovedTo(screen, screen.cursor, frequencyPageSize(size))};
	return next;
}

export function appReducer(state: AppState, action: Action): AppState {
	switch (action.type) {
		case 'key':
			return keyPressed(state.message?.sticky ? {...state, message: null} : state, action.event);
		case 'paste':
			return textPasted(state, action.text);
		case 'resize':
			return resized(state, {columns: action.columns, rows: action.rows});
		case 'data':
			return dataArrived(state, action.data);
		case 'message':
			return withMessage(state, action.text);
		case 'clearMessage':
			return state.message?.id === action.id ? {...state, message: null} : state;
		case 'effectDone':
			return {...state, effect: null};
		case 'progress':
			return {...state, progress: action.progress};
		case 'screening':
			return {...state, screening: action.progress};
		case 'inputReady':
			return {...state, inputReady: true};
	}
}
