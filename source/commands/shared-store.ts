// What the commands say about a shared store: an entry that went to the outbox
// instead of the shared log, and why the database could not be reached.
import {isSharedStore, type DecisionStore, type LogEntry} from '../decisions/index.js';
import {sanitizeText} from '../text/index.js';
import type {CommandIO} from './io.js';

/** Tells the reviewer, on stdout after the entry's line, when it is kept on this machine unsent; and on stderr why. */
export function reportUnsent(store: DecisionStore, entry: LogEntry, io: CommandIO): void {
	if (!isSharedStore(store) || !store.unsentIds().has(entry.id)) return;
	const status = store.status();
	io.stdout.write(
		`unsent: kept in this machine's outbox (${status.outbox} unsent) until vendor-risk log push sends it to ${sanitizeText(status.location)}\n`,
	);
	if (status.problem) io.stderr.write(`vendor-risk: warning: ${sanitizeText(status.problem)}\n`);
}
