// What a non-interactive command may touch: its output streams and environment.
// Commands return an exit code (0 ok, 1 finding/failure, 2 bad usage or input);
// a command that throws is reported by `reporting`, through the one error formatter.
import {exitCodeOf, formatError, OperationError} from '../errors/index.js';
import {displayText} from '../text/index.js';

export type OutputStream = {
	write(text: string): unknown;
	/** The app's own terminal control (the progress bar's line clearing), written as is; `write` would make it inert. */
	control?(sequence: string): unknown;
	/** Resolves when a stream whose write returned false can take more (streamed-output.ts). */
	drained?(): Promise<void>;
	isTTY?: boolean;
	columns?: number;
};

export type CommandIO = {
	stdout: OutputStream;
	stderr: OutputStream;
	env: NodeJS.ProcessEnv;
	/** Today's date (YYYY-MM-DD) or the --as-of date. */
	asOf: string;
	debug: boolean;
};

/**
 * The last line of defence for everything a command prints: whatever a command forgot to
 * sanitise reaches the terminal inert (controls as glyphs, invisible characters as ⟨U+XXXX⟩).
 * Text already made safe passes unchanged, so JSON written with inertJson stays byte for byte.
 */
export function inertStream(stream: NodeJS.WriteStream): OutputStream {
	return {
		write: (text: string) => stream.write(displayText(text, {keepLayout: true})),
		control: (sequence: string) => stream.write(sequence),
		// A closed stream (a reader that went away) will never drain: stop waiting then too.
		drained: () =>
			new Promise(resolve => {
				const done = () => {
					stream.off('drain', done).off('close', done);
					resolve();
				};
				stream.once('drain', done).once('close', done);
			}),
		get isTTY() {
			return stream.isTTY;
		},
		get columns() {
			return stream.columns;
		},
	};
}

export function processIO(asOf: string, debug: boolean): CommandIO {
	return {stdout: inertStream(process.stdout), stderr: inertStream(process.stderr), env: process.env, asOf, debug};
}

/** A file system refusal (a read-only home, a full disk) as one line naming the path, exit 1; other errors unchanged. */
export async function asFileSystemFailure(error: unknown): Promise<unknown> {
	// Loaded when needed: --help and --version load no package (app-home brings env-paths).
	const {fileSystemRefusal} = await import('../app-home/index.js');
	const why = fileSystemRefusal(error);
	if (!why || !(error instanceof Error)) return error;
	// An atomic write fails on its temporary file ("settings.json.tmp-…"); the file it replaces is the one to name.
	const path = (error as NodeJS.ErrnoException).path?.replace(/\.tmp-\w+$|\.\d+\.tmp$/, '');
	return new OperationError(`cannot write${path ? ` ${path}` : ''}: ${why}`, {cause: error});
}

/**
 * Runs a command body; an error becomes the one-line `vendor-risk: <what>: <why>` report and its
 * exit code. A run that had to work without its cache says so once, after its output; a run that
 * failed says only why it failed.
 */
export async function reporting(io: CommandIO, body: () => number | Promise<number>): Promise<number> {
	const takeNotice = async () => (await import('../app-home/index.js')).takeHomeNotice();
	let code: number;
	try {
		code = await body();
	} catch (error) {
		await takeNotice();
		const reported = await asFileSystemFailure(error);
		io.stderr.write(formatError(reported, {debug: io.debug}));
		return exitCodeOf(reported);
	}
	const notice = await takeNotice();
	if (notice) io.stderr.write(`vendor-risk: ${displayText(notice)}\n`);
	return code;
}
