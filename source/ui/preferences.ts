// What a reviewer keeps between runs, read from the config file before the first
// frame (peeked, without conf) and written back through the shell: the columns
// chosen per view, and saved views (a named filter and sort). Anything malformed
// is ignored with one line saying so, never a crash on start.
import type {SortState} from '../query/index.js';
import type {ColumnChoice} from '../tables/index.js';
import {viewNames, type ViewName} from './views.js';

export type SavedView = {name: string; view: ViewName; filter: string; sort: SortState | null};
export type Preferences = {columns: Partial<Record<ViewName, ColumnChoice>>; savedViews: readonly SavedView[]};

export const noPreferences: Preferences = {columns: {}, savedViews: []};

/** A saved view's name: short, no spaces, so `:view NAME` completes and reads back the same. */
export const savedViewName = /^[\p{L}\p{N}_.-]{1,40}$/u;

const isViewName = (value: unknown): value is ViewName => viewNames.some(name => name === value);
const isStringArray = (value: unknown): value is string[] => Array.isArray(value) && value.every(item => typeof item === 'string');
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function parseColumns(raw: unknown, problems: string[]): Preferences['columns'] {
	if (raw === undefined) return {};
	if (!isObject(raw)) {
		problems.push('config columns: expected {"vendors": {"order": [...], "hidden": [...]}}; ignored');
		return {};
	}
	const columns: Preferences['columns'] = {};
	for (const [view, choice] of Object.entries(raw)) {
		if (!isViewName(view) || !isObject(choice) || !isStringArray(choice.order ?? []) || !isStringArray(choice.hidden ?? [])) {
			problems.push(`config columns.${view}: not a view with "order" and "hidden" lists of column keys; ignored`);
			continue;
		}
		columns[view] = {order: isStringArray(choice.order) ? choice.order : [], hidden: isStringArray(choice.hidden) ? choice.hidden : []};
	}
	return columns;
}

function parseSort(raw: unknown): SortState | null | undefined {
	if (raw === null || raw === undefined) return null;
	if (isObject(raw) && typeof raw.column === 'string' && typeof raw.descending === 'boolean')
		return {column: raw.column, descending: raw.descending};
	return undefined;
}

function parseSavedViews(raw: unknown, problems: string[]): SavedView[] {
	if (raw === undefined) return [];
	if (!Array.isArray(raw)) {
		problems.push('config savedViews: expected a list of {name, view, filter, sort}; ignored');
		return [];
	}
	const saved: SavedView[] = [];
	for (const item of raw) {
		const sort = isObject(item) ? parseSort(item.sort) : undefined;
		if (
			!isObject(item) ||
			typeof item.name !== 'string' ||
			!savedViewName.test(item.name) ||
			!isViewName(item.view) ||
			typeof (item.filter ?? '') !== 'string' ||
			sort === undefined
		) {
			problems.push(`config savedViews: ${JSON.stringify(item).slice(0, 60)} is not a saved view; ignored`);
			continue;
		}
		saved.push({name: item.name, view: item.view, filter: typeof item.filter === 'string' ? item.filter : '', sort});
	}
	return saved;
}

/** The preferences in the config file's `columns` and `savedViews`, and a line for each part that was ignored. */
export function parsePreferences(raw: {columns?: unknown; savedViews?: unknown}): {preferences: Preferences; problems: string[]} {
	const problems: string[] = [];
	return {
		preferences: {columns: parseColumns(raw.columns, problems), savedViews: parseSavedViews(raw.savedViews, problems)},
		problems,
	};
}
