import React from 'react';
import {Box, Text} from 'ink';
import {fitText} from '../../tables/index.js';
import type {DetailState, Viewport} from '../detail-state.js';
import {wrapDetail} from '../detail-wrap.js';
import {useTheme} from '../theme.js';

type Props = {detail: DetailState; viewport: Viewport};

/** A detail's wrapped rows from its scroll, the focused line drawn inverse (or in the theme's selection colour). */
export function DetailScreen({detail, viewport}: Props): React.JSX.Element {
	const theme = useTheme();
	const {rows} = wrapDetail(detail.lines, viewport.width);
	const visible = rows.slice(detail.scroll, detail.scroll + viewport.height);
	const focused = detail.lines[detail.focus];
	const actions = [focused?.jumpTo ? 'Enter go to' : '', focused?.copy ? 'y copy' : 'y copy id', 'Esc back', '? help'].filter(Boolean);
	return (
		<Box flexDirection="column">
			{visible.map((row, index) => {
				const line = detail.lines[row.line]!;
				const isFocused = row.line === detail.focus;
				return (
					<Text
						key={detail.scroll + index}
						bold={line.tone === 'heading'}
						dimColor={line.tone === 'dim' && !isFocused}
						color={
							line.tone === 'heading' ? theme.heading : line.tone === 'warn' ? theme.warn : line.tone === 'good' ? theme.good : undefined
						}
						inverse={isFocused && !theme.selection}
						backgroundColor={isFocused ? theme.selection : undefined}
					>
						{isFocused ? fitText(row.text, viewport.width) : row.text || ' '}
					</Text>
				);
			})}
			<Text dimColor>
				{fitText(
					`lines ${Math.min(rows.length, detail.scroll + 1)}-${Math.min(rows.length, detail.scroll + viewport.height)} of ${rows.length}  ·  j/k move · ${actions.join(' · ')}`,
					viewport.width,
				).trimEnd()}
			</Text>
		</Box>
	);
}
