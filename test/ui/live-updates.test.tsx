// A shared log's news in the TUI: a teammate's decision arrives as new data while the
// reviewer is somewhere (a filter, a selected row, an open detail scrolled down), and the
// status bar says whether the shared log is online and what waits unsent.
import React from 'react';
import {render} from 'ink-testing-library';
import {afterEach, describe, expect, it, vi} from 'vitest';
import {storeStatusForms, storeStatusLine} from '../../source/app-context/live-log.js';
import type {StoreChange, StoreStatus} from '../../source/decisions/index.js';
import type {DecisionSummary, DetailSection} from '../../source/tables/index.js';
import {App, type ActionResult, type LiveUpdates} from '../../source/ui/app.js';
import type {KeyEvent} from '../../source/ui/bindings.js';
import {appReducer, initialState, type AppData, type AppState} from '../../source/ui/state.js';
import {composeStatus, statusLine} from '../../source/ui/status-line.js';
import {liveUpdates} from '../../source/ui/live-updates.js';
import {tableSpecs} from '../../source/ui/views.js';
import {embeddedData} from './fixtures.js';

const press = (state: AppState, ...events: Array<string | Omit<KeyEvent, 'input'>>) =>
	events.reduce(
		(current, event) => appReducer(current, {type: 'key', event: typeof event === 'string' ? {input: event} : {input: '', ...event}}),
		state,
	);

const noneYet: DetailSection[] = [{title: 'Decisions', lines: [{text: '  none yet: press d to decide'}]}];
const rejected: DecisionSummary = {label: 'reject', reviewBy: null, needsReview: false, state: 'current', why: null};
const boDecided = '  2026-12-06 10:00  reject (sanctioned-entity) by Bo Diddley';

/** The data before and after Bo decides on `vendorId`, as run.tsx builds it from the log. */
function beforeAndAfter(vendorId: string): {before: AppData; after: AppData} {
	const base = embeddedData('2026-12-06');
	const before: AppData = {...base, decisionOf: () => null, detailSections: () => noneYet};
	const after: AppData = {
		...base,
		decisionOf: id => (id === vendorId ? rejected : null),
		detailSections: id => (id === vendorId ? [{title: 'Decisions (1 entry)', lines: [{text: boDecided}]}] : noneYet),
	};
	return {before, after};
}

describe("a teammate's decision arriving as new data", () => {
	it('shows in the open detail, which stays open at the same focused line and scroll', () => {
		let state = initialState(beforeAndAfter('').before, {columns: 100, rows: 24});
		state = press(state, '/', 'hq:CN', {return: true}, 'j', 'j');
		const vendorId = state.tables.vendors.selectedId!;
		const {before, after} = beforeAndAfter(vendorId);
		state = appReducer(state, {type: 'data', data: before});
		state = press(state, {return: true}, 'j', 'j', 'j', 'j', 'j');
		const opened = state.screen;
		if (opened.kind !== 'detail') throw new Error('the detail did not open');

		const next = appReducer(state, {type: 'data', data: after});
		const screen = next.screen;
		if (screen.kind !== 'detail') throw new Error('the detail closed');
		expect(screen.vendorId).toBe(vendorId);
		expect(screen.lines.map(line => line.text)).toContain(boDecided);
		expect(screen.lines.map(line => line.text)).not.toContain('  none yet: press d to decide');
		expect(screen.lines[screen.focus]?.text).toBe(opened.lines[opened.focus]?.text);
		expect(screen.scroll).toBe(opened.scroll);
	});

	it('changes the row and the queue, and keeps the view, its filter and the selected row', () => {
		let state = initialState(beforeAndAfter('').before, {columns: 100, rows: 24});
		state = press(state, '/', 'hq:CN', {return: true}, 'j', 'j');
		const vendorId = state.tables.vendors.selectedId!;
		const {after} = beforeAndAfter(vendorId);
		const queued = state.tables.queue.rows.length;

		const next = appReducer(state, {type: 'data', data: after});
		expect(next.view).toBe('vendors');
		expect(next.tables.vendors.filterText).toBe('hq:CN');
		expect(next.tables.vendors.selectedId).toBe(vendorId);
		expect(next.tables.vendors.cursor).toBe(state.tables.vendors.cursor);
		expect(next.tables.vendors.rows.find(row => row.id === vendorId)?.decision).toBe('reject');
		expect(next.tables.queue.rows.length).toBe(queued - 1);
	});
});

describe('a vendor with an entry waiting unsent', () => {
	it('is found by the filter decision:unsent', () => {
		const unsent: DecisionSummary = {...rejected, label: 'unsent: reject'};
		const data: AppData = {...embeddedData('2026-12-06'), decisionOf: id => (id === 'zte' ? unsent : null)};
		const state = press(initialState(data, {columns: 100, rows: 24}), '/', 'decision:unsent', {return: true});
		expect(state.tables.vendors.result.rows.map(row => row.id)).toEqual(['zte']);
	});
});

const sharedStatus = (change: Partial<StoreStatus>): StoreStatus => ({
	kind: 'postgres',
	connection: 'online',
	location: 'postgres://db.example.internal/vendor_risk',
	entries: 12,
	outbox: 0,
	lastSyncAt: '2026-12-06T09:30:00.000Z',
	problem: null,
	...change,
});

describe("the shared log's state on the status bar", () => {
	it('is nothing for the local log', () => {
		expect(storeStatusForms({...sharedStatus({}), kind: 'local'})).toBeNull();
	});

	it('has the whole status line as its longest form and says OFFLINE with the unsent count in its short ones', () => {
		const offline = sharedStatus({connection: 'offline', outbox: 1, problem: 'the shared store cannot be reached (connect ECONNREFUSED)'});
		expect(storeStatusForms(offline)).toEqual([storeStatusLine(offline), 'shared log OFFLINE · 1 unsent', 'OFFLINE · 1 unsent']);
		expect(storeStatusForms(sharedStatus({}))).toEqual(['shared log online · 12 entries', 'shared log online']);
		expect(storeStatusForms(sharedStatus({outbox: 2}))?.at(-1)).toBe('shared log online · 2 unsent');
	});

	it('shows the whole line where there is room, and the short form with the queue at 80 columns', () => {
		const offline = sharedStatus({connection: 'offline', outbox: 1});
		const data: AppData = {...embeddedData('2026-12-06'), storeStatus: storeStatusForms(offline)};
		const state = initialState(data, {columns: 80, rows: 24});
		const {left, rightParts} = statusLine({view: 'vendors', table: state.tables.vendors, spec: tableSpecs.vendors, data, queued: 7});
		expect(composeStatus(left, rightParts, 300)).toContain(`${storeStatusLine(offline)} · queue 7`);
		const narrow = composeStatus(left, rightParts, 80);
		expect(narrow).toContain(' OFFLINE · 1 unsent · queue 7 ');
		expect(narrow.startsWith(left)).toBe(true);
	});
});

describe('the App with live updates', () => {
	let unmount: (() => void) | undefined;
	afterEach(() => unmount?.());

	it('draws the data and the line an update brings without a key, and stops listening when it closes', async () => {
		const listeners = new Set<(update: ActionResult) => void>();
		const updates: LiveUpdates = listener => {
			listeners.add(listener);
			return () => listeners.delete(listener);
		};
		const data = embeddedData('2026-12-06');
		const instance = render(<App data={data} size={{columns: 100, rows: 24}} updates={updates} />);
		unmount = instance.unmount;
		const frame = () => instance.lastFrame() ?? '';
		await vi.waitFor(() => expect(listeners.size).toBe(1));
		instance.stdin.write('/');
		instance.stdin.write('id:zte');
		instance.stdin.write('\r');
		await vi.waitFor(() => expect(frame()).toContain('filter: id:zte'));

		const offline = sharedStatus({connection: 'offline', outbox: 1});
		const unsent: DecisionSummary = {...rejected, label: 'unsent: reject'};
		for (const listener of listeners)
			listener({
				data: {...data, decisionOf: id => (id === 'zte' ? unsent : null), storeStatus: storeStatusForms(offline)},
				message: '⚠ the shared store cannot be reached (connect ECONNREFUSED 127.0.0.1:5432)',
			});
		await vi.waitFor(() => expect(frame()).toContain('shared log OFFLINE · 1 unsent'));
		expect(frame()).toContain('⚠ the shared store cannot be reached');
		// The Decision column is narrow at 100 columns: the mark comes first, so it is what shows.
		expect(frame()).toMatch(/ZTE.*│ unsent:/);
		expect(frame()).toContain('filter: id:zte');

		instance.unmount();
		unmount = undefined;
		expect(listeners.size).toBe(0);
	});
});

describe('the news of a shared log opened in the background', () => {
	/** A log whose status the test moves, and whose subscribers it calls. */
	function movingLog(first: StoreStatus['connection']) {
		let connection = first;
		const listeners = new Set<(change: StoreChange) => void>();
		const status = (): StoreStatus => ({
			kind: 'postgres',
			connection,
			location: 'postgres://db.example.org/team',
			entries: 3,
			outbox: 0,
			lastSyncAt: null,
			problem: connection === 'offline' ? 'the shared store cannot be reached (timeout expired)' : null,
		});
		const live = {
			status,
			statusLine: () => storeStatusLine(status()),
			subscribe(listener: (change: StoreChange) => void) {
				listeners.add(listener);
				return () => void listeners.delete(listener);
			},
		};
		return {
			live,
			move(to: StoreStatus['connection']) {
				connection = to;
				for (const listener of listeners) listener({entries: [], added: [], status: status()});
			},
		};
	}

	it('says nothing when it connects, as on any start, and says why when it cannot', async () => {
		const data = embeddedData('2026-12-06');
		for (const [to, message] of [
			['online', ''],
			['offline', '⚠ the shared store cannot be reached (timeout expired)'],
		] as const) {
			const log = movingLog('connecting');
			const heard: string[] = [];
			const stop = liveUpdates(log.live, () => data)(update => heard.push(update.message));
			log.move(to);
			await vi.waitFor(() => expect(heard).toEqual([message]));
			stop();
		}
	});
});
