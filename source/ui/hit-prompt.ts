// The one-line reason prompt of a hit disposition (x: confirmed match, n: false
// positive). Pure state and commands here; saving is the caller's side effect.
import type {PromptCommand, TextCommand} from './commands.js';
import {textField, textFieldReducer, type TextField, type TextFieldAction} from './text-field.js';

export type Disposition = 'confirmed-match' | 'false-positive';

export type HitPrompt = {vendorId: string; entryId: string; disposition: Disposition; reason: TextField; error: string | null};

/** What a saved prompt asks the log to record. */
export type HitDispositionRequest = {vendorId: string; entryId: string; disposition: Disposition; reason: string};

export type HitPromptInput = PromptCommand | TextCommand | {insert: string};

export type HitPromptResult = {prompt: HitPrompt | null; submit: HitDispositionRequest | null};

export const newHitPrompt = (vendorId: string, entryId: string, disposition: Disposition): HitPrompt => ({
	vendorId,
	entryId,
	disposition,
	reason: textField(),
	error: null,
});

/** `width` is the columns the reason is drawn in. */
export function hitPromptReducer(prompt: HitPrompt, input: HitPromptInput, width: number): HitPromptResult {
	if (input === 'cancelPrompt') return {prompt: null, submit: null};
	if (input === 'savePrompt') {
		const reason = prompt.reason.value.trim();
		if (!reason) return {prompt: {...prompt, error: 'a reason is required: say why the hit is or is not this vendor'}, submit: null};
		const {vendorId, entryId, disposition} = prompt;
		return {prompt: null, submit: {vendorId, entryId, disposition, reason}};
	}
	const edit: TextFieldAction = typeof input === 'string' ? {type: input} : {type: 'insert', text: input.insert};
	return {prompt: {...prompt, reason: textFieldReducer(prompt.reason, edit, {width}), error: null}, submit: null};
}
