// `vendor-risk log push`: brings what this machine holds into the shared log. First
// a local conf log (a reviewer's decisions from before the team store), in batches
// of one transaction each, then the outbox. Every entry keeps its id, time and
// reviewer and is chained in the shared order; each is sent once, however often the
// push runs or wherever it was interrupted, because the shared log records the hash
// each entry had where it was made (its origin hash) and skips those it holds.
import {join} from 'node:path';
import {OperationError, UserInputError} from '../errors/index.js';
import {DecisionLog} from './store.js';
import {isSharedStore, type DecisionStore, type SendReport} from './store-interface.js';
import {verifyStore} from './verify.js';

/** Entries of a local log sent in one transaction: an interrupted import loses at most one batch's work, never an entry. */
export const importBatchSize = 500;

export type PushSummary = {
	local: {found: number; sent: number; alreadyThere: number; refused: SendReport['refused']; location: string} | null;
	outbox: SendReport & {remaining: number};
};

export async function pushToSharedStore(
	store: DecisionStore,
	env: NodeJS.ProcessEnv,
	onProgress: (line: string) => void = () => {},
): Promise<PushSummary> {
	if (!isSharedStore(store))
		throw new UserInputError('log push sends entries to a shared store, and this one is the local log', {
			hint: 'choose the team store first: vendor-risk config set store postgres://host/database (README: Team use)',
		});
	const local = new DecisionLog({env});
	const entries = local.entries();
	let localSummary: PushSummary['local'] = null;
	if (entries.length > 0) {
		const report = await verifyStore(local);
		if (report.problems.length)
			throw new OperationError(`the local log in ${local.directory} does not verify, so none of it was sent: ${report.problems[0]}`, {
				hint: 'run vendor-risk log verify with the local store (VENDOR_RISK_STORE=local) and repair it first',
			});
		localSummary = {found: entries.length, sent: 0, alreadyThere: 0, refused: [], location: local.directory};
		for (let start = 0; start < entries.length; start += importBatchSize) {
			const batch = await store.send(entries.slice(start, start + importBatchSize), [join(local.directory, 'evidence')]);
			localSummary.sent += batch.sent;
			localSummary.alreadyThere += batch.alreadyThere;
			localSummary.refused.push(...batch.refused);
			onProgress(`local log: ${Math.min(start + importBatchSize, entries.length)} of ${entries.length} entries done`);
		}
	}
	const outbox = await store.pushOutbox();
	return {local: localSummary, outbox};
}
