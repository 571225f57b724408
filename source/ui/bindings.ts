// The one key-binding table: every key the TUI reads, a modal's included. The
// dispatcher resolves keys with it and the `?` overlay is generated from it, so
// help can never drift from behaviour.
import {contexts, type CommandName, type Context} from './commands.js';

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
	/** Alt (Option) held; Ink also sets it for Esc, so only Alt-Backspace reads it. */
	meta?: boolean;
	backspace?: boolean;
	delete?: boolean;
};

export type KeySpec = {
	input?: string;
	special?:
		| 'upArrow'
		| 'downArrow'
		| 'leftArrow'
		| 'rightArrow'
		| 'pageUp'
		| 'pageDown'
		| 'home'
		| 'end'
		| 'return'
		| 'escape'
		| 'tab'
		| 'backspace';
	ctrl?: boolean;
	shift?: boolean;
	meta?: boolean;
	/** Matches every key (help's "any key closes"); bindings before it in the table still win. */
	anyKey?: boolean;
	/** The key works in these of the binding's contexts only (q quits from a table, but goes back from a detail). */
	only?: readonly Context[];
	label: string;
};

export type Binding = {
	command: CommandName;
	keys: KeySpec[];
	/** What the help says, at most 24 characters so two columns of keys fit at 80x24. */
	help: string;
	/** What it says in a context where the command does something else (Enter in a detail follows a summary line). */
	helpIn?: Partial<Record<Context, string>>;
	contexts: readonly Context[];
};

const both: Context[] = ['table', 'detail'];
/** Where the cursor moves: a table's rows, a detail's lines, a frequency view's values. */
const screens: Context[] = ['table', 'detail', 'frequency'];
const everywhere: Context[] = [...contexts];

/** Digit keys of the views, in tab order; the reducer maps the digit to the view. */
export const viewKeys = ['0', '1', '2', '3', '4', '5', '6', '7', '8'] as const;

/** The keys as shipped; the config file's `keys` can remap any command (keymap.ts). */
export const bindings: readonly Binding[] = [
	{
		command: 'moveDown',
		keys: [
			{special: 'downArrow', label: '↓'},
			{input: 'j', label: 'j'},
		],
		help: 'move down',
		contexts: screens,
	},
	{
		command: 'moveUp',
		keys: [
			{special: 'upArrow', label: '↑'},
			{input: 'k', label: 'k'},
		],
		help: 'move up',
		contexts: screens,
	},
	{
		command: 'pageDown',
		keys: [
			{special: 'pageDown', label: 'PgDn'},
			{input: 'f', ctrl: true, label: 'Ctrl-f'},
		],
		help: 'page down',
		contexts: screens,
	},
	{
		command: 'pageUp',
		keys: [
			{special: 'pageUp', label: 'PgUp'},
			{input: 'b', ctrl: true, label: 'Ctrl-b'},
		],
		help: 'page up',
		contexts: screens,
	},
	{
		command: 'top',
		keys: [
			{input: 'g', label: 'g'},
			{special: 'home', label: 'Home'},
		],
		help: 'jump to the top',
		contexts: screens,
	},
	{
		command: 'bottom',
		keys: [
			{input: 'G', label: 'G'},
			{special: 'end', label: 'End'},
		],
		help: 'jump to the bottom',
		contexts: screens,
	},
	{command: 'nextView', keys: [{special: 'tab', label: 'Tab'}], help: 'next view', contexts: ['table']},
	{command: 'previousView', keys: [{special: 'tab', shift: true, label: 'Shift-Tab'}], help: 'previous view', contexts: ['table']},
	{command: 'showView', keys: viewKeys.map(input => ({input, label: input})), help: 'views (see tabs)', contexts: ['table']},
	{
		command: 'open',
		keys: [{special: 'return', label: 'Enter'}],
		help: 'open the selected row',
		helpIn: {detail: 'go to the restriction', frequency: 'filter to the value'},
		contexts: screens,
	},
	{
		command: 'back',
		keys: [
			{special: 'escape', label: 'Esc'},
			{input: 'q', only: ['detail', 'frequency'], label: 'q'},
		],
		help: 'back, or clear filter',
		contexts: screens,
	},
	{command: 'filter', keys: [{input: '/', label: '/'}], help: 'filter (syntax below)', contexts: ['table']},
	{command: 'sortNext', keys: [{input: 's', label: 's'}], help: 'sort by the next column', contexts: ['table']},
	{command: 'sortReverse', keys: [{input: 'S', label: 'S'}], help: 'reverse the sort', contexts: ['table']},
	{command: 'mark', keys: [{input: ' ', label: 'Space'}], help: 'mark or unmark the row', contexts: ['table']},
	{command: 'markAll', keys: [{input: 'a', label: 'a'}], help: 'mark all visible rows', contexts: ['table']},
	{command: 'clearMarks', keys: [{input: 'A', label: 'A'}], help: 'clear all marks', contexts: ['table']},
	{
		command: 'copy',
		keys: [{input: 'y', label: 'y'}],
		help: 'copy id and name',
		helpIn: {detail: "copy the line's URL/cite"},
		contexts: both,
	},
	{command: 'chooseColumns', keys: [{input: 'c', label: 'c'}], help: 'choose columns', contexts: ['table']},
	{command: 'frequency', keys: [{input: 'F', label: 'F'}], help: 'frequency of a column', contexts: ['table']},
	{command: 'savedViews', keys: [{input: 'v', label: 'v'}], help: 'recall a saved view', contexts: ['table']},
	{command: 'commandLine', keys: [{input: ':', label: ':'}], help: 'command line', contexts: ['table']},
	{command: 'decide', keys: [{input: 'd', label: 'd'}], help: 'decide (marked: all)', contexts: both},
	// o as in "sign off": C would clash with the remapping the README shows (chooseColumns to C).
	{command: 'countersign', keys: [{input: 'o', label: 'o'}], help: 'sign off (countersign)', contexts: both},
	{command: 'undo', keys: [{input: 'u', label: 'u'}], help: 'undo last decision', contexts: both},
	{command: 'export', keys: [{input: 'e', label: 'e'}], help: 'export the decision log', contexts: both},
	// p as in `log push`: sends what a shared log's outbox holds (the status bar's "N unsent").
	{command: 'push', keys: [{input: 'p', label: 'p'}], help: 'push unsent entries', contexts: both},
	{command: 'nextHit', keys: [{special: 'tab', label: 'Tab'}], help: 'focus the next hit', contexts: ['detail']},
	{command: 'confirmHit', keys: [{input: 'x', label: 'x'}], help: 'hit: confirmed match', contexts: ['detail']},
	{command: 'dismissHit', keys: [{input: 'n', label: 'n'}], help: 'hit: false positive', contexts: ['detail']},
	{
		command: 'nextColumn',
		keys: [
			{special: 'rightArrow', label: '→'},
			{input: 'l', label: 'l'},
		],
		help: 'next column',
		contexts: ['frequency'],
	},
	{
		command: 'previousColumn',
		keys: [
			{special: 'leftArrow', label: '←'},
			{input: 'h', label: 'h'},
		],
		help: 'previous column',
		contexts: ['frequency'],
	},
	{command: 'refresh', keys: [{input: 'r', label: 'r'}], help: 'refresh all sources', contexts: ['table']},
	{command: 'help', keys: [{input: '?', label: '?'}], help: 'this help', contexts: screens},
	{
		command: 'quit',
		keys: [
			{input: 'q', only: ['table'], label: 'q'},
			{input: 'c', ctrl: true, label: 'Ctrl-C'},
		],
		help: 'quit (q: top level)',
		contexts: everywhere,
	},
	{command: 'keepFilter', keys: [{special: 'return', label: 'Enter'}], help: 'keep', contexts: ['filter']},
	{command: 'clearFilter', keys: [{special: 'escape', label: 'Esc'}], help: 'clear', contexts: ['filter']},
	{command: 'savePrompt', keys: [{special: 'return', label: 'Enter'}], help: 'save', contexts: ['prompt']},
	{command: 'cancelPrompt', keys: [{special: 'escape', label: 'Esc'}], help: 'cancel', contexts: ['prompt']},
	{
		command: 'nextField',
		keys: [
			{special: 'tab', label: 'Tab'},
			{special: 'downArrow', label: '↓'},
		],
		help: 'next field',
		contexts: ['form'],
	},
	{
		command: 'previousField',
		keys: [
			{special: 'tab', shift: true, label: 'Shift-Tab'},
			{special: 'upArrow', label: '↑'},
		],
		help: 'previous field',
		contexts: ['form'],
	},
	{command: 'saveForm', keys: [{special: 'return', label: 'Enter'}], help: 'save', contexts: ['form']},
	{command: 'cancelForm', keys: [{special: 'escape', label: 'Esc'}], help: 'cancel', contexts: ['form']},
	// Not Enter: the step exists so that no stray Enter saves what it names.
	{command: 'confirmYes', keys: [{input: 'y', label: 'y'}], help: 'confirm and save', contexts: ['confirm']},
	{
		command: 'confirmNo',
		keys: [
			{input: 'n', label: 'n'},
			{special: 'escape', label: 'Esc'},
		],
		help: 'back to the form',
		contexts: ['confirm'],
	},
	{
		command: 'choosePrevious',
		keys: [
			{special: 'leftArrow', label: '←'},
			{input: 'h', label: 'h'},
		],
		help: 'previous choice',
		contexts: ['choice'],
	},
	{
		command: 'chooseNext',
		keys: [
			{special: 'rightArrow', label: '→'},
			{input: 'l', label: 'l'},
			{input: ' ', label: 'Space'},
		],
		help: 'next choice',
		contexts: ['choice'],
	},
	{
		command: 'chooserDown',
		keys: [
			{special: 'downArrow', label: '↓'},
			{input: 'j', label: 'j'},
		],
		help: 'down',
		contexts: ['columns'],
	},
	{
		command: 'chooserUp',
		keys: [
			{special: 'upArrow', label: '↑'},
			{input: 'k', label: 'k'},
		],
		help: 'up',
		contexts: ['columns'],
	},
	{command: 'toggleColumn', keys: [{input: ' ', label: 'Space'}], help: 'show or hide', contexts: ['columns']},
	{command: 'moveColumnUp', keys: [{input: 'K', label: 'K'}], help: 'move left', contexts: ['columns']},
	{command: 'moveColumnDown', keys: [{input: 'J', label: 'J'}], help: 'move right', contexts: ['columns']},
	{command: 'applyColumns', keys: [{special: 'return', label: 'Enter'}], help: 'save', contexts: ['columns']},
	{command: 'cancelColumns', keys: [{special: 'escape', label: 'Esc'}], help: 'cancel', contexts: ['columns']},
	{command: 'runCommand', keys: [{special: 'return', label: 'Enter'}], help: 'run', contexts: ['command']},
	{command: 'completeCommand', keys: [{special: 'tab', label: 'Tab'}], help: 'complete', contexts: ['command']},
	{command: 'cancelCommand', keys: [{special: 'escape', label: 'Esc'}], help: 'cancel', contexts: ['command']},
	{command: 'cursorLeft', keys: [{special: 'leftArrow', label: '←'}], help: 'cursor left', contexts: ['text']},
	{command: 'cursorRight', keys: [{special: 'rightArrow', label: '→'}], help: 'cursor right', contexts: ['text']},
	{
		command: 'cursorHome',
		keys: [
			{special: 'home', label: 'Home'},
			{input: 'a', ctrl: true, label: 'Ctrl-A'},
		],
		help: 'to the start',
		contexts: ['text'],
	},
	{
		command: 'cursorEnd',
		keys: [
			{special: 'end', label: 'End'},
			{input: 'e', ctrl: true, label: 'Ctrl-E'},
		],
		help: 'to the end',
		contexts: ['text'],
	},
	// Ink reports Backspace (0x7F) as `delete`, and the Delete key's sequence the
	// same way, so both delete backwards; Ctrl-D is the forward delete.
	{command: 'deleteBackward', keys: [{special: 'backspace', label: 'Backspace'}], help: 'delete back', contexts: ['text']},
	{command: 'deleteForward', keys: [{input: 'd', ctrl: true, label: 'Ctrl-D'}], help: 'delete forward', contexts: ['text']},
	{
		command: 'deleteWordBackward',
		keys: [
			{input: 'w', ctrl: true, label: 'Ctrl-W'},
			{special: 'backspace', meta: true, label: 'Alt-Backspace'},
		],
		help: 'delete a word',
		contexts: ['text'],
	},
	{command: 'clearText', keys: [{input: 'u', ctrl: true, label: 'Ctrl-U'}], help: 'clear', contexts: ['text']},
	// Last: any key closes the help, but Ctrl-C above still quits.
	{command: 'closeHelp', keys: [{anyKey: true, label: 'any key'}], help: 'closes', contexts: ['help']},
];

function isPressed(special: NonNullable<KeySpec['special']>, event: KeyEvent): boolean {
	return special === 'backspace' ? Boolean(event.backspace || event.delete) : Boolean(event[special]);
}

function matches(spec: KeySpec, event: KeyEvent): boolean {
	if (spec.anyKey) return true;
	if (spec.special) {
		if (!isPressed(spec.special, event)) return false;
		if (spec.special === 'tab') return Boolean(event.shift) === Boolean(spec.shift);
		if (spec.special === 'backspace') return Boolean(event.meta) === Boolean(spec.meta);
		return true;
	}
	if (Boolean(event.ctrl) !== Boolean(spec.ctrl)) return false;
	return event.input === spec.input;
}

export const keysIn = (binding: Binding, context: Context) => binding.keys.filter(spec => !spec.only || spec.only.includes(context));

export type Resolved = {command: CommandName; context: Context} | {insert: string} | null;

/**
 * What a key does where it is read: the first context (the top modal) with a
 * binding for it wins. A key no binding takes is typed into a text context's
 * field; anywhere else it is dropped, so nothing under a modal sees it.
 */
export function resolveKey(event: KeyEvent, active: readonly Context[], keymap: readonly Binding[] = bindings): Resolved {
	for (const context of active)
		for (const binding of keymap)
			if (binding.contexts.includes(context) && keysIn(binding, context).some(spec => matches(spec, event)))
				return {command: binding.command, context};
	if (active.includes('text') && !event.ctrl && event.input) return {insert: event.input};
	return null;
}

export function helpLines(context: Context, keymap: readonly Binding[] = bindings): string[] {
	return keymap
		.filter(binding => binding.contexts.includes(context))
		.map(binding => {
			const labels = keysIn(binding, context).map(spec => spec.label);
			return `${(binding.command === 'showView' ? labels.join('') : labels.join(' ')).padEnd(12)} ${binding.helpIn?.[context] ?? binding.help}`;
		});
}

export const contextTitles: Record<Context, string> = {
	table: 'Tables',
	detail: 'Detail',
	frequency: 'Frequency view',
	columns: 'Column chooser',
	command: 'Command line',
	help: 'Help',
	filter: 'Filter box',
	prompt: 'Reason prompt',
	form: 'Decision form',
	choice: 'Form choices',
	confirm: 'Confirmation',
	text: 'Text fields',
};

/** A context's keys on one line, for the help's notes on the modals (their keys are few and short). */
export function contextSummary(context: Context, keymap: readonly Binding[] = bindings): string {
	const keys = keymap
		.filter(binding => binding.contexts.includes(context) && binding.command !== 'quit')
		.map(
			binding =>
				`${keysIn(binding, context)
					.map(spec => spec.label)
					.join('/')} ${binding.helpIn?.[context] ?? binding.help}`,
		);
	return `${contextTitles[context]}: ${keys.join(' · ')}`;
}

/** A one-line hint of `commands` in `context` as the keymap binds them: "? help · / filter"; an unbound command is left out. */
export function keyHint(keymap: readonly Binding[], context: Context, commands: ReadonlyArray<readonly [CommandName, string]>): string {
	return commands
		.map(([command, word]) => {
			const binding = keymap.find(candidate => candidate.command === command && candidate.contexts.includes(context));
			const label = binding ? keysIn(binding, context)[0]?.label : undefined;
			return label ? `${label} ${word}` : '';
		})
		.filter(Boolean)
		.join(' · ');
}
