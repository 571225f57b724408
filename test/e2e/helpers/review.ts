// What a reviewer does in every flow: narrow a table to one row by a filter (never
// by assuming a row order), and read an open detail whole, page by page.
import {keys, type Session} from './pty.js';
import {statusBar} from './screen.js';

/** The view narrowed to `text` (e.g. "id:kaspersky"), whatever filter it had. */
export async function filterTo(session: Session, text: string): Promise<void> {
	session.write('/');
	await session.waitForText('Enter keep');
	// The box opens on the view's current filter: clear it first (Ctrl-U, once the box reads keys).
	session.write('\u0015');
	await session.waitForText('/▏  Enter keep');
	session.write(text);
	session.write(keys.enter);
	await session.waitFor(screen => statusBar(screen).includes(`filter: ${text}`) && !screen.includes('Enter keep'), `the filter ${text}`);
}

/** The footer's "lines a-b of n": where the detail is scrolled to. */
export const rowsShown = (screen: string) => /lines (\d+)-(\d+) of (\d+)/.exec(screen)?.slice(1).map(Number) ?? [];

/** Every row of the open detail, read page by page from the top. */
export async function wholeDetail(session: Session): Promise<string> {
	session.write('g');
	await session.waitFor(screen => rowsShown(screen)[0] === 1, 'the top of the detail');
	const pages: string[] = [];
	for (;;) {
		// Each page read whole: a frame still arriving shows new lines above old or erased ones.
		const screen = await session.waitForStill();
		pages.push(screen.split('\n').slice(1, -3).join('\n'));
		const [, last, total] = rowsShown(screen);
		if (last === total) return pages.join('\n');
		session.write(keys.pageDown);
		await session.waitFor(next => rowsShown(next).length === 3 && rowsShown(next)[1] !== last, 'the next page');
	}
}

/**
 * In an open decision form: the reject outcome with `rationale` typed in, not yet
 * submitted. No outcome is preselected; ← from none steps defer, escalate, reject.
 */
export async function fillReject(session: Session, rationale: string): Promise<void> {
	for (let step = 0; step < 3; step++) session.write(keys.leftArrow);
	await session.waitForText('◀ reject ▶');
	// Past the reason (reject's first fits) to the rationale.
	session.write(keys.tab);
	session.write(keys.tab);
	session.write(rationale);
	await session.waitForText(rationale);
}
