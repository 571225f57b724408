// `vendor-risk config [set KEY VALUE]`: every setting as the app uses it and where
// it came from, and the settings a reviewer may change by hand.
import {userInfo} from 'node:os';
import type Conf from 'conf';
import {today, todayVariable} from '../dates/index.js';
import {resolveReviewer} from '../decisions/index.js';
import {UserInputError} from '../errors/index.js';
import {defaultThreshold} from '../screening/index.js';
import {defaultSettings, openSettings, type Settings} from '../settings/index.js';
import {reporting, type CommandIO} from './io.js';
import {viewNames} from '../tables/index.js';

/** The outcomes a re-review period can be set for. */
const reviewOutcomes = ['approve', 'approve-with-conditions', 'defer', 'escalate', 'reject'];

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

/** One effective setting: its value as used (and as a reader is shown it, where that differs), and where that value came from. */
export type EffectiveSetting = {key: string; value: string | number | null; shown?: string; from: string};

const sameValue = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const fromFile = (value: unknown, fallback: unknown) => (value === undefined || sameValue(value, fallback) ? 'default' : 'settings file');

function reviewerSetting(settings: Conf<Settings>, env: NodeJS.ProcessEnv): EffectiveSetting {
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
function tuiSettings(settings: Conf<Settings>): EffectiveSetting[] {
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

/** Every setting as the app uses it, and where each value came from; never conf's own bookkeeping. */
export function effectiveSettings(settings: Conf<Settings>, env: NodeJS.ProcessEnv): EffectiveSetting[] {
	const threshold = settings.get('threshold');
	const reviewDays = settings.get('reviewDays') ?? defaultSettings.reviewDays;
	const sources = settings.get('sources') ?? [];
	return [
		reviewerSetting(settings, env),
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

export function runConfigShow(settings: Conf<Settings>, io: CommandIO, options: {json?: boolean} = {}): number {
	const effective = effectiveSettings(settings, io.env);
	if (options.json) {
		const entries = effective.map(({key, value, from}) => [key, {value, from}]);
		io.stdout.write(`${JSON.stringify({settingsFile: settings.path, settings: Object.fromEntries(entries)}, null, 2)}\n`);
		return 0;
	}
	const shown = (setting: EffectiveSetting) => setting.shown ?? String(setting.value);
	const keyWidth = Math.max(...effective.map(setting => setting.key.length));
	const valueWidth = Math.min(40, Math.max(...effective.map(setting => shown(setting).length)));
	for (const setting of effective)
		io.stdout.write(`${setting.key.padEnd(keyWidth)}  ${shown(setting).padEnd(valueWidth)}  ${setting.from}\n`);
	io.stderr.write(`settings file: ${settings.path}\n`);
	return 0;
}

export function runConfigSet(settings: Conf<Settings>, key: string, value: string, io: CommandIO): number {
	const setter = setters[key];
	if (!setter) throw new UserInputError(`config: unknown key "${key}"; keys are ${Object.keys(setters).join(', ')}`);
	setter.apply(settings, value);
	io.stdout.write(`${key} = ${value}\n`);
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
