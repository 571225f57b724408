import React from 'react';
import {Text} from 'ink';
import {fitText} from '../../tables/index.js';
import {tabLabels, tabTitles, viewTitles} from '../status-line.js';
import {viewNames, type ViewName} from '../views.js';

/** The view tabs, or in a detail the path to it. */
export function TabBar({view, detailTitle, width}: {view: ViewName; detailTitle: string | null; width: number}): React.JSX.Element {
	const parts = viewNames.map(name =>
		name === view ? `[${tabLabels[name]} ${tabTitles[name]}]` : ` ${tabLabels[name]} ${tabTitles[name]} `,
	);
	const title = detailTitle === null ? parts.join('') : `vendor-risk › ${viewTitles[view]} › ${detailTitle}`;
	return <Text bold>{fitText(title, width - 1).trimEnd()}</Text>;
}
