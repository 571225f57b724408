// Class-rule and ownership findings through the TUI's reducers and on screen: the
// Rules view and a rule's detail, the vendor detail, the queue's Why, the dashboard.
import React from 'react';
import {render} from 'ink-testing-library';
import {afterEach, describe, expect, it, vi} from 'vitest';
import type {KeyEvent} from '../../source/ui/bindings.js';
import {App} from '../../source/ui/app.js';
import {dashboardBudget, dashboardFigures} from '../../source/ui/dashboard.js';
import {reachSummary} from '../../source/ui/exposure.js';
import {appReducer, initialState, type AppState} from '../../source/ui/state.js';
import type {RuleRow, VendorRow} from '../../source/tables/index.js';
import {embeddedData, exposureData} from './fixtures.js';

const routerRule = 'fcc-covered-foreign-routers-2026';
const droneRule = 'fcc-covered-foreign-uas-2025';
const start = (data = exposureData()) => initialState(data, {columns: 100, rows: 30});
const press = (state: AppState, ...events: Array<string | Partial<KeyEvent>>) =>
	events.reduce(
		(current, event) => appReducer(current, {type: 'key', event: typeof event === 'string' ? {input: event} : {input: '', ...event}}),
		state,
	);
const enter = {return: true};
const texts = (state: AppState) => (state.screen.kind === 'detail' ? state.screen.lines.map(line => line.text) : []);

describe('the Rules view', () => {
	it('is view 8 and lists every class rule with what it reaches in this run', () => {
		const state = press(start(), '8');
		expect(state.view).toBe('rules');
		const rows = state.tables.rules.rows as readonly RuleRow[];
		expect(rows.map(row => row.id).sort()).toEqual(state.data.catalog.classRules.map(rule => rule.id).sort());
		expect(rows.find(row => row.id === routerRule)).toMatchObject({assets: 1, units: 40, vendors: 1});
		expect(rows.find(row => row.id === droneRule)).toMatchObject({assets: 0, originUnknown: 1});
	});

	it('opens a rule with Enter: its dates, then the assets it reaches; new data keeps it open, Esc goes back', () => {
		let state = press(start(), '8', '/', `id:${routerRule}`, enter, enter);
		expect(state.screen).toMatchObject({kind: 'detail', ruleId: routerRule});
		const lines = texts(state);
		expect(lines[0]).toContain(`(${routerRule})`);
		expect(lines).toContain('Assets reached (1)');
		expect(lines.some(line => line.includes('Netgear RAX50 (SOHO router, TW, ×40)'))).toBe(true);
		for (const milestone of state.data.catalog.classRuleById.get(routerRule)!.milestones)
			expect(lines.some(line => line.startsWith(milestone.date))).toBe(true);
		state = appReducer(state, {type: 'data', data: {...state.data}});
		expect(state.screen).toMatchObject({kind: 'detail', ruleId: routerRule});
		state = press(state, {escape: true});
		expect(state).toMatchObject({view: 'rules', screen: {kind: 'table'}});
	});

	it('shows a drone with no origin as origin unknown, and `y` copies a rule’s source whole', () => {
		const state = press(start(), '8', '/', `id:${droneRule}`, enter, enter);
		const lines = texts(state);
		expect(lines).toContain('Origin unknown (1)');
		expect(lines.some(line => line.includes('Skyward Aero Scout (quadcopter, origin ?, ×3)'))).toBe(true);
		const detail = state.screen.kind === 'detail' ? state.screen : null;
		const source = detail!.lines.find(line => line.text.startsWith('source: '))!;
		expect(source.copy).toBe(source.text.slice('source: '.length));
	});

	it('says above the table what the rules were applied to, or that nothing was', () => {
		expect(reachSummary(exposureData())).toBe('3 assets checked · 2 vendors with findings · 1 unknown category: smart toaster');
		expect(reachSummary(embeddedData())).toMatch(/^Nothing to apply the rules to yet/);
	});
});

describe('findings beside the restrictions', () => {
	const vendorIdOf = (state: AppState, name: string) => state.data.catalog.vendors.find(vendor => vendor.name === name)!.id;

	it('puts a vendor with findings in the queue, saying why', () => {
		const state = press(start(), '6');
		const netgear = (state.tables.queue.rows as readonly VendorRow[]).find(row => row.name === 'Netgear')!;
		expect(netgear.findings).toBe(1);
		expect(netgear.why).toMatch(/^no decision; class rule: Foreign-produced consumer-grade routers.* \[active\] \(1 asset\)$/);
	});

	it("shows them in the vendor's detail under Product-class rules, with the rule's status and milestones", () => {
		const start_ = start();
		const state = press(start_, '/', `id:${vendorIdOf(start_, 'Skyward Aero')}`, enter, enter);
		const lines = texts(state);
		const heading = lines.indexOf('Product-class rules (1)');
		expect(heading).toBeGreaterThan(0);
		expect(lines[heading + 1]).toMatch(/^▪ \[active\] Foreign-produced drones.*— origin unknown$/);
		expect(lines[heading + 2]).toContain('Skyward Aero Scout (quadcopter, origin ?, ×3)');
	});

	it('counts them on the dashboard by kind, with the categories no rule knows', () => {
		const figures = dashboardFigures(exposureData(), 0);
		expect(figures.findings).toEqual([
			{label: 'class rule', value: 1},
			{label: 'origin unknown', value: 1},
			{label: 'ownership', value: 0},
			{label: 'ownership unknown', value: 0},
		]);
		expect(figures.findingNotes).toEqual(['3 assets, 2 vendors with findings', 'unknown categories (1): smart toaster']);
		expect(dashboardFigures(embeddedData(), 0).findings).toBeNull();
		expect(figures.restrictions.map(bar => bar.label)).toEqual(['active', 'suspended', 'unknown', 'upcoming', 'proposed', 'ended']);
		expect(figures.sources[0]).toMatch(/^data: sources to \d{4}-\d{2} · compiled \d{4}-\d{2}-\d{2}$/);
	});

	it('shares out the dashboard so it never grows past the body, from the smallest terminal up', () => {
		for (let body = 11; body <= 60; body++) {
			const budget = dashboardBudget(body, 2);
			// Two rows of panels with their titles, the sources with theirs, two blank lines.
			expect(1 + budget.first + 1 + 1 + budget.second + 1 + 1 + budget.sources).toBeLessThanOrEqual(body);
			expect(budget.second).toBeLessThanOrEqual(6);
		}
		expect(dashboardBudget(20, 2)).toEqual({first: 7, second: 6, sources: 2});
	});
});

describe('on screen', () => {
	let unmount: (() => void) | undefined;
	afterEach(() => unmount?.());
	const frame = (lastFrame: () => string | undefined) => lastFrame() ?? '';

	it('draws the Rules tab, the line above its table and what each rule reaches', async () => {
		const data = exposureData();
		const count = data.catalog.classRules.length;
		const instance = render(<App data={data} size={{columns: 100, rows: 30}} />);
		unmount = instance.unmount;
		await vi.waitFor(() => expect(frame(instance.lastFrame)).toContain('Netgear'));
		instance.stdin.write('8');
		await vi.waitFor(() => expect(frame(instance.lastFrame)).toContain(`Rules · ${count}/${count} shown`));
		const shown = frame(instance.lastFrame);
		expect(shown).toContain('[8 Rules]');
		expect(shown).toContain('3 assets checked · 2 vendors with findings');
		expect(shown).toMatch(/1 asset \(40 units\)/);
		expect(shown).toMatch(/1 origin \?/);
	});

	it('draws the dashboard’s findings panel', async () => {
		const instance = render(<App data={exposureData()} size={{columns: 100, rows: 30}} initialView="dashboard" />);
		unmount = instance.unmount;
		await vi.waitFor(() => expect(frame(instance.lastFrame)).toContain('Findings: class rules, ownership'));
		expect(frame(instance.lastFrame)).toMatch(/origin unknown +█+ 1/);
		expect(frame(instance.lastFrame)).toContain('unknown categories (1): smart toaster');
		expect(frame(instance.lastFrame).split('\n').length).toBeLessThan(30);
	});
});
