// The one keypress dispatcher: a key is resolved against the binding table in the
// contexts of whatever is on top (a modal before the view under it), and the
// command goes to the handler of the slice that owns it.
import {resolveKey, type KeyEvent} from './bindings.js';
import type {CommandName, Context} from './commands.js';
import type {AppState} from './app-state.js';
import {formContexts} from './decision-form.js';
import {modalCommandHandlers, pasted, textInput} from './modal-commands.js';
import {reviewCommandHandlers} from './review-commands.js';
import {viewCommandHandlers, type CommandHandler} from './view-commands.js';

const handlers: Record<CommandName, CommandHandler> = {...viewCommandHandlers, ...reviewCommandHandlers, ...modalCommandHandlers};

/** Where keys are read now, top first. */
export function activeContexts(state: AppState): Context[] {
	switch (state.overlay.kind) {
		case 'help':
			return ['help'];
		case 'filter':
			return ['filter', 'text'];
		case 'dispose':
		case 'countersign':
			return ['prompt', 'text'];
		case 'decide':
			return formContexts(state.overlay.form);
		case 'columns':
			return ['columns'];
		case 'command':
			return ['command', 'text'];
		case 'none':
			return [state.screen.kind];
	}
}

const isTyping = (state: AppState) => activeContexts(state).includes('text');

/** A glued key among the characters: Enter, Tab and Backspace still act as keys. */
function keyOf(character: string): KeyEvent | null {
	if (character === '\r' || character === '\n') return {input: '', return: true};
	if (character === '\t') return {input: '', tab: true};
	if (character === '\u007F' || character === '\b') return {input: '', backspace: true};
	return null;
}

/**
 * Keys that arrive glued together (fast typing, a paste) are replayed one by one,
 * so a "/" that opens the filter box hands the characters after it to the box.
 * Once a text field has the focus, the rest of a run of text goes in as one edit.
 */
function replayGlued(state: AppState, input: string): AppState {
	const characters = [...input];
	let next = state;
	for (let position = 0; position < characters.length; position++) {
		const key = keyOf(characters[position]!);
		if (key) {
			next = keyPressed(next, key);
			continue;
		}
		if (!isTyping(next)) {
			next = keyPressed(next, {input: characters[position]!});
			continue;
		}
		let end = position;
		while (end < characters.length && !keyOf(characters[end]!)) end++;
		next = textInput(next, {insert: characters.slice(position, end).join('')});
		position = end - 1;
	}
	return next;
}

const isSpecial = (event: KeyEvent) =>
	Boolean(
		event.upArrow ||
		event.downArrow ||
		event.pageUp ||
		event.pageDown ||
		event.home ||
		event.end ||
		event.return ||
		event.escape ||
		event.tab ||
		event.ctrl,
	);

export function keyPressed(state: AppState, event: KeyEvent): AppState {
	if (!isSpecial(event) && [...event.input].length > 1) return replayGlued(state, event.input);
	const resolved = resolveKey(event, activeContexts(state), state.keymap);
	if (!resolved) return state;
	return 'insert' in resolved ? textInput(state, resolved) : handlers[resolved.command](state, event);
}

/** A bracketed paste: one piece of text for the focused field, never keys. */
export const textPasted = (state: AppState, text: string): AppState => pasted(state, text, isTyping(state));
