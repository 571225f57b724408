import React from 'react';
import {Box, Text} from 'ink';
import {filterSyntaxHelp, filterSyntaxSummary} from '../../query/index.js';
import {fitText} from '../../tables/index.js';
import {helpLines, type Context} from '../bindings.js';

/** Lays lines into as many columns as the width allows, so the whole help fits at 80x24. */
function columnsOf(lines: string[], height: number, width: number): string[] {
	const columnCount = Math.max(1, Math.min(Math.ceil(lines.length / height), Math.floor(width / 25)));
	const perColumn = Math.ceil(lines.length / columnCount);
	const columnWidth = Math.floor(width / columnCount);
	const rows: string[] = [];
	for (let row = 0; row < perColumn; row++) {
		let text = '';
		for (let column = 0; column < columnCount; column++) text += fitText(lines[column * perColumn + row] ?? '', columnWidth - 1) + ' ';
		rows.push(text.trimEnd());
	}
	return rows.slice(0, height);
}

/**
 * The filter syntax for the table help: in full while the keys still fit in two
 * columns beside it, else in one line, so that at 80x24 no key's description is
 * cut to a few letters by a third column.
 */
function syntaxLines(keyLines: number, height: number): string[] {
	const full = ['', 'Filter syntax:', ...filterSyntaxHelp];
	return Math.ceil(keyLines / Math.max(1, height - 1 - full.length)) <= 2 ? full : ['', `Filter syntax: ${filterSyntaxSummary}`];
}

export function HelpOverlay({context, height, width}: {context: Context; height: number; width: number}): React.JSX.Element {
	const lines = helpLines(context);
	const syntax = context === 'table' ? syntaxLines(lines.length, height) : [];
	const keys = columnsOf(lines, Math.max(1, height - 1 - syntax.length), width - 4);
	return (
		<Box flexDirection="column" borderStyle="round" paddingX={1}>
			<Text bold>{`Keys (${context === 'table' ? 'tables' : 'detail'}) · any key closes`}</Text>
			{[...keys, ...syntax].map((line, index) => (
				<Text key={index}>{fitText(line, Math.max(10, width - 4)).trimEnd() || ' '}</Text>
			))}
		</Box>
	);
}
