import React from 'react';
import {Box, Text} from 'ink';
import {markerWidth, type TableRow, type TableSpec} from '../../tables/index.js';
import type {TableState} from '../table-state.js';
import {tableFrame} from '../table-frame.js';
import {useTheme} from '../theme.js';
import {DenseTable} from './dense-table.js';

type Props<Row extends TableRow> = {
	table: TableState<Row>;
	/** The spec with the columns as the reviewer arranged them. */
	spec: TableSpec<Row>;
	width: number;
	/** Rows in the window. */
	page: number;
	/** A line drawn above the table (the timeline's chart), or null. */
	above: string | null;
	emptyHint: string;
};

export function TableScreen<Row extends TableRow>({table, spec, width, page, above, emptyHint}: Props<Row>): React.JSX.Element {
	const theme = useTheme();
	const frame = tableFrame(table, spec, width, page);
	return (
		<Box flexDirection="column">
			{above === null ? null : <Text>{above}</Text>}
			<DenseTable data={[]} columns={frame.columns} rows={frame.rows} markerWidth={markerWidth} selectionColour={theme.selection} />
			{frame.empty ? <Text>{emptyHint}</Text> : null}
		</Box>
	);
}
