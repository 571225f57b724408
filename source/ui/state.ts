// The TUI's root reducer. Keys go to the dispatcher (key-dispatch.ts), which
// hands each command to the slice that owns it; the rest is the shell's news:
// the terminal's size, new data, messages, effects done and refresh progress.
import type {AppData, Progress} from './app-data.js';
import {withMessage, type AppState} from './app-state.js';
import type {KeyEvent} from './bindings.js';
import {vendorDetail} from './detail-state.js';
import {keyPressed} from './key-dispatch.js';
import type {Size} from './layout.js';
import {refittedTables, reloadedTables, unbuiltTables, withViewBuilt} from './view-tables.js';
import type {ViewName} from './views.js';

// What the tests read through this file (other folders use index.ts).
export type {AppState} from './app-state.js';
export type {AppData} from './app-data.js';
export {pageSize} from './layout.js';

export type Action =
	| {type: 'key'; event: KeyEvent}
	| {type: 'resize'; columns: number; rows: number}
	| {type: 'data'; data: AppData}
	| {type: 'message'; text: string}
	| {type: 'clearMessage'; id: number}
	| {type: 'effectDone'}
	| {type: 'progress'; progress: Progress | null}
	| {type: 'inputReady'};

export function initialState(data: AppData, size: Size, view: ViewName = 'vendors'): AppState {
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
		inputReady: false,
	};
}

function dataArrived(state: AppState, data: AppData): AppState {
	// The App's mount effect hands back the data it started with: nothing to recompute.
	if (data === state.data) return state;
	const screen =
		state.screen.kind === 'detail' && state.screen.vendorId
			? vendorDetail(data, state.screen.vendorId, state.screen.hit, state.screen.scroll)
			: state.screen;
	const next = {...state, data, tables: reloadedTables(state.tables, data, state.size), screen};
	const warnings = data.warnings ?? [];
	return warnings.length && warnings !== state.data.warnings
		? withMessage(next, `⚠ ${warnings[0]}${warnings.length > 1 ? ` (+${warnings.length - 1} more)` : ''}`)
		: next;
}

export function appReducer(state: AppState, action: Action): AppState {
	switch (action.type) {
		case 'key':
			return keyPressed(state, action.event);
		case 'resize': {
			const size = {columns: action.columns, rows: action.rows};
			return {...state, size, tables: refittedTables(state.tables, size)};
		}
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
		case 'inputReady':
			return {...state, inputReady: true};
	}
}
