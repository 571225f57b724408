import React from 'react';
import {Box, Text} from 'ink';
import {fitText} from '../../tables/index.js';
import type {ColumnChooser} from '../column-chooser.js';
import {useTheme} from '../theme.js';

type Props = {chooser: ColumnChooser; viewTitle: string; width: number; height: number};

/** The view's columns in their order, each [x] shown or [ ] hidden; the selected one marked ▶. */
export function ColumnChooserView({chooser, viewTitle, width, height}: Props): React.JSX.Element {
	const theme = useTheme();
	const inner = Math.max(20, width - 4);
	// Borders, title, error and hint take five lines; a short terminal shows a window of the columns around the cursor.
	const room = Math.max(1, height - 5);
	const first = Math.max(0, Math.min(chooser.cursor - Math.floor(room / 2), chooser.entries.length - room));
	return (
		<Box flexDirection="column" borderStyle="round" paddingX={1}>
			<Text bold color={theme.heading}>
				{fitText(`Columns of ${viewTitle}, left to right`, inner)}
			</Text>
			{chooser.entries.slice(first, first + room).map((entry, offset) => {
				const index = first + offset;
				return (
					<Text
						key={entry.key}
						inverse={index === chooser.cursor && !theme.selection}
						backgroundColor={index === chooser.cursor ? theme.selection : undefined}
					>
						{fitText(`${index === chooser.cursor ? '▶' : ' '} [${entry.shown ? 'x' : ' '}] ${entry.label}`, inner)}
					</Text>
				);
			})}
			<Text color={theme.error}>{chooser.error ? fitText(`✗ ${chooser.error}`, inner) : ' '}</Text>
			<Text dimColor>{fitText('Space show/hide · K/J move left/right · Enter keep · Esc cancel · shown as the width allows', inner)}</Text>
		</Box>
	);
}
