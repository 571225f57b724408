// Drives the built CLI in a real pseudo-terminal and reads the screen through
// a headless xterm, as Ink's own end-to-end tests do.
import {spawn, type IPty} from 'node-pty';
import xterm from '@xterm/headless';
import {afterEach, beforeEach} from 'vitest';
import {builtCli, childEnvironment, temporaryHome} from '../../helpers.js';

const {Terminal} = xterm;

export type Session = {
	screen: () => string;
	write: (data: string) => void;
	waitFor: (predicate: (screen: string) => boolean, description: string, timeoutMs?: number) => Promise<string>;
	waitForText: (text: string, timeoutMs?: number) => Promise<string>;
	/** The screen once it has stopped changing (the same on polls 100 ms apart): a frame drawn whole, not one still arriving. */
	waitForStill: (timeoutMs?: number) => Promise<string>;
	/** The exit code, or an error showing the screen if the app has not exited by then. */
	exited: (timeoutMs?: number) => Promise<number>;
	exit: Promise<number>;
	output: () => string;
	resize: (columns: number, rows: number) => void;
	kill: (signal?: string) => void;
	/** Which of the terminal's buffers is shown: the app runs in the alternate one. */
	buffer: () => 'normal' | 'alternate';
	/** The normal buffer's text (the shell's screen), whichever buffer is shown. */
	normalScreen: () => string;
	/** Whether the app has asked the terminal for bracketed paste. */
	bracketedPaste: () => boolean;
	/** Text as a terminal pastes it once the app asked for bracketed paste: between ESC[200~ and ESC[201~. */
	paste: (text: string) => void;
};

// Sessions still running when a test ends are killed by usePtyHome's afterEach.
const liveSessions = new Set<Session>();

/** A fresh VENDOR_RISK_HOME per test; at the end, every session started is killed and the home removed. */
export function usePtyHome(): {readonly path: string} {
	let home: ReturnType<typeof temporaryHome> | undefined;
	beforeEach(() => {
		home = temporaryHome();
	});
	afterEach(() => {
		for (const session of liveSessions) session.kill();
		liveSessions.clear();
		home?.remove();
	});
	return {
		get path() {
			return home!.path;
		},
	};
}

export function startCli(
	args: string[],
	options: {columns?: number; rows?: number; home: string; env?: Record<string, string>; cwd?: string},
): Session {
	const columns = options.columns ?? 80;
	const rows = options.rows ?? 24;
	const terminal = new Terminal({cols: columns, rows, allowProposedApi: true});
	const child: IPty = spawn(process.execPath, [builtCli, ...args], {
		name: 'xterm-256color',
		cols: columns,
		rows,
		env: childEnvironment(options.home, options.env),
		cwd: options.cwd ?? options.home,
	});
	let raw = '';
	let lastDataAt = Date.now();
	child.onData(data => {
		raw += data;
		lastDataAt = Date.now();
		terminal.write(data);
	});
	const exit = new Promise<number>(resolve => child.onExit(({exitCode}) => resolve(exitCode)));
	const textOf = (buffer: xterm.IBuffer) => {
		const lines: string[] = [];
		for (let index = 0; index < buffer.length; index++) lines.push(buffer.getLine(index)?.translateToString(true) ?? '');
		return lines.join('\n');
	};
	const screen = () => {
		const buffer = terminal.buffer.active;
		const lines: string[] = [];
		for (let index = 0; index < terminal.rows; index++) lines.push(buffer.getLine(buffer.viewportY + index)?.translateToString(true) ?? '');
		return lines.join('\n');
	};
	const parsed = () => new Promise<void>(resolve => terminal.write('', resolve));
	// A frame larger than one read of the PTY arrives in pieces a few milliseconds apart: once the
	// output has been quiet this long, the frame that was arriving is whole. Capped, for an app
	// that redraws continuously (a progress bar).
	const outputQuiet = async () => {
		const started = Date.now();
		while (Date.now() - lastDataAt < 30 && Date.now() - started < 250) await new Promise(resolve => setTimeout(resolve, 5));
		await parsed();
	};
	const waitFor = async (predicate: (text: string) => boolean, description: string, timeoutMs = 10_000) => {
		const started = Date.now();
		for (;;) {
			// Let xterm finish parsing what arrived before reading the screen.
			await parsed();
			const text = screen();
			if (predicate(text)) {
				// Callers go on to read the rest of the screen: let the frame finish arriving first.
				await outputQuiet();
				const whole = screen();
				return predicate(whole) ? whole : text;
			}
			if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${description}; screen was:\n${text}`);
			await new Promise(resolve => setImmediate(resolve));
			await new Promise(resolve => setTimeout(resolve, 20));
		}
	};
	const session: Session = {
		screen,
		write: data => child.write(data),
		waitFor,
		waitForText: (text, timeoutMs) => waitFor(current => current.includes(text), JSON.stringify(text), timeoutMs),
		exit,
		waitForStill: async (timeoutMs = 10_000) => {
			let last = '';
			let since = Date.now();
			return waitFor(
				current => {
					if (current !== last) {
						last = current;
						since = Date.now();
						return false;
					}
					return Date.now() - since >= 100;
				},
				'the screen to stop changing',
				timeoutMs,
			);
		},
		exited: async (timeoutMs = 15_000) => {
			let timer: NodeJS.Timeout | undefined;
			const late = new Promise<never>((_resolve, reject) => {
				timer = setTimeout(() => reject(new Error(`the app did not exit within ${timeoutMs} ms; screen was:\n${screen()}`)), timeoutMs);
			});
			try {
				return await Promise.race([exit, late]);
			} finally {
				clearTimeout(timer);
			}
		},
		output: () => raw,
		resize: (newColumns, newRows) => {
			child.resize(newColumns, newRows);
			terminal.resize(newColumns, newRows);
		},
		kill: signal => child.kill(signal),
		buffer: () => terminal.buffer.active.type,
		normalScreen: () => textOf(terminal.buffer.normal),
		bracketedPaste: () => terminal.modes.bracketedPasteMode,
		paste: text => child.write(`\u001B[200~${text}\u001B[201~`),
	};
	liveSessions.add(session);
	return session;
}

export const keys = {
	up: '\u001B[A',
	down: '\u001B[B',
	rightArrow: '\u001B[C',
	leftArrow: '\u001B[D',
	enter: '\r',
	escape: '\u001B',
	tab: '\t',
	shiftTab: '\u001B[Z',
	pageDown: '\u001B[6~',
	pageUp: '\u001B[5~',
	home: '\u001B[H',
	end: '\u001B[F',
	ctrlC: '\u0003',
};
