// Starting a new chain after a break (README: Recovering the decision log): only
// when the log fails verification, and only with a rationale. The old files are
// moved aside, never deleted, and the new chain's first entry records what was
// found (the last readable entry, the anchored head, the first problem) and where
// the old files went, so the break itself is part of the audit trail.
import {OperationError, UserInputError} from '../errors/index.js';
import {sanitizeText} from '../text/index.js';
import {genesisHash, type RestartEntry} from './model.js';
import {resolveReviewer} from './record.js';
import type {DecisionStore} from './store-interface.js';
import {verifyStore} from './verify.js';

export async function restartChain(
	store: DecisionStore,
	rationale: string | undefined,
	options: {reviewer?: string; env?: NodeJS.ProcessEnv} = {},
): Promise<{entry: RestartEntry; problem: string}> {
	const why = sanitizeText(rationale?.trim() ?? '', {keepLayout: true});
	if (!why) throw new UserInputError('a rationale is required to start a new chain: say what happened (--note "...")');
	const report = await verifyStore(store);
	const problem = report.problems[0];
	if (!problem) throw new OperationError('the decision log verifies; there is no break to start a new chain after');
	const reviewer = options.reviewer ?? resolveReviewer(options.env ?? process.env);
	const entry = await store.restartChain(({entries, anchor}, movedTo) => {
		const last = entries.at(-1);
		return {
			kind: 'restart',
			reviewer,
			rationale: why,
			previous: {
				lastSeq: last?.seq ?? 0,
				lastHash: last?.hash ?? genesisHash,
				anchorSeq: anchor?.seq ?? null,
				anchorHash: anchor?.hash ?? null,
				problem: problem.slice(0, 4000),
				movedTo,
			},
		};
	});
	return {entry: entry as RestartEntry, problem};
}
