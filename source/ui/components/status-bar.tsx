import React from 'react';
import {Box, Text} from 'ink';
import {fitText} from '../../tables/index.js';
import {composeStatus, progressText, statusLine} from '../status-line.js';
import type {AppState} from '../state.js';

export function StatusBar({state}: {state: AppState}): React.JSX.Element {
	const width = state.size.columns;
	const {left, rightParts} = statusLine(state);
	return (
		<Box flexDirection="column">
			<Text inverse>{composeStatus(left, rightParts, width)}</Text>
			{state.overlay.kind === 'dispose' ? (
				<Text>
					{fitText(
						`${state.overlay.disposition === 'confirmed-match' ? 'x confirmed match' : 'n false positive'} · reason: ${state.overlay.reason}▏${state.overlay.error ? `  ✗ ${state.overlay.error}` : '  Enter save · Esc cancel'}`,
						width - 1,
					)}
				</Text>
			) : state.overlay.kind === 'filter' ? (
				<Text>{fitText(`/${state.tables[state.view].filterText}▏  Enter keep · Esc clear`, width - 1)}</Text>
			) : (
				<Text dimColor>
					{fitText(
						state.progress
							? progressText(state.progress)
							: (state.message?.text ?? (state.inputReady ? '? help · / filter · s sort · Enter open · Tab views · q quit' : 'starting…')),
						width - 1,
					)}
				</Text>
			)}
		</Box>
	);
}
