// `vendor-risk countersign ENTRY_ID` (also `decide --countersign ENTRY_ID`): a second
// reviewer signs off a pending decision. Refused for the decision's own reviewer, for a
// decision that no longer stands, and when the vendor's record changed since.
import {OperationError, exitCodes} from '../errors/index.js';
import {countersign, withStore, type DecisionContext} from '../decisions/index.js';
import {loadRunJoin, type RunOptions} from '../app-context/index.js';
import {sanitizeText} from '../text/index.js';
import {reporting, type CommandIO} from './io.js';
import {reportUnsent} from './shared-store.js';

export async function runCountersign(
	reference: string,
	options: {note?: string},
	context: Pick<DecisionContext, 'vendorExists' | 'fingerprintOf'>,
	io: CommandIO,
): Promise<number> {
	return reporting(io, async () => {
		return withStore(io.env, async store => {
			if (store.readOnlyReason) throw new OperationError(store.readOnlyReason);
			const signed = await countersign(store, reference, context, {rationale: options.note, env: io.env});
			const {decision} = signed;
			io.stdout.write(
				`countersigned ${decision.outcome} for ${decision.vendorId} (decision #${decision.seq} by ${sanitizeText(decision.reviewer)}) as ${sanitizeText(signed.countersign.reviewer)}; entry #${signed.countersign.seq} ${signed.countersign.hash.slice(0, 12)}\n`,
			);
			reportUnsent(store, signed.countersign, io);
			return exitCodes.ok;
		});
	});
}

/** Loads the run first: the countersign is refused when the vendor's record is no longer the one decided on. */
export async function runCountersignCommand(reference: string, options: {note?: string}, run: RunOptions, io: CommandIO): Promise<number> {
	return reporting(io, async () => {
		const loaded = await (await loadRunJoin()).loadJoinedRun(run, io.env);
		return runCountersign(reference, options, loaded.decisionContext, io);
	});
}
