// One table as pure state: its rows, the query result (filter and sort), the
// selection (kept by row id), the cursor, the first row of the visible window,
// and the marks. Windowing lives here, so the view only draws rows [top, top + page).
import {applyQuery, QueryResult, type SortState} from '../query/index.js';
import type {Column, TableRow} from '../tables/index.js';

export type TableState<Row extends TableRow> = {
	rows: readonly Row[];
	result: QueryResult<Row>;
	filterText: string;
	sort: SortState | null;
	selectedId: string | null;
	cursor: number;
	top: number;
	marks: ReadonlySet<string>;
	/** False for a view not opened yet: its rows are computed when it is first shown, not at start. */
	built: boolean;
};

export type TableAction<Row extends TableRow> =
	| {type: 'moveTo'; position: number | 'last'}
	| {type: 'moveBy'; rows: number}
	| {type: 'filter'; text: string}
	| {type: 'sort'; sort: SortState | null}
	/** The cursor onto the row with this id, if it is shown (a place the back stack returns to). */
	| {type: 'select'; id: string | null}
	| {type: 'toggleMark'}
	| {type: 'markAll'}
	| {type: 'clearMarks'}
	| {type: 'rows'; rows: readonly Row[]}
	/** The page size changed (the terminal was resized): bring the cursor back into the window. */
	| {type: 'fit'};

/** The actions every table takes alike, whatever its rows: moves, filter, sort, marks, refit. */
export type TableCommand = Exclude<TableAction<TableRow>, {type: 'rows'}>;

/** What a table is told from outside: the columns that filter and sort read, and how many rows fit on a page. */
export type TableFrame<Row extends TableRow> = {columns: readonly Column<Row>[]; page: number};

// Where each id first appears in a rows array, so keeping the selection at 100,000
// rows is a lookup, not a walk over every row object. An id on several rows
// (nothing says ids are unique) is marked, and found by that walk.
const firstPositions = new WeakMap<readonly TableRow[], Map<string, number>>();
const repeatedId = -1;

/** Builds the id lookup of `rows` ahead of the first keystroke (the TUI calls it when idle): ~40 ms at 100,000 rows. */
export function warmIdPositions(rows: readonly TableRow[]): Map<string, number> {
	let positions = firstPositions.get(rows);
	if (!positions) {
		positions = new Map();
		for (let position = 0; position < rows.length; position++) {
			const rowId = rows[position]!.id;
			positions.set(rowId, positions.has(rowId) ? repeatedId : position);
		}
		firstPositions.set(rows, positions);
	}
	return positions;
}

/** Where the first row with `id` is shown, or -1. */
function positionOfId<Row extends TableRow>(result: QueryResult<Row>, id: string): number {
	const first = warmIdPositions(result.source).get(id);
	if (first === undefined) return -1;
	if (first !== repeatedId) return result.positionOfSource(first);
	for (let position = 0, count = result.count; position < count; position++) if (result.rowAt(position)!.id === id) return position;
	return -1;
}

function scrollIntoView<Row extends TableRow>(table: TableState<Row>, page: number): TableState<Row> {
	let top = table.top;
	if (table.cursor < top) top = table.cursor;
	if (table.cursor >= top + page) top = table.cursor - page + 1;
	top = Math.max(0, Math.min(top, Math.max(0, table.result.count - page)));
	return top === table.top ? table : {...table, top};
}

/** Keeps the selection on the same row (not the same index) when the shown rows change. */
function reselect<Row extends TableRow>(table: TableState<Row>, result: QueryResult<Row>, page: number): TableState<Row> {
	const found = table.selectedId === null ? -1 : positionOfId(result, table.selectedId);
	const cursor = found >= 0 ? found : Math.max(0, Math.min(table.cursor, result.count - 1));
	return scrollIntoView({...table, result, cursor, selectedId: result.rowAt(cursor)?.id ?? null}, page);
}

function requery<Row extends TableRow>(
	table: TableState<Row>,
	change: {filterText?: string; sort?: SortState | null; rows?: readonly Row[]},
	frame: TableFrame<Row>,
): TableState<Row> {
	const {filterText = table.filterText, sort = table.sort, rows = table.rows} = change;
	const result = applyQuery(rows, filterText, sort, frame.columns, rows === table.rows ? table.result : undefined);
	return reselect({...table, rows, filterText, sort}, result, frame.page);
}

function moveTo<Row extends TableRow>(table: TableState<Row>, position: number, page: number): TableState<Row> {
	const count = table.result.count;
	if (count === 0) return table;
	const cursor = Math.max(0, Math.min(count - 1, position));
	return scrollIntoView({...table, cursor, selectedId: table.result.rowAt(cursor)!.id}, page);
}

function toggleMark<Row extends TableRow>(table: TableState<Row>): TableState<Row> {
	if (!table.selectedId) return table;
	const marks = new Set(table.marks);
	if (marks.has(table.selectedId)) marks.delete(table.selectedId);
	else marks.add(table.selectedId);
	return {...table, marks};
}

export function tableReducer<Row extends TableRow>(
	table: TableState<Row>,
	action: TableAction<Row>,
	frame: TableFrame<Row>,
): TableState<Row> {
	switch (action.type) {
		case 'moveTo':
			return moveTo(table, action.position === 'last' ? table.result.count - 1 : action.position, frame.page);
		case 'moveBy':
			return moveTo(table, table.cursor + action.rows, frame.page);
		case 'filter':
			return requery(table, {filterText: action.text}, frame);
		case 'sort':
			return requery(table, {sort: action.sort}, frame);
		case 'rows':
			return requery(table, {rows: action.rows}, frame);
		case 'select': {
			const position = action.id === null ? -1 : positionOfId(table.result, action.id);
			return position < 0 ? table : moveTo(table, position, frame.page);
		}
		case 'toggleMark':
			return toggleMark(table);
		case 'markAll':
			return {...table, marks: new Set([...table.marks, ...table.result.rows.map(row => row.id)])};
		case 'clearMarks':
			return {...table, marks: new Set()};
		case 'fit':
			return scrollIntoView(table, frame.page);
	}
}

/** A view's place until it is opened: at 100,000 vendors, building every view up front cost more than the one shown. */
export function unbuiltTable<Row extends TableRow>(sort: SortState | null): TableState<Row> {
	return {
		rows: [],
		result: QueryResult.empty(sort),
		filterText: '',
		sort,
		selectedId: null,
		cursor: 0,
		top: 0,
		marks: new Set(),
		built: false,
	};
}

/** A table of `rows` with no filter, sorted by `sort`, its cursor on `selectedId` (or the first row). */
export function builtTable<Row extends TableRow>(
	rows: readonly Row[],
	opening: {sort: SortState | null; selectedId: string | null},
	frame: TableFrame<Row>,
): TableState<Row> {
	return requery({...unbuiltTable<Row>(opening.sort), selectedId: opening.selectedId, built: true}, {rows}, frame);
}

/** The sort after `s` (the next shown column, ascending) or `S` (the same column reversed); null with no columns to sort by. */
export function nextSort<Row>(sort: SortState | null, columns: readonly Column<Row>[], reverse: boolean): SortState | null {
	const shown = columns.filter(column => !column.hidden);
	if (shown.length === 0) return null;
	if (reverse) return {column: sort?.column ?? shown[0]!.key, descending: !(sort?.descending ?? false)};
	const index = shown.findIndex(column => column.key === sort?.column);
	return {column: shown[(index + 1) % shown.length]!.key, descending: false};
}

export const selectedRow = <Row extends TableRow>(table: TableState<Row>): Row | undefined => table.result.rowAt(table.cursor);
