// The one key-binding table: the reducer resolves keys with it and the `?`
// overlay is generated from it, so help can never drift from behaviour.

export type KeyEvent = {
	input: string;
	upArrow?: boolean;
	downArrow?: boolean;
	leftArrow?: boolean;
	rightArrow?: boolean;
	pageUp?: boolean;
	pageDown?: boolean;
	home?: boolean;
	end?: boolean;
	return?: boolean;
	escape?: boolean;
	tab?: boolean;
	shift?: boolean;
	ctrl?: boolean;
	backspace?: boolean;
	delete?: boolean;
};

export type Context = 'table' | 'detail';

type KeySpec = {
	input?: string;
	special?: 'upArrow' | 'downArrow' | 'pageUp' | 'pageDown' | 'home' | 'end' | 'return' | 'escape' | 'tab';
	ctrl?: boolean;
	shift?: boolean;
	label: string;
};

export type CommandName =
	| 'moveDown'
	| 'moveUp'
	| 'pageDown'
	| 'pageUp'
	| 'top'
	| 'bottom'
	| 'nextView'
	| 'previousView'
	| 'showView'
	| 'open'
	| 'back'
	| 'quit'
	| 'filter'
	| 'sortNext'
	| 'sortReverse'
	| 'mark'
	| 'markAll'
	| 'clearMarks'
	| 'copy'
	| 'help'
	| 'refresh'
	| 'decide'
	| 'undo'
	| 'export'
	| 'nextHit'
	| 'confirmHit'
	| 'dismissHit';

export type Binding = {command: CommandName; keys: KeySpec[]; help: string; contexts: Context[]};

const both: Context[] = ['table', 'detail'];

/** Digit keys of the views, in tab order; the reducer maps the digit to the view. */
export const viewKeys = ['0', '1', '2', '3', '4', '5', '6', '7'] as const;

export const bindings: readonly Binding[] = [
	{
		command: 'moveDown',
		keys: [
			{special: 'downArrow', label: '↓'},
			{input: 'j', label: 'j'},
		],
		help: 'move down',
		contexts: both,
	},
	{
		command: 'moveUp',
		keys: [
			{special: 'upArrow', label: '↑'},
			{input: 'k', label: 'k'},
		],
		help: 'move up',
		contexts: both,
	},
	{
		command: 'pageDown',
		keys: [
			{special: 'pageDown', label: 'PgDn'},
			{input: 'f', ctrl: true, label: 'Ctrl-f'},
		],
		help: 'page down',
		contexts: both,
	},
	{
		command: 'pageUp',
		keys: [
			{special: 'pageUp', label: 'PgUp'},
			{input: 'b', ctrl: true, label: 'Ctrl-b'},
		],
		help: 'page up',
		contexts: both,
	},
	{
		command: 'top',
		keys: [
			{input: 'g', label: 'g'},
			{special: 'home', label: 'Home'},
		],
		help: 'jump to the top',
		contexts: both,
	},
	{
		command: 'bottom',
		keys: [
			{input: 'G', label: 'G'},
			{special: 'end', label: 'End'},
		],
		help: 'jump to the bottom',
		contexts: both,
	},
	{command: 'nextView', keys: [{special: 'tab', label: 'Tab'}], help: 'next view', contexts: ['table']},
	{command: 'previousView', keys: [{special: 'tab', shift: true, label: 'Shift-Tab'}], help: 'previous view', contexts: ['table']},
	{command: 'showView', keys: viewKeys.map(input => ({input, label: input})), help: 'views (see tabs)', contexts: ['table']},
	{command: 'open', keys: [{special: 'return', label: 'Enter'}], help: 'open the selected row', contexts: ['table']},
	{command: 'back', keys: [{special: 'escape', label: 'Esc'}], help: 'back, or clear the filter', contexts: both},
	{command: 'filter', keys: [{input: '/', label: '/'}], help: 'filter (syntax below)', contexts: ['table']},
	{command: 'sortNext', keys: [{input: 's', label: 's'}], help: 'sort by the next column', contexts: ['table']},
	{command: 'sortReverse', keys: [{input: 'S', label: 'S'}], help: 'reverse the sort', contexts: ['table']},
	{command: 'mark', keys: [{input: ' ', label: 'Space'}], help: 'mark or unmark the row', contexts: ['table']},
	{command: 'markAll', keys: [{input: 'a', label: 'a'}], help: 'mark all visible rows', contexts: ['table']},
	{command: 'clearMarks', keys: [{input: 'A', label: 'A'}], help: 'clear all marks', contexts: ['table']},
	{command: 'copy', keys: [{input: 'y', label: 'y'}], help: 'copy id and name', contexts: both},
	{command: 'decide', keys: [{input: 'd', label: 'd'}], help: 'decide (marked rows: bulk)', contexts: both},
	{command: 'undo', keys: [{input: 'u', label: 'u'}], help: 'undo last decision', contexts: both},
	{command: 'export', keys: [{input: 'e', label: 'e'}], help: 'export the decision log', contexts: both},
	{command: 'nextHit', keys: [{special: 'tab', label: 'Tab'}], help: 'focus the next screening hit', contexts: ['detail']},
	{command: 'confirmHit', keys: [{input: 'x', label: 'x'}], help: 'hit: confirmed match', contexts: ['detail']},
	{command: 'dismissHit', keys: [{input: 'n', label: 'n'}], help: 'hit: false positive', contexts: ['detail']},
	{command: 'refresh', keys: [{input: 'r', label: 'r'}], help: 'refresh all sources', contexts: ['table']},
	{command: 'help', keys: [{input: '?', label: '?'}], help: 'this help', contexts: both},
	{
		command: 'quit',
		keys: [
			{input: 'q', label: 'q'},
			{input: 'c', ctrl: true, label: 'Ctrl-C'},
		],
		help: 'quit (q: top level)',
		contexts: both,
	},
];

function matches(spec: KeySpec, event: KeyEvent): boolean {
	if (spec.special) {
		if (!event[spec.special]) return false;
		return spec.special !== 'tab' || Boolean(event.shift) === Boolean(spec.shift);
	}
	if (Boolean(event.ctrl) !== Boolean(spec.ctrl)) return false;
	return event.input === spec.input;
}

export function resolveCommand(event: KeyEvent, context: Context): CommandName | null {
	for (const binding of bindings) {
		if (!binding.contexts.includes(context)) continue;
		if (binding.keys.some(spec => matches(spec, event))) return binding.command;
	}
	return null;
}

export function helpLines(context: Context): string[] {
	return bindings
		.filter(binding => binding.contexts.includes(context))
		.map(
			binding =>
				`${(binding.command === 'showView' ? binding.keys.map(spec => spec.label).join('') : binding.keys.map(spec => spec.label).join(' ')).padEnd(12)} ${binding.help}`,
		);
}
