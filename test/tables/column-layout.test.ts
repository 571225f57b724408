// Fitting a table's columns to the terminal: which columns show depends on the
// width and their minimums only, widths come from the whole dataset, and the name
// column takes the room left so the table fills the line.
import {describe, expect, it} from 'vitest';
import {layoutColumns, markerWidth, type Column} from '../../source/tables/index.js';

type Row = {id: string; name: string; hq: string; note: string | null; extra: string; hits: number};

const column = (key: Exclude<keyof Row, 'hits'>, priority: number, minWidth: number, maxWidth: number): Column<Row> => ({
	key,
	label: key,
	value: row => row[key],
	priority,
	minWidth,
	maxWidth,
});
const name = {...column('name', 0, 8, 12), grow: true};
const hq = column('hq', 1, 4, 4);
const note = column('note', 3, 6, 20);
const extra = column('extra', 2, 6, 20);
const hits: Column<Row> = {
	key: 'hits',
	label: 'hits',
	value: row => row.hits || null,
	priority: 1,
	minWidth: 4,
	maxWidth: 6,
	dropWhenEmpty: true,
};
const rows: Row[] = [
	{id: 'a', name: 'Kaspersky', hq: 'RU', note: null, extra: 'first extra value', hits: 0},
	{id: 'b', name: 'Huawei Technologies Co., Ltd.', hq: 'CN', note: null, extra: 'x', hits: 0},
];
/** What the table's line costs for these columns: borders, the marker, one space each side of each cell. */
const lineWidth = (laid: Array<{width: number}>) => 1 + markerWidth + 1 + laid.reduce((sum, item) => sum + item.width + 3, 0);
const keys = (laid: Array<{column: Column<Row>}>) => laid.map(item => item.column.key);
const widthOf = (laid: Array<{column: Column<Row>; width: number}>, key: string) => laid.find(item => item.column.key === key)!.width;

describe('laying out columns at a width', () => {
	it('fills the whole line, the name column taking what the others leave once every value shows in full', () => {
		const laid = layoutColumns([name, hq, note, extra], rows, 200);
		expect(keys(laid)).toEqual(['name', 'hq', 'note', 'extra']);
		expect(lineWidth(laid)).toBe(200);
		expect(widthOf(laid, 'extra')).toBe('first extra value'.length);
		expect(widthOf(laid, 'name')).toBeGreaterThan('Huawei Technologies Co., Ltd.'.length);
	});

	it('gives the name column room before the others when the line is short', () => {
		const minimum = lineWidth([name, hq, note, extra].map(item => ({width: item.minWidth})));
		const laid = layoutColumns([name, hq, note, extra], rows, minimum + 4);
		expect(widthOf(laid, 'name')).toBe(name.minWidth + 4);
		expect(widthOf(laid, 'extra')).toBe(extra.minWidth);
	});

	it('drops the least important columns first, the rightmost among equals, never priority 0 nor the name column', () => {
		const twin = {...extra, key: 'twin'};
		expect(keys(layoutColumns([name, hq, extra, twin], rows, 41))).toEqual(['name', 'hq', 'extra']);
		expect(keys(layoutColumns([name, hq, note, extra], rows, 40))).toEqual(['name', 'hq', 'extra']);
		expect(keys(layoutColumns([name, hq, note, extra], rows, 30))).toEqual(['name', 'hq']);
		expect(keys(layoutColumns([name, hq, note, extra], rows, 20))).toEqual(['name']);
	});

	it('shows the same columns whatever the values, so a new value never makes one appear or vanish', () => {
		const changed = rows.map(row => ({...row, note: 'a decision was recorded on this vendor', extra: '—'}));
		for (let width = 20; width <= 120; width++)
			expect(keys(layoutColumns([name, hq, note, extra], changed, width)), `at ${width}`).toEqual(
				keys(layoutColumns([name, hq, note, extra], rows, width)),
			);
	});

	it('fits the line exactly whenever the minimums of the kept columns fit', () => {
		for (let width = 30; width <= 160; width++)
			expect(lineWidth(layoutColumns([name, hq, note, extra], rows, width)), `at ${width}`).toBe(width);
	});

	it('leaves out a column marked to drop while every cell of it is empty, and shows it once one is not', () => {
		expect(keys(layoutColumns([name, hq, hits], rows, 80))).toEqual(['name', 'hq']);
		const hit = [{...rows[0]!, hits: 2}, rows[1]!];
		expect(keys(layoutColumns([name, hq, hits], hit, 80))).toEqual(['name', 'hq', 'hits']);
	});

	it('takes widths from every row, so a window of short rows lays out like the whole table', () => {
		const laid = layoutColumns([name, hq, note, extra], rows, 60);
		const shortOnly = layoutColumns([name, hq, note, extra], [rows[0]!], 60);
		expect(widthOf(shortOnly, 'extra')).toBe(widthOf(laid, 'extra'));
		const wide = layoutColumns([name, hq, note, extra], rows, 300);
		expect(widthOf(layoutColumns([name, hq, note, extra], [rows[1]!], 300), 'extra')).toBeLessThan(widthOf(wide, 'extra'));
	});
});
