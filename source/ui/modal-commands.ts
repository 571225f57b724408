// The commands of the modals (help, filter box, reason and countersign prompts,
// decision form and its confirmation, column chooser, command line) and of the text field each one focuses. Each
// hands its command to the modal's own reducer and turns what it submits into
// an effect. Pasted text goes only into a focused text field.
import type {ChooserCommand, CommandName, CommandLineCommand, TextCommand, ViewCommand} from './commands.js';
import {withMessage, type AppState} from './app-state.js';
import {columnChooserReducer} from './column-chooser.js';
import {completed, edited} from './command-line.js';
import {countersignPromptReducer, type CountersignPrompt} from './countersign-prompt.js';
import {runCommandText} from './command-run.js';
import {decisionFormReducer, type DecisionForm, type FormInput} from './decision-form.js';
import {hitPromptReducer, type HitPrompt, type HitPromptInput} from './hit-prompt.js';
import {commandFieldWidth, filterFieldWidth, promptFieldWidth, signFieldWidth} from './input-line.js';
import {textFieldReducer, type TextField} from './text-field.js';
import {completionSources, withCurrentTable, type CommandHandler} from './view-commands.js';

const closed = (state: AppState): AppState => ({...state, overlay: {kind: 'none'}});

function promptInput(state: AppState, prompt: HitPrompt, input: HitPromptInput): AppState {
	const result = hitPromptReducer(prompt, input, promptFieldWidth(prompt.disposition, state.size.columns));
	const next: AppState = result.prompt ? {...state, overlay: {kind: 'dispose', prompt: result.prompt}} : closed(state);
	return result.submit ? {...next, effect: {kind: 'dispose', ...result.submit}} : next;
}

function signInput(state: AppState, prompt: CountersignPrompt, input: HitPromptInput): AppState {
	const result = countersignPromptReducer(prompt, input, signFieldWidth(prompt, state.size.columns));
	const next: AppState = result.prompt ? {...state, overlay: {kind: 'countersign', prompt: result.prompt}} : closed(state);
	return result.submit ? {...next, effect: {kind: 'countersign', ...result.submit}} : next;
}

function formInput(state: AppState, form: DecisionForm, input: FormInput): AppState {
	const result = decisionFormReducer(form, input, state.size.columns);
	const next: AppState = result.form ? {...state, overlay: {kind: 'decide', form: result.form}} : closed(state);
	return result.submit ? {...next, effect: {kind: 'decide', submission: result.submit}} : next;
}

const fieldAction = (input: TextCommand | {insert: string}) =>
	typeof input === 'string' ? {type: input} : {type: 'insert' as const, text: input.insert};

/** The filter box: every change to its text filters the table under it at once. */
function filterInput(state: AppState, field: TextField, input: TextCommand | {insert: string}): AppState {
	const edited = textFieldReducer(field, fieldAction(input), {width: filterFieldWidth(state.size.columns)});
	const next: AppState = {...state, overlay: {kind: 'filter', field: edited}};
	return edited.value === field.value ? next : withCurrentTable(next, {type: 'filter', text: edited.value});
}

/** The command line: its candidates follow the text. */
function commandInput(state: AppState, input: TextCommand | {insert: string}): AppState {
	if (state.overlay.kind !== 'command') return state;
	const field = textFieldReducer(state.overlay.line.field, fieldAction(input), {width: commandFieldWidth(state.size.columns)});
	return {...state, overlay: {kind: 'command', line: edited(field, completionSources(state))}};
}

/** A text command or typed text, for whichever modal's text field has the focus. */
export function textInput(state: AppState, input: TextCommand | {insert: string}): AppState {
	const overlay = state.overlay;
	if (overlay.kind === 'filter') return filterInput(state, overlay.field, input);
	if (overlay.kind === 'dispose') return promptInput(state, overlay.prompt, input);
	if (overlay.kind === 'countersign') return signInput(state, overlay.prompt, input);
	if (overlay.kind === 'decide') return formInput(state, overlay.form, input);
	if (overlay.kind === 'command') return commandInput(state, input);
	return state;
}

/**
 * Pasted text (a bracketed paste: one event, however long): typed into the
 * focused text field, or, with none, left unread with a word on where it could
 * go. It is never read as keys, so a paste cannot run commands.
 */
export function pasted(state: AppState, text: string, typing: boolean): AppState {
	if (typing) return textInput(state, {insert: text});
	return withMessage(state, 'paste ignored: no text field has the focus (/ filters, : opens the command line)');
}

/** Enter and Esc of whichever one-line prompt is open: a hit's reason or a countersign's note. */
const toPrompt = (input: HitPromptInput) => (state: AppState) =>
	state.overlay.kind === 'dispose'
		? promptInput(state, state.overlay.prompt, input)
		: state.overlay.kind === 'countersign'
			? signInput(state, state.overlay.prompt, input)
			: state;
const toForm = (input: FormInput) => (state: AppState) =>
	state.overlay.kind === 'decide' ? formInput(state, state.overlay.form, input) : state;
const toText = (input: TextCommand) => (state: AppState) => textInput(state, input);

function toChooser(command: ChooserCommand) {
	return (state: AppState): AppState => {
		if (state.overlay.kind !== 'columns') return state;
		const {chooser, apply} = columnChooserReducer(state.overlay.chooser, command);
		if (chooser) return {...state, overlay: {kind: 'columns', chooser}};
		if (!apply) return closed(state);
		const preferences = {...state.preferences, columns: {...state.preferences.columns, [state.view]: apply}};
		const hidden = apply.hidden.length ? `${apply.hidden.length} hidden` : 'all shown';
		return {
			...withMessage(closed(state), `columns kept for this view (${hidden})`),
			preferences,
			effect: {kind: 'savePreferences', preferences},
		};
	};
}

function toCommandLine(command: CommandLineCommand) {
	return (state: AppState): AppState => {
		if (state.overlay.kind !== 'command') return state;
		const line = state.overlay.line;
		if (command === 'cancelCommand') return closed(state);
		if (command === 'completeCommand') return {...state, overlay: {kind: 'command', line: completed(line, completionSources(state))}};
		const outcome = runCommandText(closed(state), line.field.value);
		return 'state' in outcome ? outcome.state : {...state, overlay: {kind: 'command', line: {...line, error: outcome.error}}};
	};
}

export const modalCommandHandlers: Record<Exclude<CommandName, ViewCommand>, CommandHandler> = {
	closeHelp: closed,
	keepFilter: closed,
	clearFilter: state => withCurrentTable(closed(state), {type: 'filter', text: ''}),
	savePrompt: toPrompt('savePrompt'),
	cancelPrompt: toPrompt('cancelPrompt'),
	nextField: toForm('nextField'),
	previousField: toForm('previousField'),
	saveForm: toForm('saveForm'),
	cancelForm: toForm('cancelForm'),
	choosePrevious: toForm('choosePrevious'),
	chooseNext: toForm('chooseNext'),
	confirmYes: toForm('confirmYes'),
	confirmNo: toForm('confirmNo'),
	chooserDown: toChooser('chooserDown'),
	chooserUp: toChooser('chooserUp'),
	toggleColumn: toChooser('toggleColumn'),
	moveColumnUp: toChooser('moveColumnUp'),
	moveColumnDown: toChooser('moveColumnDown'),
	applyColumns: toChooser('applyColumns'),
	cancelColumns: toChooser('cancelColumns'),
	runCommand: toCommandLine('runCommand'),
	completeCommand: toCommandLine('completeCommand'),
	cancelCommand: toCommandLine('cancelCommand'),
	cursorLeft: toText('cursorLeft'),
	cursorRight: toText('cursorRight'),
	cursorHome: toText('cursorHome'),
	cursorEnd: toText('cursorEnd'),
	deleteBackward: toText('deleteBackward'),
	deleteForward: toText('deleteForward'),
	deleteWordBackward: toText('deleteWordBackward'),
	clearText: toText('clearText'),
};
