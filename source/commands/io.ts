// What a non-interactive command may touch: its output streams and environment.
// Commands return an exit code (0 ok, 1 finding/failure, 2 bad usage or input);
// a command that throws is reported by `reporting`, through the one error formatter.
import {exitCodeOf, formatError} from '../errors/index.js';

export type CommandIO = {
	stdout: {write(text: string): unknown; isTTY?: boolean; columns?: number};
	stderr: {write(text: string): unknown; isTTY?: boolean; columns?: number};
	env: NodeJS.ProcessEnv;
	/** Today's date (YYYY-MM-DD) or the --as-of date. */
	asOf: string;
	debug: boolean;
};

export function processIO(asOf: string, debug: boolean): CommandIO {
	return {stdout: process.stdout, stderr: process.stderr, env: process.env, asOf, debug};
}

/** Runs a command body; an error becomes the one-line `vendor-risk: <what>: <why>` report and its exit code. */
export async function reporting(io: CommandIO, body: () => number | Promise<number>): Promise<number> {
	try {
		return await body();
	} catch (error) {
		io.stderr.write(formatError(error, {debug: io.debug}));
		return exitCodeOf(error);
	}
}
