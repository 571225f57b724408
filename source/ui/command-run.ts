// Running what was typed on the `:` command line. Each verb moves the app as its
// key would (a saved view is recalled as a drill-down, so Esc returns); a
// mistake keeps the line open with the reason, so it can be corrected.
import {withMessage, type AppState} from './app-state.js';
import {parseCommand, verbs} from './command-line.js';
import {frequencyScreen} from './frequency.js';
import {navigated} from './navigation.js';
import {savedViewName, type Preferences, type SavedView} from './preferences.js';
import {reviewCommandHandlers} from './review-commands.js';
import {switchView, viewCommandHandlers, withCurrentTable} from './view-commands.js';
import {withTableAction, withViewBuilt} from './view-tables.js';
import {tableSpecs, viewNames} from './views.js';

/** The result of a command: the app moved on, or the line stays open with `error`. */
export type CommandOutcome = {state: AppState} | {error: string};

const withPreferences = (state: AppState, preferences: Preferences, message: string): AppState => ({
	...withMessage(state, message),
	preferences,
	effect: {kind: 'savePreferences', preferences},
});

const findSaved = (state: AppState, name: string) =>
	state.preferences.savedViews.find(saved => saved.name.toLowerCase() === name.toLowerCase());

function recall(state: AppState, name: string): CommandOutcome {
	const saved = findSaved(state, name);
	if (!saved) return {error: name ? `no saved view "${name}"` : 'name a saved view (Tab lists them)'};
	const moved = navigated(state, [saved.view], current => {
		let tables = withViewBuilt(current.tables, saved.view, current.data, current.size);
		tables = withTableAction(tables, saved.view, {type: 'filter', text: saved.filter}, current.size);
		tables = withTableAction(tables, saved.view, {type: 'sort', sort: saved.sort}, current.size);
		return {...current, tables, view: saved.view, screen: {kind: 'table'}};
	});
	return {state: withMessage(moved, `view ${saved.name}: ${saved.filter || 'no filter'}`)};
}

function save(state: AppState, name: string): CommandOutcome {
	if (!savedViewName.test(name)) return {error: 'a saved view needs a name: letters, digits, _ . - (up to 40)'};
	const table = state.tables[state.view];
	const saved: SavedView = {name, view: state.view, filter: table.filterText, sort: table.sort};
	const existing = findSaved(state, name);
	const savedViews = existing
		? state.preferences.savedViews.map(candidate => (candidate === existing ? saved : candidate))
		: [...state.preferences.savedViews, saved];
	const message = `${existing ? 'replaced' : 'saved'} view ${name}: ${saved.filter || 'no filter'} (v or :view ${name} recalls it)`;
	return {state: withPreferences(state, {...state.preferences, savedViews}, message)};
}

function forget(state: AppState, name: string): CommandOutcome {
	const existing = findSaved(state, name);
	if (!existing) return {error: `no saved view "${name}"`};
	const savedViews = state.preferences.savedViews.filter(candidate => candidate !== existing);
	return {state: withPreferences(state, {...state.preferences, savedViews}, `forgot view ${existing.name}`)};
}

function sortBy(state: AppState, argument: string): CommandOutcome {
	const [key = '', order = ''] = argument.split(/\s+/);
	const column = tableSpecs[state.view].columns.find(candidate => candidate.key === key.toLowerCase());
	if (!column) return {error: `no column "${key}" here (Tab lists them)`};
	if (order && !['asc', 'desc'].includes(order)) return {error: `sort ${key} asc or desc, not "${order}"`};
	return {state: withCurrentTable(state, {type: 'sort', sort: {column: column.key, descending: order === 'desc'}})};
}

function frequencyOf(state: AppState, argument: string): CommandOutcome {
	if (argument && !tableSpecs[state.view].columns.some(column => column.key === argument.toLowerCase()))
		return {error: `no column "${argument}" here (Tab lists them)`};
	const screen = frequencyScreen(state, argument.toLowerCase() || undefined);
	return typeof screen === 'string' ? {error: screen} : {state: navigated(state, [], current => ({...current, screen}))};
}

/** `text` run as a command on `state`, with the line already closed. */
export function runCommandText(state: AppState, text: string): CommandOutcome {
	const {verb, argument} = parseCommand(text);
	const view = viewNames.find(name => name === verb);
	if (view) return {state: switchView(state, view)};
	if (state.view === 'dashboard' && ['save', 'sort', 'freq', 'filter', 'columns'].includes(verb))
		return {error: 'the dashboard has no table; switch to a view first'};
	switch (verb) {
		case '':
			return {state};
		case 'view':
			return recall(state, argument);
		case 'save':
			return save(state, argument);
		case 'delete':
			return forget(state, argument);
		case 'columns':
			return {state: viewCommandHandlers.chooseColumns(state, {input: ''})};
		case 'freq':
			return frequencyOf(state, argument);
		case 'sort':
			return sortBy(state, argument);
		case 'filter':
			return {state: withCurrentTable(state, {type: 'filter', text: argument})};
		case 'push':
			return {state: reviewCommandHandlers.push(state, {input: ''})};
		case 'help':
			return {state: {...state, overlay: {kind: 'help'}}};
		case 'quit':
			return {state: {...state, effect: {kind: 'quit'}}};
		default:
			return {error: `unknown command "${verb}"; commands: ${verbs.map(candidate => candidate.name).join(' ')}`};
	}
}
