// Turning what a reviewer typed into log entries: checks with one-line errors,
// the reviewer's name, the default re-review date, then an append.
import {addDays, today} from '../dates/index.js';
import {displayLine, displayText, sanitizeText} from '../text/index.js';
import {execFileSync} from 'node:child_process';
import {userInfo} from 'node:os';
import {UserInputError} from '../errors/index.js';
import {defaultSettings, openSettings} from '../settings/index.js';
import {
	day,
	dispositions,
	isOutcome,
	isReasonCode,
	outcomes,
	rationaleRequiredFor,
	reasonCodes,
	type DecisionEntry,
	type Disposition,
	type DispositionEntry,
	type Outcome,
	type ReasonCode,
	type RevocationEntry,
	type ScreeningHit,
	type SourceVersion,
} from './model.js';
import {reasonProblem} from './rules.js';
import {defaultRetentionYears} from './export.js';
import {currentDecision} from './status.js';
import type {DecisionStore} from './store-interface.js';

/** What a reviewer asks for, as typed (strings not yet checked). */
export type DecisionRequest = {
	vendorId: string;
	outcome: string;
	reason: string;
	rationale?: string | null;
	/** YYYY-MM-DD; defaults to today plus settings.reviewDays[outcome]. */
	reviewBy?: string | null;
};

export type CheckedDecision = {vendorId: string; outcome: Outcome; reason: ReasonCode; rationale: string | null; reviewBy: string | null};

export type RecordOptions = {
	/** Who decides; defaults to settings.reviewer, then `git config user.name`, then the OS user. */
	reviewer?: string;
	/** Default re-review periods by outcome, in days; defaults to settings.reviewDays. */
	reviewDays?: Record<string, number>;
	/** Today (YYYY-MM-DD, UTC): the base of the default re-review date and the earliest one allowed. */
	today?: string;
	env?: NodeJS.ProcessEnv;
};

/** Checks a request and fills in the defaults; throws UserInputError with one line saying what to fix. */
export function checkDecisionRequest(
	request: DecisionRequest,
	options: {today: string; reviewDays: Record<string, number>},
): CheckedDecision {
	const {outcome, reason} = request;
	if (!isOutcome(outcome)) throw new UserInputError(`unknown outcome "${sanitizeText(outcome)}"; expected one of: ${outcomes.join(', ')}`);
	if (!isReasonCode(reason))
		throw new UserInputError(`unknown reason "${sanitizeText(reason)}"; expected one of: ${reasonCodes.join(', ')}`);
	const misfit = reasonProblem(outcome, reason);
	if (misfit) throw new UserInputError(misfit);
	// The rationale ends up in terminals and spreadsheets: no control sequence survives into the log.
	const rationale = storedText(request.rationale);
	if (!rationale && rationaleRequiredFor.includes(outcome)) {
		throw new UserInputError(`a rationale is required for ${outcome}: say why (--note "...")`);
	}
	let reviewBy: string | null;
	if (request.reviewBy === undefined || request.reviewBy === null || request.reviewBy === '') {
		reviewBy = defaultReviewBy(outcome, options.today, options.reviewDays);
	} else {
		if (!day.safeParse(request.reviewBy).success)
			throw new UserInputError(`bad re-review date "${request.reviewBy}"; expected a real date as YYYY-MM-DD`);
		if (request.reviewBy < options.today)
			throw new UserInputError(`bad re-review date ${request.reviewBy}: it is before today (${options.today})`);
		reviewBy = request.reviewBy;
	}
	return {vendorId: request.vendorId, outcome, reason, rationale, reviewBy};
}

/** today + reviewDays[outcome], or null when the outcome has no default period (reject stands until revoked). */
export function defaultReviewBy(outcome: Outcome, today: string, reviewDays: Record<string, number>): string | null {
	const days = reviewDays[outcome];
	if (days === undefined || !Number.isFinite(days) || days <= 0) return null;
	return addDays(today, days);
}

export async function recordDecision(
	log: DecisionStore,
	request: DecisionRequest & {vendorFingerprint: string; sources: readonly SourceVersion[]},
	options: RecordOptions = {},
): Promise<DecisionEntry> {
	const env = options.env ?? process.env;
	const checked = checkDecisionRequest(request, {
		today: options.today ?? today(env),
		reviewDays: options.reviewDays ?? settingsOf(env).reviewDays,
	});
	const [entry] = await log.appendMany([
		{
			kind: 'decision',
			reviewer: reviewerOf(options, env),
			...checked,
			basis: {vendorFingerprint: request.vendorFingerprint, sources: [...request.sources]},
		},
	]);
	return entry as DecisionEntry;
}

/** Cancels the vendor's current decision by appending a revocation; nothing is deleted. */
export async function revokeLast(
	log: DecisionStore,
	vendorId: string,
	options: RecordOptions & {rationale?: string | null} = {},
): Promise<RevocationEntry> {
	const reviewer = reviewerOf(options, options.env ?? process.env);
	const rationale = storedText(options.rationale);
	// Decided under the lock: the decision revoked is the one current when the revocation is written.
	const [entry] = await log.appendWith(entries => {
		const decision = currentDecision(entries, vendorId);
		if (!decision) throw new UserInputError(`no current decision for vendor "${vendorId}" to revoke`);
		return {kind: 'revocation', reviewer, vendorId, revokes: decision.id, revokesSeq: decision.seq, rationale};
	});
	return entry as RevocationEntry;
}

export type DispositionRequest = {vendorId: string; disposition: string; hit: ScreeningHit; rationale: string};

/** Marks one screening hit (for the vendor's record as fingerprinted) as a confirmed match or a false positive. */
export async function recordDisposition(
	log: DecisionStore,
	request: DispositionRequest,
	options: RecordOptions = {},
): Promise<DispositionEntry> {
	if (!(dispositions as readonly string[]).includes(request.disposition)) {
		throw new UserInputError(`unknown disposition "${request.disposition}"; expected one of: ${dispositions.join(', ')}`);
	}
	const rationale = storedText(request.rationale);
	if (!rationale) throw new UserInputError('a reason is required for a disposition: say why the hit is or is not this vendor');
	const [entry] = await log.appendMany([
		{
			kind: 'disposition',
			reviewer: reviewerOf(options, options.env ?? process.env),
			vendorId: request.vendorId,
			disposition: request.disposition as Disposition,
			hit: {...request.hit},
			rationale,
		},
	]);
	return entry as DispositionEntry;
}

/**
 * Free text a reviewer typed (a rationale, a reason), as the log keeps it: whatever it holds
 * reaches terminals, the TUI and spreadsheets later, so controls and invisible characters are
 * stored visibly (␛, ⟨U+200B⟩), line breaks kept. Null when nothing is left.
 */
function storedText(value: string | null | undefined): string | null {
	return displayText(value?.trim() ?? '', {keepLayout: true}) || null;
}

/** The reviewer's name as stored on an entry: one inert line, whoever supplied it. */
function reviewerOf(options: RecordOptions, env: NodeJS.ProcessEnv): string {
	return displayLine(options.reviewer ?? resolveReviewer(env)) || 'unknown';
}

/**
 * settings.reviewer, else `git config user.name`, else the OS account name; one inert line,
 * since a hand-edited settings file or a colleague's git config can hold anything.
 */
export function resolveReviewer(env: NodeJS.ProcessEnv = process.env): string {
	const configured = displayLine(settingsOf(env).reviewer ?? '');
	if (configured) return configured;
	try {
		const fromGit = execFileSync('git', ['config', 'user.name'], {
			encoding: 'utf8',
			timeout: 2000,
			stdio: ['ignore', 'pipe', 'ignore'],
			env,
		});
		const name = displayLine(fromGit);
		if (name) return name;
	} catch {
		// No git, or no user.name: fall through to the account name.
	}
	try {
		return displayLine(userInfo().username) || 'unknown';
	} catch {
		return 'unknown';
	}
}

export type DecisionSettings = {
	reviewer?: string;
	reviewDays: Record<string, number>;
	tierReviewDays: Record<string, Record<string, number>>;
	signoff: string;
	retentionYears: number;
};

/** The settings decisions read, with the defaults for whatever is not set. */
export function settingsOf(env: NodeJS.ProcessEnv): DecisionSettings {
	const defaults: DecisionSettings = {
		reviewDays: defaultSettings.reviewDays,
		tierReviewDays: defaultSettings.tierReviewDays,
		signoff: defaultSettings.signoff,
		retentionYears: defaultRetentionYears,
	};
	try {
		const settings = openSettings(env);
		return {
			reviewer: settings.get('reviewer'),
			reviewDays: settings.get('reviewDays') ?? defaults.reviewDays,
			tierReviewDays: settings.get('tierReviewDays') ?? defaults.tierReviewDays,
			signoff: settings.get('signoff') ?? defaults.signoff,
			retentionYears: settings.get('retentionYears') ?? defaults.retentionYears,
		};
	} catch {
		// A damaged settings file is the settings command's to report; a decision can still use the defaults.
		return defaults;
	}
}
