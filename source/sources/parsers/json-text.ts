// JSON.parse with a one-line, actionable error instead of a SyntaxError.
import {ListFormatError, firstLineOf} from './list-format-error.js';

export function parseJsonText(text: string, inputName: string, formatLabel: string): unknown {
	try {
		return JSON.parse(text);
	} catch (error) {
		throw new ListFormatError(
			`${inputName}: not valid JSON (${firstLineOf(error)}), so it cannot be read as ${formatLabel}; the download may be truncated, fetch it again or pass --format`,
		);
	}
}
