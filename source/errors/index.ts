// Errors a user can act on, and the one way they are printed: `vendor-risk: <what>: <why>`
// on one line, an optional hint line, no stack trace unless --debug, and the
// documented exit code (0 ok, 1 a finding or a failure, 2 bad usage or bad input).
import {displayText} from '../text/index.js';

export const exitCodes = {ok: 0, finding: 1, badInput: 2} as const;

export type ErrorOptions = {
	/** One more line saying what to do, printed under the message. */
	hint?: string;
	cause?: unknown;
};

/** An error with a documented exit code; the message reads "<what>: <why>". */
export abstract class AppError extends Error {
	abstract readonly exitCode: number;
	readonly hint: string | undefined;

	constructor(message: string, options: ErrorOptions = {}) {
		super(message, options.cause === undefined ? undefined : {cause: options.cause});
		this.hint = options.hint;
	}
}

/** Bad usage or bad input: exit code 2. */
export class UserInputError extends AppError {
	readonly exitCode = exitCodes.badInput;
}

/** A failure that is not the user's input (a fetch that failed, a broken chain): exit code 1. */
export class OperationError extends AppError {
	readonly exitCode = exitCodes.finding;
}

export function exitCodeOf(error: unknown): number {
	return error instanceof AppError ? error.exitCode : exitCodes.finding;
}

/**
 * The text printed for an error: `vendor-risk: <message>` on one line (whatever the
 * message quotes, it cannot move the cursor, run a control sequence or hide a character), then the
 * hint, then the stack with --debug. Errors the app did not anticipate say so.
 */
export function formatError(error: unknown, options: {debug?: boolean} = {}): string {
	const message = error instanceof Error ? error.message : String(error);
	const known = error instanceof AppError;
	const line = displayText(message).replace(/\s+/g, ' ').trim() || 'unknown error';
	let text = `vendor-risk: ${known ? line : `unexpected error: ${line}`}\n`;
	if (known && error.hint) text += `  hint: ${displayText(error.hint).replace(/\s+/g, ' ').trim()}\n`;
	if (!known && !options.debug) text += '  hint: run again with --debug for the details, and report it if it persists\n';
	if (options.debug && error instanceof Error && error.stack) text += `${displayText(error.stack, {keepLayout: true})}\n`;
	return text;
}
