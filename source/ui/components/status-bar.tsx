import React from 'react';
import {Text} from 'ink';
import type {TableRow} from '../../tables/index.js';
import {composeStatus, statusLine, type StatusFacts} from '../status-line.js';
import {useTheme} from '../theme.js';

export function StatusBar<Row extends TableRow>({width, ...facts}: StatusFacts<Row> & {width: number}): React.JSX.Element {
	const theme = useTheme();
	const {left, rightParts} = statusLine(facts);
	return (
		<Text inverse={!theme.statusBar} backgroundColor={theme.statusBar}>
			{composeStatus(left, rightParts, width)}
		</Text>
	);
}
