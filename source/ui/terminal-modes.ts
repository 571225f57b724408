// The terminal as the app leaves it: it runs in the alternate screen buffer
// (the shell's lines stay untouched, and no frame is left in the scrollback)
// with bracketed paste on, and both are switched off again however it ends —
// quit, Ctrl-C, SIGTERM, SIGHUP, or an error nobody caught.
import {writeSync} from 'node:fs';

const alternateScreenOn = '\u001B[?1049h';
const alternateScreenOff = '\u001B[?1049l';
const bracketedPasteOn = '\u001B[?2004h';
const bracketedPasteOff = '\u001B[?2004l';
const showCursor = '\u001B[?25h';

export type TerminalTakeover = {restore: () => void};

/** Switches the modes on the process's terminal (a TTY only); `restore` switches them off once, and runs at exit whatever happens. */
export function takeOverTerminal(): TerminalTakeover {
	if (!process.stdout.isTTY) return {restore: () => {}};
	process.stdout.write(alternateScreenOn + bracketedPasteOn);
	let restored = false;
	const restore = () => {
		if (restored) return;
		restored = true;
		process.off('exit', restore);
		// Synchronous: at 'exit' and in a crash there is no later turn for a stream write.
		try {
			writeSync(1, bracketedPasteOff + alternateScreenOff + showCursor);
		} catch {
			// The terminal is gone (hung up): nothing left to restore.
		}
	};
	process.on('exit', restore);
	return {restore};
}

const signalNumbers = {SIGTERM: 15, SIGHUP: 1, SIGINT: 2} as const;

/**
 * Ends the app cleanly on a signal or an uncaught error: `leave` unmounts it,
 * the terminal is restored, then an error is reported on the normal screen
 * (`report`) and the process exits. Returns a function that removes the handlers.
 */
export function exitCleanlyOn(takeover: TerminalTakeover, leave: () => void, report: (error: unknown) => void): () => void {
	const onSignal = (signal: keyof typeof signalNumbers) => {
		leave();
		takeover.restore();
		process.exit(128 + signalNumbers[signal]);
	};
	const onError = (error: unknown) => {
		try {
			leave();
		} catch {
			// Unmounting a broken tree may throw again: the terminal still comes first.
		}
		takeover.restore();
		report(error);
		process.exit(1);
	};
	const signals = Object.keys(signalNumbers) as Array<keyof typeof signalNumbers>;
	for (const signal of signals) process.on(signal, onSignal);
	process.on('uncaughtException', onError);
	process.on('unhandledRejection', onError);
	return () => {
		for (const signal of signals) process.off(signal, onSignal);
		process.off('uncaughtException', onError);
		process.off('unhandledRejection', onError);
	};
}
