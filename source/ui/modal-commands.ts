// The commands of the modals (help, filter box, reason prompt, decision form) and
// of the text field each one focuses. Each hands its command to the modal's own
// reducer and turns what it submits into an effect.
import type {CommandName, TextCommand, ViewCommand} from './commands.js';
import type {AppState} from './app-state.js';
import {decisionFormReducer, type DecisionForm, type FormInput} from './decision-form.js';
import {hitPromptReducer, type HitPrompt, type HitPromptInput} from './hit-prompt.js';
import {filterFieldWidth, promptFieldWidth} from './input-line.js';
import {textFieldReducer, type TextField} from './text-field.js';
import {withCurrentTable, type CommandHandler} from './view-commands.js';

const closed = (state: AppState): AppState => ({...state, overlay: {kind: 'none'}});

function promptInput(state: AppState, prompt: HitPrompt, input: HitPromptInput): AppState {
	const result = hitPromptReducer(prompt, input, promptFieldWidth(prompt.disposition, state.size.columns));
	const next: AppState = result.prompt ? {...state, overlay: {kind: 'dispose', prompt: result.prompt}} : closed(state);
	return result.submit ? {...next, effect: {kind: 'dispose', ...result.submit}} : next;
}

function formInput(state: AppState, form: DecisionForm, input: FormInput): AppState {
	const result = decisionFormReducer(form, input, state.size.columns);
	const next: AppState = result.form ? {...state, overlay: {kind: 'decide', form: result.form}} : closed(state);
	return result.submit ? {...next, effect: {kind: 'decide', submission: result.submit}} : next;
}

/** The filter box: every change to its text filters the table under it at once. */
function filterInput(state: AppState, field: TextField, input: TextCommand | {insert: string}): AppState {
	const action = typeof input === 'string' ? {type: input} : {type: 'insert' as const, text: input.insert};
	const edited = textFieldReducer(field, action, {width: filterFieldWidth(state.size.columns)});
	const next: AppState = {...state, overlay: {kind: 'filter', field: edited}};
	return edited.value === field.value ? next : withCurrentTable(next, {type: 'filter', text: edited.value});
}

/** A text command or typed text, for whichever modal's text field has the focus. */
export function textInput(state: AppState, input: TextCommand | {insert: string}): AppState {
	const overlay = state.overlay;
	if (overlay.kind === 'filter') return filterInput(state, overlay.field, input);
	if (overlay.kind === 'dispose') return promptInput(state, overlay.prompt, input);
	if (overlay.kind === 'decide') return formInput(state, overlay.form, input);
	return state;
}

const toPrompt = (input: HitPromptInput) => (state: AppState) =>
	state.overlay.kind === 'dispose' ? promptInput(state, state.overlay.prompt, input) : state;
const toForm = (input: FormInput) => (state: AppState) =>
	state.overlay.kind === 'decide' ? formInput(state, state.overlay.form, input) : state;
const toText = (input: TextCommand) => (state: AppState) => textInput(state, input);

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
	cursorLeft: toText('cursorLeft'),
	cursorRight: toText('cursorRight'),
	cursorHome: toText('cursorHome'),
	cursorEnd: toText('cursorEnd'),
	deleteBackward: toText('deleteBackward'),
	deleteForward: toText('deleteForward'),
	deleteWordBackward: toText('deleteWordBackward'),
	clearText: toText('clearText'),
};
