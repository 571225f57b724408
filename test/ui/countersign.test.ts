// The countersign key (o) through the root reducer: offered only when the rules allow
// it, refused with their reason otherwise, and signed only after Enter on its note.
import {describe, expect, it} from 'vitest';
import type {KeyEvent} from '../../source/ui/bindings.js';
import {appReducer, initialState, type AppData, type AppState} from '../../source/ui/state.js';
import type {PendingCountersign} from '../../source/ui/app-data.js';
import {embeddedData} from './fixtures.js';

const waiting: PendingCountersign = {entryId: 'e87e81b7-3795', seq: 1, outcome: 'reject', decidedBy: 'Ada Lovelace', problem: null};
const withPending = (pending: PendingCountersign | null): AppData => ({
	...embeddedData(),
	pendingCountersignOf: vendorId => (vendorId === 'kaspersky' ? pending : null),
});
const press = (state: AppState, ...events: Array<string | Partial<KeyEvent>>) =>
	events.reduce(
		(current, event) => appReducer(current, {type: 'key', event: typeof event === 'string' ? {input: event} : {input: '', ...event}}),
		state,
	);
const onKaspersky = (data: AppData) => press(initialState(data, {columns: 100, rows: 30}), '/', 'id:kaspersky', {return: true});
const detailLines = (state: AppState) => (state.screen.kind === 'detail' ? state.screen.lines.map(line => line.text) : []);

describe('the countersign key', () => {
	it('asks for a note naming the decision, and signs it off on Enter', () => {
		let state = press(onKaspersky(withPending(waiting)), 'o');
		expect(state.overlay).toMatchObject({kind: 'countersign', prompt: {what: 'reject of Kaspersky by Ada Lovelace (#1)'}});
		// A letter bound elsewhere (q quits) is typed into the note.
		state = press(state, 'agreed, q.', {return: true});
		expect(state.overlay.kind).toBe('none');
		expect(state.effect).toEqual({kind: 'countersign', vendorId: 'kaspersky', entryId: waiting.entryId, note: 'agreed, q.'});
	});

	it('signs without a note, and Esc cancels without signing', () => {
		expect(press(onKaspersky(withPending(waiting)), 'o', {return: true}).effect).toMatchObject({note: null});
		const cancelled = press(onKaspersky(withPending(waiting)), 'o', 'x', {escape: true});
		expect(cancelled.overlay.kind).toBe('none');
		expect(cancelled.effect).toBeNull();
	});

	it('refuses with the reason when this reviewer may not sign off, and says when nothing waits', () => {
		const own = press(onKaspersky(withPending({...waiting, problem: 'Ada Lovelace made decision #1'})), 'o');
		expect(own.overlay.kind).toBe('none');
		expect(own.message?.text).toBe('cannot countersign: Ada Lovelace made decision #1');
		expect(press(onKaspersky(withPending(null)), 'o').message?.text).toBe('no decision of Kaspersky waits for a countersign');
		const readOnly = press(onKaspersky({...withPending(waiting), readOnlyReason: 'still loading the decision log'}), 'o');
		expect(readOnly.message?.text).toBe('still loading the decision log');
	});

	it('works in the vendor detail too, which says whether it is offered', () => {
		const offered = press(onKaspersky(withPending(waiting)), {return: true});
		expect(detailLines(offered)).toContain('  o signs off (countersigns) reject by Ada Lovelace (decision #1)');
		expect(press(offered, 'o').overlay.kind).toBe('countersign');
		const refused = press(onKaspersky(withPending({...waiting, problem: 'Ada Lovelace made decision #1'})), {return: true});
		expect(detailLines(refused).find(line => line.includes('waiting for a second reviewer'))).toContain(
			'not you: Ada Lovelace made decision #1',
		);
		expect(detailLines(press(onKaspersky(withPending(null)), {return: true}))).not.toContain('Countersign');
	});
});
