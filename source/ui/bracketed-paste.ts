// Bracketed paste, read by hand: Ink does not parse it. The terminal wraps a
// paste in ESC[200~ … ESC[201~ (once the app asks for it with ESC[?2004h); Ink
// hands each marker, and the text between, to its input listeners as separate
// events. This listener runs before Ink's useInput (it is prepended), gathers
// the text into one paste, and marks every event of the paste as taken, so
// useInput's handler never reads pasted text as keys. gemini-cli's
// KeypressContext is the model.
import {useEffect, useRef} from 'react';
import {useStdin} from 'ink';

export const pasteStart = '\u001B[200~';
export const pasteEnd = '\u001B[201~';
// CSI sequences inside a paste (a pasted arrow key) are not text.
const controlSequence = /\u001B\[[0-?]*[ -/]*[@-~]/g;

/** Whether the event being dispatched belongs to a paste, for the input handler to skip it. */
export type PasteGate = {taken: () => boolean};

/** `onPaste` should be stable (useCallback): the listener is re-registered when it changes. */
export function useBracketedPaste(isActive: boolean, onPaste: (text: string) => void): PasteGate {
	const {internal_eventEmitter: emitter} = useStdin();
	const state = useRef({inPaste: false, buffer: '', taken: false});
	useEffect(() => {
		if (!isActive || !emitter) return;
		const listener = (data: string) => {
			const current = state.current;
			if (data === pasteStart) {
				Object.assign(current, {inPaste: true, buffer: '', taken: true});
				return;
			}
			current.taken = current.inPaste;
			if (!current.inPaste) return;
			if (data === pasteEnd) {
				current.inPaste = false;
				onPaste(current.buffer.replace(controlSequence, ''));
			} else current.buffer += data;
		};
		emitter.prependListener('input', listener);
		return () => void emitter.removeListener('input', listener);
	}, [isActive, emitter, onPaste]);
	return {taken: () => state.current.taken};
}
