// A table column: how to read a row's raw value (for filter and sort) and how to show it.
import type {CellValue} from '../query/index.js';

export type Column<Row> = {
	key: string;
	label: string;
	/** Other names accepted by `field:value` filters. */
	aliases?: readonly string[];
	// Method syntax keeps Column<VendorRow> usable where Column<TableRow> is expected.
	value(row: Row): CellValue;
	display?(row: Row): string;
	/** Lower numbers are kept longest when the terminal is narrow; 0 is never dropped. */
	priority: number;
	minWidth: number;
	/** The widest it needs to be comfortable; it grows past this only when the line has room left. */
	maxWidth: number;
	/** The name column: it takes the room the others leave, so the table fills the line (default: the first column). */
	grow?: boolean;
	/** Left out while every cell is empty, e.g. screening hits without an inventory. Only for values no decision changes. */
	dropWhenEmpty?: boolean;
	align?: 'left' | 'right';
	/** Filter-only fields (aliases, ids) that are not shown as columns. */
	hidden?: boolean;
};

export function displayCell<Row>(column: Column<Row>, row: Row): string {
	if (column.display) return column.display(row);
	const value = column.value(row);
	if (value === null || value === '') return '—';
	return Array.isArray(value) ? (value.length ? value.join(', ') : '—') : String(value);
}

export type TableRow = {id: string};

export type TableSpec<Row extends TableRow> = {
	name: string;
	columns: readonly Column<Row>[];
	defaultSort: {column: string; descending: boolean} | null;
};

/** How far a fact was verified: hidden until chosen, filterable as verified:… (restrictions and class rules alike). */
export function verificationColumn<Row extends {verification: string}>(): Column<Row> {
	return {
		key: 'verification',
		label: 'Verified',
		aliases: ['verified'],
		hidden: true,
		value: row => row.verification,
		priority: 9,
		minWidth: 0,
		maxWidth: 0,
	};
}
