// The names of everything a key can do, grouped by the slice that owns them, and
// the contexts keys are read in. The binding table (bindings.ts) maps keys to these.
import {textEdits, type TextEdit} from './text-field.js';

/**
 * Where a key is read. A modal stacks its contexts above the view's place (the
 * dispatcher asks them in order): the filter box is 'filter' then 'text', the
 * decision form 'form' then 'choice' or 'text' by the focused field (its
 * confirmation step 'confirm' alone), the command line 'command' then 'text'.
 */
export const contexts = [
	'table',
	'detail',
	'frequency',
	'help',
	'filter',
	'prompt',
	'form',
	'choice',
	'confirm',
	'columns',
	'command',
	'text',
] as const;
export type Context = (typeof contexts)[number];

export const viewCommands = [
	'moveDown',
	'moveUp',
	'pageDown',
	'pageUp',
	'top',
	'bottom',
	'nextView',
	'previousView',
	'showView',
	'open',
	'back',
	'quit',
	'filter',
	'sortNext',
	'sortReverse',
	'mark',
	'markAll',
	'clearMarks',
	'copy',
	'help',
	'refresh',
	'decide',
	'countersign',
	'undo',
	'export',
	'push',
	'nextHit',
	'confirmHit',
	'dismissHit',
	'chooseColumns',
	'frequency',
	'commandLine',
	'savedViews',
	'nextColumn',
	'previousColumn',
] as const;
export const helpCommands = ['closeHelp'] as const;
export const filterCommands = ['keepFilter', 'clearFilter'] as const;
export const promptCommands = ['savePrompt', 'cancelPrompt'] as const;
export const formCommands = [
	'nextField',
	'previousField',
	'saveForm',
	'cancelForm',
	'choosePrevious',
	'chooseNext',
	'confirmYes',
	'confirmNo',
] as const;
export const chooserCommands = [
	'chooserDown',
	'chooserUp',
	'toggleColumn',
	'moveColumnUp',
	'moveColumnDown',
	'applyColumns',
	'cancelColumns',
] as const;
export const commandLineCommands = ['runCommand', 'completeCommand', 'cancelCommand'] as const;
export const textCommands = textEdits;

export type ViewCommand = (typeof viewCommands)[number];
export type HelpCommand = (typeof helpCommands)[number];
export type FilterCommand = (typeof filterCommands)[number];
export type PromptCommand = (typeof promptCommands)[number];
export type FormCommand = (typeof formCommands)[number];
export type ChooserCommand = (typeof chooserCommands)[number];
export type CommandLineCommand = (typeof commandLineCommands)[number];
export type TextCommand = TextEdit;
export type CommandName =
	ViewCommand | HelpCommand | FilterCommand | PromptCommand | FormCommand | ChooserCommand | CommandLineCommand | TextCommand;

export const commandNames: readonly CommandName[] = [
	...viewCommands,
	...helpCommands,
	...filterCommands,
	...promptCommands,
	...formCommands,
	...chooserCommands,
	...commandLineCommands,
	...textCommands,
];

/** Whether `command` is one of `group`'s: how a widget picks out the commands it owns. */
export const isCommandOf = <Command extends CommandName>(group: readonly Command[], command: CommandName): command is Command =>
	group.some(member => member === command);
