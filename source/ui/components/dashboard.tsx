import React from 'react';
import {Box, Text} from 'ink';
import {fitText} from '../../tables/index.js';
import {barLines, dashboardBudget, dashboardFigures} from '../dashboard.js';
import type {AppData} from '../app-data.js';
import type {Size} from '../layout.js';

function Panel({title, lines, width}: {title: string; lines: string[]; width: number}): React.JSX.Element {
	return (
		<Box flexDirection="column" width={width} marginRight={1}>
			<Text bold>{fitText(title, width)}</Text>
			{lines.map((line, index) => (
				<Text key={index}>{fitText(line, width)}</Text>
			))}
		</Box>
	);
}

export function Dashboard({data, queued, size}: {data: AppData; queued: number; size: Size}): React.JSX.Element {
	const figures = dashboardFigures(data, queued);
	const half = Math.floor((size.columns - 2) / 2);
	// Tabs, status bar and hint line take three rows, and the frame stays one row short of the terminal.
	const budget = dashboardBudget(size.rows - 4, figures.sources.length);
	const findings = [...(figures.findings ? barLines(figures.findings, half) : []), ...figures.findingNotes];
	return (
		<Box flexDirection="column">
			<Box>
				<Panel
					title={`Decisions by outcome · queue ${figures.queue}`}
					lines={barLines(figures.decisions, half).slice(0, budget.first)}
					width={half}
				/>
				<Panel title="Vendors by jurisdiction (HQ)" lines={barLines(figures.jurisdictions, half).slice(0, budget.first)} width={half} />
			</Box>
			<Text> </Text>
			<Box>
				<Panel title="Restrictions (as of the date)" lines={barLines(figures.restrictions, half).slice(0, budget.second)} width={half} />
				<Panel title="Findings: class rules, ownership" lines={findings.slice(0, budget.second)} width={half} />
			</Box>
			<Text> </Text>
			<Panel title="Sources" lines={figures.sources.slice(0, budget.sources)} width={size.columns - 2} />
		</Box>
	);
}
