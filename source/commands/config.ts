// `vendor-risk config [set KEY VALUE]`: every setting as the app uses it and where
// it came from, and the settings a reviewer may change by hand.
import {userInfo} from 'node:os';
import {today, todayVariable} from '../dates/index.js';
import {
	formatSignoffPolicy,
	outcomes,
	parseSignoffPolicy,
	parseStoreLocation,
	resolveReviewer,
	storeLocationOf,
	signoffPolicyHelp,
} from '../decisions/index.js';
import {UserInputError} from '../errors/index.js';
import {loadEmbeddedRecords, longestRetention, type RecordKeeping} from '../records/index.js';
import {defaultThreshold} from '../screening/index.js';
import {defaultSettings, inputByteLimit, openSettings, type SettingsStore} from '../settings/index.js';
import {displayLine, displayText, inertJson} from '../text/index.js';
import {reporting, type CommandIO} from './io.js';
import {viewNames} from '../tables/index.js';

/** The outcomes a re-review period can be set for. */
const reviewOutcomes = ['approve', 'approve-with-conditions', 'defer', 'escalate', 'reject'];

type Setter = {describe: string; apply: (settings: SettingsStore, value: string) => void};

const positiveInteger = (key: string, value: string) => {
	const number = Number(value);
	if (!Number.isInteger(number) || number < 1) throw new UserInputError(`config ${key}: "${value}" is not a positive whole number`);
	return number;
};

const setters: Record<string, Setter> = {
	reviewer: {
		describe: 'name recorded on decisions (default: git config user.name, else the login name)',
		apply: (settings, value) => settings.set('reviewer', displayLine(value)),
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
	maxInputBytes: {
		describe: 'largest local input read (records, inventory, pairs, list files), in bytes (default: maxDownloadBytes)',
		apply: (settings, value) => settings.set('maxInputBytes', positiveInteger('maxInputBytes', value)),
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
for (const outcome of reviewOutcomes) {
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

/** One effective setting: its value as used (and as a reader is shown it, where that differs), and where that value came from. */
export type EffectiveSetting = {key: string; value: string | number | null; shown?: string; from: string};

const sameValue = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const fromFile = (value: unknown, fallback: unknown) => (value === undefined || sameValue(value, fallback) ? 'default' : 'settings file');

function reviewerSetting(settings: SettingsStore, env: NodeJS.ProcessEnv): EffectiveSetting {
	const configured = settings.get('reviewer')?.trim();
	if (configured) return {key: 'reviewer', value: configured, from: 'settings file'};
	const resolved = resolveReviewer(env);
	let login = '';
	try {
		login = userInfo().username;
	} catch {
		// No account name: the resolved name came from git or is "unknown".
	}
	return {key: 'reviewer', value: resolved, from: resolved === login ? 'login name' : 'git config user.name'};
}

/** Each TUI setting the file holds, flattened to one line per key (keys.x, theme.y, columns.view, savedViews). */
function tuiSettings(settings: SettingsStore): EffectiveSetting[] {
	const lines: EffectiveSetting[] = [];
	for (const [command, keys] of Object.entries(settings.get('keys') ?? {}))
		lines.push({key: `keys.${command}`, value: [keys].flat().join(' '), from: 'settings file'});
	for (const [role, colour] of Object.entries(settings.get('theme') ?? {}))
		lines.push({key: `theme.${role}`, value: String(colour), from: 'settings file'});
	for (const [view, choice] of Object.entries(settings.get('columns') ?? {}))
		lines.push({
			key: `columns.${view}`,
			value: `${(choice.order ?? []).filter(key => !(choice.hidden ?? []).includes(key)).join(' ')}${choice.hidden?.length ? ` (hidden: ${choice.hidden.join(' ')})` : ''}`,
			from: 'settings file (the column chooser)',
		});
	for (const saved of settings.get('savedViews') ?? [])
		lines.push({
			key: `savedViews.${saved.name}`,
			value: `${saved.view}${saved.filter ? ` ${saved.filter}` : ''}${saved.sort ? ` sort ${saved.sort.column}${saved.sort.descending ? ' desc' : ''}` : ''}`,
			from: 'settings file (:save)',
		});
	return lines;
}

/** reviewDays.<tier>.<outcome> as used: the defaults for the usual tiers, overridden by the file. */
function tierSettings(settings: SettingsStore): EffectiveSetting[] {
	const stored = settings.get('tierReviewDays') ?? {};
	const tiers = {...defaultSettings.tierReviewDays};
	for (const [tier, days] of Object.entries(stored)) tiers[tier] = {...tiers[tier], ...days};
	return Object.entries(tiers).flatMap(([tier, days]) =>
		Object.entries(days).map(([outcome, value]) => ({
			key: `reviewDays.${tier}.${outcome}`,
			value,
			shown: `${value} days`,
			from: fromFile(stored[tier]?.[outcome], defaultSettings.tierReviewDays[tier]?.[outcome]),
		})),
	);
}

/** Where decisions are kept: VENDOR_RISK_STORE, else the file's store, else this machine's log. */
function storeSetting(settings: SettingsStore, env: NodeJS.ProcessEnv): EffectiveSetting {
	const location = storeLocationOf(env, settings.get('store'));
	const shown = location.kind === 'local' ? "local (this machine's decision log)" : location.display;
	const from = env.VENDOR_RISK_STORE ? 'VENDOR_RISK_STORE' : settings.get('store') ? 'settings file' : 'default';
	return {key: 'store', value: location.kind === 'local' ? 'local' : location.display, shown, from};
}

function retentionSetting(settings: SettingsStore): EffectiveSetting {
	const retention = decisionRetention(settings.get('retentionYears'), loadEmbeddedRecords().recordKeeping ?? []);
	return {
		key: 'retentionYears',
		value: retention.years,
		shown: retention.years === null ? 'not set' : `${retention.years} years`,
		from: retention.basis,
	};
}

/** Every setting as the app uses it, and where each value came from; never conf's own bookkeeping. */
export function effectiveSettings(settings: SettingsStore, env: NodeJS.ProcessEnv): EffectiveSetting[] {
	const threshold = settings.get('threshold');
	const reviewDays = settings.get('reviewDays') ?? defaultSettings.reviewDays;
	const sources = settings.get('sources') ?? [];
	return [
		reviewerSetting(settings, env),
		storeSetting(settings, env),
		{key: 'threshold', value: threshold ?? defaultThreshold, from: threshold === undefined ? 'default' : 'settings file'},
		...reviewOutcomes.map(outcome => ({
			key: `reviewDays.${outcome}`,
			value: reviewDays[outcome] ?? null,
			shown: reviewDays[outcome] === undefined ? 'none (no re-review date)' : `${reviewDays[outcome]} days`,
			from: fromFile(reviewDays[outcome], defaultSettings.reviewDays[outcome]),
		})),
		{
			key: 'maxDownloadBytes',
			value: settings.get('maxDownloadBytes') ?? defaultSettings.maxDownloadBytes,
			from: fromFile(settings.get('maxDownloadBytes'), defaultSettings.maxDownloadBytes),
		},
		{
			key: 'maxInputBytes',
			value: inputByteLimit(env),
			from: settings.get('maxInputBytes') === undefined ? 'default (maxDownloadBytes)' : 'settings file',
		},
		{
			key: 'signoff',
			value: settings.get('signoff') ?? defaultSettings.signoff,
			from: fromFile(settings.get('signoff'), defaultSettings.signoff),
		},
		...tierSettings(settings),
		retentionSetting(settings),
		{
			key: 'snapshotRetention',
			value: settings.get('snapshotRetention') ?? defaultSettings.snapshotRetention,
			from: fromFile(settings.get('snapshotRetention'), defaultSettings.snapshotRetention),
		},
		{key: 'startView', value: settings.get('startView') ?? 'vendors', from: settings.get('startView') ? 'settings file' : 'default'},
		{
			key: 'inventory',
			value: settings.get('inventory') ?? null,
			shown: settings.get('inventory') ?? 'none',
			from: settings.get('inventory') ? 'settings file (inventory set)' : 'default',
		},
		{
			key: 'sources',
			value: sources.map(source => source.name).join(', '),
			shown: sources.length ? undefined : 'none (the embedded dataset only)',
			from: sources.length ? 'settings file (sources add)' : 'default',
		},
		...tuiSettings(settings),
		{key: 'today', value: today(env), from: env[todayVariable] ? todayVariable : 'the clock (UTC)'},
	];
}

export function runConfigShow(settings: SettingsStore, io: CommandIO, options: {json?: boolean} = {}): number {
	const effective = effectiveSettings(settings, io.env);
	if (options.json) {
		const entries = effective.map(({key, value, from}) => [key, {value, from}]);
		io.stdout.write(`${inertJson({settingsFile: settings.path, settings: Object.fromEntries(entries)}, 2)}\n`);
		return 0;
	}
	const shown = (setting: EffectiveSetting) => setting.shown ?? String(setting.value);
	const keyWidth = Math.max(...effective.map(setting => setting.key.length));
	const valueWidth = Math.min(40, Math.max(...effective.map(setting => shown(setting).length)));
	for (const setting of effective)
		io.stdout.write(`${displayText(`${setting.key.padEnd(keyWidth)}  ${shown(setting).padEnd(valueWidth)}  ${setting.from}`)}\n`);
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

export function runConfigSet(settings: SettingsStore, key: string, value: string, io: CommandIO): number {
	const setter = setters[key] ?? tierSetter(key);
	if (!setter)
		throw new UserInputError(
			`config: unknown key "${key}"; keys are ${[...Object.keys(setters), 'reviewDays.<tier>.<outcome>'].join(', ')}`,
		);
	setter.apply(settings, value);
	io.stdout.write(`${key} = ${displayText(value)}\n`);
	return 0;
}

export const configKeysHelp = () =>
	Object.entries(setters)
		.map(([key, setter]) => `  ${key.padEnd(32)} ${setter.describe}`)
		.join('\n');

/** `vendor-risk config [--json]`. */
export async function runConfigShowCommand(options: {json?: boolean}, io: CommandIO): Promise<number> {
	return reporting(io, () => runConfigShow(openSettings(io.env), io, options));
}

/** `vendor-risk config set KEY VALUE`. */
export async function runConfigSetCommand(key: string, value: string, io: CommandIO): Promise<number> {
	return reporting(io, () => runConfigSet(openSettings(io.env), key, value, io));
}
