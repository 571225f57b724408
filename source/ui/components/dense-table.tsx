// ink-table drawing one line per row: its skeleton (borders, heading) with our
// fixed column widths, and rows as single pre-fitted lines (no separator between
// rows, which would halve what fits on a screen).
import React from 'react';
import {Box, Text} from 'ink';
import {Table} from '@alcalzone/ink-table';

export type DenseColumn = {key: string; label: string; width: number; align: 'left' | 'right'};
export type DenseRow = {key: string; marker: string; cells: string[]; selected: boolean};

type DenseTableProps = {
	columns: DenseColumn[];
	rows: DenseRow[];
	markerWidth: number;
	/** The theme's background for the selected row; without one it is drawn inverse. */
	selectionColour?: string;
};

type InkTableColumn = {column: string; width: number; key: string; align: 'left' | 'right'};

export class DenseTable extends Table<Record<string, string>> {
	declare props: DenseTableProps & {data: Array<Record<string, string>>};

	override getColumns(): InkTableColumn[] {
		const marker = {column: '__marker', width: this.props.markerWidth, key: '__marker', align: 'left' as const};
		return [
			...(this.props.markerWidth ? [marker] : []),
			...this.props.columns.map(column => ({column: column.key, width: column.width + 2, key: column.key, align: column.align})),
		];
	}

	override getHeadings(): Record<string, string> {
		return Object.fromEntries([['__marker', ''], ...this.props.columns.map(column => [column.key, column.label])]);
	}

	override render(): React.JSX.Element {
		const columns = this.getColumns();
		const headings = this.getHeadings();
		return (
			<Box flexDirection="column">
				{this.header({key: 'header', columns, data: {}})}
				{this.heading({key: 'heading', columns, data: headings})}
				{this.separator({key: 'separator', columns, data: {}})}
				{this.props.rows.map(row => (
					<Text
						key={row.key}
						inverse={row.selected && !this.props.selectionColour}
						backgroundColor={row.selected ? this.props.selectionColour : undefined}
						bold={row.selected}
						wrap="truncate"
					>
						{`│${row.marker ? `${row.marker}│` : ''}${row.cells.map(cell => ` ${cell} `).join('│')}│`}
					</Text>
				))}
				{this.footer({key: 'footer', columns, data: {}})}
			</Box>
		);
	}
}
