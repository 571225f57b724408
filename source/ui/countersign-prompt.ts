// The one-line prompt of a countersign (o): it names the decision signed off,
// takes an optional note, and signs only on Enter. Pure state and commands here;
// saving is the caller's side effect.
import type {PromptCommand, TextCommand} from './commands.js';
import {textField, textFieldReducer, type TextField, type TextFieldAction} from './text-field.js';

export type CountersignPrompt = {
	vendorId: string;
	entryId: string;
	/** The decision signed off, in words: "reject of Kaspersky by Ada Lovelace (#1)". */
	what: string;
	note: TextField;
};

/** What a signed prompt asks the log to record. */
export type CountersignRequest = {vendorId: string; entryId: string; note: string | null};

export type CountersignPromptInput = PromptCommand | TextCommand | {insert: string};

export const newCountersignPrompt = (vendorId: string, entryId: string, what: string): CountersignPrompt => ({
	vendorId,
	entryId,
	what,
	note: textField(),
});

/** `width` is the columns the note is drawn in. */
export function countersignPromptReducer(
	prompt: CountersignPrompt,
	input: CountersignPromptInput,
	width: number,
): {prompt: CountersignPrompt | null; submit: CountersignRequest | null} {
	if (input === 'cancelPrompt') return {prompt: null, submit: null};
	if (input === 'savePrompt')
		return {prompt: null, submit: {vendorId: prompt.vendorId, entryId: prompt.entryId, note: prompt.note.value.trim() || null}};
	const edit: TextFieldAction = typeof input === 'string' ? {type: input} : {type: 'insert', text: input.insert};
	return {prompt: {...prompt, note: textFieldReducer(prompt.note, edit, {width})}, submit: null};
}
