import {readFileSync, writeFileSync} from 'node:fs';
import {afterEach, beforeEach, expect, it} from 'vitest';
import {addDays} from '../../source/dates/index.js';
import {temporaryHome, testToday} from '../helpers.js';
import {runCli} from './cli.js';

let home: ReturnType<typeof temporaryHome>;
beforeEach(() => {
	home = temporaryHome();
});
afterEach(() => home.remove());

it('records decisions under the reviewer set in the config', () => {
	expect(runCli(['config', 'set', 'reviewer', 'Ada Lovelace'], home.path).status).toBe(0);
	expect(runCli(['decide', 'kaspersky', 'reject', '--reason', 'sanctioned-entity', '--note', 'Listed.'], home.path).status).toBe(0);
	const exported = JSON.parse(runCli(['log', 'export', '--format', 'json'], home.path).stdout) as {entries: Array<{reviewer: string}>};
	expect(exported.entries.map(entry => entry.reviewer)).toEqual(['Ada Lovelace']);
});

it('uses the configured re-review period as the default', () => {
	expect(runCli(['config', 'set', 'reviewDays.approve', '10'], home.path).status).toBe(0);
	runCli(['decide', 'huawei', 'approve', '--reason', 'accepted-risk', '--note', 'Legacy routers only.', '--yes'], home.path);
	const exported = JSON.parse(runCli(['log', 'export', '--format', 'json'], home.path).stdout) as {entries: Array<{reviewBy: string}>};
	// Today is the app's (VENDOR_RISK_TODAY), not the machine's clock.
	expect(exported.entries[0]!.reviewBy).toBe(addDays(testToday, 10));
});

it('rejects an unknown key or a bad value with exit code 2', () => {
	expect(runCli(['config', 'set', 'colour', 'red'], home.path).status).toBe(2);
	expect(runCli(['config', 'set', 'threshold', '7'], home.path).status).toBe(2);
	expect(runCli(['config', 'set', 'startView', 'nowhere'], home.path).status).toBe(2);
	expect(JSON.parse(runCli(['config', '--json'], home.path).stdout)).toMatchObject({
		settings: {'reviewDays.approve': {value: 90, from: 'default'}},
	});
});

type ConfigJson = {settingsFile: string; settings: Record<string, {value: unknown; from: string}>};
const configJson = (env: Record<string, string> = {}) => JSON.parse(runCli(['config', '--json'], home.path, {env}).stdout) as ConfigJson;

it('shows every setting as used, with where it came from: the file, a default, git, the environment', () => {
	expect(runCli(['config', 'set', 'threshold', '0.9'], home.path).status).toBe(0);
	const shown = configJson({GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1'});
	expect(shown.settings.threshold).toEqual({value: 0.9, from: 'settings file'});
	expect(shown.settings['reviewDays.approve']).toEqual({value: 90, from: 'default'});
	expect(shown.settings['reviewDays.reject']).toEqual({value: null, from: 'default'});
	expect(shown.settings.today).toEqual({value: testToday, from: 'VENDOR_RISK_TODAY'});
	// No reviewer configured and no git name: the login name, and it says so.
	expect(shown.settings.reviewer!.from).toBe('login name');
	expect(runCli(['config', 'set', 'reviewer', 'Ada Lovelace'], home.path).status).toBe(0);
	expect(configJson().settings.reviewer).toEqual({value: 'Ada Lovelace', from: 'settings file'});
});

it('shows the effective threshold when none is set, and never conf’s internals', () => {
	const text = runCli(['config'], home.path);
	expect(text.status).toBe(0);
	expect(text.stdout).toMatch(/^threshold +0\.8 +default$/m);
	expect(text.stdout).toMatch(/^reviewer +\S.* +(login name|git config user\.name)$/m);
	expect(text.stdout).not.toContain('__internal__');
	expect(text.stderr).toContain('settings file: ');
	expect(JSON.stringify(configJson())).not.toContain('__internal__');
});

it("lists the TUI's remapped keys, theme, columns and saved views from the file", () => {
	const file = configJson().settingsFile;
	const settings = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
	writeFileSync(
		file,
		JSON.stringify({
			...settings,
			keys: {chooseColumns: 'C'},
			theme: {selection: 'blue'},
			columns: {vendors: {order: ['name', 'hq'], hidden: ['hq']}},
			savedViews: [{name: 'cn', view: 'vendors', filter: 'hq:CN', sort: null}],
		}),
	);
	const shown = configJson().settings;
	expect(shown['keys.chooseColumns']).toEqual({value: 'C', from: 'settings file'});
	expect(shown['theme.selection']).toEqual({value: 'blue', from: 'settings file'});
	expect(shown['columns.vendors']!.value).toBe('name (hidden: hq)');
	expect(shown['savedViews.cn']!.value).toBe('vendors hq:CN');
});
