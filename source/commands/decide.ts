// `vendor-risk decide <vendor> <outcome> <reason>`: record one decision from the command line.
import {today as todayOf} from '../dates/index.js';
import {OperationError, UserInputError, exitCodes} from '../errors/index.js';
import {
	checkDecisionRequest,
	openDecisionLog,
	outcomeMeanings,
	outcomes,
	rationaleRequiredFor,
	reasonCodes,
	reasonMeanings,
	recordDecision,
	type DecisionContext,
} from '../decisions/index.js';
import {defaultSettings, openSettings} from '../settings/index.js';
import {loadRunJoin, type RunOptions} from '../app-context/index.js';
import {reporting, type CommandIO} from './io.js';

export type DecideArgs = {vendorId: string; outcome: string; reason: string; note?: string; reviewBy?: string};

export async function runDecide(args: DecideArgs, context: DecisionContext, io: CommandIO): Promise<number> {
	return reporting(io, async () => {
		if (!context.vendorExists(args.vendorId))
			throw new UserInputError(`unknown vendor "${args.vendorId}"; see \`vendor-risk list\` for vendor ids`);
		const today = todayOf(io.env);
		const reviewDays = reviewDaysOf(io.env);
		// Check everything the user typed before touching the log, so bad input never waits on the lock.
		checkDecisionRequest({...args, rationale: args.note}, {today, reviewDays});
		const log = openDecisionLog({env: io.env});
		if (log.readOnly) throw new OperationError(log.readOnlyReason ?? 'the decision log is open read-only');
		const entry = await recordDecision(
			log,
			{...args, rationale: args.note, vendorFingerprint: context.fingerprintOf(args.vendorId), sources: context.sourceVersions()},
			{today, reviewDays, env: io.env},
		);
		const review = entry.reviewBy ? `, re-review by ${entry.reviewBy}` : '';
		io.stdout.write(
			`recorded ${entry.outcome} for ${entry.vendorId} (${entry.reason}) by ${entry.reviewer}${review}; entry #${entry.seq} ${entry.hash.slice(0, 12)}\n`,
		);
		return exitCodes.ok;
	});
}

/** The body of `vendor-risk decide --help`: every outcome and reason code with its meaning. */
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
		'Reason codes:',
		...reasonCodes.map(reason => line(reason, reasonMeanings[reason])),
		'',
		'The re-review date defaults to today plus settings.reviewDays for the outcome.',
		'The reviewer is settings.reviewer, else `git config user.name`, else the login name.',
		'',
	].join('\n');
}

function reviewDaysOf(env: NodeJS.ProcessEnv): Record<string, number> {
	try {
		return openSettings(env).get('reviewDays') ?? defaultSettings.reviewDays;
	} catch {
		return defaultSettings.reviewDays;
	}
}

/** `vendor-risk decide`: loads the run (so the decision records what it was made on), then records it. */
export async function runDecideCommand(args: DecideArgs, run: RunOptions, io: CommandIO): Promise<number> {
	return reporting(io, async () => {
		const loaded = await (await loadRunJoin()).loadJoinedRun(run, io.env);
		return runDecide(args, loaded.decisionContext, io);
	});
}
