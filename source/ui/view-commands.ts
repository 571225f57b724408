// The commands of the screens (a table, a detail, a frequency view): moving,
// switching views, opening, going back, filtering, sorting, marking, copying,
// and opening the column chooser, the frequency view and the command line.
import {viewKeys, type KeyEvent} from './bindings.js';
import type {ViewCommand} from './commands.js';
import {withMessage, type AppState} from './app-state.js';
import {newColumnChooser} from './column-chooser.js';
import {newCommandLine, type CompletionSources} from './command-line.js';
import {copyOfFocused, detailReducer, followFocused, type DetailAction} from './detail-state.js';
import {filterTermFor, frequencyMovedTo, frequencyScreen, frequencyStepped, type FrequencyState} from './frequency.js';
import {detailViewport, frequencyPageSize, pageSize} from './layout.js';
import {navigated, wentBack} from './navigation.js';
import {openSelectedRow} from './open-row.js';
import {nextSort, selectedRow, type TableCommand} from './table-state.js';
import {textField} from './text-field.js';
import {withTableAction, withViewBuilt} from './view-tables.js';
import {shownSpec, tableSpecs, viewNames, type ViewName} from './views.js';

export type CommandHandler = (state: AppState, event: KeyEvent) => AppState;

export const withCurrentTable = (state: AppState, action: TableCommand): AppState => ({
	...state,
	tables: withTableAction(state.tables, state.view, action, state.size),
});

/** Another view, as a tab: a new start, so the way back is forgotten. */
export const switchView = (state: AppState, view: ViewName): AppState => ({
	...state,
	tables: withViewBuilt(state.tables, view, state.data, state.size),
	view,
	screen: {kind: 'table'},
	back: [],
});

/** The same key moves the cursor in a table, the focus in a detail and the value in a frequency view. */
function move(
	state: AppState,
	inTable: TableCommand,
	inDetail: DetailAction,
	inFrequency: (frequency: FrequencyState) => number,
): AppState {
	const screen = state.screen;
	if (screen.kind === 'detail') return {...state, screen: detailReducer(screen, inDetail, detailViewport(state.size))};
	if (screen.kind === 'frequency') return {...state, screen: frequencyMovedTo(screen, inFrequency(screen), frequencyPageSize(state.size))};
	return withCurrentTable(state, inTable);
}

const stepView = (state: AppState, step: number) =>
	switchView(state, viewNames[(viewNames.indexOf(state.view) + step + viewNames.length) % viewNames.length]!);

/** Enter on a value of a frequency view: the table narrowed to it, the frequency view one Esc away. */
function filterToValue(state: AppState, frequency: FrequencyState): AppState {
	const value = frequency.values[frequency.cursor];
	if (!value) return state;
	const term = filterTermFor(frequency.column, value.value);
	if (typeof term !== 'string') return withMessage(state, term.problem);
	const filterText = [state.tables[state.view].filterText.trim(), term].filter(Boolean).join(' ');
	return navigated(state, [], current => withCurrentTable({...current, screen: {kind: 'table'}}, {type: 'filter', text: filterText}));
}

function open(state: AppState): AppState {
	const screen = state.screen;
	if (screen.kind === 'frequency') return filterToValue(state, screen);
	if (screen.kind === 'detail') {
		const followed = followFocused(screen, detailViewport(state.size));
		return followed ? {...state, screen: followed} : state;
	}
	const opened = openSelectedRow(state.view, state.tables[state.view], state.data, detailViewport(state.size));
	if (!opened) return state;
	if (opened.kind === 'detail') return navigated(state, [], current => ({...current, screen: opened.detail}));
	if (opened.kind === 'message') return withMessage(state, opened.text);
	// A drill-down: the vendors of a jurisdiction. Esc brings back the jurisdiction and the vendors as they were.
	return navigated(state, ['vendors'], current => ({
		...current,
		tables: withTableAction(
			withViewBuilt(current.tables, 'vendors', current.data, current.size),
			'vendors',
			{type: 'filter', text: opened.filterText},
			current.size,
		),
		view: 'vendors',
		screen: {kind: 'table'},
	}));
}

/** Esc: back to the last place recorded; with nowhere to go back to, clear the filter. */
function back(state: AppState): AppState {
	const returned = wentBack(state);
	if (returned) return returned;
	if (state.screen.kind !== 'table') return {...state, screen: {kind: 'table'}};
	return state.tables[state.view].filterText ? withCurrentTable(state, {type: 'filter', text: ''}) : state;
}

function cycleSort(state: AppState, reverse: boolean): AppState {
	const columns = shownSpec(state.preferences, state.view).columns;
	const sort = nextSort(state.tables[state.view].sort, columns, reverse);
	// The dashboard has no columns: nothing to sort by.
	if (!sort) return state;
	const label = columns.find(column => column.key === sort.column)?.label ?? sort.column;
	return withMessage(withCurrentTable(state, {type: 'sort', sort}), `sorted by ${label} ${sort.descending ? '▼' : '▲'}`);
}

const rowName = (row: object): string => ('name' in row && typeof row.name === 'string' ? row.name : '');

function copy(state: AppState): AppState {
	if (state.screen.kind === 'detail') {
		const text = copyOfFocused(state.screen);
		return {...withMessage(state, `copied: ${text.replace('\t', ' ')}`), effect: {kind: 'copy', text}};
	}
	const row = selectedRow(state.tables[state.view]);
	if (!row) return state;
	return {...withMessage(state, `copied: ${row.id} ${rowName(row)}`), effect: {kind: 'copy', text: `${row.id}\t${rowName(row)}`}};
}

function frequency(state: AppState): AppState {
	const screen = frequencyScreen(state);
	return typeof screen === 'string' ? withMessage(state, screen) : navigated(state, [], current => ({...current, screen}));
}

function stepColumn(state: AppState, step: number): AppState {
	if (state.screen.kind !== 'frequency') return state;
	const screen = frequencyStepped(state, state.screen, step);
	return typeof screen === 'string' ? withMessage(state, screen) : {...state, screen};
}

function chooseColumns(state: AppState): AppState {
	if (tableSpecs[state.view].columns.length === 0) return withMessage(state, 'the dashboard has no columns');
	const chooser = newColumnChooser(tableSpecs[state.view].columns, state.preferences.columns[state.view]);
	return {...state, overlay: {kind: 'columns', chooser}};
}

/** What the command line completes from: the saved views, and the current view's columns. */
export const completionSources = (state: AppState): CompletionSources => ({
	savedViews: state.preferences.savedViews.map(saved => saved.name),
	columns: tableSpecs[state.view].columns.map(column => column.key),
});

const openCommandLine = (state: AppState, value = '') => ({
	...state,
	overlay: {kind: 'command' as const, line: newCommandLine(value, completionSources(state))},
});

function savedViews(state: AppState): AppState {
	if (state.preferences.savedViews.length === 0) return withMessage(state, 'no saved views yet: filter and sort a view, then :save NAME');
	return openCommandLine(state, 'view ');
}

export const viewCommandHandlers: Record<Exclude<ViewCommand, ReviewCommand>, CommandHandler> = {
	moveDown: state => move(state, {type: 'moveBy', rows: 1}, {type: 'focusBy', lines: 1}, screen => screen.cursor + 1),
	moveUp: state => move(state, {type: 'moveBy', rows: -1}, {type: 'focusBy', lines: -1}, screen => screen.cursor - 1),
	pageDown: state =>
		move(state, {type: 'moveBy', rows: pageSize(state)}, {type: 'page', pages: 1}, screen => screen.cursor + frequencyPageSize(state.size)),
	pageUp: state =>
		move(
			state,
			{type: 'moveBy', rows: -pageSize(state)},
			{type: 'page', pages: -1},
			screen => screen.cursor - frequencyPageSize(state.size),
		),
	top: state => move(state, {type: 'moveTo', position: 0}, {type: 'focusTo', line: 'first'}, () => 0),
	bottom: state => move(state, {type: 'moveTo', position: 'last'}, {type: 'focusTo', line: 'last'}, screen => screen.values.length - 1),
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
	chooseColumns,
	frequency,
	nextColumn: state => stepColumn(state, 1),
	previousColumn: state => stepColumn(state, -1),
	commandLine: state => openCommandLine(state),
	savedViews,
};

/** The commands review-commands.ts handles: decisions, hits and refresh, which ask the shell for effects. */
export type ReviewCommand = Extract<
	ViewCommand,
	'decide' | 'countersign' | 'undo' | 'export' | 'push' | 'nextHit' | 'confirmHit' | 'dismissHit' | 'refresh'
>;
