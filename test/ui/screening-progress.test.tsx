// A screening in worker threads as the TUI shows it: the progress state the
// reducer keeps, the status bar's forms of it, and the App hearing it (and the
// screening's data) through its updates while keys keep working.
import React from 'react';
import {render} from 'ink-testing-library';
import {afterEach, describe, expect, it, vi} from 'vitest';
import type {ScreeningProgress} from '../../source/app-context/index.js';
import {App, type AppUpdate} from '../../source/ui/app.js';
import type {KeyEvent} from '../../source/ui/bindings.js';
import {mergedUpdates, screeningUpdates} from '../../source/ui/screening-updates.js';
import {appReducer, initialState, type AppData} from '../../source/ui/state.js';
import {composeStatus, screeningForms, statusLine} from '../../source/ui/status-line.js';
import {tableSpecs} from '../../source/ui/views.js';
import {embeddedData} from './fixtures.js';

const screening = (done: number, total = 10_000): ScreeningProgress => ({stage: 'screening', done, total, threads: 1});

describe('the screening progress state', () => {
	it('is none at start, follows each report, and goes when the screening is over', () => {
		let state = initialState(embeddedData('2026-12-06'), {columns: 100, rows: 24});
		expect(state.screening).toBeNull();
		state = appReducer(state, {type: 'screening', progress: screening(4_200)});
		expect(state.screening).toEqual(screening(4_200));
		state = appReducer(state, {type: 'screening', progress: null});
		expect(state.screening).toBeNull();
	});

	it('leaves the view, its filter and the selected row alone', () => {
		let state = initialState(embeddedData('2026-12-06'), {columns: 100, rows: 24});
		const events: KeyEvent[] = [{input: '/'}, {input: 'hq:CN'}, {input: '', return: true}, {input: 'j'}];
		for (const event of events) state = appReducer(state, {type: 'key', event});
		const next = appReducer(state, {type: 'screening', progress: screening(10)});
		expect(next.tables).toBe(state.tables);
		expect(next.screen).toBe(state.screen);
	});
});

describe("the status bar's screening item", () => {
	it('reads as a bar with counts, then counts, then a percentage', () => {
		expect(screeningForms(screening(4_200))).toEqual(['screening [████░░░░░░] 4,200/10,000', 'screening 4,200/10,000', 'screening 42%']);
		expect(screeningForms({stage: 'indexing', done: 0, total: 1, threads: 2})).toEqual(['indexing lists…']);
		expect(screeningForms({stage: 'searching', done: 0, total: 0, threads: 2}).at(-1)).toBe('searching names 0%');
	});

	it('comes before the queue, and in its short form at 80 columns', () => {
		const data = embeddedData('2026-12-06');
		const state = initialState(data, {columns: 80, rows: 24});
		const facts = {view: 'vendors' as const, table: state.tables.vendors, spec: tableSpecs.vendors, data, queued: 3};
		const {left, rightParts} = statusLine({...facts, screening: screening(4_200)});
		expect(composeStatus(left, rightParts, 200)).toContain(' screening [████░░░░░░] 4,200/10,000 · queue 3 ');
		expect(composeStatus(left, rightParts, 80)).toMatch(/ screening (4,200\/10,000|42%) · queue 3/);
		expect(statusLine(facts).rightParts.flat().join(' ')).not.toContain('screening');
	});
});

describe('the screening updates', () => {
	it('hand a late listener the latest progress, then the data, and nothing after the end', () => {
		const channel = screeningUpdates();
		channel.report(screening(100));
		channel.report(screening(200));
		const heard: AppUpdate[] = [];
		const stop = channel.updates(update => heard.push(update));
		expect(heard).toEqual([{data: null, message: '', screening: screening(200)}]);
		const data = embeddedData('2026-12-06');
		channel.finish(data);
		channel.report(screening(300));
		expect(heard.slice(1)).toEqual([{data, message: '', screening: null}]);
		stop();
		channel.finish(null);
		expect(heard).toHaveLength(2);
	});

	it('merge with other news: each listener hears both, and stops hearing both', () => {
		const first = screeningUpdates();
		const second = screeningUpdates();
		const heard: AppUpdate[] = [];
		const stop = mergedUpdates(first.updates, undefined, second.updates)(update => heard.push(update));
		first.report(screening(1));
		second.report(screening(2));
		stop();
		first.report(screening(3));
		expect(heard.map(update => update.screening?.done)).toEqual([1, 2]);
	});
});

describe('the App while a screening runs', () => {
	let unmount: (() => void) | undefined;
	afterEach(() => unmount?.());

	it('shows the progress as it moves, answers the filter meanwhile, and keeps it when the data arrives', async () => {
		const channel = screeningUpdates();
		const data: AppData = embeddedData('2026-12-06');
		const instance = render(<App data={data} size={{columns: 120, rows: 24}} updates={channel.updates} />);
		unmount = instance.unmount;
		const frame = () => instance.lastFrame() ?? '';
		await vi.waitFor(() => expect(frame()).toContain('shown'));
		channel.report(screening(4_200));
		await vi.waitFor(() => expect(frame()).toContain('screening 4,200/10,000'));
		instance.stdin.write('/');
		instance.stdin.write('hq:CN');
		instance.stdin.write('\r');
		await vi.waitFor(() => expect(frame()).toContain('filter: hq:CN'));
		expect(frame()).toContain('screening 4,200/10,000');
		channel.report(screening(9_000));
		await vi.waitFor(() => expect(frame()).toContain('screening 9,000/10,000'));

		channel.finish({...data, warnings: []});
		await vi.waitFor(() => expect(frame()).not.toContain('/10,000'));
		expect(frame()).toContain('filter: hq:CN');
	});
});

describe('the App telling which data it has drawn (the TUI screens only after the rows are shown)', () => {
	it('hears each data once a frame with it is out, the new data after the old', async () => {
		const before = embeddedData('2026-12-06');
		const after = embeddedData('2025-03-01');
		const heard: Array<{data: AppData; frame: string}> = [];
		let frame = (): string => '';
		const onShown = (data: AppData) => heard.push({data, frame: frame()});
		const instance = render(<App data={before} size={{columns: 120, rows: 24}} onShown={onShown} />);
		frame = () => instance.lastFrame() ?? '';
		try {
			// The first frame is written while render() runs, before `frame` can read it: only the order is checked for it.
			await vi.waitFor(() => expect(heard.map(entry => entry.data)).toEqual([before]));
			expect(frame()).toContain('2026-12-06');
			instance.rerender(<App data={after} size={{columns: 120, rows: 24}} onShown={onShown} />);
			await vi.waitFor(() => expect(heard.map(entry => entry.data)).toEqual([before, after]));
			expect(heard[1]!.frame).toContain('2025-03-01');
		} finally {
			instance.unmount();
		}
	});

	it('draws new data in the next frame, without drawing the old data once more first', () => {
		const before = embeddedData('2026-12-06');
		const after = embeddedData('2025-03-01');
		const instance = render(<App data={before} size={{columns: 120, rows: 24}} />);
		try {
			const drawn = instance.frames.length;
			expect(instance.lastFrame()).toContain('as of 2026-12-06');
			instance.rerender(<App data={after} size={{columns: 120, rows: 24}} />);
			// At 10,000 rows the old frame drawn again cost as much as the new one, before the new one.
			expect(instance.frames.slice(drawn).map(frame => frame.match(/as of [\d-]+/)?.[0])).toEqual(['as of 2025-03-01']);
		} finally {
			instance.unmount();
		}
	});
});
