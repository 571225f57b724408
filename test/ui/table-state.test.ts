// One table's reducer on its own: moving and windowing, filter and sort keeping the selection, new rows, marks.
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import type {Column} from '../../source/tables/index.js';
import {builtTable, nextSort, tableReducer, type TableAction, type TableFrame, type TableState} from '../../source/ui/table-state.js';

type Row = {id: string; name: string; size: number};
const columns: Column<Row>[] = [
	{key: 'name', label: 'Name', value: row => row.name, priority: 0, minWidth: 4, maxWidth: 20},
	{key: 'size', label: 'Size', value: row => row.size, priority: 1, minWidth: 4, maxWidth: 6},
	{key: 'id', label: 'Id', value: row => row.id, hidden: true, priority: 9, minWidth: 0, maxWidth: 0},
];
const rowsOf = (count: number): Row[] =>
	Array.from({length: count}, (_, index) => ({id: `r${index}`, name: index % 2 ? `odd ${index}` : `even ${index}`, size: count - index}));
const frame: TableFrame<Row> = {columns, page: 5};
const table = (count = 20, selectedId: string | null = null) => builtTable(rowsOf(count), {sort: null, selectedId}, frame);
const act = (state: TableState<Row>, ...actions: Array<TableAction<Row>>) =>
	actions.reduce((current, action) => tableReducer(current, action, frame), state);
const selectedName = (state: TableState<Row>) => state.result.rowAt(state.cursor)?.name;

describe('moving in a table', () => {
	it('opens on the row it is asked to, with that row in the window', () => {
		const state = table(20, 'r12');
		expect(state).toMatchObject({cursor: 12, selectedId: 'r12'});
		expect(state.top).toBeLessThanOrEqual(12);
		expect(state.top + frame.page).toBeGreaterThan(12);
	});

	it('clamps moves to the first and the last row', () => {
		expect(act(table(), {type: 'moveBy', rows: -3}).cursor).toBe(0);
		expect(act(table(), {type: 'moveBy', rows: 99})).toMatchObject({cursor: 19, selectedId: 'r19'});
		expect(act(table(), {type: 'moveTo', position: 'last'}).cursor).toBe(19);
	});

	it('scrolls the window only when the cursor leaves it', () => {
		let state = act(table(), {type: 'moveBy', rows: 4});
		expect(state.top).toBe(0);
		state = act(state, {type: 'moveBy', rows: 1});
		expect(state.top).toBe(1);
		state = act(state, {type: 'moveBy', rows: -1});
		expect(state.top).toBe(1);
	});

	it('does nothing on an empty table', () => {
		const empty = act(table(), {type: 'filter', text: 'nothing matches this'});
		expect(act(empty, {type: 'moveBy', rows: 1})).toBe(empty);
		expect(empty.selectedId).toBeNull();
	});

	it('brings the cursor back into the window after the page shrinks', () => {
		const state = act(table(), {type: 'moveTo', position: 4});
		const small = tableReducer(state, {type: 'fit'}, {columns, page: 2});
		expect(small.top).toBe(3);
	});

	it('keeps the cursor in the window and on a real row whatever happens', () => {
		const action: fc.Arbitrary<TableAction<Row>> = fc.oneof(
			fc.integer({min: -30, max: 30}).map(rows => ({type: 'moveBy' as const, rows})),
			fc.constantFrom<TableAction<Row>>({type: 'moveTo', position: 'last'}, {type: 'moveTo', position: 0}, {type: 'fit'}),
			fc.constantFrom('', 'odd', 'even', '1', 'size:3', 'zzz').map(text => ({type: 'filter' as const, text})),
			fc.integer({min: 0, max: 30}).map(count => ({type: 'rows' as const, rows: rowsOf(count)})),
		);
		fc.assert(
			fc.property(fc.array(action, {maxLength: 20}), actions => {
				const state = act(table(), ...actions);
				const count = state.result.count;
				if (count === 0) {
					expect(state.selectedId).toBeNull();
					return;
				}
				expect(state.cursor).toBeGreaterThanOrEqual(state.top);
				expect(state.cursor).toBeLessThan(Math.min(count, state.top + frame.page));
				expect(state.top).toBeLessThanOrEqual(Math.max(0, count - frame.page));
				expect(state.selectedId).toBe(state.result.rowAt(state.cursor)!.id);
			}),
		);
	});
});

describe('filtering, sorting and new rows', () => {
	it('keeps the selection on the same row when a filter still shows it', () => {
		const state = act(table(), {type: 'moveTo', position: 7}, {type: 'filter', text: 'odd'});
		expect(state.filterText).toBe('odd');
		expect(selectedName(state)).toBe('odd 7');
		expect(state.cursor).toBe(3);
	});

	it('stays near the same place when the filter hides the selected row', () => {
		const state = act(table(), {type: 'moveTo', position: 6}, {type: 'filter', text: 'odd'});
		expect(state.cursor).toBe(6);
		expect(selectedName(state)).toBe('odd 13');
	});

	it('keeps the selection on the same row when the sort changes', () => {
		const state = act(table(), {type: 'moveTo', position: 2}, {type: 'sort', sort: {column: 'size', descending: false}});
		expect(selectedName(state)).toBe('even 2');
		expect(state.cursor).toBe(17);
	});

	it('takes new rows keeping the filter, the selection and the marks', () => {
		const marked = act(table(), {type: 'toggleMark'}, {type: 'moveTo', position: 5}, {type: 'filter', text: 'odd'});
		const state = act(marked, {type: 'rows', rows: rowsOf(30)});
		expect(state.rows).toHaveLength(30);
		expect(state.result.count).toBe(15);
		expect(state.selectedId).toBe('r5');
		expect([...state.marks]).toEqual(['r0']);
	});
});

describe('marks', () => {
	it('toggles the selected row', () => {
		const once = act(table(), {type: 'toggleMark'});
		expect([...once.marks]).toEqual(['r0']);
		expect(act(once, {type: 'toggleMark'}).marks.size).toBe(0);
	});

	it('marks every row the filter shows, and only those, then clears them all', () => {
		const state = act(table(), {type: 'filter', text: 'even'}, {type: 'markAll'});
		expect(state.marks.size).toBe(10);
		expect([...state.marks].every(id => Number(id.slice(1)) % 2 === 0)).toBe(true);
		expect(act(state, {type: 'clearMarks'}).marks.size).toBe(0);
	});
});

describe('the next sort', () => {
	it('steps through the shown columns, skipping hidden ones, ascending', () => {
		expect(nextSort(null, columns, false)).toEqual({column: 'name', descending: false});
		expect(nextSort({column: 'name', descending: true}, columns, false)).toEqual({column: 'size', descending: false});
		expect(nextSort({column: 'size', descending: false}, columns, false)).toEqual({column: 'name', descending: false});
	});

	it('reverses the current column', () => {
		expect(nextSort({column: 'size', descending: false}, columns, true)).toEqual({column: 'size', descending: true});
		expect(nextSort(null, columns, true)).toEqual({column: 'name', descending: true});
	});

	it('has nothing to sort by without columns', () => {
		expect(nextSort(null, [], false)).toBeNull();
		expect(nextSort(null, [], true)).toBeNull();
	});
});
