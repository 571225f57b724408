import stringWidth from 'string-width';
import {describe, expect, it} from 'vitest';
import {dataDates} from '../../source/records/index.js';
import {tabsText} from '../../source/ui/components/tab-bar.js';
import {initialState} from '../../source/ui/state.js';
import {composeStatus, statusLine} from '../../source/ui/status-line.js';
import {tableSpecs, viewNames} from '../../source/ui/views.js';
import {embeddedData} from './fixtures.js';

describe('the status bar line', () => {
	const left = ' List entries · 349/349 shown · filter: hikvision · sort: Name▲';
	const right = ['queue 25', '1 source stale', 'as of 2026-12-06', 'data 2026-11-28'];

	it('shows everything when it fits', () => {
		const line = composeStatus(left, right, 200);
		expect(line).toContain(left);
		expect(line.trimEnd().endsWith('data 2026-11-28')).toBe(true);
		expect(stringWidth(line)).toBe(200);
	});

	it('drops the least important right-hand items before cutting the left', () => {
		const line = composeStatus(left, right, 100);
		expect(line).toContain(left);
		expect(line).toContain('queue 25');
		expect(line).not.toContain('data 2026-11-28');
		expect(stringWidth(line)).toBe(100);
	});

	it('cuts the left only when even the queue count does not fit beside it', () => {
		const line = composeStatus(left, right, 40);
		expect(line.startsWith(' List entries · 349/349')).toBe(true);
		expect(line).not.toContain('queue');
		expect(stringWidth(line)).toBe(40);
	});
});

describe("the data's dates on the status bar", () => {
	const data = embeddedData('2026-12-06');
	const dates = dataDates(data.catalog);
	const state = initialState(data, {columns: 100, rows: 24});
	const {left, rightParts} = statusLine({view: 'vendors', table: state.tables.vendors, spec: tableSpecs.vendors, data, queued: 3});
	const line = (width: number) => composeStatus(left, rightParts, width);

	it('shows the sources’ date and the compile date where there is room, the sources’ alone where there is less', () => {
		expect(dates.label).toMatch(/^sources to \d{4}-\d{2} · compiled \d{4}-\d{2}-\d{2}$/);
		expect(line(160)).toContain(`as of 2026-12-06 · ${dates.label} `);
		const narrower = line(stringWidth(left) + stringWidth(` queue 3 · as of 2026-12-06 · ${dates.short} `));
		expect(narrower.endsWith(`· ${dates.short} `)).toBe(true);
		expect(narrower).not.toContain('compiled');
		expect(line(60)).toContain('queue 3');
		expect(line(60)).not.toContain('sources to');
	});

	it('tries the shorter forms of the last item kept before dropping it', () => {
		const parts = ['a', ['long form', 'short']] as const;
		for (const [width, end] of [
			[40, ' a · long form '],
			[16, ' a · short '],
			[10, ' a '],
		] as const) {
			const line = composeStatus(' L', parts, width);
			expect(line.startsWith(' L')).toBe(true);
			expect(line.endsWith(end)).toBe(true);
			expect(stringWidth(line)).toBe(width);
		}
	});
});

describe('the tabs', () => {
	it('show every view at 80 columns, padded where the line allows it', () => {
		for (const view of viewNames) {
			const narrow = tabsText(view, 79);
			expect(stringWidth(narrow)).toBeLessThanOrEqual(79);
			for (const label of ['0 Dash', '1 Vendors', '7 Time', '8 Rules']) expect(narrow).toContain(label);
		}
		expect(tabsText('rules', 79)).toContain('[8 Rules]');
		expect(tabsText('vendors', 119)).toContain(' 0 Dash [1 Vendors] 2 Juris ');
		expect(tabsText('vendors', 79)).toContain(' 0 Dash [1 Vendors] 2 Juris 3 Restr');
	});
});
