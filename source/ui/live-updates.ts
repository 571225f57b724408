// What an open decision log tells the TUI without being asked: teammates' entries
// (LISTEN/NOTIFY on a shared store) and the connection going down or coming back;
// and what a push of its unsent entries (p, :push) did, in one line.
import type {LiveLog, PushOutcome} from '../app-context/index.js';
import {countOf, sanitizeText} from '../text/index.js';
import type {AppData} from './app-data.js';
import type {LiveUpdates} from './app.js';
import {pushNeedsSharedStore} from './review-commands.js';

const entries = (count: number) => countOf(count, 'entry', 'entries');

/** One line on a push: `pushed N entries`, `nothing to push`, or why nothing went (still offline: the entries stay unsent). */
export function pushNews(outcome: PushOutcome): string {
	if (outcome.kind === 'local') return pushNeedsSharedStore;
	if (outcome.kind === 'offline')
		return `✗ still offline, nothing pushed: ${outcome.unsent ? `${entries(outcome.unsent)} stay${outcome.unsent === 1 ? 's' : ''} unsent` : 'nothing waits unsent'} (${sanitizeText(outcome.problem)})`;
	const {sent, alreadyThere, refused, remaining} = outcome;
	const parts = [
		sent ? `pushed ${entries(sent)}` : 'nothing to push',
		...(alreadyThere ? [`${entries(alreadyThere)} already in the shared log`] : []),
		...(refused.length
			? [`${refused.length} refused (kept in outbox-refused.jsonl): ${sanitizeText(refused[0]!.reason)}${refused.length > 1 ? ' …' : ''}`]
			: []),
		...(remaining ? [`${entries(remaining)} still unsent`] : []),
	];
	return parts.join('; ');
}

/** The line shown when the connection changes: why it is offline, or that it is back (with what still waits unsent). */
export function connectionNews(live: Pick<LiveLog, 'status' | 'statusLine'>): string {
	const status = live.status();
	if (status.connection === 'offline') return `⚠ ${status.problem ?? live.statusLine() ?? 'the shared log is offline'}`;
	return `✓ ${live.statusLine() ?? 'shared log online'}`;
}

/**
 * The log's changes as the App hears them. A burst of changes (one notification per teammate's
 * entry, our own append) is one re-join on the next turn of the event loop, not one each; `dataNow`
 * gives the data for the log as it stands then.
 */
export function liveUpdates(live: Pick<LiveLog, 'subscribe' | 'status' | 'statusLine'>, dataNow: () => AppData): LiveUpdates {
	return listener => {
		let connection = live.status().connection;
		let scheduled: NodeJS.Immediate | undefined;
		const deliver = () => {
			scheduled = undefined;
			const now = live.status().connection;
			// Connecting, then online, is an ordinary start: only a failure to connect is news.
			const message = now === connection || (connection === 'connecting' && now === 'online') ? '' : connectionNews(live);
			connection = now;
			listener({data: dataNow(), message});
		};
		const unsubscribe = live.subscribe(() => {
			scheduled ??= setImmediate(deliver);
		});
		return () => {
			unsubscribe();
			if (scheduled) clearImmediate(scheduled);
		};
	};
}
