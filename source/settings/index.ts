// The app's own settings (conf): configured sources, the reviewer, defaults.
// Decisions live in their own store (decisions/); this file holds no secrets:
// a source names the environment variable that carries its token, never the token.
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import Conf from 'conf';
import {appPaths, fileSystemRefusal} from '../app-home/index.js';
import {OperationError} from '../errors/index.js';
import type {SourceFormat} from '../records/index.js';

export type SourceSetting = {
	name: string;
	/** http(s) URL or absolute local path. */
	location: string;
	format?: SourceFormat;
	/** Name of the environment variable whose value is sent as the Authorization header. */
	authEnv?: string;
	allowHttp?: boolean;
};

export type Settings = {
	sources: SourceSetting[];
	reviewer?: string;
	/** Default re-review period by outcome, in days. */
	reviewDays: Record<string, number>;
	inventory?: string;
	threshold?: number;
	maxDownloadBytes: number;
	/** Largest local input (records, inventory, pairs, list files) read, in bytes; unset means maxDownloadBytes. */
	maxInputBytes?: number;
	snapshotRetention: number;
	/** The view the TUI opens on: vendors (the default) or dashboard, or any other view name. */
	startView?: string;
	/** Re-review period by tier (the inventory's criticality, lower-cased) and outcome, in days; reviewDays for untiered vendors. */
	tierReviewDays: Record<string, Record<string, number>>;
	/** Decisions that need a second reviewer: "none", or comma-separated OUTCOME or OUTCOME:restricted. */
	signoff: string;
	/**
	 * How long the decision log must be kept, stated in every export manifest; the log is never pruned.
	 * Unset, the longest record-keeping period in the records (OFAC: 10 years; `config` shows which).
	 */
	retentionYears?: number;
	/** TUI keys remapped: a command name to a key or keys, e.g. {"chooseColumns": "C"}; the TUI checks them at start. */
	keys?: Record<string, string | string[]>;
	/** TUI colours by role (selection, statusBar, heading, warn, good, error): a name such as blue, or #rrggbb. NO_COLOR still wins. */
	theme?: Record<string, string>;
	/** TUI columns per view, as the column chooser keeps them: their order and the hidden ones, by column key. */
	columns?: Record<string, {order: readonly string[]; hidden: readonly string[]}>;
	/** TUI saved views: a named filter and sort on a view, recalled with v or :view NAME. */
	savedViews?: ReadonlyArray<{name: string; view: string; filter: string; sort: {column: string; descending: boolean} | null}>;
	/**
	 * Where decisions are kept: unset (or "local") for the conf log on this machine, or a
	 * team's PostgreSQL URL without a password (VENDOR_RISK_STORE overrides it).
	 */
	store?: string;
};

export const defaultSettings: Settings = {
	sources: [],
	reviewDays: {approve: 90, 'approve-with-conditions': 90, defer: 30, escalate: 14},
	maxDownloadBytes: 512 * 1024 * 1024,
	snapshotRetention: 20,
	// Shorter for the vendors that matter most; reject has no default period (it stands until revoked).
	tierReviewDays: {
		critical: {approve: 90, 'approve-with-conditions': 60, defer: 14, escalate: 7},
		high: {approve: 180, 'approve-with-conditions': 90, defer: 30, escalate: 14},
		medium: {approve: 365, 'approve-with-conditions': 180, defer: 30, escalate: 14},
		low: {approve: 730, 'approve-with-conditions': 365, defer: 60, escalate: 30},
	},
	signoff: 'none',
};

/** What the app does with its settings: conf's store, or a read-only stand-in when the home cannot be written. */
export type SettingsStore = {
	get<Key extends keyof Settings>(key: Key): Settings[Key];
	set<Key extends keyof Settings>(key: Key, value: Settings[Key]): void;
	/** Removes a key, so its default applies again. */
	delete(key: keyof Settings): void;
	readonly store: Settings;
	readonly path: string;
};

export function openSettings(environment: NodeJS.ProcessEnv = process.env): SettingsStore {
	const folder = appPaths(environment).config;
	try {
		return new Conf<Settings>({
			projectName: 'vendor-risk',
			cwd: folder,
			configName: 'settings',
			defaults: defaultSettings,
			// Every file the app writes is private to the user (the folder is made 0700 by the umask cli.tsx sets).
			configFileMode: 0o600,
			clearInvalidConfig: false,
			projectVersion: '1.0.0',
			migrations: {},
		});
	} catch (error) {
		const why = fileSystemRefusal(error);
		if (!why) throw error;
		// conf writes its defaults when it opens a new file; a home that cannot be written still has settings to read.
		return readOnlySettings(join(folder, 'settings.json'), why);
	}
}

/** The settings as the file (if any) holds them over the defaults; `set` fails with one line saying why. */
function readOnlySettings(path: string, why: string): SettingsStore {
	let stored: Partial<Settings> = {};
	try {
		stored = JSON.parse(readFileSync(path, 'utf8')) as Partial<Settings>;
	} catch (error) {
		// No settings file yet: the defaults. One that exists but cannot be read is not "no sources".
		if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw new OperationError(`cannot read the settings in ${path}: ${why}`);
	}
	const store: Settings = {...defaultSettings, ...stored};
	return {
		path,
		store,
		get: key => store[key],
		set() {
			throw new OperationError(`cannot save the settings in ${path}: ${why}`);
		},
		delete() {
			throw new OperationError(`cannot save the settings in ${path}: ${why}`);
		},
	};
}
export {inputByteLimit} from './input-limit.js';
