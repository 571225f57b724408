import React from 'react';
import {Box, Text} from 'ink';
import {filterSyntaxHelp} from '../../query/index.js';
import {fitText} from '../../tables/index.js';
import {helpLines, type Context} from '../bindings.js';

export function HelpOverlay({context, height, width}: {context: Context; height: number; width: number}): React.JSX.Element {
	const lines = [...helpLines(context), ...(context === 'table' ? ['', 'Filter syntax:', ...filterSyntaxHelp] : [])];
	const shown = lines.slice(0, Math.max(1, height - 2));
	return (
		<Box flexDirection="column" borderStyle="round" paddingX={1}>
			<Text bold>{`Keys (${context === 'table' ? 'tables' : 'detail'}) · any key closes`}</Text>
			{shown.map((line, index) => (
				<Text key={index}>{fitText(line, Math.max(10, width - 4)).trimEnd() || ' '}</Text>
			))}
		</Box>
	);
}
