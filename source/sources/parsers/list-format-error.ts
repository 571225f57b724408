// The one error a list parser raises for bad input: a single line naming the
// input, what is wrong and what to do, never a stack trace or a raw library message.
import {UserInputError} from '../../errors/index.js';
import {sanitizeText} from '../../text/index.js';

export class ListFormatError extends UserInputError {
	constructor(message: string) {
		// Sanitised and flattened: the input name and quoted content come from outside.
		super(sanitizeText(message).trim());
		this.name = 'ListFormatError';
	}
}

/** The first line of an unexpected error's message, for wrapping it into one line. */
export function firstLineOf(error: unknown): string {
	const message = error instanceof Error ? error.message : String(error);
	return message.split(/\r?\n/, 1)[0]!.trim();
}
