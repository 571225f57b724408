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
	expect(JSON.parse(runCli(['config'], home.path).stdout)).toMatchObject({reviewDays: {approve: 90}});
});
