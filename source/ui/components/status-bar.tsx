import React from 'react';
import {Text} from 'ink';
import type {TableRow} from '../../tables/index.js';
import {composeStatus, statusLine, type StatusFacts} from '../status-line.js';

export function StatusBar<Row extends TableRow>({width, ...facts}: StatusFacts<Row> & {width: number}): React.JSX.Element {
	const {left, rightParts} = statusLine(facts);
	return <Text inverse>{composeStatus(left, rightParts, width)}</Text>;
}
