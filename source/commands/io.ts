// What a non-interactive command may touch: its output streams and environment.
// Commands return an exit code (0 ok, 1 finding/failure, 2 bad usage or input).
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
