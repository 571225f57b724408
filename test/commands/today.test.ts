// "Today" is an input: VENDOR_RISK_TODAY pins it for every command, --as-of
// overrides it for one run, and a malformed value is bad input.
import {afterEach, beforeEach, expect, it} from 'vitest';
import {temporaryHome} from '../helpers.js';
import {runCli} from './cli.js';

let home: ReturnType<typeof temporaryHome>;
beforeEach(() => {
	home = temporaryHome();
});
afterEach(() => home.remove());

const statusOf = (stdout: string, id: string) =>
	(JSON.parse(stdout) as {asOf: string; rows: Array<{id: string; status: string}>}).rows.find(row => row.id === id)?.status;

it('judges status on VENDOR_RISK_TODAY when no --as-of is given', () => {
	const before = runCli(['list', 'restrictions', '--json'], home.path, {env: {VENDOR_RISK_TODAY: '2024-07-01'}});
	expect(before.status).toBe(0);
	expect(JSON.parse(before.stdout).asOf).toBe('2024-07-01');
	expect(statusOf(before.stdout, 'kaspersky-icts-fd-2024')).toBe('upcoming');
	const after = runCli(['list', 'restrictions', '--json'], home.path, {env: {VENDOR_RISK_TODAY: '2024-10-01'}});
	expect(statusOf(after.stdout, 'kaspersky-icts-fd-2024')).toBe('active');
});

it('lets --as-of override VENDOR_RISK_TODAY for one run', () => {
	const result = runCli(['list', 'restrictions', '--json', '--as-of', '2024-07-01'], home.path, {env: {VENDOR_RISK_TODAY: '2030-01-01'}});
	expect(JSON.parse(result.stdout).asOf).toBe('2024-07-01');
});

it('refuses a malformed VENDOR_RISK_TODAY with one line and exit 2', () => {
	for (const args of [['list', 'vendors'], ['queue']]) {
		const result = runCli(args, home.path, {env: {VENDOR_RISK_TODAY: '2024-02-30'}});
		expect(result.status).toBe(2);
		expect(result.stdout).toBe('');
		expect(result.stderr).toBe(
			'vendor-risk: VENDOR_RISK_TODAY is "2024-02-30", not a date; set it to YYYY-MM-DD (e.g. 2026-01-31) or unset it\n',
		);
	}
});
