import React from 'react';
import {Box, Text} from 'ink';
import {filterSyntaxHelp, filterSyntaxSummary} from '../../query/index.js';
import {fitText} from '../../tables/index.js';
import {contextSummary, helpLines, type Binding} from '../bindings.js';
import {wrapText} from '../detail-wrap.js';
import type {Context} from '../commands.js';
import {useTheme} from '../theme.js';

/**
 * Lays lines into as many columns as the height needs and the width allows, so the
 * whole help fits at 80x24; into two when they cut no line, to leave the modals' keys room.
 */
function columnsOf(lines: string[], height: number, width: number): string[] {
	const twoFit = Math.max(...lines.map(line => line.length)) <= Math.floor(width / 2) - 1;
	const wanted = Math.max(Math.ceil(lines.length / height), twoFit ? 2 : 1);
	const columnCount = Math.max(1, Math.min(wanted, Math.floor(width / 25)));
	const perColumn = Math.ceil(lines.length / columnCount);
	const columnWidth = Math.floor(width / columnCount);
	const rows: string[] = [];
	for (let row = 0; row < perColumn; row++) {
		let text = '';
		for (let column = 0; column < columnCount; column++) text += fitText(lines[column * perColumn + row] ?? '', columnWidth - 1) + ' ';
		rows.push(text.trimEnd());
	}
	return rows.slice(0, height);
}

/**
 * The filter syntax for the table help: in full while the keys still fit in two
 * columns beside it, else in one line, so that at 80x24 no key's description is
 * cut to a few letters by a third column.
 */
function syntaxLines(keyLines: number, height: number): string[] {
	const full = ['', 'Filter syntax:', ...filterSyntaxHelp];
	return Math.ceil(keyLines / Math.max(1, height - 1 - full.length)) <= 2 ? full : [`Filter syntax: ${filterSyntaxSummary}`];
}

/** The modals each screen can open, whose keys the help lists below the screen's own. */
const modalsFrom: Record<HelpContext, Context[]> = {
	table: ['filter', 'command', 'columns', 'form', 'choice', 'text', 'confirm'],
	detail: ['prompt', 'form', 'choice', 'confirm', 'text'],
	frequency: [],
};

/** Breaks a summary at its " · " separators into lines of `width`. */
function wrapped(summary: string, width: number): string[] {
	const lines: string[] = [];
	for (const part of summary.split(' · ')) {
		const last = lines.at(-1);
		if (last !== undefined && last.length + 3 + part.length <= width) lines[lines.length - 1] = `${last} · ${part}`;
		else lines.push(last === undefined ? part : `  ${part}`);
	}
	return lines;
}

/** The modals' keys, as many whole modals as fit in `room` lines; at 80x24 the screen's own keys take the room. */
function modalNotes(context: HelpContext, keymap: readonly Binding[], room: number, width: number): string[] {
	const notes = [''];
	for (const modal of modalsFrom[context]) {
		const lines = wrapped(contextSummary(modal, keymap), width);
		if (notes.length + lines.length > room) break;
		notes.push(...lines);
	}
	return notes.length > 1 ? notes : [];
}

export type HelpContext = Extract<Context, 'table' | 'detail' | 'frequency'>;

const helpTitles: Record<HelpContext, string> = {table: 'tables', detail: 'detail', frequency: 'frequency view'};

type Props = {context: HelpContext; keymap: readonly Binding[]; height: number; width: number};

/** Said wherever the help is open: what the data is, and is not. */
export const disclaimer = 'A research aid, not legal advice: lists change; re-check official sources.';

/** The keys in effect (remapped ones included) for the screen under the help, then the modals it can open, and the disclaimer last. */
export function HelpOverlay({context, keymap, height, width}: Props): React.JSX.Element {
	const theme = useTheme();
	const lines = helpLines(context, keymap);
	// The disclaimer's lines are kept first: the keys and notes share what is left.
	const said = wrapText(disclaimer, Math.max(10, width - 4));
	const room = height - said.length;
	const syntax = context === 'table' ? syntaxLines(lines.length, room) : [];
	const keys = columnsOf(lines, Math.max(1, room - 1 - syntax.length), width - 4);
	const notes = modalNotes(context, keymap, room - 1 - syntax.length - keys.length, width - 4);
	return (
		<Box flexDirection="column" borderStyle="round" paddingX={1}>
			<Text bold color={theme.heading}>{`Keys (${helpTitles[context]}) · any key closes`}</Text>
			{[...keys, ...syntax, ...notes].map((line, index) => (
				<Text key={index}>{fitText(line, Math.max(10, width - 4)).trimEnd() || ' '}</Text>
			))}
			{said.map((line, index) => (
				<Text key={`disclaimer${index}`} dimColor>
					{line}
				</Text>
			))}
		</Box>
	);
}
