import React from 'react';
import {Box, Text} from 'ink';
import {fitText} from '../../tables/index.js';
import type {DetailLine} from '../detail-lines.js';

type Props = {lines: DetailLine[]; scroll: number; height: number; width: number};

export function DetailScreen({lines, scroll, height, width}: Props): React.JSX.Element {
	const visible = lines.slice(scroll, scroll + height);
	return (
		<Box flexDirection="column">
			{visible.map((line, index) => (
				<Text
					key={scroll + index}
					bold={line.tone === 'heading'}
					dimColor={line.tone === 'dim'}
					color={line.tone === 'warn' ? 'yellow' : undefined}
				>
					{fitText(line.text, width).trimEnd() || ' '}
				</Text>
			))}
			<Text
				dimColor
			>{`lines ${Math.min(lines.length, scroll + 1)}-${Math.min(lines.length, scroll + height)} of ${lines.length}  ·  j/k scroll · Esc back · ? help`}</Text>
		</Box>
	);
}
