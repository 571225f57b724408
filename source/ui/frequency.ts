// A frequency view of one column, as visidata's Shift-F: how many of the shown
// rows have each value, most common first. Enter narrows the table to a value
// (a `field:value` term added to its filter); ←/→ step to the next column. Any
// column counts, the filter-only ones (status, kind, category…) included.
import type {CellValue} from '../query/index.js';
import type {Column, TableRow} from '../tables/index.js';
import type {AppState} from './app-state.js';
import {frequencyPageSize} from './layout.js';
import {shownSpec, type ViewName} from './views.js';

/** A value and how many rows have it; null stands for the empty cells. */
export type FrequencyValue = {value: string | null; count: number};

export type FrequencyState = {
	kind: 'frequency';
	/** The table counted: the view's own, with its filter. */
	view: ViewName;
	column: string;
	label: string;
	values: FrequencyValue[];
	/** Rows counted. */
	rows: number;
	cursor: number;
	top: number;
};

const valuesOf = (value: CellValue): Array<string | null> => {
	if (Array.isArray(value)) return value.length ? value.map(item => item || null) : [null];
	if (value === null || value === '') return [null];
	return [String(value)];
};

/** Counts of each value of `column` over `rows`, the most common first (then by value, empty last). */
export function countValues<Row>(rows: readonly Row[], column: Pick<Column<Row>, 'value'>): FrequencyValue[] {
	const counts = new Map<string | null, number>();
	for (const row of rows) for (const value of valuesOf(column.value(row))) counts.set(value, (counts.get(value) ?? 0) + 1);
	return [...counts]
		.map(([value, count]) => ({value, count}))
		.sort(
			(a, b) =>
				b.count - a.count || (a.value === null ? 1 : b.value === null ? -1 : a.value.localeCompare(b.value, undefined, {numeric: true})),
		);
}

/** The columns F steps through: those drawn, in the reviewer's order, then the hidden and filter-only ones. */
export function frequencyColumns(state: AppState, view: ViewName): ReadonlyArray<Column<TableRow>> {
	const arranged: ReadonlyArray<Column<TableRow>> = shownSpec(state.preferences, view).columns;
	return [...arranged.filter(column => !column.hidden), ...arranged.filter(column => column.hidden)];
}

/** The frequency view of `columnKey` (else the sort column, else the first drawn) over the view's shown rows, or why there is none. */
export function frequencyScreen(state: AppState, columnKey?: string, cursor = 0): FrequencyState | string {
	const view = state.view;
	if (view === 'dashboard') return 'the dashboard has no columns to count';
	const columns = frequencyColumns(state, view);
	const table = state.tables[view];
	// The name column's values are mostly unique: without a sort column to count, start on the next one.
	const column =
		columns.find(candidate => candidate.key === columnKey) ??
		columns.find(candidate => candidate.key === table.sort?.column && !candidate.hidden) ??
		columns.find(candidate => !candidate.hidden && !candidate.grow) ??
		columns[0];
	if (!column) return 'this view has no columns to count';
	const values = countValues(table.result.rows, column);
	const page = frequencyPageSize(state.size);
	const at = Math.max(0, Math.min(cursor, values.length - 1));
	return {
		kind: 'frequency',
		view,
		column: column.key,
		label: column.label,
		values,
		rows: table.result.count,
		cursor: at,
		top: Math.max(0, Math.min(at, values.length - page)),
	};
}

/** The frequency view's cursor moved to `position`, the window following it. */
export function frequencyMovedTo(frequency: FrequencyState, position: number, page: number): FrequencyState {
	const cursor = Math.max(0, Math.min(frequency.values.length - 1, position));
	let top = frequency.top;
	if (cursor < top) top = cursor;
	if (cursor >= top + page) top = cursor - page + 1;
	return {...frequency, cursor, top};
}

/** The next (or previous) column's counts, over the same rows. */
export function frequencyStepped(state: AppState, frequency: FrequencyState, step: number): FrequencyState | string {
	const columns = frequencyColumns(state, frequency.view);
	const index = columns.findIndex(column => column.key === frequency.column);
	return frequencyScreen(state, columns[(index + step + columns.length) % columns.length]!.key);
}

/** The filter term that keeps the rows with `value` in `column`, or why the filter language cannot say it. */
export function filterTermFor(column: string, value: string | null): string | {problem: string} {
	if (value === null) return {problem: 'the filter cannot pick out empty cells; sort by the column instead'};
	if (value.includes('"')) return {problem: `the filter cannot quote ${value}`};
	return /\s/.test(value) ? `${column}:"${value}"` : `${column}:${value}`;
}

/** The line above the counts: what is counted, over what, and the keys that act on it. */
export const frequencyTitle = (frequency: FrequencyState, viewTitle: string) =>
	`Frequency of ${frequency.label} in ${viewTitle}: ${frequency.values.length} values over ${frequency.rows} rows`;
