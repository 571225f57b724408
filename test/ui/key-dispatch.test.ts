// Keys through the root reducer: a modal takes them before the view under it, text fields edit at the cursor,
// and keys glued together are replayed, a run of text going into a focused field as one edit.
import {describe, expect, it} from 'vitest';
import type {KeyEvent} from '../../source/ui/bindings.js';
import {appReducer, initialState, type AppData, type AppState} from '../../source/ui/state.js';
import {embeddedData} from './fixtures.js';

const start = (data: AppData = embeddedData()) => initialState(data, {columns: 80, rows: 24});
const press = (state: AppState, ...events: Array<string | Omit<KeyEvent, 'input'> | KeyEvent>) =>
	events.reduce(
		(current, event) => appReducer(current, {type: 'key', event: typeof event === 'string' ? {input: event} : {input: '', ...event}}),
		state,
	);
const table = (state: AppState) => state.tables[state.view];
const filterField = (state: AppState) => (state.overlay.kind === 'filter' ? state.overlay.field : null);
const ctrl = (input: string): KeyEvent => ({input, ctrl: true});
/** Kaspersky with two screening hits, so x and n open the reason prompt. */
const withHits = (): AppData => ({...embeddedData(), hitIdsOf: id => (id === 'kaspersky' ? ['e1', 'e2'] : [])});
/** The Vendors table filtered to Kaspersky, whatever order the severities give the vendors. */
const onKaspersky = (state: AppState) => press(state, '/', 'id:kaspersky', {return: true});

describe('the filter box', () => {
	it('takes the keys the table would act on as text', () => {
		const state = press(start(), '/', 'j', 'q', 'G');
		expect(filterField(state)!.value).toBe('jqG');
		expect(state.effect).toBeNull();
		expect(table(state).filterText).toBe('jqG');
	});

	it('edits at the cursor and filters on every change', () => {
		let state = press(start(), '/', 'ZTE', {home: true}, '!');
		expect(filterField(state)).toMatchObject({value: '!ZTE', cursor: 1});
		expect(table(state).result.rows.some(row => row.id === 'zte')).toBe(false);
		state = press(state, {end: true}, {leftArrow: true}, {rightArrow: true}, {backspace: true});
		expect(table(state).filterText).toBe('!ZT');
	});

	it('deletes a word with Ctrl-W and clears with Ctrl-U, staying open', () => {
		let state = press(start(), '/', 'hq:CN huawei', ctrl('w'));
		expect(table(state).filterText).toBe('hq:CN ');
		state = press(state, ctrl('u'));
		expect(state.overlay.kind).toBe('filter');
		expect(table(state).filterText).toBe('');
		expect(table(state).result.count).toBe(table(state).rows.length);
	});

	it('keeps the filter with Enter and opens again on it, the cursor at its end', () => {
		const state = press(start(), '/', 'huawei', {return: true}, '/');
		expect(filterField(state)).toMatchObject({value: 'huawei', cursor: 6});
	});

	it('quits with Ctrl-C while open', () => {
		expect(press(start(), '/', 'hik', ctrl('c')).effect).toEqual({kind: 'quit'});
	});
});

describe('glued keys', () => {
	it('replays a glued "/" and types the rest into the box, table keys included', () => {
		const state = press(start(), '/jkq');
		expect(filterField(state)!.value).toBe('jkq');
		expect(state.effect).toBeNull();
	});

	it('inserts a glued run at the cursor as one piece', () => {
		const state = press(start(), '/', 'ac', {leftArrow: true}, 'bbb');
		expect(filterField(state)).toMatchObject({value: 'abbbc', cursor: 4});
	});

	it('still reads a glued Enter as Enter, and hands the keys after it to the table', () => {
		const state = press(start(), '/cn\rjj');
		expect(state.overlay.kind).toBe('none');
		expect(table(state).filterText).toBe('cn');
		expect(table(state).cursor).toBe(2);
	});

	it('replays glued keys on a form choice, one choice per key, but types them into a form text field', () => {
		// From no outcome, the first l chooses the first outcome and the second the next one.
		const onChoice = press(start(), 'd', 'll');
		expect(onChoice.overlay.kind === 'decide' && onChoice.overlay.form.outcome).toBe(1);
		const onText = press(start(), 'd', {tab: true}, {tab: true}, 'hello l');
		expect(onText.overlay.kind === 'decide' && onText.overlay.form).toMatchObject({outcome: null, rationale: {value: 'hello l'}});
	});

	it('saves a reason typed and entered in one go', () => {
		const state = press(onKaspersky(start(withHits())), {return: true}, 'x', 'same legal name\r');
		expect(state.overlay.kind).toBe('none');
		expect(state.effect).toEqual({
			kind: 'dispose',
			vendorId: 'kaspersky',
			entryId: 'e1',
			disposition: 'confirmed-match',
			reason: 'same legal name',
		});
	});
});

describe('modals before the view', () => {
	it('types into the reason prompt the keys that would scroll the detail', () => {
		const state = press(onKaspersky(start(withHits())), {return: true}, 'n', 'j', 'k', 'q');
		expect(state.overlay.kind === 'dispose' && state.overlay.prompt.reason.value).toBe('jkq');
		expect(state.screen.kind === 'detail' && state.screen.scroll).toBe(0);
	});

	it('closes the help on any key without acting on it, and quits from it with Ctrl-C', () => {
		const closed = press(start(), '?', 'q');
		expect(closed.overlay.kind).toBe('none');
		expect(closed.effect).toBeNull();
		expect(press(start(), '?', ctrl('c')).effect).toEqual({kind: 'quit'});
	});

	it('quits from the decision form with Ctrl-C', () => {
		expect(press(start(), 'd', {tab: true}, {tab: true}, ctrl('c')).effect).toEqual({kind: 'quit'});
	});

	it('edits the rationale at the cursor', () => {
		const state = press(start(), 'd', {tab: true}, {tab: true}, 'ICTS ban', {home: true}, 'final ', ctrl('e'), {
			input: '',
			delete: true,
			meta: true,
		});
		expect(state.overlay.kind === 'decide' && state.overlay.form.rationale.value).toBe('final ICTS ');
	});
});

describe('keys with nothing to act on', () => {
	it('sorts nothing on the dashboard, which has no columns', () => {
		const dashboard = press(start(), '0');
		expect(press(dashboard, 's', 'S')).toBe(dashboard);
	});
});
