// The reviewer's own views through the root reducer: the back stack, the
// frequency view, the column chooser, the command line with completion, saved
// views, and a paste that is text or nothing.
import {describe, expect, it} from 'vitest';
import type {KeyEvent} from '../../source/ui/bindings.js';
import {candidatesFor, completed, newCommandLine} from '../../source/ui/command-line.js';
import {columnChooserReducer, newColumnChooser} from '../../source/ui/column-chooser.js';
import {countValues, filterTermFor} from '../../source/ui/frequency.js';
import {appReducer, initialState, type AppState} from '../../source/ui/state.js';
import {tableSpecs} from '../../source/ui/views.js';
import {embeddedData} from './fixtures.js';

const start = () => initialState(embeddedData(), {columns: 80, rows: 24});
const press = (state: AppState, ...events: Array<string | Partial<KeyEvent>>) =>
	events.reduce(
		(current, event) => appReducer(current, {type: 'key', event: typeof event === 'string' ? {input: event} : {input: '', ...event}}),
		state,
	);
const type = (state: AppState, text: string) => [...text].reduce((current, character) => press(current, character), state);
const table = (state: AppState) => state.tables[state.view];
const enter = {return: true};
const escape = {escape: true, meta: true};

describe('the back stack', () => {
	it('returns from a jurisdiction’s vendors to that jurisdiction, the vendors as they were', () => {
		let state = press(start(), '2', 'j', 'j');
		const jurisdiction = table(state).selectedId;
		state = press(state, enter);
		expect(state.view).toBe('vendors');
		expect(table(state).filterText).toBe(`hq:${jurisdiction}`);
		state = press(state, escape);
		expect(state.view).toBe('jurisdictions');
		expect(table(state).selectedId).toBe(jurisdiction);
		expect(state.tables.vendors.filterText).toBe('');
		expect(state.back).toEqual([]);
	});

	it('goes back one step at a time: detail, then the table it was opened on; then Esc clears the filter', () => {
		let state = type(start(), '/hq:CN');
		state = press(state, enter, 's', 'j', 'j');
		const row = table(state).selectedId;
		state = press(state, enter);
		expect(state.screen.kind).toBe('detail');
		state = press(state, escape);
		expect(state.screen.kind).toBe('table');
		expect(table(state)).toMatchObject({filterText: 'hq:CN', selectedId: row, sort: {column: 'name', descending: false}});
		state = press(state, escape);
		expect(table(state).filterText).toBe('');
	});

	it('forgets the way back when another view is chosen as a tab', () => {
		const state = press(start(), '2', enter, '3');
		expect(state.back).toEqual([]);
	});
});

describe('the frequency view', () => {
	it('counts values, arrays element by element and empty cells as one value, the most common first', () => {
		const rows = [{tags: ['a', 'b']}, {tags: ['a']}, {tags: []}, {tags: ['b', 'a']}];
		expect(countValues(rows, {value: row => row.tags})).toEqual([
			{value: 'a', count: 3},
			{value: 'b', count: 2},
			{value: null, count: 1},
		]);
	});

	it('quotes values with spaces for the filter, and cannot filter to empty cells', () => {
		expect(filterTermFor('hq', 'CN')).toBe('hq:CN');
		expect(filterTermFor('severest', 'BIS Entity List')).toBe('severest:"BIS Entity List"');
		expect(filterTermFor('hq', null)).toMatchObject({problem: expect.stringContaining('empty')});
	});

	it('opens on a column, steps to the next, filters the table to a value and comes back', () => {
		let state = press(start(), 'F');
		expect(state.screen).toMatchObject({kind: 'frequency', column: 'hq'});
		const first = state.screen.kind === 'frequency' ? state.screen.values[0]! : null;
		expect(first).toMatchObject({value: 'CN'});
		state = press(state, 'l');
		expect(state.screen).toMatchObject({kind: 'frequency', column: 'designations'});
		state = press(state, 'h', enter);
		expect(state.screen.kind).toBe('table');
		expect(table(state).filterText).toBe('hq:CN');
		expect(table(state).result.count).toBe(first!.count);
		state = press(state, escape);
		expect(state.screen).toMatchObject({kind: 'frequency', column: 'hq'});
		state = press(state, 'q');
		expect(state.screen.kind).toBe('table');
		expect(table(state).filterText).toBe('');
		expect(state.effect).toBeNull();
	});

	it('counts the shown rows only, adding its term to the filter already there', () => {
		let state = type(start(), '/status:active');
		state = press(state, enter, 'F');
		expect(state.screen.kind === 'frequency' && state.screen.rows).toBe(table(state).result.count);
		state = press(state, enter);
		expect(table(state).filterText).toBe('status:active hq:CN');
	});
});

describe('the column chooser', () => {
	it('hides, moves and keeps at least one column shown', () => {
		let chooser = newColumnChooser(tableSpecs.jurisdictions.columns, undefined);
		expect(chooser.entries.map(entry => entry.key)).toEqual(['code', 'name', 'designations', 'vendors', 'active']);
		chooser = columnChooserReducer(chooser, 'toggleColumn').chooser!;
		chooser = columnChooserReducer(chooser, 'chooserDown').chooser!;
		chooser = columnChooserReducer(chooser, 'moveColumnUp').chooser!;
		const applied = columnChooserReducer(chooser, 'applyColumns');
		expect(applied).toEqual({chooser: null, apply: {order: ['name', 'code', 'designations', 'vendors', 'active'], hidden: ['code']}});
		let single = newColumnChooser(tableSpecs.jurisdictions.columns, {order: [], hidden: ['code', 'designations', 'vendors', 'active']});
		single = columnChooserReducer({...single, cursor: 1}, 'toggleColumn').chooser!;
		expect(single.error).toBe('one column at least stays shown');
	});

	it('arranges the view as chosen, asks the shell to keep it, and leaves other views alone', () => {
		let state = press(start(), 'c', ' ', enter);
		expect(state.preferences.columns.vendors).toMatchObject({hidden: ['name']});
		expect(state.effect).toEqual({kind: 'savePreferences', preferences: state.preferences});
		state = press(state, 'c', escape);
		expect(state.overlay.kind).toBe('none');
		expect(state.preferences.columns.jurisdictions).toBeUndefined();
	});
});

describe('the command line', () => {
	const sources = {savedViews: ['cn-due', 'cn-all', 'ru'], columns: ['name', 'hq', 'next']};

	it('offers verbs, then the verb’s argument, as typed', () => {
		expect(candidatesFor('s', sources)).toEqual(['save', 'sort']);
		expect(candidatesFor('view cn', sources)).toEqual(['cn-due', 'cn-all']);
		expect(candidatesFor('sort n', sources)).toEqual(['name', 'next']);
		expect(candidatesFor('filter hq', sources)).toEqual([]);
	});

	it('completes one candidate, extends several to what they share, then cycles through them', () => {
		expect(completed(newCommandLine('vi', sources), sources).field.value).toBe('view ');
		let line = completed(newCommandLine('view c', sources), sources);
		expect(line.field.value).toBe('view cn-');
		line = completed(line, sources);
		expect(line.field.value).toBe('view cn-due');
		line = completed(line, sources);
		expect(line.field.value).toBe('view cn-all');
	});

	it('saves the view’s filter and sort, recalls it from another view, and Esc returns', () => {
		let state = type(start(), '/hq:RU');
		state = press(state, enter, 'S');
		state = type(press(state, ':'), 'save ru-view');
		state = press(state, enter);
		expect(state.preferences.savedViews).toEqual([
			{name: 'ru-view', view: 'vendors', filter: 'hq:RU', sort: {column: 'severity', descending: false}},
		]);
		expect(state.effect).toMatchObject({kind: 'savePreferences'});
		state = press({...state, effect: null}, '/', {input: 'u', ctrl: true}, enter, '3', 'v', {tab: true}, enter);
		expect(state.view).toBe('vendors');
		expect(table(state)).toMatchObject({filterText: 'hq:RU', sort: {column: 'severity', descending: false}});
		expect(press(state, escape).view).toBe('restrictions');
	});

	it('keeps the line open with the reason when a command cannot run', () => {
		const state = press(type(press(start(), ':'), 'sort nosuch'), enter);
		expect(state.overlay.kind === 'command' && state.overlay.line.error).toBe('no column "nosuch" here (Tab lists them)');
		expect(press(type(press(start(), ':'), 'frobnicate'), enter).overlay).toMatchObject({kind: 'command'});
	});

	it('switches views and sorts by name', () => {
		let state = press(type(press(start(), ':'), 'timeline'), enter);
		expect(state.view).toBe('timeline');
		state = press(type(press(state, ':'), 'sort vendor desc'), enter);
		expect(table(state).sort).toEqual({column: 'vendor', descending: true});
	});
});

describe('a paste', () => {
	it('is typed into the focused field whole, newlines as spaces', () => {
		const state = appReducer(press(start(), '/'), {type: 'paste', text: 'hq:RU\nkasp'});
		expect(table(state).filterText).toBe('hq:RU kasp');
		expect(state.overlay.kind).toBe('filter');
	});

	it('runs nothing without a focused field, and says it was ignored', () => {
		const before = start();
		const state = appReducer(before, {type: 'paste', text: 'Acme Ltd dexq'});
		expect(state.effect).toBeNull();
		expect(state.overlay.kind).toBe('none');
		expect(table(state)).toBe(table(before));
		expect(state.message?.text).toContain('paste ignored');
	});
});
