// Fitting a table's columns to the terminal: widths from the whole dataset, drop
// by priority (empty optional columns first), shrink before dropping, fill the line.
import {describe, expect, it} from 'vitest';
import {layoutColumns, markerWidth, type Column} from '../../source/tables/index.js';

type Row = {id: string; name: string; hq: string; note: string | null; extra: string};

const column = (key: keyof Row, priority: number, minWidth: number, maxWidth: number): Column<Row> => ({
	key,
	label: key,
	value: row => row[key],
	priority,
	minWidth,
	maxWidth,
});
const name = column('name', 0, 8, 30);
const hq = column('hq', 1, 4, 4);
const note = column('note', 3, 6, 20);
const extra = column('extra', 2, 6, 20);
const rows: Row[] = [
	{id: 'a', name: 'Kaspersky', hq: 'RU', note: null, extra: 'first extra value'},
	{id: 'b', name: 'Huawei Technologies Co., Ltd.', hq: 'CN', note: null, extra: 'x'},
];
/** What the table's line costs for these columns: borders, the marker, one space each side of each cell. */
const lineWidth = (laid: Array<{width: number}>) => 1 + markerWidth + 1 + laid.reduce((sum, item) => sum + item.width + 3, 0);
const keys = (laid: Array<{column: Column<Row>}>) => laid.map(item => item.column.key);

describe('laying out columns at a width', () => {
	it('keeps every column at its natural width when the line is wide enough', () => {
		const laid = layoutColumns([name, hq, note, extra], rows, 200);
		expect(keys(laid)).toEqual(['name', 'hq', 'note', 'extra']);
		expect(laid.find(item => item.column.key === 'name')!.width).toBe('Huawei Technologies Co., Ltd.'.length);
	});

	it('drops an empty optional column before a higher-priority one with content', () => {
		// Every column at its minimum needs 42 columns: one must go, and the empty one says nothing.
		const laid = layoutColumns([name, hq, note, extra], rows, 40);
		expect(keys(laid)).toEqual(['name', 'hq', 'extra']);
		expect(lineWidth(laid)).toBe(40);
	});

	it('drops by priority, never the priority-0 column, and fits the line exactly when it can', () => {
		for (const width of [90, 70, 50, 40, 30, 20]) {
			const laid = layoutColumns([name, hq, note, extra], rows, width);
			expect(keys(laid)).toContain('name');
			expect(lineWidth(laid), `at ${width}`).toBe(Math.min(width, lineWidth(layoutColumns([name, hq, note, extra], rows, 500))));
			for (const item of laid) expect(item.width).toBeGreaterThanOrEqual(item.column.minWidth);
		}
		expect(keys(layoutColumns([name, hq, note, extra], rows, 30))).toEqual(['name', 'hq']);
		expect(keys(layoutColumns([name, hq, note, extra], rows, 20))).toEqual(['name']);
	});

	it('shrinks columns instead of dropping one when shrinking alone makes the line fit', () => {
		const natural = layoutColumns([name, hq, extra], rows, 200);
		const laid = layoutColumns([name, hq, extra], rows, lineWidth(natural) - 5);
		expect(keys(laid)).toEqual(['name', 'hq', 'extra']);
		expect(lineWidth(laid)).toBe(lineWidth(natural) - 5);
	});

	it('takes widths from every row, so a window of short rows lays out like the whole table', () => {
		const whole = layoutColumns([name, hq, extra], rows, 80);
		expect(layoutColumns([name, hq, extra], rows, 80)).toEqual(whole);
		const shortOnly = layoutColumns([name, hq, extra], [rows[0]!], 80);
		expect(shortOnly.find(item => item.column.key === 'name')!.width).toBeLessThan(whole.find(item => item.column.key === 'name')!.width);
	});
});
