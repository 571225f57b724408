import React from 'react';
import {Text} from 'ink';
import {fitText} from '../../tables/index.js';
import type {Progress} from '../app-data.js';
import type {Overlay} from '../app-state.js';
import {commandLineText, filterLine, promptLine, signLine} from '../input-line.js';
import {progressText} from '../status-line.js';

type Props = {
	overlay: Overlay;
	progress: Progress | 'starting' | null;
	message: string | null;
	inputReady: boolean;
	hint: string;
	width: number;
};

/** The line under the status bar: the open filter box, reason or countersign prompt, or command line, else a refresh's progress, a message, or the key hint. */
export function HintLine({overlay, progress, message, inputReady, hint, width}: Props): React.JSX.Element {
	if (overlay.kind === 'dispose') return <Text>{promptLine(overlay.prompt, width)}</Text>;
	if (overlay.kind === 'countersign') return <Text>{signLine(overlay.prompt, width)}</Text>;
	if (overlay.kind === 'filter') return <Text>{filterLine(overlay.field, width)}</Text>;
	if (overlay.kind === 'command') return <Text>{commandLineText(overlay.line, width)}</Text>;
	return <Text dimColor>{fitText(progress ? progressText(progress) : (message ?? (inputReady ? hint : 'starting…')), width - 1)}</Text>;
}
