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
	/** Re-review period by tier (the inventory's criticality, lower-cased) and outcome, in days; reviewDays for untiered vendors. */
	tierReviewDays: Record<string, Record<string, number>>;
	/** Decisions that need a second reviewer: "none", or comma-separated OUTCOME or OUTCOME:restricted. */
	signoff: string;
	/**
	 * How long the decision log must be kept, stated in every export manifest; the log is never pruned.
	 * Unset, the longest record-keeping period in the records (OFAC: 10 years; `config` shows which).
	 */
	retentionYears?: number;
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
