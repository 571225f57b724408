// The column chooser (c): the view's columns in their order, each shown or
// hidden; Space shows or hides, K and J move one left or right, Enter keeps the
// choice (saved per view in the config file), Esc leaves it as it was.
import {arrangeColumns, choosableColumns, type Column, type ColumnChoice} from '../tables/index.js';
import type {ChooserCommand} from './commands.js';

export type ChooserEntry = {key: string; label: string; shown: boolean};
export type ColumnChooser = {entries: ChooserEntry[]; cursor: number; error: string | null};

/** The chooser on a spec's `columns` as the reviewer last arranged them (`choice`), the hidden ones listed in their place. */
export function newColumnChooser<Row>(columns: readonly Column<Row>[], choice: ColumnChoice | undefined): ColumnChooser {
	const ordered = arrangeColumns(columns, choice && {order: choice.order, hidden: []});
	return {
		entries: choosableColumns(ordered).map(column => ({key: column.key, label: column.label, shown: !choice?.hidden.includes(column.key)})),
		cursor: 0,
		error: null,
	};
}

export type ChooserResult = {chooser: ColumnChooser | null; apply: ColumnChoice | null};

function swapped(chooser: ColumnChooser, step: number): ColumnChooser {
	const target = chooser.cursor + step;
	if (target < 0 || target >= chooser.entries.length) return chooser;
	const entries = [...chooser.entries];
	[entries[chooser.cursor], entries[target]] = [entries[target]!, entries[chooser.cursor]!];
	return {...chooser, entries, cursor: target};
}

export function columnChooserReducer(chooser: ColumnChooser, command: ChooserCommand): ChooserResult {
	const stay = (next: ColumnChooser): ChooserResult => ({chooser: next, apply: null});
	const cleared = {...chooser, error: null};
	switch (command) {
		case 'chooserDown':
			return stay({...cleared, cursor: Math.min(chooser.entries.length - 1, chooser.cursor + 1)});
		case 'chooserUp':
			return stay({...cleared, cursor: Math.max(0, chooser.cursor - 1)});
		case 'moveColumnUp':
			return stay(swapped(cleared, -1));
		case 'moveColumnDown':
			return stay(swapped(cleared, 1));
		case 'toggleColumn': {
			const entry = chooser.entries[chooser.cursor]!;
			if (entry.shown && chooser.entries.filter(candidate => candidate.shown).length === 1)
				return stay({...chooser, error: 'one column at least stays shown'});
			const entries = chooser.entries.map((candidate, index) =>
				index === chooser.cursor ? {...candidate, shown: !candidate.shown} : candidate,
			);
			return stay({...cleared, entries});
		}
		case 'applyColumns':
			return {
				chooser: null,
				apply: {
					order: chooser.entries.map(entry => entry.key),
					hidden: chooser.entries.filter(entry => !entry.shown).map(entry => entry.key),
				},
			};
		case 'cancelColumns':
			return {chooser: null, apply: null};
	}
}
