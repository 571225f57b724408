import React from 'react';
import {Box, Text} from 'ink';
import {fitText} from '../../tables/index.js';
import {frequencyTitle, type FrequencyState} from '../frequency.js';
import {selectionGlyph} from '../table-frame.js';
import {useTheme} from '../theme.js';
import {DenseTable} from './dense-table.js';

type Props = {frequency: FrequencyState; viewTitle: string; width: number; page: number};

const countWidth = 7;
const shareWidth = 6;

/** Each value with its count, share of the rows and a bar, most common first; Enter filters the table to the selected one. */
export function FrequencyScreen({frequency, viewTitle, width, page}: Props): React.JSX.Element {
	const theme = useTheme();
	// Borders and padding: the marker, then four cells of one space each side and a border.
	const room = width - 1 - 2 - 4 * 3 - countWidth - shareWidth;
	const valueWidth = Math.max(10, Math.floor(room * 0.6));
	const barWidth = Math.max(4, room - valueWidth);
	const peak = Math.max(1, ...frequency.values.map(value => value.count));
	const rows = frequency.values.slice(frequency.top, frequency.top + page).map((value, offset) => {
		const position = frequency.top + offset;
		const share = frequency.rows ? (100 * value.count) / frequency.rows : 0;
		return {
			key: `${position}`,
			marker: position === frequency.cursor ? selectionGlyph : ' ',
			selected: position === frequency.cursor,
			cells: [
				fitText(value.value ?? '(empty)', valueWidth),
				fitText(String(value.count), countWidth, 'right'),
				fitText(`${share.toFixed(share < 10 ? 1 : 0)}%`, shareWidth, 'right'),
				fitText('█'.repeat(Math.max(1, Math.round((value.count / peak) * barWidth))), barWidth),
			],
		};
	});
	const columns = [
		{key: 'value', label: frequency.label, width: valueWidth, align: 'left' as const},
		{key: 'count', label: 'Count', width: countWidth, align: 'right' as const},
		{key: 'share', label: 'Share', width: shareWidth, align: 'right' as const},
		{key: 'bar', label: '', width: barWidth, align: 'left' as const},
	];
	return (
		<Box flexDirection="column">
			<Text>{fitText(frequencyTitle(frequency, viewTitle), width - 1)}</Text>
			<DenseTable data={[]} columns={columns} rows={rows} markerWidth={1} selectionColour={theme.selection} />
		</Box>
	);
}
