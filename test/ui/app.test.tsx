import React from 'react';
import {render} from 'ink-testing-library';
import {afterEach, describe, expect, it, vi} from 'vitest';
import {App} from '../../source/ui/app.js';
import type {AppData} from '../../source/ui/state.js';
import {embeddedData, withDecisionRules} from './fixtures.js';

let unmount: (() => void) | undefined;
afterEach(() => unmount?.());

const renderApp = (rows = 24, asOf?: string, columns = 100, extra: Partial<AppData> = {}) => {
	const onCopy = vi.fn();
	const instance = render(<App data={{...embeddedData(asOf), ...extra}} size={{columns, rows}} onCopy={onCopy} />);
	unmount = instance.unmount;
	return {...instance, onCopy};
};
const frame = (lastFrame: () => string | undefined) => lastFrame() ?? '';
// The most severe vendor opens the table: an SDN-blocked company (OFAC designated Kaspersky's executives, not Kaspersky).
const first = {id: 'positive-technologies', name: 'Positive Technologies', shown: 'Positive'};

describe('the App', () => {
	it('shows the vendors table with a selection glyph on the first row and the data as-of date', async () => {
		const {lastFrame} = renderApp();
		await vi.waitFor(() => expect(frame(lastFrame)).toContain('Kaspersky'));
		const lines = frame(lastFrame).split('\n');
		expect(lines.find(line => line.includes('▶'))).toContain(first.shown);
		expect(frame(lastFrame)).toContain('as of 2026-11-28');
	});

	it('never renders more lines than the terminal has rows', async () => {
		const {lastFrame} = renderApp(15);
		await vi.waitFor(() => expect(frame(lastFrame)).toContain('Vendors ·'));
		expect(frame(lastFrame).split('\n').length).toBeLessThan(15);
	});

	it('shows the jurisdictions view with names, designations and counts', async () => {
		const {lastFrame, stdin} = renderApp();
		await vi.waitFor(() => expect(frame(lastFrame)).toContain('Kaspersky'));
		stdin.write('2');
		await vi.waitFor(() => expect(frame(lastFrame)).toContain('Jurisdictions ·'));
		expect(frame(lastFrame)).toMatch(/RU .*Russia.*FA-791\.4/);
	});

	it('shows the empty list-entries view with how to add a source', async () => {
		const {lastFrame, stdin} = renderApp();
		await vi.waitFor(() => expect(frame(lastFrame)).toContain('Kaspersky'));
		stdin.write('4');
		await vi.waitFor(() => expect(frame(lastFrame)).toContain('vendor-risk sources add'));
	});

	it('filters live as the reviewer types', async () => {
		const {lastFrame, stdin} = renderApp();
		await vi.waitFor(() => expect(frame(lastFrame)).toContain('Kaspersky'));
		stdin.write('/');
		stdin.write('hik');
		await vi.waitFor(() => expect(frame(lastFrame)).toContain('1/26 shown'));
		expect(frame(lastFrame)).toContain('Hikvision');
		expect(frame(lastFrame)).not.toContain('Kaspersky');
	});

	it('shows the restriction status as of another date', async () => {
		const {lastFrame, stdin} = renderApp(24, '2024-07-01');
		await vi.waitFor(() => expect(frame(lastFrame)).toContain('Kaspersky'));
		expect(frame(lastFrame)).toContain('as of 2024-07-01');
		stdin.write('3');
		stdin.write('/id:kaspersky-icts');
		await vi.waitFor(() => expect(frame(lastFrame)).toMatch(/ICTS.*upcoming/));
	});

	it('marks rows with [x], not colour alone', async () => {
		const {lastFrame, stdin} = renderApp();
		await vi.waitFor(() => expect(frame(lastFrame)).toContain('Kaspersky'));
		stdin.write(' ');
		await vi.waitFor(() => expect(frame(lastFrame)).toContain('1 marked'));
		expect(
			frame(lastFrame)
				.split('\n')
				.find(line => line.includes(first.shown)),
		).toContain('[x]');
	});

	it('copies the selected vendor with y', async () => {
		const {lastFrame, stdin, onCopy} = renderApp();
		await vi.waitFor(() => expect(frame(lastFrame)).toContain('Kaspersky'));
		stdin.write('y');
		await vi.waitFor(() => expect(onCopy).toHaveBeenCalledWith(`${first.id}\t${first.name}`));
		expect(frame(lastFrame)).toContain(`copied: ${first.id} ${first.name}`);
	});

	it('shows help generated from the binding table', async () => {
		const {lastFrame, stdin} = renderApp(30);
		await vi.waitFor(() => expect(frame(lastFrame)).toContain('Kaspersky'));
		stdin.write('?');
		await vi.waitFor(() => expect(frame(lastFrame)).toContain('Filter syntax'));
		expect(frame(lastFrame)).toContain('Ctrl-f');
	});

	it('fits the whole help at 80x24 with every key described readably, the filter syntax in one line', async () => {
		const {lastFrame, stdin} = renderApp(24, undefined, 80);
		await vi.waitFor(() => expect(frame(lastFrame)).toContain('Kaspersky'));
		stdin.write('?');
		await vi.waitFor(() => expect(frame(lastFrame)).toContain('Filter syntax: text · a b (AND)'));
		for (const help of ['open the selected row', 'export the decision log', 'quit (q: top level)', 'views (see tabs)'])
			expect(frame(lastFrame)).toContain(help);
	});
});

describe('the dashboard and the changes view', () => {
	it('renders the dashboard at 80x24 with block-character charts and numbers', async () => {
		const {lastFrame, stdin} = renderApp(24, undefined, 80);
		await vi.waitFor(() => expect(frame(lastFrame)).toContain('Kaspersky'));
		stdin.write('0');
		await vi.waitFor(() => expect(frame(lastFrame)).toContain('Vendors by jurisdiction'));
		const text = frame(lastFrame);
		const chinese = embeddedData().catalog.vendors.filter(vendor => vendor.hq === 'CN').length;
		expect(text).toMatch(new RegExp(`CN +█+ ${chinese}\\b`));
		expect(text).toMatch(/undecided +█+ 26/);
		expect(text).toContain('queue 26');
		expect(text).toMatch(/active +█+ \d+/);
		expect(text).toContain('embedded dataset only');
		expect(text.split('\n').length).toBeLessThan(24);
		expect(Math.max(...text.split('\n').map(line => line.length))).toBeLessThanOrEqual(80);
	});

	it('lists changes with the vendors they touch, and opens the touched vendor', async () => {
		const changes = [
			{id: 'c1', kind: 'added' as const, source: 'CSL', entryId: 'x1', name: 'HIKVISION EUROPE B.V.', fields: [], vendors: ['hikvision']},
			{id: 'c2', kind: 'changed' as const, source: 'CSL', entryId: 'x2', name: 'ZTE KANGXUN', fields: ['programs'], vendors: ['zte']},
		];
		const {lastFrame, stdin} = renderApp(24, undefined, 100, {changes});
		await vi.waitFor(() => expect(frame(lastFrame)).toContain('Kaspersky'));
		stdin.write('5');
		await vi.waitFor(() => expect(frame(lastFrame)).toContain('HIKVISION EUROPE'));
		expect(frame(lastFrame)).toMatch(/~ changed.*ZTE KANGXUN.*programs.*zte/);
		stdin.write('\r');
		await vi.waitFor(() => expect(frame(lastFrame)).toContain('(hikvision)'));
	});
});

describe('the decision form on screen', () => {
	it('opens with no outcome, and draws the confirmation naming the restrictions before it saves', async () => {
		const data = withDecisionRules(embeddedData());
		const instance = render(<App data={data} size={{columns: 100, rows: 30}} />);
		unmount = instance.unmount;
		const {lastFrame, stdin} = instance;
		await vi.waitFor(() => expect(frame(lastFrame)).toContain('Kaspersky'));
		stdin.write('/id:kaspersky\r');
		await vi.waitFor(() => expect(frame(lastFrame)).toContain('1/26 shown'));
		stdin.write('d');
		await vi.waitFor(() => expect(frame(lastFrame)).toContain('◀ choose an outcome ▶'));
		expect(frame(lastFrame)).toMatch(/Reason +—/);
		stdin.write('\u001B[C');
		await vi.waitFor(() => expect(frame(lastFrame)).toContain('◀ approve ▶'));
		expect(frame(lastFrame)).toMatch(/⚠ needs confirming: approve Kaspersky despite \d+ active restrictions/);
		expect(frame(lastFrame)).toContain('Rationale*');
		stdin.write('\r');
		await vi.waitFor(() => expect(frame(lastFrame)).toMatch(/✗ approve of a vendor with \d+ active restrictions needs a rationale/));
		stdin.write('lab only\r');
		await vi.waitFor(() => expect(frame(lastFrame)).toContain('Confirm before it is saved:'));
		expect(frame(lastFrame)).toContain('y confirm and save · n back to the form');
		expect(frame(lastFrame).split('\n').length).toBeLessThan(30);
	});
});

describe('text entry on screen', () => {
	const lineStarting = (text: string, start: string) => text.split('\n').find(line => line.trimStart().startsWith(start)) ?? '';

	it('draws the filter box cursor where it is', async () => {
		const {lastFrame, stdin} = renderApp();
		await vi.waitFor(() => expect(frame(lastFrame)).toContain('Kaspersky'));
		stdin.write('/');
		stdin.write('huawei');
		await vi.waitFor(() => expect(frame(lastFrame)).toContain('/huawei▏'));
		stdin.write('\u001B[D');
		stdin.write('\u001B[D');
		stdin.write('\u001B[D');
		await vi.waitFor(() => expect(frame(lastFrame)).toContain('/hua▏wei  Enter keep · Esc clear'));
	});

	it('scrolls a filter longer than the line, keeping the cursor and the keys in view', async () => {
		const {lastFrame, stdin} = renderApp();
		await vi.waitFor(() => expect(frame(lastFrame)).toContain('Kaspersky'));
		stdin.write('/');
		stdin.write(`${'x'.repeat(150)}END`);
		await vi.waitFor(() => expect(frame(lastFrame)).toContain('END▏  Enter keep · Esc clear'));
		const line = lineStarting(frame(lastFrame), '/');
		expect(line.length).toBeLessThanOrEqual(99);
		expect(line).not.toContain('…');
	});

	it('shows a long rationale in its row with the cursor, cut nowhere', async () => {
		const {lastFrame, stdin} = renderApp(24, undefined, 80);
		await vi.waitFor(() => expect(frame(lastFrame)).toContain('Kaspersky'));
		stdin.write('d');
		await vi.waitFor(() => expect(frame(lastFrame)).toContain('Decide: '));
		stdin.write('\t');
		stdin.write('\t');
		stdin.write('a rationale much longer than the field is wide, so that it has to scroll');
		await vi.waitFor(() => expect(frame(lastFrame)).toContain('has to scroll▏'));
		expect(lineStarting(frame(lastFrame), '║ ▶ Rationale')).not.toContain('…');
		stdin.write('\u001B[H');
		await vi.waitFor(() => expect(frame(lastFrame)).toContain('▶ Rationale     ▏a rationale much'));
		expect(lineStarting(frame(lastFrame), '║ ▶ Rationale')).not.toContain('…');
	});

	it('lists the keys of the filter box, the decision form and text fields in the help when the terminal has room', async () => {
		const {lastFrame, stdin} = renderApp(40);
		await vi.waitFor(() => expect(frame(lastFrame)).toContain('Kaspersky'));
		stdin.write('?');
		await vi.waitFor(() => expect(frame(lastFrame)).toContain('Filter syntax'));
		expect(frame(lastFrame)).toContain('Filter box: Enter keep · Esc clear');
		expect(frame(lastFrame)).toContain('Decision form: Tab/↓ next field');
		expect(frame(lastFrame)).toContain('Ctrl-W/Alt-Backspace delete a word');
		expect(frame(lastFrame)).toContain('decide (marked: all)');
		expect(frame(lastFrame)).toContain('Command line: Enter run · Tab complete · Esc cancel');
	});
});
