// `vendor-risk config [set KEY VALUE]`: the settings a reviewer may change by hand.
import type Conf from 'conf';
import {UserInputError} from '../errors/index.js';
import {outcomes, parseSignoffPolicy, parseStoreLocation, formatSignoffPolicy, signoffPolicyHelp} from '../decisions/index.js';
import {openSettings, type Settings} from '../settings/index.js';
import {loadEmbeddedRecords, longestRetention, type RecordKeeping} from '../records/index.js';
import {reporting, type CommandIO} from './io.js';
import {viewNames} from '../tables/index.js';

type Setter = {describe: string; apply: (settings: Conf<Settings>, value: string) => void};

const positiveInteger = (key: string, value: string) => {
	const number = Number(value);
	if (!Number.isInteger(number) || number < 1) throw new UserInputError(`config ${key}: "${value}" is not a positive whole number`);
	return number;
};

const setters: Record<string, Setter> = {
	reviewer: {
		describe: 'name recorded on decisions (default: git config user.name, else the login name)',
		apply: (settings, value) => settings.set('reviewer', value.trim()),
	},
	threshold: {
		describe: 'screening score threshold, above 0 and at most 1 (default 0.8)',
		apply(settings, value) {
			const number = Number(value);
			if (!(number > 0 && number <= 1)) throw new UserInputError(`config threshold: "${value}" is not a score above 0 and at most 1`);
			settings.set('threshold', number);
		},
	},
	maxDownloadBytes: {
		describe: 'largest download accepted from a source, in bytes (default 536870912)',
		apply: (settings, value) => settings.set('maxDownloadBytes', positiveInteger('maxDownloadBytes', value)),
	},
	snapshotRetention: {
		describe: 'snapshots kept per source for `changes` (default 20)',
		apply: (settings, value) => settings.set('snapshotRetention', positiveInteger('snapshotRetention', value)),
	},
	signoff: {
		describe: `decisions that need a second reviewer's countersign: ${signoffPolicyHelp} (default none)`,
		apply(settings, value) {
			let rules;
			try {
				rules = parseSignoffPolicy(value);
			} catch (error) {
				throw new UserInputError(`config signoff: ${(error as Error).message}`);
			}
			settings.set('signoff', formatSignoffPolicy(rules));
		},
	},
	retentionYears: {
		describe:
			'years the decision log must be kept, stated in every export manifest; nothing is ever pruned (default: the longest record-keeping period in the records, 10 for OFAC)',
		apply: (settings, value) => settings.set('retentionYears', positiveInteger('retentionYears', value)),
	},
	store: {
		describe:
			'where decisions are kept: local (this machine, the default) or a team PostgreSQL URL without a password, e.g. postgres://db.example.org/vendor_risk?sslmode=verify-full&sslrootcert=/path/ca.pem (password: PGPASSWORD or ~/.pgpass)',
		apply(settings, value) {
			const location = parseStoreLocation(value, 'config store');
			if (location.kind === 'local') settings.delete('store');
			else settings.set('store', location.display);
		},
	},
};
setters.startView = {
	describe: `the view the TUI opens on: ${viewNames.join(', ')} (default vendors)`,
	apply(settings, value) {
		if (!(viewNames as readonly string[]).includes(value))
			throw new UserInputError(`config startView: "${value}" is not a view; use one of ${viewNames.join(', ')}`);
		settings.set('startView', value);
	},
};
for (const outcome of ['approve', 'approve-with-conditions', 'defer', 'escalate', 'reject']) {
	setters[`reviewDays.${outcome}`] = {
		describe: `default re-review period for ${outcome}, in days`,
		apply: (settings, value) =>
			settings.set('reviewDays', {...settings.get('reviewDays'), [outcome]: positiveInteger(`reviewDays.${outcome}`, value)}),
	};
}

/**
 * The decision log's retention: the setting when set, else the longest record-keeping
 * period the records hold (OFAC's 10 years outlasts the EAR's 5), with where it comes from.
 */
export function decisionRetention(setting: number | undefined, periods: readonly RecordKeeping[]): {years: number | null; basis: string} {
	const longest = longestRetention({recordKeeping: [...periods]});
	const legal = longest ? `${longest.retentionYears} years under ${longest.citation} (${longest.regime}; record ${longest.id})` : null;
	if (setting !== undefined)
		return {years: setting, basis: `set in the config${legal ? `; the longest period in the records is ${legal}` : ''}`};
	if (!longest) return {years: null, basis: 'the records hold no record-keeping period; set retentionYears'};
	return {years: longest.retentionYears, basis: `default: the longest record-keeping period in the records, ${legal}`};
}

export function runConfigShow(settings: Conf<Settings>, io: CommandIO): number {
	const {sources, ...rest} = settings.store;
	const retention = decisionRetention(settings.get('retentionYears'), loadEmbeddedRecords().recordKeeping ?? []);
	const shown = {
		...rest,
		retentionYears: retention.years,
		retentionBasis: retention.basis,
		sources: sources.map(source => source.name),
	};
	io.stdout.write(`${JSON.stringify(shown, null, 2)}\n`);
	io.stderr.write(`settings file: ${settings.path}\n`);
	return 0;
}

/** reviewDays.<tier>.<outcome>: the re-review period of one outcome for vendors of one risk tier. */
function tierSetter(key: string): Setter | undefined {
	const match = /^reviewDays\.([a-z0-9][a-z0-9-]*)\.([a-z-]+)$/.exec(key);
	if (!match) return undefined;
	const [, tier, outcome] = match as unknown as [string, string, string];
	if (!(outcomes as readonly string[]).includes(outcome))
		throw new UserInputError(`config ${key}: "${outcome}" is not an outcome; use one of ${outcomes.join(', ')}`);
	return {
		describe: '',
		apply(settings, value) {
			const tiers = settings.get('tierReviewDays');
			settings.set('tierReviewDays', {...tiers, [tier]: {...tiers?.[tier], [outcome]: positiveInteger(key, value)}});
		},
	};
}

export function runConfigSet(settings: Conf<Settings>, key: string, value: string, io: CommandIO): number {
	const setter = setters[key] ?? tierSetter(key);
	if (!setter)
		throw new UserInputError(
			`config: unknown key "${key}"; keys are ${[...Object.keys(setters), 'reviewDays.<tier>.<outcome>'].join(', ')}`,
		);
	setter.apply(settings, value);
	io.stdout.write(`${key} = ${value}\n`);
	return 0;
}

export const configKeysHelp = () =>
	[
		...Object.entries(setters),
		[
			'reviewDays.<tier>.<outcome>',
			{describe: "re-review period for a risk tier (the inventory's criticality, e.g. high) and outcome, in days"},
		] as const,
	]
		.map(([key, setter]) => `  ${key.padEnd(32)} ${setter.describe}`)
		.join('\n');

/** `vendor-risk config`. */
export async function runConfigShowCommand(io: CommandIO): Promise<number> {
	return reporting(io, () => runConfigShow(openSettings(io.env), io));
}

/** `vendor-risk config set KEY VALUE`. */
export async function runConfigSetCommand(key: string, value: string, io: CommandIO): Promise<number> {
	return reporting(io, () => runConfigSet(openSettings(io.env), key, value, io));
}
