import React from 'react';
import {Box, Text} from 'ink';
import {fitText, markerWidth, monthlyChart, type TimelineRow} from '../../tables/index.js';
import type {AppState} from '../state.js';
import {tableFrame} from '../table-frame.js';
import {DenseTable} from './dense-table.js';
import {Dashboard} from './dashboard.js';

const emptyHints: Record<string, string> = {
	changes: 'No changes: the lists are as they were at the previous fetch (or fewer than two fetches so far).',
	queue: 'Nothing to review: every restricted vendor has a current decision.',
	entries: 'No list entries yet. Add a source: vendor-risk sources add URL|PATH, then vendor-risk fetch (or start with --source FILE).',
};

export function TableScreen({state}: {state: AppState}): React.JSX.Element {
	if (state.view === 'dashboard') return <Dashboard state={state} />;
	const frame = tableFrame(state);
	const table = state.tables[state.view];
	return (
		<Box flexDirection="column">
			{state.view === 'timeline' ? (
				<Text>
					{fitText(
						monthlyChart(
							(table.result.rows as TimelineRow[]).map(row => row.date),
							state.size.columns - 1,
						),
						state.size.columns - 1,
					)}
				</Text>
			) : null}
			<DenseTable data={[]} columns={frame.columns} rows={frame.rows} markerWidth={markerWidth} />
			{frame.empty ? (
				<Text>
					{table.filterText ? `No rows match "${table.filterText}". Esc clears the filter.` : (emptyHints[state.view] ?? 'No rows.')}
				</Text>
			) : null}
		</Box>
	);
}
