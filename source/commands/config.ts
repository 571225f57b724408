// `vendor-risk config [set KEY VALUE]`: the settings a reviewer may change by hand.
import {UserInputError} from '../errors/index.js';
import {openSettings, type SettingsStore} from '../settings/index.js';
import {reporting, type CommandIO} from './io.js';
import {displayLine, displayText, inertJson} from '../text/index.js';
import {viewNames} from '../ui/state.js';

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

export function runConfigShow(settings: SettingsStore, io: CommandIO): number {
	const {sources, ...rest} = settings.store;
	io.stdout.write(`${inertJson({...rest, sources: sources.map(source => source.name)}, 2)}\n`);
	io.stderr.write(`settings file: ${settings.path}\n`);
	return 0;
}

export function runConfigSet(settings: SettingsStore, key: string, value: string, io: CommandIO): number {
	const setter = setters[key];
	if (!setter) throw new UserInputError(`config: unknown key "${key}"; keys are ${Object.keys(setters).join(', ')}`);
	setter.apply(settings, value);
	io.stdout.write(`${key} = ${displayText(value)}\n`);
	return 0;
}

export const configKeysHelp = () =>
	Object.entries(setters)
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
