// Errors a user can act on: one line, no stack trace, a documented exit code.
export const exitCodes = {ok: 0, finding: 1, badInput: 2} as const;

/** Bad usage or bad input: exit code 2. */
export class UserInputError extends Error {
	readonly exitCode = exitCodes.badInput;
}

/** A failure that is not the user's input (a fetch that failed, a broken chain): exit code 1. */
export class OperationError extends Error {
	readonly exitCode = exitCodes.finding;
}

export function exitCodeOf(error: unknown): number {
	return error instanceof UserInputError || error instanceof OperationError ? error.exitCode : exitCodes.finding;
}
