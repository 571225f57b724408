import React from 'react';
import {Text} from 'ink';
import stringWidth from 'string-width';
import {fitText} from '../../tables/index.js';
import {tabLabels, tabTitles, viewTitles} from '../status-line.js';
import {viewNames, type ViewName} from '../views.js';

/**
 * The tabs in one line of `width`: each padded, so the brackets of the current
 * one move nothing; where that is too wide (nine tabs at 80 columns), one space apart.
 */
export function tabsText(view: ViewName, width: number): string {
	const tab = (name: ViewName) => `${tabLabels[name]} ${tabTitles[name]}`;
	const padded = viewNames.map(name => (name === view ? `[${tab(name)}]` : ` ${tab(name)} `)).join('');
	if (stringWidth(padded) <= width) return padded;
	return ` ${viewNames.map(name => (name === view ? `[${tab(name)}]` : tab(name))).join(' ')}`;
}

/** The view tabs, or in a detail the path to it. */
export function TabBar({view, detailTitle, width}: {view: ViewName; detailTitle: string | null; width: number}): React.JSX.Element {
	const title = detailTitle === null ? tabsText(view, width - 1) : `vendor-risk › ${viewTitles[view]} › ${detailTitle}`;
	return <Text bold>{fitText(title, width - 1).trimEnd()}</Text>;
}
