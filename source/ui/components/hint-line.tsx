import React from 'react';
import {Text} from 'ink';
import {fitText} from '../../tables/index.js';
import type {Progress} from '../app-data.js';
import type {Overlay} from '../app-state.js';
import {filterLine, promptLine} from '../input-line.js';
import {progressText} from '../status-line.js';

type Props = {overlay: Overlay; progress: Progress | 'starting' | null; message: string | null; inputReady: boolean; width: number};

/** The line under the status bar: the open filter box or reason prompt, else a refresh's progress, a message, or the key hint. */
export function HintLine({overlay, progress, message, inputReady, width}: Props): React.JSX.Element {
	if (overlay.kind === 'dispose') return <Text>{promptLine(overlay.prompt, width)}</Text>;
	if (overlay.kind === 'filter') return <Text>{filterLine(overlay.field, width)}</Text>;
	const hint = inputReady ? '? help · / filter · s sort · Enter open · Tab views · q quit' : 'starting…';
	return <Text dimColor>{fitText(progress ? progressText(progress) : (message ?? hint), width - 1)}</Text>;
}
