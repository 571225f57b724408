// The app's own settings (conf): configured sources, the reviewer, defaults.
// Decisions live in their own store (decisions/); this file holds no secrets:
// a source names the environment variable that carries its token, never the token.
import Conf from 'conf';
import {appPaths} from '../app-home/index.js';
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
	snapshotRetention: number;
	/** The view the TUI opens on: vendors (the default) or dashboard, or any other view name. */
	startView?: string;
	/** TUI keys remapped: a command name to a key or keys, e.g. {"chooseColumns": "C"}; the TUI checks them at start. */
	keys?: Record<string, string | string[]>;
	/** TUI colours by role (selection, statusBar, heading, warn, good, error): a name such as blue, or #rrggbb. NO_COLOR still wins. */
	theme?: Record<string, string>;
	/** TUI columns per view, as the column chooser keeps them: their order and the hidden ones, by column key. */
	columns?: Record<string, {order: string[]; hidden: string[]}>;
	/** TUI saved views: a named filter and sort on a view, recalled with v or :view NAME. */
	savedViews?: Array<{name: string; view: string; filter: string; sort: {column: string; descending: boolean} | null}>;
};

export const defaultSettings: Settings = {
	sources: [],
	reviewDays: {approve: 90, 'approve-with-conditions': 90, defer: 30, escalate: 14},
	maxDownloadBytes: 512 * 1024 * 1024,
	snapshotRetention: 20,
};

export function openSettings(environment: NodeJS.ProcessEnv = process.env): Conf<Settings> {
	return new Conf<Settings>({
		projectName: 'vendor-risk',
		cwd: appPaths(environment).config,
		configName: 'settings',
		defaults: defaultSettings,
		clearInvalidConfig: false,
		projectVersion: '1.0.0',
		migrations: {},
	});
}
