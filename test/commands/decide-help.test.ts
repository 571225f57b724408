// `decide --help` advertises only the form that works: its usage line, filled
// in with a real vendor, outcome and reason, records a decision.
import {afterEach, beforeEach, expect, it} from 'vitest';
import {temporaryHome} from '../helpers.js';
import {runCli} from './cli.js';

let home: ReturnType<typeof temporaryHome>;
beforeEach(() => {
	home = temporaryHome();
});
afterEach(() => home.remove());

const example: Record<string, string> = {
	'<vendor-id>': 'kaspersky',
	'<outcome>': 'reject',
	'<code>': 'sanctioned-entity',
	'<text>': 'ICTS final determination',
	'<date>': '2027-01-31',
};

it('shows one usage line, and that line filled in records a decision', () => {
	const help = runCli(['decide', '--help'], home.path);
	expect(help.status).toBe(0);
	const usages = help.stdout.split('\n').filter(line => /usage:/i.test(line));
	expect(usages).toHaveLength(1);
	const words = usages[0]!
		.replace(/^Usage: vendor-risk /, '')
		.replace(/[[\]]/g, '')
		.split(/\s+/)
		.map(word => example[word] ?? word);
	expect(words.some(word => word.startsWith('<'))).toBe(false);
	const decided = runCli(words, home.path);
	expect(decided.status, decided.stderr).toBe(0);
	expect(runCli(['log', 'verify'], home.path).stdout).toContain('chain intact: 1 entry');
});
