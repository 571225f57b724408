import React from 'react';
import {Text} from 'ink';
import {fitText} from '../../tables/index.js';
import {tabLabels, tabTitles, viewTitles} from '../status-line.js';
import {viewNames, type AppState} from '../state.js';

export function TabBar({state}: {state: AppState}): React.JSX.Element {
	const parts = viewNames.map(name =>
		name === state.view ? `[${tabLabels[name]} ${tabTitles[name]}]` : ` ${tabLabels[name]} ${tabTitles[name]} `,
	);
	const title = state.screen.kind === 'detail' ? `vendor-risk › ${viewTitles[state.view]} › ${state.screen.title}` : parts.join('');
	return <Text bold>{fitText(title, state.size.columns - 1).trimEnd()}</Text>;
}
