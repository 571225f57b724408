// `vendor-risk decide <vendor> <outcome> --reason CODE`: record one decision from the
// command line, by the same rules as the TUI's form (decideVendor): a reason that
// fits the outcome, a rationale and a confirmation (--yes) to approve a restricted
// vendor, evidence, and a pending state when the sign-off policy wants a second reviewer.
import {createInterface} from 'node:readline/promises';
import {today as todayOf} from '../dates/index.js';
import {OperationError, UserInputError, exitCodes} from '../errors/index.js';
import {
	checkVendorDecision,
	ConfirmationNeededError,
	decideVendor,
	withStore,
	outcomeMeanings,
	outcomes,
	rationaleRequiredFor,
	reasonCodes,
	reasonMeanings,
	reasonsByOutcome,
	settingsOf,
	type DecisionContext,
	type VendorDecisionRequest,
} from '../decisions/index.js';
import {loadRunJoin, type RunOptions} from '../app-context/index.js';
import {sanitizeText} from '../text/index.js';
import {reporting, type CommandIO} from './io.js';
import {displayText} from '../text/index.js';
import {reportUnsent} from './shared-store.js';

export type DecideArgs = {
	vendorId: string;
	outcome: string;
	reason: string;
	note?: string;
	reviewBy?: string;
	/** Confirms what the rules ask to confirm (approving a restricted vendor), for scripts. */
	yes?: boolean;
	evidence?: string[];
};

/** Asks the reviewer to confirm a sentence; false when nobody can be asked (no terminal). */
export type Confirm = (sentence: string) => Promise<boolean>;

export async function runDecide(args: DecideArgs, context: DecisionContext, io: CommandIO, confirm?: Confirm): Promise<number> {
	return reporting(io, async () => {
		const today = todayOf(io.env);
		const settings = settingsOf(io.env);
		const request: VendorDecisionRequest = {
			vendorId: args.vendorId,
			outcome: args.outcome,
			reason: args.reason,
			rationale: args.note,
			reviewBy: args.reviewBy,
			confirmed: Boolean(args.yes),
			evidence: args.evidence,
		};
		// Check everything the user typed before touching the log, so bad input never waits on the lock.
		try {
			checkVendorDecision(request, context, {today, settings});
		} catch (error) {
			if (!(error instanceof ConfirmationNeededError) || !confirm || !(await confirm(error.confirmation))) throw error;
			request.confirmed = true;
		}
		return withStore(io.env, async store => {
			if (store.readOnlyReason) throw new OperationError(store.readOnlyReason);
			const entry = await decideVendor(store, request, context, {today, settings, env: io.env});
			const review = entry.reviewBy ? `, re-review by ${entry.reviewBy}` : '';
			const evidence = entry.evidence ? `, ${entry.evidence.length} evidence file${entry.evidence.length === 1 ? '' : 's'}` : '';
			const pending = entry.signoff === 'pending' ? ', pending countersign' : '';
			io.stdout.write(
				`${displayText(`recorded ${entry.outcome} for ${entry.vendorId} (${entry.reason}) by ${entry.reviewer}${review}${evidence}${pending}; entry #${entry.seq} ${entry.hash.slice(0, 12)}`)}\n`,
			);
			if (entry.signoff === 'pending') {
				io.stdout.write(`the sign-off policy wants a second reviewer: vendor-risk countersign ${entry.id}\n`);
			}
			reportUnsent(store, entry, io);
			return exitCodes.ok;
		});
	});
}

/** The body of `vendor-risk decide --help`: every outcome with the reasons it takes, and every reason code with its meaning. */
export function decideHelpText(): string {
	const width = Math.max(...[...outcomes, ...reasonCodes].map(name => name.length)) + 2;
	const line = (name: string, meaning: string) => `  ${name.padEnd(width)}${meaning}`;
	// No usage line of its own: commander's, above this text, is the form that works.
	return [
		'Outcomes:',
		...outcomes.map(outcome =>
			line(outcome, outcomeMeanings[outcome] + (rationaleRequiredFor.includes(outcome) ? ' (--note required)' : '')),
		),
		'',
		'Reasons each outcome takes:',
		...outcomes.map(outcome => line(outcome, reasonsByOutcome[outcome].join(', '))),
		'',
		'Reason codes:',
		...reasonCodes.map(reason => line(reason, reasonMeanings[reason])),
		'',
		'Approving (or approving with conditions) a vendor with an active restriction needs --note and a',
		'confirmation that names the restrictions: answer yes when asked, or pass --yes in scripts.',
		'With a sign-off policy (config set signoff …) such a decision is pending until a different',
		'reviewer runs `vendor-risk countersign ENTRY_ID`.',
		"The re-review date defaults to today plus reviewDays.<tier>.<outcome> for the vendor's tier",
		"(the inventory's criticality), else reviewDays.<outcome>.",
		'The reviewer is settings.reviewer, else `git config user.name`, else the login name.',
		'',
	].join('\n');
}

/** On a terminal, asks for "yes"; elsewhere nobody can answer, so the decision needs --yes. */
export const confirmOnTerminal: Confirm = async sentence => {
	if (!process.stdin.isTTY || !process.stderr.isTTY) return false;
	const prompt = createInterface({input: process.stdin, output: process.stderr});
	try {
		const answer = await prompt.question(`Confirm: ${sanitizeText(sentence)}\nType yes to record it: `);
		return answer.trim().toLowerCase() === 'yes';
	} finally {
		prompt.close();
	}
};

export type DecideCommandArgs = Partial<DecideArgs> & {countersign?: string};

/** `vendor-risk decide`: loads the run (so the decision records what it was made on), then records it or countersigns. */
export async function runDecideCommand(args: DecideCommandArgs, run: RunOptions, io: CommandIO): Promise<number> {
	return reporting(io, async () => {
		if (args.countersign !== undefined) {
			if (args.vendorId !== undefined || args.outcome !== undefined || args.reason !== undefined)
				throw new UserInputError('decide --countersign ENTRY_ID takes no vendor, outcome or --reason: it signs off that entry as it is');
			const {runCountersignCommand} = await import('./countersign.js');
			return runCountersignCommand(args.countersign, {note: args.note}, run, io);
		}
		if (args.vendorId === undefined || args.outcome === undefined)
			throw new UserInputError('decide needs a vendor id and an outcome', {
				hint: 'vendor-risk decide <vendor-id> <outcome> --reason CODE (see decide --help)',
			});
		if (args.reason === undefined)
			throw new UserInputError(
				`decide needs --reason; ${outcomes.includes(args.outcome as never) ? `${args.outcome} takes: ${reasonsByOutcome[args.outcome as keyof typeof reasonsByOutcome].join(', ')}` : 'see decide --help'}`,
			);
		const join = await loadRunJoin();
		const loaded = await join.loadJoinedRun(run, io.env);
		const vendorId = join.resolveVendorReference(loaded.context.catalog, args.vendorId);
		const decide: DecideArgs = {...args, vendorId, outcome: args.outcome, reason: args.reason};
		return runDecide(decide, loaded.decisionContext, io, confirmOnTerminal);
	});
}
