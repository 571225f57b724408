// The commands of the table and detail screens: moving, switching views, opening,
// filtering, sorting, marking and copying. Each is a small function of the state.
import {viewKeys, type KeyEvent} from './bindings.js';
import type {ViewCommand} from './commands.js';
import {withMessage, type AppState} from './app-state.js';
import {detailReducer, type DetailAction} from './detail-state.js';
import {detailPageSize, pageSize} from './layout.js';
import {openSelectedRow} from './open-row.js';
import {nextSort, selectedRow, type TableCommand} from './table-state.js';
import {textField} from './text-field.js';
import {withTableAction, withViewBuilt} from './view-tables.js';
import {tableSpecs, viewNames, type ViewName} from './views.js';

export type CommandHandler = (state: AppState, event: KeyEvent) => AppState;

export const withCurrentTable = (state: AppState, action: TableCommand): AppState => ({
	...state,
	tables: withTableAction(state.tables, state.view, action, state.size),
});

export const switchView = (state: AppState, view: ViewName): AppState => ({
	...state,
	tables: withViewBuilt(state.tables, view, state.data, state.size),
	view,
	screen: {kind: 'table'},
});

/** The same key moves the cursor in a table and scrolls a detail. */
function move(state: AppState, inTable: TableCommand, inDetail: DetailAction): AppState {
	if (state.screen.kind === 'detail') return {...state, screen: detailReducer(state.screen, inDetail, detailPageSize(state.size))};
	return withCurrentTable(state, inTable);
}

const stepView = (state: AppState, step: number) =>
	switchView(state, viewNames[(viewNames.indexOf(state.view) + step + viewNames.length) % viewNames.length]!);

function open(state: AppState): AppState {
	const opened = openSelectedRow(state.view, state.tables[state.view], state.data);
	if (!opened) return state;
	if (opened.kind === 'detail') return {...state, screen: opened.detail};
	if (opened.kind === 'message') return withMessage(state, opened.text);
	return withCurrentTable(switchView(state, 'vendors'), {type: 'filter', text: opened.filterText});
}

function back(state: AppState): AppState {
	if (state.screen.kind === 'detail') return {...state, screen: {kind: 'table'}};
	return state.tables[state.view].filterText ? withCurrentTable(state, {type: 'filter', text: ''}) : state;
}

function cycleSort(state: AppState, reverse: boolean): AppState {
	const columns = tableSpecs[state.view].columns;
	const sort = nextSort(state.tables[state.view].sort, columns, reverse);
	// The dashboard has no columns: nothing to sort by.
	if (!sort) return state;
	const label = columns.find(column => column.key === sort.column)?.label ?? sort.column;
	return withMessage(withCurrentTable(state, {type: 'sort', sort}), `sorted by ${label} ${sort.descending ? '▼' : '▲'}`);
}

const rowName = (row: object): string => ('name' in row && typeof row.name === 'string' ? row.name : '');

function copy(state: AppState): AppState {
	if (state.screen.kind === 'detail') {
		const text = state.screen.copyText;
		return {...withMessage(state, `copied: ${text.replace('\t', ' ')}`), effect: {kind: 'copy', text}};
	}
	const row = selectedRow(state.tables[state.view]);
	if (!row) return state;
	return {...withMessage(state, `copied: ${row.id} ${rowName(row)}`), effect: {kind: 'copy', text: `${row.id}\t${rowName(row)}`}};
}

export const viewCommandHandlers: Record<Exclude<ViewCommand, ReviewCommand>, CommandHandler> = {
	moveDown: state => move(state, {type: 'moveBy', rows: 1}, {type: 'scrollBy', lines: 1}),
	moveUp: state => move(state, {type: 'moveBy', rows: -1}, {type: 'scrollBy', lines: -1}),
	pageDown: state => move(state, {type: 'moveBy', rows: pageSize(state)}, {type: 'scrollBy', lines: detailPageSize(state.size)}),
	pageUp: state => move(state, {type: 'moveBy', rows: -pageSize(state)}, {type: 'scrollBy', lines: -detailPageSize(state.size)}),
	top: state => move(state, {type: 'moveTo', position: 0}, {type: 'scrollTo', line: 0}),
	bottom: state => move(state, {type: 'moveTo', position: 'last'}, {type: 'scrollTo', line: 'end'}),
	showView: (state, event) => {
		const view = viewNames[viewKeys.findIndex(key => key === event.input)];
		return view ? switchView(state, view) : state;
	},
	nextView: state => stepView(state, 1),
	previousView: state => stepView(state, -1),
	open,
	back,
	quit: state => ({...state, effect: {kind: 'quit'}}),
	filter: state => ({...state, overlay: {kind: 'filter', field: textField(state.tables[state.view].filterText)}}),
	sortNext: state => cycleSort(state, false),
	sortReverse: state => cycleSort(state, true),
	mark: state => withCurrentTable(withCurrentTable(state, {type: 'toggleMark'}), {type: 'moveBy', rows: 1}),
	markAll: state => withCurrentTable(state, {type: 'markAll'}),
	clearMarks: state => withCurrentTable(state, {type: 'clearMarks'}),
	copy,
	help: state => ({...state, overlay: {kind: 'help'}}),
};

/** The commands review-commands.ts handles: decisions, hits and refresh, which ask the shell for effects. */
export type ReviewCommand = Extract<ViewCommand, 'decide' | 'undo' | 'export' | 'nextHit' | 'confirmHit' | 'dismissHit' | 'refresh'>;
